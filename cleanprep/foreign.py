"""Mark the segments whose language is not the target as foreign.

A segment already judged chrome stays chrome (it goes whatever its language); a segment whose
language is unknown (digits, symbols) is not foreign.

>>> from cleanprep.document import Document, Segment
>>> doc = Document(id="x", text="")
>>> doc.segments = [Segment(0, 5, lang="en"), Segment(6, 9, lang="uk"),
...                 Segment(10, 12, lang="uk", verdict="chrome")]
>>> mark_foreign(doc, "en")
>>> [s.verdict for s in doc.segments]
['keep', 'foreign', 'chrome']
"""

from __future__ import annotations

from .document import FOREIGN, KEEP, UNKNOWN_LANG, Document


def mark_foreign(doc: Document, target: str) -> None:
    """Set `verdict = foreign` on kept segments in a language other than `target`."""
    for seg in doc.segments:
        if seg.verdict == KEEP and seg.lang != target and seg.lang != UNKNOWN_LANG:
            seg.verdict = FOREIGN
