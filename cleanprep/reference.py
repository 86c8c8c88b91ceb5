"""Readable Python twins of the compiled kernels in `cleanprep._core` (sources in `src/core/`).

Each function here computes what its kernel computes, the slow and obvious way; `tests/test_core.py`
checks the two agree on random text of every script. The pipeline calls the kernels; these are the
specification and the way to read what a kernel does.

>>> lines("Menu\\n\\n  It rained. Then it stopped.\\nFoto")
[(0, 4, False, False), (8, 35, True, True), (36, 40, False, False)]
>>> script_profile("Hi, Київ 東京")
(12, 'Z', True, 2)
"""

from __future__ import annotations

import re

# Where a sentence may end (split.py's `_MAY_END` without the character after it).
TERMINALS = ".!?\u2026\u203c\u2047\u2048\u2049\u3002\uff01\uff1f\uff0e\u0964\u0965\u06d4\u061f"
# The regex module's \s is str.strip()'s whitespace less these four separators.
_SEPARATORS = re.compile(r"[\x1c-\x1f]")
_HEAVY = {"Z": 3, "K": 3, "J": 2}


def _strip_span(line: str, is_space) -> tuple[int, int]:  # noqa: ANN001
    start, end = 0, len(line)
    while start < end and is_space(line[start]):
        start += 1
    while end > start and is_space(line[end - 1]):
        end -= 1
    return start, end


def lines(text: str) -> list[tuple[int, int, bool, bool]]:
    """`_core.split_lines`: (start, end, new block, may end) of each non-blank line of `text`.

    A line's content has no surrounding whitespace; a new block follows a blank line; `may end`
    says a terminal character stands before the line's last character (only such lines are cut
    into sentences). Text holding the separators \\x1c-\\x1f is stripped the way the regex module's
    \\s strips (they are content), and `may end` then looks up to where str.rstrip would stop.
    """
    strict = _SEPARATORS.search(text) is not None

    def is_space(c: str) -> bool:
        return c.isspace() and not (strict and "\x1c" <= c <= "\x1f")

    out: list[tuple[int, int, bool, bool]] = []
    pos = 0
    blank = False
    for raw in text.split("\n"):
        a, b = _strip_span(raw, is_space)
        if a < b:
            stop = a + len(raw[a:b].rstrip())
            may_end = any(c in TERMINALS for c in raw[a : stop - 1])
            out.append((pos + a, pos + b, blank and bool(out), may_end))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


def script_codes(text: str, table: bytes) -> str:
    """`_core.script_codes`: the code `table` gives each character (a space above the BMP)."""
    return "".join(chr(table[ord(c)]) if ord(c) < 0x10000 else " " for c in text)


def script_profile(text: str, table: bytes | None = None) -> tuple[int, str, bool, int]:
    """`_core.script_profiles` of one text: (letters, dominant script, mixed, spaces).

    Letters are weighed as `scripts.script_weights` weighs them; the dominant script is
    `scripts.dominant_of`'s (Kana takes Han's weight; ties go to the lowest code).
    """
    if table is None:
        from .language.scripts import SCRIPT_TABLE as table
    codes = script_codes(text, table)
    counts: dict[str, int] = {}
    for code in codes:
        if code != " ":
            counts[code] = counts.get(code, 0) + 1
    weights = {code: n * _HEAVY.get(code, 1) for code, n in sorted(counts.items())}
    letters = sum(weights.values())
    if "J" in weights and "Z" in weights:
        weights["J"] += weights.pop("Z")
    dominant = max(weights.items(), key=lambda kv: kv[1])[0] if weights else " "
    return letters, dominant, len(counts) > 1, text.count(" ")


_MASK = (1 << 64) - 1


def key_hash(key: str) -> int:
    """`_core.key_hashes` of one key: FNV-1a over its code points, seeded with its length, then an
    avalanche (so each 21-bit slice the recurrence sketch takes is well mixed). The same everywhere.

    >>> key_hash("home") == key_hash("home") != key_hash("news")
    True
    """
    h = 0x9E3779B97F4A7C15 ^ len(key)
    for c in key:
        h = ((h ^ ord(c)) * 0x100000001B3) & _MASK
    for mult in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):
        h = ((h ^ (h >> 33)) * mult) & _MASK
    return h ^ (h >> 33)


def short_line_hashes(text: str, max_chars: int) -> list[int]:
    """`_core.short_line_hashes`: the distinct `key_hash`es, in order of first appearance, of the keys
    of `text`'s lines of at most `max_chars` characters. A key is the line's letters and digits,
    lower-cased (`chrome.features.norm_key` of a short line); empty keys are left out.

    >>> short_line_hashes("Home\\n home!\\nA much longer line", 10) == [key_hash("home")]
    True
    """
    out: list[int] = []
    for line in text.split("\n"):
        if len(line) > max_chars:
            continue
        key = "".join(c for c in line if c.isalnum()).lower()
        if key and key_hash(key) not in out:
            out.append(key_hash(key))
    return out


