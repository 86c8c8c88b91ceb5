"""Read a `Source` into `Document`s: a text file (in parts when it is big), or a JSONL file's records.

A problem with a source (binary, unreadable, a bad JSONL line) becomes a Document whose `error`
says what went wrong, so the run reports it and goes on; nothing is dropped silently. A problem
with the whole file comes as a document with `part` 0; a bad JSONL line as one with `part` set to
its line number (the writer withholds the output of the first kind, and skips only the line of
the second kind).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"
>>> _ = path.write_text('{"id": "a", "text": "Hello"}\\nnot json\\n{"id": "b", "text": "Bye"}\\n')
>>> docs = list(read_source(Source(path, "in.jsonl", "jsonl")))
>>> for d in docs: print(d.id, repr(d.text), d.error, d.last)
a 'Hello' None False
in.jsonl:2 '' line 2: not valid JSON (Expecting value) False
b 'Bye' None True
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterator

from ..document import Document
from .decode import SAMPLE_BYTES, BinaryFileError, sniff_encoding
from .sources import Source

# A text file bigger than this is cleaned in parts of at most about this many characters, cut at a
# blank line (or a line break, or a space), so that memory stays bounded whatever the file's size.
# A worker needs about 35 bytes per character of a part (segments, features, language scores), so
# a 1 M-character part costs some 40 MB; a web page is far smaller and is never cut.
PART_BYTES = 1024 * 1024
# A JSONL record longer than this is reported and skipped rather than read into memory whole.
MAX_RECORD_BYTES = 256 * 1024 * 1024
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def read_source(source: Source, part_bytes: int | None = None) -> Iterator[Document]:
    """The documents of one source, in order; the last one has `last=True` (parts of `part_bytes`
    characters at most, about; default PART_BYTES)."""
    part_bytes = part_bytes or PART_BYTES
    try:
        if source.kind == "jsonl":
            yield from _mark_last(_read_jsonl(source))
        else:
            yield from _mark_last(_read_text(source, part_bytes))
    except (OSError, BinaryFileError) as exc:
        reason = f"cannot read: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Document(id=source.unit, text="", unit=source.unit, part=0, error=reason)


def is_file_failure(doc: Document) -> bool:
    """Whether a failed document stands for its whole file (rather than one JSONL line).

    >>> is_file_failure(Document(id="a.txt", text="", part=0, error="binary file"))
    True
    >>> is_file_failure(Document(id="x.jsonl:3", text="", part=3, error="line 3: not valid JSON"))
    False
    """
    return doc.error is not None and doc.part == 0


def _mark_last(docs: Iterator[Document]) -> Iterator[Document]:
    prev = None
    for doc in docs:
        if prev is not None:
            prev.last = False
            yield prev
        prev = doc
    if prev is not None:
        prev.last = True
        yield prev


def _open(source: Source):  # noqa: ANN202
    return sys.stdin.buffer if source.path is None else open(source.path, "rb")  # noqa: SIM115


def _read_text(source: Source, part_bytes: int) -> Iterator[Document]:
    stream = _open(source)
    try:
        head = stream.read(SAMPLE_BYTES)
        decoder = codecs.getincrementaldecoder(sniff_encoding(head))(errors="replace")
        pending = decoder.decode(head, final=False)
        nbytes, part = len(head), 0
        while True:
            chunk = stream.read(min(part_bytes, 1 << 20))
            nbytes += len(chunk)
            pending += decoder.decode(chunk, final=not chunk)
            if chunk and len(pending) < part_bytes:
                continue
            if chunk:
                cut = _cut_point(pending)
                text, pending = pending[:cut], pending[cut:]
            else:
                text, pending = pending, ""
            yield Document(id=source.unit if part == 0 else f"{source.unit}#{part}", text=text,
                           unit=source.unit, part=part, nbytes=nbytes)
            if not chunk:
                return
            nbytes, part = 0, part + 1
    finally:
        if source.path is not None:
            stream.close()


def _cut_point(text: str) -> int:
    """Where to end a part: after the last blank line, else line break, else space, else anywhere."""
    floor = len(text) // 2
    for sep in ("\n\n", "\n", " "):
        i = text.rfind(sep, floor)
        if i >= 0:
            return i + len(sep)
    return len(text)


def _read_jsonl(source: Source) -> Iterator[Document]:
    stream = _open(source)
    try:
        lineno = 0
        while True:
            raw = stream.readline(MAX_RECORD_BYTES)
            if not raw:
                return
            lineno += 1
            bad_id = f"{source.unit}:{lineno}"

            def bad(reason: str, lineno: int = lineno, bad_id: str = bad_id) -> Document:
                return Document(id=bad_id, text="", unit=source.unit, part=lineno,
                                error=f"line {lineno}: {reason}")

            if len(raw) >= MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                # Skip the rest of the record without holding it.
                while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                    pass
                yield bad(f"a record longer than {MAX_RECORD_BYTES >> 20} MB, skipped")
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield bad("not UTF-8 (JSON Lines must be UTF-8)")
                continue
            except (json.JSONDecodeError, RecursionError) as exc:
                why = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield bad(f"not valid JSON ({why})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield bad('a record needs a string "text" field')
                continue
            rid = record.get("id", bad_id)
            # A JSON escape can hold half a surrogate pair ("\\ud800"), which no encoder can write;
            # U+FFFD takes its place, one character for one, so offsets into the text still hold.
            text = record["text"]
            if not text.isascii():
                text = _LONE_SURROGATE.sub("\ufffd", text)
            yield Document(id=str(rid), text=text, meta=record, unit=source.unit, part=lineno,
                           nbytes=len(raw))
    finally:
        if source.path is not None:
            stream.close()
