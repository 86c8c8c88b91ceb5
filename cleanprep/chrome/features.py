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
>>> [(ln.text[:12], ln.kind) for ln in lines]
[('Home', 'nav'), ('News', None), ('The council ', None), ('Share', 'share')]
>>> m = feature_matrix(doc, lines)
>>> prose = FEATURES.index("prose")
>>> m.shape == (4, len(FEATURES)), float(m[2, prose]), float(m[0, prose])
(True, 1.0, 0.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from .. import _core
from ..document import UNKNOWN_LANG, Document, Segment
from .phrases import (
    BIO_LINE,
    COMMENT_META_DIGITS,
    COMMENT_META_WORDS,
    HEADER_OPENER,
    NOTICE_MAX_CHARS,
    NOTICE_MAX_WORDS,
    STAMPED_MAX_WORDS,
    classify_lines,
    comment_header_lines,
    comment_meta_lines,
    hinted_lines,
    is_byline_start,
    is_date_line,
    lines_matching_at,
    notice_lines,
    reads_hint,
    stamped_lines,
)
from .stopwords import NO_SPACE_LANGS, SITE_BIT, WORD_BITS, has_list, language_bits, stopword_share_of_words

# Names of the columns of `feature_matrix`, in order (the model's weights are stored by name).
FEATURES = [
    "bias", "log_chars", "log_words", "stopwords", "ends_terminal", "ends_colon", "title_case", "digits",
    "symbols", "kind_nav", "kind_share", "kind_comment", "kind_caption", "kind_byline", "kind_tags",
    "kind_related", "kind_cookie", "kind_appeal", "kind_copyright", "date", "repeat_later",
    "repeat_any", "recurring", "position", "in_core", "before_core", "after_core", "core_distance",
    "prose", "context_prose", "context_length", "prev_prose", "next_prose", "block_lines", "bullet",
    "ellipsis", "sentences", "separators", "short", "short_in_core", "prose_score", "neighbour_short_run",
    "site_words", "upper", "question", "link", "any_kind", "first_line", "char_position", "in_tight_core",
    "core_position", "prose_near_1", "prose_near_5", "short_near_8", "prose_above", "prose_below",
    "prev_stopwords", "next_stopwords", "prev_words", "next_words", "prev_kind", "next_kind",
    "prev_terminal", "next_terminal", "block_prose", "truncated", "is_title", "title_repeat", "before_title",
    "embedded", "embedded_chars", "colon_above", "numbered", "key_value", "bio", "quantity", "list_run",
    "comment_meta",
]

_INDEX = {name: i for i, name in enumerate(FEATURES)}
_KIND_FEATURE = {"nav": "kind_nav", "share": "kind_share", "comment-form": "kind_comment",
                 "caption": "kind_caption", "byline": "kind_byline", "tags": "kind_tags",
                 "related": "kind_related", "cookie": "kind_cookie", "appeal": "kind_appeal",
                 "copyright": "kind_copyright"}
_KIND_COLUMN = {kind: _INDEX[name] for kind, name in _KIND_FEATURE.items()}

# Both alternatives start with a space, so the engine scans for it at C speed.
_SEPARATOR = re.compile(r" [|·•/»›>] |   ")
# A list item's number or letter: "3. ", "12) ", "b) " (not "1.5" or "z.B.").
_NUMBERED = re.compile(r"^(?:\d{1,3}[.)](?![\d.])|[^\W\d_]\))", re.M)
# A short label, a colon, then its value: "Laufzeit: 36 Monate", "Prep time: 20 min".
_KEY_VALUE = re.compile(r"^[^:\n]{2,40}: \S", re.M)
# A measured amount opening a line: "200 g Mehl", "2 cups flour", "1½ tbsp oil", "3-4 EL Öl", "120g noodles".
# A number then a lower-case word or a unit's abbreviation (nouns are capitalised in German).
_QUANTITY = re.compile(
    r"^[\s•*\-–]*(?:\d+(?:[.,/]\d+)?\s?[½¼¾⅓⅔⅛]?|[½¼¾⅓⅔⅛])(?:\s?[-–]\s?\d+(?:[.,]\d+)?)?\s?"
    r"(?:[a-zß-öø-ÿ]|(?:EL|TL|Msp|Stk|ml|cl|dl|kg|mg|g|l|oz|lb|lbs|cm|mm)\b)",
    re.M,
)
# What the first character of a line must be for `_QUANTITY` to match at its start.
_QUANTITY_OPENER = re.compile(r"[\s•*\-–\d½¼¾⅓⅔⅛]")
# Neighbours (this many lines each side) looked at for a run of list items.
_LIST_RUN = 2
_ELLIPSES = ("...", "…", "[…]", "[...]")
_TERMINAL = frozenset(".!?…。！？;\"”»)")
# The standard library's engine is several times faster than `regex` on these simple patterns.
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_SYMBOL = re.compile(r"[|/\\»«›‹>·•©®™@#*=_~^<{}\[\]+→←↑↓▶►▼]")
_BULLET = re.compile(r"[•*\-–—·▪►▶✓✔❤]")
_SPACE = re.compile(r"\s")
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f\u1000-\u109f]")
_NORM_DROP = re.compile(r"[\W_]+")

