"""The screen's rules: every cap, raise and exception applied to what the stages found, by name.

Each is declared once below (`EVIDENCE_RULES`, `SCORE_RULES`) with the reason the verdict gives for
it; `rulings.py` holds the mechanism. The figures were chosen on the dev splits (docs/quality.md).
"""

from __future__ import annotations

from majlis.domain import Category
from majlis.screening.aim import describes_a_thing, says_you
from majlis.screening.classifier import SPAM_LANGUAGES, calibrated, packaged_model
from majlis.screening.findings import (
    AIMED,
    ARABIZI,
    GROUP_WITH_INSULT,
    GUESSED,
    MODEL_SIGNAL,
    QUOTED,
    UNAIMED_SWEARING,
)
from collections.abc import Callable

from majlis.screening import groups
from majlis.screening.lexicon import PROMOTION_SOURCE, marks_of
from majlis.screening.normalise import normalise
from majlis.screening.features import words
from majlis.screening.promotion import AMOUNT, BARE_LINK_WORDS, EARNINGS, EARNINGS_CLAIM, ORDINARY_LINKS
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
        if item.source in (PROMOTION_SOURCE, EARNINGS_CLAIM):
            cta = max(cta, item.score)
        else:
            contact = max(contact, item.score)
    if (contact >= 0.5 and cta >= 0.3) or (contact and cta >= 0.6):
        score = min(0.98, 0.85 + 0.5 * max(contact, cta) * min(contact, cta))
        sheet.lift("promotion", Category.PROMOTION, score, "raised: a way to reach someone and a call to do it",
                   carry=False)


# An earnings offer ("I made $3000 from home", "forex signals") with a way to reach someone or another
# call to action: above the default reject line (0.85).
EARNINGS_WITH_CONTACT = 0.9
EARNINGS_FOR_A_HUMAN = 0.6  # two earnings claims or offers, no contact: for a human


def _outside_links(sheet: Sheet) -> str:
    """The comment's text with the promotion stage's links cut out."""
    text, kept, at = sheet.reading.text, [], 0
    for item in sorted(sheet.evidence("promotion"), key=lambda e: e.start):
        kept.append(text[at : item.start])
        at = max(at, item.end)
    kept.append(text[at:])
    return " ".join(kept)


def _ordinary_links(sheet: Sheet) -> bool:
    """The promotion stage found links, each to the site itself, an allowed or shipped source or an
    unknown site, and nothing else: no call to action, handle, number, address, earnings offer or
    price; and an unknown site has a few words of the comment's own beside it."""
    found = sheet.evidence("promotion")
    if not found or not all(item.source in ORDINARY_LINKS for item in found):
        return False
    if AMOUNT.search(sheet.reading.text) is not None:
        return False
    unknown = any(item.source == "rule:url" for item in found)
    return not unknown or len(words(normalise(_outside_links(sheet)).text)) >= BARE_LINK_WORDS


def ordinary_links_cap(sheet: Sheet) -> None:
    """A link to a site the lists do not know, in an otherwise ordinary comment: readers cite what
    they read; only promotional signals around a link send it to a human."""
    if _ordinary_links(sheet):
        sheet.cap("promotion", Category.PROMOTION, SPAM_ALONE_CAP,
                  "capped: a link to an unlisted site, with nothing promotional around it")


def _words_without_links(sheet: Sheet) -> float | None:
    """The spam head's calibrated score on the comment with its links cut out (None without the
    packaged model, or in a language the head was not trained on)."""
    model = packaged_model()
    language = sheet.reading.language
    if model is None or (language and language not in SPAM_LANGUAGES):
        return None
    return calibrated(model.predict(normalise(_outside_links(sheet)).text, language).spam, model.knots("spam"))


def ordinary_links_model_cap(sheet: Sheet) -> None:
    """The model's spam head, which learnt from YouTube comments that any link is spam, on a comment
    whose links are sources or ordinary sites with nothing listed as promotional around them: it
    weighs the words without the links ("Reuters had more detail:" is not spam, "please help me go
    here" is), and is capped below review when they are not spam."""
    if not _ordinary_links(sheet):
        return
    spam = _words_without_links(sheet)
    if spam is None or spam < REVIEW_LINE:
        sheet.cap(MODEL, Category.PROMOTION, SPAM_ALONE_CAP,
                  "capped: links to sources or ordinary sites, nothing promotional around them", "model")
    else:
        sheet.cap(MODEL, Category.PROMOTION, spam, "capped: the spam head on the words without their links",
                  "model")


