"""Word collisions: no list entry matches a frequent ordinary word of a language unless that is meant
and written down (`tests/data/frequent_words/allowed.tsv`, a reason on every line).

The word lists are test data (see their headers: wordfreq's most frequent words for en, ar, fa, tr;
KLPT's Sorani and Kurmanji lexicons). A word that is itself the entry, in the entry's own language, or
that a `stem` entry of that language begins, is the entry doing its job; any other match (a Sorani
insult that folds into the everyday word for "oppression", an Arabic slur spelt like a Persian word)
is a collision to fix (`not_in`, `word` rather than `stem`, `endings.OTHER_WORDS`, a phrase) or to
allow with its reason.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from majlis.domain import Category
from majlis.screening.lexicon import packaged_lexicon
from majlis.screening.normalise import normalise

WORDS = Path(__file__).resolve().parents[1] / "data" / "frequent_words"
LANGUAGES = ("en", "ar", "ckb", "kmr", "tr", "fa")


def frequent_words(language: str) -> list[str]:
    """The frequent words of a language, most frequent first (`#` lines are the header)."""
    lines = (WORDS / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def allowed() -> dict[tuple[str, str, str], str]:
    """(language, word, entry as `language:term`) -> the reason the match is meant."""
    lines = [line for line in (WORDS / "allowed.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return {(row["language"], row["word"], row["entry"]): row["reason"]
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def collisions(language: str) -> list[tuple[str, str]]:
    """(word, entry) for every frequent word of `language` an entry matches without being it."""
    lexicon = packaged_lexicon()
    found = []
    for word in frequent_words(language):
        for match in lexicon.find(word, normalise(word), language=language):
            entry = match.entry
            if entry.category is Category.PROMOTION:
                continue
            # Compared as written (diacritics kept): folding is how a different word comes to match.
            word_, term = normalise(word, light=True).text, normalise(entry.term, light=True).text
            itself = entry.language == language and (word_ == term or (entry.mode == "stem" and word_.startswith(term)))
            if not itself:
                found.append((word, f"{entry.language}:{entry.term}"))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_matches_a_frequent_ordinary_word_unless_written_down(language: str) -> None:
    unexplained = sorted({(w, e) for w, e in collisions(language) if (language, w, e) not in allowed()})
    assert not unexplained, f"{language}: entries matching ordinary words (fix, or allow with a reason): {unexplained}"


def test_every_allowed_collision_has_a_reason_and_still_happens() -> None:
    seen = {(language, w, e) for language in LANGUAGES for w, e in collisions(language)}
    for key, reason in allowed().items():
        assert reason.strip(), key
        assert key in seen, f"allowed but no longer a collision, drop the line: {key}"


@pytest.mark.parametrize(("language", "text"), [
    ("ckb", "زوڵم لە خەڵک دەکرێت"),  # oppression, not زۆڵ (bastard) + -م
    ("ckb", "هەلەکە قۆزتەوە"),  # seized the chance, not قوز
    ("ckb", "سێ کەڕەت"),  # three times, not کەر (donkey)
    ("ar", "دخل القانون حيز التنفيذ"),  # came into force: حيز is not Sorani حیز
    ("ar", "وزارة الأشغال العامة"),  # the ministry of public works, not Persian آشغال
    ("ar", "قال جون كيري"),  # John Kerry
    ("fa", "سرزمین‌های اشغالی"),  # the occupied territories
    ("fa", "عرصه سیاست"),  # the arena of politics, not Arabic عرص
    ("fa", "کار نیک"),  # a good deed, not Arabic نيك
    ("fa", "دودمان صفوی"),  # the Safavid dynasty
    ("fa", "اسکله بندر"),  # the port's pier
    ("fa", "بهش بگه"),  # tell him
    ("ar", "انت فاكر حالك"),  # "you think yourself...", not Persian فاکر
    ("ar", "مكافحة الأوبئة"),  # fighting epidemics
    ("fa", "بریدن نان"),  # cutting bread, not ریدن
    ("tr", "kır evi"),  # a country house, not Finglish `kir`
    ("kmr", "zeb baş e"),  # very good
    ("kmr", "pakî û paqijî"),  # cleanliness
])
def test_ordinary_words_that_used_to_collide_are_clean(language: str, text: str) -> None:
    found = [m.entry.term for m in packaged_lexicon().find(text, normalise(text), language=language)
             if m.entry.category is not Category.PROMOTION]
    assert not found, (text, found)
