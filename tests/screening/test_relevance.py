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


# The same story told in the other five languages: on topic under the English article.
ON_TOPIC_ELSEWHERE = [
    ("ckb", "پردەکەی سەر دیجلە دوای دوو ساڵ چاککردنەوە کرایەوە، بەڵام بازرگانەکان زیانیان پێگەیشت و کەس قەرەبووی نەکردنەوە"),
    ("kmr", "Pira li ser Dîcleyê piştî du salan vebû, lê bazirganan zirar dîtin û kesî ew qerebû nekirin"),
    ("ar", "افتتح الجسر فوق دجلة بعد سنتين من الصيانة لكن التجار خسروا نصف زبائنهم ولم يعوضهم أحد"),
    ("fa", "پل روی دجله بعد از دو سال تعمیر باز شد ولی مغازه داران نیمی از مشتریان خود را از دست دادند"),
    ("tr", "Dicle üzerindeki köprü iki yıllık onarımdan sonra açıldı ama esnaf müşterilerinin yarısını kaybetti"),
]
# About something else entirely (football in Erbil, prices of bread and fuel), in the same five languages.
OFF_TOPIC_ELSEWHERE = [
    ("ckb", "یاریزانەکانی تیپی هەولێر دوێنێ زۆر باش بوون و دوو گۆڵیان تۆمار کرد، هیوادارم خولەکە ببەنەوە"),
    ("kmr", "Nirxê nan û benzînê dîsa bilind bû, giranî li Hewlêrê her roj zêdetir dibe û kes tiştekî nake"),
    ("ar", "ارتفعت أسعار الخبز والبنزين مرة أخرى في أربيل والغلاء يزيد كل يوم ولا أحد يفعل شيئا"),
    ("fa", "قیمت نان و بنزین دوباره در اربیل بالا رفت و گرانی هر روز بیشتر می شود و کسی کاری نمی کند"),
    ("tr", "Erbil'de ekmek ve benzin fiyatları yine arttı, pahalılık her gün büyüyor ve kimse bir şey yapmıyor"),
]


def test_across_languages_the_same_story_is_on_topic() -> None:
    for language, text in ON_TOPIC_ELSEWHERE:
        scores, _ = RelevanceStage().run(text, ScreenContext(article=ARTICLE, language_hint=language))
        assert scores.get(Category.OFF_TOPIC, 0.0) < 0.5, language


def test_across_languages_another_subject_goes_to_review_with_its_concepts() -> None:
    for language, text in OFF_TOPIC_ELSEWHERE:
        scores, evidence = RelevanceStage().run(text, ScreenContext(article=ARTICLE, language_hint=language))
        assert 0.5 <= scores[Category.OFF_TOPIC] < 0.85, language
        assert "bridge" in evidence[0].detail.split("the article of")[1], evidence
        verdict = Screener().screen(text, ScreenContext(article=ARTICLE))
        # The reason named is the category furthest over its line: off-topic, unless the model also
        # sees something (it puts the Persian complaint about prices just over its review line).
        assert verdict.action is Action.REVIEW and verdict.scores[Category.OFF_TOPIC] >= 0.5, (language, verdict.scores)
        assert verdict.category is Category.OFF_TOPIC or language == "fa", (language, verdict.scores)


def test_across_languages_a_comment_naming_too_little_gets_no_opinion() -> None:
    text = "ئەمە زۆر خراپە و هیچ کەسێک گوێ بە خەڵک نادات، هەموو شتێک وەک خۆی ماوەتەوە بە داخەوە"
    assert RelevanceStage().run(text, ScreenContext(article=ARTICLE, language_hint="ckb"))[0] == {}
