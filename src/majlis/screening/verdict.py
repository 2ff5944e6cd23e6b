"""What the screen returns: per-category scores, evidence spans into the original text, a decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from majlis.domain import Action, Category


@dataclass(frozen=True)
class Evidence:
    """One reason behind a score: a span of the ORIGINAL text and what fired on it."""

    category: Category
    start: int
    end: int
    source: str  # the rule or model that fired, e.g. "lexicon:en", "model:linear", "rule:url"
    detail: str  # what matched, normalised (a word, a domain, a near-duplicate's id)
    score: float
    # Facts a stage marked for the rulings to weigh ("quoted", "aimed"; findings.py): not stored,
    # as the verdict's rulings say what came of them.
    marks: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"category": self.category.value, "start": self.start, "end": self.end, "source": self.source,
                "detail": self.detail, "score": self.score}


@dataclass(frozen=True)
class Ruling:
    """A rule that moved a score after the evidence was in (rulings.py): which, on what, and why."""

    name: str  # the rule, e.g. "quoted-speech"
    category: Category
    before: float
    after: float
    reason: str  # in plain words: "capped for a human: quoted or reported, perhaps to condemn it"
    subject: str = ""  # what it ruled on: the words of the comment, or "model" for the model's score

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"name": self.name, "category": self.category.value, "before": round(self.before, 4),
                "after": round(self.after, 4), "reason": self.reason, "subject": self.subject}


@dataclass(frozen=True)
class Verdict:
    """The screen's answer for one comment."""

    scores: dict[Category, float]
    evidence: tuple[Evidence, ...]
    language: str
    language_confidence: float
    action: Action
    category: Category | None  # the guideline behind a reject or a review, if any
    risk: float  # orders the moderation queue: top category score blended with the model's probability
    engine_version: str
    elapsed_ms: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)
    rulings: tuple[Ruling, ...] = field(default_factory=tuple)  # in the order they were applied

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, stored with the comment and shown to moderators."""
        return {
            "scores": {c.value: round(s, 4) for c, s in self.scores.items()},
            "evidence": [e.to_dict() for e in self.evidence],
            "language": self.language,
            "language_confidence": round(self.language_confidence, 4),
            "action": self.action.value,
            "category": self.category.value if self.category else None,
            "risk": round(self.risk, 4),
            "engine_version": self.engine_version,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "notes": list(self.notes),
            "rulings": [r.to_dict() for r in self.rulings],
        }
