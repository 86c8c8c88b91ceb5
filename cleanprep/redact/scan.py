"""Find where the expensive patterns are worth running, so redaction stays fast on ordinary text.

A page is mostly words; the personal data sits in a few places a cheap scan can point at (a run
of eight or more digits, an `@`). The full patterns then run only in small windows around those
places instead of over the whole text.

>>> text = "Tel. +49 (0)30 1234567 since 1990."
>>> long_number_spans(text)
((6, 22),)
>>> long_number_windows(text)
[(3, 24)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

# Eight or more ASCII digits with at most three separator characters between neighbours: every
# phone number and card number has this, most dates, years and prices do not.
_LONG_NUMBER = regex.compile(r"[0-9](?:[ \u00a0\-\u2013./()]{0,3}[0-9]){7,}")


@lru_cache(maxsize=4)
def long_number_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each run of eight or more digits; cached, as several finders ask for the same text."""
    return tuple(match.span() for match in _LONG_NUMBER.finditer(text))


def long_number_windows(text: str, before: int = 3, after: int = 2) -> list[tuple[int, int]]:
    """Windows around each long digit run, merged where they touch.

    The default room fits what precedes a phone's digits ("+", "(") and the two characters that
    the patterns' final look-ahead reads after the last digit.
    """
    return merge_windows(long_number_spans(text), before, after, len(text))


def merge_windows(
    spans: Iterable[tuple[int, int]], before: int, after: int, length: int
) -> list[tuple[int, int]]:
    """Widen each (start, end) by `before`/`after`, clip to [0, length] and merge overlaps.

    >>> merge_windows([(10, 12), (14, 20), (40, 41)], 2, 2, 42)
    [(8, 22), (38, 42)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        low, high = max(0, start - before), min(length, end + after)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def finditer_in_windows(
    pattern: regex.Pattern[str], text: str, windows: Iterable[tuple[int, int]]
) -> Iterator[regex.Match[str]]:
    """Matches of `pattern` inside each window; look-behinds still see the text before a window.

    A match that reaches a window's end might continue past it, so it is matched again at its
    start over the whole text.
    """
    for low, high in windows:
        for match in pattern.finditer(text, low, high):
            if match.end() == high and high < len(text):
                full = pattern.match(text, match.start())
                if full is not None:
                    yield full
            else:
                yield match
