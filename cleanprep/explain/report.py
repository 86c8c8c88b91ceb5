"""What a run removed and why, gathered document by document for the terminal view and the HTML report.

Every segment has one *outcome*: what became of it in the clean text. `ReportData` counts bytes and
segments by outcome for every document it sees, and keeps the full detail (each segment's text,
verdict and reason) of the first `max_documents` only, so a report over a big corpus stays small.

>>> from cleanprep.document import Document, Segment
>>> doc = Document(id="a", text="", nbytes=33)
>>> doc.fixed = "Home\\nThe river rose.\\nФото: Reuters"
>>> doc.segments = [Segment(0, 4, line=0, lang="en", verdict="chrome", reason="nav"),
...                 Segment(5, 20, line=1, lang="en"),
...                 Segment(21, 34, line=2, lang="uk", verdict="foreign", action="drop", reason="dropped")]
>>> report = ReportData(target="en")
>>> report.add(doc)
>>> dict(report.bytes_by_part)
{'chrome: nav': 4, 'kept': 15, 'foreign dropped': 17}
>>> [outcome(s) for s in report.documents[0]["segments"]]
['chrome', 'kept', 'dropped']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..assemble import to_record
from ..document import CHROME, DROP, FOREIGN, KEEP, TAG, TRANSLATE, Document, foreign_fate

# Outcomes: what became of a segment in the clean text.
KEPT = "kept"
REMOVED_CHROME = "chrome"
TRANSLATED = "translated"
DROPPED = "dropped"
KEPT_FOREIGN = "kept-foreign"
TAGGED = "tagged"
REMOVED = frozenset({REMOVED_CHROME, DROPPED})

# Enough documents to browse; counts still cover every document of the run.
DEFAULT_MAX_DOCUMENTS = 200
# Segments shown in detail, over the whole report: a page of menus has hundreds of them, and each
# costs a couple of hundred bytes of HTML, so this keeps a report near 5 MB and quick to open.
DEFAULT_MAX_SEGMENTS = 20_000


def outcome(seg: dict[str, Any]) -> str:
    """What became of a segment (a record's segment dict) in the clean text.

    A foreign segment meant for translation that has no translation was dropped, as `assemble` does.

    >>> outcome({"verdict": "foreign", "action": "translate"}), outcome({"verdict": "keep"})
    ('dropped', 'kept')
    """
    verdict = seg.get("verdict", KEEP)
    if verdict == CHROME:
        return REMOVED_CHROME
    if verdict != FOREIGN:
        return KEPT
    fate = foreign_fate(seg.get("action", DROP), seg.get("translation"))
    return {TRANSLATE: TRANSLATED, KEEP: KEPT_FOREIGN, TAG: TAGGED}.get(fate, DROPPED)


def part_label(seg: dict[str, Any]) -> str:
    """The bytes chart's slice a segment belongs to: kept, translated, or removed with its reason.

    >>> part_label({"verdict": "chrome", "reason": "share"}), part_label({"verdict": "keep"})
    ('chrome: share', 'kept')
    """
    kind = outcome(seg)
    if kind == REMOVED_CHROME:
        return f"chrome: {seg.get('reason') or 'chrome'}"
    if kind == DROPPED:
        return "foreign dropped"
    if kind in (KEPT_FOREIGN, TAGGED):
        return f"foreign {kind.split('-')[0]}"
    return kind


def nbytes(text: str) -> int:
    return len(text.encode("utf-8", "replace"))


@dataclass
class ReportData:
    """Counts over every document seen, and the records of the first `max_documents`.

    Detail stops once `max_segments` segments are kept in all (a document that crosses the limit is
    cut short and says how many segments were left out).

    Use `add` (or the object itself) as a run observer: `RunOptions(observers=[report])`.
    """

    target: str = "auto"
    max_documents: int = DEFAULT_MAX_DOCUMENTS
    max_segments: int = DEFAULT_MAX_SEGMENTS
    documents_seen: int = 0
    failed: int = 0
    bytes_in: int = 0
    bytes_by_part: Counter = field(default_factory=Counter)
    bytes_by_lang: Counter = field(default_factory=Counter)
    segments_by_outcome: Counter = field(default_factory=Counter)
    foreign_by_pair: dict[str, Counter] = field(default_factory=dict)
    documents: list[dict[str, Any]] = field(default_factory=list)
    segments_detailed: int = 0

    def __call__(self, doc: Document) -> None:
        self.add(doc)

    def add(self, doc: Document) -> None:
        """Count one finished document, and keep its detail while there is room."""
        self.add_record(to_record(doc), doc.nbytes)

    def add_record(self, record: dict[str, Any], size: int | None = None) -> None:
        """Count one JSONL-style record (as `cleanprep.assemble.to_record` makes)."""
        self.documents_seen += 1
        segments = record.get("segments", [])
        self.bytes_in += size if size is not None else nbytes(record.get("source_text", ""))
        if record.get("error"):
            self.failed += 1
        for seg in segments:
            size_seg = nbytes(seg.get("text", ""))
            kind = outcome(seg)
            self.bytes_by_part[part_label(seg)] += size_seg
            self.bytes_by_lang[seg.get("lang", "und")] += size_seg
            self.segments_by_outcome[kind] += 1
            if seg.get("verdict") == FOREIGN:
                pair = f"{seg.get('lang', 'und')}->{self._target_of(record)}"
                self.foreign_by_pair.setdefault(pair, Counter())[kind] += 1
        room = self.max_segments - self.segments_detailed
        if len(self.documents) < self.max_documents and room > 0:
            self.documents.append(self._compact(record, room))
            self.segments_detailed += len(self.documents[-1]["segments"])

    def _target_of(self, record: dict[str, Any]) -> str:
        """The language a record was cleaned for (a record made by hand may not say: the run's)."""
        target = record.get("target")
        return target if target and target != "und" else self.target

    def _compact(self, record: dict[str, Any], room: int) -> dict[str, Any]:
        """The fields the views show; the clean and source texts are not needed again."""
        segments = record.get("segments", [])
        return {
            "id": record.get("id", ""),
            "lang": record.get("lang", "und"),
            "target": self._target_of(record),
            "error": record.get("error"),
            "segments": segments[:room],
            "segments_left_out": max(0, len(segments) - room),
            "bytes": nbytes(record.get("source_text", "")),
            "kept_bytes": sum(nbytes(s.get("text", "")) for s in segments if outcome(s) not in REMOVED),
        }

    @property
    def documents_left_out(self) -> int:
        """Documents counted but not shown in detail."""
        return self.documents_seen - len(self.documents)

    @property
    def removed_bytes(self) -> int:
        parts = self.bytes_by_part
        return sum(v for k, v in parts.items() if k.startswith("chrome") or k == "foreign dropped")


def record_lines(segments: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A JSONL record's segments grouped by line, in order (both views show a document by line)."""
    out: list[list[dict[str, Any]]] = []
    last = None
    for seg in segments:
        key = (seg.get("block"), seg.get("line"))
        if key != last:
            out.append([])
            last = key
        out[-1].append(seg)
    return out
