"""The shipped model: loads offline in milliseconds and separates abuse from ordinary comments."""

from __future__ import annotations

import time

import numpy as np
import pytest

from majlis.domain import Category
from majlis.screening import Screener
from majlis.screening.reading import read
from majlis.screening.classifier import REJECT_LINE, REVIEW_LINE, ClassifierStage, LinearModel, calibrated
from majlis.screening.context import ScreenContext
from majlis.screening.features import DIMENSIONS, featurise
from majlis.screening.normalise import normalise


def test_model_ships_and_loads_fast() -> None:
    started = time.perf_counter()
    model = LinearModel.load()
    assert time.perf_counter() - started < 2.0
    assert model.weights.shape == (DIMENSIONS, len(model.heads))
    assert "toxic" in model.heads and "spam" in model.heads
    assert model.meta["calibration"]


@pytest.mark.parametrize(
    ("toxic", "clean"),
    [
        ("you are a worthless piece of garbage, shut your filthy mouth", "the council will publish the budget on tuesday"),
        ("يا حيوان يا وسخ الله يلعنك", "الحكومة تعد بمشروع جديد لنقل المياه من النهر"),
        ("seni gidi şerefsiz aşağılık herif", "belediye köprünün yeniden açılacağını söyledi"),
        ("خفه شو بیشعور کثافت", "شهرداری گفت پل هفته آینده باز می شود"),
    ],
)
def test_model_ranks_abuse_above_ordinary_comments(toxic: str, clean: str) -> None:
    model = LinearModel.load()
    assert model.predict(normalise(toxic).text).toxic > model.predict(normalise(clean).text).toxic


def test_categories_form_a_distribution() -> None:
    prediction = LinearModel.load().predict("you idiot")
    assert sum(prediction.categories.values()) == pytest.approx(1.0)
    assert 0 <= prediction.toxic <= 1 and 0 <= prediction.spam <= 1


def test_features_are_normalised_and_stable() -> None:
    indices, values = featurise("the bridge reopened the bridge")
    assert np.all(indices < DIMENSIONS)
    assert float(np.dot(values, values)) == pytest.approx(1.0, rel=1e-5)
    again, _ = featurise("the bridge reopened the bridge")
    assert np.array_equal(indices, again)
    assert featurise("")[0].size == 0


def test_pictographs_are_features_whatever_their_skin_tone() -> None:
    plain, _ = featurise("the minister 🖕")
    assert len(plain) > len(featurise("the minister")[0])
    assert np.array_equal(featurise("the minister 🖕🏻")[0], featurise("the minister 🖕🏿")[0])
    assert not np.array_equal(plain, featurise("the minister 👍")[0])
    assert featurise("🔪🔪")[0].size > 0  # a comment of pictographs alone is still read


def test_calibration_is_monotone_and_puts_the_knots_on_the_lines() -> None:
    knots = (0.4, 0.9)
    assert calibrated(0.4, knots) == pytest.approx(REVIEW_LINE)
    assert calibrated(0.9, knots) == pytest.approx(REJECT_LINE)
    points = [calibrated(p, knots) for p in np.linspace(0, 1, 101)]
    assert points == sorted(points) and points[0] == 0 and points[-1] == pytest.approx(1.0)


def test_model_defers_to_listed_evidence_for_the_category() -> None:
    stage = ClassifierStage()
    text = "f u c k the council"
    findings = stage.gather(read(text, detect=False), ScreenContext(), {Category.PROFANITY: 0.95})
    top = max((c for c in findings.scores if c is not Category.PROMOTION), key=lambda c: findings.scores[c])
    assert top is Category.PROFANITY is findings.top


def test_save_and_load_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = LinearModel.load()
    path = tmp_path / "model.npz"
    model.save(path)
    again = LinearModel.load(path)
    text = normalise("you are a liar and a fool").text
    assert again.predict(text).toxic == pytest.approx(model.predict(text).toxic, abs=0.02)


def test_scoring_matches_the_documented_features() -> None:
    """`raw` gathers weights and idf in one table; it must equal the weights applied to `featurise`."""
    model = LinearModel.load()
    for text, language in (("the bridge reopened the bridge", "en"), ("جسر المدينة افتتح", "ar"), ("", "")):
        indices, values = featurise(text, language, model.idf)
        expected = values @ model.weights[indices] + model.bias if len(indices) else model.bias
        assert np.allclose(model.raw(text, language), expected, atol=1e-5)


@pytest.mark.parametrize(
    ("text", "language"),
    [("You are a disgrace to your family and a coward", "en"), ("انت حمار وما تفهم شي", "ar"), ("sen sen sen", "tr"),
     ("idiot 🖕", "")],
)
def test_word_weights_share_out_the_score_exactly(text: str, language: str) -> None:
    model = LinearModel.load()
    folded = normalise(text).text
    toxic = model.heads.index("toxic")
    shared = sum(weight for _, _, weight in model.word_weights(folded, language))
    pictographs = "🖕" in text  # their features belong to no word
    logit = float(model.raw(folded, language)[toxic] - model.bias[toxic])
    assert shared == pytest.approx(logit, abs=1e-4) or pictographs and shared < logit


def test_a_comment_the_model_alone_holds_shows_the_words_it_weighed() -> None:
    text = "You are a d1sgrace to your family, a total coward"
    verdict = Screener().screen(text, ScreenContext(language_hint="en"))
    words = [e for e in verdict.evidence if e.source.startswith("model:") and e.end - e.start < len(text)]
    assert verdict.action.value != "approve"
    assert {text[e.start : e.end] for e in words} >= {"d1sgrace", "coward"}  # spans in the original text
    assert all("weighs" in e.detail and e.category is verdict.category for e in words)


def test_a_comment_the_lists_explain_gets_no_word_weights() -> None:
    verdict = Screener().screen("you fucking idiot", ScreenContext(language_hint="en"))
    assert not [e for e in verdict.evidence if "weighs" in e.detail]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Holy shit he is a prophet", "review"),  # plain, aimed at no one: the model is sure, a human decides
        ("Holy sh1t he is a prophet", "reject"),  # a disguised spelling shows the writer knew
        ("Who the fuck are you?", "reject"),  # "you" in the comment: not aimed at no one
        ("holy shit, what an idiot", "reject"),  # an insult beside the swearing
    ],
)
def test_the_model_does_not_overrule_the_cap_on_swearing_aimed_at_no_one(text: str, action: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint="en"))
    assert verdict.action.value == action
    assert verdict.category is not None and verdict.scores[verdict.category] >= REVIEW_LINE


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("This is a stupid policy", "review"),  # strong disagreement with an idea: for a human
        ("What a ridiculous idea", "review"),
        ("The author is a traitor and a liar", "reject"),  # a person, the guidelines' own example
        ("This is a stupid policy, you idiot", "reject"),
    ],
)
def test_the_model_does_not_reject_a_mild_word_that_judges_an_idea(text: str, action: str) -> None:
    verdict = Screener().screen(text, ScreenContext(language_hint="en"))
    assert verdict.action.value == action
