"""Weigh the evidence for one segment's language: script, letters, model, the document's language.

`gather` turns a segment's text and fastText's top-k guesses into `Evidence`; `decide` picks the
language given the document's main language (the host). A segment whose script or letters rule the
host out takes its best allowed guess. Otherwise the host keeps it unless the model gives the host
almost no probability (the bar is lower the shorter the segment: ten host words almost never fall
below 0.3, two host words often do) and names another language with enough conviction; a single
word, or a few capitalised ones (names, menus), stays with the host unless its letters say no.

>>> ev = gather(["Twitter || Telegram || Facebook || Youtube"], [[("es", 0.4), ("en", 0.2)]])[0]
>>> ev.namelike, decide(ev, "en")[0]
(True, 'en')
>>> ev = gather(["Броят на загиналите във войната"], [[("ru", 0.5), ("bg", 0.4)]])[0]
>>> decide(ev, "uk")
('bg', 0.4)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import _core, regex_classes
from ..languages import LID176_ALIASES
from .cyrillic import cyrillic_candidates
from .latin import foreign_letters
from .scripts import CYRILLIC, LATIN, NEUTRAL, SCRIPT_LANGUAGES, SCRIPT_TABLE
from .second import SECOND_LANGUAGES, second_opinion

UNKNOWN = "und"
# Scripts one language dominates on the web: short text in them is that language unless the model
# is clearly against it (lid.176 scatters short Hindi over Marathi, Sanskrit, Nepali).
USUAL_LANGUAGE = {"D": "hi"}
USUAL_BOOST = 3.0
ALIASES = LID176_ALIASES
_NON_LATIN = frozenset(lang for langs in SCRIPT_LANGUAGES.values() for lang in langs) | {"wuu", "yue"}

_SCRIPT_SETS = {script: frozenset(langs) for script, langs in SCRIPT_LANGUAGES.items()}
_WORD = regex.compile(r"\S*\p{L}\S*")
_UNSPACED = frozenset({"Z", "J", "T", "X", "V", "W", "I"})
_CAPITALISED = regex.compile(r"(?:^|\s)[\"'(\[«„“]?[\p{Lu}\p{Lt}\d]")

# The host keeps a segment unless the model gives the host less than this probability, by the
# segment's word count: real host sentences of ten words almost never fall below 0.3, foreign ones
# in the same script almost never rise above it; short text needs the model to be much surer.
HOST_DOUBT = ((2, 0.05), (4, 0.1), (8, 0.15))
HOST_DOUBT_LONG = 0.3
# A word or two leaves the host only on the model's near certainty ("Die mit"), never one word alone:
# a single word in the host's script is a name or a menu item ("Tags :", "Email").
MIN_FOREIGN_P = ((1, 2.0), (2, 0.9), (4, 0.25))
# Letters the host never writes (ł in English, ñ in German) leave it this much benefit of the doubt.
HOST_DOUBT_FOREIGN_LETTERS = 0.5
# fastText calls below this probability are checked by lingua (see `second`), whose answer counts
# when at least this sure. lingua weighs fastText's best guess against the languages fastText lacks:
# adding its second guess changed no answer on mixed-dev (only a lacking language's answer is
# taken) yet costs a model load (10 to 20 ms) in every worker; with 1 candidate instead of 2, detect
# took 0.74 s instead of 0.89 s (score_mixed.py, 3 runs each, quiet machine).
SECOND_OPINION_BELOW = 0.7
SECOND_OPINION_SURE = 0.9
SECOND_OPINION_CANDIDATES = 1
SECOND_OPINION_WORDS = 5
NAMELIKE_MAX_WORDS = 8
# A name-like segment leaves the host only when the model is this sure ("Güzelbahçe Kampüsü ...").
NAMELIKE_SURE = 0.9


@dataclass(slots=True)
class Evidence:
    """What is known about one segment before the document's language is weighed."""

    probs: dict[str, float]  # model probabilities of the languages its script and letters allow
    script: str  # dominant script code (NEUTRAL: no letters)
    allowed: frozenset[str] | None  # languages its letters allow within the script (None: any of it)
    letters: int  # weight of its letters (CJK characters count as several)
    words: int
    _namelike: bool | None  # see `namelike`; None until first asked
    text: str
    mixed: bool  # letters of more than one script
    top: tuple[str, float] | None = None  # `best()`, worked out once

    def allows(self, lang: str) -> bool:
        """Whether the script and letters of the segment allow `lang`."""
        return _script_allows(self.script, lang) and (self.allowed is None or lang in self.allowed)

    @property
    def namelike(self) -> bool:
        """Short and mostly capitalised: names, a menu, a title.

        Worked out when first asked: `decide` asks only about segments that differ from the host.
        """
        if self._namelike is None:
            self._namelike = (self.words <= NAMELIKE_MAX_WORDS
                              and len(_CAPITALISED.findall(self.text)) * 4 >= self.words * 3)
        return self._namelike

    def best(self) -> tuple[str, float]:
        """The most probable allowed language (the script's default when the model names none)."""
        if self.top is None:
            self.top = self._work_out_best()
        return self.top

    def _work_out_best(self) -> tuple[str, float]:
        return _best_of(self.probs, self.script, self.allowed)


