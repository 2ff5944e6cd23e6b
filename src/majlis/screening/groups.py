"""Identity abuse by construction: a group (a people, a faith, women, refugees, ...) named in the same
sentence as an insult, or as a call to harm ("kill all", "must die"). Naming a group is not attacking
it, and an insult alone may be aimed at anyone; the two together are what moderators call identity
abuse, or incitement against a group. The words may still be quoted, denied or reported, so the rule
sends the comment to a human and never rejects it alone."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from majlis.domain import Category
from majlis.screening.aim import reported, sentence_of
from majlis.screening.context import ScreenContext
from majlis.screening.entries import ARABIC_LETTER, data_rows, read_entries
from majlis.screening.findings import GROUP_WITH_INSULT, QUOTED, Findings
from majlis.screening.institutions import institution_spans
from majlis.screening.lexicon import Lexicon, Match
from majlis.screening.normalise import normalise
from majlis.screening.reading import Reading
from majlis.screening.verdict import Evidence

if TYPE_CHECKING:
    from majlis.screening.classifier import LinearModel, Prediction

REVIEW_LINE = 0.5  # the group's evidence counts once a ruling weighs it at the review line or above
INSULT_FLOOR = 0.3  # list entries at least this strong count as insults here, evidence-only ones included
HOSTILE = frozenset({Category.PERSONAL_ATTACK, Category.ABUSE, Category.PROFANITY, Category.THREAT})
# Marks for the rulings: a generalising predicate said of a group named a few words away, or of words
# that stand for one ("those people").
GROUP_GENERALISATION = "group-generalisation"
POINTED_GENERALISATION = "pointed-generalisation"
NEAR = 60  # at most this many characters between a group's name and what is said of it
BESIDE = 3  # a group's name this close to an institution's names the institution ("the Iraqi government")


@lru_cache(maxsize=1)
def group_lexicon() -> Lexicon:
    """The names of groups (data/groups.tsv), compiled once."""
    entries = []
    for row in data_rows("groups.tsv"):
        entries += read_entries(row["language"], [{**row, "category": "abuse", "subtype": "group", "severity": "0"}])
    return Lexicon(entries)


@lru_cache(maxsize=1)
def generalisation_lexicon() -> Lexicon:
    """The parts of the generalisation construction (data/generalisations.tsv), each entry's subtype
    its kind: `predicate`, `attribute`, `pointer`, `framing` or `denial`."""
    entries = []
    for row in data_rows("generalisations.tsv"):
        entries += read_entries(row["language"], [{**row, "category": "abuse", "subtype": row["kind"], "severity": "0"}])
    return Lexicon(entries)


def denials(text: str, language: str) -> frozenset[int]:
    """The sentences of `text` that deny a generalisation ("not all ... are")."""
    return frozenset(sentence_of(text, m.start) for m in generalisation_lexicon().find(text, language=language)
                     if m.entry.subtype == "denial")


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?؟،]|$)")  # a Latin-script attribute ends its clause: "Suriyeliler hırsız."


def _subject(name: str) -> bool:
    """Whether a group's name can be the subject an attribute right after it describes: an Arabic name
    with the article ("اللاجئين حرامية", refugees are thieves; not "لاجئين حرامية", thieving refugees), a
    Turkish one in the plural ("Suriyeliler hırsız"; not "Suriyeli hırsızlar", Syrian thieves)."""
    folded = normalise(name).text
    if ARABIC_LETTER.match(folded):
        return folded.startswith(("ال", "وال", "فال", "لل"))
    if folded.endswith(("ler", "lar")):
        return True
    return folded.isascii() and folded.endswith("s")


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (negative when they overlap)."""
    return max(a[0], b[0]) - min(a[1], b[1])


def people_named(text: str, language: str) -> list[tuple[int, int]]:
    """Where `text` names a group of people, leaving out a group's name that names an institution with
    the word beside it ("the Iraqi government", "حکومەتی عێراق")."""
    institutions = institution_spans(text, language)
    return [g for g in group_spans(text, language)
            if not any(0 <= _gap(g, i) <= BESIDE and sentence_of(text, g[0]) == sentence_of(text, i[0])
                       for i in institutions)]


