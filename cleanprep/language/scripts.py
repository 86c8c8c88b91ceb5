"""The script of a text's letters, as evidence for its language.

`script_codes(text)` maps every character to a one-letter script code of the same length (a space
for digits, punctuation and anything that is not a letter), so counts and runs are found with
`str.count` and regular expressions instead of a Python loop over characters.

>>> script_codes("Hi, Київ 東京")
'LL  CCCC ZZ'
>>> dominant_script("Фото: Reuters, Міністр оборони Туреччини")
'C'
>>> sorted(SCRIPT_LANGUAGES["K"])
['ko']
"""

from __future__ import annotations

import unicodedata

import numpy as np
import regex

from .. import _core

LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, HAN, KANA, HANGUL = "L", "C", "G", "A", "H", "Z", "J", "K"
NEUTRAL = " "

# Unicode blocks of the scripts lid.176 knows; only letters and combining marks in them count.
_BLOCKS: list[tuple[int, int, str]] = [
    (0x0041, 0x005A, LATIN), (0x0061, 0x007A, LATIN), (0x00C0, 0x02AF, LATIN), (0x1E00, 0x1EFF, LATIN),
    (0x0370, 0x03FF, GREEK), (0x1F00, 0x1FFF, GREEK),
    (0x0400, 0x052F, CYRILLIC), (0x1C80, 0x1C8F, CYRILLIC), (0x2DE0, 0x2DFF, CYRILLIC),
    (0xA640, 0xA69F, CYRILLIC),
    (0x0530, 0x058F, "Q"),  # Armenian
    (0x0590, 0x05FF, HEBREW), (0xFB1D, 0xFB4F, HEBREW),
    (0x0600, 0x06FF, ARABIC), (0x0750, 0x077F, ARABIC), (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC), (0xFE70, 0xFEFF, ARABIC),
    (0x0780, 0x07BF, "d"),  # Thaana
    (0x0900, 0x097F, "D"),  # Devanagari
    (0x0980, 0x09FF, "B"),  # Bengali
    (0x0A00, 0x0A7F, "P"),  # Gurmukhi
    (0x0A80, 0x0AFF, "U"),  # Gujarati
    (0x0B00, 0x0B7F, "O"),  # Oriya
    (0x0B80, 0x0BFF, "M"),  # Tamil
    (0x0C00, 0x0C7F, "E"),  # Telugu
    (0x0C80, 0x0CFF, "N"),  # Kannada
    (0x0D00, 0x0D7F, "Y"),  # Malayalam
    (0x0D80, 0x0DFF, "S"),  # Sinhala
    (0x0E00, 0x0E7F, "T"),  # Thai
    (0x0E80, 0x0EFF, "X"),  # Lao
    (0x0F00, 0x0FFF, "I"),  # Tibetan
    (0x1000, 0x109F, "V"),  # Myanmar
    (0x10A0, 0x10FF, "R"), (0x1C90, 0x1CBF, "R"),  # Georgian
    (0x1100, 0x11FF, HANGUL), (0x3130, 0x318F, HANGUL), (0xAC00, 0xD7AF, HANGUL),
    (0x1200, 0x139F, "F"),  # Ethiopic
    (0x1780, 0x17FF, "W"),  # Khmer
    (0x3040, 0x30FF, KANA), (0x31F0, 0x31FF, KANA), (0xFF66, 0xFF9F, KANA),
    (0x3400, 0x4DBF, HAN), (0x4E00, 0x9FFF, HAN), (0xF900, 0xFAFF, HAN),
]

# The languages (lid.176 labels) each script can be written in; the first is the default.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    GREEK: ("el",), HEBREW: ("he", "yi"), HANGUL: ("ko",), KANA: ("ja",),
    # Japanese is never written in Han characters alone for a whole sentence; Chinese is.
    HAN: ("zh",),
    "Q": ("hy",), "d": ("dv",), "D": ("hi", "mr", "ne", "sa", "mai", "bh", "new", "gom", "dty"),
    "B": ("bn", "as", "bpy"), "P": ("pa",), "U": ("gu",), "O": ("or",), "M": ("ta",), "E": ("te",),
    "N": ("kn",), "Y": ("ml",), "S": ("si",), "T": ("th",), "X": ("lo",), "I": ("bo",), "V": ("my",),
    "R": ("ka", "xmf"), "F": ("am",), "W": ("km",),
    ARABIC: ("ar", "fa", "ur", "ps", "ckb", "ug", "sd", "pnb", "azb", "mzn", "arz", "lrc", "glk"),
    CYRILLIC: ("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "tt", "ba", "mn", "cv", "os", "sah",
               "ce", "av", "kv", "mhr", "mrj", "myv", "udm", "lez", "krc", "xal", "tyv", "bxr", "rue"),
}
# Scripts whose characters are syllables or words, not single sounds: one weighs like several letters.
_HEAVY = {HAN: 3, KANA: 2, HANGUL: 3}


