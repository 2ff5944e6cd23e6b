"""The screen's rules: every cap, raise and exception applied to what the stages found, by name.

Each is declared once below (`EVIDENCE_RULES`, `SCORE_RULES`) with the reason the verdict gives for
it; `rulings.py` holds the mechanism. The figures were chosen on the dev splits (docs/quality.md).
"""

from __future__ import annotations

from majlis.domain import Category
from majlis.screening.aim import describes_a_thing, says_you
from majlis.screening.findings import (
    AIMED,
    ARABIZI,
    GROUP_WITH_INSULT,
    GUESSED,
    MODEL_SIGNAL,
    QUOTED,
    UNAIMED_SWEARING,
)
from majlis.screening.lexicon import PROMOTION_SOURCE, marks_of
from majlis.screening.rulings import EvidenceRule, Rule, ScoreRule, Sheet
from majlis.screening.verdict import Evidence

REVIEW_LINE = 0.5  # the default policy's review line: a score at it or above waits for a human
# A mild insult aimed at someone ("you idiot") is a personal attack, whatever its listed severity.
TARGETED_SEVERITY = 0.9
# A word quoted or named to condemn it, or a threat in reported speech, is for a human to judge.
QUOTED_CAP = 0.7
# Swearing aimed at no one ("holy shit", "so fucking good"), written plainly, is still profanity but
# not a certain reject: it goes to a moderator. A disguised spelling ("f*ck", "sh1t", "fuuuck") shows
# the writer knew, and keeps the entry's full severity.
UNAIMED_SWEARING_CAP = 0.8
# One letter and three masks or more ("f***"), as newspapers print swearing: the screen can only
# guess the word from its first letter and length, so a guess alone goes to a human, and rejects
# only when aimed at someone ("f*** you").
GUESS_CAP = 0.8
# Arabizi is read through a lossy transliteration: a hit is for a human.
ARABIZI_CAP = 0.8
# A group named with an insult: between the review (0.5) and reject (0.85) lines of the default policy.
GROUP_INSULT = 0.8
# Strong disagreement (a mild insult that judges an idea) goes to a human, never rejected by the model.
DISAGREEMENT_CAP = 0.8
# Without a link, number, handle or call to action, the spam head (learnt from YouTube comments)
# only adds evidence: on its own it held ordinary news comments ("Good news for the shops...").
SPAM_ALONE_CAP = 0.45
MODEL = "classifier"  # the model's stage
THREAT_STAGE = "threat"  # the threat constructions' stage (threat.py)
_ATTACKS = frozenset({Category.PERSONAL_ATTACK, Category.ABUSE})


def _aimed(item: Evidence) -> float:
    return max(item.score, TARGETED_SEVERITY) if item.category is Category.PERSONAL_ATTACK else item.score


def _quoted(item: Evidence) -> float:
    return min(item.score, QUOTED_CAP)


def _unaimed_swearing(item: Evidence) -> float:
    return min(item.score, UNAIMED_SWEARING_CAP)


def _guessed(item: Evidence) -> float:
    return item.score if AIMED in item.marks else min(item.score, GUESS_CAP)


def _arabizi(item: Evidence) -> float:
    return min(item.score, ARABIZI_CAP)


def _group_insult(item: Evidence) -> float:
    return max(item.score, GROUP_INSULT)


# In this order: an insult aimed at someone is raised before a quotation caps it.
EVIDENCE_RULES: tuple[EvidenceRule, ...] = (
    EvidenceRule("aimed-at-a-person", AIMED, _aimed, "raised: a mild insult said to someone is a personal attack"),
    EvidenceRule("quoted-speech", QUOTED, _quoted, "capped for a human: quoted or reported, perhaps to condemn it"),
    EvidenceRule("swearing-at-no-one", UNAIMED_SWEARING, _unaimed_swearing,
                 "capped for a human: swearing aimed at no one"),
    EvidenceRule("guessed-from-masks", GUESSED, _guessed,
                 "capped for a human: a word guessed from its first letter and masks"),
    EvidenceRule("arabizi-reading", ARABIZI, _arabizi, "capped for a human: read through Arabizi transliteration"),
    EvidenceRule("group-insult", GROUP_WITH_INSULT, _group_insult,
                 "raised for a human: a group named in the sentence of an insult or a threat"),
)


def quoted_model_cap(sheet: Sheet) -> None:
    """A listed word quoted or reported anywhere in the comment: the model, which cannot tell a
    quotation from an insult, goes no further than the lists."""
    top = sheet.top(MODEL)
    if top is not None and any(m.quoted for m in sheet.reading.matches):
        sheet.cap(MODEL, top, QUOTED_CAP, "capped for a human: the comment quotes or reports the words", "model")
        sheet.cap_signal(MODEL_SIGNAL, QUOTED_CAP)


