"""Language identification for the six languages, with a fallback by letters."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.screening.language import by_letters, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The council said the bridge will reopen next week", "en"),
        ("قال مسؤولون إن أسعار المياه ارتفعت هذا الشهر في المدينة", "ar"),
        ("بەرپرسان دەڵێن نرخی ئاو لەم مانگەدا بەرز بووەتەوە", "ckb"),
        ("Berpirsan dibêjin bihayê avê vê mehê bilind bûye", "kmr"),
        ("Yetkililer bu ay su fiyatlarının arttığını söyledi", "tr"),
        ("مسئولان می گویند قیمت آب در این ماه افزایش یافته است", "fa"),
        ("Min got ku ew ê were", "kmr"),
    ],
)
def test_each_language_is_told_apart(text: str, language: str) -> None:
    detected = detect_language(text)
    assert detected.language == language
    assert 0 < detected.confidence <= 1


def test_letters_decide_when_there_is_no_model_answer() -> None:
    assert by_letters("سڵاو چۆنی").language == "ckb"  # type: ignore[union-attr]
    assert by_letters("پدر و مادر").language == "fa"  # type: ignore[union-attr]
    assert by_letters("Rojbaş hûn çawa ne").language == "kmr"  # type: ignore[union-attr]
    assert by_letters("ğüşıöç").language == "tr"  # type: ignore[union-attr]
    assert by_letters("12345 !!!") is None
    # Both scripts: the one with more letters decides.
    assert by_letters("OK شكرا جزيلا على المقال").language == "ar"  # type: ignore[union-attr]
    assert by_letters("Thanks for the article, شكرا").language == "en"  # type: ignore[union-attr]


def test_text_without_letters_takes_the_hint() -> None:
    assert detect_language("👍👍 100%", hint="ar").language == "ar"


def test_telltale_letters_and_words_decide_without_the_model() -> None:
    turkish = detect_language("Yetkililer bu ay su fiyatlarının arttığını söyledi")
    assert (turkish.language, turkish.method) == ("tr", "letters")
    english = detect_language("The council said that the bridge is open to traffic again")
    assert (english.language, english.method) == ("en", "words")
    # A Kurmanji letter beside them leaves the choice to the model and the Kurmanji rule.
    assert detect_language("Ez ji te hez dikim, tu dizanî ku ev rast e").language == "kmr"
    # Too few English function words: the model decides (Dutch here, not English).
    assert detect_language("De gemeente heeft de brug weer geopend voor het verkeer").method == "fasttext-lite"
    # Two function words settle a short English post; a Turkish function word beside them (Turkish
    # typed without its letters) leaves it to the model.
    assert detect_language("so sick of my phone").method == "words"
    assert detect_language("devlet herkese is bulmak zorunda mi, bu is the problem").method != "words"


@pytest.mark.parametrize("text", ["Ez ji ve nuceye pir kefxwes bum, spas", "Baran li gundê me pir dibare",
                                  "Tu ci dibeji, ev rast nine"])
def test_kurmanji_typed_without_its_letters_is_kurmanji(text: str) -> None:
    assert detect_language(text).language == "kmr"


@pytest.mark.parametrize("text", ["we will be in the city tomorrow", "min ve max degerleri bu tabloda",
                                  "bu konuda ben de ne diyecegimi bilmiyorum",
                                  "tu te moques de moi, je ne te crois pas", "se tu vuoi, ci vediamo di sera",
                                  "te lo dije, tu hermano se fue"])
def test_english_and_turkish_with_kurmanji_looking_words_are_not_kurmanji(text: str) -> None:
    assert detect_language(text).language != "kmr"


@pytest.mark.parametrize("text", ["ya 7mar enta", "sho 3am t2ol ya zalameh", "inta 7elo kteer w 3ajabni el mawdoo3"])
def test_arabizi_is_arabic(text: str) -> None:
    detected = detect_language(text)
    assert (detected.language, detected.method) == ("ar", "arabizi")


@pytest.mark.parametrize(
    ("text", "language"),
    [("I paid 35 dollars for 3 tickets to the match", "en"), ("Bugün 3 kişi geldi ve 5 saat bekledi", "tr")],
)
def test_numbers_alone_do_not_make_arabizi(text: str, language: str) -> None:
    assert detect_language(text).language == language



@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="a/w.@#&;1 \n", max_size=12))
def test_links_and_paths_are_whole_words_holding_a_slash(text: str) -> None:
    """Before Arabizi is counted, every word holding "/" goes, whole, as a link or path would."""
    from majlis.screening.language import NOT_WORDS

    marked = NOT_WORDS.sub(lambda m: "<" + m.group() + ">", text)
    slashed = [span[1:-1] for span in re.findall(r"<[^<>]*>", marked) if "/" in span]
    assert slashed == [word for word in text.split() if "/" in word]