def _build_table() -> str:
    codes = [NEUTRAL] * 0x10000
    for lo, hi, code in _BLOCKS:
        for cp in range(lo, hi + 1):
            if unicodedata.category(chr(cp))[0] in "LM":
                codes[cp] = code
    for cp in (0x00D7, 0x00F7):  # multiplication and division signs sit among Latin letters
        codes[cp] = NEUTRAL
    return "".join(codes)


_TABLE = _build_table()
# The same table as bytes, for the compiled kernels (`cleanprep._core`).
SCRIPT_TABLE = _TABLE.encode("ascii")


def script_codes(text: str) -> str:
    """One script code per character of `text` (same length; a space where no script applies)."""
    return _core.script_codes(text, SCRIPT_TABLE)


def script_weights(codes: str) -> dict[str, int]:
    """Weight of each script in a code string: letters, CJK characters counting as several."""
    # One script is the common case, told by two C loops (no set of the characters).
    letters = codes.replace(NEUTRAL, "")
    if not letters:
        return {}
    first = letters[0]
    count = letters.count(first)
    if count == len(letters):
        return {first: count * _HEAVY.get(first, 1)}
    out: dict[str, int] = {}
    for code in sorted(set(letters)):
        out[code] = codes.count(code) * _HEAVY.get(code, 1)
    return out


def dominant_script(text: str) -> str:
    """The script most of the letters of `text` are in (Han with any Kana counts as Japanese).

    >>> dominant_script("2016年度において"), dominant_script("12:30"), dominant_script("PGE Park 东京都庁")
    ('J', ' ', 'Z')
    """
    return dominant_of(script_weights(script_codes(text)))


def dominant_of(weights: dict[str, int]) -> str:
    """The dominant script of precomputed weights (NEUTRAL when there are no letters)."""
    if len(weights) == 1:
        return next(iter(weights))
    if not weights:
        return NEUTRAL
    if KANA in weights and HAN in weights:
        weights = dict(weights)
        weights[KANA] += weights.pop(HAN)
    return max(weights.items(), key=lambda kv: kv[1])[0]


# Letters of another script inside a segment stay with it below this weight: a name in Latin
# letters inside a Russian sentence ("George Bush") is part of the sentence, not a switch.
MIN_SWITCH_WEIGHT = 12
# A run with the same script on both sides is a quotation or a name ("The Daily Telegraph") unless long.
MIN_INSET_WEIGHT = 40
# Merging light runs costs the square of their number; past this many the line is a mix, not a switch.
MAX_RUNS = 64
# Kana and Han write one language (Japanese mixes both); so do the scripts a reader takes as one run.
_RUN_GROUP = str.maketrans({KANA: HAN})
_RUN = regex.compile(r"(\S)\1*")


def switch_points(codes: str) -> list[int]:
    """Offsets where the script changes for good: both sides hold enough letters of their script.

    >>> text = "Please note the following: なお、2016年度において反競争的行為に該当する"
    >>> switch_points(script_codes(text))
    [27]
    >>> switch_points(script_codes("Вчера George Bush приехал в Германию"))
    []
    """
    grouped = codes.translate(_RUN_GROUP)
    letters = grouped.replace(NEUTRAL, "")
    if not letters or letters.count(letters[0]) == len(letters):
        return []  # one script throughout: the common case, decided without a Python loop
    runs: list[list] = []  # [code, start, end, weight]
    for m in _RUN.finditer(grouped):
        code = m.group(1)
        weight = (m.end() - m.start()) * _HEAVY.get(code, 1)
        if runs and runs[-1][0] == code:
            runs[-1][2] = m.end()
            runs[-1][3] += weight
        else:
            runs.append([code, m.start(), m.end(), weight])
    if len(runs) < 2 or len(runs) > MAX_RUNS:
        return []  # one script, or a word-by-word mix (a glossary): no sentence to cut out
    # Light runs join their neighbours, until every run left is heavy enough to stand alone.
    while True:
        # The run furthest below its threshold goes first: a brand name inside a Cyrillic line
        # ("на Youtube від 70 грн") joins the line before the line's short tail can join the name.
        ratio = [(r[3] / _least_weight(runs, i), i) for i, r in enumerate(runs)]
        lightest, i = min(ratio)
        if lightest >= 1 or len(runs) < 2:
            break
        if i == 0:
            j = 1
        elif i == len(runs) - 1:
            j = i - 1
        else:
            j = i - 1 if runs[i - 1][3] >= runs[i + 1][3] else i + 1
        keep, gone = runs[j], runs[i]
        keep[1], keep[2], keep[3] = min(keep[1], gone[1]), max(keep[2], gone[2]), keep[3] + gone[3]
        del runs[i]
        # Neighbours of one script that now touch become one run.
        k = 0
        while k < len(runs) - 1:
            if runs[k][0] == runs[k + 1][0]:
                runs[k][2], runs[k][3] = runs[k + 1][2], runs[k][3] + runs[k + 1][3]
                del runs[k + 1]
            else:
                k += 1
    return [r[1] for r in runs[1:]]


