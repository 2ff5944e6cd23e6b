"""The screen: one reading of a comment, the stages' findings on it, the rulings on those, and the
site's policy's decision."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Protocol, cast

from majlis.domain import Action, Category
from majlis.screening.context import ScreenContext
from majlis.screening.decision import decide
from majlis.screening.findings import MODEL_SIGNAL, Findings
from majlis.screening.language import load_model
from majlis.screening.reading import Reading, read
from majlis.screening.rulebook import default_rules
from majlis.screening.rulings import EvidenceRule, Rule, ScoreRule, Sheet
from majlis.screening.stage import EARLIER_SCORES, Stage
from majlis.screening.verdict import Evidence, Verdict

ENGINE_VERSION = "majlis-screen/0.4"
# The risk that orders the queue is the highest category score blended with the model's own
# probability: lists and rules give many comments the same score, and the model tells them apart.
# The weight was chosen on the dev split (docs/quality.md); decisions use the scores alone.
RANK_WEIGHT = 3.0
_CATEGORIES = tuple(Category)  # iterating the enum itself costs a generator step per member
# Comments that reach every list, index and table a screen builds on first use: each language, Arabizi
# digits, a link and a phone number, and an insult said of a group (the group names load only then).
_WARM_UP = (
    "warm up: the council will meet again on Tuesday, see www.example.org or call 0750 123 4567",
    "he called the refugees idiots",
    "الحكومة وعدت بإصلاح الجسر قبل الشتاء",
    "shukran 3ala el ma3loumat ya jama3a",
    "شهرداری باید هزینه تعمیر پل را اعلام کند",
    "Belediye köprü onarımının maliyetini açıklamalı",
    "شارەوانی دەبێت تێچووی چاککردنەوەی پردەکە ئاشکرا بکات",
    "Divê şaredarî lêçûna çêkirina pirê eşkere bike",
)


class LegacyStage(Protocol):
    """A stage written before stages gathered findings: `run(text, context)` returns its scores
    and evidence (the context's `language_hint` is then the comment's language)."""

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """Score the text."""
        ...


class _Adapted:
    """A legacy stage run as a stage that reads the text and adds its scores."""

    reads: tuple[str, ...] = ("reading.text", "reading.language")
    adds: tuple[str, ...] = ()

    def __init__(self, stage: LegacyStage) -> None:
        self.stage = stage
        self.name = type(stage).__name__

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """The legacy stage's scores and evidence."""
        context = ScreenContext(policy=context.policy, article=context.article, recent=context.recent,
                                author_key=context.author_key, now=context.now,
                                language_hint=reading.language or context.language_hint)
        scores, evidence = self.stage.run(reading.text, context)
        return Findings(scores, evidence)


def _as_stage(stage: Stage | LegacyStage) -> Stage:
    """A stage as it is, or a legacy one adapted."""
    if hasattr(stage, "gather"):
        return cast(Stage, stage)
    return _Adapted(stage)


