"""Looks at the words just before a candidate, where a label tells what a number is.

An ISBN, an order number ("Order #...") or a version ("version 2.0.1.4") can have the very shape
of a phone number, a card or an IP address; the label in front of it is the cheapest evidence.
"""

from __future__ import annotations

import re

_LOOKBACK = 24

# A number written right after one of these is an identifier, not personal data.
_NUMBER_LABEL = re.compile(
    r"(?:#|№|\bISBN(?:-1[03])?|\bISSN|\bDOI|\bSKU|\bEAN|\bUPC)\s*:?\s*$", re.IGNORECASE
)

_VERSION_LABEL = re.compile(
    r"(?:\bv\.?|\bver\.?|\bversion|\bversión|\bversione|\bversie|\bwersja|\bверсі[яїю]|\bверси[яию]"
    r"|\brelease|\bbuild|\bfirmware|\bupdate|\bpatch|\bkernel)\s*:?\s*$",
    re.IGNORECASE,
)


def labelled_as_identifier(text: str, start: int) -> bool:
    """True when the candidate at `start` follows an identifier label such as `#`, `№` or `ISBN`.

    >>> labelled_as_identifier("Order #555-123-4567", 7)
    True
    >>> labelled_as_identifier("Call 555-123-4567", 5)
    False
    """
    return _NUMBER_LABEL.search(text, max(0, start - _LOOKBACK), start) is not None


def labelled_as_version(text: str, start: int) -> bool:
    """True when the candidate at `start` follows a version label (English, German, Ukrainian...).

    >>> labelled_as_version("Firmware version 2.0.1.4", 17)
    True
    >>> labelled_as_version("версія 10.2.3.4", 7)
    True
    >>> labelled_as_version("server 10.2.3.4", 7)
    False
    """
    return _VERSION_LABEL.search(text, max(0, start - _LOOKBACK), start) is not None


def mentions_before(pattern: re.Pattern[str], text: str, start: int, window: int = 40) -> bool:
    """True when `pattern` occurs in the `window` characters before `start`.

    >>> mentions_before(re.compile("IP"), "my IP is 1.2.3.4", 9)
    True
    """
    return pattern.search(text, max(0, start - window), start) is not None
