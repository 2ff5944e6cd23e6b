"""Small server-rendered SVG charts for the stats page (no JavaScript, no external assets).

Returned as markup-safe strings built only from numbers and escaped labels."""

from __future__ import annotations

import hashlib
import unicodedata
from html import escape

from markupsafe import Markup

COLOURS = {"approved": "#2e7d32", "pending": "#f9a825", "rejected": "#c62828"}
PALETTE = ["#1a5fb4", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#2e7d32", "#ad1457"]


def stacked_bars(title: str, days: list[str], series: dict[str, dict[str, int]], keys: list[str],
                 names: dict[str, str] | None = None) -> Markup:
    """Per-day stacked bars (one stack per day, one colour per key), with a legend (keys shown by `names`)."""
    names = names or {}
    width, height, left, bottom = 720, 240, 36, 28
    peak = max([sum(series.get(d, {}).get(k, 0) for k in keys) for d in days] + [1])
    step = (width - left) / max(1, len(days))
    bars = []
    for i, day in enumerate(days):
        y = float(height - bottom)
        for key in keys:
            value = series.get(day, {}).get(key, 0)
            h = (height - bottom - 18) * value / peak  # room above the tallest stack for the legend
            if value:
                bars.append(f'<rect x="{left + i * step + 1:.1f}" y="{y - h:.1f}" width="{max(1.0, step - 2):.1f}" '
                            f'height="{h:.1f}" fill="{COLOURS.get(key, "#555")}"><title>{escape(day)} {escape(names.get(key, key))}: {value}</title></rect>')
            y -= h
    labels = [f'<text x="{left + i * step + step / 2:.1f}" y="{height - 10}" font-size="10" text-anchor="middle">{escape(day[5:])}</text>'
              for i, day in enumerate(days) if i % max(1, len(days) // 10) == 0]
    legend, x = [], float(left)
    for key in keys:  # each entry as wide as its name, so that long names do not run into the next
        name = names.get(key, key)
        legend.append(f'<rect x="{x:.1f}" y="0" width="10" height="10" fill="{COLOURS.get(key, "#555")}"/>'
                      f'<text class="legend" x="{x + 14:.1f}" y="9" font-size="11">{escape(name)}</text>')
        x += 14 + label_width(name) * 11 / FONT + 16
    axis = f'<text x="0" y="20" font-size="10">{peak}</text><line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#999"/>'
    # Days run left to right in every language; the direction is fixed so that text anchors do too.
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" direction="ltr">'
                  f'<title>{escape(title)}</title>{"".join(legend)}{axis}{"".join(bars)}{"".join(labels)}</svg>')


FONT = 12  # label size of the horizontal bars, in SVG units
CHAR_WIDTH = 0.62 * FONT  # a generous average glyph width, to reserve room for a label
GAP = 10  # between a label's column and its bar
LABEL_MAX = 260  # the widest label column; longer labels are cut short (the whole label stays in a tooltip)


def label_width(text: str) -> float:
    """An upper estimate of the width of `text` at the labels' size (combining marks take no room)."""
    return CHAR_WIDTH * sum(1 for ch in text if not unicodedata.combining(ch) and ch not in "\u200e\u200f")


def fitted(text: str, room: float) -> str:
    """`text` cut short with an ellipsis so that its estimated width fits in `room`."""
    if label_width(text) <= room:
        return text
    keep = max(1, int(room / CHAR_WIDTH) - 1)
    # A mark of the label's own direction after the ellipsis keeps it at the label's end in a chart of the other direction.
    strong = next((unicodedata.bidirectional(ch) for ch in text if unicodedata.bidirectional(ch) in ("L", "R", "AL")), "L")
    return text[:keep].rstrip() + "…" + ("\u200e" if strong == "L" else "\u200f")


def horizontal_bars(title: str, values: dict[str, int], names: dict[str, str] | None = None,
                    rtl: bool = False) -> Markup:
    """One horizontal bar per label, longest first. The label column is as wide as the longest label
    (up to LABEL_MAX: longer ones are shortened, and clipped to the column so they never run under a
    bar); in right-to-left the labels stand on the right and the bars grow leftwards."""
    names = names or {}
    items = sorted(values.items(), key=lambda kv: -kv[1])
    width, row = 720, 26
    height = max(1, len(items)) * row + 10
    peak = max([v for _, v in items] + [1])
    shown = [names.get(label, label) for label, _ in items]
    column = min(LABEL_MAX, max([label_width(s) for s in shown] + [FONT]))
    room = width - column - GAP - 60  # what the bars may take, leaving space for the value after them
    clip = "bars-" + hashlib.sha256(title.encode()).hexdigest()[:10]
    label_x, clip_x = (width, width - column) if rtl else (0, 0)
    parts = [f'<defs><clipPath id="{clip}"><rect x="{clip_x:.1f}" y="0" width="{column:.1f}" height="{height}"/></clipPath></defs>']
    for i, ((label, value), name) in enumerate(zip(items, shown)):
        w = room * value / peak
        bar_x = width - column - GAP - w if rtl else column + GAP
        value_x = bar_x - 6 if rtl else bar_x + w + 6
        parts.append(f'<text class="label" x="{label_x}" y="{i * row + 17}" font-size="{FONT}" clip-path="url(#{clip})">'
                     f'<title>{escape(name)}</title>{escape(fitted(name, column))}</text>'
                     f'<rect x="{bar_x:.1f}" y="{i * row + 5}" width="{w:.1f}" height="16" fill="{PALETTE[i % len(PALETTE)]}">'
                     f'<title>{escape(name)}: {value}</title></rect>'
                     f'<text class="value" x="{value_x:.1f}" y="{i * row + 17}" font-size="{FONT}">{value}</text>')
    if not items:
        parts.append(f'<text x="{label_x}" y="17" font-size="{FONT}">–</text>')
    # The direction is set on the chart itself: text-anchor "start" is the right end in right-to-left.
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
                  f'direction="{"rtl" if rtl else "ltr"}"><title>{escape(title)}</title>{"".join(parts)}</svg>')


def line(title: str, days: list[str], values: dict[str, int]) -> Markup:
    """A line over the days."""
    width, height, left, bottom = 720, 200, 36, 24
    peak = max(list(values.values()) + [1])
    step = (width - left) / max(1, len(days) - 1)
    points = " ".join(f"{left + i * step:.1f},{height - bottom - (height - bottom - 10) * values.get(d, 0) / peak:.1f}"
                      for i, d in enumerate(days))
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" direction="ltr">'
                  f'<title>{escape(title)}</title><text x="0" y="14" font-size="10">{peak}</text>'
                  f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#999"/>'
                  f'<polyline points="{points}" fill="none" stroke="#1a5fb4" stroke-width="2"/></svg>')