class Screener:
    """Reads a comment once, runs every stage over the reading, applies the rules after each stage
    they rule on, and lets the site's policy decide. Construct once (stages load their data lazily)
    and reuse."""

    def __init__(self, stages: Sequence[Stage | LegacyStage] | None = None, rules: Sequence[Rule] | None = None) -> None:
        chosen = list(stages) if stages is not None else default_stages()
        self.stages: list[Stage] = [_as_stage(stage) for stage in chosen]
        self.rules: list[Rule] = list(rules) if rules is not None else list(default_rules())
        self._evidence_rules = [r for r in self.rules if isinstance(r, EvidenceRule)]
        self._after: dict[str, list[ScoreRule]] = {}
        for rule in self.rules:
            if isinstance(rule, ScoreRule):
                self._after.setdefault(rule.after, []).append(rule)
        self._reads_scores = [EARLIER_SCORES in stage.reads for stage in self.stages]

    def screen(self, text: str, context: ScreenContext | None = None) -> Verdict:
        """Score `text` on every category and decide by the context's policy."""
        context = context or ScreenContext()
        started = time.perf_counter()
        reading = read(text, context.language_hint)
        sheet = Sheet(reading, context, self._evidence_rules)
        nothing: dict[Category, float] = {}
        for stage, reads_scores in zip(self.stages, self._reads_scores):
            sheet.add(stage.name, stage.gather(reading, context, sheet.combined() if reads_scores else nothing))
            for rule in self._after.get(stage.name, ()):
                sheet.begin(rule.name)
                rule.apply(sheet)
        scores = dict.fromkeys(_CATEGORIES, 0.0)
        scores.update(sheet.combined())
        action, category = decide(context.policy, scores)
        notes: list[str] = []
        if action is Action.REVIEW and category is None:
            notes.append("the site pre-moderates every comment")
        return Verdict(
            scores=scores,
            evidence=tuple(sorted(sheet.all_evidence(), key=lambda e: (e.start, -e.score))),
            language=reading.detected,
            language_confidence=reading.confidence,
            action=action,
            category=category,
            risk=blended_risk(max(scores.values()), sheet.signal(MODEL_SIGNAL)),
            engine_version=ENGINE_VERSION,
            elapsed_ms=(time.perf_counter() - started) * 1000,
            notes=tuple(notes),
            rulings=tuple(sheet.rulings),
        )

    def warm_up(self) -> None:
        """Load every list and model now rather than on the first comment."""
        load_model()  # the texts below may all be placed by their letters and words, without it
        for text in _WARM_UP:
            self.screen(text)

    def analyze(self) -> list[str]:
        """The chain, one line per stage and rule: what each reads and adds, and which rules follow
        it; a rule that follows no stage of this screener, or reads one that runs after it, is named
        as such (like spaCy's `analyze_pipes`)."""
        return analyze(self.stages, self.rules)


def analyze(stages: Sequence[Stage], rules: Sequence[Rule]) -> list[str]:
    """A report of the chain of `stages` and `rules` (see `Screener.analyze`); problems start with "!"."""
    lines = [f"rule {r.name}: evidence marked {r.mark!r}: {r.reason}" for r in rules if isinstance(r, EvidenceRule)]
    marks = {r.mark for r in rules if isinstance(r, EvidenceRule)}
    names = [stage.name for stage in stages]
    for at, stage in enumerate(stages):
        lines.append(f"stage {stage.name}: reads {', '.join(stage.reads) or '-'}; adds {', '.join(stage.adds) or '-'}")
        for mark in (a[5:] for a in stage.adds if a.startswith("mark:")):
            if mark not in marks:
                lines.append(f"! stage {stage.name} marks {mark!r}, which no rule weighs")
        for rule in rules:
            if isinstance(rule, ScoreRule) and rule.after == stage.name:
                lines.append(f"  rule {rule.name}: {rule.describes}")
                late = [r for r in rule.reads if r in names and names.index(r) > at]
                if late:
                    lines.append(f"! rule {rule.name} reads {', '.join(late)}, which run after {stage.name}")
    lines += [f"! rule {r.name} follows {r.after!r}, which is not a stage here" for r in rules
              if isinstance(r, ScoreRule) and r.after not in names]
    return lines


def blended_risk(top: float, model: float | None) -> float:
    """The queue's order: the top category score, refined by the model's probability (in [0, 1])."""
    if model is None:
        return top
    return (top + RANK_WEIGHT * model) / (1 + RANK_WEIGHT)


def default_stages() -> list[Stage]:
    """The stages a default screener runs, cheapest first."""
    from majlis.screening.classifier import ClassifierStage
    from majlis.screening.groups import GroupStage
    from majlis.screening.lexicon import LexiconStage
    from majlis.screening.promotion import PromotionStage
    from majlis.screening.relevance import RelevanceStage
    from majlis.screening.spam import SpamStage
    from majlis.screening.threat import ThreatStage

    return [LexiconStage(), GroupStage(), PromotionStage(), SpamStage(), ThreatStage(), ClassifierStage(), RelevanceStage()]


def screen(text: str, context: ScreenContext | None = None) -> Verdict:
    """Screen one text with a default screener (convenient; reuse a `Screener` in a loop)."""
    return Screener().screen(text, context)
