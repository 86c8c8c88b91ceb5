"""The judge's shortcuts over a document's lines give what the plain searches give.

`features._lines_matching` searches the joined lines; `_lines_opening` and `_lines_matching_from` try
anchored patterns only at the starts of the lines that can open a match, `_lines_ending_with` compares
only the lines whose last character closes a suffix, and `_block_groups` finds as runs the block numbers
`np.unique` would sort. Random lines over a small alphabet (blank lines, bullets, digits, brackets,
colons) find the corner cases: a match that runs on across a newline, an empty line, a line of one
character.
"""

from __future__ import annotations

import random

import numpy as np

from cleanprep.chrome import features as F
from cleanprep.chrome.phrases import classify_lines, hinted_lines, reads_hint

_ALPHABET = ["-", " ", "•", "2", "12", "a", "g", "½", "x", "–", ".", "3", "EL", "kg", "\u00a0", "\t", "*",
             "B", "ß", ",", "/", ")", "b)", ": ", "Key: v", "1.", "…", "[", "]", "?", ":"]


def _random_lines(rng: random.Random, allow_empty: bool) -> list[str]:
    low = 0 if allow_empty else 1
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(low, 5))) or ("" if allow_empty else "x")
            for _ in range(rng.randint(1, 8))]


def _layout(lines: list[str]) -> tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    joined = "\n".join(lines)
    chars = np.array([len(t) for t in lines], dtype=np.int64)
    starts = np.zeros(len(lines), dtype=np.int64)
    np.cumsum(chars[:-1] + 1, out=starts[1:])
    points, bits = F._char_bits(joined)
    return joined, chars, starts, points, bits


def test_quantity_from_line_starts_matches_the_joined_search():
    rng = random.Random(1)
    for _ in range(3000):
        lines = _random_lines(rng, allow_empty=True)
        joined, chars, starts, _, bits = _layout(lines)
        opener = np.ones(len(lines), dtype=bool)
        filled = chars > 0
        opener[filled] = (bits[starts[filled]] & F._QUANTITY_BIT) != 0
        got = F._lines_matching_from(F._QUANTITY, joined, starts, np.flatnonzero(opener).tolist())
        assert got.tolist() == F._lines_matching(F._QUANTITY, joined, starts).tolist(), lines


def test_a_quantity_running_on_into_the_next_line_hides_its_start():
    lines = ["-", "2 cups flour", "5", "apples"]
    joined, _, starts, _, _ = _layout(lines)
    expected = F._lines_matching(F._QUANTITY, joined, starts).tolist()
    assert F._lines_matching_from(F._QUANTITY, joined, starts, [0, 1, 2, 3]).tolist() == expected
    assert expected == [True, False, True, False]


def test_numbered_and_key_value_on_candidate_lines_match_the_joined_search():
    rng = random.Random(2)
    for _ in range(3000):
        lines = _random_lines(rng, allow_empty=False)
        joined, chars, starts, points, bits = _layout(lines)
        two = chars >= 2
        second = np.zeros(len(lines), dtype=bool)
        second[two] = points[starts[two] + 1] == ord(")")
        numbered = np.flatnonzero(((bits[starts] & F._DIGIT_BIT) != 0) | second).tolist()
        assert (F._lines_opening(F._NUMBERED, lines, numbered).tolist()
                == F._lines_matching(F._NUMBERED, joined, starts).tolist()), lines
        assert (F._lines_opening(F._KEY_VALUE, lines, F._lines_holding(": ", joined, starts)).tolist()
                == F._lines_matching(F._KEY_VALUE, joined, starts).tolist()), lines


def test_lines_ending_with_matches_str_endswith():
    rng = random.Random(3)
    for _ in range(3000):
        lines = _random_lines(rng, allow_empty=True)
        _, chars, starts, points, _ = _layout(lines)
        for suffixes in (F._ELLIPSES, (":",), ("?", "…")):
            last = points[starts + chars - 1] if len(points) else np.zeros(len(lines), dtype=np.uint32)
            got = F._lines_ending_with(lines, last, chars, suffixes).tolist()
            assert got == [t.endswith(suffixes) for t in lines], (lines, suffixes)


