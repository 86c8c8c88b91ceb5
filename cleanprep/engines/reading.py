"""Sources to rows for the distributed engine: text files and JSONL through `cleanprep.read`, plus Parquet.

Text and JSONL sources read exactly as in the local engine (same ids, parts, errors). A Parquet file
gives one row per table row: its `id` column (else `FILE:ROW`, rows counted from 1) and its `text`
column; `part` is the row's number (from 1, as a JSONL line's), which the Parquet writer uses to put the
clean text back; a file that cannot be read gives one failed row with `part` 0.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> _ = path.write_text('{"id": "x", "text": "Hi"}\\n')
>>> [(r["id"], r["text"], r["last"]) for r in source_rows(Source(path, "a.jsonl", "jsonl"))]
[('x', 'Hi', True)]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..read import Source, read_source
from ..write.atomic import safe_text
from .rows import document_row

PARQUET_SUFFIXES = (".parquet", ".pq")
PARQUET = "parquet"


def with_parquet_kind(source: Source) -> Source:
    """The source, marked `parquet` when its name says so (`find_sources` knows text and JSONL only)."""
    if source.path is not None and source.path.name.lower().endswith(PARQUET_SUFFIXES):
        return Source(source.path, source.unit, PARQUET, source.size, source.mtime_ns)
    return source


def source_rows(source: Source) -> Iterator[dict[str, Any]]:
    """The input rows of one source, in order; the last one has `last` True."""
    if source.kind == PARQUET:
        yield from _parquet_rows(source)
    else:
        for doc in read_source(source):
            yield document_row(doc)


def _parquet_rows(source: Source) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    assert source.path is not None
    try:
        pfile = pq.ParquetFile(source.path)
        names = pfile.schema_arrow.names
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        yield _failed(source, f"not a readable Parquet file ({exc})")
        return
    if "text" not in names:
        yield _failed(source, 'a Parquet input needs a "text" column')
        return
    total = pfile.metadata.num_rows
    columns = ["id", "text"] if "id" in names else ["text"]
    index = 0
    for batch in pfile.iter_batches(columns=columns, batch_size=1024):
        ids = batch.column("id").to_pylist() if "id" in columns else [None] * batch.num_rows
        for rid, text in zip(ids, batch.column("text").to_pylist(), strict=True):
            index += 1
            good = isinstance(text, str)
            yield {
                "id": str(rid) if rid is not None else f"{source.unit}:{index}",
                "text": safe_text(text) if good else "",
                "unit": source.unit,
                "part": index,
                "last": index == total,
                "nbytes": len(text.encode("utf-8", "replace")) if good else 0,
                "meta": None,
                "error": None if good else f'row {index}: a record needs a string "text" field',
            }


def _failed(source: Source, reason: str) -> dict[str, Any]:
    return {"id": source.unit, "text": "", "unit": source.unit, "part": 0, "last": True,
            "nbytes": 0, "meta": None, "error": reason}


def source_record(source: Source) -> dict[str, Any]:
    """A source as a plain row (what the engine's dataset of sources holds)."""
    return {"path": str(source.path), "unit": source.unit, "kind": source.kind,
            "size": source.size, "mtime_ns": source.mtime_ns}


def source_from_record(record: dict[str, Any]) -> Source:
    """The inverse of `source_record`.

    >>> s = Source(Path("/in/a.txt"), "a.txt", "text", 3, 9)
    >>> source_from_record(source_record(s)) == s
    True
    """
    return Source(Path(record["path"]), record["unit"], record["kind"], int(record["size"]),
                  int(record["mtime_ns"]))
