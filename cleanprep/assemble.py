"""Assemble the clean text from the segments' verdicts, and the JSONL record of a document.

Kept segments keep their text; chrome and dropped segments go; translated segments stand where
their source stood; tagged segments are wrapped in `<foreign lang="..">`. A line with nothing left
goes with its line break; blank-line separated blocks stay separated by one blank line. When nothing
at all was removed or changed, the output is the fixed text exactly.

>>> from cleanprep.document import Document, Segment
>>> doc = Document(id="x", text="")
>>> doc.fixed = "Home | News\\n\\nIt rained. Фото: Reuters\\nThe end.\\n"
>>> doc.segments = [Segment(0, 11, 0, 0, verdict="chrome", reason="nav"),
...                 Segment(13, 23, 1, 1), Segment(24, 37, 1, 1, lang="uk", verdict="foreign", action="drop"),
...                 Segment(38, 46, 1, 2)]
>>> assemble(doc)
'It rained.\\nThe end.\\n'
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .document import CHROME, FOREIGN, KEEP, TAG, TRANSLATE, Document, Segment, foreign_fate


def segment_output(doc: Document, seg: Segment) -> str | None:
    """What a segment contributes to the clean text, or None when it goes."""
    if seg.verdict == KEEP:
        return doc.content(seg)
    if seg.verdict == CHROME:
        return None
    if seg.verdict == FOREIGN:
        fate = foreign_fate(seg.action, seg.translation)
        if fate == KEEP:
            return doc.content(seg)
        if fate == TRANSLATE:
            return seg.translation
        if fate == TAG:
            return f'<foreign lang="{seg.lang}">{doc.content(seg)}</foreign>'
        return None
    return doc.content(seg)


def _unchanged(doc: Document) -> bool:
    return all(s.verdict == KEEP or (s.verdict == FOREIGN and s.action == KEEP) for s in doc.segments)


def assemble(doc: Document, redact_kinds: frozenset[str] = frozenset()) -> str:
    """Set and return `doc.clean`: the text made of what the segments keep."""
    if _unchanged(doc):
        text = doc.fixed
    else:
        out: list[str] = []
        last_block = None
        for line in doc.lines():
            parts: list[str] = []
            prev_end = None
            for seg in line:
                piece = segment_output(doc, seg)
                if piece is None:
                    prev_end = None
                    continue
                if parts:
                    # The original gap between two kept neighbours, else one space.
                    parts.append(doc.fixed[prev_end : seg.start] if prev_end is not None else " ")
                parts.append(piece)
                prev_end = seg.end
            if not parts:
                continue
            if out:
                out.append("\n\n" if line[0].block != last_block else "\n")
            out.append("".join(parts))
            last_block = line[0].block
        if out and doc.fixed.endswith("\n"):
            out.append("\n")
        text = "".join(out)
    if redact_kinds:
        from .redact import redact

        text, counts = redact(text, redact_kinds)
        doc.redactions = dict(counts)
    doc.clean = text
    return text


def document_stats(doc: Document) -> dict[str, Any]:
    """Counts for one document: segments, chrome by reason, foreign by language and action."""
    chrome: Counter[str] = Counter()
    foreign: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    for seg in doc.segments:
        if seg.verdict == CHROME:
            chrome[seg.reason or "chrome"] += 1
        elif seg.verdict == FOREIGN:
            foreign[seg.lang] += 1
            actions[seg.reason or seg.action] += 1
    return {
        "segments": len(doc.segments),
        "chrome": dict(chrome),
        "foreign": dict(foreign),
        "foreign_actions": dict(actions),
        "redactions": dict(doc.redactions),
        "fixes": list(doc.fixes),
    }


def to_record(doc: Document) -> dict[str, Any]:
    """The JSONL record of a cleaned document: clean text plus every segment's verdict.

    Fields of the input record other than id and text come back unchanged.
    """
    record: dict[str, Any] = {k: v for k, v in doc.meta.items() if k not in ("id", "text")}
    record.update(
        {
            "id": doc.id,
            "lang": doc.lang,
            "lang_score": round(doc.lang_score, 4),
            "target": doc.target,
            "text": doc.clean,
            "source_text": doc.fixed,
            "segments": [s.to_dict(doc.fixed) for s in doc.segments],
            "stats": document_stats(doc),
        }
    )
    if doc.error:
        record["error"] = doc.error
    return record
