"""Write cleaned documents under the output directory, mirroring the input tree.

Text inputs give text outputs (`--format text`) or one JSONL record per document (`--format
jsonl`, written to `NAME.jsonl`); JSONL inputs give JSONL outputs with the same fields and the text
cleaned. Every output is written atomically and entered in the resume manifest once complete. A
text file that failed anywhere gives no output at all (half a file is worse than none); a JSONL
file loses only its bad lines.

A big text file arrives in parts cut at a blank line (or a line break, or a space); the parts'
clean texts are joined with the break the input had there, so words and paragraphs stay apart:

>>> import tempfile, pathlib
>>> out, src = pathlib.Path(tempfile.mkdtemp()), Source(None, "big.txt", "text")
>>> writer = OutputWriter(out, "text")
>>> parts = [("One para.\\n\\n", "One para.\\n"), ("Two words ", "Two words"), ("apart.", "apart.")]
>>> for i, (fixed, clean) in enumerate(parts):
...     doc = Document(id="big.txt", text=fixed, fixed=fixed, clean=clean, part=i, last=i == 2)
...     writer.write(doc, src)
>>> (out / "big.txt").read_text()
'One para.\\n\\nTwo words apart.'
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..assemble import to_record
from ..document import Document
from ..read.readers import is_file_failure
from ..read.sources import Source
from .atomic import AtomicFile, safe_text
from .manifest import Manifest


def output_name(source: Source, fmt: str) -> str:
    """The output's path relative to the output directory.

    >>> src = Source(None, "a/b.txt", "text")
    >>> output_name(src, "text"), output_name(src, "jsonl")
    ('a/b.txt', 'a/b.txt.jsonl')
    """
    if fmt == "jsonl" and source.kind == "text":
        return source.unit + ".jsonl"
    return source.unit


def render(doc: Document, source: Source, fmt: str) -> str:
    """What one document adds to its output file."""
    if fmt == "jsonl":
        return json.dumps(to_record(doc), ensure_ascii=False) + "\n"
    if source.kind == "jsonl":
        record = dict(doc.meta)
        record["id"] = doc.meta.get("id", doc.id)
        record["text"] = doc.clean
        return json.dumps(record, ensure_ascii=False) + "\n"
    return doc.clean


class OutputWriter:
    """Receives documents in order and writes them; `outdir` None writes to standard output."""

    def __init__(self, outdir: Path | None, fmt: str, manifest: Manifest | None = None) -> None:
        self.outdir = outdir
        self.fmt = fmt
        self.manifest = manifest
        self._open: dict[str, AtomicFile] = {}
        self._failed_units: set[str] = set()
        # Per open text unit: the whitespace the input had where the last part was cut, and whether
        # the clean output so far is empty / ends in whitespace.
        self._gap: dict[str, tuple[str, str]] = {}
        self.bytes_out = 0

    def write(self, doc: Document, source: Source) -> None:
        """Add a document to its output; the unit's last document commits the file."""
        unit = source.unit
        if doc.error is not None and (source.kind == "text" or is_file_failure(doc)):
            # Half a text file is worse than none: the whole output is withheld and reported.
            self._failed_units.add(unit)
        if self.outdir is None:
            if doc.error is None:
                text = safe_text(render(doc, source, self.fmt))
                sys.stdout.write(text)
                self.bytes_out += len(text.encode("utf-8"))
            return
        name = output_name(source, self.fmt)
        handle = self._open.get(unit)
        if handle is None and unit not in self._failed_units:
            handle = self._open[unit] = AtomicFile(self.outdir / name)
        if handle is not None and doc.error is None:
            text = render(doc, source, self.fmt)
            if self.fmt == "text" and source.kind == "text":
                text = self._join_part(unit, doc, text)
            handle.write(text)
            self.bytes_out += len(text.encode("utf-8", "replace"))
        if doc.last:
            self._gap.pop(unit, None)
            handle = self._open.pop(unit, None)
            if unit in self._failed_units or handle is None:
                if handle is not None:
                    handle.abort()
                return
            handle.commit()
            if self.manifest is not None and source.path is not None:
                self.manifest.record(unit, str(source.path), source.size, source.mtime_ns, name)

    def _join_part(self, unit: str, doc: Document, text: str) -> str:
        """The part's clean text, preceded by the break its input had after the previous part."""
        cut, written = self._gap.get(unit, ("", ""))
        source_text = doc.fixed or doc.text
        self._gap[unit] = (source_text[len(source_text.rstrip()):], (written + text)[-2:])
        if not text or not written:
            return text
        gap = cut + source_text[: len(source_text) - len(source_text.lstrip())]
        want = "\n\n" if gap.count("\n") > 1 else "\n" if "\n" in gap else " " if gap else ""
        have = written[len(written.rstrip()):] + text[: len(text) - len(text.lstrip())]
        if not have:
            # Cleaning a part drops its trailing break; the input had one here: keep words apart.
            text = want + text
        elif want == "\n\n" and have.count("\n") == 1:
            text = "\n" + text
        self._gap[unit] = (self._gap[unit][0], (written + text)[-2:])
        return text

    def abort(self) -> None:
        """Remove every unfinished output (on interruption): no partial files are left."""
        for handle in self._open.values():
            handle.abort()
        self._open.clear()
        self._gap.clear()

    def close(self) -> None:
        self.abort()
        if self.manifest is not None:
            self.manifest.close()
