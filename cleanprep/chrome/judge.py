"""The chrome judge: mark the lines of a document that are page furniture, each with a reason code.

Lines are judged whole (every segment of a chrome line gets the verdict). The language of a line
plays no part here (the foreign stage handles that): an appeal or a caption goes in any language.
The decision has three layers:

1. The title is kept once (`title.find_title`): the line repeating the HTML title's headline, or a
   line printed twice near the top; its repeats go as ``duplicate-title``.
2. Rules that hold whatever the page: date-only lines; captions, cookie notices, appeals, comment
   forms, share bars, tag lists and copyright footers by their phrases (`phrases`, many languages);
   lines found in many files of the run (``boilerplate-recurring``); a paragraph under a term
   printed twice (a glossary box, ``sidebar``); a paragraph cut off mid-sentence that ends a run of
   prose (a teaser, ``related``).
3. A logistic model over the line's features (`features.FEATURES`; weights in
   ``models/chrome-judge.json``, trained by ``benchmarks/train_chrome_model.py``) scores the rest.

Neighbours then correct single lines: a short line right above a kept paragraph stays as a heading
when a paragraph (or the title, or nothing) is above it; a short line between two lines removed for
the same hard reason goes with them.

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
>>> doc.fixed = ("Startseite\\nPolitik\\nSport\\n\\nDer Rat tagt\\n\\nDer Rat der Stadt hat am "
...              "Montag über den Haushalt beraten und ihn mit großer Mehrheit beschlossen.\\n\\n"
...              "Teilen\\n\\nNach oben")
>>> split_document(doc)
>>> doc.lang = "de"
>>> judge_chrome(doc)
>>> [(doc.content(s)[:12], s.reason) for s in doc.segments if s.verdict == "chrome"]
[('Startseite', 'nav'), ('Politik', 'nav'), ('Sport', 'nav'), ('Teilen', 'share'), ('Nach oben', 'nav')]
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..document import CHROME, UNKNOWN_LANG, Document
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
# A line of at most this many words right before prose may be a heading.
_HEADING_WORDS = 15
# A paragraph of at least this many words that stops mid-sentence may be a teaser.
_TEASER_WORDS = 20
_TITLE_REGION = 0.7
# A line found in at least this share of a run's other files is boilerplate (runs of 5 files or more).
_RECURRING_SHARE = 0.3
_RECURRING_MAX_WORDS = 15


class ChromeModel:
    """The scorer: P(line is article) from its feature row; below `threshold` the line is chrome.

    A small multilayer perceptron (standardised features -> tanh hidden layer -> logistic output), or a
    logistic regression when it has no hidden layer. Weights are stored by feature name in JSON.
    """

    def __init__(self, params: dict, threshold: float = 0.5) -> None:
        names = params["features"]
        order = [names.index(f) if f in names else -1 for f in FEATURES]

        def pick(vec: list[float], fill: float) -> np.ndarray:
            return np.array([vec[i] if i >= 0 else fill for i in order])
        self.mean = pick(params["mean"], 0.0)
        self.scale = pick(params["scale"], 1.0)
        w1 = np.array(params["w1"]) if params.get("w1") else None
        self.w1 = None
        if w1 is not None:
            self.w1 = np.array([w1[i] if i >= 0 else np.zeros(w1.shape[1]) for i in order])
        self.b1 = np.array(params["b1"]) if w1 is not None else None
        w2 = np.array(params["w2"])
        self.w2 = w2 if w1 is not None else pick(params["w2"], 0.0)
        self.b2 = float(params["b2"])
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path) -> ChromeModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["params"], data.get("threshold", 0.5))


    def keep_probability(self, x: np.ndarray) -> np.ndarray:
        z = (x - self.mean) / self.scale
        if self.w1 is not None:
            z = np.tanh(z @ self.w1 + self.b1)
        return 1.0 / (1.0 + np.exp(-(z @ self.w2 + self.b2)))


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
    for ln, reason in zip(lines, reasons, strict=True):
        if reason == "caption" and _foreign_caption(doc, ln.segments):
            # A caption in the page's own language is furniture; one that describes something in
            # another language is a foreign segment like any other, for the foreign policy to
            # translate or drop. A bare credit ("Kuva: Lehtikuva") is furniture in any language.
            continue
        if reason:
            for seg in ln.segments:
                seg.verdict = CHROME
                seg.reason = reason


# Words a caption needs before it counts as describing something rather than crediting someone.
_CAPTION_DESCRIBES_WORDS = 5


def _foreign_caption(doc: Document, segments: list) -> bool:
    """A caption that describes something (not a bare credit), mostly in another language."""
    if doc.fixed.count(" ", segments[0].start, segments[-1].end) + 1 < _CAPTION_DESCRIBES_WORDS:
        return False
    other = sum(s.end - s.start for s in segments if s.lang not in (doc.lang, UNKNOWN_LANG))
    return other * 2 > sum(s.end - s.start for s in segments)


_C = {name: i for i, name in enumerate(FEATURES)}


def decide(lines: list[Line], x: np.ndarray, model: ChromeModel) -> list[str]:
    """A reason code for each chrome line, "" for each kept line."""
    n = len(lines)
    reasons = [""] * n
    keep_p = model.keep_probability(x)
    is_title = x[:, _C["is_title"]]
    title = int(is_title.argmax()) if is_title.any() else None
    prose = x[:, _C["prose"]]
    first_prose = int(prose.argmax()) if prose.any() else -1
    n_prose = int(prose.sum())
    headings = []
    for i, ln in enumerate(lines):
        if i == title:
            continue
        row = x[i]
        if row[_C["title_repeat"]]:
            reasons[i] = "duplicate-title"
            continue
        kind = ln.kind
        if ln.date:
            reasons[i] = "date"
            continue
        if kind in _HARD_KINDS and (ln.words <= 30 or kind == "caption"):
            reasons[i] = kind
            continue
        if row[_C["recurring"]] >= _RECURRING_SHARE and ln.words <= _RECURRING_MAX_WORDS and not prose[i]:
            reasons[i] = "boilerplate-recurring"
            continue
        if i >= 2 and lines[i - 1].key and lines[i - 1].key == lines[i - 2].key and not lines[i - 1].kind:
            reasons[i] = "sidebar"  # a paragraph under a term printed twice: a glossary or tooltip box
            continue
        if (row[_C["truncated"]] and ln.words >= _TEASER_WORDS and (i + 1 == n or not prose[i + 1])
                and i > first_prose and n_prose >= 3):
            reasons[i] = "related"  # a paragraph cut off mid-sentence that ends a run of prose: a teaser
            continue
        # A heading: between paragraphs, opening the document, after the title, or (with no title
        # found) the line right above the first paragraph, which is then the headline.
        opens_article = title is None and i + 1 == first_prose and ln.words >= 2
        if kind is None and ln.words <= _HEADING_WORDS and i + 1 < n and prose[i + 1] and (
            i == 0 or prose[i - 1] or i - 1 == title or opens_article
        ):
            headings.append(i)
        if keep_p[i] < model.threshold:
            reasons[i] = _shape_reason(ln, row)
    # A heading stays when the paragraph it introduces stays (a teaser's headline goes with the teaser).
    for i in headings:
        if not reasons[i + 1]:
            reasons[i] = ""
    _fill_runs(lines, reasons, prose)
    return reasons


def _fill_runs(lines: list[Line], reasons: list[str], prose: np.ndarray) -> None:
    """A short kept line between two lines removed for the same hard reason goes with them.

    Appeals, comment forms and share bars come as runs of lines, some of which match no phrase
    ("Be with us on every platform" between two bank-card lines).
    """
    for i in range(1, len(lines) - 1):
        before, after = reasons[i - 1], reasons[i + 1]
        if (not reasons[i] and before == after and before in _HARD_KINDS and not prose[i]
                and lines[i].words <= _HEADING_WORDS):
            reasons[i] = before


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
