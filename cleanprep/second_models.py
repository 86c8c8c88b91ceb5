"""lingua's models for the second opinion (`language.second`): one detector per set of languages,
and the load of the languages every question includes, in the background.

This module imports nothing heavy, so a command can start that load before its own imports (numpy,
the patterns, the language and chrome code: about 0.17 s for `detect`, 0.35 s for `clean`) and the
two overlap: lingua reads its models outside Python's global lock (the load itself takes 0.04 to
0.09 s). Worker processes forked afterwards share the loaded models instead of each loading its
own. Without `lingua-language-detector` (or with CLEANPREP_SECOND_OPINION=0) nothing is loaded.

>>> warm_up()  # returns at once; the first `detector` call waits for the load to finish
>>> detector(SECOND_LANGUAGES) is detector(SECOND_LANGUAGES) if available() else True
True
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

# Languages written in Latin letters that lid.176 has no label for, and two it knows only weakly:
# every question put to lingua includes them.
FASTTEXT_LACKS = ("zu", "xh", "sn", "st", "tn", "ts", "lg", "mi")
FASTTEXT_WEAK = ("so", "yo")
SECOND_LANGUAGES = frozenset(FASTTEXT_LACKS + FASTTEXT_WEAK)


@lru_cache(maxsize=1)
def _lingua() -> Any:
    """The lingua module, or None."""
    if os.environ.get("CLEANPREP_SECOND_OPINION", "1") == "0":
        return None
    try:
        import lingua
    except ImportError:
        return None
    return lingua


def available() -> bool:
    """Whether lingua is installed (and not turned off)."""
    return _lingua() is not None


# The candidates fastText adds load on first use, in the worker that needs them: the large models
# of English, German and the like would hold up the start of every run for a question most runs
# never ask.
_warming: threading.Thread | None = None
_warm_lock = threading.Lock()


def warm_up() -> None:
    """Start loading the models of `SECOND_LANGUAGES` in the background (once per process).

    The first `detector` call waits for it; so does a process forked meanwhile (see `_before_fork`).
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
    _build(SECOND_LANGUAGES).compute_language_confidence_values("warm up")


def _wait_for_warm_up() -> None:
    if _warming is not None and _warming.is_alive():
        _warming.join()


def _before_fork() -> None:
    # A child forked while lingua is loading could inherit its locks held by a thread that does not
    # exist in the child; waiting also lets every child share the models.
    _wait_for_warm_up()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork)


def detector(codes: frozenset[str]) -> Any:
    """lingua's detector for these ISO 639-1 codes (low accuracy mode: trigram models only).

    Call only when `available()`. Waits for `warm_up`'s load when one is under way.
    """
    _wait_for_warm_up()
    return _build(codes)


@lru_cache(maxsize=512)
def _build(codes: frozenset[str]) -> Any:
    # lingua caches each language's models across detectors, so a detector per candidate set costs
    # only the models not loaded yet (trigram models: 10 to 20 ms a language).
    lingua = _lingua()
    langs = [lingua.Language.from_iso_code_639_1(getattr(lingua.IsoCode639_1, c.upper()))
             for c in sorted(codes)]
    return lingua.LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
