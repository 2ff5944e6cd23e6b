"""The project's sentences about groups (bench/data/identity): a group's name alone is not taken for
abuse, and an attack on a group is kept from publication whichever group it names."""

from __future__ import annotations

from pathlib import Path

from majlis.domain import Action
from majlis.screening import Screener
from majlis.screening.datasets import identity_sentences

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "identity"
screener = Screener()


def test_every_template_names_each_of_twenty_groups_in_six_languages() -> None:
    neutral = identity_sentences(DATA, "neutral")
    hateful = identity_sentences(DATA, "hateful")
    assert len(neutral) == 6 * 6 * 20 and len(hateful) == 6 * 3 * 20
    assert {language for language, _, _ in neutral} == {"en", "ar", "tr", "fa", "ckb", "kmr"}


def test_naming_a_group_is_not_abuse_and_attacking_one_is() -> None:
    neutral = [screener.screen(text) for _, _, text in identity_sentences(DATA, "neutral")]
    hateful = [screener.screen(text) for _, _, text in identity_sentences(DATA, "hateful")]
    assert not [v for v in neutral if v.action is Action.REJECT]
    assert sum(v.action is Action.REVIEW for v in neutral) <= 0.15 * len(neutral)
    assert sum(v.action is not Action.APPROVE for v in hateful) >= 0.9 * len(hateful)