def unaimed_swearing_model_cap(sheet: Sheet) -> None:
    """Plainly written swearing aimed at no one, nothing else at the review line, and no "you"
    anywhere in the comment ("who the fuck are you?" is aimed, though not right after the swear word):
    the model, sure of "holy shit he is a prophet", goes no further than the lists (on the dev split
    this spared 2 clean comments from rejection and sent 13 violations to review instead; none was
    published)."""
    if sheet.top(MODEL) is not Category.PROFANITY:
        return
    reading = sheet.reading
    weighed = [(m, marks_of(m)) for m in reading.matches]
    if (any(UNAIMED_SWEARING in marks for _, marks in weighed)
            and not any(UNAIMED_SWEARING not in marks and sheet.weigh(m, marks) >= REVIEW_LINE for m, marks in weighed)
            and not says_you(reading.folded, reading.language)):
        sheet.cap(MODEL, Category.PROFANITY, UNAIMED_SWEARING_CAP, "capped for a human: swearing aimed at no one",
                  "model")


def judges_an_idea_cap(sheet: Sheet) -> None:
    """Only mild insults (none at the review line, so none aimed at anyone), each right before an
    idea, a policy or a decision ("this is a stupid policy", "what a ridiculous idea"): the
    guidelines call that strong disagreement, a hard case for a human, while the model, which learnt
    "stupid" from tweets that insult people, is sure it is an attack."""
    top = sheet.top(MODEL)
    reading = sheet.reading
    if top not in _ATTACKS or top is None or reading.language not in ("", "en"):
        return
    matches = reading.matches
    mild = [m for m in matches if m.entry.category is Category.PERSONAL_ATTACK]
    if (mild and not any(sheet.weigh(m, marks_of(m)) >= REVIEW_LINE for m in matches)
            and all(describes_a_thing(reading.text, m.end) for m in mild)
            and not says_you(reading.folded, reading.language)):
        sheet.cap(MODEL, top, DISAGREEMENT_CAP, "capped for a human: strong words about an idea, not a person",
                  "model")


def spam_alone_cap(sheet: Sheet) -> None:
    """The model's spam head without a link, number, handle or call to action found before it."""
    if sheet.combined(before=MODEL).get(Category.PROMOTION, 0.0) < 0.3:
        sheet.cap(MODEL, Category.PROMOTION, SPAM_ALONE_CAP,
                  "capped: spam-like words alone, with no link, number or call to action", "model")


def advertisement(sheet: Sheet) -> None:
    """A way to reach someone (link, number, address; a bare handle only with a strong call) plus a
    reason to: that is an advertisement."""
    contact = cta = 0.0
    for item in sheet.evidence("promotion"):
        if item.source == PROMOTION_SOURCE:
            cta = max(cta, item.score)
        else:
            contact = max(contact, item.score)
    if (contact >= 0.5 and cta >= 0.3) or (contact and cta >= 0.6):
        score = min(0.98, 0.85 + 0.5 * max(contact, cta) * min(contact, cta))
        sheet.lift("promotion", Category.PROMOTION, score, "raised: a way to reach someone and a call to do it",
                   carry=False)


def reported_threat_model_cap(sheet: Sheet) -> None:
    """Threat constructions found only in reported speech or quotation marks ("the gunmen threatened
    to burn the village", a witness quoting "we will kill you"), and no listed word left at the review
    line: news about a threat is for a human, so the model, which cannot tell a report from a threat,
    goes no further than the threat stage."""
    top = sheet.top(MODEL)
    found = sheet.evidence(THREAT_STAGE)
    if (top is not None and found and all(QUOTED in item.marks for item in found)
            and sheet.combined(before=THREAT_STAGE).get(top, 0.0) < REVIEW_LINE):
        sheet.cap(MODEL, top, QUOTED_CAP, "capped for a human: a threat reported or quoted", "model")
        sheet.cap_signal(MODEL_SIGNAL, QUOTED_CAP)


SCORE_RULES: tuple[ScoreRule, ...] = (
    ScoreRule("advertisement", "promotion", ("promotion",), advertisement,
              "contact (link, number, address, handle) plus a call to action: promotion raised to 0.85-0.98"),
    ScoreRule("quoted-speech", MODEL, (MODEL, "reading.matches"), quoted_model_cap,
              f"a quoted or reported listed word: the model's score capped at {QUOTED_CAP}"),
    ScoreRule("swearing-at-no-one", MODEL, (MODEL, "reading.matches"), unaimed_swearing_model_cap,
              f"plain swearing aimed at no one, nothing else: the model's profanity capped at {UNAIMED_SWEARING_CAP}"),
    ScoreRule("judges-an-idea", MODEL, (MODEL, "reading.matches"), judges_an_idea_cap,
              f"mild insults that each judge an idea (English): the model's attack capped at {DISAGREEMENT_CAP}"),
    ScoreRule("reported-threat", MODEL, (MODEL, THREAT_STAGE), reported_threat_model_cap,
              f"threats found only in reported speech or quotation: the model's score capped at {QUOTED_CAP}"),
    ScoreRule("spam-words-alone", MODEL, (MODEL, "lexicon", "groups", "promotion", "spam"), spam_alone_cap,
              f"the spam head with no contact or call to action before it: capped at {SPAM_ALONE_CAP}"),
)


def default_rules() -> tuple[Rule, ...]:
    """The rules a default screener applies, evidence rules first (in their order)."""
    return (*EVIDENCE_RULES, *SCORE_RULES)
