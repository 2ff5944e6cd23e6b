"""Word and phrase lists per language and category, matched in one Aho-Corasick pass.

Lists live in `data/lexicon/*.tsv` (see its README for the format and sources; `entries.py` reads
them). A site's own `banned` (reject) and `suspect` (review) words are matched on top, with the same
normalisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

from majlis.domain import Category
from majlis.screening.aim import (
    quoted,
    reported,
    written_plainly,
    you_before,
    you_next,
    you_right_before,
)
from majlis.screening.arabizi import packaged_index as packaged_arabizi
from majlis.screening.context import ScreenContext
from majlis.screening.endings import inflects, is_endings, misread, quality_noun, says_you
from majlis.screening.entries import ARABIC_LETTER, Entry, packaged_entries, read_entries
from majlis.screening.findings import AIMED, ARABIZI, GUESSED, QUOTED, UNAIMED_SWEARING, Findings
from majlis.screening.normalise import MASK_CHARS, Normalised, normalise
from majlis.screening.verdict import Evidence

if TYPE_CHECKING:
    from majlis.screening.reading import Reading

# Clitics that may be glued before an Arabic-script word: and, so, with, for, the, O (vocative).
ARABIC_PREFIXES = frozenset(["و", "ف", "ب", "ل", "ک", "ال", "وال", "فال", "بال", "کال", "لل", "ولل", "يا"])
# Pronoun and plural endings allowed after Arabic-script words of three letters or more.
ARABIC_SUFFIXES = frozenset(["ه", "ها", "هم", "هن", "ک", "کم", "ي", "ين", "ون", "ات", "وا", "نا", "يه"])
# Every `exact` entry carries a letter with a diacritic; a text without one cannot match them.
_LATIN_EXTENDED = re.compile(r"[\u00C0-\u024F\u1E00-\u1EFF]")
_MASK_AFTER_LETTER = re.compile(r"[*#_%](?<=[a-z].)")
_MASKED_WORD = re.compile(r"[a-z][*#_%]+[a-z]|[a-z]{2}[*#_%]+(?![\w*#_%])|(?<![\w*#_%])[a-z][*#]{3,}(?![\w*#_%])")
# One letter and three masks or more ("f***", "b****") is read as a guess (rulebook.GUESS_CAP); shorter
# ones ("f**") are too ambiguous, and underscores are as often blanks to fill in ("a___").
EXPLETIVE = "expletive"
EVIDENCE_ONLY_BELOW = 0.5  # weaker entries are shown to moderators but do not move the score
PROMOTION_SOURCE = "lexicon:promotion"  # the evidence of a listed call to action
# A digit beside a Latin letter, digit first: the scan jumps from digit to digit.
_MAYBE_ARABIZI = re.compile(r"[235679](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")


def _fits(shape: str, key: str) -> bool:
    """Whether a word with masked letters ("f*ck") could be `key`: same length, every unmasked
    letter equal, every mask standing for an ASCII letter."""
    return all(c == k or (c in MASK_CHARS and "a" <= k <= "z") for c, k in zip(shape, key))


@dataclass(frozen=True)
class Match:
    """An entry found in a text: the original span, and the entry."""

    entry: Entry
    start: int
    end: int
    targeted: bool = False
    quoted: bool = False
    plain: bool = False  # written as the list writes it (no mask, digit, flood or look-alike letter)
    guessed: bool = False  # one letter and masks: the word is a guess (see GUESS_CAP)

    @property
    def unaimed_swearing(self) -> bool:
        """A plainly written expletive aimed at no one."""
        return self.plain and not self.targeted and self.entry.subtype == EXPLETIVE


def marks_of(match: Match) -> tuple[str, ...]:
    """The facts of a match that the rulings weigh (findings.py): aimed, quoted, unaimed, guessed."""
    marks: tuple[str, ...] = ()
    if match.targeted:
        marks += (AIMED,)
    if match.quoted:
        marks += (QUOTED,)
    if match.unaimed_swearing:
        marks += (UNAIMED_SWEARING,)
    if match.guessed:
        marks += (GUESSED,)
    return marks


def match_evidence(text: str, match: Match, source: str, detail: str) -> Evidence:
    """The evidence of a match: its entry's severity, with its marks for the rulings."""
    return Evidence(match.entry.category, match.start, match.end, source, detail, match.entry.severity,
                    marks_of(match))


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _token_end(text: str, end: int) -> int:
    while end < len(text) and _is_word(text[end]):
        end += 1
    return end


