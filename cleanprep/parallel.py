"""Map a function over chunks in worker processes, results in input order, with few chunks in flight.

`concurrent.futures`' own `map` reads its whole input first; a corpus can be bigger than memory, so
this submits a chunk only when one of the `2 * jobs` places in flight is free.

>>> list(ordered_map(sorted, iter([[3, 1], [2, 0]]), jobs=1))
[[1, 3], [0, 2]]
"""

from __future__ import annotations

import multiprocessing as mp
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
    # Fork shares what the parent already loaded (the language model) with the workers.
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=initializer)
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
        pool.shutdown(wait=False, cancel_futures=True)
