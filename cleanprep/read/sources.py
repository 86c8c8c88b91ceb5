"""Find the input files of a run: directory trees, single files, JSONL files, stdin.

Each input becomes a `Source` whose `unit` is the path its output takes under the output directory
(`INPUT/a/b.txt` -> `a/b.txt`). Hidden files and folders are skipped, symlink loops are walked once,
the output directory is never read as input, and a file named twice is read once.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "a").mkdir(); _ = (root / "a" / "b.txt").write_text("x"); _ = (root / "c.jsonl").write_text("{}")
>>> found = find_sources([str(root)])
>>> [(s.unit, s.kind) for s in found.sources]
[('a/b.txt', 'text'), ('c.jsonl', 'jsonl')]
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

JSONL_SUFFIXES = (".jsonl", ".ndjson")
STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One input file (or stdin, with `path` None) and where its output goes."""

    path: Path | None
    unit: str
    kind: str  # "text" or "jsonl"
    size: int = 0
    mtime_ns: int = 0


@dataclass
class FoundSources:
    """What `find_sources` found, and the problems it met (path, reason) on the way."""

    sources: list[Source] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _kind(path: Path) -> str:
    return "jsonl" if path.name.lower().endswith(JSONL_SUFFIXES) else "text"


def _inside(path: Path, root: Path | None) -> bool:
    if root is None:
        return False
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def find_sources(inputs: list[str], exclude: Path | None = None) -> FoundSources:
    """Expand INPUT arguments into sources, in a stable order (sorted within each directory)."""
    found = FoundSources()
    excluded = exclude.resolve() if exclude is not None else None
    seen_files: dict[Path, str] = {}
    units: dict[str, str] = {}

    def add(path: Path, unit: str, shown: str) -> None:
        try:
            real = path.resolve()
            st = real.stat()
        except OSError as exc:
            found.problems.append((shown, f"cannot read: {exc.strerror or exc}"))
            return
        except RuntimeError:  # Python < 3.13 reports a symlink loop this way
            found.problems.append((shown, "cannot read: symlink loop"))
            return
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or device would block or never end: only regular files are read.
            found.problems.append((shown, "not a regular file, skipped"))
            return
        if real in seen_files:
            found.notes.append(f"{shown}: same file as {seen_files[real]}, read once")
            return
        if unit in units:
            found.problems.append((shown, f"its output {unit} would overwrite that of {units[unit]}"))
            return
        seen_files[real] = shown
        units[unit] = shown
        found.sources.append(Source(path, unit, _kind(path), st.st_size, st.st_mtime_ns))

    for arg in inputs:
        if arg == STDIN:
            found.sources.append(Source(None, "stdin.txt", "text"))
            continue
        root = Path(arg)
        if not root.exists():
            found.problems.append((arg, "no such file or directory"))
        elif root.is_dir():
            if excluded is not None and root.resolve() == excluded:
                found.problems.append((arg, "is the output directory; give the input directory instead"))
                continue
            first = len(found.sources)
            _walk(root, arg, excluded, add, found)
            # os.walk gives a folder's files before its subfolders; outputs go in path order.
            found.sources[first:] = sorted(found.sources[first:], key=lambda s: s.unit)
        else:
            add(root, root.name, arg)
    return found


def _walk(root: Path, shown: str, excluded: Path | None, add, found: FoundSources) -> None:  # noqa: ANN001
    visited: set[tuple[int, int]] = set()
    # Only a tree that holds the output directory needs the (slow) resolve of every folder.
    prune = excluded if excluded is not None and _inside(excluded, root.resolve()) else None

    def onerror(exc: OSError) -> None:
        found.problems.append((str(exc.filename), f"cannot read directory: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        here = Path(dirpath)
        try:
            st = here.stat()
        except OSError as exc:
            found.problems.append((dirpath, f"cannot read directory: {exc.strerror or exc}"))
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:
            # A symlink loop (or a second link to a folder already read): read it once.
            found.notes.append(f"{dirpath}: already walked (symlink loop), skipped")
            dirnames[:] = []
            continue
        visited.add(key)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not _inside(here / d, prune)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            add(path, path.relative_to(root).as_posix(), str(path))
