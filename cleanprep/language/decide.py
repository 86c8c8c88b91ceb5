"""Weigh the evidence for one segment's language: script, letters, model, the document's language.

`gather` turns a segment's text and fastText's top-k guesses into `Evidence`; `decide` picks the
language given the document's main language (the host). A segment in the host's script keeps the
host unless the model is clearly and confidently against it, the more clearly the shorter the
segment; one in another script, or whose letters rule the host out, takes the best allowed guess.

>>> ev = gather(["Twitter || Telegram || Facebook || Youtube"], [[("es", 0.4), ("en", 0.2)]])[0]
>>> ev.namelike, decide(ev, "en")[0]
(True, 'en')
>>> ev = gather(["Броят на загиналите"], [[("ru", 0.5), ("bg", 0.4)]])[0]
>>> decide(ev, "uk")[0]
'bg'
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .cyrillic import cyrillic_candidates, normalise_cyrillic
from .scripts import CYRILLIC, LATIN, NEUTRAL, SCRIPT_LANGUAGES, dominant_of, script_codes, script_weights

UNKNOWN = "und"
# lid.176 labels that readers (and ISO 639-1) name otherwise.
ALIASES = {"no": "nb", "wuu": "zh", "yue": "zh", "sh": "hr"}
_NON_LATIN = frozenset(lang for langs in SCRIPT_LANGUAGES.values() for lang in langs)

_UNSPACED = frozenset({"Z", "J", "T", "X", "V", "W", "I"})
_WORD = regex.compile(r"\S*\p{L}\S*")
_CAPITALISED = regex.compile(r"(?:^|\s)[\"'(\[«„“]?[\p{Lu}\p{Lt}\d]")

# How strongly the host is preferred: the other language's probability must beat the host's times
# this factor, by the segment's word count (short text is where the model flips a coin).
HOST_BOOST = ((2, 40.0), (4, 12.0), (8, 4.0), (15, 2.0))
HOST_BOOST_LONG = 1.3
# ... and reach this probability itself.
MIN_FOREIGN_P = ((2, 0.6), (4, 0.45), (8, 0.35))
MIN_FOREIGN_P_LONG = 0.25
NAMELIKE_MAX_WORDS = 8
# A name-like segment leaves the host only when the model is this sure ("Güzelbahçe Kampüsü ...").
NAMELIKE_SURE = 0.9
LONG_WORDS = 9
LONG_HOST_DOUBT = 0.15


@dataclass(slots=True)
class Evidence:
    """What is known about one segment before the document's language is weighed."""

    probs: dict[str, float]  # model probabilities of the languages its script and letters allow
    script: str  # dominant script code (NEUTRAL: no letters)
    allowed: frozenset[str] | None  # languages its letters allow within the script (None: any of it)
    letters: int  # weight of its letters (CJK characters count as several)
    words: int
    namelike: bool  # short and mostly capitalised: names, a menu, a title

    def allows(self, lang: str) -> bool:
        """Whether the script and letters of the segment allow `lang`."""
        return _script_allows(self.script, lang) and (self.allowed is None or lang in self.allowed)

    def best(self) -> tuple[str, float]:
        """The most probable allowed language (the script's default when the model names none)."""
        if self.probs:
            lang = max(self.probs, key=self.probs.__getitem__)
            return lang, self.probs[lang]
        if self.script == NEUTRAL:
            return UNKNOWN, 0.0
        if self.allowed:
            return min(self.allowed), 0.0
        return (SCRIPT_LANGUAGES[self.script][0] if self.script in SCRIPT_LANGUAGES else "en"), 0.0


def _script_allows(script: str, lang: str) -> bool:
    if script == LATIN:
        return lang not in _NON_LATIN
    if script == NEUTRAL:
        return True
    return lang in SCRIPT_LANGUAGES.get(script, ())


def gather(texts: list[str], predictions: list[list[tuple[str, float]]]) -> list[Evidence]:
    """Evidence for each text from its letters and the model's top-k guesses for it."""
    out = []
    for text, guesses in zip(texts, predictions):
        weights = script_weights(script_codes(text))
        script = dominant_of(weights)
        allowed = cyrillic_candidates(normalise_cyrillic(text)) if script == CYRILLIC else None
        probs: dict[str, float] = {}
        for label, p in guesses:
            lang = ALIASES.get(label, label)
            if _script_allows(script, lang) and (allowed is None or lang in allowed):
                probs[lang] = probs.get(lang, 0.0) + p
        letters = sum(weights.get(script, 0) for script in weights)
        # Scripts written without spaces between words: about two characters a word.
        words = max(1, letters // 6) if script in _UNSPACED else len(_WORD.findall(text))
        namelike = words <= NAMELIKE_MAX_WORDS and len(_CAPITALISED.findall(text)) * 4 >= words * 3
        out.append(Evidence(probs, script, allowed, letters, words, namelike))
    return out


def _by_words(table: tuple[tuple[int, float], ...], long: float, words: int) -> float:
    for limit, value in table:
        if words <= limit:
            return value
    return long


def decide(ev: Evidence, host: str) -> tuple[str, float]:
    """The segment's language and a confidence in it, given the document's main language."""
    if ev.script == NEUTRAL:
        return UNKNOWN, 0.0
    best, p_best = ev.best()
    if host == UNKNOWN or not ev.allows(host) or best == host:
        return best, p_best
    p_host = ev.probs.get(host, 0.0)
    if ev.namelike and ev.script in (LATIN, CYRILLIC) and p_best < NAMELIKE_SURE:
        return host, p_host
    if ev.words >= LONG_WORDS and p_host < LONG_HOST_DOUBT and p_best > p_host:
        # A long sentence the model barely ties to the host is in some other language, even one
        # the model does not know (it then spreads its guesses thin).
        return best, p_best
    boost = _by_words(HOST_BOOST, HOST_BOOST_LONG, ev.words)
    floor = _by_words(MIN_FOREIGN_P, MIN_FOREIGN_P_LONG, ev.words)
    if p_best >= floor and p_best > p_host * boost:
        return best, p_best
    return host, p_host
