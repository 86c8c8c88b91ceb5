"""The resume manifest: which outputs of a run are complete, from which input, with which options.

`--resume` trusts this, not the mere existence of an output file: an output counts as done only when
its line is here and the input's size, modification time and the output-changing options match.

>>> import tempfile, pathlib
>>> m = Manifest(pathlib.Path(tempfile.mkdtemp()), "target=en")
>>> m.start(resume=False)
>>> m.record("a.txt", "/in/a.txt", 10, 123)
>>> Manifest(m.outdir, "target=en").load().is_done("a.txt", "/in/a.txt", 10, 123)
True
>>> Manifest(m.outdir, "target=de").load().is_done("a.txt", "/in/a.txt", 10, 123)
False
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

MANIFEST_DIR = ".cleanprep"
MANIFEST_NAME = "manifest.jsonl"


class Manifest:
    """An append-only JSONL file in `OUTDIR/.cleanprep/`, one line per completed output."""

    def __init__(self, outdir: Path, fingerprint: str) -> None:
        self.outdir = Path(outdir)
        self.path = self.outdir / MANIFEST_DIR / MANIFEST_NAME
        self.fingerprint = fingerprint
        self.done: dict[str, dict] = {}
        self._fh: IO[str] | None = None

    def load(self) -> Manifest:
        """Read what a previous run completed (a torn last line, from a kill, is ignored)."""
        self.done = {}
        if self.path.exists():
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        entry = json.loads(line)
                        self.done[entry["unit"]] = entry
                    except (json.JSONDecodeError, KeyError, TypeError):
                        continue
        return self

    def is_done(self, unit: str, source: str, size: int, mtime_ns: int) -> bool:
        entry = self.done.get(unit)
        return (
            entry is not None
            and entry.get("source") == source
            and entry.get("size") == size
            and entry.get("mtime_ns") == mtime_ns
            and entry.get("config") == self.fingerprint
            and (self.outdir / entry.get("output", unit)).exists()
        )

    def start(self, resume: bool) -> None:
        """Open for appending; a run that does not resume starts a new manifest."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if resume:
            self.load()
        self._fh = open(self.path, "a" if resume else "w", encoding="utf-8")  # noqa: SIM115

    def record(self, unit: str, source: str, size: int, mtime_ns: int, output: str | None = None) -> None:
        """Note one completed output, on disk before returning (the output is renamed already)."""
        assert self._fh is not None, "start() first"
        entry = {"unit": unit, "output": output or unit, "source": source, "size": size,
                 "mtime_ns": mtime_ns, "config": self.fingerprint}
        self._fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.done[unit] = entry

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