def generalisations(text: str, matches: tuple[Match, ...], language: str) -> list[Evidence]:
    """A generalising or dehumanising predicate said of a group named near it in its sentence (marked
    `GROUP_GENERALISATION`), else of words that stand for a group (`POINTED_GENERALISATION`, unless the
    sentence names an institution), as evidence for the rulings; marked quoted too when the sentence
    reports or condemns it. Nothing when the sentence denies it ("not all ... are")."""
    found = generalisation_lexicon().find(text, language=language)
    predicates = [m for m in found if m.entry.subtype in ("predicate", "attribute")]
    predicates += [m for m in matches if m.entry.subtype == "dehumanising" and m.entry.category is Category.ABUSE]
    if not predicates:
        return []
    sentences = {kind: {sentence_of(text, m.start) for m in found if m.entry.subtype == kind}
                 for kind in ("framing", "denial")}
    pointers = [(m.start, m.end) for m in found if m.entry.subtype == "pointer"]
    groups = people_named(text, language)
    institutions = {sentence_of(text, i[0]) for i in institution_spans(text, language)}
    for predicate in sorted(predicates, key=lambda m: m.start):
        span, sentence = (predicate.start, predicate.end), sentence_of(text, predicate.start)
        if sentence in sentences["denial"]:
            continue
        if predicate.entry.subtype == "attribute":  # right after the group's name: "اللاجئين حرامية"
            near = [g for g in groups if g[1] <= span[0] and _gap(g, span) <= BESIDE and _subject(text[g[0]:g[1]])
                    and (ARABIC_LETTER.match(text[span[0]:span[1]]) or _CLAUSE_END.match(text, span[1]))]
        else:
            near = [g for g in groups if sentence_of(text, g[0]) == sentence and 0 <= _gap(g, span) <= NEAR]
        mark = GROUP_GENERALISATION
        if not near and sentence not in institutions and predicate.entry.subtype != "attribute":
            near = [p for p in pointers if sentence_of(text, p[0]) == sentence and 0 <= _gap(p, span) <= NEAR]
            mark = POINTED_GENERALISATION
        if not near:
            continue
        who = near[0]
        start, end = min(who[0], span[0]), max(who[1], span[1])
        condemned = sentence in sentences["framing"] or predicate.quoted or reported(text, predicate.start)
        detail = f"{text[who[0]:who[1]]} … {text[span[0]:span[1]]}: " + (
            "a generalisation about a group" if mark == GROUP_GENERALISATION else "a generalisation about \"those people\"")
        marks = (mark, QUOTED) if condemned else (mark,)
        return [Evidence(Category.ABUSE, start, end, "rule:group-generalisation", detail, 0.0, marks)]
    return []


def group_insult(text: str, insults: tuple[Match, ...], language: str) -> list[Evidence]:
    """The first group named in the sentence of an insult (or a threat) that is not quoted, as
    evidence marked for the rulings (`rulebook.GROUP_INSULT` weighs it)."""
    strong = [m for m in insults if m.entry.category in HOSTILE and m.entry.severity >= INSULT_FLOOR and not m.quoted]
    if not strong:
        return []
    for group in group_lexicon().find(text, language=language):
        sentence = sentence_of(text, group.start)
        for insult in strong:
            if sentence_of(text, insult.start) == sentence and not (group.start <= insult.start < group.end):
                start, end = min(group.start, insult.start), max(group.end, insult.end)
                threat = insult.entry.category is Category.THREAT
                detail = (f"{text[group.start:group.end]} … {text[insult.start:insult.end]}: "
                          f"a group named with {'a threat' if threat else 'an insult'}")
                category = Category.THREAT if threat else Category.ABUSE
                return [Evidence(category, start, end, "rule:group-insult", detail, 0.0, (GROUP_WITH_INSULT,))]
    return []


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole words around `text[start:end]` (an Arabic clitic or a dropped hamza included)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


@lru_cache(maxsize=256)
def group_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Where `text` names a group (whole words, merged where they touch or overlap), in order."""
    spans = sorted(_word_bounds(text, m.start, m.end) for m in group_lexicon().find(text, language=language))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def without_groups(text: str, language: str) -> str | None:
    """`text` with every group's name blanked out, or None if it names no group: the same sentence about
    Kurds, Jews or refugees reads the same."""
    spans = group_spans(text, language)
    if not spans:
        return None
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " "]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def masked_prediction(model: LinearModel, reading: Reading) -> Prediction | None:
    """The model's view of the comment with the groups' names blanked out (None: no group named)."""
    masked = without_groups(reading.text, reading.language)
    if masked is None:
        return None
    return model.predict(normalise(masked).text, reading.language)


class GroupStage:
    """Finds a group named with an insult in the lists' matches of the reading."""

    name: str = "groups"
    reads: tuple[str, ...] = ("reading.matches",)
    adds: tuple[str, ...] = ("abuse", "threat", "mark:group-insult", "mark:group-generalisation",
                             "mark:pointed-generalisation", "mark:quoted")

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """Evidence when a group is named with an insult (or a threat); its score is the ruling's."""
        text, language = reading.text, reading.language
        insults = tuple(m for m in reading.matches if m.entry.language != "promotion")
        evidence = generalisations(text, insults, language)
        if not evidence:
            denied = denials(text, language)
            if denied:  # "not all Muslims are terrorists" says nothing against them
                insults = tuple(m for m in insults if m.entry.subtype != "dehumanising"
                                or sentence_of(text, m.start) not in denied)
            evidence = group_insult(text, insults, language)
        return Findings(evidence=evidence, from_evidence=REVIEW_LINE)

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone

        return run_alone(self, text, context)
