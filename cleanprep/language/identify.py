"""First version of the identify stage: fastText on every segment, the main language by characters.

>>> from cleanprep.document import Document
>>> result = detect("The war went on for years.\\nФото: Reuters, Міністр оборони Туреччини")
>>> result.lang, [s.lang for s in result.spans]
('en', ['en', 'uk'])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..document import UNKNOWN_LANG, Document, LanguageSpan
from ..split import split_document
from .model import load_model, predict_batch


@dataclass
class DetectResult:
    """The main language of a text and its language spans (offsets into the text as given)."""

    lang: str
    score: float
    spans: list[LanguageSpan] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"lang": self.lang, "score": round(self.score, 4), "segments": [s.to_dict() for s in self.spans]}


def identify(doc: Document, target: str | None = None) -> None:
    """Set `lang` and `score` on every segment of `doc`, and `doc.lang` (the main language)."""
    if not doc.segments:
        doc.lang, doc.lang_score = UNKNOWN_LANG, 0.0
        return
    preds = predict_batch(load_model(), [doc.content(s) for s in doc.segments], k=1)
    weight: Counter[str] = Counter()
    for seg, pred in zip(doc.segments, preds):
        seg.lang, seg.score = pred[0]
        weight[seg.lang] += seg.end - seg.start
    doc.lang = weight.most_common(1)[0][0]
    doc.lang_score = weight[doc.lang] / max(1, sum(weight.values()))


def detect(text: str) -> DetectResult:
    """Language spans of `text`, adjacent spans of one language merged."""
    doc = Document(id="", text=text)
    doc.fixed = text
    split_document(doc)
    identify(doc)
    spans: list[LanguageSpan] = []
    for seg in doc.segments:
        if spans and spans[-1].lang == seg.lang:
            last = spans[-1]
            spans[-1] = LanguageSpan(last.start, seg.end, last.lang, max(last.score, seg.score))
        else:
            spans.append(LanguageSpan(seg.start, seg.end, seg.lang, seg.score))
    return DetectResult(doc.lang, doc.lang_score, spans)
