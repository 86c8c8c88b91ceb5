"""The Ray engine: the same pipeline on a Ray cluster, for corpora that outgrow one machine.

`clean_dataset` adds the pipeline to any `ray.data.Dataset` whose rows have `id` and `text`: a pool
of `CleanBatch` actors, each of which builds the pipeline and loads the language model once, cleans
batches of rows with `Pipeline.process_window` (the local engine's per-window call, so documents,
clean text and verdicts are the same), and adds the result columns of `cleanprep.engines.rows`.

    >>> import ray, cleanprep                                                   # doctest: +SKIP
    >>> ds = ray.data.read_parquet("s3://bucket/crawl/")                         # doctest: +SKIP
    >>> out = clean_dataset(ds, cleanprep.Config(foreign="drop"), concurrency=8)  # doctest: +SKIP
    >>> out.write_parquet("s3://bucket/clean/")                                  # doctest: +SKIP

`run_clean_ray` is `cleanprep clean --engine ray`: workers read the sources (text trees, JSONL,
Parquet; the files must be where every node can read them) and clean them; the driver receives the
documents in input order and writes the same outputs as the local engine, byte for byte.

Ray is an optional extra: this module imports it only when called, and says how to install it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..config import Config, ConfigError
from ..document import Document
from ..pipeline import WINDOW, Pipeline
from ..progress import Progress
from ..read import Source, find_sources
from ..runner import MIN_FILES_FOR_RECURRENCE, build_recurrence
from ..summary import RunSummary
from ..write import Manifest, OutputWriter, remove_stale_temporaries
from .parquet_out import ParquetOutputs
from .reading import PARQUET, source_from_record, source_record, source_rows, with_parquet_kind
from .rows import INPUT_COLUMNS, RESULT_COLUMNS, document_from_result, document_from_row, result_values

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data

RAY_MISSING = "--engine ray needs Ray: pip install 'cleanprep[ray]'"

# A read batch ends after this many documents or bytes of text, so one big file streams in pieces.
READ_ROWS = 256
READ_BYTES = 8 * 1024 * 1024


def import_ray() -> Any:
    """The `ray` module with Ray Data, or a ConfigError that says how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401 - the extra's Data part, not only Ray core
    except ImportError as exc:
        raise ConfigError(RAY_MISSING) from exc
    return ray


class CleanBatch:
    """The per-worker callable of `map_batches`: the pipeline and its models are built once per actor."""

    def __init__(self, config: Config, recurrence: Any = None) -> None:
        from ..language.model import load_model

        self.pipeline = Pipeline(config, recurrence)
        load_model()

    def __call__(self, batch: pa.Table) -> pa.Table:
        docs = [document_from_row(row, i) for i, row in enumerate(batch.to_pylist())]
        # One window per batch, as the local engine does; failures land in doc.error, never raise.
        self.pipeline.process_window(docs)
        return with_result_columns(batch, docs)


def with_result_columns(batch: pa.Table, docs: list[Document]) -> pa.Table:
    """The batch with the result columns of its documents set (replaced where they already exist)."""
    import pyarrow as pa

    values = [result_values(d) for d in docs]
    for name, type_name in RESULT_COLUMNS.items():
        # Explicit types: a batch where every value is null must still concatenate with the others.
        column = pa.array([v[name] for v in values], pa.type_for_alias(type_name))
        if name in batch.column_names:
            batch = batch.set_column(batch.schema.get_field_index(name), name, column)
        else:
            batch = batch.append_column(name, column)
    return batch


def clean_dataset(
    ds: ray.data.Dataset,
    config: Config,
    *,
    num_gpus: float = 0,
    concurrency: int | None = None,
    batch_size: int = WINDOW,
    recurrence: Any = None,
) -> ray.data.Dataset:
    """Clean every row of `ds` (columns `id` and `text`; `unit`/`path` optional): a lazy Dataset.

    Output rows keep their columns and gain `clean`, `lang`, `lang_score`, `target`, `source_text`,
    `segments` and `stats` (JSON strings) and `error` (null unless the row failed; failed rows are
    kept, never dropped). `concurrency` is the number of workers (default: an autoscaling pool of
    up to one per CPU, or per `num_gpus` GPUs, of the cluster); `num_gpus` per worker puts
    translation on a GPU (`config.device` "cpu" then becomes "cuda"). `recurrence` is a
    `RecurrenceIndex` of the run's files for cross-file boilerplate (the local engine builds one for
    directory runs).
    """
    ray = import_ray()
    if num_gpus > 0 and config.device == "cpu":
        config = config.with_options(device="cuda")
    # No size given: the pool grows while there is work, as far as the cluster's CPUs (or GPUs) go.
    pool = ray.data.ActorPoolStrategy
    compute = pool(size=concurrency) if concurrency else pool(min_size=1)
    return ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"config": config, "recurrence": recurrence},
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=compute,
        num_gpus=num_gpus or None,
    )


