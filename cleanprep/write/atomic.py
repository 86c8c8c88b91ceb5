"""Write files atomically: to a temporary file beside the target, then rename over it.

A reader never sees half a file, and a run stopped at any moment leaves either the old file or the
new one, plus at worst a temporary file that the next run removes. Files are not fsynced one by one
(that costs about 3.6 ms a file here, six minutes per 100,000 files): a killed process loses
nothing the kernel has, and the manifest is fsynced when a run closes.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
>>> with AtomicFile(target) as f:
...     _ = f.write("hello")
>>> target.read_text()
'hello'
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO

TMP_MARK = ".cleanprep-tmp-"
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def safe_text(text: str) -> str:
    """Text that UTF-8 can hold: lone surrogates (from JSON escapes) become U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)


class AtomicFile:
    """A text file opened for writing under a temporary name, renamed into place on commit."""

    def __init__(self, target: Path, durable: bool = False) -> None:
        self.target = Path(target)
        self.durable = durable
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.target.with_name(f"{TMP_MARK}{os.getpid()}-{self.target.name}")
        self._fh: IO[str] | None = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115

    def write(self, text: str) -> int:
        assert self._fh is not None
        return self._fh.write(safe_text(text))

    def commit(self) -> None:
        """Close and rename over the target (fsynced first when `durable`)."""
        if self._fh is None:
            return
        self._fh.flush()
        if self.durable:
            os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        """Remove the temporary file; the target is left as it was."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_atomic(target: Path, text: str) -> None:
    """Write a whole file atomically (and durably: reports and single outputs are few)."""
    with AtomicFile(target, durable=True) as f:
        f.write(text)


def remove_stale_temporaries(outdir: Path) -> int:
    """Delete temporary files a killed run left under `outdir`; how many were removed."""
    removed = 0
    if outdir.is_dir():
        for dirpath, _dirs, files in os.walk(outdir):
            for name in files:
                if name.startswith(TMP_MARK):
                    Path(dirpath, name).unlink(missing_ok=True)
                    removed += 1
    return removed
