"""The HTML report: one self-contained file (inline CSS, SVG and a little JS; nothing fetched).

At the top, a summary with charts: where the bytes went (kept, translated, removed by reason), the
languages found, and what became of the foreign segments. Below, each document line by line: the
source text with every segment coloured by its outcome, and beside it what happened (the chrome
reason, the language and action, the translation). Buttons (or `#filter=removed` / `#filter=foreign`
in the address) show only the lines with removed or with foreign segments.

Every segment is a `<span class="seg">` with machine-readable attributes: `data-verdict`
(keep|chrome|foreign), `data-outcome` (kept|chrome|translated|dropped|kept-foreign|tagged),
`data-action` (the foreign action, else empty), `data-reason`, `data-lang`, `data-score`.

>>> from cleanprep.explain.report import ReportData
>>> report = ReportData()
>>> report.add_record({"id": "a", "lang": "en", "source_text": "Home\\nIt rained.", "segments": [
...     {"text": "Home", "line": 0, "block": 0, "lang": "en", "verdict": "chrome", "reason": "nav"},
...     {"text": "It rained.", "line": 1, "block": 0, "lang": "en", "verdict": "keep"}]})
>>> page = render_html(report)
>>> 'data-verdict="chrome"' in page and "<svg" in page and "http" not in page.split("<body")[0]
True
"""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from .. import __version__
from ..languages import AUTO
from ..write import write_atomic
from .page import CSS, SCRIPT
from .report import (
    DROPPED,
    KEPT,
    KEPT_FOREIGN,
    REMOVED,
    REMOVED_CHROME,
    TAGGED,
    TRANSLATED,
    ReportData,
    outcome,
    record_lines,
)
from .svg import Slice, bar_chart, donut, share_bar

KEPT_COLOUR = "#2e7d32"
TRANSLATED_COLOUR = "#1565c0"
DROPPED_COLOUR = "#c62828"
FOREIGN_KEPT_COLOUR = "#00897b"
TAGGED_COLOUR = "#5e35b1"
# Warm shades for the chrome reasons, by rank: removal reads as one family of colour.
CHROME_COLOURS = ("#ef6c00", "#f9a825", "#8d6e63", "#ff8a65", "#d84315", "#ffcc80", "#6d4c41", "#bcaaa4")
LANG_COLOURS = ("#1565c0", "#6a1b9a", "#00838f", "#ad1457", "#4527a0", "#0277bd", "#558b2f", "#5d4037")
OTHER_COLOUR = "#9e9e9e"
OUTCOME_COLOURS = {KEPT: KEPT_COLOUR, TRANSLATED: TRANSLATED_COLOUR, DROPPED: DROPPED_COLOUR,
                   KEPT_FOREIGN: FOREIGN_KEPT_COLOUR, TAGGED: TAGGED_COLOUR,
                   REMOVED_CHROME: CHROME_COLOURS[0]}
# Charts list this many languages (and the pairs table this many pairs); the rest are summed.
TOP_LANGUAGES = 8
TOP_PAIRS = 8


def _kb(n: float) -> str:
    """Bytes for people.

    >>> _kb(950), _kb(12_345), _kb(3_400_000)
    ('950 B', '12.3 kB', '3.40 MB')
    """
    if n >= 1e6:
        return f"{n / 1e6:.2f} MB"
    if n >= 1e3:
        return f"{n / 1e3:.1f} kB"
    return f"{n:.0f} B"


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


def byte_slices(report: ReportData) -> list[Slice]:
    """The bytes chart's slices: kept, translated, foreign kept/tagged, chrome by reason, dropped."""
    parts = report.bytes_by_part
    fixed = [("kept", KEPT_COLOUR), ("translated", TRANSLATED_COLOUR), ("foreign kept", FOREIGN_KEPT_COLOUR),
             ("foreign tagged", TAGGED_COLOUR)]
    slices: list[Slice] = [(name, parts[name], colour) for name, colour in fixed if parts.get(name)]
    chrome = sorted(((k, v) for k, v in parts.items() if k.startswith("chrome")), key=lambda kv: -kv[1])
    for i, (name, value) in enumerate(chrome):
        slices.append((name, value, CHROME_COLOURS[i % len(CHROME_COLOURS)]))
    if parts.get("foreign dropped"):
        slices.append(("foreign dropped", parts["foreign dropped"], DROPPED_COLOUR))
    return slices


