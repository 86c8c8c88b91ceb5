"""A progress line on standard error for long runs: documents, documents/s and MB/s.

It draws only on a terminal, at most five times a second, and only after the run has gone on for a
second (short runs stay quiet); elsewhere (CI logs) it prints a plain line every 30 seconds.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Call `update(docs, nbytes)` per document; `close()` at the end."""

    def __init__(self, total_units: int | None = None, stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.total = total_units
        self.start = time.perf_counter()
        self.last = self.start
        self.docs = 0
        self.units = 0
        self.nbytes = 0
        self.drawn = False

    def update(self, docs: int = 1, nbytes: int = 0, units: int = 0) -> None:
        self.docs += docs
        self.nbytes += nbytes
        self.units += units
        if not self.enabled:
            return
        now = time.perf_counter()
        wait = 0.2 if self.tty else 30.0
        if now - self.last < wait or now - self.start < 1.0:
            return
        self.last = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        secs = max(now - self.start, 1e-9)
        files = f"{self.units}/{self.total} files, " if self.total else ""
        line = (f"{files}{self.docs} docs, {self.docs / secs:.1f} docs/s, "
                f"{self.nbytes / 1e6 / secs:.2f} MB/s, {secs:.0f} s")
        if self.tty:
            self.stream.write("\r\x1b[K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