def test_block_groups_are_np_uniques_inverse_and_counts():
    # Runs of the split's block numbers, and blocks in any other order (sorted by the fallback).
    rng = np.random.default_rng(5)
    for _ in range(3000):
        blocks = rng.integers(0, 6, rng.integers(0, 12))
        if rng.random() < 0.7:
            blocks = np.sort(blocks)
        _, inverse, counts = np.unique(blocks, return_inverse=True, return_counts=True)
        got_inverse, got_counts = F._block_groups(blocks)
        assert got_inverse.tolist() == inverse.tolist() and got_counts.tolist() == counts.tolist(), blocks


def test_skipping_the_credit_test_changes_no_kind():
    lows = ["a fire broke out. foto: dpa", "jane doe (l.) and john doe", "the end (reuters)", "home",
            "share this:", "all rights reserved ©"]
    marked = [":" in t or "©" in t or "(" in t or t.endswith(")") for t in lows]
    words = [t.count(" ") + 1 for t in lows]
    hinted = [False] * len(lows)
    assert classify_lines(lows, words, hinted, marked) == classify_lines(lows, words, hinted)


def test_comment_headers_from_line_starts_match_the_joined_search():
    from cleanprep.chrome.phrases import comment_header_lines

    rng = random.Random(4)
    pieces = ["", " ", "-", "•", "12", "one", "Two", "DEUX", "İ", " responses", " comments", " to", " zu",
              "x"]
    found = 0
    for _ in range(3000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 6))]
        joined, chars, starts, _, bits = _layout(lines)
        lows = joined.lower().split("\n")
        low_starts = np.zeros(len(lows), dtype=np.int64)
        np.cumsum(np.array([len(t) for t in lows[:-1]], dtype=np.int64) + 1, out=low_starts[1:])
        opener = np.ones(len(lines), dtype=bool)
        filled = chars > 0
        opener[filled] = (bits[starts[filled]] & F._HEADER_BIT) != 0
        low_joined = "\n".join(lows)
        expected = comment_header_lines(low_joined)
        candidates = np.flatnonzero(opener).tolist()
        assert comment_header_lines(low_joined, low_starts.tolist(), candidates) == expected
        found += len(expected)
    assert found > 0


_NOTICE_LINES = ["we use cookies on this site", "spenden sie jetzt per paypal", "support us", "donate",
                 "iban de12 3456 7890 1234 5678 90",
                 "this site uses cookies to improve your experience. " * 12,
                 "become a member of our club and support our work today, please donate now"]


def test_a_hint_not_read_changes_no_kind():
    # `features._hinted` leaves the hint False on lines `reads_hint` says classify_lines never reads.
    for low in _NOTICE_LINES:
        for words in (1, 2, 3, 7, 12, 13, 40):
            hinted = [classify_lines([low], [words], [h], [m]) for h in (False, True) for m in (False, True)]
            if not reads_hint(words, len(low)):
                assert hinted[:2] == hinted[2:], (low, words)


def test_hinted_asked_lines_match_the_whole_document_on_read_lines():
    rng = random.Random(3)
    for _ in range(300):
        lows = [rng.choice(_NOTICE_LINES + ["home", "the end.", "card 1234 5678", ""]) for _ in range(8)]
        words = np.array([rng.choice((1, 2, 3, 12, 13, 40)) for _ in lows])
        lengths = np.array([len(low) for low in lows])
        digits = np.array([sum(c.isdigit() for c in low) for low in lows])
        whole = hinted_lines(lows, np.flatnonzero(digits >= 8).tolist())
        asked = F._hinted(lows, lengths, words, digits)
        for i, low in enumerate(lows):
            assert asked[i] == (whole[i] and reads_hint(int(words[i]), len(low)))


def test_hinted_lines_find_a_hint_anywhere_and_card_numbers_where_asked():
    from cleanprep.chrome.phrases import _APPEAL_HINTS, _CARD, _has_hint

    lows = [*_NOTICE_LINES, "home", "card 1234 5678", "", "spende jetzt", "wir nutzen cookies", "dona ahora"]
    many_digits = [i for i, low in enumerate(lows) if sum(c.isdigit() for c in low) >= 8]

    def holds_hint(low: str) -> bool:  # the rule, written out
        return any(hint in low for hint in ("cookie", *_APPEAL_HINTS))

    assert hinted_lines(lows, many_digits) == [
        holds_hint(low) or (i in many_digits and _CARD.search(low) is not None) for i, low in enumerate(lows)]
    assert [_has_hint(low) for low in lows] == [holds_hint(low) or _CARD.search(low) is not None
                                                for low in lows]
    assert hinted_lines(["card 1234 5678"], []) == [False]
