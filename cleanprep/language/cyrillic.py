"""Tell Cyrillic-script languages apart by the letters each alone uses.

fastText confuses Ukrainian, Russian, Belarusian and Bulgarian on short text, but their alphabets
differ: only Ukrainian has ї є ґ, only Belarusian ў (and і without и), Russian has ы э ё and no і,
Bulgarian uses ъ as a vowel and has neither ы nor э. `cyrillic_candidates` turns the letters of a
segment into the set of languages it can be in (None when the letters say nothing).

>>> cyrillic_candidates("Міністр оборони Туреччини")
frozenset({'uk'})
>>> cyrillic_candidates("Вечарына будзе цёплай, і ўсе прыйдуць")
frozenset({'be'})
>>> sorted(cyrillic_candidates("Вечарына будзе цёплай"))  # ы ё and no и: Russian or Belarusian
['be', 'ru']
>>> cyrillic_candidates("Результаты оказались ошеломляющими.")
frozenset({'ru'})
>>> cyrillic_candidates("Броят на загиналите във войната")
frozenset({'bg'})
>>> sorted(cyrillic_candidates("Итак, моя субъективная оценка"))
['bg', 'ru']
>>> cyrillic_candidates("Я хочу сказать о другом.") is None
True
"""

from __future__ import annotations

import numpy as np
import regex

# Latin i among Cyrillic letters is a typing habit of Ukrainian and Belarusian writers ("вiн").
_LATIN_I = regex.compile(r"(?<=\p{Cyrillic})[iI]|[iI](?=\p{Cyrillic})")
_VOWEL_HARD_SIGN = regex.compile(r"[ъЪ](?![еёюяЕЁЮЯ])")
_LETTERS = "іїєґўыэёъиѓќѕђћјљњџәғқңөұүһӣӯҳҷҗ"
_COUNT_TABLE = {ord(c): c for c in _LETTERS} | {ord(c.upper()): c for c in _LETTERS}

UK_ONLY = frozenset("їєґ")
RU_ONLY = frozenset("ыэё")
MK_ONLY = frozenset("ѓќѕ")
SR_ONLY = frozenset("ђћ")
SOUTH_SLAVIC = frozenset("јљњџ")  # Serbian and Macedonian
TURKIC_MONGOLIC = frozenset("әғқңөұүһӣӯҳҷҗ")  # kk ky tt ba tg mn ...
EAST_SLAVIC_AND_BG = frozenset({"ru", "uk", "be", "bg"})


# The Unicode blocks that hold every character of the Cyrillic script (regex \p{Cyrillic}), and more.
CYRILLIC_BLOCKS = ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x1D00, 0x1DBF), (0x2DE0, 0x2DFF),
                   (0xA640, 0xA69F), (0xFE20, 0xFE2F), (0x1E030, 0x1E08F))
_IN_CYRILLIC_BLOCK = np.zeros(0x110000, dtype=bool)
for _lo, _hi in CYRILLIC_BLOCKS:
    _IN_CYRILLIC_BLOCK[_lo : _hi + 1] = True


def normalise_cyrillic(text: str) -> str:
    """Latin i inside Cyrillic words becomes Cyrillic і, as the writer meant.

    >>> normalise_cyrillic("скiнчив вiн")
    'скінчив він'
    """
    if text.isascii() or ("i" not in text and "I" not in text):
        return text
    return _LATIN_I.sub(lambda m: "і" if m.group() == "i" else "І", text)


def has_latin_i(text: str) -> bool:
    """Whether `normalise_cyrillic` would change `text` (or any stretch of it).

    >>> has_latin_i("скiнчив"), has_latin_i("Kyiv, Київ")
    (True, False)
    """
    if text.isascii():
        return False
    # A cheap test first: an i next to a character of a Cyrillic block; the regular expression
    # over a whole page costs some 20 ns a character, this a few.
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    latin_i = (points == ord("i")) | (points == ord("I"))
    near = _IN_CYRILLIC_BLOCK[points]
    if not ((latin_i[1:] & near[:-1]) | (latin_i[:-1] & near[1:])).any():
        return False
    return _LATIN_I.search(text) is not None


def distinctive_letters(text: str) -> set[str]:
    """The distinctive lower-case Cyrillic letters `text` contains."""
    return set(text.translate(_COUNT_TABLE)) & set(_LETTERS)


def cyrillic_candidates(text: str) -> frozenset[str] | None:
    """The languages the letters of `text` allow, or None when they do not narrow it down."""
    letters = distinctive_letters(text)
    if not letters:
        return None
    if letters & TURKIC_MONGOLIC:
        return None  # the model tells kk, ky, tt, ba, tg, mn apart better than a letter table
    if letters & MK_ONLY:
        return frozenset({"mk"})
    if letters & SR_ONLY:
        return frozenset({"sr", "sh"})
    if letters & SOUTH_SLAVIC:
        return frozenset({"sr", "mk", "sh"})
    if "ў" in letters:
        return frozenset({"be"})
    if letters & UK_ONLY:
        return frozenset({"uk"})
    if "і" in letters:
        # Ukrainian and Belarusian both write і; Belarusian has no и, Ukrainian no ы or э.
        if letters & {"ы", "э"} and "и" not in letters:
            return frozenset({"be"})
        if "и" in letters:
            return frozenset({"uk"})
        return frozenset({"uk", "be"})
    if letters & RU_ONLY:
        if "и" not in letters and letters & {"ы", "э"} and "ъ" not in letters:
            return frozenset({"ru", "be"})
        return frozenset({"ru"})
    if "ъ" in letters:
        # Russian writes ъ only as a separator before е ё ю я (объект, подъезд); Bulgarian as a vowel.
        return frozenset({"bg"}) if _VOWEL_HARD_SIGN.search(text) else frozenset({"ru", "bg"})
    # Only и: Russian, Ukrainian or Bulgarian (Belarusian never writes и).
    return frozenset({"ru", "uk", "bg", "mk", "sr"})