def _read_sources(batch: pa.Table) -> Iterator[pa.Table]:
    """map_batches function: a batch of source records -> tables of input rows, streamed."""
    import pyarrow as pa

    schema = pa.schema([(name, pa.type_for_alias(type_name)) for name, type_name in INPUT_COLUMNS.items()])
    rows: list[dict[str, Any]] = []
    size = 0
    for record in batch.to_pylist():
        for row in source_rows(source_from_record(record)):
            rows.append(row)
            size += len(row["text"])
            if len(rows) >= READ_ROWS or size >= READ_BYTES:
                yield pa.Table.from_pylist(rows, schema)
                rows, size = [], 0
    if rows:
        yield pa.Table.from_pylist(rows, schema)


def read_sources(sources: list[Source]) -> ray.data.Dataset:
    """A Dataset of the input rows of `sources` (read by workers; the files must be reachable there)."""
    ray = import_ray()
    files = ray.data.from_items([source_record(s) for s in sources])
    # Reading is light next to cleaning: it takes no CPU slot, so a pool on every CPU never starves it.
    return files.map_batches(_read_sources, batch_size=1, batch_format="pyarrow", num_cpus=0)


class _RaySession:
    """ray.init on entry (unless Ray is already running here) and ray.shutdown on exit if we started it."""

    def __init__(self, ray: Any, address: str | None) -> None:
        self.ray = ray
        self.address = address
        self.started = False

    def __enter__(self) -> _RaySession:
        if not self.ray.is_initialized():
            try:
                self.ray.init(address=self.address, include_dashboard=False, logging_level=logging.WARNING)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = self.address or "a new local cluster"
                raise ConfigError(f"cannot start or reach Ray at {where}: {exc}") from exc
            self.started = True
        context = self.ray.data.DataContext.get_current()
        # The driver writes outputs as they come: they must come in input order.
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.started:
            self.ray.shutdown()


def _cleaned(sources: list[Source], config: Config, recurrence: Any, concurrency: int | None,
             num_gpus: float) -> Iterator[Document]:
    """The cleaned documents of `sources`, back on the driver in input order."""
    ds = clean_dataset(read_sources(sources), config, num_gpus=num_gpus, concurrency=concurrency,
                       recurrence=recurrence)
    for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
        for row in batch.to_pylist():
            yield document_from_result(row)


def run_clean_ray(
    inputs: list[str],
    config: Config,
    outdir: Path | None,
    *,
    address: str | None = None,
    report: Path | None = None,
    resume: bool = False,
    progress: bool = True,
    concurrency: int | None = None,
    num_gpus: float = 0,
    stderr: TextIO | None = None,
) -> RunSummary:
    """`cleanprep clean --engine ray`: clean every input into `outdir` on Ray; returns the summary.

    Outputs are those of the local engine (`cleanprep.runner.run_clean`): mirrored text files,
    JSONL, and Parquet for Parquet inputs, with the same manifest, so `--resume` works with either.
    """
    ray = import_ray()
    err = stderr or sys.stderr
    summary = RunSummary(target=config.target)
    found = find_sources(inputs, exclude=outdir)
    for path, reason in found.problems:
        summary.add_error(path, reason)
        print(f"cleanprep: {path}: {reason}", file=err)
    summary.notes.extend(found.notes)
    all_sources = [with_parquet_kind(s) for s in found.sources]
    if any(s.path is None for s in all_sources):
        raise ConfigError("--engine ray reads files, not standard input: give files or directories")
    if outdir is None and any(s.kind == PARQUET for s in all_sources):
        raise ConfigError("Parquet inputs need an output directory (-o DIR), not standard output")
    sources = all_sources
    manifest = None
    if outdir is not None:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(outdir)
        manifest = Manifest(outdir, config.fingerprint())
        manifest.start(resume=resume)
        if resume:
            sources = [s for s in all_sources
                       if not manifest.is_done(s.unit, str(s.path), s.size, s.mtime_ns)]
            summary.skipped_units += len(all_sources) - len(sources)
    text_files = [s for s in all_sources if s.kind == "text"]
    recurrence = None
    if config.chrome and config.cross_file and len(text_files) >= MIN_FILES_FOR_RECURRENCE:
        # The same pre-pass over the same files as the local engine, so both judge alike.
        recurrence = build_recurrence(text_files)
    by_unit = {s.unit: s for s in sources}
    writer = OutputWriter(outdir, config.format, manifest)
    parquet = ParquetOutputs(outdir, config.format, manifest) if outdir is not None else None
    meter = Progress(total_units=len(sources), stream=err, enabled=progress)
    try:
        # Nothing to do (all complete, with --resume) needs no cluster.
        with _RaySession(ray, address) if sources else contextlib.nullcontext():
            docs = _cleaned(sources, config, recurrence, concurrency, num_gpus) if sources else iter(())
            for doc in docs:
                source = by_unit[doc.unit]
                if source.kind == PARQUET and parquet is not None:
                    parquet.write(doc, source)
                else:
                    writer.write(doc, source)
                summary.add(doc)
                if doc.error is not None:
                    print(f"cleanprep: {doc.unit or doc.id}: {doc.error}", file=err)
                meter.update(1, doc.nbytes, units=int(doc.last))
    except KeyboardInterrupt:
        summary.interrupted = True
        writer.abort()
        if parquet is not None:
            parquet.abort()
    finally:
        meter.close()
        summary.bytes_out = writer.bytes_out + (parquet.bytes_out if parquet is not None else 0)
        writer.close()
    summary.finish()
    if report is not None:
        summary.write_report(report)
    return summary
