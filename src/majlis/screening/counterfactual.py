"""The counterfactual spread: the same neutral or positive sentence with one group's name swapped for
another's should get the same risk. Per template, the spread is the highest risk over the group
names minus the lowest; a language's worst and mean spread are over its templates.

The sentences are the project's (bench/data/identity, one `<language>.json` each: `groups` and the
templates of `neutral` and `positive`, each with a `{g}` slot).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PARTS = ("neutral", "positive")


@dataclass(frozen=True)
class Spread:
    """One language's spreads over its templates."""

    language: str
    templates: int
    worst: float
    mean: float
    worst_template: str

    def to_dict(self) -> dict[str, Any]:
        """For `--format json`."""
        return {"templates": self.templates, "worst": self.worst, "mean": self.mean,
                "worst_template": self.worst_template}


def template_spread(template: str, groups: list[str], risk: Callable[[str], float]) -> float:
    """Highest minus lowest risk of the template over the group names."""
    risks = [risk(template.format(g=group)) for group in groups]
    return max(risks) - min(risks)


def spreads(folder: Path, risk: Callable[[str], float], languages: set[str] | None = None) -> dict[str, Spread]:
    """Every language's spread (only `languages`, if given)."""
    found = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        language = str(data["language"])
        if languages is not None and language not in languages:
            continue
        templates = [t for part in PARTS for t in data.get(part, [])]
        if not templates:
            continue
        values = [template_spread(t, list(data["groups"]), risk) for t in templates]
        worst = max(range(len(values)), key=values.__getitem__)
        found[language] = Spread(language, len(values), values[worst], sum(values) / len(values), templates[worst])
    return found
