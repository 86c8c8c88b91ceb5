"""Map a function over chunks in worker processes, results in input order, with few chunks in flight.

`concurrent.futures`' own `map` reads its whole input first; a corpus can be bigger than memory, so
this submits a chunk only when one of the `2 * jobs` places in flight is free.

>>> list(ordered_map(sorted, iter([[3, 1], [2, 0]]), jobs=1))
[[1, 3], [0, 2]]
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(fn: Callable[[T], R], chunks: Iterable[T], jobs: int,
                initializer: Callable[[], None] | None = None) -> Iterator[R]:
    """`map(fn, chunks)` in `jobs` forked processes (in this one when jobs is 1)."""
    if jobs <= 1:
        if initializer is not None:
            initializer()
        yield from map(fn, chunks)
        return
    pool = new_pool(jobs, initializer)
    pending: deque[Future] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(fn, chunk))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        # All done, the workers idle: a plain shutdown joins them and the pool's own thread. (Stopped
        # without waiting, that thread can still be closing its pipe when the interpreter exits, and
        # Python 3.11 then prints a traceback: 3 of 40 runs of `cleanprep detect` on one record.)
        pool.shutdown(wait=True)
    finally:
        # Stopped early (an error, or the caller stopped reading): do not wait for chunks in flight.
        stop_pool(pool)


def new_pool(jobs: int, initializer: Callable[..., None] | None = None,
             initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of `jobs` worker processes, forked where the platform can fork (spawned elsewhere).

    >>> pool = new_pool(2)
    >>> pool.submit(pow, 2, 5).result()
    32
    >>> stop_pool(pool)
    """
    # Fork shares what the parent already loaded (the language model) with the workers, copy-on-write.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=initializer, initargs=initargs)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: queued chunks are cancelled, running workers terminated, its thread joined.

    Nothing in flight is waited for, only the processes' exit and the pool's manager thread. Left
    running, that thread can still be closing its pipe when the interpreter exits, and Python 3.11
    then prints a traceback after the run has ended. (Once a pool is shut down, this does nothing.)

    >>> pool = ProcessPoolExecutor(1)
    >>> pool.submit(abs, -3).result()
    3
    >>> stop_pool(pool)
    >>> pool.submit(abs, -3)
    Traceback (most recent call last):
    ...
    RuntimeError: cannot schedule new futures after shutdown
    """
    # The executor has no public way to stop a running task or reach its thread and processes; they
    # are private attributes, read with a default in case a later Python renames them. They are taken
    # before the shutdown, which forgets both (read after it, the processes were never terminated).
    manager = getattr(pool, "_executor_manager_thread", None)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=5)
    if manager is not None and manager is not threading.current_thread():
        manager.join(timeout=5)
