"""Documents as table rows and back: what the Ray engine ships between workers and the driver.

A row going in has `id` and `text`, and may have `unit` (or `path`: the output file it belongs to),
`part`, `last`, `nbytes`, `meta` (the original JSONL record as a JSON string) and `error` (a
problem met while reading, e.g. a bad JSONL line). A row coming out adds the result columns: the
`clean` text, `lang`, `lang_score`, `target`, the `source_text` the segment offsets refer to, `segments` and
`stats` as JSON strings (the same shapes as the JSONL record of `cleanprep.assemble.to_record`, so
they round-trip through Parquet and JSONL alike), and `error`, null unless the document failed.

>>> doc = Document(id="a", text="Hello there.")
>>> doc.fixed = doc.clean = doc.text
>>> doc.segments = [Segment(0, 12, lang="en", score=0.9)]
>>> row = {"id": "a", "text": "Hello there.", **result_values(doc)}
>>> back = document_from_result(row)
>>> back.clean, back.segments[0].lang, back.segments[0].verdict, back.error
('Hello there.', 'en', 'keep', None)
>>> document_from_row({"id": 7, "text": None}).error
'a row needs a string "text" field'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..assemble import document_stats
from ..document import KEEP, UNKNOWN_LANG, Document, Segment
from ..write.atomic import safe_text

# Result columns added to every row, with their Arrow type names (all nullable).
RESULT_COLUMNS: dict[str, str] = {
    "clean": "string",
    "lang": "string",
    "lang_score": "float64",
    "target": "string",
    "source_text": "string",
    "segments": "string",
    "stats": "string",
    "error": "string",
}

# Columns of a row read from a source by the engine (see `document_row`).
INPUT_COLUMNS: dict[str, str] = {
    "id": "string",
    "text": "string",
    "unit": "string",
    "part": "int64",
    "last": "bool",
    "nbytes": "int64",
    "meta": "string",
    "error": "string",
}


def document_row(doc: Document) -> dict[str, Any]:
    """The input row of a document read from a source (INPUT_COLUMNS).

    >>> document_row(Document(id="a.txt", text="Hi", unit="a.txt", nbytes=2))["meta"] is None
    True
    """
    return {
        "id": doc.id,
        "text": safe_text(doc.text),
        "unit": doc.unit,
        "part": doc.part,
        "last": doc.last,
        "nbytes": doc.nbytes,
        # ASCII JSON keeps lone surrogates of a record exact (Arrow strings cannot hold them raw).
        "meta": json.dumps(doc.meta) if doc.meta else None,
        "error": doc.error,
    }


def document_from_row(row: Mapping[str, Any], index: int = 0) -> Document:
    """The Document a row describes; a row without string text becomes a failed document."""
    text = row.get("text")
    unit = row.get("unit") or row.get("path") or ""
    rid = row.get("id")
    meta = row.get("meta")
    doc = Document(
        id=str(rid) if rid is not None else (str(unit) or str(index)),
        text=text if isinstance(text, str) else "",
        meta=json.loads(meta) if isinstance(meta, str) else {},
        unit=str(unit),
        part=int(row.get("part") or 0),
        last=bool(row.get("last", True)),
        nbytes=int(row["nbytes"]) if row.get("nbytes") is not None
        else len(text.encode("utf-8", "replace")) if isinstance(text, str) else 0,
    )
    if row.get("error"):
        doc.error = str(row["error"])
    elif not isinstance(text, str):
        doc.error = 'a row needs a string "text" field'
    return doc


def result_values(doc: Document) -> dict[str, Any]:
    """The result columns of one processed document (all null but `error` when it failed)."""
    if doc.error is not None:
        return {name: None for name in RESULT_COLUMNS} | {"error": doc.error}
    return {
        "clean": safe_text(doc.clean),
        "lang": doc.lang,
        "lang_score": float(doc.lang_score),
        "target": doc.target,
        "source_text": safe_text(doc.fixed),
        "segments": json.dumps([s.to_dict(doc.fixed) for s in doc.segments]),
        "stats": json.dumps(document_stats(doc), ensure_ascii=False),
        "error": None,
    }


def segment_from_dict(d: Mapping[str, Any]) -> Segment:
    """A Segment from its JSONL form (`Segment.to_dict`).

    >>> seg = Segment(3, 9, 1, 2, lang="uk", score=0.5, verdict="foreign", reason="no-package:uk->en",
    ...               action="drop")
    >>> segment_from_dict(seg.to_dict("x" * 10)) == seg
    True
    """
    return Segment(
        start=int(d["start"]),
        end=int(d["end"]),
        block=int(d.get("block", 0)),
        line=int(d.get("line", 0)),
        lang=d.get("lang", UNKNOWN_LANG),
        score=float(d.get("score", 0.0)),
        verdict=d.get("verdict", KEEP),
        reason=d.get("reason", ""),
        action=d.get("action", KEEP),
        translation=d.get("translation"),
        package=d.get("package"),
    )


def document_from_result(row: Mapping[str, Any]) -> Document:
    """The processed Document an output row describes: enough to write it and count it exactly."""
    doc = document_from_row(row)
    doc.error = row.get("error") or None
    if doc.error is not None:
        return doc
    doc.fixed = row.get("source_text") or ""
    doc.clean = row.get("clean") or ""
    doc.lang = row.get("lang") or UNKNOWN_LANG
    doc.lang_score = float(row.get("lang_score") or 0.0)
    doc.target = row.get("target") or UNKNOWN_LANG
    doc.segments = [segment_from_dict(d) for d in json.loads(row.get("segments") or "[]")]
    stats = json.loads(row.get("stats") or "{}")
    doc.fixes = list(stats.get("fixes", []))
    doc.redactions = dict(stats.get("redactions", {}))
    return doc
