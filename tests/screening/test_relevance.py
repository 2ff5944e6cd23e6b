"""Relevance: off-topic comments go to a human, never to automatic rejection."""

from __future__ import annotations

from majlis.domain import Action, Category
from majlis.screening import ArticleText, ScreenContext, Screener
from majlis.screening.relevance import RelevanceStage

ARTICLE = ArticleText(
    "Old Tigris footbridge reopens after two years of repairs",
    "The pedestrian bridge across the Tigris in the old city reopened on Tuesday after two years of repairs "
    "funded by the provincial council. Engineers replaced the corroded steel cables and rebuilt the walkway, "
    "which had been closed since floods damaged its eastern pier. Shop owners on both banks said the closure "
    "had cut the number of customers by half.",
    "en",
)
OFF_TOPIC = ("Does anyone have a good recipe for chocolate cake with strawberries and cream? "
             "My daughter wants one for her birthday party next week.")


def test_off_topic_comment_scores_high_and_goes_to_review() -> None:
    scores, evidence = RelevanceStage().run(OFF_TOPIC, ScreenContext(article=ARTICLE, language_hint="en"))
    assert scores[Category.OFF_TOPIC] >= 0.8 and evidence
    verdict = Screener().screen(OFF_TOPIC, ScreenContext(article=ARTICLE))
    assert verdict.action is Action.REVIEW and verdict.category is Category.OFF_TOPIC


def test_on_topic_comment_is_not_off_topic() -> None:
    text = "The council took two years to repair the bridge, and the shop owners on the east bank paid for the delay."
    scores, _ = RelevanceStage().run(text, ScreenContext(article=ARTICLE, language_hint="en"))
    assert scores.get(Category.OFF_TOPIC, 0.0) < 0.5


def test_short_reactions_and_missing_articles_are_not_judged() -> None:
    assert RelevanceStage().run("Great reporting, thank you!", ScreenContext(article=ARTICLE))[0] == {}
    assert RelevanceStage().run(OFF_TOPIC, ScreenContext())[0] == {}


def test_off_topic_is_never_rejected_even_at_full_score() -> None:
    from majlis.screening.policy import Policy

    assert Policy().decide({Category.OFF_TOPIC: 1.0}) == (Action.REVIEW, Category.OFF_TOPIC)
    tuned = Policy.from_dict({"thresholds": {"off_topic": {"reject": 0.1, "review": 0.5}}})
    assert tuned.decide({Category.OFF_TOPIC: 1.0})[0] is Action.REVIEW
