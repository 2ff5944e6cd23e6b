"""The whole screen: a verdict with scores, evidence, language, decision and version."""

from __future__ import annotations

import json

from majlis.domain import Action, Category
from majlis.screening import ENGINE_VERSION, ScreenContext, Screener, screen


def test_verdict_has_every_category_and_is_json() -> None:
    verdict = screen("You are an idiot and the author is a liar.")
    assert set(verdict.scores) == set(Category)
    assert all(0.0 <= s <= 1.0 for s in verdict.scores.values())
    assert verdict.action is Action.REJECT and verdict.category is Category.PERSONAL_ATTACK
    assert verdict.engine_version == ENGINE_VERSION
    assert verdict.language == "en"
    data = json.loads(json.dumps(verdict.to_dict()))
    assert data["action"] == "reject" and data["evidence"]


def test_evidence_spans_lie_inside_the_text() -> None:
    text = "Buy now at bit.ly/xyz you m0r0n"
    verdict = screen(text)
    for item in verdict.evidence:
        assert 0 <= item.start <= item.end <= len(text)


def test_clean_comment_is_approved() -> None:
    verdict = screen("The council should publish the contracts so we can see what the repairs cost.")
    assert verdict.action is Action.APPROVE and verdict.category is None


def test_language_of_each_comment_is_detected() -> None:
    screener = Screener()
    assert screener.screen("بەرپرسان دەڵێن نرخی ئاو بەرز بووەتەوە").language == "ckb"
    assert screener.screen("Yetkililer su fiyatlarının arttığını söyledi").language == "tr"


def test_disguised_profanity_in_every_script() -> None:
    screener = Screener()
    for text in ["f.u.c.k you", "ѕhіt article", "كـــس امك", "s1kt1r git"]:
        assert screener.screen(text, ScreenContext()).action is not Action.APPROVE, text


def test_ordinary_english_is_not_held_as_spam() -> None:
    for text in ["Good news for the shops on the east bank.", "Great work by the engineers",
                 "When will the road bridge be repaired too?"]:
        assert screen(text).action is Action.APPROVE, text
    assert screen("Check out my channel for more videos").category is Category.PROMOTION


def test_every_field_of_the_context_reaches_the_stages() -> None:
    """The screen rebuilds the context for its stages field by field; a new field must not be lost."""
    import dataclasses
    from datetime import UTC, datetime

    from majlis.screening import ArticleText, RecentComment, ScreenContext, Screener
    from majlis.screening.policy import Policy

    seen: list[ScreenContext] = []

    class Spy:
        def run(self, text: str, context: ScreenContext):  # type: ignore[no-untyped-def]
            seen.append(context)
            return {}, []

    now = datetime(2026, 11, 25, tzinfo=UTC)
    given = ScreenContext(policy=Policy(allowed_domains=("example.org",)), article=ArticleText("t", "b", "en"),
                          recent=(RecentComment(1, "x", "a", now),), author_key="a", now=now, language_hint="en")
    Screener([Spy()]).screen("The council met on Tuesday and agreed the budget.", given)
    inner = seen[0]
    for spec in dataclasses.fields(ScreenContext):
        if spec.name not in ("found", "signals", "language_hint"):
            assert getattr(inner, spec.name) is getattr(given, spec.name), spec.name
    assert inner.language_hint == "en"
