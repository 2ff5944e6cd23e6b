"""How a listed word is used in its sentence: aimed at someone ("you idiot"), quoted or named in
order to condemn it, or written plainly (no mask, digit, flood or look-alike letter). The list stage
reads every match through these; they know nothing of the lists themselves."""

from __future__ import annotations

import re

from majlis.screening.normalise import INVISIBLE, normalise

# A second-person word or a vocative just before a mild insult aims it at someone ("you idiot").
# Kept in the normalised form the matcher sees too (Sorani ئێوە folds to ييوه).
_SECOND_PERSON_WORDS = ["you", "u", "youre", "ya", "انت", "انتي", "انتو", "sen", "تو", "شما", "ئێوە", "ئەی",
                        "tu", "te", "hûn", "ey", "lo"]
SECOND_PERSON = frozenset(_SECOND_PERSON_WORDS) | frozenset(normalise(w).text for w in _SECOND_PERSON_WORDS)
# The Arabic vocative aims only the word right after it ("يا حقير"): in "يا رب ... كذاب" it calls on
# someone else, and greetings ("يا جماعة", "يا عمري") open many innocent sentences.
VOCATIVE = frozenset({"يا"})
QUOTES = "\"“”«»„'‘’"
CONDEMNING = re.compile(
    r"\b(called (me|him|her|them|us)|the word|this word|a slur|the slur|slurs?|so-called|term)\b", re.I
)
# What may follow a plainly written stem ("fucking", "shitty"); anything else is another word or a disguise.
PLAIN_ENDINGS = ("", "s", "ed", "ing", "in", "y", "ty")
_WORDS = re.compile(r"\w+")
# What ends a sentence; the last one before a point is found as the one no other follows before it.
_SENTENCE_END = re.compile(r"[.!?\n؟]")
_LAST_SENTENCE_END = re.compile(r"[.!?\n؟][^.!?\n؟]*\Z")
_INVISIBLE = "".join(map(chr, INVISIBLE))


def you_before(folded: str, start: int) -> bool:
    """Whether one of the five words before `start` of a folded text says "you", or the word right
    before it calls on someone."""
    window = _WORDS.findall(folded[max(0, start - 60) : start])[-5:]
    return any(word in SECOND_PERSON for word in window) or (bool(window) and window[-1] in VOCATIVE)


def you_next(text: str, end: int) -> bool:
    """Whether the word after `end` says "you" ("fuck you")."""
    following = _WORDS.findall(text[end : end + 20].casefold())[:1]
    return bool(following) and following[0] in SECOND_PERSON


def written_plainly(written: str, key: str, stem: bool) -> bool:
    """Whether a word was written as the list writes `key`, give or take case and (for a stem) a
    plain ending."""
    word = written.casefold().strip(_INVISIBLE)
    if stem:
        return word.startswith(key) and word[len(key):] in PLAIN_ENDINGS
    return word == key


def quoted(text: str, start: int, end: int) -> bool:
    """Inside quotation marks, or named as a word being condemned, in the same sentence."""
    before_start = _LAST_SENTENCE_END.search(text, 0, start)
    sentence_start = before_start.start() + 1 if before_start else 0
    after_end = _SENTENCE_END.search(text, end)
    sentence_end = after_end.start() if after_end else len(text)
    before, after = text[sentence_start:start], text[end:sentence_end]
    inside_quotes = any(before.count(q) % 2 == 1 for q in QUOTES if q in before and q in after) or (
        any(q in before for q in "“«„") and any(q in after for q in "”»“")
    )
    return inside_quotes or bool(CONDEMNING.search(text[sentence_start:sentence_end]))