def language_slices(report: ReportData) -> list[Slice]:
    """Bytes by language, the target first in green, the largest others after, the rest as 'other'."""
    ranked = [(lang, n) for lang, n in report.bytes_by_lang.most_common() if n > 0]
    top, rest = ranked[:TOP_LANGUAGES], ranked[TOP_LANGUAGES:]
    slices: list[Slice] = []
    others = iter(LANG_COLOURS)
    for lang, n in top:
        if lang == report.target:
            colour = KEPT_COLOUR
        elif lang == "und":
            colour = OTHER_COLOUR
        else:
            colour = next(others, OTHER_COLOUR)
        slices.append((lang, n, colour))
    if rest:
        slices.append((f"{len(rest)} other", sum(n for _, n in rest), OTHER_COLOUR))
    return slices


def foreign_slices(report: ReportData) -> list[Slice]:
    """Foreign segments by what became of them."""
    totals: Counter = Counter()
    for counts in report.foreign_by_pair.values():
        totals.update(counts)
    order = (TRANSLATED, DROPPED, KEPT_FOREIGN, TAGGED)
    return [(kind, totals[kind], OUTCOME_COLOURS[kind]) for kind in order if totals.get(kind)]


def _legend(slices: list[Slice], unit: str = "") -> str:
    total = sum(v for _, v, _ in slices)
    items = "".join(
        f'<li><span class="swatch" style="background:{c}"></span>{escape(name)} '
        f'<span class="fig">{_kb(v) if unit == "bytes" else f"{v:,.0f}"} · {_pct(v, total)}</span></li>'
        for name, v, c in slices
    )
    return f'<ul class="legend">{items}</ul>'


def _cards(report: ReportData, summary: dict[str, Any] | None) -> str:
    total = sum(report.bytes_by_part.values())
    removed = report.removed_bytes
    seg = report.segments_by_outcome
    chrome_bytes = sum(v for k, v in report.bytes_by_part.items() if k.startswith("chrome"))
    cards = [
        ("documents", f"{report.documents_seen:,}",
         f"{report.failed} failed" if report.failed else "all cleaned"),
        ("text in", _kb(report.bytes_in), f"{sum(seg.values()):,} segments"),
        ("kept", _pct(total - removed, total), f"{_kb(total - removed)} of the text"),
        ("chrome removed", f"{seg[REMOVED_CHROME]:,}", f"segments, {_kb(chrome_bytes)}"),
        ("foreign", f"{seg[TRANSLATED] + seg[DROPPED] + seg[KEPT_FOREIGN] + seg[TAGGED]:,}",
         f"{seg[TRANSLATED]} translated, {seg[DROPPED]} dropped"),
    ]
    if summary and summary.get("seconds"):
        speed = _kb(report.bytes_in / summary["seconds"])
        cards.append(("time", f"{summary['seconds']:.1f} s", f"{speed}/s"))
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="label">{escape(k)}</div><div class="big">{escape(v)}</div>'
        f'<div class="sub">{escape(s)}</div></div>'
        for k, v, s in cards
    ) + "</div>"


