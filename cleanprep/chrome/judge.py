"""The chrome judge: mark the lines of a document that are page furniture, each with a reason code.

Lines are judged whole (every segment of a chrome line gets the verdict). The decision has three
layers, applied in order:

1. The title is found and kept once: a line printed twice near the top (an H1 repeated, or the HTML
   title "Headline | Site" followed by "Headline") is the title; its first clean occurrence stays and
   the repeats go as ``duplicate-title``. A short line between two prose paragraphs is a subheading
   and stays; so does a short line that opens the document right before its first paragraph.
2. Rules that hold whatever the page: date-only lines, cookie notices, donation appeals with card
   numbers, comment forms, share bars, copyright footers, lines that recur across many files of a
   run (``boilerplate-recurring``).
3. A logistic model over the line's features (`features.FEATURES`; weights in
   ``models/chrome-judge.json``, trained by ``benchmarks/train_chrome_model.py``) scores the rest.

Reason codes (stable, shown in JSONL output and ``--explain``):

=========================  ===================================================================
``nav``                    a navigation/menu line or an interface word (Home, Suche, Read more)
``share``                  share bars, follow/subscribe prompts
``comment-form``           comment counts, "Leave a reply", form field labels
``byline``                 "Posted by", "Veröffentlicht am", author lines
``date``                   a line that is only a date, a time or a reading time
``caption``                "Foto: ...", "Photo: ...", image credits
``tags``                   "Tags: ...", category and keyword lists
``related``                related-article teasers ("Lesen Sie auch", a teaser after the article)
``cookie``                 cookie notices
``appeal``                 donation and support appeals, bank and card numbers
``copyright``              copyright and "powered by" footers
``duplicate-title``        a repeat of the title (or the HTML title around it)
``duplicate``              a later repeat of a line printed earlier (menus at top and bottom)
``boilerplate-recurring``  a short line found in many files of the same run
``sidebar``                a longer text outside the article among menu lines (glossaries, bios)
``short-fragment``         a short line outside the article that is not prose
=========================  ===================================================================

>>> from cleanprep.document import Document
>>> from cleanprep.split import split_document
>>> doc = Document(id="x", text="")
>>> doc.fixed = ("Startseite\\nPolitik\\nSport\\n\\nDer Rat tagt\\n\\nDer Rat der Stadt hat am Montag über den "
...              "Haushalt beraten und ihn mit großer Mehrheit beschlossen.\\n\\nTeilen\\n\\nNach oben")
>>> split_document(doc)
>>> doc.lang = "de"
>>> judge_chrome(doc)
>>> [(doc.content(s)[:12], s.reason) for s in doc.segments if s.verdict == "chrome"]
[('Startseite', 'nav'), ('Politik', 'nav'), ('Sport', 'nav'), ('Teilen', 'share'), ('Nach oben', 'nav')]
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..document import CHROME, Document
from .features import FEATURES, Line, feature_matrix, line_table
from .recurrence import RecurrenceIndex

_MODEL_NAME = "chrome-judge.json"
# Where the model file lives: inside an installed package, or in the source tree's models/.
_MODEL_PATHS = (
    Path(__file__).resolve().parent.parent / "models" / _MODEL_NAME,
    Path(__file__).resolve().parents[2] / "models" / _MODEL_NAME,
)

# Interface phrases that mark chrome on a short line whatever the model says.
_HARD_KINDS = frozenset({"share", "comment-form", "cookie", "appeal", "copyright", "caption", "tags"})
# Title candidates: at least this many letters, and found before this share of the document.
_TITLE_MIN_KEY = 12
_TITLE_REGION = 0.7
# A line found in at least this share of a run's files (and at least this many) is boilerplate.
_RECURRING_SHARE = 0.2
_RECURRING_MIN_FILES = 5
_RECURRING_MAX_WORDS = 15


class ChromeModel:
    """Weights of the logistic scorer: P(line is article) = sigmoid(x · w); below `threshold` is chrome."""

    def __init__(self, weights: dict[str, float], threshold: float = 0.5) -> None:
        self.w = np.array([weights.get(name, 0.0) for name in FEATURES])
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path) -> ChromeModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data.get("threshold", 0.5))

    def keep_probability(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(x @ self.w)))


@lru_cache(maxsize=1)
def default_model() -> ChromeModel:
    """The shipped model (models/chrome-judge.json)."""
    for path in _MODEL_PATHS:
        if path.exists():
            return ChromeModel.load(path)
    raise FileNotFoundError(f"chrome model {_MODEL_NAME} not found in {[str(p) for p in _MODEL_PATHS]}")


def judge_chrome(doc: Document, recurrence: RecurrenceIndex | None = None) -> None:
    """Mark every segment of each chrome line of `doc` as CHROME with a reason code."""
    judge_with(doc, recurrence, default_model())


def judge_with(doc: Document, recurrence: RecurrenceIndex | None, model: ChromeModel) -> None:
    """`judge_chrome` with a given model (training and evaluation use this)."""
    lines = line_table(doc)
    if not lines:
        return
    recurring = recurrence.shares([ln.key for ln in lines]) if recurrence is not None else None
    x = feature_matrix(doc, lines, recurring)
    reasons = decide(lines, x, model)
    for ln, reason in zip(lines, reasons):
        if reason:
            for seg in ln.segments:
                seg.verdict = CHROME
                seg.reason = reason


_C = {name: i for i, name in enumerate(FEATURES)}


def find_title(lines: list[Line], x: np.ndarray) -> tuple[int | None, set[int]]:
    """The title line's index and the indices of its repeats (exact, or a longer line holding it).

    A title is a line printed twice near the top; of an HTML title ("Headline | Site") followed by the
    headline, the headline is the title. Among several repeated lines the one nearest the article's
    start wins (glossary terms and tag lists repeat too, but further from it).
    """
    n = len(lines)
    limit = max(3, int(n * _TITLE_REGION))
    core_start = next((i for i in range(n) if x[i, _C["in_core"]]), n)
    first_at: dict[str, int] = {}
    candidates: list[int] = []
    for i in range(min(n, limit)):
        ln = lines[i]
        if len(ln.key) < _TITLE_MIN_KEY or ln.words > 30 or x[i, _C["prose"]] and x[i, _C["ends_terminal"]]:
            continue
        if ln.key in first_at:
            j = first_at[ln.key]
            if j not in candidates and i <= core_start + 3:
                candidates.append(j)
        else:
            first_at[ln.key] = i
    # A later line that a longer earlier line holds ("Home News Headline", "Headline | Site").
    for i in range(1, min(n, limit)):
        key = lines[i].key
        if len(key) < _TITLE_MIN_KEY or lines[i].words > 30 or i in candidates:
            continue
        for j in range(max(0, i - 8), i):
            other = lines[j].key
            if len(other) > len(key) and key in other and lines[j].words <= 40:
                candidates.append(i)
                break
    if not candidates:
        return None, set()
    title = min(candidates, key=lambda i: (abs(core_start - i), i))
    key = lines[title].key
    repeats = {i for i, ln in enumerate(lines) if i != title and (ln.key == key or (
        len(ln.key) > len(key) and key in ln.key and ln.words <= 40 and i < title))}
    return title, repeats


def decide(lines: list[Line], x: np.ndarray, model: ChromeModel) -> list[str]:
    """A reason code for each chrome line, "" for each kept line."""
    n = len(lines)
    reasons = [""] * n
    keep_p = model.keep_probability(x)
    title, repeats = find_title(lines, x)
    prose = x[:, _C["prose"]]
    for i, ln in enumerate(lines):
        if i == title:
            continue
        if i in repeats:
            reasons[i] = "duplicate-title"
            continue
        kind = ln.kind
        short = ln.words <= 30
        if ln.date:
            reasons[i] = "date"
            continue
        if kind in _HARD_KINDS and short:
            reasons[i] = kind
            continue
        row = x[i]
        if row[_C["recurring"]] >= _RECURRING_SHARE and ln.words <= _RECURRING_MAX_WORDS and not prose[i]:
            reasons[i] = "boilerplate-recurring"
            continue
        prev_prose = i > 0 and prose[i - 1]
        next_prose = i + 1 < n and prose[i + 1]
        if kind is None and ln.words <= 20 and next_prose and (prev_prose or i == 0):
            continue  # a heading: between paragraphs, or opening the document
        if keep_p[i] >= model.threshold:
            continue
        reasons[i] = _shape_reason(ln, row)
    return reasons


def _shape_reason(ln: Line, row: np.ndarray) -> str:
    """Why a line the model rejected goes, by what it matched or what it looks like."""
    if ln.kind is not None:
        return ln.kind
    if row[_C["repeat_later"]]:
        return "duplicate"
    if row[_C["recurring"]] >= _RECURRING_SHARE:
        return "boilerplate-recurring"
    if ln.words >= 15:
        return "related" if row[_C["after_core"]] or row[_C["ellipsis"]] else "sidebar"
    return "nav" if row[_C["neighbour_short_run"]] >= 0.5 else "short-fragment"


def sigmoid(z: float) -> float:
    """The logistic function (for readers of the model file).

    >>> round(sigmoid(0.0), 2)
    0.5
    """
    return 1.0 / (1.0 + math.exp(-z))
