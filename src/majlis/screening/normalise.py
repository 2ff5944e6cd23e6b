"""Normalisation that defeats evasion and keeps a map from every folded character to the original.

The folded view is for matching only: the stored text is never changed. Steps: drop invisible and
bidi control characters, strip diacritics (Latin accents, Arabic tashkeel, tatweel, zalgo marks),
NFKC + case folding, homoglyphs, Arabic/Persian/Kurdish letter variants, Eastern digits,
leetspeak inside words, letter floods ("fuuuuck") and spaced-out letters ("f u c k").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Zero-width, joiners, bidi controls, soft hyphen, BOM, variation selectors, tag characters; and the
# blanks that show as nothing or as a sliver of space, used to split a word so that lists miss it: the
# braille blank, Hangul fillers, Mongolian selectors, musical formatting marks, interlinear annotation
# marks, and the narrow spaces (thin, hair, six-per-em, punctuation, narrow no-break, medium
# mathematical) that no keyboard types between the words of a comment.
INVISIBLE = frozenset(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x180F, 0x2800, 0x3164, 0xFEFF,
     0xFFA0, 0x2006, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x1D159]
    + list(range(0x180B, 0x180E))
    + list(range(0x200B, 0x2010))
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + list(range(0xFE00, 0xFE10))
    + list(range(0xFFF9, 0xFFFC))
    + list(range(0x1D173, 0x1D17B))
    + list(range(0xE0000, 0xE0080))
    + list(range(0xE0100, 0xE01F0))
)
TATWEEL = "\u0640"

# Letters that look alike across scripts (a small, high-value subset of Unicode confusables).
HOMOGLYPHS = {
    "а": "a", "в": "b", "с": "c", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j",
    "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "ѕ": "s", "т": "t", "у": "y", "х": "x",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɑ": "a", "ɡ": "g", "ι": "i", "ο": "o", "ρ": "p", "ν": "v",
    "α": "a", "β": "b", "ε": "e", "κ": "k", "τ": "t", "υ": "u", "χ": "x", "ѵ": "v", "ʏ": "y",
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ß": "ss", "æ": "ae", "œ": "oe",
    # apostrophes as phones and word processors write them: "don’t" is "don't"
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'",
}

# Arabic-script letters folded to one form, so Arabic, Persian and Sorani spellings meet.
ARABIC_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ێ": "ي", "ۍ": "ي", "ئ": "ي", "ے": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ه",
    "ك": "ک", "ڪ": "ک", "ګ": "ک",
    "ؤ": "و", "ۆ": "و", "ۇ": "و", "ۋ": "و", "ٶ": "و",
    "ڕ": "ر", "ڵ": "ل", "ڤ": "ف", "گ": "گ", "ء": "",
}

LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
        "@": "a", "$": "s", "!": "i", "|": "l", "€": "e", "£": "l", "+": "t"}
MASK_CHARS = "*#_%"


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """The folded form of one character ('' to drop it)."""
    code = ord(ch)
    if code in INVISIBLE or ch == TATWEEL:
        return ""
    if ch in HOMOGLYPHS:
        return HOMOGLYPHS[ch]
    if ch.isspace():
        return " "
    if ch in ARABIC_FOLD:
        return ARABIC_FOLD[ch]
    if unicodedata.category(ch).startswith("M"):
        return ""
    digit = unicodedata.digit(ch, None) if not ch.isascii() else None
    if digit is not None:
        return str(digit)
    out = []
    for part in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch)):
        if unicodedata.category(part).startswith("M"):
            continue
        part = part.casefold()
        for sub in part:
            sub = HOMOGLYPHS.get(sub, ARABIC_FOLD.get(sub, sub))
            out.append(sub)
    return "".join(out)


@dataclass(frozen=True)
class Normalised:
    """A folded view of a text with, for each folded character, its span in the original."""

    original: str
    text: str
    starts: Sequence[int]  # a range when folding moved no character
    ends: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind folded characters [start, end)."""
        if end <= start:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]


@lru_cache(maxsize=65536)
def light_fold_char(ch: str) -> str:
    """Case and look-alike folding only: diacritics and Arabic letter forms are kept."""
    code = ord(ch)
    if code in INVISIBLE or ch == TATWEEL:
        return ""
    if ch in HOMOGLYPHS and not ch.isascii() and ch not in "ıłøđħßæœ":
        return HOMOGLYPHS[ch]
    if ch.isspace():
        return " "
    folded = unicodedata.normalize("NFC", ch).casefold()
    return folded.replace("\u0307", "")  # Turkish İ casefolds to i + dot above


