"""The chrome judge: mark the lines of a document that are page furniture, each with a reason code.

Lines are judged whole (every segment of a chrome line gets the verdict). The language of a line
plays no part here (the foreign stage handles that): an appeal or a caption goes in any language.
The decision has three layers:

1. The title is kept once (`title.find_title`): the line repeating the HTML title's headline, or a
   line printed twice near the top; its repeats go as ``duplicate-title``.
2. Rules that hold whatever the page: date-only lines; leaked markup (``markup``); captions, cookie
   notices, appeals, comment forms, share bars, tag lists and copyright footers by their phrases
   (`phrases`, many languages); lines found in many files of the run (``boilerplate-recurring``); a
   paragraph under a term printed twice (a glossary box, ``sidebar``); a paragraph cut off
   mid-sentence that ends a run of prose (a teaser, ``related``); a second copy of a paragraph
   (``duplicate``).
3. A logistic model over the line's features (`features.FEATURES`; weights in
   ``models/chrome-judge.json``, trained by ``benchmarks/train_chrome_model.py``) scores the rest.

Neighbours then correct single lines: a short line right above a kept paragraph (a byline or a date
may stand between them) stays as a heading when a paragraph (or the title, or nothing) is above it; a
short line between two lines removed for the same hard reason goes with them. Regions of the page
come last: a list or table between two kept paragraphs stays (`_article_lists`), a run of teasers
(headline and summary, three times or more) before or after the article goes (`_teaser_runs`).

Reason codes (stable, shown in JSONL output and ``--explain``):

=========================  ===================================================================
``nav``                    a navigation/menu line or an interface word (Home, Suche, Read more),
                           a counting widget ("7 Besucher online", "Showing 1-10 of 48")
``share``                  share bars, follow/subscribe prompts, newsletter sign-ups and their consent
``comment-form``           comment counts, "Leave a reply", form field labels, a comment's own
                           header below the article ("NAME says: DATE at TIME"), a comment
                           section's rules ("Comments are moderated"), "Tell us in the comments"
``byline``                 "Posted by", "Veröffentlicht am", author lines; "NAME · DATE" above
                           the article
``date``                   a line that is only a date, a time or a reading time
``caption``                "Foto: ...", "Photo: ...", image credits
``tags``                   "Tags: ...", category and keyword lists
``related``                related-article teasers ("Lesen Sie auch", a teaser after the article),
                           headers of story lists ("Most popular"), "Lea: <headline>", runs of
                           headlines with their summaries before or after the article
``cookie``                 cookie notices and other banners (outdated browser, enable JavaScript,
                           "We respect your privacy", an embed's "Externer Inhalt" placeholder)
``appeal``                 donation and support appeals, bank and card numbers, paywall meters and
                           ends ("Subscribe ... for the full story")
``copyright``              copyright and "powered by" footers, affiliate-link disclosures, reprint
                           notices ("Written permission must be obtained ...")
``duplicate-title``        a repeat of the title (or the HTML title around it)
``duplicate``              a later repeat of a line printed earlier (menus at top and bottom)
``boilerplate-recurring``  a short line found in many files of the same run
``sidebar``                a longer text outside the article among menu lines (glossaries, bios)
``short-fragment``         a short line outside the article that is not prose
``markup``                 HTML tags, page scripts and server errors left by the flattening
                           (`markup.markup_lines`)
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
from .features import FEATURES, LineTable, feature_matrix, line_table
from .markup import markup_lines
from .phrases import HARD_KINDS
from .recurrence import RecurrenceIndex

_MODEL_NAME = "chrome-judge.json"
# Where the model file lives: inside an installed package, or in the source tree's models/.
_MODEL_PATHS = (
    Path(__file__).resolve().parent.parent / "models" / _MODEL_NAME,
    Path(__file__).resolve().parents[2] / "models" / _MODEL_NAME,
)

# Title candidates: at least this many letters, and found before this share of the document.
_TITLE_MIN_KEY = 12
# A line of at most this many words right before prose may be a heading.
_HEADING_WORDS = 15
# A paragraph of at least this many words that stops mid-sentence may be a teaser, unless the model
# is this sure it is article text (a paragraph cut by a quoted post, a code block or a list).
_TEASER_WORDS = 20
_TEASER_MAX_KEEP = 0.85
# A short line between paragraphs is a heading unless the model is this sure it is furniture (a
# comment's "by NAME, DATE" header between two comments is shaped like a heading).
_HEADING_MIN_KEEP = 0.15
_TITLE_REGION = 0.7
# A line found in at least this share of a run's other files is boilerplate (runs of 5 files or more).
_RECURRING_SHARE = 0.3
_RECURRING_MAX_WORDS = 15
# An author's bio ("NAME is a reporter at ...") goes when less than this share of the article's prose
# is below it (it closes the article), or when it stands before the article begins.
_BIO_MAX_BELOW = 0.15
# A thread: at least this many comment headers over text; the last comment runs at most this many lines.
_THREAD_HEADS = 2
_COMMENT_LINES = 8
# A kept line of at least this many words printed again later in the page is a copy (`_drop_copies`);
# shorter repeats ("Step 2", "Ingredients") are common inside articles.
_COPY_WORDS = 8
# A name and a stamp ("Marta Zielińska · 12 marca 2024, 14:05") takes at most this many words.
_NAMED_STAMP_WORDS = 10
# A byline stands above the article or under its lead: at most this many prose lines (a standfirst)
# above it; lower down, a name and a date head a comment or an entry of a list.
_BYLINE_PROSE_ABOVE = 1


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
    if not len(lines):
        return
    recurring = recurrence.shares(lines.keys) if recurrence is not None else None
    x = feature_matrix(doc, lines, recurring)
    reasons = decide(lines, x, model)
    if len(reasons) != len(lines):
        raise ValueError("a reason per line is needed")
    for i, reason in enumerate(reasons):
        if not reason:
            continue
        segments = lines.segments[i]
        if reason == "caption" and _foreign_caption(doc, segments):
            # A caption in the page's own language is furniture; one that describes something in
            # another language is a foreign segment like any other, for the foreign policy to
            # translate or drop. A bare credit ("Kuva: Lehtikuva") is furniture in any language.
            continue
        for seg in segments:
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
# Reason codes as numbers while deciding (0: kept), so every rule is one array operation.
_REASONS = ["", "duplicate-title", "date", "boilerplate-recurring", "sidebar", "related", "duplicate", "nav",
            "short-fragment", "share", "comment-form", "cookie", "appeal", "copyright", "caption", "tags",
            "byline", "markup"]
_CODE = {reason: code for code, reason in enumerate(_REASONS)}
_HARD_CODES = np.array([_CODE[kind] for kind in sorted(HARD_KINDS)])
# Whether each reason code is a hard kind, looked up by code (cheaper than `np.isin` on short arrays).
_IS_HARD = np.zeros(len(_REASONS), dtype=bool)
_IS_HARD[_HARD_CODES] = True
# A line's phrase kind as a code (None: no kind).
_KIND_CODE = {**_CODE, None: 0}


def decide(lines: LineTable, x: np.ndarray, model: ChromeModel) -> list[str]:
    """A reason code for each chrome line, "" for each kept line.

    The rules are tried in order and the first that holds gives the reason; a line no rule takes goes
    when the model says so.
    """
    n = len(lines)
    keep_p = model.keep_probability(x)
    is_title = x[:, _C["is_title"]]
    title = int(is_title.argmax()) if is_title.any() else None
    prose = x[:, _C["prose"]] > 0
    first_prose = int(prose.argmax()) if prose.any() else -1
    n_prose = int(prose.sum())
    words = lines.words
    kind = np.fromiter(map(_KIND_CODE.__getitem__, lines.kinds), dtype=np.int64, count=n)
    idx = np.arange(n)
    next_prose = np.append(prose[1:], False)
    keys = lines.keys
    # A paragraph under a term printed twice: a glossary or tooltip box.
    ids = lines.key_ids
    under_pair = np.zeros(n, dtype=bool)
    under_pair[2:] = lines.keyed[1:-1] & (ids[1:-1] == ids[:-2]) & (kind[1:-1] == 0)
    prose_above = np.cumsum(prose) - prose
    named_stamp = (lines.stamped & (kind == 0) & (words <= _NAMED_STAMP_WORDS) & (x[:, _C["separators"]] > 0)
                   & ~prose)
    rules = [
        (x[:, _C["title_repeat"]] > 0, _CODE["duplicate-title"]),
        (lines.dates, _CODE["date"]),
        (_markup(lines, x), _CODE["markup"]),
        (_IS_HARD[kind] & ((words <= 30) | (kind == _CODE["caption"])), kind),
        # "By NAME", "Publié le" with a date or time: a byline, wherever it stands.
        (lines.stamped & (kind == _CODE["byline"]), _CODE["byline"]),
        # "NAME · DATE" above the article or under its lead: a byline without its lead word.
        (named_stamp & (prose_above <= _BYLINE_PROSE_ABOVE), _CODE["byline"]),
        # A comment's header ("NAME says: DATE at TIME") once the article has begun; above it, the same
        # shape is the article's byline, which the model judges.
        (lines.meta & (idx > first_prose) & (first_prose >= 0), _CODE["comment-form"]),
        ((x[:, _C["recurring"]] >= _RECURRING_SHARE) & (words <= _RECURRING_MAX_WORDS) & ~prose,
         _CODE["boilerplate-recurring"]),
        (under_pair, _CODE["sidebar"]),
        # A line about the author or the post ("NAME is a reporter at ...") closing or opening the article.
        ((x[:, _C["bio"]] > 0) & ((_prose_share_below(x, prose) < _BIO_MAX_BELOW)
                                    | (x[:, _C["before_core"]] > 0)), _CODE["byline"]),
        # A paragraph cut off mid-sentence that ends a run of prose: a teaser.
        ((x[:, _C["truncated"]] > 0) & (words >= _TEASER_WORDS) & ~next_prose & (idx > first_prose)
         & (n_prose >= 3) & (keep_p < _TEASER_MAX_KEEP), _CODE["related"]),
    ]
    code = np.zeros(n, dtype=np.int64)
    open_ = np.ones(n, dtype=bool)
    if title is not None:
        open_[title] = False
    for holds, reason in rules:
        hit = open_ & holds
        code[hit] = reason[hit] if isinstance(reason, np.ndarray) else reason
        open_ &= ~hit
    # A heading: between paragraphs, opening the document, after the title, or (with no title
    # found) the line right above the first paragraph, which is then the headline.
    # A byline, a date, a caption between a heading and its paragraph do not part them.
    below = _next_unskipped(_IS_BETWEEN_HEADING_AND_TEXT[code] | (kind == _CODE["byline"]))
    next_prose = np.append(prose, False)[below]
    prev_prose = np.concatenate([[False], prose[:-1]])
    # The first paragraph no rule took (a caption may be the first prose of the page).
    text_at = np.flatnonzero(prose & (code == 0))
    first_text = int(text_at[0]) if len(text_at) else -1
    opens_article = (title is None) & (below == first_text) & (words >= 2)
    heading = open_ & (kind == 0) & (words <= _HEADING_WORDS) & next_prose & (keep_p >= _HEADING_MIN_KEEP) & (
        (idx == 0) | prev_prose | (idx - 1 == (title if title is not None else -2)) | opens_article)
    rejected = open_ & (keep_p < model.threshold)
    at = np.flatnonzero(rejected)
    code[at] = _shape_codes(kind[at], words[at], x[at])
    # A heading stays when the paragraph it introduces stays (a teaser's headline goes with the teaser).
    heading &= np.append(code, 1)[below] == 0
    code[heading] = 0
    # A line's last character is the one before the next line's newline (a full-width colon too).
    last = lines.points[np.maximum(np.append(lines.starts[1:] - 1, len(lines.points)) - 1, 0)]
    colon = (x[:, _C["ends_colon"]] > 0) | (last == ord("："))
    _article_lists(code, prose, words, kind, colon)
    _teaser_runs(code, prose, words, kind, colon, x[:, _C["question"]] > 0, lines.dates | lines.stamped,
                 lines.texts)
    # With the teasers above it gone, the article begins lower: a name and a stamp above it is its byline.
    kept_prose = np.flatnonzero(prose & (code == 0))
    if len(kept_prose) and kept_prose[0] > first_prose:
        code[named_stamp & (code == 0) & (idx < kept_prose[0])] = _CODE["byline"]
    _fill_runs(code, prose, words)
    _comment_thread(code, lines.meta & (idx > first_prose) & (first_prose >= 0))
    _drop_copies(code, keys, words)
    return list(map(_REASONS.__getitem__, code.tolist()))


# What a line inside an article's list may have been taken for: a menu line, a fragment, a sidebar.
_LIST_ITEM_CODES = np.array([_CODE["nav"], _CODE["short-fragment"], _CODE["sidebar"], _CODE["related"]])
_IS_LIST_ITEM = np.zeros(len(_REASONS), dtype=bool)  # by code, as `_IS_HARD`
_IS_LIST_ITEM[_LIST_ITEM_CODES] = True
# A list inside the article: at most this many lines, each of at most this many words.
_LIST_LINES = 20
_LIST_ITEM_WORDS = 25


def _article_lists(code: np.ndarray, prose: np.ndarray, words: np.ndarray, kind: np.ndarray,
                   colon: np.ndarray) -> None:
    """A list or table inside the article stays: a run of removed lines between two kept paragraphs,
    each line shaped like an item (no interface phrase, at most `_LIST_ITEM_WORDS` words, removed only
    for its shape), together with the line ending in a colon that introduces it.

    Steps, schedules, results and spec sheets are short lines without sentences, which alone the
    model takes for menus; the article's prose on both sides says they belong to it.
    """
    kept_prose = np.flatnonzero(prose & (code == 0))
    gap = np.diff(kept_prose)
    pairs = np.flatnonzero((gap >= 3) & (gap - 1 <= _LIST_LINES))
    if not len(pairs):
        return
    item = _IS_LIST_ITEM[code] & (kind == 0) & (words <= _LIST_ITEM_WORDS)
    for a, b in zip(kept_prose[pairs].tolist(), kept_prose[pairs + 1].tolist(), strict=True):
        between = slice(a + 1, b)
        removed = code[between] != 0
        # Every removed line between the two paragraphs is shaped like an item; a list needs three
        # of them, or two under a line ending in a colon that introduces them.
        if not (item[between] | ~removed).all() or (kind[between] != 0).any():
            continue
        introduced = colon[a] or bool((colon[between] & (words[between] >= 3)).any())
        if removed.sum() >= 3 - introduced:
            code[between] = 0


# A teaser: a headline of this many words, a summary of at most `_TEASER_SUMMARY_WORDS`; a run of at
# least `_TEASER_RUN` of them before or after the article is a block of other stories.
_TEASER_HEAD_WORDS = (2, 18)
_TEASER_SUMMARY_WORDS = 45
_TEASER_RUN = 3
# The article's paragraphs are longer than a run's summaries, and at least this many words.
_TEASER_MIN_LONG = 15


def _teaser_runs(code: np.ndarray, prose: np.ndarray, words: np.ndarray, kind: np.ndarray, colon: np.ndarray,
                 question: np.ndarray, dated: np.ndarray, texts: list[str]) -> None:
    """Runs of teasers before or after the article go as ``related``: at least `_TEASER_RUN` times a
    headline (no final stop, no interface phrase), then a one- or two-sentence summary, each perhaps
    with a date or a short "read more" link.

    A list of the article's own sections is shaped alike (a heading and its paragraph), so a run goes
    only where the article's long paragraphs all stand on its other side, and not when its headlines
    are numbered or open with the same word ("Step 2", "Schritt 3"), or most are questions (a FAQ).
    `dated` marks date and stamp lines, `texts` are the lines' texts.
    """
    n = len(code)
    head = ~prose & (words >= _TEASER_HEAD_WORDS[0]) & (words <= _TEASER_HEAD_WORDS[1]) & (kind == 0) & ~colon
    summary = prose & (words <= _TEASER_SUMMARY_WORDS)
    extra = dated | ((words <= 3) & ~prose)
    heads_at = np.flatnonzero(head[:-1] & (summary[1:] | extra[1:]))
    if len(heads_at) < _TEASER_RUN:
        return
    kept_prose = prose & (code == 0)
    units: list[tuple[int, int, int]] = []  # (headline, summary, last line) of each teaser of a run

    def close_run() -> None:
        run = list(units)
        units.clear()
        if len(run) < _TEASER_RUN:
            return
        # The article's paragraphs are longer than the run's summaries: a unit whose summary is as
        # long is the article's own heading and first paragraph, not a teaser.
        longer = max(_TEASER_MIN_LONG, 1.5 * float(np.median([words[b] for _, b, _ in run])))
        while run and words[run[-1][1]] > longer:
            run.pop()
        while run and words[run[0][1]] > longer:
            run.pop(0)
        if len(run) < _TEASER_RUN:
            return
        first, last = run[0][0], run[-1][2]
        heads = [texts[a][:1].isdigit() or texts[a].split(" ", 1)[0] for a, _, _ in run]
        numbered = any(h is True for h in heads) or len(set(heads)) == 1
        questions = sum(question[a] for a, _, _ in run) * 2 > len(run)
        long_kept = np.flatnonzero(kept_prose & (words > longer))
        above, below = int((long_kept < first).sum()), int((long_kept > last).sum())
        if (above or below) and not (above and below) and not numbered and not questions:
            # A short line right above the run is its header ("Most read", "Relacje z ...").
            if first > 0 and code[first - 1] == 0 and not prose[first - 1] and words[first - 1] <= 8 and (
                    kind[first - 1] == 0):
                first -= 1
            lines_ = code[first : last + 1]
            lines_[lines_ == 0] = _CODE["related"]

    # Only a headline followed by its summary (or a date, a link) can open a teaser: the scan visits those.
    after = 0
    for i in heads_at.tolist():
        if i < after:
            continue
        j = i + 1
        while j < n and extra[j] and j - i <= 2:
            j += 1
        if j < n and summary[j]:
            end = j
            while end + 1 < n and extra[end + 1] and end - j < 2:
                end += 1
            # A teaser that does not follow the last one right away starts a new run.
            if units and units[-1][2] + 1 != i:
                close_run()
            units.append((i, j, end))
            after = end + 1
    close_run()


_BETWEEN_HEADING_AND_TEXT = np.array([_CODE["byline"], _CODE["date"], _CODE["caption"], _CODE["markup"]])
_IS_BETWEEN_HEADING_AND_TEXT = np.zeros(len(_REASONS), dtype=bool)  # by code, as `_IS_HARD`
_IS_BETWEEN_HEADING_AND_TEXT[_BETWEEN_HEADING_AND_TEXT] = True


def _next_unskipped(skip: np.ndarray) -> np.ndarray:
    """For each line, the index of the first line after it that `skip` does not mark (n: none).

    >>> _next_unskipped(np.array([False, True, True, False, True])).tolist()
    [3, 3, 3, 5, 5]
    """
    n = len(skip)
    at = np.where(skip, n, np.arange(n))
    # The least unskipped index from each line on, shifted by one: the first after it.
    after = np.minimum.accumulate(at[::-1])[::-1]
    return np.append(after[1:], n)


def _comment_thread(code: np.ndarray, heads: np.ndarray) -> None:
    """The comments under an article go with their headers as ``comment-form``.

    `heads` are the lines shaped like a comment's header ("NAME says: DATE at TIME") below the
    article's first paragraph. Where at least `_THREAD_HEADS` of them each stand over kept text, the
    page has a thread: every kept line from the first header to the last goes, and below the last the
    kept lines of its comment, up to the first line another rule removed (at most `_COMMENT_LINES`).
    """
    at = np.flatnonzero(heads)
    n = len(code)
    over_text = at[(at + 1 < n)]
    over_text = over_text[code[np.minimum(over_text + 1, n - 1)] == 0]
    if len(over_text) < _THREAD_HEADS:
        return
    first, last = int(at[0]), int(at[-1])
    end = last + 1
    while end < n and end - last <= _COMMENT_LINES and code[end] == 0:
        end += 1
    thread = code[first:end]
    thread[thread == 0] = _CODE["comment-form"]


def _drop_copies(code: np.ndarray, keys: list[str], words: np.ndarray) -> None:
    """A paragraph printed again in the page (a summary or print copy) goes as ``duplicate``: of the
    kept lines of at least `_COPY_WORDS` words with the same key, the first stays.

    Which copy stays matters little to a reader (the text is the same); keeping the first keeps a
    lead paragraph where the article opens with it.
    """
    seen: set[str] = set()
    for i in np.flatnonzero((code == 0) & (words >= _COPY_WORDS)).tolist():
        key = keys[i]
        if not key:
            continue
        if key in seen:
            code[i] = _CODE["duplicate"]
        else:
            seen.add(key)


def _markup(lines: LineTable, x: np.ndarray) -> np.ndarray:
    """Which lines are leaked markup (`markup.is_markup`). Tags, scripts and server errors' paths
    all hold symbols (< = { /), so lines with none are not asked: on chrome-dev 15,768 of 190,413
    lines are, and the same 315 lines are found."""
    out = np.zeros(len(lines), dtype=bool)
    asked = np.flatnonzero(x[:, _C["symbols"]] > 0)
    out[asked] = markup_lines([lines.texts[i] for i in asked.tolist()])
    return out


def _prose_share_below(x: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """The share of the document's prose characters that stand below each line."""
    chars = np.where(prose, np.expm1(x[:, _C["log_chars"]] * 5), 0.0)
    below = chars.sum() - np.cumsum(chars)
    return below / max(1.0, chars.sum())


def _fill_runs(code: np.ndarray, prose: np.ndarray, words: np.ndarray) -> None:
    """A short kept line between two lines removed for the same hard reason goes with them.

    Appeals, comment forms and share bars come as runs of lines, some of which match no phrase
    ("Be with us on every platform" between two bank-card lines). A line filled so is followed by a
    removed line, so no fill depends on another and all are made at once.
    """
    before, after = code[:-2], code[2:]
    fill = (code[1:-1] == 0) & (before == after) & _IS_HARD[before] & ~prose[1:-1] & (
        words[1:-1] <= _HEADING_WORDS)
    code[1:-1][fill] = before[fill]


def _shape_codes(kind: np.ndarray, words: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Why each line the model rejected goes, by what it matched or what it looks like."""
    return np.select(
        [kind > 0, x[:, _C["repeat_later"]] > 0, x[:, _C["recurring"]] >= _RECURRING_SHARE, words >= 15,
         x[:, _C["neighbour_short_run"]] >= 0.5],
        [kind, _CODE["duplicate"], _CODE["boilerplate-recurring"],
         np.where((x[:, _C["after_core"]] > 0) | (x[:, _C["ellipsis"]] > 0), _CODE["related"],
                  _CODE["sidebar"]),
         _CODE["nav"]],
        _CODE["short-fragment"],
    )
