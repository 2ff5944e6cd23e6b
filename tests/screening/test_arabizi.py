"""Arabizi (Arabic in Latin letters and digits) against the Arabic lists, without touching English."""

from __future__ import annotations

import pytest

from majlis.domain import Action, Category
from majlis.screening import Screener
from majlis.screening.rulebook import ARABIZI_CAP
from majlis.screening.arabizi import arabic_skeleton, is_arabizi, latin_skeleton, packaged_index

screener = Screener()


def test_both_scripts_reduce_to_the_same_skeleton() -> None:
    assert latin_skeleton("7mar") == arabic_skeleton("حمار") == "7mr"
    assert latin_skeleton("5anzeer") == arabic_skeleton("خنزير")
    assert latin_skeleton("m3aras") == arabic_skeleton("معرص")  # ص and س fold together
    assert latin_skeleton("sharmoota") == arabic_skeleton("شرموطه")[: len(latin_skeleton("sharmoota"))]


@pytest.mark.parametrize(("text", "term", "category"), [
    ("ya 7mar enta ma bt3ref shi", "حمار", Category.PERSONAL_ATTACK),
    ("inta 3ars", "عرص", Category.PROFANITY),
    ("ra7 a8telak bokra", "اقتلك", Category.THREAT),
    ("shoof el7mar hada", "حمار", Category.PERSONAL_ATTACK),  # the article glued on
])
def test_listed_arabic_words_are_found_in_arabizi(text: str, term: str, category: Category) -> None:
    hits = packaged_index().find(text)
    assert any(h.entry.term == term and h.entry.category is category for h in hits)  # type: ignore[attr-defined]
    hit = next(h for h in hits if h.entry.term == term)  # type: ignore[attr-defined]
    assert text[hit.start : hit.end] == hit.token


@pytest.mark.parametrize("text", [
    "Top 5 tips for 2024: mp3 players, b2b sales and 4x4 cars",
    "He finished 3rd after 30years, 5km in 43mins at 9am",
    "follow maria16 and covid19 updates",
    "sa7bi el 3aziz, shukran 3al maqal",  # Arabizi, but nothing listed
])
def test_numbers_handles_and_clean_arabizi_match_nothing(text: str) -> None:
    assert packaged_index().find(text) == []


def test_an_arabizi_hit_waits_for_a_human_rather_than_being_rejected() -> None:
    verdict = screener.screen("inta 3ars w m3aras")
    assert verdict.action is Action.REVIEW and verdict.category is Category.PROFANITY
    found = [e for e in verdict.evidence if e.source == "lexicon:ar:arabizi"]
    assert found and all(e.score <= ARABIZI_CAP for e in found) and found[0].detail == "3ars ≈ عرص"


def test_only_words_with_arabizi_digits_are_read_as_arabizi() -> None:
    assert is_arabizi("3ars") and is_arabizi("m3aras")
    assert not is_arabizi("kalb") and not is_arabizi("2024") and not is_arabizi("3rd") and not is_arabizi("maria16")
