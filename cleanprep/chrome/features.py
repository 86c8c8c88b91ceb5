"""Per-line features of a document, computed once, for the chrome judge.

A line is all segments with the same `.line`. Each line gets a row of numbers (`FEATURES` names
them): what the line itself looks like (length, stopword share in its own language, terminal
punctuation, title case, digits and symbols, interface phrases), where it stands (position, inside or
outside the article's core), whether it repeats (inside the document, across the files of a run),
and what its neighbours look like (a short line among prose is a heading, among menu lines a menu).

>>> from cleanprep.document import Document
>>> from cleanprep.split import split_document
>>> doc = Document(id="x", text="")
>>> doc.fixed = "Home\\nNews\\n\\nThe council met on Monday and it voted for the plan.\\nShare"
>>> split_document(doc)
>>> lines = line_table(doc)
>>> [(ln.text, ln.kind) for ln in lines]
[('Home', 'nav'), ('News', None), ('The council met on Monday and it voted for the plan.', None), ('Share', 'share')]
>>> m = feature_matrix(doc, lines)
>>> m.shape == (4, len(FEATURES)), m[2, FEATURES.index("prose")], m[0, FEATURES.index("prose")]
(True, 1.0, 0.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import re

from ..document import UNKNOWN_LANG, Document, Segment
from .phrases import is_date_line, match_anywhere, match_line, match_prefix
from .stopwords import has_list, stopword_share_of_words

# Names of the columns of `feature_matrix`, in order (the model's weights are stored by name).
FEATURES = [
    "bias", "log_chars", "log_words", "stopwords", "ends_terminal", "ends_colon", "title_case", "digits",
    "symbols", "kind_nav", "kind_share", "kind_comment", "kind_caption", "kind_byline", "kind_tags",
    "kind_related", "kind_cookie", "kind_appeal", "kind_copyright", "date", "repeat_later",
    "repeat_any", "recurring", "position", "in_core", "before_core", "after_core", "core_distance",
    "prose", "context_prose", "context_length", "prev_prose", "next_prose", "block_lines", "bullet",
    "ellipsis", "sentences", "separators", "short", "short_in_core", "prose_score", "neighbour_short_run",
]
_INDEX = {name: i for i, name in enumerate(FEATURES)}
_KIND_FEATURE = {"nav": "kind_nav", "share": "kind_share", "comment-form": "kind_comment",
                 "caption": "kind_caption", "byline": "kind_byline", "tags": "kind_tags",
                 "related": "kind_related", "cookie": "kind_cookie", "appeal": "kind_appeal",
                 "copyright": "kind_copyright"}

# Features computed line by line in `feature_matrix` (the rest come from whole columns).
_LOOP_FEATURES = [
    "log_chars", "log_words", "stopwords", "ends_terminal", "ends_colon", "title_case", "digits", "symbols",
    "date", "repeat_later", "repeat_any", "block_lines", "bullet", "ellipsis", "sentences", "separators",
    "prose", "short", "prose_score",
]
_TERMINAL = frozenset(".!?…。！？;\"'”»)’")
# The standard library's engine is several times faster than `regex` on these simple patterns.
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_SYMBOL = re.compile(r"[|/\\»«›‹>·•©®™@#*=_~^<{}\[\]+→←↑↓▶►▼]")
_SEPARATOR = re.compile(r"\s[|·•/»›>]\s|\s{3,}")
_BULLET = re.compile(r"^[•*\-–—·▪►▶✓✔❤]\s")
_NORM_DROP = re.compile(r"[\W\d_]+")

# Lines this short (in words) are asked about interface phrases; longer ones only about cookies/appeals.
_PHRASE_WORDS = 12
_DATE_WORDS = 8
_KEY_CHARS = 200
_ANYWHERE_CHARS = 600


@dataclass(slots=True)
class Line:
    """One line of a document and what the judge needs to know of it."""

    index: int
    segments: list[Segment]
    text: str
    words: int
    block: int
    kind: str | None
    date: bool
    key: str


def norm_key(text: str) -> str:
    """A line's identity for repetition: letters only, lower case ("Share (3)" == "share").

    >>> norm_key("  Read more » (3)"), norm_key("Read More")
    ('readmore', 'readmore')
    """
    if len(text) > _KEY_CHARS:
        return text.lower()  # long lines repeat only verbatim; normalising them costs more than it finds
    return _NORM_DROP.sub("", text).lower()


def line_table(doc: Document) -> list[Line]:
    """The lines of `doc`, each with its text, word count, interface-phrase kind and date flag."""
    out: list[Line] = []
    fixed = doc.fixed
    for i, segs in enumerate(doc.lines()):
        text = fixed[segs[0].start : segs[-1].end]
        words = text.count(" ") + 1
        kind: str | None = None
        date = False
        if words <= _PHRASE_WORDS:
            kind = match_line(text) or match_prefix(text)
            date = kind is None and words <= _DATE_WORDS and is_date_line(text)
        elif len(text) <= _ANYWHERE_CHARS:
            kind = match_anywhere(text)
        out.append(Line(i, segs, text, words, segs[0].block, kind, date, norm_key(text)))
    return out


def _line_lang(segs: list[Segment], doc_lang: str) -> str:
    lang = max(segs, key=lambda s: s.end - s.start).lang if len(segs) > 1 else segs[0].lang
    # Short lines get unreliable labels from fastText; the document's language is a better guess.
    if lang == UNKNOWN_LANG or not has_list(lang):
        return doc_lang
    return lang


def _core(prose: np.ndarray, chars: np.ndarray) -> tuple[int, int]:
    """The stretch of lines with the most prose in it (maximum-sum run; menus cost a little each)."""
    gain = np.where(prose > 0, chars, -40.0)
    best = cur = 0.0
    best_span = (0, -1)
    start = 0
    for i, g in enumerate(gain.tolist()):
        if cur <= 0:
            cur, start = g, i
        else:
            cur += g
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def _window_mean(values: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k lines before and the k after each line (the line itself left out)."""
    n = len(values)
    padded = np.concatenate([np.zeros(k), values, np.zeros(k)])
    csum = np.concatenate([[0.0], np.cumsum(padded)])
    total = csum[2 * k + 1 : 2 * k + 1 + n] - csum[0:n] - values
    ones = np.concatenate([np.zeros(k), np.ones(n), np.zeros(k)])
    ocum = np.concatenate([[0.0], np.cumsum(ones)])
    count = ocum[2 * k + 1 : 2 * k + 1 + n] - ocum[0:n] - 1
    return total / np.maximum(count, 1)


