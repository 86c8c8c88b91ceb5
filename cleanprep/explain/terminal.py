"""The terminal view: each document line by line, every segment marked with what became of it.

Kept text is printed as it is; everything else carries a mark in the margin and a note in brackets:

    - Share this article                [chrome: share]
    ~ Фото: Reuters                     [uk -> translate]
        => Photo: Reuters
    x Підтримайте нас                   [uk -> drop: no-package:uk->en]

With colour (a terminal that is a tty, NO_COLOR unset, TERM not "dumb") chrome is dim and struck
through, dropped text red and struck through, translations green; the marks stay, so the view
reads the same when colour is lost in a pipe.

>>> record = {"id": "a.txt", "lang": "en", "segments": [
...     {"text": "Home", "line": 0, "block": 0, "lang": "en", "verdict": "chrome", "reason": "nav"},
...     {"text": "It rained.", "line": 1, "block": 1, "lang": "en", "verdict": "keep"}]}
>>> print(render_record(record, color=False))
== a.txt  [en] 2 segments: 1 kept, 1 chrome
- Home  [chrome: nav]
<BLANKLINE>
  It rained.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from typing import Any, TextIO

from ..assemble import to_record
from ..document import Document
from .report import (
    DROPPED,
    KEPT,
    KEPT_FOREIGN,
    REMOVED_CHROME,
    TAGGED,
    TRANSLATED,
    outcome,
    record_lines,
)

# Margin marks, one per outcome; kept text has none so the article reads as itself.
MARKS = {KEPT: " ", REMOVED_CHROME: "-", TRANSLATED: "~", DROPPED: "x", KEPT_FOREIGN: "=", TAGGED: "#"}

# SGR codes: dim+strike for chrome, red+strike for dropped, cyan for foreign text, green translation.
_STYLE = {
    REMOVED_CHROME: "2;9",
    DROPPED: "31;9",
    TRANSLATED: "36",
    KEPT_FOREIGN: "36",
    TAGGED: "36",
    "note": "33",
    "translation": "32",
    "header": "1",
    "error": "1;31",
}


def use_color(stream: TextIO) -> bool:
    """Colour only for a terminal that can show it: https://no-color.org and `TERM=dumb` say no.

    >>> import io
    >>> use_color(io.StringIO())
    False
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, style: str, color: bool) -> str:
    if not color or not text:
        return text
    return f"\x1b[{_STYLE[style]}m{text}\x1b[0m"


def note(seg: dict[str, Any]) -> str:
    """The bracketed note of a segment that was not simply kept ('' for kept text).

    >>> note({"verdict": "foreign", "lang": "uk", "action": "drop", "reason": "no-package:uk->en"})
    '[uk -> drop: no-package:uk->en]'
    >>> note({"verdict": "foreign", "lang": "uk", "action": "translate", "reason": "translated",
    ...       "translation": "Photo"})
    '[uk -> translate]'
    """
    kind = outcome(seg)
    if kind == KEPT:
        return ""
    if kind == REMOVED_CHROME:
        return f"[chrome: {seg.get('reason') or 'chrome'}]"
    action = seg.get("action", "drop")
    reason = seg.get("reason", "")
    # A reason that only repeats the action ("dropped" for drop) says nothing more.
    said = {"translate": "translated", "drop": "dropped", "keep": "kept", "tag": "tagged"}.get(action)
    extra = f": {reason}" if reason and reason != said else ""
    return f"[{seg.get('lang', 'und')} -> {action}{extra}]"


def _runs(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Neighbouring segments of a line that share an outcome and a note, so a plain paragraph is one row."""
    runs: list[list[dict[str, Any]]] = []
    for seg in line:
        # A translation is shown under its own original, so translated segments never merge.
        if runs and outcome(seg) != TRANSLATED and (outcome(runs[-1][-1]), note(runs[-1][-1])) == (
                outcome(seg), note(seg)):
            runs[-1].append(seg)
        else:
            runs.append([seg])
    return runs


def header(record: dict[str, Any]) -> str:
    """One line naming the document, its language and what became of its segments."""
    if record.get("error"):
        return f"== {record.get('id', '')}  failed"
    segments = record.get("segments", [])
    counts = Counter(outcome(s) for s in segments)
    parts = ", ".join(f"{counts[k]} {k}" for k in MARKS if counts[k]) or "empty"
    return f"== {record.get('id', '')}  [{record.get('lang', 'und')}] {len(segments)} segments: {parts}"


def render_record(record: dict[str, Any], color: bool = False) -> str:
    """The view of one document (a `to_record` dict); blocks are separated by a blank line."""
    out = [_paint(header(record), "header", color)]
    if record.get("error"):
        out.append(_paint(f"! failed: {record['error']}", "error", color))
        return "\n".join(out)
    last_block = None
    for line in record_lines(record.get("segments", [])):
        block = line[0].get("block")
        if last_block is not None and block != last_block:
            out.append("")
        last_block = block
        for run in _runs(line):
            kind = outcome(run[0])
            text = " ".join(s.get("text", "") for s in run)
            row = f"{MARKS[kind]} {_paint(text, kind, color) if kind != KEPT else text}"
            tag = note(run[0])
            if tag:
                row += "  " + _paint(tag, "note", color)
            out.append(row.rstrip())
            for seg in run:
                if kind == TRANSLATED:
                    out.append("    => " + _paint(seg.get("translation", ""), "translation", color))
    left_out = record.get("segments_left_out", 0)
    if left_out:
        out.append(f"... {left_out} more segments not shown")
    return "\n".join(out)


class TerminalView:
    """A run observer that prints each finished document's view to `stream`.

    `color=None` decides from the stream (see `use_color`).
    """

    def __init__(self, stream: TextIO | None = None, color: bool | None = None) -> None:
        self.stream = stream or sys.stdout
        self.color = use_color(self.stream) if color is None else color
        self.count = 0

    def __call__(self, doc: Document) -> None:
        self.show(to_record(doc))

    def show(self, record: dict[str, Any]) -> None:
        if self.count:
            self.stream.write("\n")
        self.stream.write(render_record(record, self.color) + "\n")
        self.stream.flush()
        self.count += 1