class _FoldTable:
    """`str.translate` tables filled lazily with every character seen, and the set of characters
    that do not fold one-to-one (dropped or expanded): only texts holding one of those need the
    slow path that tracks offsets, and it goes from one of them to the next."""

    def __init__(self, fold: Callable[[str], str]) -> None:
        self.fold = fold
        self.table: dict[int, str] = {}
        self.known: set[str] = set()
        self.irregular: set[str] = set()
        # Dropped characters that belong to the letter before them (marks, tatweel, joiners).
        self.attaching: set[str] = set()
        self.irregular_pattern = re.compile("(?!)")

    def learn(self, chars: set[str]) -> None:
        new = chars - self.known
        for ch in new:
            folded = self.fold(ch)
            self.table[ord(ch)] = folded
            if len(folded) != 1:
                self.irregular.add(ch)
                if not folded and (unicodedata.category(ch).startswith("M") or ch == TATWEEL or ord(ch) in INVISIBLE):
                    self.attaching.add(ch)
        if new & self.irregular:
            self.irregular_pattern = re.compile("[" + "".join(map(re.escape, sorted(self.irregular))) + "]")
        # Known last: another thread takes a known character's fold and pattern as complete.
        self.known |= new


_TABLES = {False: _FoldTable(fold_char), True: _FoldTable(light_fold_char)}


def _fold(text: str, light: bool = False) -> tuple[str, Sequence[int], Sequence[int]]:
    table = _TABLES[light]
    if not table.known.issuperset(text):  # no set built for the text: most hold no new character
        table.learn(set(text))
    if table.irregular_pattern.search(text) is None:
        # The common case: one character in, one out, offsets unchanged (ranges: nothing to build).
        return text.translate(table.table), range(len(text)), range(1, len(text) + 1)
    # The characters between two irregular ones fold one for one: translated as a run.
    mapping = table.table
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in table.irregular_pattern.finditer(text):
        index = match.start()
        if index > position:
            chars.append(text[position:index].translate(mapping))
            starts += range(position, index)
            ends += range(position + 1, index + 1)
        ch = text[index]
        folded = mapping[ord(ch)]
        if folded:
            chars.append(folded)
            starts += [index] * len(folded)
            ends += [index + 1] * len(folded)
        elif ends and ends[-1] == index and ch in table.attaching:
            ends[-1] = index + 1  # a dropped mark or joiner belongs to the letter before it
        position = index + 1
    if position < len(text):
        chars.append(text[position:].translate(mapping))
        starts += range(position, len(text))
        ends += range(position + 1, len(text) + 1)
    return "".join(chars), tuple(starts), tuple(ends)


_RUNS = re.compile(r"([^\W\d_])\1{2,}|\s{2,}")
# What `_RUNS` needs, in two scans that cost a third of its own on ordinary comments: any character
# three times in a row, or two white spaces.
_TRIPLED = re.compile(r"(.)\1\1", re.DOTALL)
_TWO_SPACES = re.compile(r"\s\s")


def _squeeze(chars: list[str], starts: list[int], ends: list[int]) -> tuple[list[str], list[int], list[int]]:
    """Runs of three or more of the same letter become one ("fuuuuck" -> "fuck"); runs of
    white space become one space."""
    runs = list(_RUNS.finditer("".join(chars)))
    if not runs:
        return chars, starts, ends
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    last = 0
    for run in runs:
        a, b = run.start(), run.end()
        out_c += chars[last:a]
        out_s += starts[last:a]
        out_e += ends[last:a]
        out_c.append(" " if chars[a].isspace() else chars[a])
        out_s.append(starts[a])
        out_e.append(ends[b - 1])
        last = b
    out_c += chars[last:]
    out_s += starts[last:]
    out_e += ends[last:]
    return out_c, out_s, out_e


