"""Context: the document's main language, and short or letterless segments decided by neighbours.

A segment of a few words cannot be told apart by itself ("Die mit", "Bu hâlde" are clear, "Marjorie
Holmes" is not); numbers and symbols have no language at all. Both take the language of the
text around them unless their own evidence is strong.

>>> from cleanprep.document import Segment
>>> from .decide import gather
>>> segs = [Segment(0, 30, line=0, lang="uk"), Segment(31, 40, line=0, lang="und"),
...         Segment(41, 60, line=1, lang="en")]
>>> ev = gather(["Переказ на картку ПриватБанку:", "4149 4393", "Thanks for reading it."],
...             [[("uk", 0.9)], [], [("en", 0.9)]])
>>> smooth(segs, ev, "en")
>>> [s.lang for s in segs]
['uk', 'uk', 'en']
"""

from __future__ import annotations

from operator import itemgetter

from ..document import Segment
from .decide import UNKNOWN, Evidence

# A short segment this sure of its own language keeps it whatever its neighbours say.
SURE = 0.9
SHORT_WORDS = 8
NEAR_LINES = 3


def main_language(evidence: list[Evidence], target: str | None = None) -> tuple[str, float]:
    """The language most of the letters are in, and its share; `target` wins a near tie."""
    # A plain dict (Counter's += costs a Python call per new language); max() picks as
    # most_common(1) does, the first of equals.
    weight: dict[str, int] = {}
    for ev in evidence:
        lang = ev.best()[0]
        if lang != UNKNOWN:
            weight[lang] = weight.get(lang, 0) + ev.letters
    total = sum(weight.values())
    if not total:
        return UNKNOWN, 0.0
    lang, top = max(weight.items(), key=itemgetter(1))
    if target and target != lang and weight.get(target, 0) * 1.25 >= top:
        lang, top = target, weight.get(target, 0)
    return lang, top / total


def smooth(segments: list[Segment], evidence: list[Evidence], host: str) -> None:
    """Give letterless segments, and short unsure ones, the language of their neighbours."""
    n = len(segments)
    for i, (seg, ev) in enumerate(zip(segments, evidence, strict=True)):
        # The host prior already spoke for segments that kept the host; only foreign calls are revisited.
        if ev.words > SHORT_WORDS or seg.lang in (UNKNOWN, host) or seg.score >= SURE:
            continue
        left = segments[i - 1].lang if i and segments[i - 1].line == seg.line else None
        right = segments[i + 1].lang if i + 1 < n and segments[i + 1].line == seg.line else None
        around = left if left == right else (left or right if not (left and right) else None)
        if not around or around in (UNKNOWN, seg.lang) or not ev.allows(around):
            continue
        p_around = ev.probs.get(around, 0.0)
        if (around == host and left == right) or p_around * 4 >= seg.score:
            seg.lang, seg.score = around, p_around
    _smooth_by_script(segments, evidence, host)
    for i, seg in enumerate(segments):
        if seg.lang != UNKNOWN:
            continue
        seg.lang = _neighbour_language(segments, i) or host
        seg.score = 0.0


def _smooth_by_script(segments: list[Segment], evidence: list[Evidence], host: str) -> None:
    """A short segment in a script the host does not use takes the language of the nearest
    segments in its script, when they agree ("Приватбанк 4149 ..." among Ukrainian appeal lines)."""
    for i, (seg, ev) in enumerate(zip(segments, evidence, strict=True)):
        if ev.words > SHORT_WORDS or seg.score >= SURE or seg.lang in (UNKNOWN, host) or ev.allows(host):
            continue
        near = {_nearest_in_script(segments, evidence, i, step) for step in (-1, 1)} - {None}
        if len(near) != 1:
            continue
        (around,) = near
        if around != seg.lang and ev.allows(around) and ev.probs.get(around, 0.0) * 4 >= seg.score:
            seg.lang, seg.score = around, ev.probs.get(around, 0.0)


def _nearest_in_script(segments: list[Segment], evidence: list[Evidence], i: int, step: int) -> str | None:
    """The language of the nearest segment in the same script within `NEAR_LINES` lines, if any."""
    script, line = evidence[i].script, segments[i].line
    j = i + step
    while 0 <= j < len(segments) and abs(segments[j].line - line) <= NEAR_LINES:
        if evidence[j].script == script and segments[j].lang != UNKNOWN:
            return segments[j].lang
        j += step
    return None


def _neighbour_language(segments: list[Segment], i: int) -> str | None:
    """The language of the nearest lettered segment on the same line, the one before first."""
    line = segments[i].line
    for j in range(i - 1, -1, -1):
        if segments[j].line != line:
            break
        if segments[j].lang != UNKNOWN:
            return segments[j].lang
    for j in range(i + 1, len(segments)):
        if segments[j].line != line:
            break
        if segments[j].lang != UNKNOWN:
            return segments[j].lang
    return None
