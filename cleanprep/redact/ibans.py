"""IBANs: two letters, two check digits and a country-specific account part, mod-97 valid.

Written compact or in groups of four; the length must be the one the country registered, so a
product code that happens to start with two capitals and two digits is not taken.

>>> list(find_ibans("Переказ на UA21 3223 1300 0002 6007 2335 6600 1, дякуємо!"))
[(11, 47)]
>>> list(find_ibans("Konto DE89370400440532013000."))
[(6, 28)]
>>> list(find_ibans("Model DE89 3704 0044 0532 0130 01 in stock"))  # checksum fails
[]
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .checksums import iban_checksum_valid
from .scan import finditer_in_windows, long_number_windows

# ISO 13616 registry: country -> IBAN length in characters.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
    "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

_SPACE = " \u00a0"
# Every IBAN holds a run of eight or more digits; country, check digits and a lettered bank code
# ("GB82 WEST ") come before it, lettered account parts ("3M02 606", "MTLC AST0 01S") after it.
_BEFORE, _AFTER = 16, 40
# Greedy on purpose: the country length, not the regex, decides where the IBAN ends.
_CANDIDATE = regex.compile(r"(?<!\w)[A-Z]{2}[0-9][0-9](?:[ \u00a0]?[A-Z0-9]){8,32}")


def find_ibans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each checksum-valid IBAN in `text`."""
    for match in finditer_in_windows(_CANDIDATE, text, long_number_windows(text, _BEFORE, _AFTER)):
        end = _iban_end(match.group())
        if end is not None and not text[match.start() + end : match.start() + end + 1].isalnum():
            yield match.start(), match.start() + end


def _iban_end(candidate: str) -> int | None:
    """Length of the IBAN that `candidate` starts with, or None when it is not one."""
    length = IBAN_LENGTHS.get(candidate[:2])
    if length is None:
        return None
    seen = 0
    for index, char in enumerate(candidate):
        if char not in _SPACE:
            seen += 1
            if seen == length:
                end = index + 1
                break
    else:
        return None
    written = candidate[:end]
    if not _grouped_like_an_iban(written):
        return None
    compact = "".join(char for char in written if char not in _SPACE)
    return end if iban_checksum_valid(compact) else None


def _grouped_like_an_iban(written: str) -> bool:
    """Compact, or groups of four with a shorter last group (the printed form)."""
    groups = written.replace("\u00a0", " ").split(" ")
    if len(groups) == 1:
        return True
    return all(len(group) == 4 for group in groups[:-1]) and 1 <= len(groups[-1]) <= 4
