"""The identify stage: the language of every segment and the document's main language.

Evidence, strongest first: the script of the letters (Greek is Greek whatever the model says),
letters only one Cyrillic language uses (`cyrillic`), fastText's top-k probabilities, and the
document's main language as a prior that short and name-like segments follow unless the evidence
against it is strong (`decide`, `context`). Segments are cut further where the script changes
(`scripts.split_on_script`) or the language changes without punctuation (`change`); lingua names
the languages fastText lacks when it is installed (`second`). One model call per document (more
when a cut is tried, or when single words must be asked after all). A single word in the main
language's script takes the main language without the model: the model's say could not move it.

>>> text = "The war went on for years, and the town was never rebuilt.\\nФото: Reuters, Міністр оборони"
>>> result = detect(text)
>>> result.lang, [(s.lang, s.start, s.end) for s in result.spans]
('en', [('en', 0, 58), ('uk', 59, 89)])
>>> [s.lang for s in detect("The talks ended. Переговоры закончились ничем, сообщил источник.").spans]
['en', 'ru']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import UNKNOWN_LANG, Document, LanguageSpan, Segment
from ..split import split_document
from .change import find_cuts
from .context import main_language, smooth
from .cyrillic import has_latin_i, normalise_cyrillic
from .decide import Evidence, decide, gather
from .memory import Memory
from .model import load_model, predict_batch
from .scripts import script_codes, split_on_script
from .second import warm_up

# How many of fastText's guesses to weigh: the right language is almost always among the first two
# (four gave the same scores on the dev sets), and each one more widens fastText's search of its
# label tree.
TOP_K = 2


@dataclass
class DetectResult:
    """The main language of a text and its language spans (offsets into the text as given)."""

    lang: str
    score: float
    spans: list[LanguageSpan] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSONL form `cleanprep detect` writes (with the record's id added)."""
        return {"lang": self.lang, "score": round(self.score, 4),
                "segments": [s.to_dict() for s in self.spans]}


def identify(doc: Document, target: str | None = None) -> None:
    """Set `lang` and `score` on every segment of `doc`, and `doc.lang` (the main language).

    Segments that change script midway are cut in two first (offsets, block and line kept).
    `target` breaks a near tie for the main language; it never makes a segment foreign or not.
    """
    if not doc.segments:
        doc.lang, doc.lang_score = UNKNOWN_LANG, 0.0
        return
    warm_up()
    texts = _segment_texts(doc)
    guesses, evidence, unasked = _weigh(doc, texts, target)
    if doc.lang != UNKNOWN_LANG:
        evidence = _cut_on_language(doc, texts, guesses, evidence)
    host = doc.lang
    for seg, ev in zip(doc.segments, evidence, strict=True):
        if id(seg) in unasked and ev.letters and host != UNKNOWN_LANG:
            # Kept with the host without the model's word: its score is the host's share of the text.
            seg.lang, seg.score = host, doc.lang_score
        else:
            seg.lang, seg.score = decide(ev, host)
    smooth(doc.segments, evidence, doc.lang)


def _segment_texts(doc: Document) -> list[str]:
    """Each segment's text for the model and the letter rules; segments are first cut where the
    script changes (`split_on_script`). Whole-text checks spare most documents the per-segment work.
    """
    fixed = doc.fixed
    if not fixed.isascii():
        # One lookup for the whole text; segments are cut where their script changes for good.
        doc.segments = split_on_script(fixed, doc.segments, script_codes(fixed))
    texts = [fixed[s.start : s.end] for s in doc.segments]
    if fixed.isascii() or not has_latin_i(fixed):
        # No segment can change when normalised (none of its letters would, seen alone).
        return texts
    # The model reads "вiн" (Latin i) as noise; the letter rules see the same normalised text.
    return [normalise_cyrillic(text) for text in texts]


def _weigh(doc: Document, texts: list[str], target: str | None) -> tuple[list, list[Evidence], set[int]]:
    """Guesses and evidence for each segment, and the main language (set on `doc`).

    A single word in the host's script stays with the host whatever the model says (see `decide`),
    and single words are a third of a scraped page's segments (menus, tags, names): the model is
    asked about them only when the longer segments leave the main language in doubt, or when their
    script or letters rule the main language out. Returns also the ids of the segments never asked.
    """
    model = load_model()
    single = [" " not in t for t in texts]
    guesses, evidence = _evidence_for(model, texts, [not one for one in single])
    if not _longer_text_decides(evidence, single):
        single = [False] * len(texts)
        guesses, evidence = _evidence_for(model, texts, [True] * len(texts))
    doc.lang, doc.lang_score = main_language(
        [ev for ev, one in zip(evidence, single, strict=True) if not one], target)
    late = [i for i, (ev, one) in enumerate(zip(evidence, single, strict=True))
            if one and ev.letters > 0 and not ev.allows(doc.lang)]
    if late:
        late_guesses, late_evidence = _evidence_for(
            model, [texts[i] for i in late], [True] * len(late))
        for i, g, ev in zip(late, late_guesses, late_evidence, strict=True):
            guesses[i], evidence[i], single[i] = g, ev, False
    return guesses, evidence, {id(seg) for seg, one in zip(doc.segments, single, strict=True) if one}


