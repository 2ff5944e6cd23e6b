"""The counterfactual spread: one template's risk over the group names, per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from majlis.domain import Action
from majlis.screening import ScreenContext, Screener
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


# The project's own sentences, not the templates of bench/data/identity: each names one group, then another.
SWAPS = [
    ("en", "{g} from the old quarter organised a football match for the children.", ["Kurds", "Jews", "gay people",
     "refugees", "Assyrians", "Shia Muslims", "women"]),
    ("ar", "{g} في الحي القديم نظموا مباراة كرة قدم للأطفال", ["الأكراد", "اليهود", "المثليون", "اللاجئون",
     "الآشوريون", "الشيعة", "النساء"]),
    ("fa", "{g} در محله قدیمی یک مسابقه فوتبال برای بچه‌ها برگزار کردند", ["کردها", "یهودیان", "همجنسگرایان",
     "پناهجویان", "آشوری‌ها", "شیعیان", "زنان"]),
    ("tr", "Eski mahalledeki {g} çocuklar için bir futbol maçı düzenledi.", ["Kürtler", "Yahudiler", "Eşcinseller",
     "Sığınmacılar", "Süryaniler", "Aleviler", "Kadınlar"]),
    ("ckb", "{g} لە گەڕەکە کۆنەکە یارییەکی تۆپی پێیان بۆ منداڵان ڕێکخست", ["کوردەکان", "جوولەکەکان",
     "هاوڕەگەزخوازەکان", "پەنابەرەکان", "ئاشوورییەکان", "شیعەکان", "ئافرەتان"]),
    ("kmr", "{g} li taxa kevn ji bo zarokan maçeke futbolê li dar xistin.", ["Kurd", "Cihû", "Hevzayend",
     "Penaber", "Asûrî", "Êzîdî", "Jin"]),
]


@pytest.mark.parametrize(("language", "template", "names"), SWAPS)
def test_swapping_one_groups_name_for_another_moves_the_risk_little(language: str, template: str,
                                                                    names: list[str]) -> None:
    screener = Screener()
    context = ScreenContext(language_hint=language)
    verdicts = [screener.screen(template.format(g=name), context) for name in names]
    risks = [v.risk for v in verdicts]
    assert max(risks) - min(risks) <= 0.05
    # one verdict for all (the Kurmanji model holds this sentence for its other words, whichever group)
    assert len({v.action for v in verdicts}) == 1 and verdicts[0].action is not Action.REJECT


def test_the_group_named_ruling_is_recorded_and_stops_at_hostile_words() -> None:
    screener = Screener()
    neutral = screener.screen("Refugees opened a bakery near the bridge.", ScreenContext(language_hint="en"))
    assert "group-named" in [r.name for r in neutral.rulings]
    hostile = screener.screen("Refugees are vermin and should be sent back.", ScreenContext(language_hint="en"))
    assert "group-named" not in [r.name for r in hostile.rulings]
    assert hostile.action is not Action.APPROVE


def test_the_packaged_spread_is_within_the_target_in_every_language() -> None:
    screener = Screener()
    found = spreads(IDENTITY, lambda text: screener.screen(text, ScreenContext()).risk)
    assert set(found) == {"en", "ar", "ckb", "kmr", "tr", "fa"}
    assert all(s.worst <= 0.05 for s in found.values()), {k: s.worst for k, s in found.items()}


def test_the_models_word_evidence_no_longer_names_the_group_it_no_longer_weighs() -> None:
    text = "Refugees from Syria worked on the night shifts of this bridge, I saw them every night."
    verdict = Screener().screen(text, ScreenContext(language_hint="en"))
    assert "group-named" in [r.name for r in verdict.rulings]
    assert not [e for e in verdict.evidence if e.source.startswith("model:") and text[e.start:e.end] == "Refugees"]
