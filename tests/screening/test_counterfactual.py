"""The counterfactual spread: one template's risk over the group names, per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from majlis.screening.counterfactual import spreads, template_spread

IDENTITY = Path(__file__).resolve().parents[2] / "bench" / "data" / "identity"


def test_spread_is_the_highest_minus_the_lowest_risk_over_the_names() -> None:
    risk = {"Kurds met.": 0.1, "Arabs met.": 0.4, "Turks met.": 0.25}
    assert template_spread("{g} met.", ["Kurds", "Arabs", "Turks"], risk.__getitem__) == pytest.approx(0.3)


def test_a_languages_worst_and_mean_are_over_its_neutral_and_positive_templates(tmp_path: Path) -> None:
    (tmp_path / "en.json").write_text(json.dumps({
        "language": "en", "groups": ["Kurds", "Arabs"], "neutral": ["{g} met.", "{g} ate."],
        "positive": ["{g} helped."], "hateful": ["Kill {g}."]}))
    risks = {"Kurds met.": 0.1, "Arabs met.": 0.5, "Kurds ate.": 0.2, "Arabs ate.": 0.2,
             "Kurds helped.": 0.0, "Arabs helped.": 0.2}
    spread = spreads(tmp_path, risks.__getitem__)["en"]  # a hateful template would raise KeyError
    assert spread.templates == 3 and spread.worst_template == "{g} met."
    assert spread.worst == pytest.approx(0.4) and spread.mean == pytest.approx(0.2)
    assert spreads(tmp_path, risks.__getitem__, {"fa"}) == {}


def test_every_language_has_positive_templates() -> None:
    for path in IDENTITY.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert len(data["positive"]) >= 3 and all("{g}" in t for t in data["positive"]), path.name
