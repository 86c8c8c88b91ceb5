"""Phone numbers in international and common national formats.

Each shape is strict enough that dates, years, prices, ISBNs and coordinates do not fit:

- international: `+` or `00`, a country code and 8 to 15 digits in all (`+380 44 123 4567`,
  `+49 (0)30 1234567`, `00 44 20 7946 0958`); dots are not separators here, so signed
  coordinates (`+50.4501`) stay;
- North American: `(555) 123-4567`, `555-123-4567`, `555.123.4567` (3-3-4, area code 2..9);
- national with a trunk 0 and a separated area code: `(044) 123-45-67`, `030 1234567`,
  `030/1234567`, `067 123 45 67`; 9 to 12 digits in all; or with the trunk 8 of the former
  Soviet Union, `8 (044) 123-45-67`, `8 800 555-35-35`.

A number written after `#`, `№` or `ISBN` is an identifier and stays.

>>> text = "Tel. +49 (0)30 1234567, Kyiv (044) 123-45-67, NYC (555) 123-4567, 12.05.2024, 1990-2000"
>>> [text[s:e] for s, e in sorted(find_phones(text))]
['+49 (0)30 1234567', '(044) 123-45-67', '(555) 123-4567']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .context import labelled_as_identifier
from .scan import finditer_in_windows, long_number_windows

_SEP = r"[ \u00a0\-\u2010\u2011\u2013]"
_DIGIT = regex.compile(r"[0-9]")

# "00" is a weaker prefix than "+": not after a time ("07:10:00 2022-10-28") or a digit group.
# Groups after the country code are separated, or touch a parenthesised group: each group starts
# after a separator or a parenthesis, so a long digit run has one reading only (no backtracking blow-up).
_INTERNATIONAL = regex.compile(
    rf"(?P<prefix>(?<![\w+])\+|(?<![\w+.,:])(?<![0-9][ \u00a0\-])00{_SEP}?)"
    rf"(?P<body>[1-9][0-9]*(?:{_SEP}?\(0\))?"
    rf"(?:(?:{_SEP}{{1,2}}|(?=\()|(?<=\)))(?:\([0-9]{{1,5}}\)|[0-9]+))*)(?!\w)"
)
_NORTH_AMERICAN = regex.compile(
    r"(?<![\w+\-.,/])(?:1[ \-.])?(?:\([2-9][0-9][0-9]\)[ \u00a0]?|[2-9][0-9][0-9](?P<sep>[\-.]))"
    r"[0-9]{3}(?(sep)(?P=sep)|[ \-.\u00a0])[0-9]{4}(?![\w]|[\-.,/][0-9])"
)
_TRUNK = regex.compile(
    rf"(?<![\w+\-.,/])(?<![0-9][ \u00a0])(?:\(0[0-9]{{1,4}}\)[ \u00a0]?|0[1-9][0-9]{{1,3}}[ \u00a0/\-])"
    rf"[0-9]{{2,8}}(?:{_SEP}[0-9]{{2,4}}){{0,3}}(?![\w]|[ \u00a0\-.,/]?[0-9])"
)

# Ex-USSR long-distance prefix 8, then a 3-5 digit area code and the subscriber number written
# as ...-XX-XX: "8 (044) 123-45-67", "8 800 555-35-35"; 11 digits in all.
_TRUNK_EIGHT = regex.compile(
    r"(?<![\w+\-.,/])(?<![0-9][ \u00a0])8[ \u00a0\-]?(?:\([0-9]{3,5}\)|[0-9]{3,5})[ \u00a0\-]?"
    r"[0-9]{1,3}[ \u00a0\-][0-9]{2}[ \u00a0\-][0-9]{2}(?![\w]|[ \u00a0\-.,/]?[0-9])"
)


def find_phones(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each phone number in `text`, shape by shape (not in text order)."""
    windows = long_number_windows(text)
    if not windows:
        return
    for match in finditer_in_windows(_INTERNATIONAL, text, windows):
        body = match.group("body").replace("(0)", "", 1)
        if 8 <= _count_digits(body) <= 15 and not labelled_as_identifier(text, match.start()):
            yield match.span()
    for match in finditer_in_windows(_NORTH_AMERICAN, text, windows):
        if not labelled_as_identifier(text, match.start()):
            yield match.span()
    for match in finditer_in_windows(_TRUNK_EIGHT, text, windows):
        if _count_digits(match.group()) == 11 and not labelled_as_identifier(text, match.start()):
            yield match.span()
    for match in finditer_in_windows(_TRUNK, text, windows):
        if 9 <= _count_digits(match.group()) <= 12 and not labelled_as_identifier(text, match.start()):
            yield match.span()


def _count_digits(text: str) -> int:
    return len(_DIGIT.findall(text))
