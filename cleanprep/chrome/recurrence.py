"""Cross-file boilerplate: how many files of a run contain each short line, in bounded memory.

For a directory run a pre-pass adds every document; the judge then asks, for each line, the share of
the run's files that contain it. Menus, footers and "Share this" lines of one site recur in most of
its pages; article sentences do not. Counts live in a count-min sketch (a few rows of counters
indexed by independent hashes; the minimum over rows never undercounts and rarely overcounts), so
memory is fixed whatever the corpus size. Keys are split, normalised and hashed by the compiled core
(`_core.short_line_hashes`, `_core.key_hashes`; see `cleanprep.reference.key_hash`), not with
Python's salted `hash`, so the index is the same in every process and every run, and it pickles to
worker processes.

>>> index = RecurrenceIndex()
>>> from cleanprep.chrome.features import norm_key
>>> stories = ["rain", "snow", "wind", "fog", "sun", "hail"]
>>> for word in stories:
...     index.add(f"Home\\nNews\\nToday's story is about the {word}.")
>>> [float(s) for s in index.shares([norm_key("Home"), norm_key("Today's story is about the fog.")])]
[1.0, 0.0]
"""

from __future__ import annotations

import numpy as np

from .. import _core


def _key_hashes(keys: list[str]) -> np.ndarray:
    """The 64-bit digests of keys (the same in every process)."""
    return np.frombuffer(_core.key_hashes(keys), dtype=np.uint64)


class RecurrenceIndex:
    """Document counts of normalised short lines (count-min sketch: `depth` x `width` counters)."""

    # Lines longer than this (characters) are never boilerplate candidates: they are not counted.
    MAX_CHARS = 120
    # Below this many files, shares are not reported (recurrence means nothing in a tiny run).
    MIN_FILES = 5

    def __init__(self, width: int = 1 << 17, depth: int = 3) -> None:
        if not 0 < width <= 1 << 21 or not 0 < depth <= 3:
            raise ValueError("width must be in 1..2**21 and depth in 1..3")
        self.width = width
        self.depth = depth
        self.counts = np.zeros((depth, width), dtype=np.uint32)
        self.files = 0

    def _slots(self, key: str) -> list[int]:
        return self._rows_of(_key_hashes([key]))[:, 0].tolist()

    def _rows(self, keys: list[str]) -> np.ndarray:
        """Counter slots of `keys`: one row per sketch row, one column per key."""
        return self._rows_of(_key_hashes(keys))

    def _rows_of(self, hashes: np.ndarray) -> np.ndarray:
        # Rows take disjoint 21-bit slices of one 64-bit digest (width is at most 2**21).
        shifts = np.arange(self.depth, dtype=np.uint64)[:, None] * np.uint64(21)
        return ((hashes[None, :] >> shifts) % np.uint64(self.width)).astype(np.int64)

    def add(self, doc_text: str) -> None:
        """Count each distinct short line of one document once."""
        self.files += 1
        # The kernel splits, keys (`features.norm_key`) and hashes the short lines in one pass.
        hashes = np.frombuffer(_core.short_line_hashes(doc_text, self.MAX_CHARS), dtype=np.uint64)
        if not len(hashes):
            return
        slots = self._rows_of(hashes)
        for r in range(self.depth):
            # Digests are distinct, but two may share a counter: add.at counts both.
            np.add.at(self.counts[r], slots[r], 1)

    def merge(self, other: RecurrenceIndex) -> None:
        """Add the counts of an index built over other files (same width and depth)."""
        if (other.width, other.depth) != (self.width, self.depth):
            raise ValueError("indexes of different sizes cannot be merged")
        self.counts += other.counts
        self.files += other.files

    def count(self, key: str) -> int:
        """How many files contain the line with normalised form `key` (an upper bound)."""
        if not key:
            return 0
        return int(min(self.counts[r, s] for r, s in enumerate(self._slots(key))))

    def shares(self, keys: list[str]) -> np.ndarray:
        """For each normalised line of a document of the run, the share of the run's *other* files that
        contain it (the document itself was added too); 0 for every line in runs of few files."""
        out = np.zeros(len(keys))
        if self.files < self.MIN_FILES:
            return out
        # One vectorised lookup for all of a document's lines: this runs for every line of a run.
        wanted = [i for i, key in enumerate(keys) if key and len(key) <= self.MAX_CHARS]
        if not wanted:
            return out
        slots = self._rows([keys[i] for i in wanted])
        counts = np.take_along_axis(self.counts, slots, axis=1).min(axis=0).astype(np.int64)
        out[wanted] = np.maximum(counts - 1, 0) / (self.files - 1)
        return out
