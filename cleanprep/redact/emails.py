"""E-mail addresses, plain and obfuscated.

Plain: `name@example.com`, Unicode included (`олена@приклад.укр`). Obfuscated: the `@` or the dot
spelled out in brackets, `name [at] example [dot] com`, `name(at)example(dot)com`,
`name {at} example {dot} com`, `olena [собака] ukr [крапка] net`, or with spaces around `@`.
Bare words (`name at example dot com`) count only when clearly an address: the dot is spelled
too, the last label is a known top-level domain, and neither the name nor the domain is a
common English word (so "look at this dot com bubble" stays). Cloudflare's stand-in for a
hidden address, `[email protected]`, is an address too.

>>> text = "PayPal - [email\u00a0protected]; ivan.petrenko(at)ukr(dot)net; look at this dot com"
>>> [text[s:e] for s, e in find_emails(text)]
['ivan.petrenko(at)ukr(dot)net', '[email\\xa0protected]']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .scan import finditer_in_windows, merge_windows

_LOCAL_CHARS = regex.compile(r"[\w.+\-%]")
_PLAIN = regex.compile(r"(?<![\w.+\-%])[\w.+\-%]{1,64}@(?:[^\W_][\w\-]*\.)+[^\W\d_]{2,24}(?!\w)")
_CLOUDFLARE = regex.compile(r"\[email[\s\u00a0]protected\]")

_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_AT = (
    rf"(?:(?P<at_bracket>\s*{_OPEN}\s*(?:at|@|собака|собачка|равлик|ät)\s*{_CLOSE}\s*)"
    r"|(?P<at_spaced>\s+@\s*|@\s+)"
    r"|(?P<at_word>\s+at\s+|_at_))"
)
_DOT = rf"(?:\s*{_OPEN}\s*(?:dot|\.|точка|крапка|punkt|point)\s*{_CLOSE}\s*|\s+dot\s+|_dot_|\.)"
_OBFUSCATED = regex.compile(
    rf"(?<![\w.+\-])(?P<name>[\w.+\-]{{1,64}}){_AT}(?P<domain>[\w\-]+(?:{_DOT}[\w\-]+)+)(?!\w)",
    regex.IGNORECASE,
)
_DOT_SPLIT = regex.compile(_DOT, regex.IGNORECASE)
# Marks of a spelled-out or spaced address: "at" or "@" against a bracket, "@" against a space,
# " dot ", the Cyrillic words. Each branch starts with a rare character or checks backwards from
# one, which keeps this scan fast on ordinary text.
_MARKS = regex.compile(
    r"[\])}>](?<=[aAäÄ][tT].|[aAäÄ][tT]\s.)|@(?<=[\[(\s]@)|@(?=[\])\s])|_[aA][tT]_"
    r"|[dD][oO][tT]\s(?<=\s...\s)|[сС]обак|СОБАК|[рР]авлик|РАВЛИК"
)
# An obfuscated address fits in this many characters before and after its mark.
_BEFORE, _AFTER = 90, 200

_KNOWN_TLDS = frozenset(
    ["com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "me", "tv", "eu", "de", "at",
     "ch", "uk", "ua", "ru", "pl", "fr", "it", "es", "nl", "be", "pt", "se", "no", "fi", "dk", "cz", "sk",
     "hu", "ro", "bg", "gr", "tr", "ie", "us", "ca", "au", "nz", "jp", "cn", "in", "br", "mx", "ar", "il",
     "by", "kz", "lt", "lv", "ee", "md", "ge", "рф", "укр"]
)  # fmt: skip
# Words that stand before or after "at" in ordinary English prose and are never the whole address.
_PROSE_WORDS = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "you", "i",
     "me", "us", "him", "her", "them", "my", "your", "his", "our", "their", "home", "work", "school",
     "least", "last", "first", "once", "all", "look", "looking", "looked", "arrive", "arrived", "stay",
     "stayed", "is", "are", "was", "were", "be", "been", "am", "here", "there", "best", "worst",
     "good", "bad"]
)  # fmt: skip


def find_emails(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each e-mail address in `text`: plain ones, then obfuscated ones."""
    if "@" in text:
        yield from _plain_addresses(text)
    marks = _obfuscation_marks(text)
    if marks:
        windows = merge_windows(((mark, mark + 1) for mark in marks), _BEFORE, _AFTER, len(text))
        for match in finditer_in_windows(_OBFUSCATED, text, windows):
            if _clearly_an_address(match):
                yield match.span()
    if "protected]" in text:
        yield from (match.span() for match in _CLOUDFLARE.finditer(text))


def _plain_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Match the plain pattern only where an `@` is, starting from the first character of its name."""
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and at - start < 64 and _LOCAL_CHARS.match(text, start - 1):
            start -= 1
        match = _PLAIN.match(text, start)
        if match is not None:
            yield match.span()
            at = text.find("@", match.end())
        else:
            at = text.find("@", at + 1)


def _obfuscation_marks(text: str) -> list[int]:
    """Positions of the marks of an obfuscated address (empty for almost every text).

    >>> _obfuscation_marks("a [at] b (dot) c; 2 + 3 (or 4) @ noon; Bob at home dot com")
    [5, 31, 51]
    """
    return [match.start() for match in _MARKS.finditer(text)]


def _clearly_an_address(match: regex.Match[str]) -> bool:
    labels = _DOT_SPLIT.split(match.group("domain"))
    tld = labels[-1]
    if len(tld) < 2 or not tld.isalpha():
        return False
    if match.group("at_word") is None:
        return True
    # Bare "at": the dot must be spelled out as well, and the words must not be prose.
    spelled_dot = "." not in match.group("domain") or "dot" in match.group("domain").lower()
    words = {match.group("name").lower(), labels[0].lower()}
    return spelled_dot and tld.lower() in _KNOWN_TLDS and not words & _PROSE_WORDS
