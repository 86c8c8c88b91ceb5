"""The types that flow through the pipeline: `Document`, `Segment`, `LanguageSpan`.

A `Document` carries the original text, the fixed text and the segments cut from the fixed text.
Segment offsets are characters of the fixed text; a segment's content has no leading or trailing
whitespace, and what lies between two segments is whitespace only, so nothing is lost:

>>> doc = Document(id="a", text="Hi there. Bye.\\n\\nNext")
>>> doc.fixed = doc.text
>>> doc.segments = [Segment(0, 9, block=0, line=0), Segment(10, 14, block=0, line=0),
...                 Segment(16, 20, block=1, line=1)]
>>> "".join(doc.pieces()) == doc.fixed
True
>>> [doc.content(s) for s in doc.segments]
['Hi there.', 'Bye.', 'Next']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# What the judge says of a segment.
KEEP = "keep"
CHROME = "chrome"
FOREIGN = "foreign"

# What happens to a foreign segment (set by the translate stage from the policy).
TRANSLATE = "translate"
DROP = "drop"
TAG = "tag"
FOREIGN_ACTIONS = (TRANSLATE, DROP, KEEP, TAG)

UNKNOWN_LANG = "und"


def foreign_fate(action: str, translation: str | None) -> str:
    """What really became of a foreign segment: translate, keep, tag or drop.

    A segment meant for translation that got none was dropped: untranslated text is never passed
    off as translated. The clean text, the summary and the report all go by this.

    >>> foreign_fate("translate", "Photo: Reuters"), foreign_fate("translate", None)
    ('translate', 'drop')
    >>> foreign_fate("tag", None), foreign_fate("keep", None)
    ('tag', 'keep')
    """
    if action == TRANSLATE:
        return TRANSLATE if translation is not None else DROP
    return action if action in (KEEP, TAG) else DROP


@dataclass(slots=True)
class Segment:
    """A stretch of the fixed text: a sentence, or a whole line when it has one sentence.

    `verdict` is `keep`, `chrome` or `foreign`; `reason` says why (a chrome rule's code, or what
    became of a foreign segment); `action` is what the output does with a foreign segment.
    """

    start: int
    end: int
    block: int = 0
    line: int = 0
    lang: str = UNKNOWN_LANG
    score: float = 0.0
    verdict: str = KEEP
    reason: str = ""
    action: str = KEEP
    translation: str | None = None
    package: str | None = None

    def to_dict(self, text: str) -> dict[str, Any]:
        """The JSONL form of this segment (`text` is the document's fixed text)."""
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
            "block": self.block,
            "line": self.line,
            "lang": self.lang,
            "score": round(self.score, 4),
            "verdict": self.verdict,
        }
        if self.reason:
            out["reason"] = self.reason
        if self.verdict == FOREIGN:
            out["action"] = self.action
        if self.translation is not None:
            out["translation"] = self.translation
            out["package"] = self.package
        return out


@dataclass(slots=True, frozen=True)
class LanguageSpan:
    """A stretch of text in one language, as `cleanprep.detect` reports it.

    >>> LanguageSpan(0, 5, "uk", 0.98).to_dict()
    {'start': 0, 'end': 5, 'lang': 'uk', 'score': 0.98}
    """

    start: int
    end: int
    lang: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "lang": self.lang, "score": round(self.score, 4)}


@dataclass(slots=True)
class Document:
    """One input document on its way through the pipeline.

    `id` names it (a relative path, or a JSONL record's id); `meta` keeps the other fields of a
    JSONL record so they can be written back; `error` is set when a stage could not handle it.
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    fixed: str = ""
    fixes: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    lang: str = UNKNOWN_LANG
    lang_score: float = 0.0
    # The language this document's output is in: the run's --target, or with `auto` its own `lang`.
    target: str = UNKNOWN_LANG
    clean: str = ""
    redactions: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    # Where the document goes: `unit` is the output file (relative path) it belongs to; a big file
    # arrives in several parts, a JSONL file as many records; `last` marks the unit's last one.
    unit: str = ""
    part: int = 0
    last: bool = True
    nbytes: int = 0
    # The summary's counts, filled by a worker that sends back a light document (no segments).
    counts: dict[str, Any] | None = None

    def content(self, seg: Segment) -> str:
        """The text of one segment."""
        return self.fixed[seg.start : seg.end]

    def pieces(self) -> Iterator[str]:
        """Every segment and every gap between them, in order: they join into the fixed text."""
        pos = 0
        for seg in self.segments:
            yield self.fixed[pos : seg.start]
            yield self.fixed[seg.start : seg.end]
            pos = seg.end
        yield self.fixed[pos:]

    def lines(self) -> list[list[Segment]]:
        """Segments grouped by line, in order (a line holds one or more sentences)."""
        out: list[list[Segment]] = []
        last = -1
        for seg in self.segments:
            if seg.line != last:
                out.append([])
                last = seg.line
            out[-1].append(seg)
        return out