# What was worked out for texts seen before in this process (menus, footers and syndicated text
# recur across a crawl); asked: with the model's guesses, unasked: single words without them.
# At most 2 x 10,000 texts each; an entry holds about 800 bytes (tracemalloc over chrome-dev's
# segments), so some 32 MB a process at most.
_ASKED = Memory(limit=10_000)
_UNASKED = Memory(limit=10_000)


def _evidence_for(model, texts: list[str], ask: list[bool]) -> tuple[list, list[Evidence]]:  # noqa: ANN001
    """fastText's guesses for the texts `ask` selects (none for the others) and every text's
    evidence: remembered where the same text was seen before, else worked out in one model call
    (once per distinct text: a page repeats its menu items and share buttons)."""
    guesses: list = [None] * len(texts)
    evidence: list = [None] * len(texts)
    for asked, memory in ((True, _ASKED), (False, _UNASKED)):
        where = [i for i, a in enumerate(ask) if a == asked]
        if not where:
            continue
        mine = [texts[i] for i in where]
        # Each new text -> the first of its segments; repeats copy that one's answer.
        new: dict[str, int] = {}
        repeats: list[tuple[int, int]] = []
        for i, text, hit in zip(where, mine, memory.get_many(mine), strict=True):
            if hit is not None:
                guesses[i], evidence[i] = hit
            elif text in new:
                repeats.append((i, new[text]))
            else:
                new[text] = i
        if new:
            new_texts = list(new)
            firsts = list(new.values())
            new_guesses = predict_batch(model, new_texts, k=TOP_K) if asked else [[] for _ in new_texts]
            new_evidence = gather(new_texts, new_guesses)
            for i, g, ev in zip(firsts, new_guesses, new_evidence, strict=True):
                guesses[i], evidence[i] = g, ev
            memory.put_many(new_texts, list(zip(new_guesses, new_evidence, strict=True)))
        for i, first in repeats:
            guesses[i], evidence[i] = guesses[first], evidence[first]
    return guesses, evidence


def _longer_text_decides(evidence: list[Evidence], single: list[bool]) -> bool:
    """Whether the segments of more than one word hold most of the letters: then they alone name
    the main language as surely as all segments would (a page of menus and names is asked whole)."""
    longer = sum(ev.letters for ev, one in zip(evidence, single, strict=True) if not one)
    return longer * 2 > sum(ev.letters for ev in evidence)


def _cut_on_language(
    doc: Document, texts: list[str], guesses: list, evidence: list[Evidence]
) -> list[Evidence]:
    """Cut segments where the language changes without punctuation (see `change`); new evidence."""
    model = load_model()
    cuts = find_cuts(texts, guesses, doc.lang, lambda pieces: predict_batch(model, pieces, k=TOP_K))
    if not cuts:
        return evidence
    segments: list[Segment] = []
    out: list[Evidence] = []
    for i, (seg, ev) in enumerate(zip(doc.segments, evidence, strict=True)):
        if i not in cuts:
            segments.append(seg)
            out.append(ev)
            continue
        cut, left, right = cuts[i]
        text = texts[i]
        left_text = text[:cut].rstrip()
        segments += [Segment(seg.start, seg.start + len(left_text), block=seg.block, line=seg.line),
                     Segment(seg.start + cut, seg.end, block=seg.block, line=seg.line)]
        out += gather([left_text, text[cut:]], [left, right])
    doc.segments = segments
    return out


def detect(text: str) -> DetectResult:
    """Language spans of `text`, adjacent spans of one language merged.

    Offsets are characters of `text`; the spans cover every non-blank character and never overlap.
    """
    doc = Document(id="", text=text)
    doc.fixed = text
    split_document(doc)
    identify(doc)
    return DetectResult(doc.lang, doc.lang_score, merge_spans(doc.segments))


def merge_spans(segments: list[Segment]) -> list[LanguageSpan]:
    """One span per run of adjacent segments in one language (its score: the length-weighted mean).

    >>> spans = merge_spans([Segment(0, 4, lang="en", score=1.0), Segment(5, 9, lang="en", score=0.5),
    ...                      Segment(10, 12, lang="uk", score=0.9)])
    >>> [(s.start, s.end, s.lang, s.score) for s in spans]
    [(0, 9, 'en', 0.75), (10, 12, 'uk', 0.9)]
    """
    spans: list[LanguageSpan] = []
    weight = 0
    for seg in segments:
        size = seg.end - seg.start
        if spans and spans[-1].lang == seg.lang:
            last = spans[-1]
            score = (last.score * weight + seg.score * size) / (weight + size)
            spans[-1] = LanguageSpan(last.start, seg.end, last.lang, score)
            weight += size
        else:
            spans.append(LanguageSpan(seg.start, seg.end, seg.lang, seg.score))
            weight = size
    return spans


__all__ = ["DetectResult", "Evidence", "detect", "identify", "merge_spans"]
