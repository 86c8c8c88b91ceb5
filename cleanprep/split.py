"""Split fixed text into blocks, lines and sentences, as `Segment`s with offsets.

Blocks are separated by blank lines; lines by newlines; sentences by terminal punctuation followed
by a capital (or by CJK full stops). Splitting is lossless: only whitespace lies between segments.

The patterns below say where a sentence ends; the compiled core (`_core.split_segments`) finds the
same ends in one pass over the text without running them, reading what the regex module says of
each character from `regex_classes.TABLE`. A line where a character above that table had a say, and
text holding the separators \\x1c-\\x1f, are cut by the patterns themselves (`reference.segments` is
the whole split written with them).

>>> from cleanprep.document import Document
>>> doc = Document(id="x", text="")
>>> doc.fixed = "Menu\\n\\nIt rained. Then it stopped.\\nFoto: Reuters"
>>> split_document(doc)
>>> [(doc.content(s), s.block, s.line) for s in doc.segments]
[('Menu', 0, 0), ('It rained.', 1, 1), ('Then it stopped.', 1, 1), ('Foto: Reuters', 1, 2)]
"""

from __future__ import annotations

import regex

from . import _core, regex_classes
from .document import Document, Segment

# Where a sentence may end inside a line: terminal punctuation (with closing quotes or brackets),
# whitespace, then the first character of what follows. Lower-case letters and digits after a period
# mostly mean an abbreviation or a number ("Dec. 9", "approx. five"), so only a capital (or a letter
# of a script without case) starts a sentence. CJK and Devanagari stops need no space after them.
_SENTENCE_END = regex.compile(
    r"[.!?\u2026\u203c\u2047-\u2049][\"'\u201d\u2019\u00bb)\]]*(\s+)[\"'\u201c\u2018\u00ab\u201e(\[\-\u2013\u2014]?[\p{Lu}\p{Lt}\p{Lo}]"
    r"|[\u3002\uff01\uff1f\uff0e\u0964\u0965\u06d4\u061f](\s*)\S"
)
# Cheap test: a line with none of these characters is one sentence.
_MAY_END = regex.compile(r"[.!?\u2026\u203c\u2047-\u2049\u3002\uff01\uff1f\uff0e\u0964\u0965\u06d4\u061f].")

# Words whose trailing period is not a sentence end: titles, months, initials.
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
    "Rev", "Hon", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "No", "Nr", "Art", "Abs", "Fig", "Vol", "ca",
    "bzw", "usw", "z.B", "d.h", "u.a", "S", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
)
_ABBREVIATION = regex.compile(
    r"(?:\b(?:" + "|".join(map(regex.escape, ABBREVIATIONS)) + r")|\b\p{Lu})\.[\"'\u201d\u2019)\]]*$"
)


# What the patterns ask of each character, for the kernel (bits as `regex_classes` names them).
_SENTENCE_TABLE = regex_classes.TABLE


def split_sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one line of text, without surrounding whitespace.

    >>> split_sentences("Russia asked Turkey. The U.S. did not. Фото: Reuters")
    [(0, 20), (21, 38), (39, 52)]
    >>> split_sentences("Met on Dec. 9 in Ankara.")
    [(0, 24)]
    """
    end = len(line.rstrip())
    if not _MAY_END.search(line, 0, end):
        return [(0, end)] if end else []
    return _sentences(line, end)


def _sentences(line: str, end: int) -> list[tuple[int, int]]:
    """`split_sentences` for a line known to hold a possible sentence end before `end`."""
    spans: list[tuple[int, int]] = []
    start = 0
    pos = 0
    while True:
        m = _SENTENCE_END.search(line, pos, end)
        if m is None:
            break
        gap = 1 if m.group(1) is not None else 2
        cut, nxt = m.span(gap)
        pos = nxt
        if cut <= start or (gap == 1 and _ABBREVIATION.search(line, max(start, cut - 12), cut)):
            continue
        spans.append((start, cut))
        start = nxt
    if end > start:
        spans.append((start, end))
    return spans


# Python's str.strip and the regex module's \s agree on whitespace except for these four separators,
# which only the former strips.
_STRIP_DIFFERS = regex.compile(r"[\x1c-\x1f]")


def split_document(doc: Document, sentences: bool = True) -> None:
    """Cut `doc.fixed` into segments: one per sentence (or per line with `sentences=False`)."""
    text = doc.fixed
    if sentences and _STRIP_DIFFERS.search(text) is None:
        # The kernel finds the lines and cuts their sentences where the patterns above would.
        spans = _core.split_segments(text, _SENTENCE_TABLE, _ABBREVIATION_LIST)
        starts, ends, blocks, lines, undecided = spans
        segments = list(map(Segment, starts, ends, blocks, lines))
        if undecided:
            # Lines where a character outside the kernel's table had a say: the patterns cut them.
            segments = _cut_undecided(text, segments, set(undecided))
        doc.segments = segments
        return
    doc.segments = _segments_of(text, sentences)


_ABBREVIATION_LIST = list(ABBREVIATIONS)


def _cut_undecided(text: str, segments: list[Segment], undecided: set[int]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if seg.line not in undecided:
            out.append(seg)
            continue
        start = seg.start
        for s, e in _sentences(text[start : seg.end], seg.end - start):
            out.append(Segment(start + s, start + e, seg.block, seg.line))
    return out


def _segments_of(text: str, sentences: bool,
                 lines: list[tuple[int, int, bool, bool]] | None = None) -> list[Segment]:
    """The segments of `text` cut by the patterns themselves (text holding the separators \\x1c-\\x1f,
    or lines only). `lines`: `_core.split_lines(text)`, or its twin `reference.lines(text)`."""
    segments: list[Segment] = []
    block = 0
    # The kernel finds every non-blank line, whether a blank line came before it, and whether it
    # may hold a sentence end (most lines do not, and are one segment).
    if lines is None:
        lines = _core.split_lines(text)
    if not sentences:
        for line_no, (start, end, new_block, _) in enumerate(lines):
            block += new_block
            segments.append(Segment(start, end, block, line_no))
        return segments
    # Sentences end where str.rstrip says (the lines themselves are already stripped that way unless
    # the text holds the separators the two disagree on).
    restrip = _STRIP_DIFFERS.search(text) is not None
    for line_no, (start, end, new_block, may_end) in enumerate(lines):
        block += new_block
        if restrip:
            end = start + len(text[start:end].rstrip())
            if end == start:
                continue
        if not may_end:
            segments.append(Segment(start, end, block, line_no))
            continue
        for s, e in _sentences(text[start:end], end - start):
            segments.append(Segment(start + s, start + e, block, line_no))
    return segments
