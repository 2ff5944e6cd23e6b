"""Relevance: does the comment talk about the article? Low relevance sends it to a human, never
to automatic rejection (the policy has no reject threshold for `off_topic`)."""

from __future__ import annotations

from functools import lru_cache

from majlis.domain import Category
from majlis.screening.context import ScreenContext
from majlis.screening.features import words
from majlis.screening.normalise import normalise
from majlis.screening.verdict import Evidence

# Frequent function words of the six languages (folded like comments), never counted as topic words.
STOPWORDS = frozenset(
    """the a an and or but if then so of to in on at by for with from as is are was were be been being
    it its this that these those there here he she they we you i me my your our their his her them us
    not no yes do does did have has had will would can could should may might must just very really
    what which who whom whose when where why how all any some more most other such than too also only
    about into over after before again out up down off own same both each few because while until
    get got like one two think know people dont im ive its thats article news story
    year years time times day days today week month people city country world new good best bad
    great thing things way lot many much well back still even ever never always say said says
    see want need make made take come go going right left last first next other another every
    في من على الى عن مع هذا هذه ذلك التي الذي ان او و ما لا لم لن هو هي هم نحن انت كان كانت قد كل
    بعد قبل عند حتى اذا لكن بين ثم ايضا غير يا اللي مش شو هاد هيك
    و در به از که این آن با برای را تا هم یا اما نه هر یک ما شما او آنها است بود شد می
    ve bir bu da de ile için ama gibi daha çok en ne mi mu o şu ben sen biz siz onlar var yok
    و لە بە بۆ کە ئەم ئەو لەگەڵ یان بەڵام هەموو من تۆ ئێمە ئەوان
    û ji bi di ku ev ew de re jî an lê her ez tu em hûn wan min te""".split()
)
MIN_CONTENT_WORDS = 6
STEM = 6  # compare word beginnings: "budget", "budgets" and "budgetary" meet; "football" is not "footbridge"


@lru_cache(maxsize=1)
def folded_stopwords() -> frozenset[str]:
    """The stop words, folded like comments are."""
    return frozenset(normalise(w).text for w in STOPWORDS)


def content_stems(text: str) -> set[str]:
    """Stems of the content words of a text."""
    stop = folded_stopwords()
    return {w[:STEM] for w in words(normalise(text).text) if len(w) >= 3 and w not in stop}


@lru_cache(maxsize=2048)
def article_stems(title: str, body: str) -> frozenset[str]:
    """Content stems of an article (cached: many comments share an article)."""
    return frozenset(content_stems(title + " " + title + " " + body))


class RelevanceStage:
    """Scores `off_topic` by how few of the comment's content words the article shares."""

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """Off-topic score; no opinion without an article body or for short comments."""
        article = context.article
        if article is None or len((article.title + article.body).split()) < 20:
            return {}, []
        if article.language and context.language_hint and article.language != context.language_hint:
            return {}, []  # lexical overlap cannot judge across languages
        comment = content_stems(text)
        if len(comment) < MIN_CONTENT_WORDS:
            return {}, []
        shared = comment & article_stems(article.title, article.body)
        overlap = len(shared) / len(comment)
        score = max(0.0, 1.0 - overlap / 0.2)
        score *= min(1.0, len(comment) / 10)
        if score < 0.5:
            return {Category.OFF_TOPIC: score}, []
        detail = f"{len(shared)} of {len(comment)} content words appear in the article"
        return {Category.OFF_TOPIC: score}, [Evidence(Category.OFF_TOPIC, 0, len(text), "rule:relevance", detail, score)]