# Lines up to this many words are asked whether they are only a date; longer lines are keyed verbatim.
_DATE_WORDS = 8
_KEY_CHARS = 200
# A line announcing a list ("...the following:") reaches this many lines down.
_LIST_SPAN = 12

# What each character is, as bits, looked up by code point: a whole document's characters are
# classified by one numpy gather instead of a regex call per line. A code point's bits are worked
# out (by the very patterns above) the first time a document holds it.
(_LETTER, _DIGIT_BIT, _SYMBOL_BIT, _NO_SPACE_BIT, _BLANK, _TERMINAL_BIT, _BULLET_BIT, _WHITESPACE, _TRUNC,
 _KEY, _QUANTITY_BIT, _CREDIT_BIT, _HEADER_BIT) = (1 << b for b in range(13))
_KNOWN = 1 << 15
_CHAR_BITS = np.zeros(0x110000, dtype=np.uint16)
# `stopwords.WORD_BITS` in the core, to look up a document's words in one call.
_WORD_TABLE = _core.WordBits(WORD_BITS)


def _bits_of(c: str) -> int:
    return (_KNOWN | _LETTER * bool(_WORDS.match(c)) | _DIGIT_BIT * bool(_DIGIT.match(c))
            | _SYMBOL_BIT * bool(_SYMBOL.match(c)) | _NO_SPACE_BIT * bool(_NO_SPACE_SCRIPT.match(c))
            | _BLANK * (c == " ") | _TERMINAL_BIT * (c in _TERMINAL) | _BULLET_BIT * bool(_BULLET.match(c))
            | _WHITESPACE * bool(_SPACE.match(c)) | _TRUNC * (c.isalpha() or c in ",’'")
            # What `norm_key` keeps (and the newlines between joined lines).
            | _KEY * (c == "\n" or not _NORM_DROP.match(c))
            | _QUANTITY_BIT * bool(_QUANTITY_OPENER.match(c))
            # What an image credit closing a line needs (`phrases.classify_lines`).
            | _CREDIT_BIT * (c in ":©(")
            # A line opening with it (lower-cased) may head the comments (`phrases.comment_header_lines`).
            | _HEADER_BIT * bool(HEADER_OPENER.match(c.lower())))


