"""Markup left in the text by the flattening of a page: HTML tags, script snippets, server errors.

A line goes as ``markup`` when tags make up most of it (``<div class="share">``, a tracking pixel's
``<img ...>``), when it is a server's error message (``Warning: ... in /var/www/x.php on line 12``),
or when it calls the browser's page objects or a tracker's API in code punctuation (``(function()
{ document.addEventListener(...``). Code in an article (a tutorial's ``for`` loop) calls none of
them, and prose that names a tag (``use <b> for bold``) is mostly words, so both stay.

>>> markup_lines(["Home", '<div class="menu"></div>', "Use <b> for bold text in your posts."])
[False, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A start or end tag with its attributes (quoted or bare values), on one line.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:@][-\w:.@]*(?:\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'"
                  r"|[^\s>]+))?)*\s*/?>")
# PHP's (and similar servers') notices, printed into the page above or inside the article.
_SERVER_ERROR = re.compile(r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards"
                           r"|(?:Catchable )?Fatal error|Parse error)\s*:\s.*?"
                           r"(?: on line \d+|\(this will throw an Error)")
# What page scripts and trackers call; an article's own code examples seldom do.
_SCRIPT = re.compile(r"document\.(?:getElement|querySelector|createElement|write|addEventListener|cookie)"
                     r"|window\.[\w$]+\s*=|addEventListener\(|gtag\(|fbq\(|dataLayer|googletag|adsbygoogle|_gaq"
                     r"|jQuery\(|\$\(document\)")
_CODE_PUNCT = re.compile(r"[{}();=]")
# A line whose characters (spaces left out) are at least this share tags is markup.
TAG_SHARE = 0.5
# A script line has at least this share of code punctuation among its characters.
SCRIPT_PUNCT_SHARE = 0.04


def is_markup(line: str) -> bool:
    """Whether one line is leaked markup (see the module docstring).

    >>> is_markup("Warning: Use of undefined constant X - assumed 'X' in /www/wp/a.php on line 3")
    True
    >>> is_markup("(function() { window.dataLayer = window.dataLayer || []; })();")
    True
    >>> is_markup("Der Wert wird mit document.write ausgegeben, wie das Beispiel zeigt.")
    False
    """
    if "<" in line and ">" in line:
        tags = sum(len(m.group()) - m.group().count(" ") for m in _TAG.finditer(line))
        if tags >= TAG_SHARE * max(1, len(line) - line.count(" ")):
            return True
    if ":" in line and _SERVER_ERROR.match(line.lstrip()):
        return True
    if "(" in line or "." in line:
        return bool(_SCRIPT.search(line)) and len(_CODE_PUNCT.findall(line)) >= SCRIPT_PUNCT_SHARE * len(line)
    return False


def markup_lines(lines: Sequence[str]) -> list[bool]:
    """`is_markup` of each line."""
    return list(map(is_markup, lines))
