"""Word endings of the agglutinative languages served: Sorani, Kurmanji and Turkish.

An insult there carries its own endings ("گەمژەیت" you are stupid, "kûçiko" you dog, "götünü"), so a
list entry of such a language matches its word followed by a run of the language's endings, and the
endings that say "you" (the copula of the second person, the vocative, "your") aim it at someone.
Endings are written here as people write them and compared in the views the matcher reads. Words that
only begin like an entry (`OTHER_WORDS`, English stems' included) are kept apart here too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from majlis.screening.normalise import normalise

SORANI_ENDINGS = ("ترين", "تر", "هکان", "هکه", "کان", "که", "يهک", "يکي", "يک", "يان", "يتان", "تان", "مان", "يت",
                  "يين", "ين", "يه", "يش", "ان", "ي", "ه", "ت", "م", "ن", "ش")
# The copula -یت says "you are"; -ت, -تان alone say "your", an insult only without the definite -ەکە,
# -ەکان before it (سەگەکەت "your dog" is not "you dog").
SORANI_YOU = re.compile(r"(?<!هکه)(?<!هکان)(يت|يتان|تان|ت)$")
KURMANJI_ENDINGS = ("ekî", "ekê", "eke", "ek", "ino", "ine", "yên", "yê", "ya", "ên", "an", "in", "ê", "a",
                    "o", "î", "e", "i")
# Only the vocatives ("dizo!" thief!, "kerino!") say "you" by themselves: the attached copula `-î` ("tu
# dizî" you are a thief) is spelt like the `-î` that makes a noun of a quality ("dizî" theft, "xayînî"
# treason) and like a verb's ending ("dizanî" you know). After "tu" it aims the word (`aim.you_before`);
# without "tu", `quality_noun` reads it as the noun.
KURMANJI_YOU = re.compile(r"(o|ino)$")
# Words that begin like a list entry but are other words (each stands for the words it begins): after
# an English stem ("niggardly" is not the slur; "beanery", "retardant", "Moroni" the capital of the
# Comoros), or with what a language's endings would misread. Kurmanji `dizan-` (to know: dizanim,
# dizanî, dizane) is not `diz` (thief) + `-an`; Sorani `پێست` (skin) is not `پیس` (dirty) + `-ت`
# "you", `کەرت` (sector) not `کەر` (donkey) + `-ت`, `نەزانی-` (not knowing: ئەگەر نەزانیت "if you
# don't know"; ignorance) not `نەزان` (ignorant) + `-یت`, `کەرەم` (generosity; کەرەم بکە "please")
# not `کەر` + `-ەم`, `تەرسیم` (a drawing) not `تەرس` + `-یم`, `حەیوانات` (animals: باخچەی حەیوانات,
# the zoo) not `حەیوان` + `-ات`, `زوڵم` (oppression) not `زۆڵ` (bastard) + `-م` once ۆ folds to و,
# `قۆزتنەوە` (to seize) not `قوز` + `-ت`, `کەڕەت` (times) not `کەر` + `-ەت`; Persian `اسکله` (a pier)
# is not `اسکل` (idiot) + `-ه`, `کوسه` (a shark) not `کوس` + `-ه`. Found by reading English, Sorani and
# Kurmanji dictionaries (Debian's wamerican-large; KLPT's, CC BY-SA 4.0) and wordfreq's frequent words
# through the lists (`tests/screening/test_collisions.py` keeps them apart).
OTHER_WORDS: dict[str, tuple[str, ...]] = {
    language: tuple(normalise(word).text for word in words)
    for language, words in {
        "en": ("niggard", "beanery", "retardant", "retarder", "moroni", "muzzier", "muzziest"),
        "kmr": ("dizan",),
        "ckb": ("پێست", "کەرت", "نەزانی", "کەرەم", "تەرسیم", "حەیوانات", "زوڵم", "قۆزتن", "قۆزتەوە", "کەڕەت"),
        "fa": ("اسکله", "کوسه"),
    }.items()
}
# Case, possessive, plural and copula endings in every vowel harmony ("götünü", "piçler", "gavurlara");
# consonant changes before a vowel (eşek -> eşeği) are left out.
TURKISH_ENDINGS = ("ı", "i", "u", "ü", "a", "e", "yı", "yi", "yu", "yü", "ya", "ye", "nı", "ni", "nu", "nü", "na",
                   "ne", "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "da", "de", "ta", "te", "dan", "den",
                   "tan", "ten", "nda", "nde", "ndan", "nden", "la", "le", "yla", "yle", "lar", "ler", "m", "ım",
                   "im", "um", "üm", "mız", "miz", "muz", "müz", "n", "nız", "niz", "nuz", "nüz", "sı", "si", "su",
                   "sü", "sın", "sin", "sun", "sün", "sınız", "siniz", "sunuz", "sünüz", "dır", "dir", "dur", "dür",
                   "tır", "tir", "tur", "tür", "lık", "lik", "luk", "lük", "ca", "ce", "ça", "çe", "ki")
TURKISH_YOU = re.compile(r"s[iıuü]n(?:[iıuü]z)?$")  # -sin, -siniz: "you are"


def _run(endings: Sequence[str], most: int, fold: bool = True) -> re.Pattern[str]:
    """A run of at most `most` endings, as the normalised (or, with `fold` off, the light) view spells them."""
    spelt = dict.fromkeys(normalise(e).text if fold else e for e in endings)
    return re.compile("(?:" + "|".join(spelt) + f"){{0,{most}}}")


_FULL = {"ckb": _run(SORANI_ENDINGS, 3), "kmr": _run(KURMANJI_ENDINGS, 2), "tr": _run(TURKISH_ENDINGS, 3)}
_LIGHT = {"kmr": _run(KURMANJI_ENDINGS, 2, fold=False), "tr": _run(TURKISH_ENDINGS, 3, fold=False)}
_YOU = {"ckb": SORANI_YOU, "kmr": KURMANJI_YOU, "tr": TURKISH_YOU}


def inflects(language: str) -> bool:
    """Whether entries of `language` match with its endings."""
    return language in _FULL


def is_endings(language: str, tail: str, light: bool = False) -> bool:
    """Whether `tail`, the rest of a word after an entry of `language`, is a run of its endings (in the
    normalised view, or in the light one that keeps diacritics)."""
    run = (_LIGHT if light else _FULL).get(language)
    return run is not None and run.fullmatch(tail) is not None


def quality_noun(language: str, tail: str) -> bool:
    """Whether the endings `tail` of a Kurmanji word make the noun of its quality ("dizî" theft,
    "xayîniya" the treason of) rather than the word itself; after "tu" the same `-î` says "you are"."""
    return language == "kmr" and (tail in ("i", "î") or tail.startswith(("iy", "îy")))


def misread(language: str, word: str) -> bool:
    """Whether `word`, an entry of `language` followed by what look like endings, is another word."""
    return word.startswith(OTHER_WORDS.get(language, ()))


def says_you(language: str, tail: str) -> bool:
    """Whether the endings `tail` of a word of `language` say "you"."""
    you = _YOU.get(language)
    return you is not None and bool(tail) and you.search(tail) is not None


# Light stemming for comparing a comment's words with an article's (relevance), whatever the language:
# glued-on Arabic-script clitics and the commonest plural, possessive and case endings come off, the
# shortest stem kept being three letters ("أسعار"/"الأسعار", "قیمت‌ها"/"قیمت", "köprüden"/"köprü").
# Broken plurals (سعر/أسعار) are beyond a light stemmer: the concept list names both forms.
_ARABIC_CLITICS = tuple(normalise(c).text for c in ("وال", "بال", "فال", "كال", "لل", "ال"))
_ARABIC_SCRIPT_ENDINGS = tuple(sorted(
    dict.fromkeys(normalise(e).text for e in ("ات", "ون", "ين", "ها", "هم", "كم", "نا", "ية", "ة", "ه", "ي", "ان",
                                              "های", "هایی", "ی", "یی", "ای", "ش", "شان", "تان", "مان",
                                              *SORANI_ENDINGS)), key=len, reverse=True))
_LATIN_ENDINGS = tuple(sorted(dict.fromkeys(
    normalise(e).text for e in ("s", "es", "ed", "ing", "ly", "ies", *TURKISH_ENDINGS, *KURMANJI_ENDINGS)),
    key=len, reverse=True))
MIN_STEM = 3


def light_stem(word: str) -> str:
    """A folded word (`normalise`) without its clitics and up to two endings, for comparing words."""
    if word and "\u0600" <= word[0] <= "\u06ff":
        for clitic in _ARABIC_CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
                word = word[len(clitic):]
                break
        endings = _ARABIC_SCRIPT_ENDINGS
    else:
        endings = _LATIN_ENDINGS
    for _ in range(2):
        for ending in endings:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[: -len(ending)]
                break
        else:
            break
    return word
