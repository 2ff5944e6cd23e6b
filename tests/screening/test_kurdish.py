"""The project's Kurdish development sets (bench/data/kurdish/dev) as a regression check: what the
lists were tuned on (and the model trained on) must stay caught, and none of its clean comments (hard
negatives included) rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from majlis.domain import Action, Category
from majlis.screening import Screener
from majlis.screening.datasets import written_comments

DEV = Path(__file__).resolve().parents[2] / "bench" / "data" / "kurdish" / "dev"
LISTS_DEV = DEV.parent / "lists_dev"  # Kurmanji comments the lists were tuned on, never trained on
screener = Screener()


@pytest.mark.parametrize(("language", "violating", "acceptable"), [("ckb", 82, 65), ("kmr", 84, 75)])
def test_kurdish_development_set(language: str, violating: int, acceptable: int) -> None:
    verdicts = [(label, screener.screen(text)) for _, label, _, text in written_comments(DEV, language)]
    violations = [v for label, v in verdicts if label != "clean"]
    clean = [v for label, v in verdicts if label == "clean"]
    assert len(violations) == violating and len(clean) == acceptable
    kept = sum(v.action is not Action.APPROVE for v in violations) / len(violations)
    assert kept >= 0.85, kept
    assert not [v for v in clean if v.action is Action.REJECT]
    assert sum(v.language == language for _, v in verdicts) >= 0.95 * len(verdicts)  # detected as this language


def test_the_development_comments_are_training_rows_with_clean_ones_counted_more() -> None:
    from majlis.screening.datasets import KURDISH_CLEAN_COPIES, TRAIN, read_written_kurdish

    rows = read_written_kurdish(DEV)
    assert {r.split for r in rows} == {TRAIN} and {r.language for r in rows} == {"ckb", "kmr"}
    clean = [r for r in rows if r.clean]
    assert len(clean) == 140 * KURDISH_CLEAN_COPIES and len(rows) - len(clean) == 166
    assert any("identity_abuse" in r.labels for r in rows) and any(r.spam for r in rows)



def test_kurmanji_comments_the_lists_were_tuned_on_but_the_model_never_read() -> None:
    """bench/data/kurdish/lists_dev: everyday comments and violations in new turns of phrase (see the
    folder's README section); the model is not trained on them."""
    verdicts = [(label, screener.screen(text)) for _, label, _, text in written_comments(LISTS_DEV, "kmr")]
    violations = [v for label, v in verdicts if label != "clean"]
    clean = [v for label, v in verdicts if label == "clean"]
    assert len(violations) == 25 and len(clean) == 40
    assert sum(v.action is not Action.APPROVE for v in violations) >= 23
    assert not [v for v in clean if v.action is Action.REJECT]


@pytest.mark.parametrize("text", [
    "ئەوە زوڵمە، خەڵک برسییە",  # "that is oppression": زوڵم folds like زۆڵ (bastard) + -م
    "ئەم حکومەتە زوڵم و ستەم لە خەڵک دەکات",
    "زوڵمکارەکان دەبێت دادگایی بکرێن",
])
def test_a_political_comment_about_oppression_is_not_a_personal_attack(text: str) -> None:
    from majlis.screening import ScreenContext

    verdict = Screener().screen(text, ScreenContext(language_hint="ckb"))
    # No list entry reads the word for oppression as an insult; the model alone may still hold one
    # for a human ("the oppressors must be tried"), never reject it.
    assert verdict.action is not Action.REJECT, verdict.scores
    assert not [e for e in verdict.evidence if e.source.startswith("lexicon") and e.category is Category.PERSONAL_ATTACK]
