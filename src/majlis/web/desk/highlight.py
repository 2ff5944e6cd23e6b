"""Split a comment into plain and highlighted segments from the screen's evidence spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    """A run of the comment's text; `category` and `why` when evidence covers it."""

    text: str
    category: str | None = None
    why: str = ""


def segments(text: str, verdict: dict[str, Any] | None, minimum: float = 0.3) -> list[Segment]:
    """The text cut at the evidence spans (whole-comment evidence such as the model's is left out)."""
    spans = []
    for item in (verdict or {}).get("evidence", []):
        start, end = int(item.get("start", 0)), int(item.get("end", 0))
        if item.get("score", 0) < minimum or end <= start or (start == 0 and end >= len(text)):
            continue
        spans.append((max(0, start), min(len(text), end), item))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[Segment] = []
    position = 0
    for start, end, item in spans:
        if start < position:
            continue  # overlapping evidence: the first, longest span shows
        if start > position:
            out.append(Segment(text[position:start]))
        why = f"{item.get('category')} {float(item.get('score', 0)):.2f} · {item.get('source')} · {item.get('detail')}"
        out.append(Segment(text[start:end], str(item.get("category")), why))
        position = end
    if position < len(text):
        out.append(Segment(text[position:]))
    return out
