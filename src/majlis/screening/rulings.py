"""Rulings: the caps, raises and exceptions applied to the stages' findings, each named and recorded.

Stages gather evidence (`findings.py`); rules rule on it. A rule is declared once, with a name and
what it reads, in `rulebook.py`, and comes in one of two kinds:

- an `EvidenceRule` weighs each piece of evidence that carries its mark, whatever stage added it
  ("quoted": capped for a human), as soon as the stage has run;
- a `ScoreRule` runs right after the stage named in `after` and moves that stage's scores through
  the `Sheet` (`sheet.cap`, `sheet.lift`), reading what earlier stages found.

Every move that changes a score lands in the verdict as a `Ruling` (name, category, before, after,
reason), so `majlis screen --explain` and the desk can say why a score is what it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from majlis.domain import Category
from majlis.screening.context import ScreenContext
from majlis.screening.findings import Findings
from majlis.screening.reading import Reading
from majlis.screening.verdict import Evidence, Ruling

if TYPE_CHECKING:
    from majlis.screening.lexicon import Match


@dataclass(frozen=True)
class EvidenceRule:
    """Weighs every piece of evidence that carries `mark`: `weigh` returns its new score."""

    name: str
    mark: str
    weigh: Callable[[Evidence], float]
    reason: str  # in plain words, as the moderator reads it: "capped for a human: quoted to condemn it"


@dataclass(frozen=True)
class ScoreRule:
    """Rules on the findings of the stage `after` (and of those in `reads`) once it has run."""

    name: str
    after: str
    reads: tuple[str, ...]
    apply: Callable[[Sheet], None]
    describes: str  # what the rule does, for `analyze` and the docs


Rule = EvidenceRule | ScoreRule


class Sheet:
    """The findings of one screen, stage by stage, as the rules move them; records every move."""

    def __init__(self, reading: Reading, context: ScreenContext,
                 evidence_rules: Sequence[EvidenceRule] = ()) -> None:
        self.reading = reading
        self.context = context
        self.rulings: list[Ruling] = []
        self._evidence_rules = evidence_rules
        self._order: list[str] = []
        self._scores: dict[str, dict[Category, float]] = {}
        self._evidence: dict[str, list[Evidence]] = {}
        self._ties: dict[str, tuple[Category | None, dict[Category, float]]] = {}
        self._signals: dict[str, float] = {}
        self._rule = ""

    def add(self, stage: str, findings: Findings) -> None:
        """Take a stage's findings, weighing its marked evidence by the evidence rules."""
        evidence = findings.evidence
        if self._evidence_rules:
            evidence = [self._weigh(item) if item.marks else item for item in evidence]
        scores = findings.scores
        if findings.from_evidence is not None:
            scores = strongest(evidence, findings.from_evidence)
        self._order.append(stage)
        self._scores[stage] = scores
        self._evidence[stage] = evidence
        if findings.shares:
            self._ties[stage] = (findings.top, findings.shares)
        self._signals.update(findings.signals)

    def _weigh(self, item: Evidence) -> Evidence:
        for rule in self._evidence_rules:
            if rule.mark in item.marks:
                score = rule.weigh(item)
                if score != item.score:
                    subject = self.reading.text[item.start : item.end]
                    self.rulings.append(Ruling(rule.name, item.category, item.score, score, rule.reason, subject))
                    item = replace(item, score=score)
        return item

    def weigh(self, match: Match, marks: tuple[str, ...]) -> float:
        """What the evidence rules make of a list match with these marks (recording nothing)."""
        score = match.entry.severity
        probe = Evidence(match.entry.category, match.start, match.end, "", "", score, marks)
        for rule in self._evidence_rules:
            if rule.mark in marks:
                score = rule.weigh(replace(probe, score=score))
        return score

    def begin(self, rule: str) -> None:
        """Moves from now on are the rule's of this name."""
        self._rule = rule

    def scores(self, stage: str) -> Mapping[Category, float]:
        """A stage's scores as they stand (empty for a stage that did not run)."""
        return self._scores.get(stage, {})

    def evidence(self, stage: str) -> Sequence[Evidence]:
        """A stage's evidence as it stands."""
        return self._evidence.get(stage, [])

    def top(self, stage: str) -> Category | None:
        """The category a stage's tied scores follow (the model's likeliest), if any."""
        tie = self._ties.get(stage)
        return tie[0] if tie is not None else None

    def signal(self, name: str) -> float | None:
        """A signal a stage left (the model's probability), if any."""
        return self._signals.get(name)

    def combined(self, before: str | None = None) -> dict[Category, float]:
        """Each category's highest score over the stages (those that ran before `before`, if given)."""
        found: dict[Category, float] = {}
        for stage in self._order:
            if stage == before:
                break
            for category, score in self._scores[stage].items():
                if score > found.get(category, -1.0):
                    found[category] = score
        return found

    def cap(self, stage: str, category: Category, limit: float, reason: str, subject: str = "",
            carry: bool = True) -> None:
        """Lower a stage's score for `category` to `limit` if it is above it (see `move`)."""
        now = self._scores.get(stage, {}).get(category)
        if now is not None and now > limit:
            self.move(stage, category, limit, reason, subject, carry)

    def lift(self, stage: str, category: Category, floor: float, reason: str, subject: str = "",
             carry: bool = True) -> None:
        """Raise a stage's score for `category` to `floor` if it is below it (see `move`)."""
        if self._scores.get(stage, {}).get(category, 0.0) < floor:
            self.move(stage, category, floor, reason, subject, carry)

    def move(self, stage: str, category: Category, score: float, reason: str, subject: str = "",
             carry: bool = True) -> None:
        """Set a stage's score for `category` and record the move. With `carry`, the stage's evidence
        that carried the old score carries the new one. Moving the stage's top category moves the
        scores tied to it."""
        scores = self._scores.setdefault(stage, {})
        before = scores.get(category, 0.0)
        if score == before:
            return
        scores[category] = score
        if carry:
            self._evidence[stage] = [replace(e, score=score) if e.category is category and e.score == before else e
                                     for e in self._evidence.get(stage, [])]
        tie = self._ties.get(stage)
        if tie is not None and tie[0] is category:
            for other, share in tie[1].items():
                scores[other] = score * share
        self.rulings.append(Ruling(self._rule, category, before, score, reason, subject))

    def cap_signal(self, name: str, limit: float) -> None:
        """Lower a signal to `limit` (the queue's order follows the score it explains)."""
        value = self._signals.get(name)
        if value is not None and value > limit:
            self._signals[name] = limit

    def discard(self, stage: str, drop: Callable[[Evidence], bool]) -> None:
        """Leave out a stage's evidence that a rule found says nothing (its scores stay as they are)."""
        self._evidence[stage] = [item for item in self._evidence.get(stage, []) if not drop(item)]

    def set_signal(self, name: str, value: float) -> None:
        """Set a signal a stage left (a rule that rescored the comment without some words)."""
        if name in self._signals:
            self._signals[name] = value

    def all_evidence(self) -> list[Evidence]:
        """Every stage's evidence, in the order the stages ran."""
        return [item for stage in self._order for item in self._evidence[stage]]


def strongest(evidence: Sequence[Evidence], floor: float) -> dict[Category, float]:
    """Each category's strongest evidence at or above `floor` (none at zero)."""
    scores: dict[Category, float] = {}
    for item in evidence:
        score = item.score
        if score >= floor and score > scores.get(item.category, 0.0):
            scores[item.category] = score
    return scores