def _summary(report: ReportData, summary: dict[str, Any] | None) -> str:
    bytes_ = byte_slices(report)
    langs = language_slices(report)
    foreign = foreign_slices(report)
    n_foreign = sum(v for _, v, _ in foreign)
    centre = f"{n_foreign:,}" if n_foreign < 10_000 else f"{n_foreign / 1000:.0f}k"
    foreign_fig = (donut(foreign, label="foreign segments by outcome", centre=centre)
                   + _legend(foreign) if foreign else '<p class="none">No foreign segments.</p>')
    ranked = sorted(report.foreign_by_pair.items(), key=lambda kv: -sum(kv[1].values()))
    pairs = "".join(
        f"<tr><td>{escape(pair)}</td>"
        + "".join(f"<td>{counts.get(k, 0):,}</td>" for k in (TRANSLATED, DROPPED)) + "</tr>"
        for pair, counts in ranked[:TOP_PAIRS]
    )
    if len(ranked) > TOP_PAIRS:
        rest: Counter = Counter()
        for _, counts in ranked[TOP_PAIRS:]:
            rest.update(counts)
        pairs += (f"<tr><td>{len(ranked) - TOP_PAIRS} other pairs</td><td>{rest[TRANSLATED]:,}</td>"
                  f"<td>{rest[DROPPED]:,}</td></tr>")
    head = "<tr><th>pair</th><th>translated</th><th>dropped</th></tr>"
    pair_table = f'<table class="pairs">{head}{pairs}</table>' if pairs else ""
    share = share_bar(bytes_, label="share of bytes kept, translated and removed by reason")
    return f"""<section id="summary">
{_cards(report, summary)}
<div class="charts">
<figure class="wide"><figcaption>Where the bytes went</figcaption>
{share}{_legend(bytes_, "bytes")}</figure>
<figure><figcaption>Languages found <small>(bytes)</small></figcaption>
{bar_chart(langs, width=520, fmt=_kb, label="bytes by language")}</figure>
<figure><figcaption>Foreign segments: translated vs dropped</figcaption>
<div class="donut-row">{foreign_fig}</div>{pair_table}</figure>
</div>
</section>"""


def _attr(value: Any) -> str:
    return escape(str(value if value is not None else ""), quote=True)


def _segment(seg: dict[str, Any]) -> str:
    kind = outcome(seg)
    action = seg.get("action", "") if seg.get("verdict") == "foreign" else ""
    # No title attribute: the page's script makes the tooltip on hover, which keeps big reports small.
    return (f'<span class="seg o-{kind}" data-verdict="{_attr(seg.get("verdict", "keep"))}" '
            f'data-outcome="{kind}" data-action="{_attr(action)}" '
            f'data-reason="{_attr(seg.get("reason", ""))}" '
            f'data-lang="{_attr(seg.get("lang", "und"))}" data-score="{float(seg.get("score", 0)):.2f}">'
            f'{escape(seg.get("text", ""))}</span>')


def _note(seg: dict[str, Any], target: str) -> str:
    """What happened to a segment, for the column beside the source ('' for kept text)."""
    kind = outcome(seg)
    lang = escape(seg.get("lang", "und"))
    reason = escape(seg.get("reason", ""))
    if kind == KEPT:
        return ""
    if kind == REMOVED_CHROME:
        return f'<div class="note"><span class="badge b-chrome">{reason or "chrome"}</span></div>'
    if kind == TRANSLATED:
        return (f'<div class="note"><span class="badge b-translated">{lang} → {escape(target)}</span>'
                f'<div class="translation" lang="{escape(target)}">{escape(seg.get("translation", ""))}</div>'
                f'{_package(seg)}</div>')
    label = {DROPPED: "dropped", KEPT_FOREIGN: "kept", TAGGED: "tagged"}[kind]
    why = f' <span class="why">{reason}</span>' if reason and reason not in (label, "kept", "tagged") else ""
    return f'<div class="note"><span class="badge b-{kind}">{lang} · {label}</span>{why}</div>'


def _package(seg: dict[str, Any]) -> str:
    return f'<div class="package">{escape(seg["package"])}</div>' if seg.get("package") else ""