_TOKEN = re.compile(r"\S+")
_SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ .\-_·•]){2,}[^\W\d_](?![^\W\d_])")
# Whether `_SPACED` matches anywhere: three single letters and the two separators between them, the
# last letter not glued to another (a longer run holds such a three). Separator first, for the same
# reason as `_LEET_HINT`.
_SPACED_HINT = re.compile(r"[ .\-_·•](?<=(?<![^\W\d_])[^\W\d_][ .\-_·•])[^\W\d_][ .\-_·•][^\W\d_](?![^\W\d_])")


# A whole word (run of non-spaces) holding a letter-symbol pair. Tried from word starts only, and
# lazily up to the pair: a greedy run tried from every character backtracked over each word again and again.
_LEET_PAIR = r"(?:[a-z][013457-9@$!|€£+]|[013457-9@$!|€£+][a-z]|[@$!|]{2})"
_LEET_CANDIDATE = re.compile(r"(?<!\S)\S*?" + _LEET_PAIR + r"\S*")
# Whether a text may hold leetspeak at all, without `_LEET_CANDIDATE`'s backtracking: the same
# letter-symbol pairs, except an "@" that starts a plain handle ("@user", which `_unleet` keeps).
# Written symbol first, the neighbours checked around it, so the engine skips straight from one
# symbol to the next instead of trying every letter (a tenth of the cost on ordinary comments).
_LEET_HINT = re.compile(r"[013457-9@$!|€£+](?:(?<=[a-z].)|(?<=[013457-9$!|€£+])(?=[a-z])|(?<=\S@)(?=[a-z])"
                        r"|(?<=[@$!|])(?=[@$!|])|(?<=(?<!\S)@)(?=[a-z][a-z0-9]*[^a-z0-9\s]))")
_EDGE_PUNCTUATION = ".,;:?!\"'()[]{}«»…"


def _unleet(match: re.Match[str]) -> str:
    token = match.group()
    core = token.strip(_EDGE_PUNCTUATION)
    if len(core) < 2 or core.isdigit() or (core[0] == "@" and core[1:].isalnum()) or "/" in core:
        return token  # a number, a handle or a link
    has_letter = any(c.isascii() and c.isalpha() for c in core)
    if not has_letter and not all(c in "@$!|" for c in core):
        return token
    offset = token.find(core)
    fixed = "".join(LEET.get(c, c) for c in core)
    return token[:offset] + fixed + token[offset + len(core) :]


def _leet(folded: str) -> str:
    """Leetspeak inside a word: letters mixed with 0/1/3/4/5/7/@/$/! ("sh1t", "@$$").

    Every substitution is one character for one, so offsets do not move."""
    return _LEET_CANDIDATE.sub(_unleet, folded)


def _join_spaced(chars: list[str], starts: list[int], ends: list[int]) -> tuple[list[str], list[int], list[int]]:
    """Single letters separated by spaces or dots are one word ("f u c k", "f.u.c.k")."""
    text = "".join(chars)
    if not _SPACED_HINT.search(text):
        return chars, starts, ends
    drop: set[int] = set()
    for match in _SPACED.finditer(text):
        for k in range(match.start() + 1, match.end(), 2):
            drop.add(k)
    if not drop:
        return chars, starts, ends
    keep = [k for k in range(len(chars)) if k not in drop]
    return [chars[k] for k in keep], [starts[k] for k in keep], [ends[k] for k in keep]


@lru_cache(maxsize=64)
def normalise(text: str, light: bool = False, evasion: bool = True) -> Normalised:
    """The folded view of `text` used for matching, with its map back to original offsets.

    `light=True` keeps diacritics and letter forms (for words that differ only by them);
    `evasion=False` folds characters only (no leetspeak, floods or spaced letters: for URLs).
    Cached: every stage of one screen asks for the same views.
    """
    if evasion:
        base = normalise(text, light, evasion=False)
        folded = base.text if light or not _LEET_HINT.search(base.text) else _leet(base.text)
        runs = (_TRIPLED.search(folded) or _TWO_SPACES.search(folded)) and _RUNS.search(folded)
        if not runs and not _SPACED_HINT.search(folded):
            # Letters only changed one for one (or not at all): the character view's offsets hold.
            return base if folded == base.text else Normalised(text, folded, base.starts, base.ends)
        chars, starts, ends = _squeeze(list(folded), list(base.starts), list(base.ends))
        chars, starts, ends = _join_spaced(chars, starts, ends)
        return Normalised(text, "".join(chars), tuple(starts), tuple(ends))
    return Normalised(text, *_fold(text, light))
