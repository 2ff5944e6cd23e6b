"""Endings of Sorani, Kurmanji and Turkish words: which tails are endings, and which say "you"."""

from __future__ import annotations

import pytest

from majlis.screening.endings import inflects, is_endings, light_stem, misread, quality_noun, says_you
from majlis.screening.normalise import normalise


@pytest.mark.parametrize(
    ("language", "tail", "light"),
    [("ckb", normalise("ەکان").text, False), ("kmr", "o", True), ("tr", "ünü", True), ("tr", normalise("ünü").text, False),
     ("tr", "ler", False), ("tr", "", False)],
)
def test_runs_of_endings(language: str, tail: str, light: bool) -> None:
    assert is_endings(language, tail, light)


@pytest.mark.parametrize(("language", "tail"), [("tr", "ür"), ("tr", "s"), ("kmr", "xweş"), ("en", "s"), ("ar", "ها")])
def test_other_tails_are_not_endings(language: str, tail: str) -> None:
    assert not is_endings(language, tail)  # götür- (to take) is not göt + ending; English has none here


def test_only_the_agglutinative_languages_inflect() -> None:
    assert [language for language in ("en", "ar", "fa", "tr", "ckb", "kmr") if inflects(language)] == ["tr", "ckb", "kmr"]


@pytest.mark.parametrize(("language", "tail", "you"),
                         [("tr", "sin", True), ("tr", "siniz", True), ("tr", "ler", False), ("kmr", "o", True),
                          ("kmr", "ino", True), ("kmr", "î", False), ("kmr", "ekî", False), ("ckb", normalise("یت").text, True), ("ckb", normalise("ەکان").text, False), ("tr", "", False),
                          ("ckb", normalise("ەکەت").text, False), ("ckb", normalise("ەکانتان").text, False)])
def test_endings_that_say_you(language: str, tail: str, you: bool) -> None:
    assert says_you(language, tail) is you


@pytest.mark.parametrize(("language", "tail", "quality"),
                         [("kmr", "î", True), ("kmr", "i", True), ("kmr", "iyê", True), ("kmr", "îya", True),
                          ("kmr", "in", False), ("kmr", "o", False), ("kmr", "ekî", False), ("tr", "i", False),
                          ("ckb", normalise("ی").text, False)])
def test_the_kurmanji_ending_that_names_a_quality(language: str, tail: str, quality: bool) -> None:
    assert quality_noun(language, tail) is quality  # dizî (theft), xayînî (treason): not the person


@pytest.mark.parametrize(("language", "word", "other"),
                         [("kmr", "dizanim", True), ("kmr", "dizanin", True), ("kmr", "dizan", True),
                          ("kmr", "dizo", False), ("kmr", "dizekî", False), ("tr", "dizanim", False),
                          ("ckb", normalise("پێستی").text, True), ("ckb", normalise("پیسە").text, False)])
def test_words_the_endings_would_misread(language: str, word: str, other: bool) -> None:
    assert misread(language, word) is other  # dizanim "I know" is not diz (thief) + -an-im


@pytest.mark.parametrize(("one", "other"), [
    ("أسعار", "الأسعار"),  # the article (the broken plural سعر/أسعار is the concept list's: concepts.tsv)
    ("المولدة", "مولدات"),
    ("قیمت", "قیمت‌ها"),  # Persian -ها, written with a zero-width non-joiner
    ("نانوایی", "نانوایی‌ها"),
    ("پرد", "پردەکەی"),  # Sorani definite and ezafe
    ("köprü", "köprüden"),  # Turkish case
    ("elektrîk", "elektrîkê"),  # Kurmanji oblique
    ("budget", "budgets"),
])
def test_light_stems_of_inflected_forms_meet(one: str, other: str) -> None:
    assert light_stem(normalise(one).text) == light_stem(normalise(other).text)


@pytest.mark.parametrize("word", ["جسر", "bus", "نان", "köy"])
def test_light_stemming_keeps_three_letters(word: str) -> None:
    assert light_stem(normalise(word).text) == normalise(word).text