def _least_weight(runs: list[list], i: int) -> int:
    inset = 0 < i < len(runs) - 1 and runs[i - 1][0] == runs[i + 1][0]
    return MIN_INSET_WEIGHT if inset else MIN_SWITCH_WEIGHT


_SPACE_RUN = regex.compile(r"\s+")
# From this many segments on, one numpy pass over the text beats a look at each segment.
_VECTOR_FROM = 32


def split_on_script(text: str, segments: list, codes: str | None = None) -> list:
    """Cut each segment where its script changes for good (see `switch_points`).

    The cut goes at the last whitespace before the new script (so "experience.* なお" cuts after
    "*"), or right before its first letter when there is no whitespace; pieces keep their block
    and line and have no surrounding whitespace. `codes`, when given, is `script_codes(text)`.
    """
    vectorised = codes is not None and len(segments) >= _VECTOR_FROM
    if vectorised:
        # Most segments hold one script: those are found for the whole text at once and kept.
        mixed = _holds_two_scripts(codes, segments)
        if mixed is None:
            return list(segments)
    out = []
    for n, seg in enumerate(segments):
        if vectorised and not mixed[n]:
            out.append(seg)
            continue
        content = text[seg.start : seg.end]
        if content.isascii():
            out.append(seg)
            continue
        points = switch_points(script_codes(content) if codes is None else codes[seg.start : seg.end])
        if not points:
            out.append(seg)
            continue
        bounds = [0]
        for p in points:
            gaps = [m for m in _SPACE_RUN.finditer(content, bounds[-1], p)]
            if gaps:
                bounds += [gaps[-1].start(), gaps[-1].end()]
            else:
                bounds += [p, p]
        bounds.append(len(content))
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            if b > a:
                out.append(type(seg)(seg.start + a, seg.start + b, block=seg.block, line=seg.line))
    return out


def _holds_two_scripts(codes: str, segments: list) -> list[bool] | None:
    """For each segment, whether its letters are of more than one script as `switch_points` groups
    them (only those can be cut); None when no segment's are. One vectorised pass over the text.

    >>> from cleanprep.document import Segment
    >>> codes = script_codes("Київ Kyiv. Вчера George приехал")
    >>> _holds_two_scripts(codes, [Segment(0, 10), Segment(11, 31)])
    [True, True]
    >>> _holds_two_scripts(codes, [Segment(0, 4), Segment(5, 10)])
    [False, False]
    >>> _holds_two_scripts(script_codes("Київ, Харків"), [Segment(0, 5), Segment(6, 12)]) is None
    True
    """
    grouped = np.frombuffer(codes.translate(_RUN_GROUP).encode("ascii"), dtype=np.uint8)
    where = np.flatnonzero(grouped != ord(NEUTRAL))
    kinds = grouped[where]
    # Consecutive letters of different scripts: a segment holds two scripts iff it holds such a pair.
    change = np.flatnonzero(kinds[1:] != kinds[:-1])
    if not len(change):
        return None
    before, after = where[change], where[change + 1]
    starts = np.fromiter((s.start for s in segments), dtype=np.int64, count=len(segments))
    ends = np.fromiter((s.end for s in segments), dtype=np.int64, count=len(segments))
    # The first pair starting inside the segment ends earliest too: the segment holds it or none.
    first = np.searchsorted(before, starts)
    inside = first < len(before)
    ends_at = after[np.minimum(first, len(before) - 1)]
    return (inside & (ends_at < ends)).tolist()
