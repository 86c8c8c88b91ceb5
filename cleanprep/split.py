"""Split fixed text into blocks, lines and sentences, as `Segment`s with offsets.

Blocks are separated by blank lines; lines by newlines; sentences by terminal punctuation followed
by a capital (or by CJK full stops). Splitting is lossless: only whitespace lies between segments.

>>> from cleanprep.document import Document
>>> doc = Document(id="x", text="")
>>> doc.fixed = "Menu\\n\\nIt rained. Then it stopped.\\nFoto: Reuters"
>>> split_document(doc)
>>> [(doc.content(s), s.block, s.line) for s in doc.segments]
[('Menu', 0, 0), ('It rained.', 1, 1), ('Then it stopped.', 1, 1), ('Foto: Reuters', 1, 2)]
"""

from __future__ import annotations

import regex

from .document import Document, Segment

# A line with something on it (spaces and tabs around it are not part of the segment).
_LINE = regex.compile(r"[^\S\n]*([^\n]*\S)[^\S\n]*")

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
_ABBREVIATION = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Hon|Inc|Ltd|Co|Corp|vs|etc|"
    r"No|Nr|Art|Abs|Fig|Vol|ca|bzw|usw|z\.B|d\.h|u\.a|S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b\p{Lu})\.[\"'\u201d\u2019)\]]*$"
)


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


def split_document(doc: Document, sentences: bool = True) -> None:
    """Cut `doc.fixed` into segments: one per sentence (or per line with `sentences=False`)."""
    text = doc.fixed
    segments: list[Segment] = []
    block = line_no = 0
    prev_end = 0
    first = True
    for m in _LINE.finditer(text):
        if not first and text.count("\n", prev_end, m.start()) >= 2:
            block += 1
        first = False
        start, end = m.span(1)
        prev_end = m.end()
        if sentences:
            for s, e in split_sentences(text[start:end]):
                segments.append(Segment(start + s, start + e, block=block, line=line_no))
        else:
            segments.append(Segment(start, end, block=block, line=line_no))
        line_no += 1
    doc.segments = segments