def feature_matrix(doc: Document, lines: list[Line], recurring: np.ndarray | None = None) -> np.ndarray:
    """One row of `FEATURES` per line of `lines` (`recurring`: share of a run's files with the line)."""
    n = len(lines)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    col = _INDEX
    doc_lang = doc.lang
    seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.key] = counts.get(ln.key, 0) + 1
    block_sizes: dict[int, int] = {}
    for ln in lines:
        block_sizes[ln.block] = block_sizes.get(ln.block, 0) + 1
    # Columns are gathered in Python lists and written to the matrix once: numpy item writes are slow.
    cols: dict[str, list[float]] = {name: [] for name in _LOOP_FEATURES}
    for i, ln in enumerate(lines):
        text = ln.text
        nchar = len(text)
        words = _WORDS.findall(text)
        nw = len(words)
        sw = stopword_share_of_words(words, _line_lang(ln.segments, doc_lang)) if nw else 0.0
        last = text[-1]
        terminal = last in _TERMINAL
        cols["log_chars"].append(math.log1p(nchar) / 5)
        cols["log_words"].append(math.log1p(nw) / 3)
        cols["stopwords"].append(sw)
        cols["ends_terminal"].append(terminal)
        cols["ends_colon"].append(last == ":")
        cols["title_case"].append(sum(1 for w in words if w[0].isupper()) / nw if nw else 0.0)
        cols["digits"].append(len(_DIGIT.findall(text)) / nchar)
        cols["symbols"].append(len(_SYMBOL.findall(text)) / nchar)
        cols["date"].append(ln.date)
        key = ln.key
        cols["repeat_later"].append(bool(key) and key in seen)
        cols["repeat_any"].append(bool(key) and counts[key] > 1)
        if key and key not in seen:
            seen[key] = i
        cols["block_lines"].append(math.log1p(block_sizes[ln.block]) / 3)
        cols["bullet"].append(bool(_BULLET.match(text)))
        cols["ellipsis"].append(text.endswith(("...", "…", "[…]", "[...]")))
        cols["sentences"].append(math.log1p(len(ln.segments)) / 2)
        cols["separators"].append(bool(_SEPARATOR.search(text)))
        cols["prose"].append(nw >= 8 and sw >= 0.15 and (terminal or nw >= 20))
        cols["short"].append(nw <= 3)
        cols["prose_score"].append(sw * min(nw, 30) / 30)
        if ln.kind is not None:
            x[i, col[_KIND_FEATURE[ln.kind]]] = 1.0
    for name, values in cols.items():
        x[:, col[name]] = values
    if recurring is not None:
        x[:, col["recurring"]] = recurring
    x[:, 0] = 1.0
    x[:, col["position"]] = np.arange(n) / max(1, n - 1)
    prose = x[:, col["prose"]]
    chars = np.array([len(ln.text) for ln in lines], dtype=float)
    lo, hi = _core(prose, chars)
    idx = np.arange(n)
    x[:, col["in_core"]] = (idx >= lo) & (idx <= hi)
    x[:, col["before_core"]] = idx < lo
    x[:, col["after_core"]] = idx > hi
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0))
    x[:, col["core_distance"]] = np.log1p(dist) / 3
    x[:, col["context_prose"]] = _window_mean(prose, 2)
    x[:, col["context_length"]] = _window_mean(x[:, col["log_chars"]], 2)
    x[1:, col["prev_prose"]] = prose[:-1]
    x[:-1, col["next_prose"]] = prose[1:]
    x[:, col["short_in_core"]] = x[:, col["short"]] * x[:, col["in_core"]]
    x[:, col["neighbour_short_run"]] = _window_mean(x[:, col["short"]], 3)
    return x
