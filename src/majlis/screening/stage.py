"""What a stage of the screen is: a name, what it reads, what it adds, and `gather`.

Like a spaCy pipeline component, every stage declares what it reads (`reading.matches`,
`context.article`, `scores` for the earlier stages' scores) and what it adds (categories, marks,
signals); `pipeline.analyze` reports the chain. A stage adds evidence and scores only: the caps,
raises and exceptions are rulings (`rulebook.py`), applied after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from majlis.domain import Category
from majlis.screening.context import ScreenContext
from majlis.screening.findings import Findings
from majlis.screening.reading import Reading, read
from majlis.screening.rulings import EvidenceRule, ScoreRule, Sheet
from majlis.screening.verdict import Evidence

EARLIER_SCORES = "scores"  # in `reads`: the stage reads the scores of the stages before it


class Stage(Protocol):
    """One step of the screen."""

    name: str
    reads: tuple[str, ...]
    adds: tuple[str, ...]

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """What the stage finds in one reading (`earlier`: the scores of the stages before it, if it
        reads them)."""
        ...


def run_alone(stage: Stage, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
    """A stage on its own, in the language of the context's hint, with the default rules that rule on
    its findings applied: its scores and evidence (what each stage's `run` returns)."""
    from majlis.screening.rulebook import default_rules  # late: the rules read the stages' modules

    rules = default_rules()
    reading = read(text, context.language_hint, detect=False)
    sheet = Sheet(reading, context, [r for r in rules if isinstance(r, EvidenceRule)])
    sheet.add(stage.name, stage.gather(reading, context, {}))
    for rule in rules:
        if isinstance(rule, ScoreRule) and rule.after == stage.name:
            sheet.begin(rule.name)
            rule.apply(sheet)
    return dict(sheet.scores(stage.name)), list(sheet.evidence(stage.name))
