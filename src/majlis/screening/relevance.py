"""Relevance: does the comment talk about the article? Low relevance sends it to a human, never
to automatic rejection (the policy has no reject threshold for `off_topic`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import ahocorasick

from majlis.domain import Category
from majlis.screening.context import ScreenContext
from majlis.screening.entries import ARABIC_LETTER, data_rows
from majlis.screening.features import words
from majlis.screening.findings import Findings
from majlis.screening.normalise import normalise
from majlis.screening.reading import Reading
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


# Across languages the words differ, so the comparison is of news concepts named in both
# (data/concepts.tsv: "bridge" = جسر = پرد = pira = پل = köprü). A comment must name at least this many
# concepts for an opinion, and then sharing none with the article sends it to a human.
MIN_CONCEPTS = 2
ACROSS_SCORE = 0.8  # the default review threshold of off_topic: a human looks, nothing is rejected
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")  # glued to the front of Arabic-script words
# Endings allowed after a short form (پرد "bridge" in پردەکەی, av in avê), normalised; any other
# continuation makes another word (پل "bridge" is not پلیس "police").
_SHORT_TAIL = re.compile(r"(?:هکه|هکان|کان|که|يهک|يان|ان|ها|ي|ه|ت)*|(?:a|e|ya|ye|yi|yu|i|u|ler|lar|leri|lari|de|da){0,2}")


@lru_cache(maxsize=1)
def concept_automaton() -> ahocorasick.Automaton:
    """The concept list (data/concepts.tsv) as one automaton: form -> (length, concept, short)."""
    automaton = ahocorasick.Automaton()
    for row in data_rows("concepts.tsv"):
        concept = row.pop("concept")
        for forms in row.values():
            for form in (forms or "").split(","):
                key = normalise(form.strip()).text
                if key:
                    automaton.add_word(key, (len(key), concept, len(key) <= 3))
    automaton.make_automaton()
    return automaton


def concepts_of(text: str) -> frozenset[str]:
    """The news concepts a text names, in any of the six languages: a form of four letters or more
    begins a word (or follows an Arabic clitic that does), a shorter one is the whole word with at
    most a few endings; where several forms begin at one place, the longest counts."""
    folded = normalise(text).text
    longest: dict[int, tuple[int, str]] = {}
    for end, (length, concept, short) in concept_automaton().iter(folded):
        start = end - length + 1
        word_start = start
        while word_start > 0 and folded[word_start - 1].isalnum():
            word_start -= 1
        if word_start != start and not (ARABIC_LETTER.match(folded[start]) and folded[word_start:start] in _CLITICS):
            continue
        if short:
            word_end = end + 1
            while word_end < len(folded) and folded[word_end].isalnum():
                word_end += 1
            if not _SHORT_TAIL.fullmatch(folded[end + 1 : word_end]):
                continue
        if length > longest.get(start, (0, ""))[0]:
            longest[start] = (length, concept)
    return frozenset(concept for _, concept in longest.values())


@lru_cache(maxsize=2048)
def article_concepts(title: str, body: str) -> frozenset[str]:
    """Concepts of an article (cached like its stems)."""
    return concepts_of(title + " " + body)


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


@lru_cache(maxsize=2048)
def article_words(title: str, body: str) -> int:
    """How many words an article has (cached: splitting a long body for every comment adds up)."""
    return len((title + body).split())


class RelevanceStage:
    """Scores `off_topic` by how few of the comment's content words the article shares."""

    name: str = "relevance"
    reads: tuple[str, ...] = ("reading.text", "reading.language", "context.article")
    adds: tuple[str, ...] = ("off_topic",)

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """Off-topic score; no opinion without an article body or for short comments."""
        text, language = reading.text, reading.language
        article = context.article
        if article is None or article_words(article.title, article.body) < 20:
            return Findings()
        comment = content_stems(text)
        if len(comment) < MIN_CONTENT_WORDS:
            return Findings()
        if article.language and language and article.language != language:
            return _across_languages(text, article.title, article.body)
        shared = comment & article_stems(article.title, article.body)
        overlap = len(shared) / len(comment)
        score = max(0.0, 1.0 - overlap / 0.2)
        score *= min(1.0, len(comment) / 10)
        if score < 0.5:
            return Findings({Category.OFF_TOPIC: score})
        detail = f"{len(shared)} of {len(comment)} content words appear in the article"
        return Findings({Category.OFF_TOPIC: score}, [Evidence(Category.OFF_TOPIC, 0, len(text), "rule:relevance", detail, score)])

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone

        return run_alone(self, text, context)


def _across_languages(text: str, title: str, body: str) -> Findings:
    """Off-topic across languages, by the concepts named: no opinion when either side names too few."""
    mine, theirs = concepts_of(text), article_concepts(title, body)
    if len(mine) < MIN_CONCEPTS or not theirs:
        return Findings()
    if mine & theirs:
        return Findings({Category.OFF_TOPIC: 0.0})
    detail = (f"across languages: the comment speaks of {', '.join(sorted(mine))}; "
              f"the article of {', '.join(sorted(theirs))}")
    return Findings({Category.OFF_TOPIC: ACROSS_SCORE},
                    [Evidence(Category.OFF_TOPIC, 0, len(text), "rule:relevance-concepts", detail, ACROSS_SCORE)])
