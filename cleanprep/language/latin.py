"""Letters a Latin-script language never writes: evidence that a segment is not in it.

An English sentence has no ł, ğ or ð outside names; a Polish one no ñ or ß. When a segment's
ordinary (lower-case) words hold letters outside the host language's alphabet, the host loses
its benefit of the doubt. Only languages whose alphabet is listed here take part.

>>> foreign_letters("600 tys. złotych.", "en")
True
>>> foreign_letters("He met Ms Łukasiewicz at the café.", "en")
False
>>> foreign_letters("Größe und Gewicht", "de")
False
"""

from __future__ import annotations

import regex

# Letters beyond a-z each language writes in ordinary words (loanwords included: "café", "naïve").
ALPHABETS: dict[str, str] = {
    "en": "éèêëïçàâöüñ",
    "de": "äöüßéàè",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "es": "áéíóúüñ",
    "pl": "ąćęłńóśźż",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "nl": "éëïöüèáó",
}
# A word that starts lower-case (names start with a capital) and holds a non-ASCII letter.
_PLAIN_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*")
_NON_ASCII_LETTER = regex.compile(r"[^\x00-\x7f]")


def foreign_letters(text: str, lang: str) -> bool:
    """True when a lower-case word of `text` holds a letter `lang`'s alphabet lacks."""
    alphabet = ALPHABETS.get(lang)
    if alphabet is None or text.isascii():
        return False
    allowed = set(alphabet)
    for word in _PLAIN_WORD.findall(text):
        if not word.isascii():
            extra = set(_NON_ASCII_LETTER.findall(word)) - allowed
            if any(ch.isalpha() for ch in extra):
                return True
    return False