def _document(index: int, doc: dict[str, Any], target: str) -> str:
    segments = doc["segments"]
    kinds = Counter(outcome(s) for s in segments)
    removed = sum(kinds[k] for k in REMOVED)
    foreign = kinds[TRANSLATED] + kinds[DROPPED] + kinds[KEPT_FOREIGN] + kinds[TAGGED]
    rows = []
    last_block = None
    for line in record_lines(segments):
        line_kinds = {outcome(s) for s in line}
        classes = ["line"]
        if line_kinds & REMOVED:
            classes.append("has-removed")
        if any(s.get("verdict") == "foreign" for s in line):
            classes.append("has-foreign")
        if line_kinds == {KEPT}:
            classes.append("all-kept")
        block = line[0].get("block")
        if last_block is not None and block != last_block:
            classes.append("block-start")
        last_block = block
        notes = "".join(_note(s, target) for s in line)
        number = (line[0].get("line") or 0) + 1
        rows.append(f'<div class="{" ".join(classes)}" data-n="{number}">'
                    f'<div class="src">{" ".join(_segment(s) for s in line)}</div>'
                    f'<div class="out">{notes}</div></div>')
    if doc.get("segments_left_out"):
        rows.append(f'<p class="more">… {doc["segments_left_out"]:,} more segments not shown.</p>')
    if doc.get("error"):
        rows.append(f'<p class="error">Failed: {escape(doc["error"])}</p>')
    kept_share = _pct(doc["kept_bytes"], sum(len(s.get("text", "").encode()) for s in segments))
    mini = share_bar([(kind, sum(len(s.get("text", "").encode()) for s in segments if outcome(s) == kind),
                       OUTCOME_COLOURS[kind]) for kind in (KEPT, TRANSLATED, KEPT_FOREIGN, TAGGED,
                                                          REMOVED_CHROME, DROPPED)],
                     height=10, label="this document's bytes by outcome")
    stats = f"kept {kept_share} of {_kb(doc['bytes'])} · {kinds[REMOVED_CHROME]} chrome · {foreign} foreign"
    return (f'<details class="doc" open id="doc-{index}" data-doc-id="{_attr(doc["id"])}" '
            f'data-lang="{_attr(doc["lang"])}" data-removed="{removed}" data-foreign="{foreign}">'
            f'<summary><span class="doc-id">{escape(str(doc["id"]))}</span>'
            f'<span class="lang-tag">{escape(doc["lang"])}</span>'
            f'<span class="doc-stats">{escape(stats)}</span>'
            f'<span class="mini">{mini}</span></summary>'
            f'<div class="lines">{"".join(rows)}</div>'
            f'<p class="empty-note" hidden>No lines match this filter.</p></details>')


def _filters(report: ReportData) -> str:
    keys = "".join(
        f'<span class="chip o-{kind}">{label}</span>'
        for kind, label in ((KEPT, "kept"), (REMOVED_CHROME, "chrome"), (TRANSLATED, "translated"),
                            (DROPPED, "dropped"), (KEPT_FOREIGN, "foreign kept"), (TAGGED, "tagged"))
    )
    return (f'<nav id="filters" aria-label="filters">Show '
            f'<button type="button" data-filter="all" aria-pressed="true">all lines</button>'
            f'<button type="button" data-filter="removed">removed only</button>'
            f'<button type="button" data-filter="foreign">foreign only</button>'
            f'<span id="shown"></span><span class="keys">{keys}</span></nav>')


def render_html(report: ReportData, summary: dict[str, Any] | None = None,
                title: str = "cleanprep report") -> str:
    """The whole report as one HTML string; `summary` is a `RunSummary.to_dict()` for the run's timings."""
    left_out = report.documents_left_out
    shown = (f"showing the first {len(report.documents):,} of {report.documents_seen:,} documents in detail"
             if left_out else f"{report.documents_seen:,} documents")
    docs = "".join(_document(i, d, d.get("target") or report.target) for i, d in enumerate(report.documents))
    target = ("each document's own (auto)" if report.target == AUTO else report.target)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cleanprep {escape(__version__)}">
<title>{escape(title)}</title>
<style>{CSS}</style></head>
<body data-filter="all">
<header class="top"><h1>{escape(title)}</h1>
<p class="meta">{shown} · target language <b>{escape(target)}</b> ·
cleanprep {escape(__version__)}</p></header>
{_summary(report, summary)}
{_filters(report)}
<main id="documents">{docs}</main>
<script>{SCRIPT}</script>
</body></html>
"""


def write_html(path: Path, report: ReportData, summary: dict[str, Any] | None = None,
               title: str = "cleanprep report") -> None:
    """Write the report atomically: a reader never sees half a page."""
    write_atomic(Path(path), render_html(report, summary, title))
