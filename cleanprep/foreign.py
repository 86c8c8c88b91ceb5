"""Mark the segments whose language is not the document's target as foreign.

A segment already judged chrome stays chrome (it goes whatever its language); a segment whose
language is unknown (digits, symbols) is not foreign, and neither is anything in a document whose
target is unknown (`--target auto` on a page with no words to tell its language by). Argos's codes
and lid.176's labels name the same languages (`--target no` matches segments labelled `nb`).

>>> from cleanprep.document import Document, Segment
>>> doc = Document(id="x", text="")
>>> doc.segments = [Segment(0, 5, lang="en"), Segment(6, 9, lang="uk"),
...                 Segment(10, 12, lang="uk", verdict="chrome")]
>>> mark_foreign(doc, "en")
>>> [s.verdict for s in doc.segments]
['keep', 'foreign', 'chrome']
>>> doc.segments[1].verdict = "keep"
>>> mark_foreign(doc, "und")
>>> [s.verdict for s in doc.segments]
['keep', 'keep', 'chrome']
"""

from __future__ import annotations

from .document import FOREIGN, KEEP, UNKNOWN_LANG, Document
from .languages import label_of


def mark_foreign(doc: Document, target: str) -> None:
    """Set `verdict = foreign` on kept segments in a language other than `target`."""
    target = label_of(target)
    if target == UNKNOWN_LANG:
        return
    for seg in doc.segments:
        if seg.verdict == KEEP and seg.lang != target and seg.lang != UNKNOWN_LANG:
            seg.verdict = FOREIGN
