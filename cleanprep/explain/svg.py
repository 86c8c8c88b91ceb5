"""Small inline SVG charts for the HTML report: no script, no fonts to fetch, readable when printed.

Each helper takes `(label, value, colour)` slices and returns one `<svg>` element as a string;
every shape carries a `<title>` so hovering shows the exact figure.

>>> svg = share_bar([("kept", 3, "#2e7d32"), ("chrome: nav", 1, "#ef6c00")])
>>> svg.startswith("<svg") and svg.count("<rect") == 2
True
>>> 'width="75.00%"' in svg
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

Slice = tuple[str, float, str]


def _title(label: str, value: float, total: float, unit: str) -> str:
    share = 100 * value / total if total else 0.0
    return f"<title>{escape(label)}: {value:,.0f}{unit} ({share:.1f}%)</title>"


def share_bar(slices: list[Slice], height: int = 28, unit: str = " bytes", label: str = "") -> str:
    """One bar across the full width, split into each slice's share of the total."""
    total = sum(v for _, v, _ in slices)
    parts = []
    x = 0.0
    for name, value, colour in slices:
        if value <= 0 or total <= 0:
            continue
        width = 100 * value / total
        parts.append(f'<rect x="{x:.2f}%" y="0" width="{width:.2f}%" height="{height}" fill="{colour}">'
                     f"{_title(name, value, total, unit)}</rect>")
        x += width
    aria = escape(label or "share of the total")
    return (f'<svg class="chart share" role="img" aria-label="{aria}" width="100%" height="{height}">'
            f'{"".join(parts)}</svg>')


def bar_chart(slices: list[Slice], width: int = 360, bar: int = 18, gap: int = 6, label_width: int = 110,
              unit: str = "", label: str = "", fmt: Callable[[float], str] | None = None) -> str:
    """Horizontal bars in the order given, each labelled on the left and valued on the right.

    `fmt` writes the value beside a bar (default: a short figure followed by `unit`).

    >>> bar_chart([("en", 10, "#1565c0"), ("uk", 5, "#6a1b9a")]).count("<text")
    4
    """
    peak = max((v for _, v, _ in slices), default=0) or 1
    total = sum(v for _, v, _ in slices)
    room = width - label_width - 70
    rows = []
    for i, (name, value, colour) in enumerate(slices):
        y = i * (bar + gap)
        length = max(1.0, room * value / peak)
        mid = y + bar / 2
        rows.append(
            f'<text x="{label_width - 8}" y="{mid:.1f}" text-anchor="end" dominant-baseline="central">'
            f"{escape(name)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" rx="3" fill="{colour}">'
            f"{_title(name, value, total, unit)}</rect>"
            f'<text x="{label_width + length + 6:.1f}" y="{mid:.1f}" dominant-baseline="central" '
            f'class="value">'
            f"{escape(fmt(value) if fmt else _short(value) + unit)}</text>"
        )
    height = max(bar, len(slices) * (bar + gap) - gap)
    aria = escape(label or "bar chart")
    return (f'<svg class="chart bars" role="img" aria-label="{aria}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(rows)}</svg>')


def donut(slices: list[Slice], size: int = 120, thickness: int = 22, label: str = "",
          centre: str = "") -> str:
    """A ring split into slices, with an optional figure in the middle.

    >>> donut([("translated", 3, "#1565c0"), ("dropped", 1, "#c62828")]).count("<path")
    2
    """
    total = sum(v for _, v, _ in slices if v > 0)
    r = (size - thickness) / 2
    c = size / 2
    parts = []
    live = [s for s in slices if s[1] > 0]
    if len(live) == 1 or total <= 0:
        # An arc of 360 degrees is degenerate in SVG; a whole ring is a circle.
        colour = live[0][2] if live else "#ccc"
        tip = _title(live[0][0], live[0][1], total, "") if live else ""
        parts.append(f'<circle cx="{c}" cy="{c}" r="{r}" fill="none" stroke="{colour}" '
                     f'stroke-width="{thickness}">{tip}</circle>')
    else:
        angle = -math.pi / 2
        for name, value, colour in live:
            sweep = 2 * math.pi * value / total
            end = angle + sweep
            x0, y0 = c + r * math.cos(angle), c + r * math.sin(angle)
            x1, y1 = c + r * math.cos(end), c + r * math.sin(end)
            large = 1 if sweep > math.pi else 0
            tip = _title(name, value, total, "")
            parts.append(f'<path d="M {x0:.2f} {y0:.2f} A {r} {r} 0 {large} 1 {x1:.2f} {y1:.2f}" '
                         f'fill="none" stroke="{colour}" stroke-width="{thickness}">{tip}</path>')
            angle = end
    if centre:
        parts.append(f'<text x="{c}" y="{c}" text-anchor="middle" dominant-baseline="central" '
                     f'class="centre">{escape(centre)}</text>')
    aria = escape(label or "ring chart")
    return (f'<svg class="chart donut" role="img" aria-label="{aria}" width="{size}" height="{size}" '
            f'viewBox="0 0 {size} {size}">{"".join(parts)}</svg>')


def _short(value: float) -> str:
    """A figure short enough to sit beside a bar.

    >>> _short(950), _short(12_345), _short(3_400_000)
    ('950', '12.3k', '3.4M')
    """
    if value >= 1e6:
        return f"{value / 1e6:.1f}M"
    if value >= 1e4:
        return f"{value / 1e3:.1f}k"
    return f"{value:,.0f}"
