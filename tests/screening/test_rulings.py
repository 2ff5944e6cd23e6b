"""Rulings apart from evidence: stages gather, named rules move scores, the verdict records each move."""

from __future__ import annotations

import json

import pytest

from majlis.domain import Action, Category
from majlis.screening import ScreenContext, Screener
from majlis.screening.findings import Findings
from majlis.screening.reading import Reading, read
from majlis.screening.rulings import EvidenceRule, ScoreRule, Sheet
from majlis.screening.verdict import Evidence

screener = Screener()


def test_the_verdict_names_the_rule_that_capped_the_model() -> None:
    verdict = screener.screen("This is a stupid policy", ScreenContext(language_hint="en"))
    assert verdict.action is Action.REVIEW
    [ruling] = [r for r in verdict.rulings if r.subject == "model"]
    assert ruling.name == "judges-an-idea" and ruling.category is Category.PERSONAL_ATTACK
    assert ruling.before > 0.85 and ruling.after == verdict.scores[Category.PERSONAL_ATTACK] == 0.8
    assert "idea" in ruling.reason
    stored = json.loads(json.dumps(verdict.to_dict()))["rulings"]
    assert stored[-1] == {"name": "judges-an-idea", "category": "personal_attack", "before": round(ruling.before, 4),
                          "after": 0.8, "reason": ruling.reason, "subject": "model"}


# One text per rule, in several languages: each rule's move is named in the verdict, on the words it moved.
@pytest.mark.parametrize(("text", "language", "rule", "subject"), [
    ("you idiot", "en", "aimed-at-a-person", "idiot"),
    ('he called me a "bitch" and I reported it', "en", "quoted-speech", "bitch"),
    ('he called me a "bitch" and I reported it', "en", "quoted-speech", "model"),
    ("holy shit he is a prophet", "en", "swearing-at-no-one", "shit"),
    ("the refugees are idiots", "en", "group-insult", "refugees are idiots"),
    ("inta 3ars", "ar", "arabizi-reading", "3ars"),
    ("Visit www.cheapdeals-shop.com now, buy now!", "en", "advertisement", ""),
])
def test_each_rule_is_recorded_on_what_it_moved(text: str, language: str, rule: str, subject: str) -> None:
    verdict = screener.screen(text, ScreenContext(language_hint=language))
    moved = [r for r in verdict.rulings if r.name == rule and r.subject == subject]
    assert moved and all(r.before != r.after and r.reason for r in moved), verdict.rulings


def test_without_rules_the_stages_alone_score_the_comment() -> None:
    """The caps are the rules' and nobody else's: with none, plain swearing keeps its listed severity."""
    text = "holy shit he is a prophet"
    ruled = screener.screen(text, ScreenContext(language_hint="en"))
    raw = Screener(rules=()).screen(text, ScreenContext(language_hint="en"))
    assert raw.rulings == () and raw.scores[Category.PROFANITY] > ruled.scores[Category.PROFANITY] == 0.8
    assert raw.action is Action.REJECT and ruled.action is Action.REVIEW


def test_a_clean_comment_has_no_rulings() -> None:
    verdict = screener.screen("The council should publish the contracts for the bridge.", ScreenContext())
    assert verdict.rulings == () and verdict.to_dict()["rulings"] == []


class _Model:
    """A stage whose scores are tied to its top one, as the model's are."""

    name = "tied"
    reads: tuple[str, ...] = ()
    adds = ("abuse", "profanity")

    def gather(self, reading: Reading, context: ScreenContext, earlier: object) -> Findings:
        scores = {Category.ABUSE: 0.9, Category.PROFANITY: 0.9 * 0.25}
        evidence = [Evidence(Category.ABUSE, 0, 3, "test", "top", 0.9), Evidence(Category.ABUSE, 0, 3, "test", "x", 0.4)]
        return Findings(scores, evidence, top=Category.ABUSE, shares={Category.PROFANITY: 0.25})


def _halve(sheet: Sheet) -> None:
    sheet.cap("tied", Category.ABUSE, 0.6, "capped in a test")


def test_a_cap_moves_the_tied_scores_and_the_evidence_that_carried_the_score() -> None:
    rule = ScoreRule("halve", "tied", ("tied",), _halve, "caps the tied stage")
    verdict = Screener([_Model()], rules=[rule]).screen("abc")  # type: ignore[list-item]
    assert verdict.scores[Category.ABUSE] == 0.6 and verdict.scores[Category.PROFANITY] == 0.6 * 0.25
    assert sorted(e.score for e in verdict.evidence) == [0.4, 0.6]
    assert [(r.name, r.before, r.after) for r in verdict.rulings] == [("halve", 0.9, 0.6)]


def test_evidence_rules_weigh_marked_evidence_of_any_stage_before_its_scores_count() -> None:
    class Marked:
        name = "marked"
        reads: tuple[str, ...] = ()
        adds = ("threat", "mark:reported")

        def gather(self, reading: Reading, context: ScreenContext, earlier: object) -> Findings:
            return Findings(evidence=[Evidence(Category.THREAT, 0, 4, "test", "burn", 0.95, ("reported",))],
                            from_evidence=0.5)

    rule = EvidenceRule("reported-threat", "reported", lambda e: min(e.score, 0.7), "capped for a human")
    verdict = Screener([Marked()], rules=[rule]).screen("burn them")  # type: ignore[list-item]
    assert verdict.scores[Category.THREAT] == 0.7 and verdict.action is Action.REVIEW
    assert verdict.rulings[0].subject == "burn" and verdict.rulings[0].name == "reported-threat"


def test_the_chain_is_reported_and_checked() -> None:
    report = screener.analyze()
    assert not [line for line in report if line.startswith("!")], report
    names = [line.split(":")[0] for line in report if line.startswith("stage ")]
    assert names[:2] == ["stage lexicon", "stage groups"] and "stage classifier" in names
    orphan = ScoreRule("orphan", "nowhere", ("later",), _halve, "follows nothing")
    assert any("orphan" in line and line.startswith("!") for line in Screener(rules=[orphan]).analyze())


def test_one_reading_holds_the_folded_text_language_and_list_matches() -> None:
    reading = read("Sen tam bir aptalsın", "tr")
    assert reading.language == "tr" and reading.folded == reading.view.text
    assert any(m.entry.key == "aptal" for m in reading.matches)
