"""Scoring a labelled set with the screen: ROC AUC and the outcome shares at the policy thresholds."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from majlis.domain import Action, Category
from majlis.screening.verdict import Verdict

CLEAN_LABELS = frozenset({"0", "clean", "false", "not", "none", ""})
LABEL_ALIASES = {"identity_abuse": "abuse", "hate": "abuse", "offensive": "offensive", "1": "offensive"}


@dataclass(frozen=True)
class Example:
    """A labelled text: `labels` is empty for a clean one."""

    text: str
    labels: tuple[str, ...]

    @property
    def violation(self) -> bool:
        """Whether it breaks any guideline."""
        return bool(self.labels)


def parse_label(raw: str) -> tuple[str, ...]:
    """Labels of a row: 0/1, `clean`, a category, or several joined with `|`."""
    parts = [p.strip().lower() for p in str(raw).split("|")]
    if all(p in CLEAN_LABELS for p in parts):
        return ()
    return tuple(LABEL_ALIASES.get(p, p) for p in parts if p not in CLEAN_LABELS)


def read_examples(path: Path) -> list[Example]:
    """Examples from a CSV or JSON Lines file with `text` and `label` fields."""
    rows: Iterable[dict[str, object]]
    if path.suffix in (".jsonl", ".json", ".ndjson"):
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    else:
        rows = csv.DictReader(path.open(encoding="utf-8", newline=""))
    return [Example(str(r["text"]), parse_label(str(r.get("label", "")))) for r in rows]


def roc_auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """ROC AUC by ranks with ties averaged; nan if a class is missing."""
    from majlis.screening.training import auc

    return auc(np.asarray(labels, dtype=int), np.asarray(scores))


def roc_curve(labels: Sequence[bool], scores: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """False and true positive rates over every threshold."""
    y = np.asarray(labels, dtype=bool)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    y = y[order]
    tps = np.concatenate([[0], np.cumsum(y)])
    fps = np.concatenate([[0], np.cumsum(~y)])
    return fps / max(1, fps[-1]), tps / max(1, tps[-1])


@dataclass
class Outcomes:
    """What the policy did with clean comments and with violations."""

    clean: int = 0
    violations: int = 0
    clean_rejected: int = 0
    clean_reviewed: int = 0
    clean_approved: int = 0
    violations_rejected: int = 0
    violations_reviewed: int = 0

    def add(self, example: Example, action: Action) -> None:
        """Count one decision."""
        if example.violation:
            self.violations += 1
            self.violations_rejected += action is Action.REJECT
            self.violations_reviewed += action is Action.REVIEW
        else:
            self.clean += 1
            self.clean_rejected += action is Action.REJECT
            self.clean_reviewed += action is Action.REVIEW
            self.clean_approved += action is Action.APPROVE

    def shares(self) -> dict[str, float]:
        """The figures of docs/quality.md, as fractions."""
        v, c = max(1, self.violations), max(1, self.clean)
        caught = self.violations_rejected + self.violations_reviewed
        precision = self.violations_rejected / max(1, self.violations_rejected + self.clean_rejected)
        recall = self.violations_rejected / v
        return {
            "violations_kept_from_publication": caught / v,
            "violations_rejected": self.violations_rejected / v,
            "clean_rejected": self.clean_rejected / c,
            "clean_sent_to_review": self.clean_reviewed / c,
            "clean_approved": self.clean_approved / c,
            "reject_precision": precision,
            "reject_recall": recall,
            "reject_f1": 2 * precision * recall / max(1e-9, precision + recall),
        }


@dataclass
class Report:
    """Evaluation of one labelled set."""

    examples: int
    auc: float
    outcomes: Outcomes
    category_auc: dict[str, float] = field(default_factory=dict)
    curves: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)


def evaluate(
    examples: Sequence[Example],
    screen: Callable[[str], Verdict],
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Screen every example; AUC of the risk against any violation, and per labelled category."""
    outcomes = Outcomes()
    risks: list[float] = []
    per_category: dict[str, list[float]] = {c.value: [] for c in Category}
    for n, example in enumerate(examples):
        verdict = screen(example.text)
        outcomes.add(example, verdict.action)
        risks.append(verdict.risk)
        for category, score in verdict.scores.items():
            per_category[category.value].append(score)
        if progress:
            progress(n + 1)
    labels = [e.violation for e in examples]
    report = Report(len(examples), roc_auc(labels, risks), outcomes)
    report.curves["any violation"] = roc_curve(labels, risks)
    present = {label for e in examples for label in e.labels}
    for category in Category:
        if category.value in present:
            has = [category.value in e.labels for e in examples]
            report.category_auc[category.value] = roc_auc(has, per_category[category.value])
            report.curves[category.value] = roc_curve(has, per_category[category.value])
    return report
