"""Relevance: is the comment about something else than the story? Only positive evidence counts: the
comment names subjects (data/concepts.tsv, in the six languages and both scripts) that the story's
title and body do not, and shares no word with them once both are folded and lightly stemmed (across
scripts, by consonant skeleton). A comment that names no subject (a reaction, a question about the
story, dialect or Latin script the lists do not cover) gets no opinion: shortness or an unfamiliar
spelling is never a reason to hold it. Off-topic only ever sends to a human (the policy has no reject
threshold for `off_topic`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from majlis.domain import Category
from majlis.screening.arabizi import arabic_skeleton, latin_skeleton
from majlis.screening.context import ScreenContext
from majlis.screening.endings import light_stem
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
    û ji bi di ku ev ew de re jî an lê her ez tu em hûn wan min te kes kesî tişt tiştek çi kengî kî çima
    dizane dizanin heye hene tune nîne pir gelek zêde baş xirab
    kim neden nasıl zaman kadar her hiç herkes kimse şey iyi kötü
    کێ چی کەی بۆچی چۆن هەیە نییە زۆر باش خراپ کەس شت
    کی چی چرا کجا چطور کسی هیچ خیلی خوب بد داره نداره میدونه
    مين شنو ليش وين شلون كيف متى احد شي زين""".split()
)
NEUTRAL = "-"  # places, institutions, groups of people: named under any story, never evidence of another subject
# Subjects a news story is rarely about (a match, a series, something for sale, a birthday): a comment
# naming one under a story that names none of it is about something else, however short it is.
DIVERSIONS = frozenset({"sport", "entertainment", "classifieds", "personal"})
DIVERSION_SCORE = 0.9
MIN_DIVERSION_MENTIONS = 2
# Two news subjects neither named in the story nor sharing a word with it: another story's comment.
MIN_OTHER_SUBJECTS = 2
OTHER_SUBJECT_SCORE = 0.8  # the default review threshold of off_topic: a human looks, nothing is rejected
MIN_ARTICLE_WORDS = 20
MIN_SKELETON = 3
SHORT_FORM = 3  # a form this short must be the whole word (with endings), and is no evidence alone
MIN_LATIN_SHARED = 4
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")  # glued to the front of Arabic-script words
# Endings allowed after a short form (پرد "bridge" in پردەکەی, av in avê), normalised; any other
# continuation makes another word (پل "bridge" is not پلیس "police").
_SHORT_TAIL = re.compile(r"(?:هکه|هکان|کان|که|يهک|يان|ان|ها|ي|ه|ت)*|(?:a|e|ya|ye|yi|yu|i|u|ler|lar|leri|lari|de|da){0,2}")


@dataclass(frozen=True)
class Concepts:
    """The concept list (data/concepts.tsv): one automaton of every form, and each concept's topic."""

    automaton: ahocorasick.Automaton
    topic: Mapping[str, str]


@lru_cache(maxsize=1)
def concept_list() -> Concepts:
    """The packaged concept list: form -> (length, concept, short) and concept -> topic."""
    automaton = ahocorasick.Automaton()
    topic: dict[str, str] = {}
    for row in data_rows("concepts.tsv"):
        concept = row.pop("concept")
        topic[concept] = row.pop("topic") or NEUTRAL
        for forms in row.values():
            for form in (forms or "").split(","):
                key = normalise(form.strip()).text
                if key:
                    automaton.add_word(key, (len(key), concept, len(key) <= SHORT_FORM))
    automaton.make_automaton()
    return Concepts(automaton, topic)


def concept_automaton() -> ahocorasick.Automaton:
    """The concept list as one automaton: form -> (length, concept, short)."""
    return concept_list().automaton


def concept_hits(folded: str) -> list[tuple[str, bool]]:
    """The news concepts a folded text names, in any of the six languages, each with whether it was
    named by a long form: a form of four letters or more begins a word (or follows an Arabic clitic
    that does), a shorter one is the whole word with at most a few endings; where several forms begin
    at one place, the longest counts. Short forms are often other words too ("mala we ava", may your
    home prosper, is not Kurmanji `av` water): they are evidence of being on topic, not of another."""
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
    return [(concept, length > SHORT_FORM) for length, concept in longest.values()]


def concept_counts(text: str) -> Counter[str]:
    """How often a text names each news concept (`concept_hits`)."""
    return Counter(concept for concept, _ in concept_hits(normalise(text).text))


def concepts_of(text: str, firm: bool = False) -> frozenset[str]:
    """The news concepts a text names; with `firm`, only those named by a long form."""
    return frozenset(concept for concept, long in concept_hits(normalise(text).text) if long or not firm)


