"""How often Python's cyclic garbage collector runs while cleanprep cleans.

Cleaning makes millions of short-lived objects (segments, tuples, the model's guesses) that
reference counting frees as soon as they are dropped; they form no cycles the collector must break.
At its default pace (a pass every 700 new objects, now and then a full pass over everything alive)
the collector spent about a tenth of a one-process run over chrome-dev walking them
(`benchmarks/speed_pairs.py -- --jobs 1`, 2026-12-07: 1.16 -> 1.29 MB/s with this and the core's
changes of the same commit; 7.65 -> 7.07 s of `Pipeline.run` alone). A run, and each worker process,
collects `COLLECT_EVERY` new objects apart instead; a library caller's own pace comes back when
the run ends.

>>> before = gc.get_threshold()
>>> with fewer_collections():
...     gc.get_threshold()[0] >= COLLECT_EVERY
True
>>> gc.get_threshold() == before
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

COLLECT_EVERY = 50_000


def collect_less_often() -> None:
    """Set the collector's first threshold to `COLLECT_EVERY` (or leave a higher one), for good."""
    first, *rest = gc.get_threshold()
    gc.set_threshold(max(first, COLLECT_EVERY), *rest)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block at the pace `collect_less_often` sets, then restore the caller's."""
    before = gc.get_threshold()
    collect_less_often()
    try:
        yield
    finally:
        gc.set_threshold(*before)
