"""A second opinion from lingua's n-gram models, for Latin-script text fastText is unsure of.

fastText's lid.176 knows no Zulu, Xhosa, Shona, Sotho, Tswana, Tsonga, Ganda or Maori, and
spreads its guesses thin over them (Somali and Yoruba it knows only weakly). When
`lingua-language-detector` is installed, a segment fastText calls foreign without conviction is put
to lingua, restricted to fastText's best guess plus those languages, so only a few of lingua's
models are ever loaded; lingua's answer is taken only when it names one of those languages, where
fastText cannot compete. Without lingua (or with CLEANPREP_SECOND_OPINION=0), nothing changes.

>>> xhosa = "Apho kunokwenzeka, kucelwa iinqununu zezikolo zikhwelisane xa zisiya kule nkomfa."
>>> second_opinion(xhosa, ["tr", "tl"])[0] if available() else "xh"
'xh'
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from functools import lru_cache

# Languages written in Latin letters that lid.176 has no label for, and two it knows only weakly.
FASTTEXT_LACKS = ("zu", "xh", "sn", "st", "tn", "ts", "lg", "mi")
FASTTEXT_WEAK = ("so", "yo")
SECOND_LANGUAGES = frozenset(FASTTEXT_LACKS + FASTTEXT_WEAK)


@lru_cache(maxsize=1)
def _lingua():  # noqa: ANN202 - the module, or None
    if os.environ.get("CLEANPREP_SECOND_OPINION", "1") == "0":
        return None
    try:
        import lingua
    except ImportError:
        return None
    return lingua


def available() -> bool:
    """Whether lingua is installed."""
    return _lingua() is not None


# Latin-script languages lingua knows; a segment's candidates are limited to these.
LATIN_LANGUAGES = frozenset({
    "af", "sq", "az", "eu", "bs", "ca", "hr", "cs", "da", "nl", "en", "eo", "et", "fi", "fr", "lg", "de",
    "hu", "is", "id", "ga", "it", "la", "lv", "lt", "ms", "mi", "nb", "nn", "pl", "pt", "ro", "sn", "so",
    "st", "es", "sw", "sv", "tl", "tn", "ts", "tr", "vi", "cy", "xh", "yo", "zu", "sk", "sl",
})


# Loaded ahead, in a background thread, by `warm_up`: the languages every question includes. The
# candidates fastText adds load on first use, in the worker that needs them: the large models of
# English, German and the like would hold up the start of every run for a question most runs
# never ask.
WARM_LANGUAGES = SECOND_LANGUAGES
_warming: threading.Thread | None = None
_warm_lock = threading.Lock()


def warm_up() -> None:
    """Start loading lingua's models in the background (once per process; nothing without lingua).

    lingua loads its models outside Python's global lock, so this overlaps with fastText's work;
    the first `second_opinion` waits for it. A process forked meanwhile waits too (see `_before_fork`),
    so forked workers share the loaded models instead of each loading its own.
    """
    global _warming
    if _warming is not None or _lingua() is None:
        return
    with _warm_lock:
        if _warming is None:
            _warming = threading.Thread(target=_load_warm_models, name="lingua-warm-up", daemon=True)
            _warming.start()


def _load_warm_models() -> None:
    # Building a detector loads nothing: lingua reads a language's models the first time it weighs
    # that language, so one small text makes it read all of them now.
    _detector(WARM_LANGUAGES).compute_language_confidence_values("warm up")


def _before_fork() -> None:
    # A child forked while lingua is loading could inherit its locks held by a thread that does not
    # exist in the child; waiting also lets every child share the models.
    if _warming is not None and _warming.is_alive():
        _warming.join()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork)


@lru_cache(maxsize=512)
def _detector(codes: frozenset[str]):  # noqa: ANN202
    # lingua caches each language's models across detectors, so a detector per candidate set costs
    # only the models not loaded yet (trigram models: 10 to 20 ms a language).
    lingua = _lingua()
    langs = [lingua.Language.from_iso_code_639_1(getattr(lingua.IsoCode639_1, c.upper()))
             for c in sorted(codes)]
    return lingua.LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def second_opinion(text: str, candidates: Iterable[str]) -> tuple[str, float] | None:
    """lingua's best language for `text` among `candidates` and `SECOND_LANGUAGES`.

    None when lingua is not installed.
    """
    if _lingua() is None:
        return None
    if _warming is not None and _warming.is_alive():
        _warming.join()
    codes = (frozenset(candidates) & LATIN_LANGUAGES) | SECOND_LANGUAGES
    # lingua encodes to UTF-8 strictly: a lone surrogate (from a JSON escape) would raise.
    text = text.encode("utf-8", "replace").decode("utf-8")
    values = _detector(codes).compute_language_confidence_values(text)
    if not values:
        return None
    return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)
