"""The whole screen: a verdict with scores, evidence, language, decision and version."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
        if spec.name != "language_hint":
            assert getattr(inner, spec.name) is getattr(given, spec.name), spec.name
    assert inner.language_hint == "en"


# Letters of every script served, look-alikes, masks and leetspeak, digits of three systems, marks,
# invisible and bidi controls, emoji and white space: what evasion and ordinary comments are made of.
_ALPHABET = ("abcdefghiklmnorstuyz ABCFIKS çğıöşüêîûİ فكيةأإىءبتحخسشعقلمنهوي پچژگکی ەێۆڕڵڤ"
             "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹*#_%@$!|.-,'’\u0640\u064b\u0301\u200b\u200c\u200d\u202e\u2066"
             "аеорс🖕🔪😂\n\t")
_WORDS = ["fuck", "f***", "sh1t", "idiot", "you", "www.shop.com", "bit.ly/x", "07501234567", "göt", "piçler",
          "حمار", "يا", "کس", "سەگ", "kûçiko", "@handle", "subscribe", "check me out"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(alphabet=_ALPHABET, max_size=30), st.sampled_from(_WORDS)), max_size=12))
def test_any_text_gets_a_well_formed_verdict(parts: list[str]) -> None:
    text = " ".join(parts)
    verdict = Screener().screen(text, ScreenContext(language_hint="en"))
    assert set(verdict.scores) == set(Category)
    assert all(0.0 <= s <= 1.0 for s in verdict.scores.values())
    for item in verdict.evidence:
        assert 0 <= item.start <= item.end <= len(text)
        assert 0.0 <= item.score <= 1.0
    json.dumps(verdict.to_dict())


# Run in a process of its own: in the test process, earlier tests have loaded everything already.
_FIRST_COMMENTS = r'''
import builtins, io, json, sys
from majlis.screening import Screener
screener = Screener()
screener.warm_up()
modules, opened = set(sys.modules), []
real_open = io.open
def recording_open(file, *args, **kwargs):
    opened.append(str(file))
    return real_open(file, *args, **kwargs)
builtins.open = io.open = recording_open
for text in json.loads(sys.stdin.read()):
    screener.screen(text)
print(json.dumps({"imported": sorted(set(sys.modules) - modules), "opened": opened}))
'''


def test_warm_up_loads_everything_the_first_comments_need() -> None:
    """After `warm_up` (the web app's start), no comment waits for an import or a data file: the first
    one the rules could not place waited 80 ms for the language model, the first insult with a group
    named for the group names."""
    texts = ["Bridge repairs finished", "Buy watches at www.cheap-watches.example, call +964 750 123 4567",
             "يا حمار انت ما تفهم شي", "ya 7mar enta", "kill all refugees", "Sen tam bir aptalsın",
             "تو واقعا احمقی", "تۆ گەمژەیت", "Tu kerî yî", "mail me at a@b.com 🔪"]
    done = subprocess.run([sys.executable, "-c", _FIRST_COMMENTS], input=json.dumps(texts), capture_output=True,
                          text=True, check=True)
    assert json.loads(done.stdout) == {"imported": [], "opened": []}
