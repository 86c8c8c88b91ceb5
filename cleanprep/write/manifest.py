"""The resume manifest: which outputs of a run are complete, from which input, with which options.

`--resume` trusts this, not the mere existence of an output file: an output counts as done only when
its line is here and the input's size, modification time and the output-changing options match.

>>> import tempfile, pathlib
>>> m = Manifest(pathlib.Path(tempfile.mkdtemp()), "target=en")
>>> m.start(resume=False)
>>> _ = (m.outdir / "a.txt").write_text("clean text")
>>> m.record("a.txt", "/in/a.txt", 10, 123)
>>> Manifest(m.outdir, "target=en").load().is_done("a.txt", "/in/a.txt", 10, 123)
True
>>> Manifest(m.outdir, "target=de").load().is_done("a.txt", "/in/a.txt", 10, 123)
False
>>> (m.outdir / "a.txt").unlink()  # an output that is gone is not done, whatever the manifest says
>>> Manifest(m.outdir, "target=en").load().is_done("a.txt", "/in/a.txt", 10, 123)
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
        if resume and self._fh.tell() > 0:
            with open(self.path, "rb") as fh:
                fh.seek(-1, os.SEEK_END)
                torn = fh.read(1) != b"\n"
            if torn:
                # A kill cut the last line short: end it, so the next entry stands on its own line.
                self._fh.write("\n")

    def record(self, unit: str, source: str, size: int, mtime_ns: int, output: str | None = None) -> None:
        """Note one completed output (already renamed into place); written through before returning.

        Flushed to the kernel, not fsynced: a killed process loses no line; `close` fsyncs.
        """
        assert self._fh is not None, "start() first"
        entry = {"unit": unit, "output": output or unit, "source": source, "size": size,
                 "mtime_ns": mtime_ns, "config": self.fingerprint}
        # ASCII escapes: a file name with undecodable bytes (surrogate escapes) still makes a line.
        self._fh.write(json.dumps(entry) + "\n")
        self._fh.flush()
        self.done[unit] = entry

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
