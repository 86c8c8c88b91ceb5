"""Per-line features of a document, computed once, for the chrome judge.

A line is all segments with the same `.line`. Each line gets a row of numbers (`FEATURES` names
them): what the line itself looks like (length, stopword share in its own language, terminal
punctuation, title case, digits and symbols, interface phrases), where it stands (position, inside or
outside the article's core), whether it repeats (inside the document, across the files of a run),
and what its neighbours look like (a short line among prose is a heading, among menu lines a menu).

>>> from cleanprep.document import Document
>>> from cleanprep.split import split_document
>>> doc = Document(id="x", text="")
>>> doc.fixed = "Home\\nNews\\n\\nThe council met on Monday and it voted for the plan.\\nShare"
>>> split_document(doc)
>>> lines = line_table(doc)
>>> [(ln.text[:12], ln.kind) for ln in lines]
[('Home', 'nav'), ('News', None), ('The council ', None), ('Share', 'share')]
>>> m = feature_matrix(doc, lines)
>>> prose = FEATURES.index("prose")
>>> m.shape == (4, len(FEATURES)), float(m[2, prose]), float(m[0, prose])
(True, 1.0, 0.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..document import UNKNOWN_LANG, Document, Segment
from .phrases import classify, is_date_line
from .stopwords import NO_SPACE_LANGS, has_list, stopword_set, stopword_share_of_words

# Names of the columns of `feature_matrix`, in order (the model's weights are stored by name).
FEATURES = [
    "bias", "log_chars", "log_words", "stopwords", "ends_terminal", "ends_colon", "title_case", "digits",
    "symbols", "kind_nav", "kind_share", "kind_comment", "kind_caption", "kind_byline", "kind_tags",
    "kind_related", "kind_cookie", "kind_appeal", "kind_copyright", "date", "repeat_later",
    "repeat_any", "recurring", "position", "in_core", "before_core", "after_core", "core_distance",
    "prose", "context_prose", "context_length", "prev_prose", "next_prose", "block_lines", "bullet",
    "ellipsis", "sentences", "separators", "short", "short_in_core", "prose_score", "neighbour_short_run",
    "site_words", "upper", "question", "link", "any_kind", "first_line", "char_position", "in_tight_core",
    "core_position", "prose_near_1", "prose_near_5", "short_near_8", "prose_above", "prose_below",
    "prev_stopwords", "next_stopwords", "prev_words", "next_words", "prev_kind", "next_kind",
    "prev_terminal", "next_terminal", "block_prose", "truncated", "is_title", "title_repeat", "before_title",
]

_INDEX = {name: i for i, name in enumerate(FEATURES)}
_KIND_FEATURE = {"nav": "kind_nav", "share": "kind_share", "comment-form": "kind_comment",
                 "caption": "kind_caption", "byline": "kind_byline", "tags": "kind_tags",
                 "related": "kind_related", "cookie": "kind_cookie", "appeal": "kind_appeal",
                 "copyright": "kind_copyright"}

# Features computed line by line in `feature_matrix` (the rest come from whole columns).
_LOOP_FEATURES = [
    "log_chars", "log_words", "stopwords", "ends_terminal", "ends_colon", "title_case", "digits", "symbols",
    "date", "repeat_later", "repeat_any", "block_lines", "bullet", "ellipsis", "sentences", "separators",
    "prose", "short", "prose_score", "site_words", "upper", "question", "link", "truncated",
]
_LOOP_COLUMNS = [FEATURES.index(name) for name in _LOOP_FEATURES]
# Both alternatives start with a space, so the engine scans for it at C speed.
_SEPARATOR = re.compile(r" [|·•/»›>] |   ")
# Words a site uses to talk about itself (site, newsletter, privacy, comments, rights) in many languages:
# common in notices, bios and footers, rare in articles.
_SITE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "website site blog newsletter subscribe subscription privacy policy cookie cookies copyright rights "
        "reserved comment comments login register account email mail click link links share follow author "
        "editor webseite seite homepage abonnieren abonnement datenschutz datenschutzerklärung impressum "
        "rechte vorbehalten kommentar kommentare anmelden registrieren konto klicken teilen folgen autor "
        "autorin redaktion abonner confidentialité droits réservés commentaire commentaires connexion compte "
        "cliquez partager suivre auteur rédaction sitio web suscribirse suscripción privacidad derechos "
        "reservados comentario comentarios cuenta haga clic compartir seguir redacción sito iscriviti "
        "iscrizione diritti riservati commento commenti accedi condividi seguici autore redazione strona "
        "serwis subskrybuj prywatności prawa zastrzeżone komentarz komentarze zaloguj udostępnij сайт "
        "подписаться подписка конфиденциальности права защищены комментарий комментарии войти поделиться "
        "автор редакция підписатися підписка конфіденційності захищені коментар коментарі увійти поділитися "
        "редакція youtube facebook instagram twitter telegram whatsapp podcast app apps download "
        "herunterladen channel kanal canal canale kanał канал paywall inbox posteingang spam moderated "
        "moderiert newsletters",
    )
)
_ELLIPSES = ("...", "…", "[…]", "[...]")
_TERMINAL = frozenset(".!?…。！？;\"”»)")
# The standard library's engine is several times faster than `regex` on these simple patterns.
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_SYMBOL = re.compile(r"[|/\\»«›‹>·•©®™@#*=_~^<{}\[\]+→←↑↓▶►▼]")
_BULLET = re.compile(r"^[•*\-–—·▪►▶✓✔❤]\s")
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f\u1000-\u109f]")
_NORM_DROP = re.compile(r"[\W_]+")

# Lines up to this many words are asked whether they are only a date; longer lines are keyed verbatim.
_DATE_WORDS = 8
_KEY_CHARS = 200


@dataclass(slots=True)
class Line:
    """One line of a document and what the judge needs to know of it."""

    index: int
    segments: list[Segment]
    text: str
    words: int
    block: int
    kind: str | None
    date: bool
    key: str


def norm_key(text: str) -> str:
    """A line's identity for repetition: letters and digits, lower case, nothing else.

    Digits stay: "Price: 20 Euro" and "Price: 30 Euro" in one list are different lines.

    >>> norm_key("  Read more »"), norm_key("Read More"), norm_key("Seite 2")
    ('readmore', 'readmore', 'seite2')
    """
    if len(text) > _KEY_CHARS:
        return text.lower()  # long lines repeat only verbatim; normalising them costs more than it finds
    return _NORM_DROP.sub("", text).lower()


def line_table(doc: Document) -> list[Line]:
    """The lines of `doc`, each with its text, word count, interface-phrase kind and date flag."""
    out: list[Line] = []
    fixed = doc.fixed
    for i, segs in enumerate(doc.lines()):
        text = fixed[segs[0].start : segs[-1].end]
        words = text.count(" ") + 1
        if words < len(text) // 8 and _NO_SPACE_SCRIPT.search(text):
            # Scripts written without spaces: about two characters make a word.
            words = max(words, len(_NO_SPACE_SCRIPT.findall(text)) // 2)
        kind = classify(text, words)
        date = kind is None and words <= _DATE_WORDS and is_date_line(text)
        out.append(Line(i, segs, text, words, segs[0].block, kind, date, norm_key(text)))
    return out


def _line_lang(segs: list[Segment], doc_lang: str) -> str:
    lang = max(segs, key=lambda s: s.end - s.start).lang if len(segs) > 1 else segs[0].lang
    # Short lines get unreliable labels from fastText; the document's language is a better guess.
    if lang == UNKNOWN_LANG or not has_list(lang):
        return doc_lang
    return lang


def _core(prose: np.ndarray, chars: np.ndarray, penalty: float = 80.0) -> tuple[int, int]:
    """The stretch of lines with the most prose in it (maximum-sum run; other lines cost `penalty`)."""
    gain = np.where(prose > 0, chars, -penalty)
    best = cur = 0.0
    best_span = (0, -1)
    start = 0
    for i, g in enumerate(gain.tolist()):
        if cur <= 0:
            cur, start = g, i
        else:
            cur += g
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def _window_mean(values: np.ndarray, k: int) -> np.ndarray:
    """Mean of the k lines before and the k after each line (the line itself left out)."""
    n = len(values)
    padded = np.concatenate([np.zeros(k), values, np.zeros(k)])
    csum = np.concatenate([[0.0], np.cumsum(padded)])
    total = csum[2 * k + 1 : 2 * k + 1 + n] - csum[0:n] - values
    ones = np.concatenate([np.zeros(k), np.ones(n), np.zeros(k)])
    ocum = np.concatenate([[0.0], np.cumsum(ones)])
    count = ocum[2 * k + 1 : 2 * k + 1 + n] - ocum[0:n] - 1
    return total / np.maximum(count, 1)


def feature_matrix(doc: Document, lines: list[Line], recurring: np.ndarray | None = None) -> np.ndarray:
    """One row of `FEATURES` per line of `lines` (`recurring`: share of a run's files with the line)."""
    n = len(lines)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    col = _INDEX
    doc_lang = doc.lang
    seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.key] = counts.get(ln.key, 0) + 1
    block_sizes: dict[int, int] = {}
    for ln in lines:
        block_sizes[ln.block] = block_sizes.get(ln.block, 0) + 1
    # One tuple per line, written to the matrix at once: numpy item writes and per-feature appends
    # cost more than the features themselves.
    rows: list[tuple] = []
    kind_cells: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        text = ln.text
        nchar = len(text)
        words = _WORDS.findall(text)
        nw = len(words)
        if ln.words > nw + 2 and _NO_SPACE_SCRIPT.search(text):
            nw = ln.words  # the estimate line_table made for a script without spaces
        if nw:
            lows = list(map(str.lower, words))
            lang = _line_lang(ln.segments, doc_lang)
            if lang in NO_SPACE_LANGS:
                sw = stopword_share_of_words(words, lang)
            else:
                sw = sum(map(stopword_set(lang).__contains__, lows)) / nw
            title = sum(map(str.istitle, words)) / nw
            site = sum(map(_SITE_WORDS.__contains__, lows)) / nw
            upper = sum(map(str.isupper, words)) / nw
        else:
            sw = title = site = upper = 0.0
        last = text[-1]
        terminal = last in _TERMINAL
        key = ln.key
        repeat_later = bool(key) and key in seen
        if key and not repeat_later:
            seen[key] = i
        rows.append((
            nchar, nw, sw, terminal, last == ":", title,
            len(_DIGIT.findall(text)) / nchar, len(_SYMBOL.findall(text)) / nchar, ln.date, repeat_later,
            bool(key) and counts[key] > 1, block_sizes[ln.block], _BULLET.match(text) is not None,
            text.endswith(_ELLIPSES), len(ln.segments), _SEPARATOR.search(text) is not None,
            nw >= 6 and sw >= 0.1 and (terminal or nw >= 20), nw <= 3, sw * min(nw, 30) / 30,
            site, upper, last == "?", ("://" in text or "www." in text or "@" in text),
            nw >= 12 and (last.isalpha() or last in ",’'"),
        ))
        if ln.kind is not None:
            kind_cells.append((i, col[_KIND_FEATURE[ln.kind]]))
    x[:, _LOOP_COLUMNS] = np.array(rows, dtype=float)
    # Counts became log scales here, for all lines at once.
    for name, scale in (("log_chars", 5), ("log_words", 3), ("block_lines", 3), ("sentences", 2)):
        x[:, col[name]] = np.log1p(x[:, col[name]]) / scale
    for cell in kind_cells:
        x[cell] = 1.0
    if recurring is not None:
        x[:, col["recurring"]] = recurring
    x[:, 0] = 1.0
    x[:, col["position"]] = np.arange(n) / max(1, n - 1)
    prose = x[:, col["prose"]]
    chars = np.array([len(ln.text) for ln in lines], dtype=float)
    lo, hi = _core(prose, chars)
    idx = np.arange(n)
    x[:, col["in_core"]] = (idx >= lo) & (idx <= hi)
    x[:, col["before_core"]] = idx < lo
    x[:, col["after_core"]] = idx > hi
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0))
    x[:, col["core_distance"]] = np.log1p(dist) / 3
    x[:, col["context_prose"]] = _window_mean(prose, 2)
    x[:, col["context_length"]] = _window_mean(x[:, col["log_chars"]], 2)
    x[1:, col["prev_prose"]] = prose[:-1]
    x[:-1, col["next_prose"]] = prose[1:]
    x[:, col["short_in_core"]] = x[:, col["short"]] * x[:, col["in_core"]]
    x[:, col["neighbour_short_run"]] = _window_mean(x[:, col["short"]], 3)
    kinds = np.zeros(n)
    for i, _ in kind_cells:
        kinds[i] = 1.0
    x[:, col["any_kind"]] = kinds
    x[0, col["first_line"]] = 1.0
    x[:, col["char_position"]] = (np.cumsum(chars) - chars) / max(1.0, chars.sum())
    tlo, thi = _core(prose, chars, penalty=150.0)
    x[:, col["in_tight_core"]] = (idx >= tlo) & (idx <= thi)
    x[:, col["core_position"]] = np.clip((idx - lo) / max(1, hi - lo), -1, 2) / 2
    x[:, col["prose_near_1"]] = _window_mean(prose, 1)
    x[:, col["prose_near_5"]] = _window_mean(prose, 5)
    x[:, col["short_near_8"]] = _window_mean(x[:, col["short"]], 8)
    x[:, col["prose_above"]] = _distance_to(prose, forward=False)
    x[:, col["prose_below"]] = _distance_to(prose, forward=True)
    for name, src, shift in (("prev_stopwords", "stopwords", 1), ("next_stopwords", "stopwords", -1),
                             ("prev_words", "log_words", 1), ("next_words", "log_words", -1),
                             ("prev_terminal", "ends_terminal", 1), ("next_terminal", "ends_terminal", -1)):
        _shifted(x[:, col[name]], x[:, col[src]], shift)
    _shifted(x[:, col["prev_kind"]], kinds, 1)
    _shifted(x[:, col["next_kind"]], kinds, -1)
    blocks = np.array([ln.block for ln in lines])
    _, inverse, block_count = np.unique(blocks, return_inverse=True, return_counts=True)
    x[:, col["block_prose"]] = np.bincount(inverse, weights=prose)[inverse] / block_count[inverse]
    from .title import find_title  # title finding reads the columns above

    title, repeats = find_title(lines, x)
    if title is not None:
        x[title, col["is_title"]] = 1.0
        x[:title, col["before_title"]] = 1.0
        for i in repeats:
            x[i, col["title_repeat"]] = 1.0
    return x


def _shifted(out: np.ndarray, values: np.ndarray, shift: int) -> None:
    """out[i] = values[i - shift] (the previous line's value for shift 1, the next line's for -1)."""
    if shift > 0:
        out[shift:] = values[:-shift]
    else:
        out[:shift] = values[-shift:]


def _distance_to(flag: np.ndarray, forward: bool) -> np.ndarray:
    """For each line, log distance (in lines) to the nearest flagged line above (or below); 1 if none."""
    n = len(flag)
    idx = np.arange(n)
    if forward:
        pos = np.where(flag > 0, idx, n + 50)
        nearest = np.minimum.accumulate(pos[::-1])[::-1]
        shifted = np.concatenate([nearest[1:], [n + 50]])
        dist = shifted - idx
    else:
        pos = np.where(flag > 0, idx, -50)
        nearest = np.maximum.accumulate(pos)
        shifted = np.concatenate([[-50], nearest[:-1]])
        dist = idx - shifted
    return np.minimum(np.log1p(dist) / 4, 1.0)
