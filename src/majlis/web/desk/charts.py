"""Small server-rendered SVG charts for the stats page (no JavaScript, no external assets).

Returned as markup-safe strings built only from numbers and escaped labels."""

from __future__ import annotations

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
            h = (height - bottom - 10) * value / peak
            if value:
                bars.append(f'<rect x="{left + i * step + 1:.1f}" y="{y - h:.1f}" width="{max(1.0, step - 2):.1f}" '
                            f'height="{h:.1f}" fill="{COLOURS.get(key, "#555")}"><title>{escape(day)} {escape(names.get(key, key))}: {value}</title></rect>')
            y -= h
    labels = [f'<text x="{left + i * step + step / 2:.1f}" y="{height - 10}" font-size="10" text-anchor="middle">{escape(day[5:])}</text>'
              for i, day in enumerate(days) if i % max(1, len(days) // 10) == 0]
    legend = "".join(f'<rect x="{left + 110 * n}" y="0" width="10" height="10" fill="{COLOURS.get(k, "#555")}"/>'
                     f'<text x="{left + 14 + 110 * n}" y="9" font-size="11">{escape(names.get(k, k))}</text>' for n, k in enumerate(keys))
    axis = f'<text x="0" y="20" font-size="10">{peak}</text><line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#999"/>'
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
                  f'<title>{escape(title)}</title>{legend}{axis}{"".join(bars)}{"".join(labels)}</svg>')


def horizontal_bars(title: str, values: dict[str, int], names: dict[str, str] | None = None) -> Markup:
    """One horizontal bar per label, longest first."""
    names = names or {}
    items = sorted(values.items(), key=lambda kv: -kv[1])
    width, row = 720, 26
    height = max(1, len(items)) * row + 10
    peak = max([v for _, v in items] + [1])
    parts = []
    for i, (label, value) in enumerate(items):
        w = (width - 260) * value / peak
        parts.append(f'<text x="0" y="{i * row + 17}" font-size="12">{escape(names.get(label, label))}</text>'
                     f'<rect x="220" y="{i * row + 5}" width="{w:.1f}" height="16" fill="{PALETTE[i % len(PALETTE)]}">'
                     f'<title>{escape(label)}: {value}</title></rect>'
                     f'<text x="{226 + w:.1f}" y="{i * row + 17}" font-size="12">{value}</text>')
    if not items:
        parts.append('<text x="0" y="17" font-size="12">–</text>')
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
                  f'<title>{escape(title)}</title>{"".join(parts)}</svg>')


def line(title: str, days: list[str], values: dict[str, int]) -> Markup:
    """A line over the days."""
    width, height, left, bottom = 720, 200, 36, 24
    peak = max(list(values.values()) + [1])
    step = (width - left) / max(1, len(days) - 1)
    points = " ".join(f"{left + i * step:.1f},{height - bottom - (height - bottom - 10) * values.get(d, 0) / peak:.1f}"
                      for i, d in enumerate(days))
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
                  f'<title>{escape(title)}</title><text x="0" y="14" font-size="10">{peak}</text>'
                  f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#999"/>'
                  f'<polyline points="{points}" fill="none" stroke="#1a5fb4" stroke-width="2"/></svg>')
