"""How often Python's cyclic garbage collector runs while cleanprep cleans.

Cleaning makes millions of short-lived objects (segments, tuples, the model's guesses) that
reference counting frees as soon as they are dropped; they form no cycles the collector must break.
At its default pace (a pass every 700 new objects, now and then a full pass over everything alive)
it walks them again and again: one process over chrome-dev (`Pipeline.run`, timed once at each pace
on 2026-12-07) took 7.65 s at the default, 7.07 s at 50,000 and 7.04 s with the collector off.
A run, and each worker process, collects `COLLECT_EVERY` new objects apart instead; a library
caller's own pace comes back when the run ends.

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
