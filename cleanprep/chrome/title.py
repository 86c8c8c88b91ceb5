"""Find a document's title: a line printed twice near the top, or the headline inside the HTML title.

>>> from cleanprep.document import Document
>>> from cleanprep.split import split_document
>>> from cleanprep.chrome.features import line_table, feature_matrix, FEATURES
>>> doc = Document(id="x", text="")
>>> doc.fixed = ("Storm hits the coast | Daily News\\nHome\\nStorm hits the coast\\n"
...              "The storm reached the coast on Monday and it cut power to thousands of homes.")
>>> split_document(doc)
>>> lines = line_table(doc)
>>> find_title(lines, feature_matrix(doc, lines))
(2, {0})
"""

from __future__ import annotations

import re

import numpy as np

from .features import FEATURES, LineTable, norm_key
from .phrases import HARD_KINDS

_C = {name: i for i, name in enumerate(FEATURES)}
# Title candidates: at least this many letters, and found before this share of the document.
_TITLE_MIN_KEY = 12
_TITLE_REGION = 0.7
# What separates a headline from the site's name in an HTML title.
_SITE_SEPARATOR = re.compile(r"\s+[|\-–—:·»/]\s+|\s+::\s+")


def find_title(lines: LineTable, x: np.ndarray) -> tuple[int | None, set[int]]:
    """The title line's index and the indices of its repeats (exact, or a longer line holding it).

    A title is a line printed twice near the top; of an HTML title ("Headline | Site") followed by the
    headline, the headline is the title. Among several repeated lines the one nearest the article's
    start wins (glossary terms and tag lists repeat too, but further from it).
    """
    n = len(lines)
    keys, texts = lines.keys, lines.texts
    words = lines.words.tolist()
    limit = max(3, int(n * _TITLE_REGION))
    tight = x[:, _C["in_tight_core"]]
    core_start = int(tight.argmax()) if tight.any() else n
    title = _headline_of_html_title(lines, limit)
    if title is not None:
        return title, _repeats(keys, words, title)
    prose = x[:, _C["prose"]].tolist()
    kinds = lines.kinds
    first_at: dict[str, int] = {}
    candidates: list[int] = []
    for i in range(min(n, limit)):
        key = keys[i]
        # A sentence ending in a full stop is prose, not a headline (a headline may ask a question). A
        # notice, credit or form line printed twice (under each product, each photo) is no headline either.
        if (len(key) < _TITLE_MIN_KEY or words[i] > 30 or prose[i] and texts[i].endswith(".")
                or kinds[i] in HARD_KINDS):
            continue
        if key in first_at:
            j = first_at[key]
            if j not in candidates:
                candidates.append(j)
        else:
            first_at[key] = i
    # A later line that a longer earlier line holds ("Home News Headline", "Headline | Site").
    for i in range(1, min(n, limit)):
        key = keys[i]
        if len(key) < _TITLE_MIN_KEY or words[i] > 30 or i in candidates or kinds[i] in HARD_KINDS:
            continue
        above = keys[max(0, i - 8) : i]
        if key not in "\n".join(above):  # keys hold no newline: most lines are settled by one search
            continue
        for j in range(max(0, i - 8), i):
            other = keys[j]
            if len(other) > len(key) and key in other and words[j] <= 40:
                candidates.append(i)
                break
    if not candidates:
        return None, set()
    title = min(candidates, key=lambda i: (abs(core_start - i), i))
    return title, _repeats(keys, words, title)


def _headline_of_html_title(lines: LineTable, limit: int) -> int | None:
    """The first line that repeats the page's HTML title (the first line), or its headline part.

    "Storm hits the coast | Daily News" names the headline "Storm hits the coast"; the first later line
    that is exactly that is the title. When the first line itself is repeated, it is the title.
    """
    keys = lines.keys
    first = keys[0]
    if len(first) < _TITLE_MIN_KEY or lines.words[0] > 40:
        return None
    parts = {first}
    found = (norm_key(part) for part in _SITE_SEPARATOR.split(lines.texts[0]))
    parts.update(k for k in found if len(k) >= _TITLE_MIN_KEY)
    for i in range(1, min(len(keys), limit)):
        if keys[i] in parts:
            return 0 if keys[i] == first else i
    return None


def _repeats(keys: list[str], words: list[int], title: int) -> set[int]:
    """Lines that repeat the title, or hold it inside a longer line above it (an HTML title, a breadcrumb)."""
    key = keys[title]
    out = {i for i, k in enumerate(keys) if k == key}
    out.update(i for i, k in enumerate(keys[:title]) if len(k) > len(key) and key in k and words[i] <= 40)
    out.discard(title)
    return out
