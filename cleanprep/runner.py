"""The local engine: read sources -> pipeline (in worker processes) -> write, with progress and summary.

Documents go to workers in windows and come back in input order, so `--jobs 4` writes the same
bytes as `--jobs 1`. Only a few windows are in flight at a time, bounded both in number and in
characters, so memory stays bounded whatever the corpus or file size. Ctrl-C (or SIGTERM) stops
cleanly: the document being written is finished or removed, unfinished outputs are removed, the
summary says the run was interrupted, and `--resume` carries on from the manifest. A worker that
dies (killed, out of memory, a crash in native code) fails only its own window's documents.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .config import Config
from .document import Document
from .gc_pace import collect_less_often, fewer_collections
from .parallel import new_pool, ordered_map, stop_pool
from .pipeline import WINDOW, Pipeline
from .progress import Progress
from .read import Source, find_sources, read_source
from .summary import RunSummary, count_segments
from .write import Manifest, OutputWriter, remove_stale_temporaries

# A window also ends once it holds this many characters, so one window never holds a huge file twice.
WINDOW_BYTES = 2 * 1024 * 1024
# Characters of text in flight to workers at once (a window costs several times its text in the
# parent, the pipe and the worker).
IN_FLIGHT_CHARS = 8 * 1024 * 1024
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
    # Called with every finished document, in order (the explain view and HTML report use this).
    observers: list[Callable[[Document], None]] = field(default_factory=list)


# Set in each worker process by _init_worker: the pipeline, built once per process, and whether
# the parent wants documents back without their segments (text output, nobody observing).
_worker_pipeline: Pipeline | None = None
_worker_light = False


def _init_worker(config: Config, recurrence: Any, light: bool = False) -> None:
    global _worker_pipeline, _worker_light
    _init_child()
    # A worker is ours alone: it collects at the pace `fewer_collections` sets, for its life.
    collect_less_often()
    _worker_pipeline = Pipeline(config, recurrence)
    _worker_light = light


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the parent dies: a parent killed with SIGKILL cannot stop
    its workers, and they would wait on the task queue forever."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        pass


def _work(window: list[Document]) -> list[Document]:
    assert _worker_pipeline is not None
    done = _worker_pipeline.process_window(window)
    if _worker_light:
        for doc in done:
            lighten(doc)
    return done


def lighten(doc: Document) -> None:
    """Keep only what text output and the summary need, so little travels back from a worker."""
    if doc.error is None:
        doc.counts = count_segments(doc)
    doc.segments = []
    doc.text = doc.fixed = ""


class _Interrupts:
    """Turns Ctrl-C and SIGTERM into KeyboardInterrupt, but never inside a `critical()` section.

    Writing a document (renaming an output, appending its manifest line) is not cut in the middle:
    a signal that arrives then is held and raised when the section ends.
    """

    def __init__(self) -> None:
        self.depth = 0
        self.pending = False

    def handler(self, signum: int, frame: Any) -> None:
        if self.depth:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def critical(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.pending:
                self.pending = False
                raise KeyboardInterrupt


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


def build_recurrence(sources: list[Source], jobs: int = 1) -> Any:
    """Count lines across the files of a run (the cross-file boilerplate pre-pass).

    With several jobs each worker counts every `jobs`-th file and the counts are added up: the
    sketch is a table of counters, so the sum is exactly what one process would have counted.
    """
    shares = [sources[i::jobs] for i in range(min(jobs, len(sources)))]
    if len(shares) <= 1:
        return _count_lines(sources)
    parts = list(ordered_map(_count_lines, shares, len(shares), initializer=_init_child))
    index = parts[0]
    for part in parts[1:]:
        index.merge(part)
    return index


def _init_child() -> None:
    # The parent handles Ctrl-C and SIGTERM and stops the workers itself; a forked worker must not
    # inherit the parent's handlers (a KeyboardInterrupt in a worker prints a traceback).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _count_lines(sources: list[Source]) -> Any:
    from .chrome import RecurrenceIndex

    index = RecurrenceIndex()
    for source in sources:
        if source.path is None:
            continue
        for doc in read_source(source):
            if doc.error is None:
                index.add(doc.text)
    return index


def preflight(config: Config) -> None:
    """Load what every document needs before anything is written: a missing model file is a set-up
    mistake (FileNotFoundError, exit 2), not a failure of every input."""
    from .language.model import load_model
    from .second_models import warm_up

    load_model()
    # Started here, before any worker is forked, the load of lingua's models is shared by every worker
    # (each would otherwise load its own: 0.04 to 0.05 s of CPU apiece).
    warm_up()
    if config.chrome:
        from .chrome.judge import default_model

        default_model()


def _process(pipeline: Pipeline, config: Config, recurrence: Any,
             windows: Iterator[list[tuple[Document, Source]]],
             light: bool = False) -> Iterator[tuple[Document, Source]]:
    """Run the pipeline over windows, in this process or in a pool, yielding in input order."""
    if config.jobs == 1:
        for window in windows:
            done = pipeline.process_window([d for d, _ in window])
            yield from zip(done, [s for _, s in window], strict=True)
        return
    yield from _pooled(config, recurrence, windows, light)


def _new_pool(config: Config, recurrence: Any, light: bool = False) -> ProcessPoolExecutor:
    return new_pool(config.jobs, _init_worker, (config, recurrence, light))


def _pooled(config: Config, recurrence: Any,
            windows: Iterator[list[tuple[Document, Source]]],
            light: bool = False) -> Iterator[tuple[Document, Source]]:
    pool = _new_pool(config, recurrence, light)
    # Each entry: (future, documents, sources, characters).
    pending: deque[tuple[Future, list[Document], list[Source], int]] = deque()
    in_flight = 0
    try:
        source_iter = iter(windows)
        exhausted = False
        while True:
            # Keep the pool busy, within bounds: two windows per worker, and IN_FLIGHT_CHARS.
            while not exhausted and len(pending) < config.jobs * 2 and (
                    not pending or in_flight < IN_FLIGHT_CHARS):
                window = next(source_iter, None)
                if window is None:
                    exhausted = True
                    break
                docs = [d for d, _ in window]
                chars = sum(len(d.text) for d in docs)
                pending.append((pool.submit(_work, docs), docs, [s for _, s in window], chars))
                in_flight += chars
            if not pending:
                # Every window is back and the workers are idle: a plain shutdown joins them and
                # the pool's own thread. (Stopped without waiting, that thread can still be closing
                # its pipe when the interpreter exits, and Python 3.11 then prints a traceback.)
                pool.shutdown(wait=True)
                return
            future, docs, srcs, chars = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                # A worker died, and every window in flight died with the pool. Find the culprit:
                # this window's documents go again one by one, each in a pool of its own if need
                # be; the others are sent again afterwards.
                rest = [(d, s) for _, d, s, _ in pending]
                pending.clear()
                done = []
                for doc in docs:
                    stop_pool(pool)
                    pool = _new_pool(config, recurrence, light)
                    try:
                        done.extend(pool.submit(_work, [doc]).result())
                    except BrokenProcessPool:
                        doc.error = "a worker process died while cleaning this document (out of memory?)"
                        done.append(doc)
                stop_pool(pool)
                pool = _new_pool(config, recurrence, light)
                for r_docs, r_srcs in rest:
                    r_chars = sum(len(d.text) for d in r_docs)
                    pending.append((pool.submit(_work, r_docs), r_docs, r_srcs, r_chars))
            in_flight -= chars
            yield from zip(done, srcs, strict=True)
    finally:
        stop_pool(pool)


def run_clean(inputs: list[str], config: Config, options: RunOptions) -> RunSummary:
    """Clean every input into `options.outdir`; returns the summary (errors listed in it).

    Problems with inputs are reported in the summary and on stderr and the run goes on; a missing
    model file raises FileNotFoundError before anything is written.
    """
    err = options.stderr or sys.stderr
    summary = RunSummary(target=config.target)
    outdir = options.outdir
    preflight(config)
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
    pipeline = Pipeline(config, None)
    writer = OutputWriter(outdir, config.format, manifest)
    progress = Progress(total_units=len(sources), stream=err, enabled=options.progress)
    with fewer_collections():
        interrupts = _Interrupts()
        # Signals can only be set from the main thread; elsewhere (a library caller's thread) Ctrl-C
        # reaches the main thread as usual.
        on_main = threading.current_thread() is threading.main_thread()
        previous = {}
        if on_main:
            for sig in (signal.SIGINT, signal.SIGTERM):
                previous[sig] = signal.signal(sig, interrupts.handler)
        try:
            text_files = [s for s in found.sources if s.kind == "text" and s.path is not None]
            if config.chrome and config.cross_file and len(text_files) >= MIN_FILES_FOR_RECURRENCE:
                # Counted over all files of the run, resumed or not, so a resumed run judges the same.
                pipeline.recurrence = build_recurrence(text_files, config.jobs)
            docs = ((doc, s) for s in sources for doc in read_source(s))
            # Text output with nobody observing needs no segments back from the workers.
            light = config.format == "text" and not options.observers
            for doc, source in _process(pipeline, config, pipeline.recurrence, _windows(docs), light):
                with interrupts.critical():
                    writer.write(doc, source)
                    summary.add(doc)
                    for observe in options.observers:
                        observe(doc)
                    if doc.error is not None:
                        print(f"cleanprep: {doc.unit or doc.id}: {doc.error}", file=err)
                    progress.update(1, doc.nbytes, units=int(doc.last))
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            # Whatever stopped the run, no half-written output stays behind.
            writer.abort()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            progress.close()
            summary.bytes_out = writer.bytes_out
            writer.close()
    summary.finish()
    if options.report is not None:
        summary.write_report(options.report)
    return summary