def _best_of(probs: dict[str, float], script: str, allowed: frozenset[str] | None) -> tuple[str, float]:
    """`Evidence.best` of these fields."""
    if probs:
        # One or two guesses (TOP_K) are the rule: picked as max() would (the first of equals).
        if len(probs) == 1:
            return next(iter(probs.items()))
        if len(probs) == 2:
            first, second = probs.items()
            return second if second[1] > first[1] else first
        lang = max(probs, key=probs.__getitem__)
        return lang, probs[lang]
    if script == NEUTRAL:
        return UNKNOWN, 0.0
    if allowed:
        return min(allowed), 0.0
    return (SCRIPT_LANGUAGES[script][0] if script in SCRIPT_LANGUAGES else "en"), 0.0


def _script_allows(script: str, lang: str) -> bool:
    if script == LATIN:
        return lang not in _NON_LATIN
    if script == NEUTRAL:
        return True
    return lang in SCRIPT_LANGUAGES.get(script, ())


def gather(texts: list[str], predictions: list[list[tuple[str, float]]]) -> list[Evidence]:
    """Evidence for each text from its letters and the model's top-k guesses for it.

    Texts come with Latin i in Cyrillic words already made Cyrillic (`normalise_cyrillic`).
    This runs once per segment: it avoids per-character Python and most allocations.
    """
    out = []
    # One kernel call counts every text's letters by script and its spaces.
    profiles = _core.script_profiles(texts, SCRIPT_TABLE)
    # And one counts the runs of each that hold a letter, as `_WORD` finds them (-1: left to it).
    runs = _core.letter_words(texts, regex_classes.TABLE)
    for text, guesses, (letters, script, mixed, spaces), letter_runs in zip(
            texts, predictions, profiles, runs, strict=True):
        allowed = cyrillic_candidates(text) if script == CYRILLIC else None
        probs: dict[str, float] = {}
        top: tuple[str, float] | None = None
        if script == LATIN and len(guesses) == 2:
            # The usual case: two guesses, both languages of Latin script, not the same one.
            (label, p), (label2, p2) = guesses
            lang = _LATIN_NAMES.get(label) or _latin_name(label)
            lang2 = _LATIN_NAMES.get(label2) or _latin_name(label2)
            if lang != "-" and lang2 != "-" and lang != lang2:
                probs = {lang: p, lang2: p2}
                # `_best_of` of these two, without the call: most segments come this way.
                top = (lang2, p2) if p2 > p else (lang, p)
            else:
                probs = _latin_probs(guesses)
        elif script == LATIN:
            if guesses:  # (segments the model was not asked about have none)
                probs = _latin_probs(guesses)
        elif guesses:
            script_langs = _SCRIPT_SETS.get(script)
            for label, p in guesses:
                lang = ALIASES.get(label, label)
                if (script_langs is None or lang in script_langs) and (allowed is None or lang in allowed):
                    probs[lang] = probs.get(lang, 0.0) + p
            usual = USUAL_LANGUAGE.get(script)
            if usual in probs:
                probs[usual] = min(1.0, probs[usual] * USUAL_BOOST)
        if script in _UNSPACED:
            words = max(1, letters // 6)  # written without spaces: about two characters a word
        else:
            words = spaces + 1
            if words <= NAMELIKE_MAX_WORDS:
                # "1 min read" is two words, "Tags :" one
                words = letter_runs if letter_runs >= 0 else len(_WORD.findall(text))
        # main_language and decide both ask for the best guess: worked out here, once.
        if top is None:
            top = _best_of(probs, script, allowed)
        out.append(Evidence(probs, script, allowed, letters, words, None, text, mixed, top))
    return out


def _latin_probs(guesses: list[tuple[str, float]]) -> dict[str, float]:
    """The probabilities of the Latin-script languages among the guesses (one label's aliases summed)."""
    probs: dict[str, float] = {}
    for label, p in guesses:
        lang = _LATIN_NAMES.get(label) or _latin_name(label)
        if lang != "-":
            # (0.0 + p is p: a first guess needs no addition.)
            probs[lang] = probs[lang] + p if lang in probs else p
    return probs


# fastText label -> the language it names in Latin script ("-": a language of another script).
_LATIN_NAMES: dict[str, str] = {}


def _latin_name(label: str) -> str:
    name = "-" if label in _NON_LATIN else ALIASES.get(label, label)
    _LATIN_NAMES[label] = name
    return name


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
    if best == host:
        return best, p_best
    if host == UNKNOWN or not ev.allows(host):
        return _second_look(ev, host, best, p_best)
    p_host = ev.probs.get(host, 0.0)
    strange = ev.script == LATIN and foreign_letters(ev.text, host)
    if ev.script in (LATIN, CYRILLIC) and p_best < NAMELIKE_SURE and not strange and ev.namelike:
        return host, p_host
    doubt = _by_words(HOST_DOUBT, HOST_DOUBT_LONG, ev.words)
    if strange:
        doubt = max(doubt, HOST_DOUBT_FOREIGN_LETTERS)
    if p_host < doubt and p_best >= _by_words(MIN_FOREIGN_P, 0.0, ev.words):
        return _second_look(ev, host, best, p_best)
    return host, p_host


def _second_look(ev: Evidence, host: str, best: str, p_best: float) -> tuple[str, float]:
    """A foreign Latin-script call fastText is unsure of goes to lingua, when it is installed."""
    if ev.script != LATIN or ev.mixed or p_best >= SECOND_OPINION_BELOW or ev.words < SECOND_OPINION_WORDS:
        return best, p_best
    top = sorted(ev.probs, key=ev.probs.__getitem__, reverse=True)[:SECOND_OPINION_CANDIDATES]
    opinion = second_opinion(ev.text, top)
    if opinion is None or opinion[0] not in SECOND_LANGUAGES or opinion[1] < SECOND_OPINION_SURE:
        return best, p_best
    return opinion