def earnings_claim(sheet: Sheet) -> None:
    """Earnings claims and offers (a verb of earning with an amount; `promotion.tsv` subtype
    `earnings`: work from home, trading signals, followers for sale) with a contact or another call
    to action are promotion to reject; two of them together ("I made $3000 working from home") wait
    for a human; one alone is left to its own score (an amount earned alone is how readers complain
    of prices)."""
    found = sheet.evidence("promotion")
    if not found:
        return
    offers = {m.entry.key for m in sheet.reading.matches if m.entry.subtype == EARNINGS}
    claims = [i for i in found if i.source == EARNINGS_CLAIM or (i.source == PROMOTION_SOURCE and i.detail in offers)]
    if not claims:
        return
    if any(i not in claims and i.score >= 0.3 for i in found):
        sheet.lift("promotion", Category.PROMOTION, EARNINGS_WITH_CONTACT,
                   "raised: an earnings offer with a way to reach someone or a call to", carry=False)
    elif len(claims) >= 2:
        sheet.lift("promotion", Category.PROMOTION, EARNINGS_FOR_A_HUMAN,
                   "raised for a human: an amount earned and an earnings offer together", carry=False)


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
    ScoreRule("ordinary-links", "promotion", ("promotion", "reading.text"), ordinary_links_cap,
              f"links to unlisted sites and nothing promotional: promotion capped at {SPAM_ALONE_CAP}"),
    ScoreRule("earnings-claim", "promotion", ("promotion", "reading.matches"), earnings_claim,
              f"an earnings offer plus a contact or a call: promotion raised to {EARNINGS_WITH_CONTACT}; "
              f"two offers alone: to {EARNINGS_FOR_A_HUMAN}"),
    ScoreRule("advertisement", "promotion", ("promotion",), advertisement,
              "contact (link, number, address, handle) plus a call to action: promotion raised to 0.85-0.98"),
    ScoreRule("quoted-speech", MODEL, (MODEL, "reading.matches"), quoted_model_cap,
              f"a quoted or reported listed word: the model's score capped at {QUOTED_CAP}"),
    ScoreRule("swearing-at-no-one", MODEL, (MODEL, "reading.matches"), unaimed_swearing_model_cap,
              f"plain swearing aimed at no one, nothing else: the model's profanity capped at {UNAIMED_SWEARING_CAP}"),
    ScoreRule("judges-an-idea", MODEL, (MODEL, "reading.matches"), judges_an_idea_cap,
              f"mild insults that each judge an idea (English): the model's attack capped at {DISAGREEMENT_CAP}"),
    ScoreRule("ordinary-links", MODEL, (MODEL, "promotion", "reading.text"), ordinary_links_model_cap,
              f"the spam head on links to sources or ordinary sites, nothing promotional: capped at {SPAM_ALONE_CAP}"),
    ScoreRule("reported-threat", MODEL, (MODEL, THREAT_STAGE), reported_threat_model_cap,
              f"threats found only in reported speech or quotation: the model's score capped at {QUOTED_CAP}"),
    ScoreRule("spam-words-alone", MODEL, (MODEL, "lexicon", "groups", "promotion", "spam"), spam_alone_cap,
              f"the spam head with no contact or call to action before it: capped at {SPAM_ALONE_CAP}"),
)


# --- Groups and institutions (groups branch) ---------------------------------------------------
# A group named and nothing said against it (no listed insult, generalisation, dehumanising word or
# threat before the model): the model, which learnt from tweets that "Jews", "refugees" or "gay" come
# with hate, reads the comment as if no group were named. Below the review line that is all there is;
# at it or above, other words hold the comment, and they still do without the group's name.
GROUP_NAMED_CAP = REVIEW_LINE
_MOVES = 0.005  # a smaller move is not recorded: the group's name weighed next to nothing
_HOSTILE = frozenset({Category.PERSONAL_ATTACK, Category.ABUSE, Category.PROFANITY, Category.VULGARITY,
                      Category.THREAT})


def _said_against(sheet: Sheet) -> bool:
    """Whether a list or a stage before the model found anything hostile, evidence-only words included."""
    if any(m.entry.category in _HOSTILE and m.entry.language != "promotion" for m in sheet.reading.matches):
        return True
    return any(item.category in _HOSTILE and not item.source.startswith("model:") for item in sheet.all_evidence())


