"""Arabizi: Arabic written in Latin letters with digits for the sounds Latin lacks (3 = ع, 7 = ح,
5 = خ, 2 = ء, 6 = ط, 8/9 = ق). A word that carries such a digit is reduced to its consonant skeleton
and compared with the skeletons of the Arabic list entries ("7mar" and حمار are both 7-m-r).

Transliteration loses vowels and emphatics, so a hit is evidence for a human: its score is capped
below the reject line (the `arabizi-reading` ruling, `rulebook.ARABIZI_CAP`). Words without an Arabizi digit are left alone (English and
Turkish words would otherwise collide with Arabic skeletons); the usual Arabizi spellings of the
commonest insults without digits are plain list entries (`data/lexicon/any.tsv`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from majlis.screening.entries import Entry, packaged_entries
from majlis.screening.normalise import normalise

MIN_SKELETON = 3
# Arabic letters to skeleton symbols: emphatics fold into their plain partners, long vowels, hamza
# carriers and teh marbuta vanish, as they do in Latin spelling.
_ARABIC = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "7", "خ": "5", "د": "d", "ذ": "z", "ر": "r", "ز": "z",
    "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "3", "غ": "g", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "گ": "g", "چ": "S", "پ": "b", "ڤ": "f", "ک": "k",
}
_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("kh", "5"), ("gh", "g"), ("th", "t"), ("dh", "z"),
             ("3'", "g"), ("7'", "5"), ("6'", "z"), ("9'", "d"))
_LATIN = {
    "b": "b", "p": "b", "t": "t", "j": "j", "g": "j", "d": "d", "r": "r", "z": "z", "s": "s", "f": "f", "v": "f",
    "q": "q", "k": "k", "c": "k", "l": "l", "m": "m", "n": "n", "h": "h",
    "3": "3", "5": "5", "6": "t", "7": "7", "8": "q", "9": "q",
}
TOKEN = re.compile(r"[a-z0-9']+")
ARABIZI_DIGIT = re.compile(r"[235679]|8(?![0-9])")
# Numbers with units or ordinals ("3rd", "30years", "5km") and handles ending in numbers ("maria16").
NOT_ARABIZI = re.compile(r"^[0-9]+(st|nd|rd|th|s|k|m|x|d|g|am|pm|mm|cm|km|kg|mb|gb|lbs?|ft|yrs?|years?|days?|hrs?|hours?|mins?|secs?)?$"
                         r"|^[a-z']+[0-9]{2,}$")
STEM_SUFFIX = 2  # a stem matches a skeleton at most this much longer (endings, not other words)


def arabic_skeleton(word: str) -> str:
    """The consonant skeleton of an Arabic word."""
    return "".join(_ARABIC.get(ch, "") for ch in word)


def latin_skeleton(token: str) -> str:
    """The consonant skeleton of an Arabizi word."""
    for digraph, symbol in _DIGRAPHS:
        token = token.replace(digraph, symbol)
    return "".join(_LATIN.get(ch, ch if ch in "S5" else "") for ch in token)


def is_arabizi(token: str) -> bool:
    """A Latin word with an Arabizi digit and at least two letters (not a number, ordinal or unit)."""
    letters = sum(ch.isalpha() for ch in token)
    return letters >= 2 and bool(ARABIZI_DIGIT.search(token)) and not NOT_ARABIZI.match(token)


@dataclass(frozen=True)
class ArabiziHit:
    """An Arabizi word whose skeleton is a listed Arabic word's."""

    start: int
    end: int
    token: str
    entry: Entry


class ArabiziIndex:
    """The skeletons of Arabic single-word entries, for lookups by an Arabizi word's skeleton."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.words: dict[str, list[Entry]] = {}
        self.stems: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.language != "ar" or " " in entry.key:
                continue
            skeleton = arabic_skeleton(entry.key)
            if len(skeleton) < MIN_SKELETON:
                continue
            target = self.stems if entry.mode == "stem" else self.words
            target.setdefault(skeleton, []).append(entry)

    def find(self, text: str) -> list[ArabiziHit]:
        """Arabizi words of `text` that spell a listed Arabic word, with spans into `text`."""
        view = normalise(text, evasion=False)
        hits: list[ArabiziHit] = []
        for match in TOKEN.finditer(view.text):
            token = match.group()
            if not is_arabizi(token):
                continue
            skeletons = {latin_skeleton(token)}
            for article in ("el", "al", "il"):  # the article, glued on: el7mar
                if token.startswith(article) and len(token) > len(article) + 2:
                    skeletons.add(latin_skeleton(token[len(article):]))
            for skeleton in skeletons:
                found = list(self.words.get(skeleton, ()))
                found += [e for stem, group in self.stems.items()
                          if skeleton.startswith(stem) and len(skeleton) - len(stem) <= STEM_SUFFIX for e in group]
                start, end = view.span(match.start(), match.end())
                hits.extend(ArabiziHit(start, end, token, entry) for entry in found)
        return hits


@lru_cache(maxsize=1)
def packaged_index() -> ArabiziIndex:
    """The index of the shipped Arabic lists."""
    return ArabiziIndex(packaged_entries(("ar",)))
