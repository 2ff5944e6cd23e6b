"""What a stage adds to the screen of one comment: scores, evidence and signals, never a ruling.

A stage states what it found (a listed word, a link, the model's probability) and marks the facts
that a ruling may weigh (`QUOTED`: the word stands in quotation marks or in reported speech). The
rulings (`rulebook.py`) then cap, raise or excuse those scores, each by name, in the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from majlis.domain import Category
from majlis.screening.verdict import Evidence

# Marks a stage puts on its evidence, for the rulings to weigh.
AIMED = "aimed"  # said to someone ("you idiot", "fuck you", a Sorani ending that says "you")
QUOTED = "quoted"  # in quotation marks, named as a word being condemned, or a threat in reported speech
UNAIMED_SWEARING = "unaimed-swearing"  # a plainly written expletive aimed at no one ("holy shit")
GUESSED = "guessed"  # one letter and masks ("f***"): the word is a guess
ARABIZI = "arabizi"  # read through a transliteration, which loses letters
GROUP_WITH_INSULT = "group-insult"  # a group named in the sentence of an insult or a threat

MODEL_SIGNAL = "model"  # the model's probability, which orders comments the lists and rules score alike


@dataclass
class Findings:
    """One stage's additions. `scores` are the stage's own per category (the screen keeps each
    category's highest over all stages); with `from_evidence` set, they are instead each category's
    strongest evidence at or above it, counted after the rulings on the evidence, so that a capped
    word no longer holds its category. `top` and `shares` tie scores together: a ruling that moves
    the `top` category's score moves each of `shares` to that score times its share (the model names
    one likeliest category and spreads its score over the others)."""

    scores: dict[Category, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)
    from_evidence: float | None = None
    top: Category | None = None
    shares: dict[Category, float] = field(default_factory=dict)
