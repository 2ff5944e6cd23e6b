"""How stored text is shown: the same characters, minus what only serves to deceive or deface.

Bidi embeddings, overrides and isolates are removed (a comment's direction comes from `dir="auto"`),
floods of zero-width characters collapse, and stacks of combining marks ("zalgo") are capped at
three per letter. The stored text is never changed; the widget does the same in JavaScript."""

from __future__ import annotations

import re

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
ZERO_WIDTH_FLOOD = re.compile("[\u200b-\u200d\u2060\ufeff]{2,}")
MARK_STACK = re.compile(r"([\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3})"
                        r"[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def for_display(text: str) -> str:
    """The text as it is shown to people."""
    text = BIDI_CONTROLS.sub("", text)
    text = ZERO_WIDTH_FLOOD.sub("", text)
    return MARK_STACK.sub(r"\1", text)
