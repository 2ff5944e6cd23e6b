"""Identity abuse by construction: a group (a people, a faith, women, refugees, ...) named in the same
sentence as an insult, or as a call to harm ("kill all", "must die"). Naming a group is not attacking
it, and an insult alone may be aimed at anyone; the two together are what moderators call identity
abuse, or incitement against a group. The words may still be quoted, denied or reported, so the rule
sends the comment to a human and never rejects it alone."""

from __future__ import annotations

from functools import lru_cache

from majlis.domain import Category
from majlis.screening.aim import sentence_of
from majlis.screening.context import ScreenContext
from majlis.screening.entries import data_rows, read_entries
from majlis.screening.lexicon import Lexicon, Match, matches_in
from majlis.screening.verdict import Evidence

GROUP_INSULT = 0.8  # between the review (0.5) and reject (0.85) lines of the default policy
INSULT_FLOOR = 0.3  # list entries at least this strong count as insults here, evidence-only ones included
HOSTILE = frozenset({Category.PERSONAL_ATTACK, Category.ABUSE, Category.PROFANITY, Category.THREAT})


@lru_cache(maxsize=1)
def group_lexicon() -> Lexicon:
    """The names of groups (data/groups.tsv), compiled once."""
    entries = []
    for row in data_rows("groups.tsv"):
        entries += read_entries(row["language"], [{**row, "category": "abuse", "subtype": "group", "severity": "0"}])
    return Lexicon(entries)


def group_insult(text: str, insults: tuple[Match, ...], language: str) -> tuple[float, list[Evidence]]:
    """The rule's score and evidence for a text and the list matches found in it."""
    strong = [m for m in insults if m.entry.category in HOSTILE and m.entry.severity >= INSULT_FLOOR and not m.quoted]
    if not strong:
        return 0.0, []
    for group in group_lexicon().find(text, language=language):
        sentence = sentence_of(text, group.start)
        for insult in strong:
            if sentence_of(text, insult.start) == sentence and not (group.start <= insult.start < group.end):
                start, end = min(group.start, insult.start), max(group.end, insult.end)
                threat = insult.entry.category is Category.THREAT
                detail = (f"{text[group.start:group.end]} … {text[insult.start:insult.end]}: "
                          f"a group named with {'a threat' if threat else 'an insult'}")
                category = Category.THREAT if threat else Category.ABUSE
                return GROUP_INSULT, [Evidence(category, start, end, "rule:group-insult", detail, GROUP_INSULT)]
    return 0.0, []


class GroupStage:
    """Runs the rule on the packaged lists' matches (shared with the list stage, not found twice)."""

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """Abuse (or threat) score when a group is named with an insult (or a threat), else nothing."""
        insults = tuple(m for m in matches_in(text, context.language_hint) if m.entry.language != "promotion")
        score, evidence = group_insult(text, insults, context.language_hint)
        return ({evidence[0].category: score} if score else {}), evidence
