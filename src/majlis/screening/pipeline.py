"""The screen: runs every stage over a comment and lets the site's policy decide."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Protocol

from majlis.domain import Action, Category
from majlis.screening.context import MODEL_SIGNAL, ScreenContext
from majlis.screening.language import detect_language, load_model
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


class Stage(Protocol):
    """One step of the screen: returns scores per category and the evidence behind them."""

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """Score the text."""
        ...


class Screener:
    """Composes stages; construct once (stages load their data lazily) and reuse."""

    def __init__(self, stages: Sequence[Stage] | None = None) -> None:
        self.stages: list[Stage] = list(stages) if stages is not None else default_stages()

    def screen(self, text: str, context: ScreenContext | None = None) -> Verdict:
        """Score `text` on every category and decide by the context's policy."""
        context = context or ScreenContext()
        started = time.perf_counter()
        detected = detect_language(text, context.language_hint)
        scores = dict.fromkeys(_CATEGORIES, 0.0)
        signals: dict[str, float] = {}
        # Built field by field: `dataclasses.replace` costs several times more, on every comment.
        context = ScreenContext(policy=context.policy, article=context.article, recent=context.recent,
                                author_key=context.author_key, now=context.now,
                                language_hint=detected.language or context.language_hint, found=scores, signals=signals)
        evidence: list[Evidence] = []
        for stage in self.stages:
            stage_scores, stage_evidence = stage.run(text, context)
            for found, score in stage_scores.items():
                scores[found] = max(scores[found], score)
            evidence.extend(stage_evidence)
        action, category = context.policy.decide(scores)
        notes: list[str] = []
        if action is Action.REVIEW and category is None:
            notes.append("the site pre-moderates every comment")
        return Verdict(
            scores=scores,
            evidence=tuple(sorted(evidence, key=lambda e: (e.start, -e.score))),
            language=detected.language,
            language_confidence=detected.confidence,
            action=action,
            category=category,
            risk=blended_risk(max(scores.values()), signals.get(MODEL_SIGNAL)),
            engine_version=ENGINE_VERSION,
            elapsed_ms=(time.perf_counter() - started) * 1000,
            notes=tuple(notes),
        )


    def warm_up(self) -> None:
        """Load every list and model now rather than on the first comment."""
        load_model()  # the texts below may all be placed by their letters and words, without it
        for text in _WARM_UP:
            self.screen(text)


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

    return [LexiconStage(), GroupStage(), PromotionStage(), SpamStage(), ClassifierStage(), RelevanceStage()]


def screen(text: str, context: ScreenContext | None = None) -> Verdict:
    """Screen one text with a default screener (convenient; reuse a `Screener` in a loop)."""
    return Screener().screen(text, context)
