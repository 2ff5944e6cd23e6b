"""Normalisation defeats evasion and maps every folded character back to the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.screening.normalise import normalise

CASES = [
    ("F*CK", "f*ck"),
    ("fuuuuuck", "fuck"),
    ("f u c k", "fuck"),
    ("f.u.c.k", "fuck"),
    ("sh1t", "shit"),
    ("@$$hole", "asshole"),
    ("ѕhіt", "shit"),  # Cyrillic look-alikes
    ("f\u200bu\u200bc\u200bk", "fuck"),  # zero-width spaces
    ("\u202efuck", "fuck"),  # bidi override
    ("Fück", "fuck"),
    ("z̷a̷l̷g̷o̷", "zalgo"),
    ("كَلْبٌ", "کلب"),  # tashkeel
    ("كـــــلب", "کلب"),  # tatweel
    ("ﻛﻠﺐ", "کلب"),  # presentation forms
    ("أحمق", "احمق"),  # hamza forms
    ("مدرسة", "مدرسه"),  # teh marbuta
    ("علی", "علي"),  # Persian yeh and Arabic yeh meet
    ("٠٧٥٠ ۱۲۳", "0750 123"),  # Arabic-Indic and Persian digits
    ("İSTANBUL şerefsiz", "istanbul serefsiz"),
    ("too    many   spaces", "too many spaces"),
    ("don’t, youʼre", "don't, you're"),  # typographic apostrophes
]


@pytest.mark.parametrize(("text", "folded"), CASES)
def test_evasions_fold_to_the_plain_word(text: str, folded: str) -> None:
    assert normalise(text).text == folded


def test_numbers_and_prices_are_not_leetspeak() -> None:
    assert normalise("I paid $100 for 2 tickets in 2026").text == "i paid $100 for 2 tickets in 2026"
    assert normalise("@Layla I agree").text == "@layla i agree"


@pytest.mark.parametrize("text", ["Hello f u c k world", "x fuuuuck y", "a\u200bb sh1t", "كـــلب كَلْبٌ", "Fück"])
def test_spans_map_back_to_the_original(text: str) -> None:
    view = normalise(text)
    assert len(view.starts) == len(view.ends) == len(view.text)
    for i in range(len(view.text)):
        assert 0 <= view.starts[i] < view.ends[i] <= len(text)
    start, end = view.span(0, len(view.text))
    assert (start, end) == (0, len(text)) or text[end:].strip() == ""


def test_light_view_keeps_diacritics() -> None:
    assert normalise("Kîr", light=True).text == "kîr"
    assert normalise("PİÇ", light=True).text == "piç"
    assert normalise("Kîr").text == "kir"


@pytest.mark.parametrize("text", ["@user.name", "@ss-hole", "@user_x", "(@user)", "@b1tch", "x@y", "@sshole!",
                                  "h@te", "@$$", "a$$", "great!", "b!tch!", "@user", "sh1t happens", "covid19"])
def test_the_leetspeak_hint_skips_only_texts_it_would_not_change(text: str) -> None:
    """The hint decides whether the costlier leetspeak pass runs: skipping must never change the view."""
    from majlis.screening.normalise import _LEET_CANDIDATE, _LEET_HINT, _leet

    folded = normalise(text, evasion=False).text
    full = _leet(folded) if _LEET_CANDIDATE.search(folded) else folded
    assert (_leet(folded) if _LEET_HINT.search(folded) else folded) == full



@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abé2_ .-·\n", max_size=10))
def test_the_spaced_letters_hint_finds_a_match_exactly_where_the_pass_does(text: str) -> None:
    """The hint lets the pass that joins spaced-out letters be skipped: it must answer as the pass's
    own pattern would, whatever the text."""
    from majlis.screening.normalise import _SPACED, _SPACED_HINT

    assert bool(_SPACED_HINT.search(text)) == bool(_SPACED.search(text))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab0137@$!|€+ .x\n", max_size=10))
def test_skipping_leetspeak_on_the_hint_never_changes_the_view(text: str) -> None:
    """Whatever the text, the leetspeak pass changes nothing where the hint says to skip it."""
    from majlis.screening.normalise import _LEET_CANDIDATE, _LEET_HINT, _leet

    full = _leet(text) if _LEET_CANDIDATE.search(text) else text
    assert (_leet(text) if _LEET_HINT.search(text) else text) == full


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="aab  \n\t.!1ش", max_size=10))
def test_the_runs_hint_sees_every_run(text: str) -> None:
    """Letter floods and runs of white space are squeezed only where the cheap scans see a tripled
    character or two spaces: they must see every run the squeeze would find."""
    from majlis.screening.normalise import _RUNS, _TRIPLED, _TWO_SPACES

    if _RUNS.search(text):
        assert _TRIPLED.search(text) or _TWO_SPACES.search(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab1@$! .\n", max_size=12))
def test_leetspeak_is_undone_in_whole_words_that_hold_a_letter_symbol_pair(text: str) -> None:
    """The leetspeak pass takes exactly the words (runs of non-spaces) that hold a pair."""
    import re

    from majlis.screening.normalise import _LEET_CANDIDATE, _LEET_PAIR

    def mark(match: re.Match[str]) -> str:
        return "<" + match.group() + ">"

    expected = re.sub(r"\S+", lambda m: mark(m) if re.search(_LEET_PAIR, m.group()) else m.group(), text)
    assert _LEET_CANDIDATE.sub(mark, text) == expected


def _fold_one_by_one(text: str) -> tuple[str, list[int], list[int]]:
    """The character view built one character at a time: what the run-by-run fold must equal."""
    from majlis.screening.normalise import INVISIBLE, TATWEEL, fold_char

    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, ch in enumerate(text):
        folded = fold_char(ch)
        if folded:
            chars.append(folded)
            starts += [index] * len(folded)
            ends += [index + 1] * len(folded)
        elif ends and ends[-1] == index and (unicodedata.category(ch).startswith("M") or ch == TATWEEL
                                             or ord(ch) in INVISIBLE):
            ends[-1] = index + 1
    return "".join(chars), starts, ends


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("abc كلب\u064e\u0651\u0640\u200c\u200b\u0621ßﬁ️é\u0301")), max_size=40).map("".join))
def test_the_fold_goes_run_by_run_as_it_would_character_by_character(text: str) -> None:
    view = normalise(text, evasion=False)
    assert (view.text, list(view.starts), list(view.ends)) == _fold_one_by_one(text)


# Blanks that show as nothing or a sliver of space, put inside a word so that the lists miss it.
SPLITTERS = ["\u2800", "\u00ad", "\u200b", "\u200a", "\u2009", "\u202f", "\u3164", "\u180b", "\U0001d173",
             "\U000e0101", "\u2062"]


@pytest.mark.parametrize("blank", SPLITTERS)
def test_a_blank_inside_a_word_does_not_split_it(blank: str) -> None:
    assert normalise(f"you id{blank}iot").text == "you idiot"
    assert normalise(f"اح{blank}مق").text == "احمق"


@pytest.mark.parametrize("blank", SPLITTERS)
def test_a_word_split_by_a_blank_keeps_its_span_in_the_original(blank: str) -> None:
    text = f"what an id{blank}iot, really"
    view = normalise(text)
    start = view.text.index("idiot")
    assert view.span(start, start + len("idiot")) == (8, 14)
    assert text[8:14] == f"id{blank}iot"


def test_braille_blanks_between_letters_join_them() -> None:
    assert normalise("f\u2800u\u2800c\u2800k off").text == "fuck off"


def test_a_listed_word_split_by_a_braille_blank_is_found() -> None:
    from majlis.domain import Action
    from majlis.screening.pipeline import Screener

    text = "you are an id\u2800iot"
    verdict = Screener().screen(text)
    assert verdict.action is not Action.APPROVE
    assert "id\u2800iot" in [text[e.start : e.end] for e in verdict.evidence]