def _char_bits(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The code points of `text` and the bits of each."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bits = _CHAR_BITS[points]
    if not (bits & _KNOWN).all():
        for c in np.unique(points[(bits & _KNOWN) == 0]).tolist():
            _CHAR_BITS[c] = _bits_of(chr(c))
        bits = _CHAR_BITS[points]
    return points, bits


class LineSegments:
    """The segments of each line, as a sequence of lists (one per line) sliced from the document's
    segments only when asked: the judge touches the segments of the few lines it removes.

    >>> segs = [Segment(0, 3, line=0), Segment(4, 8, line=0), Segment(9, 12, line=1)]
    >>> groups = LineSegments(segs, np.array([0, 2, 3]))
    >>> len(groups), [len(g) for g in groups], groups[1] == [segs[2]], groups.sizes.tolist()
    (2, [2, 1], True, [2, 1])
    """

    __slots__ = ("_segments", "_bounds", "sizes")

    def __init__(self, segments: list[Segment], bounds: np.ndarray) -> None:
        # bounds: where each line's segments begin, and after the last line where its segments end.
        self._segments, self._bounds = segments, bounds.tolist()
        self.sizes = np.diff(bounds)  # segments per line

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def __getitem__(self, i: int) -> list[Segment]:
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._segments[self._bounds[i] : self._bounds[i + 1]]

    def __iter__(self) -> Iterator[list[Segment]]:
        segments, bounds = self._segments, self._bounds
        return (segments[a:b] for a, b in pairwise(bounds))

    def longest(self) -> list[Segment]:
        """Each line's longest segment (the first of equals, as `max` picks).

        >>> segs = [Segment(0, 3, line=0), Segment(4, 8, line=0), Segment(9, 12, line=1)]
        >>> [(s.start, s.end) for s in LineSegments(segs, np.array([0, 2, 3])).longest()]
        [(4, 8), (9, 12)]
        """
        segments, bounds = self._segments, self._bounds
        if len(segments) == len(self):  # a segment per line: each is its line's longest
            return segments
        return [segments[a] if b - a == 1 else max(segments[a:b], key=_length)
                for a, b in pairwise(bounds)]


def _length(seg: Segment) -> int:
    return seg.end - seg.start


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


class LineTable:
    """The lines of a document as columns (one entry per line); indexing or iterating gives `Line`s.

    The judge reads the columns; `Line` views are for callers that want one line at a time.
    `joined` is the lines' texts joined by newlines (no line holds one), so a pattern that cannot
    cross a newline is searched once per document instead of once per line. `meta` marks the lines
    that head one comment ("NAME says: DATE at TIME", `phrases.comment_meta_lines`); `stamped` the
    short lines that hold a date with its year or a clock time (`phrases.stamped_lines`). `key_ids` gives
    each line the index of the first line with its key, so lines are compared as numbers; `keyed` says
    which lines have a key at all (a line of no letters or digits has none).
    """

    __slots__ = ("segments", "texts", "lows", "keys", "words", "blocks", "kinds", "dates", "joined",
                 "starts", "bits", "meta", "points", "stamped", "key_ids", "keyed")

    def __init__(self, segments: LineSegments, texts: list[str], lows: list[str], keys: list[str],
                 words: np.ndarray, blocks: np.ndarray, kinds: list[str | None], dates: np.ndarray,
                 joined: str, starts: np.ndarray, bits: np.ndarray, meta: np.ndarray | None = None,
                 points: np.ndarray | None = None, stamped: np.ndarray | None = None) -> None:
        self.segments, self.texts, self.lows, self.keys = segments, texts, lows, keys
        self.words, self.blocks, self.kinds, self.dates = words, blocks, kinds, dates
        self.joined, self.starts, self.bits = joined, starts, bits
        self.meta = meta if meta is not None else np.zeros(len(texts), dtype=bool)
        self.stamped = stamped if stamped is not None else np.zeros(len(texts), dtype=bool)
        # The code points of `joined` (`bits` are theirs), worked out again when not given.
        self.points = points if points is not None else _char_bits(joined)[0]
        self.key_ids = first_of_each(keys)
        self.keyed = np.fromiter(map(bool, keys), dtype=bool, count=len(keys))

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Line:
        if i < 0:
            i += len(self.texts)
        return Line(i, self.segments[i], self.texts[i], int(self.words[i]), int(self.blocks[i]),
                    self.kinds[i], bool(self.dates[i]), self.keys[i])

    def __iter__(self) -> Iterator[Line]:
        return (self[i] for i in range(len(self.texts)))


def first_of_each(keys: list[str]) -> np.ndarray:
    """For each key, the index of its first occurrence.

    >>> first_of_each(["home", "news", "home", "", ""]).tolist()
    [0, 1, 0, 3, 3]
    """
    first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
    return np.fromiter(map(first.__getitem__, keys), dtype=np.int64, count=len(keys))


def norm_key(text: str) -> str:
    """A line's identity for repetition: letters and digits, lower case, nothing else.

    Digits stay: "Price: 20 Euro" and "Price: 30 Euro" in one list are different lines.

    >>> norm_key("  Read more »"), norm_key("Read More"), norm_key("Seite 2")
    ('readmore', 'readmore', 'seite2')
    """
    if len(text) > _KEY_CHARS:
        return text.lower()  # long lines repeat only verbatim; normalising them costs more than it finds
    return _NORM_DROP.sub("", text).lower()


# Answers of `is_date_line` (one costly pattern, about 8 µs a line) for the short lines asked so far: a
# quarter of them recur across a site's pages ("Seite 1 von 3", a footer's "© 2021"). The answer is a pure
# function of the text, so a bounded cache of it changes nothing but the time.
_is_date = lru_cache(maxsize=1 << 15)(is_date_line)


def _per_line(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """How many of each line's characters have `flags` set (lines start at `starts` of the joined text)."""
    return np.add.reduceat((flags != 0).view(np.int8), starts, dtype=np.int64)


def _line_of(positions: list[int], starts: np.ndarray) -> np.ndarray:
    """The lines holding these positions of the joined text."""
    return np.searchsorted(starts, positions, side="right") - 1


def line_table(doc: Document) -> LineTable:
    """The lines of `doc`, each with its text, word count, interface-phrase kind and date flag."""
    segs = doc.segments
    if not segs:
        empty = np.zeros(0, dtype=np.int64)
        return LineTable(LineSegments([], np.zeros(1, dtype=np.int64)), [], [], [], empty, empty, [],
                         np.zeros(0, dtype=bool), "", empty, empty)
    line_no = np.array([s.line for s in segs])
    cuts = (np.flatnonzero(line_no[1:] != line_no[:-1]) + 1).tolist()
    firsts = [0, *cuts]
    lasts = [c - 1 for c in cuts] + [len(segs) - 1]
    groups = LineSegments(segs, np.array([*firsts, len(segs)]))
    fixed = doc.fixed
    texts = [fixed[segs[a].start : segs[b].end] for a, b in zip(firsts, lasts, strict=True)]
    n = len(texts)
    joined = "\n".join(texts)
    if joined.count("\n") != n - 1:
        raise ValueError("a line of the split holds a newline")
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    points, bits = _char_bits(joined)
    words = _per_line(bits & _BLANK, starts) + 1
    no_space = _per_line(bits & _NO_SPACE_BIT, starts)
    # Scripts written without spaces: about two characters make a word.
    sparse = (words * 8 <= lengths) & (no_space > 0)
    words[sparse] = np.maximum(words[sparse], no_space[sparse] // 2)
    word_list = words.tolist()
    low_joined = joined.lower()
    # Lower-casing the joined text is lower-casing each line: a newline is neither cased nor
    # case-ignorable, so no line's context (Greek final sigma) reaches across it.
    lows = low_joined.split("\n")
    digits = _per_line(bits & _DIGIT_BIT, starts)
    # Lower-casing may lengthen a line ("İ"), so the lower-cased lines' own lengths are taken.
    low_lengths = np.fromiter(map(len, lows), dtype=np.int64, count=n)
    hinted = _hinted(lows, low_lengths, words, digits)
    # No character lower-cases to one of ":©()", so the original text says which lines hold one.
    marked = _per_line(bits & _CREDIT_BIT, starts) > 0
    marked |= (lengths == 0) | (points[np.maximum(starts + lengths - 1, 0)] == ord(")"))
    kinds = classify_lines(lows, word_list, hinted, marked.tolist())
    low_starts = np.zeros(n, dtype=np.int64)
    np.cumsum(low_lengths[:-1] + 1, out=low_starts[1:])
    opener = np.ones(n, dtype=bool)
    filled = lengths > 0
    opener[filled] = (bits[starts[filled]] & _HEADER_BIT) != 0
    for i in comment_header_lines(low_joined, low_starts.tolist(), np.flatnonzero(opener).tolist()):
        kinds[i] = kinds[i] or "comment-form"
    for i, kind in _notices(lows, low_lengths, words, kinds):
        kinds[i] = kind
    meta = np.zeros(n, dtype=bool)
    meta[comment_meta_lines(lows, np.flatnonzero((digits >= COMMENT_META_DIGITS)
                                                  & (words <= COMMENT_META_WORDS)).tolist())] = True
    # A year has four digits and a clock time three: lines with fewer hold no stamp. Lines of another
    # kind than a byline (a caption, a share bar) need none.
    stamped = np.zeros(n, dtype=bool)
    stampable = np.fromiter((kind is None or kind == "byline" for kind in kinds), dtype=bool, count=n)
    asked = np.flatnonzero((digits >= 3) & (words <= STAMPED_MAX_WORDS) & stampable).tolist()
    stamped[stamped_lines(lows, asked)] = True
    # "Par NAME — Publié le DATE, mis à jour le DATE" is a byline however many words its stamps take.
    for i in np.flatnonzero(stamped).tolist():
        if kinds[i] is None and is_byline_start(lows[i]):
            kinds[i] = "byline"
    asked = [i for i, (kind, w, d) in enumerate(zip(kinds, word_list, digits.tolist(), strict=True))
             if kind is None and w <= _DATE_WORDS and d]
    dates = np.zeros(n, dtype=bool)
    dates[asked] = [_is_date(texts[i]) for i in asked]
    kept = points[(bits & _KEY) != 0].tobytes().decode("utf-32-le", "surrogatepass")
    norm = kept.lower().split("\n")  # `norm_key` of every line at once
    keys = [low if length > _KEY_CHARS else key
            for low, key, length in zip(lows, norm, lengths.tolist(), strict=True)]
    blocks = np.array([segs[a].block for a in firsts])
    return LineTable(groups, texts, lows, keys, words, blocks, kinds, dates, joined, starts, bits, meta,
                     points, stamped)


def _hinted(lows: list[str], low_lengths: np.ndarray, words: np.ndarray, digits: np.ndarray) -> list[bool]:
    """`phrases.hinted_lines` of a document's lower-cased lines `lows`, found only in the lines whose hint
    `classify_lines` reads (`phrases.reads_hint`); the others' are False, as they are never read.

    Long paragraphs (over `phrases.ANYWHERE_CHARS`) hold much of a document's text and never read their hint,
    so only the asked lines are handed to the kernel.
    """
    n = len(lows)
    asked = np.flatnonzero(reads_hint(words, low_lengths))
    out = np.zeros(n, dtype=bool)
    if len(asked):
        asked_lows = [lows[i] for i in asked.tolist()]
        many_digits = np.flatnonzero(digits[asked] >= 8).tolist()
        out[asked] = hinted_lines(asked_lows, many_digits)
    return out.tolist()


def _notices(lows: list[str], low_lengths: np.ndarray, words: np.ndarray, kinds: list[str | None]
             ) -> list[tuple[int, str]]:
    """(line index, kind) of the notices (`phrases.notice_lines`) among the lines still without a kind
    (`low_lengths`: the lengths of the lower-cased lines `lows`).

    Only short lines without a kind can take one, so only they are searched (prose paragraphs hold most
    of a document's text).
    """
    kindless = np.fromiter((kind is None for kind in kinds), dtype=bool, count=len(kinds))
    asked = np.flatnonzero(kindless & (words <= NOTICE_MAX_WORDS) & (low_lengths <= NOTICE_MAX_CHARS))
    if not len(asked):
        return []
    found = notice_lines([lows[i] for i in asked.tolist()])
    return [(int(asked[j]), kind) for j, kind in found]


def _line_langs(lines: LineTable, doc_lang: str) -> list[str]:
    """The language whose stopwords count for each line: its longest segment's, else the document's."""
    # Short lines get unreliable labels from fastText; the document's language is a better guess.
    usable: dict[str, str] = {}  # a line's language -> the one that counts (a page has few languages)
    out = []
    for seg in lines.segments.longest():
        lang = seg.lang
        if lang not in usable:
            usable[lang] = doc_lang if lang == UNKNOWN_LANG or not has_list(lang) else lang
        out.append(usable[lang])
    return out


def _article_core(prose: np.ndarray, chars: np.ndarray, penalty: float = 80.0) -> tuple[int, int]:
    """The stretch of lines with the most prose in it (maximum-sum run; other lines cost `penalty`).

    Kadane's scan, in closed form: the run ending at line i starts after the lowest prefix sum
    before it (the latest such line on ties), and the first line with the highest sum ends the best
    run. Gains are whole numbers, so the prefix sums are exact.
    """
    gain = np.where(prose > 0, chars, -penalty)
    prefix = np.concatenate([[0.0], np.cumsum(gain)])
    low = np.minimum.accumulate(prefix[:-1])
    run = prefix[1:] - low
    end = int(run.argmax())
    if run[end] <= 0:
        return (0, -1)
    at_low = np.flatnonzero(prefix[: end + 1] == low[end])
    return (int(at_low[-1]), end)


def _window_means_for(values: np.ndarray, ks: tuple[int, ...]) -> dict[int, np.ndarray]:
    """For each k of `ks` (by k), the mean of the k lines before and the k after each line (the line
    itself left out), per column (`values`: one value per line, or a row of them).

    A document's window features take five such means of three columns: one kernel call makes them all
    from one running sum, with numpy's arithmetic (`reference.window_means` is the numpy).

    >>> v = np.array([[1.0, 0.5], [0.0, 2.0], [0.0, 0.25], [1.0, 3.0]])
    >>> _window_means_for(v, (1,))[1].tolist()
    [[0.0, 2.0], [0.5, 0.375], [0.5, 2.5], [0.0, 0.25]]
    >>> all((_window_means_for(v, (1, 2))[k] == _window_means_for(v, (k,))[k]).all() for k in (1, 2))
    True
    """
    if not values.size:
        return {k: np.zeros(values.shape) for k in ks}
    rows = np.ascontiguousarray(values, dtype=np.float64).reshape(len(values), -1)
    cols = rows.shape[1]
    means = np.frombuffer(_core.window_means(rows, cols, list(ks)), dtype=np.float64)
    return {k: block.reshape(values.shape) for k, block in zip(ks, means.reshape(len(ks), -1), strict=True)}


def _window_mean(values: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k lines before and the k after each line (the line itself left out).

    >>> _window_mean(np.array([1.0, 0.0, 0.0, 1.0]), 1).tolist()
    [0.0, 0.5, 0.5, 0.0]
    """
    return _window_means_for(values, (k,))[k]


def feature_matrix(doc: Document, lines: LineTable, recurring: np.ndarray | None = None) -> np.ndarray:
    """One row of `FEATURES` per line of `lines` (`recurring`: share of a run's files with the line)."""
    n = len(lines)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    col = _INDEX
    texts, starts, bits, joined = lines.texts, lines.starts, lines.bits, lines.joined
    chars = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    ends = starts + chars
    last = bits[ends - 1]
    points = lines.points
    last_point = points[ends - 1]  # each line's last character (a line of none: the newline before it)
    # Words: the pattern's runs of letters, found once in the joined text (no word crosses a newline).
    letter = (bits & _LETTER) != 0
    word_starts = letter.copy()
    word_starts[1:] &= ~letter[:-1]
    per_line = _per_line(word_starts, starts)
    # Every other character blanked, the text splits into exactly those runs, with no Python loop over
    # the words (no letter is whitespace).
    spaced = np.where(letter, points, 32).astype(np.uint32).tobytes()
    spaced = spaced.decode("utf-32-le", "surrogatepass")
    word_line = np.repeat(np.arange(n), per_line)
    nw = per_line.copy()
    # Where line_table estimated the words of a script written without spaces, that estimate counts.
    estimated = (lines.words > nw + 2) & (_per_line(bits & _NO_SPACE_BIT, starts) > 0)
    nw[estimated] = lines.words[estimated]
    # Lower-casing the words' text is lower-casing each word: a blank is neither cased nor
    # case-ignorable, so no word's context (Greek final sigma) reaches across it; and no letter
    # lower-cases to a blank, so the words stay the runs between blanks.
    # One look-up per word (in the core) says which languages' stopword lists (and the site words) hold it.
    held = np.frombuffer(_WORD_TABLE.of_words(spaced.lower()), dtype=np.int64)
    if len(held) != len(word_line):
        raise ValueError("the words of a line changed when lower-cased")
    langs = _line_langs(lines, doc.lang)
    lang_bits = {lang: language_bits(lang) for lang in set(langs)}
    wanted = np.array([lang_bits[lang] for lang in langs], dtype=np.int64)
    stop = np.bincount(word_line, weights=(held & wanted[word_line]) != 0, minlength=n)
    site = np.bincount(word_line, weights=(held & SITE_BIT) != 0, minlength=n)
    # str.istitle and str.isupper of every word, in one kernel pass (reference.word_cases).
    titled, uppered = _core.word_cases(spaced)
    title = np.bincount(word_line, weights=np.frombuffer(titled, np.uint8), minlength=n)
    upper = np.bincount(word_line, weights=np.frombuffer(uppered, np.uint8), minlength=n)
    has_words = nw > 0
    safe_nw = np.maximum(nw, 1)
    sw = np.where(has_words, stop / safe_nw, 0.0)
    if any(lang in NO_SPACE_LANGS for lang in lang_bits):
        words = spaced.split()
        firsts = np.concatenate([[0], np.cumsum(per_line)]).tolist()
        for i, lang in enumerate(langs):
            if lang in NO_SPACE_LANGS and nw[i]:
                sw[i] = stopword_share_of_words(words[firsts[i] : firsts[i + 1]], lang)
    terminal = (last & _TERMINAL_BIT) != 0
    x[:, col["log_chars"]] = np.log1p(chars) / 5
    x[:, col["log_words"]] = np.log1p(nw) / 3
    x[:, col["stopwords"]] = sw
    x[:, col["ends_terminal"]] = terminal
    x[:, col["ends_colon"]] = last_point == ord(":")
    x[:, col["title_case"]] = np.where(has_words, title / safe_nw, 0.0)
    x[:, col["digits"]] = _per_line(bits & _DIGIT_BIT, starts) / chars
    x[:, col["symbols"]] = _per_line(bits & _SYMBOL_BIT, starts) / chars
    x[:, col["date"]] = lines.dates
    # A line repeats when another has its key (an empty key, a line of no letters or digits, never does).
    ids = lines.key_ids
    x[:, col["repeat_later"]] = lines.keyed & (ids != np.arange(n))
    x[:, col["repeat_any"]] = lines.keyed & (np.bincount(ids, minlength=n)[ids] > 1)
    inverse, block_count = _block_groups(lines.blocks)
    x[:, col["block_lines"]] = np.log1p(block_count[inverse]) / 3
    # A bullet: a bullet character, then whitespace (a line's second character is still inside it).
    two = chars >= 2
    bullet = np.zeros(n, dtype=bool)
    bullet[two] = ((bits[starts[two]] & _BULLET_BIT) != 0) & ((bits[starts[two] + 1] & _WHITESPACE) != 0)
    x[:, col["bullet"]] = bullet
    x[:, col["ellipsis"]] = _lines_ending_with(texts, last_point, chars, _ELLIPSES)
    x[:, col["sentences"]] = np.log1p(lines.segments.sizes) / 2
    x[:, col["separators"]] = _lines_matching(_SEPARATOR, joined, starts)
    prose = (nw >= 6) & (sw >= 0.1) & (terminal | (nw >= 20))
    short = nw <= 3
    x[:, col["prose"]] = prose
    x[:, col["short"]] = short
    x[:, col["prose_score"]] = sw * np.minimum(nw, 30) / 30
    x[:, col["site_words"]] = np.where(has_words, site / safe_nw, 0.0)
    x[:, col["upper"]] = np.where(has_words, upper / safe_nw, 0.0)
    x[:, col["question"]] = last_point == ord("?")
    link = np.zeros(n, dtype=bool)
    for mark in ("://", "www.", "@"):
        link[_lines_holding(mark, joined, starts)] = True
    x[:, col["link"]] = link
    x[:, col["truncated"]] = (nw >= 12) & ((last & _TRUNC) != 0)
    any_kind = np.zeros(n)
    for i, kind in enumerate(lines.kinds):
        if kind is not None:
            x[i, _KIND_COLUMN[kind]] = 1.0
            any_kind[i] = 1.0
    if recurring is not None:
        x[:, col["recurring"]] = recurring
    x[:, 0] = 1.0
    x[:, col["position"]] = np.arange(n) / max(1, n - 1)
    prose = x[:, col["prose"]]
    fchars = chars.astype(float)
    lo, hi = _article_core(prose, fchars)
    idx = np.arange(n)
    x[:, col["in_core"]] = (idx >= lo) & (idx <= hi)
    x[:, col["before_core"]] = idx < lo
    x[:, col["after_core"]] = idx > hi
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0))
    x[:, col["core_distance"]] = np.log1p(dist) / 3
    x[1:, col["prev_prose"]] = prose[:-1]
    x[:-1, col["next_prose"]] = prose[1:]
    x[:, col["short_in_core"]] = x[:, col["short"]] * x[:, col["in_core"]]
    x[:, col["any_kind"]] = any_kind
    x[0, col["first_line"]] = 1.0
    x[:, col["char_position"]] = (np.cumsum(fchars) - fchars) / max(1.0, fchars.sum())
    tlo, thi = _article_core(prose, fchars, penalty=150.0)
    x[:, col["in_tight_core"]] = (idx >= tlo) & (idx <= thi)
    x[:, col["core_position"]] = np.clip((idx - lo) / max(1, hi - lo), -1, 2) / 2
    # Window means, several columns at a time (each column's sums are the same as on its own).
    means = _window_means_for(x[:, [col["prose"], col["short"], col["log_chars"]]], (1, 2, 3, 5, 8))
    for name, k, j in (("prose_near_1", 1, 0), ("neighbour_short_run", 3, 1), ("prose_near_5", 5, 0),
                       ("short_near_8", 8, 1), ("context_prose", 2, 0), ("context_length", 2, 2)):
        x[:, col[name]] = means[k][:, j]
    x[:, col["prose_above"]] = _distance_to(prose, forward=False)
    x[:, col["prose_below"]] = _distance_to(prose, forward=True)
    for name, src, shift in (("prev_stopwords", "stopwords", 1), ("next_stopwords", "stopwords", -1),
                             ("prev_words", "log_words", 1), ("next_words", "log_words", -1),
                             ("prev_terminal", "ends_terminal", 1), ("next_terminal", "ends_terminal", -1)):
        _shifted(x[:, col[name]], x[:, col[src]], shift)
    _shifted(x[:, col["prev_kind"]], any_kind, 1)
    _shifted(x[:, col["next_kind"]], any_kind, -1)
    _embedding(x, prose, fchars, any_kind)
    # A list number opens with a digit, a letter item has its bracket second: only such lines are asked.
    second = np.zeros(n, dtype=bool)
    second[two] = points[starts[two] + 1] == ord(")")
    numbered = np.flatnonzero(((bits[starts] & _DIGIT_BIT) != 0) | second).tolist()
    x[:, col["numbered"]] = _lines_opening(_NUMBERED, texts, numbered)
    x[:, col["key_value"]] = _lines_opening(_KEY_VALUE, texts, _lines_holding(": ", joined, starts))
    # Every bio pattern opens at a line's start: one match per line costs less than a search of the
    # joined text, which tries the pattern at every character. Each holds a space (or a no-break one)
    # after the name or the greeting, so lines of one word are not asked.
    x[:, col["bio"]] = np.fromiter(((" " in t or "\u00a0" in t) and BIO_LINE.match(t) is not None
                                    for t in texts), dtype=bool, count=n)
    # An amount opens with a digit, a fraction, a bullet or a blank (blank lines above it included).
    opener = np.ones(n, dtype=bool)
    filled = chars > 0
    opener[filled] = (bits[starts[filled]] & _QUANTITY_BIT) != 0
    x[:, col["quantity"]] = _lines_matching_from(_QUANTITY, joined, starts, np.flatnonzero(opener).tolist())
    x[:, col["comment_meta"]] = lines.meta
    # Spec sheets and ingredient lists come as runs of items ("Farbe: grün", "2 cups flour"); a menu's
    # labels have neither a label's colon nor an amount.
    items = x[:, [col["quantity"], col["key_value"], col["numbered"], col["bullet"]]].max(axis=1)
    x[:, col["list_run"]] = _window_mean(items, _LIST_RUN) * items
    x[:, col["block_prose"]] = np.bincount(inverse, weights=prose)[inverse] / block_count[inverse]
    from .title import find_title  # title finding reads the columns above

    title_line, repeats = find_title(lines, x)
    if title_line is not None:
        x[title_line, col["is_title"]] = 1.0
        x[:title_line, col["before_title"]] = 1.0
        for i in repeats:
            x[i, col["title_repeat"]] = 1.0
    return x


def _embedding(x: np.ndarray, prose: np.ndarray, chars: np.ndarray, any_kind: np.ndarray) -> None:
    """How deep inside the article's prose each line stands, and whether a colon line introduces it.

    A list or a subheading inside an article has the article's prose above and below it; a menu, a
    teaser list or a footer has it on one side only. A run of lines after "...the following:" with no
    prose between is the list that line announces.
    """
    col = _INDEX
    n = len(prose)
    prose_chars = np.where(prose > 0, chars, 0.0)
    above = np.cumsum(prose_chars) - prose_chars
    below = prose_chars.sum() - above - prose_chars
    inside = np.minimum(above, below)
    x[:, col["embedded"]] = 2 * inside / max(1.0, prose_chars.sum())
    x[:, col["embedded_chars"]] = np.log1p(inside) / 8
    idx = np.arange(n)
    colon = (x[:, col["ends_colon"]] > 0) & (any_kind == 0)
    last_colon = np.full(n, -1)
    last_colon[1:] = np.maximum.accumulate(np.where(colon, idx, -1))[:-1]
    last_prose = np.full(n, -1)
    last_prose[1:] = np.maximum.accumulate(np.where(prose > 0, idx, -1))[:-1]
    announced = (last_colon >= 0) & (last_colon >= last_prose)
    x[:, col["colon_above"]] = announced & (idx - last_colon <= _LIST_SPAN)


def _lines_matching(pattern: re.Pattern, joined: str, starts: np.ndarray) -> np.ndarray:
    """Which lines `pattern` finds something in (a pattern that cannot match a newline)."""
    out = np.zeros(len(starts), dtype=bool)
    found = [m.start() for m in pattern.finditer(joined)]
    if found:
        out[_line_of(found, starts)] = True
    return out


def _lines_ending_with(texts: list[str], last: np.ndarray, chars: np.ndarray, suffixes: tuple[str, ...]
                       ) -> np.ndarray:
    """Which of the lines `texts` end with one of `suffixes` (`last`: each line's last code point, `chars`:
    its length). Only the lines whose last character closes a suffix are compared.

    >>> t = ["Read more...", "Done.", "", "[…]"]
    >>> last = np.array([ord("."), ord("."), ord("\\n"), ord("]")])
    >>> _lines_ending_with(t, last, np.array([12, 5, 0, 3]), _ELLIPSES).tolist()
    [True, False, False, True]
    """
    closes = np.zeros(len(texts), dtype=bool)
    for c in {s[-1] for s in suffixes}:
        closes |= last == ord(c)
    out = np.zeros(len(texts), dtype=bool)
    asked = np.flatnonzero(closes & (chars > 0)).tolist()
    out[asked] = [texts[i].endswith(suffixes) for i in asked]
    return out


def _lines_matching_from(pattern: re.Pattern, joined: str, starts: np.ndarray, candidates: list[int]
                         ) -> np.ndarray:
    """`_lines_matching` for a pattern anchored at line starts (`^`, `re.M`) that may run on across a
    newline, tried only at the starts of `candidates` (the lines whose start can open a match), as
    `phrases.lines_matching_at` tries them.
    """
    out = np.zeros(len(starts), dtype=bool)
    out[lines_matching_at(pattern, joined, starts.tolist(), candidates)] = True
    return out


def _lines_opening(pattern: re.Pattern, texts: list[str], candidates: list[int]) -> np.ndarray:
    """Which lines `pattern` matches at their start, asked only of `candidates` (the lines that can match).

    For a pattern anchored at line starts that cannot cross a newline, this is `_lines_matching`: a
    search of the joined text tries the pattern at every character, this tries it once per candidate.
    """
    out = np.zeros(len(texts), dtype=bool)
    match = pattern.match
    for i in candidates:
        out[i] = match(texts[i]) is not None
    return out


def _lines_holding(needle: str, joined: str, starts: np.ndarray) -> list[int]:
    """The lines that hold `needle` (which holds no newline), found with one scan of the joined text."""
    found = []
    pos = joined.find(needle)
    while pos >= 0:
        found.append(pos)
        nxt = joined.find("\n", pos)  # one hit is enough: go on from the next line
        if nxt < 0:
            break
        pos = joined.find(needle, nxt + 1)
    return _line_of(found, starts).tolist() if found else []  # one look-up for all hits


def _block_groups(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each line's block as a group number, and the lines of each group (`np.unique`'s inverse and counts).

    The split numbers blocks in document order, so a block's lines stand together and the groups are
    its runs: found without the sort `np.unique` does (blocks in another order are sorted after all).

    >>> [a.tolist() for a in _block_groups(np.array([0, 0, 2, 5, 5, 5]))]
    [[0, 0, 1, 2, 2, 2], [2, 1, 3]]
    """
    n = len(blocks)
    if n == 0 or (blocks[1:] < blocks[:-1]).any():
        _, inverse, counts = np.unique(blocks, return_inverse=True, return_counts=True)
        return inverse, counts
    opens = np.flatnonzero(blocks[1:] != blocks[:-1]) + 1
    inverse = np.zeros(n, dtype=np.intp)
    inverse[opens] = 1
    np.cumsum(inverse, out=inverse)
    return inverse, np.diff(np.concatenate([[0], opens, [n]]))


def _shifted(out: np.ndarray, values: np.ndarray, shift: int) -> None:
    """out[i] = values[i - shift] (the previous line's value for shift 1, the next line's for -1)."""
    if shift > 0:
        out[shift:] = values[:-shift]
    else:
        out[:shift] = values[-shift:]


def _distance_to(flag: np.ndarray, forward: bool) -> np.ndarray:
    """For each line, log distance (in lines) to the nearest flagged line above (or below); 1 if none."""
    n = len(flag)
    idx = np.arange(n)
    if forward:
        pos = np.where(flag > 0, idx, n + 50)
        nearest = np.minimum.accumulate(pos[::-1])[::-1]
        shifted = np.concatenate([nearest[1:], [n + 50]])
        dist = shifted - idx
    else:
        pos = np.where(flag > 0, idx, -50)
        nearest = np.maximum.accumulate(pos)
        shifted = np.concatenate([[-50], nearest[:-1]])
        dist = idx - shifted
    return np.minimum(np.log1p(dist) / 4, 1.0)