def group_named_rescore(sheet: Sheet) -> None:
    """The model's scores (and the signal that orders the queue) as without the groups' names, when
    nothing hostile was found: the same sentence about Kurds or about refugees gets the same score."""
    from majlis.screening.classifier import SPAM_LANGUAGES, calibrated, packaged_model
    from majlis.screening.groups import masked_prediction

    top, signal = sheet.top(MODEL), sheet.signal(MODEL_SIGNAL)
    model = packaged_model()
    if top is None or signal is None or model is None or _said_against(sheet):
        return
    reading = sheet.reading
    masked = masked_prediction(model, reading)
    if masked is None:
        return
    english_like = not reading.language or reading.language in SPAM_LANGUAGES
    original = model.predict(reading.folded, reading.language)
    if abs(max(original.toxic, original.spam if english_like else 0.0) - signal) > 1e-6:
        return  # the screener runs another model than the packaged one
    toxic = calibrated(masked.toxic, model.knots("toxic"))
    reason = ("group named, nothing said against it: scored without the group's name" if toxic < GROUP_NAMED_CAP
              else "group named, nothing said against it: other words hold it, scored without the group's name")
    if abs(sheet.scores(MODEL).get(top, 0.0) - toxic) >= _MOVES:
        sheet.move(MODEL, top, toxic, reason, "model")
    spam = calibrated(masked.spam, model.knots("spam"))
    if english_like and abs(sheet.scores(MODEL).get(Category.PROMOTION, 0.0) - spam) >= _MOVES:
        sheet.move(MODEL, Category.PROMOTION, spam, reason, "model")
    sheet.set_signal(MODEL_SIGNAL, max(masked.toxic, masked.spam if english_like else 0.0))
    names = groups.group_spans(reading.text, reading.language)
    whole = len(reading.text)
    sheet.discard(MODEL, lambda item: (item.start, item.end) != (0, whole)
                  and any(start < item.end and item.start < end for start, end in names))


# A generalisation or dehumanisation said of a group named beside it ("refugees can't be trusted",
# "Kurds are a disease"): plainly identity abuse, rejected. Said of "those people", a group unnamed that
# may not be a protected one, it goes to a human; quoted, reported or condemned, so does either.
GROUP_GENERALISATION = 0.9
POINTED_GENERALISATION = 0.6


def _generalisation(floor: float) -> Callable[[Evidence], float]:
    def weigh(item: Evidence) -> float:
        score = max(item.score, floor)
        return min(score, QUOTED_CAP) if QUOTED in item.marks else score
    return weigh


# Harsh words about an institution or an office ("the government is a failure, they are all thieves",
# "the council are clowns"), no group of people named, no slur, threat or insult aimed at someone: at most
# a hard case for a human, and a personal attack at most, never abuse (an institution is not a protected
# group).
INSTITUTION_CAP = 0.8
_ABUSE_BELOW = REVIEW_LINE - 0.01  # what is left of "abuse": evidence, below the review line


def institution_criticised(sheet: Sheet) -> None:
    """Harsh criticism of an institution: abuse becomes a personal attack, capped for a human. (Capped
    below the review line when the model alone held it, it also published threats to officials and
    masked swearing the model caught: the threat stage's evidence stops this rule.)"""
    from majlis.screening.institutions import institution_spans

    reading = sheet.reading
    text, language = reading.text, reading.language
    if not institution_spans(text, language) or groups.people_named(text, language):
        return
    for match in reading.matches:
        entry = match.entry
        if entry.language == "promotion" or entry.category not in _HOSTILE:
            continue
        if (match.targeted or entry.category is Category.THREAT
                or (entry.severity >= 0.85 and entry.subtype != "dehumanising" and not match.quoted)):
            return  # an insult said to someone, a threat, or a slur: not criticism
    if any(item.category is Category.THREAT for item in sheet.all_evidence()):
        return
    limit = INSTITUTION_CAP
    reason = "capped for a human: harsh words about an institution, not a protected group"
    for stage in ("lexicon", "groups", MODEL):
        scores = sheet.scores(stage)
        abuse, attack = scores.get(Category.ABUSE, 0.0), scores.get(Category.PERSONAL_ATTACK, 0.0)
        if abuse >= REVIEW_LINE:
            sheet.move(stage, Category.ABUSE, min(attack, _ABUSE_BELOW, limit), reason, "abuse → personal attack")
            sheet.move(stage, Category.PERSONAL_ATTACK, min(max(abuse, attack), limit), reason)
        sheet.cap(stage, Category.PERSONAL_ATTACK, limit, reason)


GROUP_RULES: tuple[Rule, ...] = (
    EvidenceRule("group-generalisation", groups.GROUP_GENERALISATION, _generalisation(GROUP_GENERALISATION),
                 "raised: a generalisation about a group named beside it (a human's, if quoted or condemned)"),
    EvidenceRule("pointed-generalisation", groups.POINTED_GENERALISATION, _generalisation(POINTED_GENERALISATION),
                 "raised for a human: a generalisation about \"those people\""),
    ScoreRule("group-named", MODEL, (MODEL, "reading.matches", "lexicon", "groups"), group_named_rescore,
              "a group named, nothing hostile found: the model's scores as without the group's name"),
    ScoreRule("institution-criticised", MODEL, (MODEL, "lexicon", "groups", "reading.matches"), institution_criticised,
              f"harsh words about an institution, no group named: abuse becomes a personal attack, capped at "
              f"{INSTITUTION_CAP}"),
)
# --- end of the groups branch's rules ----------------------------------------------------------


def default_rules() -> tuple[Rule, ...]:
    """The rules a default screener applies, evidence rules first (in their order)."""
    return (*EVIDENCE_RULES, *GROUP_RULES, *SCORE_RULES)