def word_cases(spaced: str) -> tuple[bytes, bytes]:
    """`_core.word_cases`: for each word of `spaced` (split at spaces), whether `str.istitle` and
    whether `str.isupper`, one byte (0 or 1) per word each.

    >>> word_cases(" Hello WORLD  again ")
    (b'\\x01\\x00\\x00', b'\\x00\\x01\\x00')
    """
    words = [w for w in spaced.split(" ") if w]
    return bytes(w.istitle() for w in words), bytes(w.isupper() for w in words)


def bits_of_words(table: dict[str, int], spaced: str) -> list[int]:
    """`_core.WordBits(table).of_words(spaced)` (as a list): each word's bits in `table`, 0 if absent;
    words are the runs of characters other than " ".

    >>> bits_of_words({"und": 6, "the": 8}, "The  und x")
    [0, 6, 0]
    """
    return [table.get(word, 0) for word in spaced.split(" ") if word]


def lines_marks(lines: list[str], needles: list[str], marks: list[int], anchored: list[str],
                anchored_marks: list[int]) -> list[int]:
    """`_core.lines_marks`: for each line, the union of the marks of the `needles` it holds anywhere and
    of the `anchored` ones it begins with (0: none).

    >>> lines_marks(["we use cookies", "read this", "nothing"], ["cookie", "this"], [1, 4], ["read"], [2])
    [1, 6, 0]
    """
    out = []
    for line in lines:
        mark = 0
        for needle, m in zip(needles, marks, strict=True):
            if needle in line:
                mark |= m
        for needle, m in zip(anchored, anchored_marks, strict=True):
            if line.startswith(needle):
                mark |= m
        out.append(mark)
    return out


def segments(text: str) -> list[tuple[int, int, int, int]]:
    """`split.split_document`'s segments of `text` as (start, end, block, line), cut by split.py's
    patterns themselves (`_core.split_segments` finds the same without them; where it cannot say, a
    line comes back whole and `split` cuts it so).

    >>> segments("Menu\\n\\nIt rained. Dr. Who came.\\nFoto")
    [(0, 4, 0, 0), (6, 16, 1, 1), (17, 30, 1, 1), (31, 35, 1, 2)]
    """
    from .split import _segments_of  # the patterns live with the split

    return [(s.start, s.end, s.block, s.line) for s in _segments_of(text, True, lines(text))]


def letter_words(text: str) -> int:
    """`_core.letter_words` of one text: how many runs of non-spaces (the regex module's \\S) hold a
    letter (\\p{L}), as `decide._WORD` counts words; -1 where a run holds no letter of the Basic
    Multilingual Plane but a character above it (the kernel's table cannot say; the caller asks
    `_WORD`).

    >>> letter_words("1 min read"), letter_words("Tags :"), letter_words("12 😀")
    (2, 1, -1)
    """
    import regex

    count = 0
    for run in regex.findall(r"\S+", text):
        if regex.search(r"[\p{L}--[\U00010000-\U0010FFFF]]", run, flags=regex.V1):
            count += 1
        elif any(ord(c) > 0xFFFF for c in run):
            return -1
    return count


def gate_lines(text: str) -> list[int]:
    """`_core.gate_lines`: the numbers of the lines of `text` (split at newlines) where fix.py's
    `_FTFY_GATE` finds something ftfy could change.

    >>> gate_lines("fine\\ncafÃ© &amp; bar\\nfine\\nx\\x00")
    [1, 3]
    """
    from .fix import _FTFY_GATE

    return [i for i, line in enumerate(text.split("\n")) if _FTFY_GATE.search(line)]


def window_means(values, ks: tuple[int, ...]) -> dict:  # noqa: ANN001 - numpy arrays in and out
    """`_core.window_means` (as `features._window_means_for` returns it): for each k of `ks`, the mean of
    the k rows before and the k after each row of `values` (the row itself left out), per column, read
    from one running sum over the rows padded with k zeros each side.

    >>> import numpy as np
    >>> window_means(np.array([[1.0, 0.5], [0.0, 2.0], [0.0, 0.25], [1.0, 3.0]]), (1,))[1].tolist()
    [[0.0, 2.0], [0.5, 0.375], [0.5, 2.5], [0.0, 0.25]]
    """
    import numpy as np

    n = len(values)
    big = max(ks)
    pad = np.zeros((big,) + values.shape[1:])
    padded = np.concatenate([pad, values, pad])
    csum = np.concatenate([np.zeros((1,) + values.shape[1:]), np.cumsum(padded, axis=0)])
    idx = np.arange(n)
    out = {}
    for k in ks:
        total = csum[big + k + 1 : big + k + 1 + n] - csum[big - k : big - k + n] - values
        count = np.minimum(idx, k) + np.minimum(n - 1 - idx, k)
        out[k] = total / np.maximum(count, 1).reshape((n,) + (1,) * (values.ndim - 1))
    return out
