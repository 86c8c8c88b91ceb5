"""The local engine: read sources -> pipeline (in worker processes) -> write, with progress and summary.

Documents go to workers in windows and come back in input order, so `--jobs 4` writes the same
bytes as `--jobs 1`. At most a few windows per worker are in flight, so memory stays bounded
whatever the corpus size. Ctrl-C (or SIGTERM) stops cleanly: unfinished outputs are removed, the
summary says the run was interrupted, and `--resume` carries on from the manifest.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .config import Config
from .document import Document
from .pipeline import WINDOW, Pipeline
from .progress import Progress
from .read import Source, find_sources, read_source
from .summary import RunSummary
from .write import Manifest, OutputWriter, remove_stale_temporaries

# A window also ends once it holds this many bytes, so one window never holds a huge file twice.
WINDOW_BYTES = 2 * 1024 * 1024
# Lines must recur in at least this many files of a run before they count as boilerplate.
MIN_FILES_FOR_RECURRENCE = 5


@dataclass
class RunOptions:
    """How a local run reads and writes (the pipeline's own options are in `Config`)."""

    outdir: Path | None  # None: standard output
    resume: bool = False
    report: Path | None = None
    progress: bool = True
    stderr: TextIO | None = None


# Set in each worker process by _init_worker: the pipeline, built once per process.
_worker_pipeline: Pipeline | None = None


def _init_worker(config: Config, recurrence: Any) -> None:
    global _worker_pipeline
    # The parent handles Ctrl-C and tells the workers to stop; workers ignore SIGINT.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_pipeline = Pipeline(config, recurrence)


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _work(window: list[Document]) -> list[Document]:
    assert _worker_pipeline is not None
    return _worker_pipeline.process_window(window)


def _windows(docs: Iterable[tuple[Document, Source]]) -> Iterator[list[tuple[Document, Source]]]:
    window: list[tuple[Document, Source]] = []
    size = 0
    for item in docs:
        window.append(item)
        size += len(item[0].text)
        if len(window) >= WINDOW or size >= WINDOW_BYTES:
            yield window
            window, size = [], 0
    if window:
        yield window


def build_recurrence(sources: list[Source]) -> Any:
    """Count lines across the files of a run (the cross-file boilerplate pre-pass)."""
    from .chrome import RecurrenceIndex

    index = RecurrenceIndex()
    for source in sources:
        if source.path is None:
            continue
        for doc in read_source(source):
            if doc.error is None:
                index.add(doc.text)
    return index


def _process(pipeline: Pipeline, config: Config, recurrence: Any,
             windows: Iterator[list[tuple[Document, Source]]]) -> Iterator[tuple[Document, Source]]:
    """Run the pipeline over windows, in this process or in a pool, yielding in input order."""
    if config.jobs == 1:
        for window in windows:
            done = pipeline.process_window([d for d, _ in window])
            yield from zip(done, [s for _, s in window])
        return
    # Fork shares the already loaded language model with the workers, copy-on-write.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pool = ctx.Pool(config.jobs, initializer=_init_worker, initargs=(config, recurrence))
    try:
        pending: deque = deque()
        limit = config.jobs * 3
        for window in windows:
            pending.append((pool.apply_async(_work, ([d for d, _ in window],)), [s for _, s in window]))
            while len(pending) >= limit:
                result, srcs = pending.popleft()
                yield from zip(result.get(), srcs)
        while pending:
            result, srcs = pending.popleft()
            yield from zip(result.get(), srcs)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def run_clean(inputs: list[str], config: Config, options: RunOptions) -> RunSummary:
    """Clean every input into `options.outdir`; returns the summary (errors listed in it)."""
    err = options.stderr or sys.stderr
    summary = RunSummary(target=config.target)
    outdir = options.outdir
    found = find_sources(inputs, exclude=outdir)
    for path, reason in found.problems:
        summary.add_error(path, reason)
        print(f"cleanprep: {path}: {reason}", file=err)
    summary.notes.extend(found.notes)
    sources = found.sources
    manifest = None
    if outdir is not None:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(outdir)
        manifest = Manifest(outdir, config.fingerprint())
        manifest.start(resume=options.resume)
        if options.resume:
            todo = []
            for s in sources:
                if s.path is not None and manifest.is_done(s.unit, str(s.path), s.size, s.mtime_ns):
                    summary.skipped_units += 1
                else:
                    todo.append(s)
            sources = todo
    recurrence = None
    text_files = [s for s in found.sources if s.kind == "text" and s.path is not None]
    if config.chrome and config.cross_file and len(text_files) >= MIN_FILES_FOR_RECURRENCE:
        # Counted over all files of the run, resumed or not, so a resumed run judges the same.
        recurrence = build_recurrence(text_files)
    from .language.model import load_model

    load_model()
    pipeline = Pipeline(config, recurrence)
    writer = OutputWriter(outdir, config.format, manifest)
    progress = Progress(total_units=len(sources), stream=err, enabled=options.progress)
    docs = ((doc, s) for s in sources for doc in read_source(s))
    # SIGTERM stops a run the way Ctrl-C does (signals can only be set from the main thread).
    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGTERM)
    if on_main:
        signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        for doc, source in _process(pipeline, config, recurrence, _windows(docs)):
            writer.write(doc, source)
            summary.add(doc)
            if doc.error is not None:
                print(f"cleanprep: {doc.unit or doc.id}: {doc.error}", file=err)
            progress.update(1, doc.nbytes, units=int(doc.last))
    except KeyboardInterrupt:
        summary.interrupted = True
        writer.abort()
    finally:
        if on_main:
            signal.signal(signal.SIGTERM, previous)
        progress.close()
        summary.bytes_out = writer.bytes_out
        writer.close()
    summary.finish()
    if options.report is not None:
        summary.write_report(options.report)
    return summary
