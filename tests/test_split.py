"""The split stage: blocks, lines and sentences, with offsets, losing nothing."""

from cleanprep.document import Document
from cleanprep.split import split_document, split_sentences


def _split(text: str) -> Document:
    doc = Document(id="t", text=text)
    doc.fixed = text
    split_document(doc)
    return doc


def test_blocks_lines_and_sentences_get_their_indices():
    doc = _split("Title\n\nFirst sentence. Second one!\nNext line\n\n\nLast block")
    got = [(doc.content(s), s.block, s.line) for s in doc.segments]
    assert got == [
        ("Title", 0, 0),
        ("First sentence.", 1, 1),
        ("Second one!", 1, 1),
        ("Next line", 1, 2),
        ("Last block", 2, 3),
    ]


def test_pieces_join_back_into_the_text():
    text = "  indented line \n\n\tTabbed. Two sentences.  \r\n\n  \ntrailing   "
    doc = _split(text)
    assert "".join(doc.pieces()) == text


def test_segments_have_no_surrounding_whitespace_and_do_not_overlap():
    doc = _split(" a. B c \n d ")
    prev = 0
    for seg in doc.segments:
        content = doc.content(seg)
        assert content == content.strip() and content
        assert seg.start >= prev
        prev = seg.end


def test_abbreviations_and_numbers_do_not_end_sentences():
    assert split_sentences("Met on Dec. 9 in Ankara. Dr. Smith came.") == [(0, 24), (25, 40)]
    assert len(split_sentences("The U.S. Army arrived.")) == 1


def test_sentences_in_other_scripts_are_split():
    assert split_sentences("Він прийшов. Вона пішла.") == [(0, 12), (13, 24)]
    assert split_sentences("我来了。他走了。") == [(0, 4), (4, 8)]


def test_empty_and_blank_text_give_no_segments():
    assert _split("").segments == []
    assert _split(" \n\n \t\n").segments == []


def test_information_separators_count_as_text_inside_a_line_but_not_at_its_end():
    # \x1c-\x1f are not whitespace to the line pattern but are to str.rstrip: the fast line path must
    # not change what the split has always done with them.
    doc = _split("Mr\x1c\n\x1c\nAbc. Def\x1f  \n\nNext")
    got = [(doc.content(s), s.block, s.line) for s in doc.segments]
    assert got == [("Mr", 0, 0), ("Abc.", 0, 2), ("Def", 0, 2), ("Next", 1, 3)]


def test_unicode_spaces_and_carriage_returns_separate_nothing_but_are_trimmed():
    doc = _split("\u3000Title\xa0\r\n\u2028\nBody. Text")
    got = [(doc.content(s), s.block, s.line) for s in doc.segments]
    assert got == [("Title", 0, 0), ("Body.", 1, 1), ("Text", 1, 1)]
