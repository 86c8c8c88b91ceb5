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

from collections.abc import Iterable

from ..second_models import FASTTEXT_LACKS, FASTTEXT_WEAK, SECOND_LANGUAGES, available, detector, warm_up

# Latin-script languages lingua knows; a segment's candidates are limited to these.
LATIN_LANGUAGES = frozenset({
    "af", "sq", "az", "eu", "bs", "ca", "hr", "cs", "da", "nl", "en", "eo", "et", "fi", "fr", "lg", "de",
    "hu", "is", "id", "ga", "it", "la", "lv", "lt", "ms", "mi", "nb", "nn", "pl", "pt", "ro", "sn", "so",
    "st", "es", "sw", "sv", "tl", "tn", "ts", "tr", "vi", "cy", "xh", "yo", "zu", "sk", "sl",
})


def second_opinion(text: str, candidates: Iterable[str]) -> tuple[str, float] | None:
    """lingua's best language for `text` among `candidates` and `SECOND_LANGUAGES`.

    None when lingua is not installed.
    """
    if not available():
        return None
    codes = (frozenset(candidates) & LATIN_LANGUAGES) | SECOND_LANGUAGES
    # lingua encodes to UTF-8 strictly: a lone surrogate (from a JSON escape) would raise.
    text = text.encode("utf-8", "replace").decode("utf-8")
    values = detector(codes).compute_language_confidence_values(text)
    if not values:
        return None
    return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)


__all__ = ["FASTTEXT_LACKS", "FASTTEXT_WEAK", "LATIN_LANGUAGES", "SECOND_LANGUAGES", "available",
           "second_opinion", "warm_up"]