def topics_of(concepts: frozenset[str]) -> frozenset[str]:
    """The topics of some concepts, neutral ones left out."""
    topic = concept_list().topic
    return frozenset(topic[c] for c in concepts) - {NEUTRAL}


@lru_cache(maxsize=1)
def folded_stopwords() -> frozenset[str]:
    """The stop words, folded like comments are."""
    return frozenset(normalise(w).text for w in STOPWORDS)


def content_stems(folded: str) -> set[str]:
    """Light stems (`endings.light_stem`) of the content words of a folded text."""
    stop = folded_stopwords()
    return {light_stem(w) for w in words(folded) if len(w) >= 3 and w not in stop}


def skeleton(stem: str) -> str:
    """The consonant skeleton of a stem in either script, for comparing Latin-script Arabic, Kurdish or
    Persian with the story's Arabic script ("hawler" and هەولێر are both h-l-r)."""
    return arabic_skeleton(stem) if ARABIC_LETTER.match(stem) else latin_skeleton(stem)


@dataclass(frozen=True)
class Story:
    """What relevance reads of an article, made once per article (many comments share one)."""

    stems: frozenset[str]
    skeletons: frozenset[str]
    concepts: frozenset[str]
    topics: frozenset[str]
    diversion: bool  # the story is about sport, a series...: a news comment under it is elsewhere
    words: int


@lru_cache(maxsize=2048)
def story_of(title: str, body: str) -> Story:
    """The stems, skeletons, concepts and topics of an article's title and body (cached)."""
    stems = frozenset(content_stems(normalise(title + " " + body).text))
    skeletons = frozenset(s for s in map(skeleton, stems) if len(s) >= MIN_SKELETON)
    counts = concept_counts(title + " " + body)
    topic = concept_list().topic
    # A story is about sport (or a series...) when it names it more than in passing ("rescue teams").
    diversions = {topic[c] for c, n in counts.items() if topic[c] in DIVERSIONS and n >= MIN_DIVERSION_MENTIONS}
    concepts = frozenset(c for c in counts if topic[c] not in DIVERSIONS or topic[c] in diversions)
    topics = topics_of(concepts)
    return Story(stems, skeletons, concepts, topics, bool(diversions), len((title + " " + body).split()))


def shared_words(folded: str, story: Story) -> set[str]:
    """The stems of a folded comment that the story also has, directly or by skeleton across scripts."""
    shared = set()
    for stem in content_stems(folded):
        if len(stem) < MIN_LATIN_SHARED and not ARABIC_LETTER.match(stem):
            continue  # short Latin words are mostly verbs and particles ("kir" did, "kes" anyone)
        if stem in story.stems:
            shared.add(stem)
        elif len(sk := skeleton(stem)) >= MIN_SKELETON and sk in story.skeletons:
            shared.add(stem)
    return shared


class RelevanceStage:
    """Scores `off_topic` when the comment names subjects the story does not (see the module)."""

    name: str = "relevance"
    reads: tuple[str, ...] = ("reading.view", "context.article")
    adds: tuple[str, ...] = ("off_topic",)

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """Off-topic score; no opinion without an article body or when the comment names no subject."""
        article = context.article
        if article is None:
            return Findings()
        story = story_of(article.title, article.body)
        if story.words < MIN_ARTICLE_WORDS:
            return Findings()
        return judge(reading.text, story, reading.folded)

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone

        return run_alone(self, text, context)


def judge(text: str, story: Story, folded: str | None = None) -> Findings:
    """The off-topic finding for a comment (`folded`: its `normalise`d text, if made) under a story."""
    folded = normalise(text).text if folded is None else folded
    hits = concept_hits(folded)
    mine = frozenset(concept for concept, _ in hits)
    other = frozenset(concept for concept, long in hits if long) - story.concepts  # named unambiguously
    topics = topics_of(other)
    if not topics:
        return Findings()
    # News subjects meet by concept (a story on a bridge names river banks: that is no story on banks);
    # sport, series and the like by topic (any club under a match report).
    if mine & story.concepts or topics_of(mine) & story.topics & DIVERSIONS or shared_words(folded, story):
        return Findings({Category.OFF_TOPIC: 0.0})
    if topics & DIVERSIONS:
        score = DIVERSION_SCORE
    elif story.diversion or len({c for c in other if topics_of(frozenset({c}))}) >= MIN_OTHER_SUBJECTS:
        score = OTHER_SUBJECT_SCORE
    else:
        return Findings()
    detail = (f"the comment speaks of {', '.join(sorted(other))} ({', '.join(sorted(topics))}); "
              f"the article of {', '.join(sorted(story.concepts)) or 'other things'}, and they share no word")
    return Findings({Category.OFF_TOPIC: score}, [Evidence(Category.OFF_TOPIC, 0, len(text), "rule:relevance", detail, score)])
