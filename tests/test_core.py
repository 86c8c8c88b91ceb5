"""The compiled kernels (`cleanprep._core`) give what their Python references (`cleanprep.reference`)
give, on random text of every script: lone surrogates, separators, blank lines and huge lines included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanprep import _core, reference, regex_classes
from cleanprep.document import Document
from cleanprep.language.decide import _WORD
from cleanprep.language.scripts import SCRIPT_TABLE
from cleanprep.split import _ABBREVIATION_LIST, _SENTENCE_TABLE, split_document

# Pieces that matter to the kernels: every kind of whitespace (the four separators \x1c-\x1f that
# str.strip and the regex module disagree on among them), terminal punctuation of several scripts,
# letters of scripts weighed differently (Han, Kana, Hangul), astral characters, lone surrogates.
PIECES = st.sampled_from([
    "The river rose. ", "Річка піднялася вночі! ", "政府は発表した。", "東京", "한국어", "ひらがな", "Ελλάδα",
    "\n", "\n\n", " ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028",
    "\u3000", "\xa0", "…", "?!", ".", "\u0964", "\u061f", "😀", "\ud800", "\udfff", "a", "Z", "1", "",
])
TEXTS = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=200),
    st.lists(PIECES, max_size=40).map("".join),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_split_lines_matches_the_reference(text: str) -> None:
    assert _core.split_lines(text) == reference.lines(text)


@SETTINGS
@given(TEXTS)
def test_script_codes_match_the_reference(text: str) -> None:
    assert _core.script_codes(text, SCRIPT_TABLE) == reference.script_codes(text, SCRIPT_TABLE)


@SETTINGS
@given(st.lists(TEXTS, max_size=5))
def test_script_profiles_match_the_reference(texts: list[str]) -> None:
    assert _core.script_profiles(texts, SCRIPT_TABLE) == [reference.script_profile(t) for t in texts]


def test_a_huge_line_and_many_empty_lines() -> None:
    text = ("word " * 200_000) + "end." + "\n" * 10_000 + "Last line. Really."
    assert _core.split_lines(text) == reference.lines(text)
    assert _core.script_profiles([text], SCRIPT_TABLE) == [reference.script_profile(text)]


def test_split_lines_names_blocks_and_sentence_candidates() -> None:
    # Given a menu, a blank line and a paragraph of two sentences: the paragraph opens a new block
    # and may be cut into sentences; a line whose only full stop is its last character may not.
    assert _core.split_lines("Menu\n\n  It rained. Then it stopped.\nFoto.") == [
        (0, 4, False, False), (8, 35, True, True), (36, 41, False, False)]


def test_separators_are_content_as_the_regex_module_sees_them() -> None:
    # "\x1c" is whitespace to str.strip but not to the regex module's \s: the line keeps it.
    assert _core.split_lines(" a\x1c \nb") == [(1, 3, False, False), (5, 6, False, False)]


def test_script_profile_weighs_cjk_and_gives_kana_the_han_weight() -> None:
    # 2 Kana (2 each) + 2 Han (3 each): Japanese, 10 in all, two scripts.
    assert _core.script_profiles(["ひら東京"], SCRIPT_TABLE)[0][:3] == (10, "J", True)
    assert _core.script_profiles(["Hi there"], SCRIPT_TABLE)[0] == (7, "L", False, 1)
    assert _core.script_profiles(["12:30"], SCRIPT_TABLE)[0] == (0, " ", False, 0)


def test_bad_arguments_are_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match="65536"):
        _core.script_codes("abc", b"L")
    with pytest.raises(TypeError):
        _core.script_profiles(["a", 3], SCRIPT_TABLE)


@SETTINGS
@given(st.lists(TEXTS, max_size=6))
def test_key_hashes_match_the_reference(keys: list[str]) -> None:

    got = np.frombuffer(_core.key_hashes(keys), dtype=np.uint64).tolist()
    assert got == [reference.key_hash(k) for k in keys]


@SETTINGS
@given(TEXTS, st.integers(min_value=0, max_value=130))
def test_short_line_hashes_match_the_reference(text: str, max_chars: int) -> None:

    got = np.frombuffer(_core.short_line_hashes(text, max_chars), dtype=np.uint64).tolist()
    assert got == reference.short_line_hashes(text, max_chars)


def test_short_line_keys_are_norm_keys_lower_cased_as_python_does() -> None:

    from cleanprep.chrome.features import norm_key

    # Final sigma and the dotted capital I lower-case differently from one character at a time.
    lines = ["ΟΔΟΣ ΚΑΙ", "İstanbul", "Read more »", "Seite 2", "   ", "x" * 121]
    got = np.frombuffer(_core.short_line_hashes("\n".join(lines), 120), dtype=np.uint64).tolist()
    assert got == [reference.key_hash(norm_key(line)) for line in lines[:4]]


@SETTINGS
@given(TEXTS)
def test_word_cases_match_the_reference(text: str) -> None:
    assert _core.word_cases(text) == reference.word_cases(text)


def test_word_cases_follow_str_istitle_and_isupper() -> None:
    # A title-case digraph (ǅ) starts a title word; letters after an uncased one start a new part
    # ("O'Neil" is title case); a word with no cased letter is neither.
    titled, uppered = _core.word_cases("Hello WORLD ǅungla O'Neil 東京 ΟΔΟΣ iPhone")
    assert list(titled) == [1, 0, 1, 1, 0, 0, 0]
    assert list(uppered) == [0, 1, 0, 0, 0, 1, 0]


# Tables whose words are cut from the same pieces as the texts, so that words are found often.
WORD_TABLES = st.dictionaries(st.one_of(PIECES, TEXTS.map(lambda t: t[:4])),
                              st.integers(min_value=0, max_value=2**63 - 1), max_size=8)


@SETTINGS
@given(WORD_TABLES, st.lists(st.one_of(PIECES, TEXTS), max_size=8).map(" ".join))
def test_word_bits_match_the_reference(table: dict[str, int], spaced: str) -> None:
    got = np.frombuffer(_core.WordBits(table).of_words(spaced), dtype=np.int64).tolist()
    assert got == reference.bits_of_words(table, spaced)


def test_word_bits_find_every_word_of_a_big_table_and_no_near_miss() -> None:
    # Thousands of words fill the table's slots unevenly: every one must still be found, and words
    # that differ from one in a single code point, or in length, must not be.
    words = [f"w{i}" for i in range(5000)] + ["straße", "東京", "😀x", "und"]
    table = {word: i + 1 for i, word in enumerate(words)}
    asked = [*words, "w5000", "w", "straßf", "東", "😀", "undd"]
    got = np.frombuffer(_core.WordBits(table).of_words(" ".join(asked)), dtype=np.int64).tolist()
    assert got == reference.bits_of_words(table, " ".join(asked))
    assert got[-6:] == [0] * 6


def test_word_bits_find_whole_words_only_and_refuse_bad_tables() -> None:
    table = _core.WordBits({"und": 6, "東京": 1, "😀": 2**62})
    got = np.frombuffer(table.of_words("  und  under 東京 😀 Und "), dtype=np.int64).tolist()
    assert got == [6, 0, 1, 2**62, 0]
    assert table.of_words("") == b""
    with pytest.raises(ValueError, match="must not be negative"):
        _core.WordBits({"a": -1})
    with pytest.raises(ValueError, match="63 bits"):
        _core.WordBits({"a": 2**64})
    with pytest.raises(ValueError, match="dict of str to int"):
        _core.WordBits({1: 1})


# Needles cut from the same pieces, so that they are found often, plus whole random strings.
NEEDLES = st.lists(st.one_of(PIECES, st.text(max_size=4), TEXTS.map(lambda t: t[:3])), max_size=12)


MARKS = st.integers(min_value=0, max_value=2**64 - 1)


@SETTINGS
@given(st.lists(TEXTS, max_size=8), NEEDLES, NEEDLES, st.data())
def test_lines_marks_match_the_reference(
    lines: list[str], needles: list[str], anchored: list[str], data: st.DataObject
) -> None:
    marks = data.draw(st.lists(MARKS, min_size=len(needles), max_size=len(needles)))
    anchored_marks = data.draw(st.lists(MARKS, min_size=len(anchored), max_size=len(anchored)))
    assert (_core.lines_marks(lines, needles, marks, anchored, anchored_marks)
            == reference.lines_marks(lines, needles, marks, anchored, anchored_marks))


def test_lines_marks_find_needles_anywhere_and_anchored_ones_only_at_the_start() -> None:
    lines = ["we use cookies", "read this", "you should read", "", "東京の天気", "😀 smile"]
    got = _core.lines_marks(lines, ["cookie", "天気", "😀", "this"], [1, 2, 4, 8], ["read"], [16])
    assert got == [1, 24, 0, 0, 2, 4]
    # An empty needle is in every line, as `"" in line` says.
    assert _core.lines_marks(lines, [""], [32], [], []) == [32] * len(lines)
    # The marks of all the needles a line holds are joined, the last bit of 64 included.
    assert _core.lines_marks(["a cookie, this"], ["cookie", "this"], [2**63, 1], [], []) == [2**63 + 1]


@SETTINGS
@given(st.lists(st.lists(TEXTS, max_size=6), max_size=4), NEEDLES, NEEDLES, st.data())
def test_a_built_needles_table_matches_the_reference_on_every_list_it_is_asked(
    docs: list[list[str]], needles: list[str], anchored: list[str], data: st.DataObject
) -> None:
    # One table, many documents: nothing of one call may leak into the next.
    marks = data.draw(st.lists(MARKS, min_size=len(needles), max_size=len(needles)))
    anchored_marks = data.draw(st.lists(MARKS, min_size=len(anchored), max_size=len(anchored)))
    table = _core.Needles(needles, marks, anchored, anchored_marks)
    for lines in docs:
        assert table.marks(lines) == reference.lines_marks(lines, needles, marks, anchored, anchored_marks)


def test_needles_of_every_length_are_found_at_the_ends_of_lines_of_every_layout() -> None:
    # Needles of 1, 2, 3, 4 and 5 code points, in lines stored with 1, 2 and 4 bytes a character.
    needles = ["x", "ab", "abc", "abcd", "abcde", "é€", "😀😁"]
    table = _core.Needles(needles, [1 << k for k in range(len(needles))], [], [])
    lines = ["abcde", "zabcd", "zzab", "x", "€é€", "é€😀😁", "abc€", "", "ab\ncd"]
    assert table.marks(lines) == reference.lines_marks(lines, needles, [1 << k for k in range(len(needles))],
                                                       [], [])
    assert table.marks(["abcde"]) == [1 << 1 | 1 << 2 | 1 << 3 | 1 << 4]


def test_a_needles_table_refuses_a_line_that_is_not_a_str_and_marks_of_another_length() -> None:
    table = _core.Needles(["a"], [1], [], [])
    with pytest.raises(TypeError, match="list of str"):
        table.marks(["a", 1])
    with pytest.raises(ValueError, match="one mark per needle"):
        _core.Needles(["a"], [], [], [])


def test_lines_marks_refuse_a_mark_list_of_another_length() -> None:
    with pytest.raises(ValueError, match="one mark per needle"):
        _core.lines_marks(["x"], ["a", "b"], [1], [], [])


# Pieces that cut sentences or hold them together: terminals, closers, openers, capitals of the BMP
# and above it (𝐀 is a capital, 𠀀 a letter without case, 😀 neither), abbreviations and initials.
SENTENCE_PIECES = st.sampled_from([
    "It rained", ". ", "! ", "? ", "… ", "‼ ", "⁉", ".\" ", ".» ", ".) ", "?’ ", "  ", "\u3000", "\xa0",
    "\u2028", " - ", "„", "«", "(", "[", "—", "Then", "then", "Dr", "Mrs", "z.B", "u.a", "S", "J", "x",
    "Über", "Ǆ", "東京", "。", "！", "．", "।", "؟", "۔", "𝐀", "𠀀", "😀", "1", "2024", "\n", "\n\n",
    "\x1d", "\ud800", "é", "ǅ", "Ⅻ", "_", "ℕ", "ǈ", "ʼ", "ˆ", "\u0301",
])
SENTENCE_TEXTS = st.one_of(TEXTS, st.lists(SENTENCE_PIECES, max_size=40).map("".join))


def _split(text: str) -> list[tuple[int, int, int, int]]:
    doc = Document(id="", text=text)
    doc.fixed = text
    split_document(doc)
    return [(s.start, s.end, s.block, s.line) for s in doc.segments]


@SETTINGS
@given(SENTENCE_TEXTS)
def test_the_split_matches_the_reference(text: str) -> None:
    assert _split(text) == reference.segments(text)


@SETTINGS
@given(SENTENCE_TEXTS.filter(lambda t: not any("\x1c" <= c <= "\x1f" for c in t)))
def test_split_segments_cut_as_the_patterns_do_or_give_the_line_whole(text: str) -> None:
    starts, ends, blocks, lines, undecided = _core.split_segments(text, _SENTENCE_TABLE, _ABBREVIATION_LIST)
    got = list(zip(starts, ends, blocks, lines, strict=True))
    want = reference.segments(text)
    assert [g for g in got if g[3] not in undecided] == [w for w in want if w[3] not in undecided]
    # An undecided line comes whole: its span and block as the line split gives them.
    whole, block = [], 0
    for line, (start, end, new_block, _) in enumerate(reference.lines(text)):
        block += new_block
        whole.append((start, end, block, line))
    assert [g for g in got if g[3] in undecided] == [whole[line] for line in undecided]


def test_the_split_keeps_abbreviations_and_initials_and_cuts_the_rest() -> None:
    text = ("Dr. Who met Mrs. Hudson. J. Smith came. Then it rained!\"Go,\" she said. 東京。大阪"
            "\nz.B. Äpfel. Ende")
    assert [text[s:e] for s, e, _, _ in _split(text)] == [
        "Dr. Who met Mrs. Hudson.", "J. Smith came.", "Then it rained!\"Go,\" she said.", "東京。", "大阪",
        "z.B. Äpfel.", "Ende"]


def test_a_capital_above_the_bmp_is_left_to_the_patterns() -> None:
    text = "It rained. 𝐀 storm came. The end. 😀 Fine."
    starts, ends, _, _, undecided = _core.split_segments(text, _SENTENCE_TABLE, _ABBREVIATION_LIST)
    assert undecided == [0]
    assert _split(text) == reference.segments(text)
    assert [text[s:e] for s, e, _, _ in _split(text)] == ["It rained.", "𝐀 storm came.", "The end. 😀 Fine."]


def test_split_segments_refuse_a_table_of_another_size() -> None:
    with pytest.raises(ValueError, match="65536 bytes"):
        _core.split_segments("a. B", b"\0" * 10, [])


@SETTINGS
@given(st.lists(SENTENCE_TEXTS, max_size=8))
def test_letter_words_match_the_reference_and_the_pattern(texts: list[str]) -> None:
    got = _core.letter_words(texts, regex_classes.TABLE)
    assert got == [reference.letter_words(text) for text in texts]
    # Where it answers, it is what decide's pattern counts.
    for text, count in zip(texts, got, strict=True):
        if count >= 0:
            assert count == len(_WORD.findall(text))


def test_the_class_table_holds_what_the_regex_module_says_of_every_bmp_character() -> None:
    import regex

    table = np.frombuffer(regex_classes.TABLE, dtype=np.uint8)
    for bit, pattern in ((regex_classes.OPENS, r"[\p{Lu}\p{Lt}\p{Lo}]"), (regex_classes.WORD, r"\w"),
                         (regex_classes.SPACE, r"\s"), (regex_classes.UPPER, r"\p{Lu}"),
                         (regex_classes.LETTER, r"\p{L}")):
        compiled = regex.compile(pattern)
        want = np.array([compiled.match(chr(c)) is not None for c in range(0x10000)])
        assert np.array_equal((table & bit) != 0, want), pattern


# What the gate looks for, and what nearly is it: lead bytes before continuations and before other
# characters, entities of every kind and too short to be one, control characters, ligatures.
GATE_PIECES = st.sampled_from([
    "Ã©", "Ã", "â€™", "â€", "Â\xa0", "ô\x80", "õ\x80", "Á\x80", "Ã€", "Ãa", "&amp;", "&a", "&a1", "&#1",
    "&#12", "&#x1", "&#xAf", "&#X0f", "&#", "&", "&&a;", "\x00", "\x08", "\x09", "\x0b", "\x0c", "\x0d",
    "\x1f", "\x7f", "\x9f", "\xa0", "\ud800", "\udfff", "\ufb00", "\ufb06", "\ufb07", "ﬁ", "\n", "plain ",
    "東京", "😀", "é",
])


@SETTINGS
@given(st.one_of(TEXTS, st.lists(GATE_PIECES, max_size=30).map("".join)))
def test_gate_lines_match_the_reference(text: str) -> None:
    assert _core.gate_lines(text) == reference.gate_lines(text)


def test_gate_lines_name_each_flagged_line_once() -> None:
    text = "fine\ncafÃ© &amp; bar\n&a &#1 &#x1\n\ufb01x\n\nlast\x7f"
    assert _core.gate_lines(text) == [1, 3, 5]
    assert _core.gate_lines("") == []


# Line features as the judge makes them: 0/1 flags, log lengths, shares; and any finite double.
WINDOW_VALUES = st.one_of(
    st.sampled_from([0.0, 1.0, 0.5, 0.25, 1 / 3]),
    st.floats(min_value=0.0, max_value=3.0),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
)


@SETTINGS
@given(st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=4),
       st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=5), st.data())
def test_window_means_match_the_reference_to_the_last_bit(n: int, cols: int, ks: list[int], data) -> None:  # noqa: ANN001
    from cleanprep.chrome.features import _window_means_for

    values = np.array(data.draw(st.lists(WINDOW_VALUES, min_size=n * cols, max_size=n * cols)),
                      dtype=np.float64).reshape(n, cols)
    for shaped in (values, values[:, 0]):  # rows of several columns, and one value per line
        with np.errstate(over="ignore", invalid="ignore"):  # huge doubles: inf - inf is NaN in both
            got, want = _window_means_for(shaped, tuple(ks)), reference.window_means(shaped, tuple(ks))
        assert sorted(got) == sorted(want)
        for k in ks:
            assert got[k].shape == want[k].shape
            assert got[k].tobytes() == want[k].tobytes(), (k, shaped)  # the same doubles, signs of zero too


def test_window_means_refuse_a_window_of_no_lines_and_values_that_are_not_rows() -> None:
    rows = np.ones((3, 2))
    with pytest.raises(ValueError, match="at least 1"):
        _core.window_means(rows, 2, [0])
    with pytest.raises(ValueError, match="rows of cols"):
        _core.window_means(rows, 4, [1])
    with pytest.raises(ValueError, match="C-ordered"):
        _core.window_means(np.asfortranarray(rows), 2, [1])
    with pytest.raises(TypeError, match="float64"):
        _core.window_means(rows.astype(np.float32), 2, [1])