def _endings_apply(entry: Entry, length: int, language: str) -> bool:
    """A Kurdish or Turkish word matched with endings counts only in a comment of its language (or of
    unknown language): Turkish `dizi` (a TV series) is not Kurmanji `diz` (thief) with an ending."""
    inflected = inflects(entry.language) and entry.mode in ("word", "exact") and length > len(entry.key)
    return not inflected or language in ("", entry.language)


def _inflected(entry: Entry, tail: str, light: bool) -> bool:
    """Whether `tail`, the rest of the word after an entry's key, is a run of its language's endings."""
    return len(entry.key) >= 3 and is_endings(entry.language, tail, light)


def _ascii_exact(entry: Entry) -> bool:
    """An `exact` entry written in ASCII letters only (Turkish `sikiyim`, not `sıkıyım`): the light view,
    built only for texts with accented Latin letters, would never see it in a text without them, so it
    is read in the full view, where a match counts only if the original is ASCII too."""
    return entry.mode == "exact" and entry.key.isascii()


def _automaton(entries: Iterable[Entry]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.key:
            grouped.setdefault(entry.key, []).append(entry)
    if not grouped:
        return None
    for key, group in grouped.items():
        automaton.add_word(key, (len(key), tuple(group)))
    automaton.make_automaton()
    return automaton


class Lexicon:
    """A compiled set of entries; `find` returns every match with its span in the original text."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self._full = _automaton(e for e in entries if e.mode in ("word", "stem", "phrase") or _ascii_exact(e))
        self._light = _automaton(e for e in entries if e.mode == "exact" and not _ascii_exact(e))
        # Patterns (Sorani verb morphology, Arabic words whose clitics mislead) are few: one alternation,
        # each entry its own named group.
        self._patterns = [e for e in entries if e.mode == "pattern"]
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<p{i}>{e.key})" for i, e in enumerate(self._patterns)) + r")(?!\w)")
            if self._patterns else None
        )
        # Latin word and stem entries by first letter (a masked word's first letter is never masked,
        # so only the entries that start with it can fit), each with its length, grouped by length.
        by_length: dict[int, list[Entry]] = {}
        for entry in entries:
            if entry.mode in ("word", "stem") and entry.key.isascii() and entry.key.isalpha():
                by_length.setdefault(len(entry.key), []).append(entry)
        self._by_letter: dict[str, list[tuple[int, Entry]]] = {}
        for length, same_length in by_length.items():
            for entry in same_length:
                self._by_letter.setdefault(entry.key[0], []).append((length, entry))

    def _accept(self, text: str, start: int, end: int, entry: Entry, light: bool = False) -> bool:
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        arabic = bool(ARABIC_LETTER.match(entry.key[:1]))
        if _is_word(before):
            if not arabic:
                return False
            token_start = start
            while token_start > 0 and _is_word(text[token_start - 1]):
                token_start -= 1
            if text[token_start:start] not in ARABIC_PREFIXES:
                return False
        if not _is_word(after):
            return True
        tail = text[end:_token_end(text, end)]
        if misread(entry.language, text[start:end] + tail):
            return False
        if entry.mode == "stem":
            return True
        if _inflected(entry, tail, light):
            return not quality_noun(entry.language, tail) or you_right_before(text, start)
        return arabic and len(entry.key) >= 3 and tail in ARABIC_SUFFIXES

    def _scan(
        self, automaton: ahocorasick.Automaton | None, view: Normalised, light: bool = False
    ) -> list[tuple[Entry, int, int]]:
        found: list[tuple[Entry, int, int]] = []
        if automaton is None or not view.text:
            return found
        for end_index, (length, group) in automaton.iter(view.text):
            start, end = end_index - length + 1, end_index + 1
            for entry in group:
                if self._accept(view.text, start, end, entry, light):
                    # the span covers the whole inflected word, so the ending can tell who is meant
                    found.append((entry, start, _token_end(view.text, end) if entry.mode != "phrase" else end))
        return found

    def _masked(self, view: Normalised, language: str = "") -> tuple[list[tuple[Entry, int, int]], list[tuple[Entry, int, int]]]:
        """Words with masked letters ("f*ck", "sh#t") against Latin entries of the same shape; and,
        apart, guesses: one letter and masks ("f***") against the entries with that first letter and
        length. Where several entries fit, the likeliest reading is kept (`_likeliest`)."""
        found: list[tuple[Entry, int, int]] = []
        guessed: list[tuple[Entry, int, int]] = []
        text = view.text
        # The pattern needs a letter then a mask: a scan from mask to mask skips it for most comments.
        if not _MASK_AFTER_LETTER.search(text) or not _MASKED_WORD.search(text):
            return found, guessed
        for token in re.finditer(r"(?<![\w*#_%])[a-z*#_%]+", view.text):
            word = token.group()
            if not any(c in MASK_CHARS for c in word) or not word[0].isalpha() or len(word) < 3:
                continue
            if not any(c.isalpha() for c in word[1:]):
                if len(word) >= 4 and all(c in "*#" for c in word[1:]):
                    fitting = [e for length, e in self._by_letter.get(word[0], ()) if length == len(word)]
                    guessed += [(e, token.start(), token.end()) for e in _likeliest(fitting, language, guess=True)]
                continue
            fitting = [entry for length, entry in self._by_letter.get(word[0], ())
                       if (length == len(word) or (length < len(word) and entry.mode == "stem"))
                       and _fits(word[:length], entry.key)]
            found += [(e, token.start(), token.end()) for e in _likeliest(fitting, language)]
        return found, guessed

    def find(
        self, text: str, full: Normalised | None = None, light: Normalised | None = None, language: str = ""
    ) -> list[Match]:
        """Every entry found in `text` (written in `language`, if known), with context flags."""
        full = full or normalise(text)
        masked, guessed = self._masked(full, language)
        found = self._scan(self._full, full) + masked
        if self._pattern is not None and ARABIC_LETTER.search(full.text):  # Sorani verbs, Arabic forms
            found += [(self._patterns[int(str(m.lastgroup)[1:])], m.start(), m.end())
                      for m in self._pattern.finditer(full.text)]
        hits = [(e, *full.span(s, t), full, s, False) for e, s, t in found if _endings_apply(e, t - s, language)
                and (not _ascii_exact(e) or text[slice(*full.span(s, t))].isascii())]
        hits += [(e, *full.span(s, t), full, s, True) for e, s, t in guessed]
        if self._light is not None and _LATIN_EXTENDED.search(text):
            light = light or normalise(text, light=True)
            hits += [(e, *light.span(s, t), light, s, False) for e, s, t in self._scan(self._light, light, light=True)
                     if _endings_apply(e, t - s, language)]
        matches = []
        for entry, start, end, view, folded_start, guess in hits:
            if language and language in entry.not_in:
                continue
            matches.append(
                Match(
                    entry,
                    start,
                    end,
                    targeted=you_before(view.text, folded_start, language)
                    or (language in ("", entry.language) and _addressed(entry, view.text, folded_start))
                    or (entry.subtype == EXPLETIVE and you_next(text, end)),
                    quoted=quoted(text, start, end)
                    or (entry.category is Category.THREAT and reported(text, start)),
                    plain=entry.subtype == EXPLETIVE
                    and written_plainly(text[start:end], entry.key, entry.mode == "stem"),
                    guessed=guess,
                )
            )
        return matches


def _likeliest(fitting: list[Entry], language: str, guess: bool = False) -> list[Entry]:
    """Of the entries a masked word fits ("s**t": shit, slut), the likeliest readings: those of the
    comment's language (or of any), and of them the swear words, which masks hide most, if any. A
    guess from one letter keeps only entries of the comment's language, and with no swear word among
    them, the strongest."""
    if len(fitting) < 2 and not guess:
        return fitting
    ours = [e for e in fitting if not language or e.language in (language, "any")]
    if guess or ours:
        fitting = ours
    swearing = [e for e in fitting if e.subtype == EXPLETIVE]
    if swearing:
        return swearing
    if not guess or not fitting:
        return fitting
    strongest = max(e.severity for e in fitting)
    return [e for e in fitting if e.severity == strongest]


def _addressed(entry: Entry, folded: str, start: int) -> bool:
    """Whether the word's own ending says "you" (Sorani `-یت`, Kurmanji vocative `-o`, Turkish `-sin`)."""
    if entry.mode in ("phrase", "pattern") or not inflects(entry.language):
        return False
    return says_you(entry.language, folded[start + len(entry.key) : _token_end(folded, start + len(entry.key))])


@lru_cache(maxsize=1)
def packaged_lexicon() -> Lexicon:
    """The shipped lists, compiled once per process."""
    return Lexicon(packaged_entries())


def _site_entries(words: Sequence[str], severity: float, kind: str) -> list[Entry]:
    rows = []
    for word in words:
        term, _, category = word.partition("|")
        rows.append({"term": term.strip(), "category": (category.strip() or "profanity"),
                     "subtype": "-", "severity": str(severity), "mode": "word", "source": f"site:{kind}"})
    return read_entries("site", rows)


@lru_cache(maxsize=256)
def site_lexicon(banned: tuple[str, ...], suspect: tuple[str, ...]) -> Lexicon:
    """A site's own lists: banned words reject, suspect words send to review."""
    return Lexicon(_site_entries(banned, 1.0, "banned") + _site_entries(suspect, 0.6, "suspect"))


def matches_in(text: str, language: str) -> tuple[Match, ...]:
    """The packaged lists' matches in a text (what a `Reading` holds: for one-off look-ups)."""
    return tuple(packaged_lexicon().find(text, normalise(text), language=language))


class LexiconStage:
    """The list stage of the screen (calls to action are left to the promotion stage)."""

    name: str = "lexicon"
    reads: tuple[str, ...] = ("reading.matches", "reading.view", "context.policy")
    adds: tuple[str, ...] = ("profanity", "vulgarity", "threat", "personal_attack", "abuse", "spam", "mark:aimed", "mark:quoted",
            "mark:unaimed-swearing", "mark:guessed", "mark:arabizi")

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        """The compiled lists (loaded on first use)."""
        if self._lexicon is None:
            self._lexicon = packaged_lexicon()
        return self._lexicon

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """One piece of evidence per match, at its entry's severity; each category's score is its
        strongest evidence of at least `EVIDENCE_ONLY_BELOW` once the rulings have weighed it."""
        text, full, language = reading.text, reading.view, reading.language
        if self._lexicon is None:
            matches = [m for m in reading.matches if m.entry.language != "promotion"]
        else:
            matches = self._lexicon.find(text, full, language=language)
        policy = context.policy
        if policy.banned_words or policy.suspect_words:
            site = site_lexicon(tuple(policy.banned_words), tuple(policy.suspect_words))
            matches += site.find(text, full, language=language)
        evidence = []
        for match in matches:
            entry = match.entry
            word = text[match.start : match.end] if entry.mode == "pattern" else entry.key
            detail = word + (f" ({entry.subtype})" if entry.subtype else "")
            if match.targeted and entry.category is Category.PERSONAL_ATTACK:
                detail += " [aimed at a person]"
            if match.quoted:
                detail += " [quoted or condemned]"
            elif match.unaimed_swearing:
                detail += " [swearing aimed at no one]"
            elif match.guessed:
                detail += f" [guessed from {text[match.start:match.end]!r}]"
            evidence.append(match_evidence(text, match, f"lexicon:{entry.language}:{entry.source}", detail))
        if _MAYBE_ARABIZI.search(text):
            for hit in packaged_arabizi().find(text):
                entry = hit.entry
                evidence.append(Evidence(entry.category, hit.start, hit.end, "lexicon:ar:arabizi",
                                         f"{hit.token} ≈ {entry.term}", entry.severity, (ARABIZI,)))
        return Findings(evidence=evidence, from_evidence=EVIDENCE_ONLY_BELOW)

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone  # late: a reading reads this module

        return run_alone(self, text, context)
