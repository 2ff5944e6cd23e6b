"""Spam: the same or nearly the same text posted again (by anyone), floods by one author, gibberish."""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import chain, pairwise
from operator import attrgetter
from typing import Any

import numpy as np

from majlis.domain import Category
from majlis.screening.context import Recent, ScreenContext
from majlis.screening.features import words
from majlis.screening.findings import Findings
from majlis.screening.normalise import normalise
from majlis.screening.reading import Reading
from majlis.screening.verdict import Evidence

PERMUTATIONS = 64
# Hash functions a*x + b over 32-bit words, wrapping (odd a): no modulo, so a signature costs a few
# microseconds. Signatures live in memory only, so changing these costs a re-sign, nothing stored.
_rng = np.random.default_rng(20261125)
_A = _rng.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
_B = _rng.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32)
_B_COLUMN = _B[:, None]
MIN_WORDS = 6  # shorter texts ("Thank you!") are repeated innocently
NEAR_DUPLICATE = 0.8
FLOOD_WINDOW = timedelta(minutes=10)
VOWELS = set("aeiouy")
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_LETTERS = re.compile(r"[^\W\d_]+")
MASHED = re.compile("|".join(row[i : i + 4] for row in KEYBOARD_ROWS for i in range(len(row) - 3)))
# Five consonants in a row are rarely in a word of the six languages' Latin spellings ("asdkjh"); a
# text most of whose long words hold such a run is mashing ("strengths" alone stays below half).
_CONSONANT_RUN = re.compile(r"[b-df-hj-np-tv-xz]{5}")
MASHED_WORD_LONGEST = 10  # longer ones are mostly handles and hashtags run together
# A whole comment of one letter ("jjjjjjjjjjjj"; normalising folds it to one letter), or of a
# unit of two or three letters again and again ("hahahahahaha", "ئەئەئەئەئەئە"), in any script.
# Laughter alone ("ههههههه", "hahaha", "خخخخخ", "jajaja") is a reaction, not mashing: for a human.
FLOOD_LETTERS = 10
FLOOD_DISTINCT_CHARACTERS = 12  # letters, spaces, punctuation and emoji together
LAUGHTER_LETTERS = frozenset("haeijkxwهحخ")
_REPEATED_UNIT = re.compile(r"(.{2,3})\1{3,}(.{0,2})")
_REPEATED_IN_WORD = re.compile(r"(.{2,3})\1{2,}")  # "asdasdasd"


def shingles(tokens: tuple[str, ...]) -> np.ndarray:
    """Hashed word 2-shingles (and words) of a text's words, as 32-bit numbers (uint32; a shingle
    that occurs twice is there twice, which a minimum does not mind).

    Python's own hash (a word's is computed once and kept by the string), truncated to its low 32
    bits: signatures live in one process's memory only, so that it differs from one process to the
    next does not matter."""
    hashes = chain(map(hash, pairwise(tokens)), map(hash, tokens))
    return np.fromiter(hashes, dtype=np.int64, count=2 * len(tokens) - 1).astype(np.uint32)


def signature(folded: str) -> np.ndarray | None:
    """A MinHash signature, or None for texts too short to judge."""
    tokens = words(folded)
    if len(tokens) < MIN_WORDS:
        return None
    hashed = np.multiply.outer(_A, shingles(tokens))
    hashed += _B_COLUMN  # in place: one array of 64 x shingles, not two
    signed: np.ndarray = np.minimum.reduce(hashed, axis=1)
    return signed


def letter_flood_score(text: str) -> float:
    """A comment that is one letter, or a unit of two or three, repeated: 0.9 and 0.6, else 0."""
    if len(text) < FLOOD_LETTERS or len(set(text)) > FLOOD_DISTINCT_CHARACTERS:
        return 0.0  # what nearly every comment is: settled without a regex pass
    letters = "".join(_LETTERS.findall(text.casefold()))
    if len(letters) < FLOOD_LETTERS or len(letters) < 0.5 * len(text.strip()):
        return 0.0
    distinct = set(letters)
    if len(distinct) > 1:
        repeated = _REPEATED_UNIT.fullmatch(letters) if len(letters) >= FLOOD_LETTERS + 2 else None
        if repeated is None or not set(repeated.group(2)) <= set(repeated.group(1)):
            return 0.0
    return 0.6 if distinct <= LAUGHTER_LETTERS else 0.9


def _mashed_word(token: str, any_mashed: bool) -> bool:
    """Whether one Latin word of five letters or more looks typed at random."""
    distinct = set(token)
    return (not (distinct & VOWELS) or len(distinct) <= 2 or (any_mashed and MASHED.search(token) is not None)
            or (len(token) <= MASHED_WORD_LONGEST and _CONSONANT_RUN.search(token) is not None)
            or _REPEATED_IN_WORD.fullmatch(token) is not None)


def gibberish_score(folded: str) -> float:
    """How much a text looks like keyboard mashing or a character flood, in [0, 1]."""
    tokens = words(folded)
    if len(folded) >= 20:
        visible = len(folded) - folded.count(" ")
        # The letters of the all-letter words, a count at hand, settle most texts; the rest are counted.
        if sum(map(len, filter(str.isalpha, tokens))) < 0.2 * visible:
            letters = len(folded) - len(_LETTERS.sub("", folded))
            if letters < 0.2 * visible:
                return 0.6  # mostly symbols or emoji
    latin = [t for t in tokens if t.isascii() and t.isalpha() and len(t) >= 5]
    if len(latin) < 3 and not 2 == len(latin) == len(tokens):  # two long words and nothing else may do
        return 0.0
    # One search over all the words first: most texts hold no keyboard run at all.
    any_mashed = MASHED.search(" ".join(latin)) is not None
    odd = sum(1 for token in latin if _mashed_word(token, any_mashed))
    share = odd / len(latin)
    if len(latin) == 2 and odd < 2:
        return 0.0  # of two words, both must be mashed
    return 0.0 if share < 0.5 else min(0.95, 0.4 + share * 0.55)


BANDS = 16  # LSH: 16 bands of 4 rows find pairs above ~0.6 similarity with high probability
ROWS_PER_BAND = PERMUTATIONS // BANDS
# Comments kept per band key, newest last. In a flood every post shares its bands with all the
# earlier ones; the newest few are enough to flag it (a true near-duplicate shares about 6 of the
# 16 bands), and the cost of a lookup stays bounded instead of growing with the flood.
BAND_KEEP = 24


# Each band's key: its number, then its rows' bytes.
_BAND_SLICES = [(bytes([b]), b * ROWS_PER_BAND * 4, (b + 1) * ROWS_PER_BAND * 4) for b in range(BANDS)]


def band_keys(sig: np.ndarray) -> list[bytes]:
    """The LSH band keys of a signature: texts sharing a key are near-duplicate candidates."""
    raw = sig.tobytes()
    return [band + raw[start:end] for band, start, end in _BAND_SLICES]


_ID, _TEXT, _AUTHOR = attrgetter("id"), attrgetter("text"), attrgetter("author_key")


# The most new comments a window may lead with and still be read as its site's last window topped up.
MAX_NEW_ROWS = 64
# Sites whose last window is kept (one stage serves every site of a process); past this, all are dropped
# and read afresh once.
WINDOWS_KEEP = 256
# Signatures of screened texts kept until they show up among the recent comments (the next post
# usually finds the last one there), so no text is signed twice.
SCREENED_KEEP = 1024


def _tops_up(recent: Sequence[Recent], last: Sequence[Recent], new: int) -> bool:
    """Whether `recent` is `last` with `new` comments in front and its oldest dropped at the end,
    as the store hands its windows over (`recent[new]` is known to be `last[0]`)."""
    kept = len(recent) - new
    # Row by row in C, each compared by identity first: a few microseconds for hundreds.
    return kept <= len(last) and tuple(recent[new:]) == tuple(last[:kept])


@dataclass(frozen=True)
class _Window:
    """A window of recent comments as read: their text hashes (in its order, newest first), and
    how many times each text hash and each author is in it."""

    recent: Sequence[Recent]
    hashes: list[int]
    texts: dict[Hashable, int]
    authors: dict[Hashable, int]


def _shifted(counts: dict[Hashable, int], gone: list[Any], came: list[Any]) -> dict[Hashable, int]:
    """A copy of `counts` (another thread may be reading it) less what left, plus what came."""
    # .copy() clones the table as it is, where dict() rebuilds it entry by entry once a key has been
    # deleted: a tenth of the cost on a window's counts, which lose a key on every post.
    counts = counts.copy()
    for key in gone:
        left = counts[key] - 1
        if left:
            counts[key] = left
        else:
            del counts[key]
    for key in came:
        counts[key] = counts.get(key, 0) + 1
    return counts


class SpamStage:
    """Finds near-duplicates among the site's recent comments through an LSH index of their
    MinHash signatures: a lookup costs the same whatever the number of recent comments."""

    name: str = "spam"
    reads: tuple[str, ...] = ("reading.view", "context.recent", "context.author_key", "context.now")
    adds: tuple[str, ...] = ("spam",)

    def __init__(self, capacity: int = 100_000) -> None:
        self._capacity = capacity
        # Keyed by the hash of a comment's text: a signature is a function of the text alone, so an
        # id that comes back with other words (another database, a comment erased to "[removed]")
        # is compared by its new words, and no tuple is built per recent comment on every post.
        self._signatures: dict[int, np.ndarray | None] = {}
        self._index: dict[bytes, deque[int]] = {}
        self._screened: dict[int, np.ndarray | None] = {}
        # The last window of recent comments read for each site, keyed by the id() of its newest
        # comment (which the kept window keeps alive, so the id cannot be reused). A window that tops
        # one up is read from it: only its new and dropped comments cost anything, however long it is.
        self._windows: dict[int, _Window] = {}

    def _remember(self, comment: Recent) -> None:
        if len(self._signatures) >= self._capacity:
            self._signatures.clear()  # start afresh; recent comments are signed again as they come
            self._index.clear()
            self._windows = {}
        key = hash(comment.text)
        value = self._screened.pop(key, None)
        if value is None:
            value = signature(normalise(comment.text).text)
        self._signatures[key] = value
        if value is not None:
            for band in band_keys(value):
                bucket = self._index.get(band)
                if bucket is None:
                    bucket = self._index[band] = deque(maxlen=BAND_KEEP)
                bucket.append(key)

    def _last_window(self, recent: Sequence[Recent]) -> tuple[_Window | None, int]:
        """The kept window that `recent` tops up, and how many comments it adds; (None, 0) if none."""
        windows = self._windows  # read once: screens may run in several threads
        for new in range(min(len(recent), MAX_NEW_ROWS + 1)):
            last = windows.get(id(recent[new]))
            if last is not None and last.recent[0] is recent[new]:
                return (last, new) if _tops_up(recent, last.recent, new) else (None, 0)
        return None, 0

    def _read_window(self, recent: Sequence[Recent]) -> _Window:
        """The window's text hashes and counts, signing the comments not seen before."""
        if not recent:
            return _Window(recent, [], {}, {})
        last, new = self._last_window(recent)
        if last is not None and last.recent is recent:
            return last
        if last is None:
            fresh = recent
            head = list(map(hash, map(_TEXT, recent)))
            window = _Window(recent, head, dict(Counter(head)), dict(Counter(map(_AUTHOR, recent))))
        else:
            fresh = recent[:new]
            kept = len(recent) - new
            head = list(map(hash, map(_TEXT, fresh)))
            window = _Window(recent, head + last.hashes[:kept],
                             _shifted(last.texts, last.hashes[kept:], head),
                             _shifted(last.authors, list(map(_AUTHOR, last.recent[kept:])), list(map(_AUTHOR, fresh))))
        known = self._signatures
        missing = {key: comment for key, comment in zip(head, fresh) if key not in known}
        for comment in sorted(missing.values(), key=_ID):  # oldest first: buckets keep the newest
            self._remember(comment)
        windows = self._windows
        if len(windows) >= WINDOWS_KEEP:
            self._windows = windows = {}
        if last is not None:
            windows.pop(id(last.recent[0]), None)  # this site's window is now the new one
        windows[id(recent[0])] = window
        return window

    def nearest(self, mine: np.ndarray, window: _Window) -> tuple[int, float]:
        """The most similar comment of a window read by `_read_window` (id, similarity), or (0, 0.0);
        of equally similar ones, the earliest."""
        recent = window.recent
        known = self._signatures
        # tuple(): a snapshot taken under the GIL, as another thread may be appending to the bucket
        candidates = set().union(*[tuple(self._index.get(band, ())) for band in band_keys(mine)])
        kept = [(key, sig) for key in candidates if key in window.texts and (sig := known.get(key)) is not None]
        if not kept:
            return 0, 0.0
        # Every candidate at once: a flood of near-identical posts gives dozens of them.
        agree = np.count_nonzero(np.stack([sig for _, sig in kept]) == mine, axis=1)
        best = int(agree.max())
        last = len(window.hashes) - 1
        backwards = window.hashes[::-1]  # newest first: a text's last place is its oldest
        return min(recent[last - backwards.index(key)].id for (key, _), shared in zip(kept, agree.tolist())
                   if shared == best), best / PERMUTATIONS

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """Spam score with the id of the earlier near-duplicate, the flood count or the gibberish rule."""
        text, folded = reading.text, reading.folded
        evidence: list[Evidence] = []
        score = 0.0
        window = self._read_window(context.recent) if context.recent else None
        mine = signature(folded) if window is not None else None
        if window is not None:
            if len(self._screened) >= SCREENED_KEEP:
                self._screened.clear()
            self._screened[hash(text)] = mine
        if mine is not None and window is not None:
            best_id, best = self.nearest(mine, window)
            if best >= NEAR_DUPLICATE:
                score = 0.95 if best >= 0.95 else 0.9
                evidence.append(Evidence(Category.SPAM, 0, len(text), "rule:near-duplicate",
                                         f"comment {best_id}, similarity {best:.2f}", score))
        if context.author_key:
            now = context.now or datetime.now(UTC)
            since = now - FLOOD_WINDOW
            author = context.author_key
            # Counted when the window was read; most authors stop here
            mine_recent = window.authors.get(author, 0) if window is not None else 0
            if mine_recent >= 5:
                mine_recent = sum(1 for r in context.recent if r.author_key == author and r.created_at >= since)
            if mine_recent >= 5:
                flood = 0.95 if mine_recent >= 10 else 0.7
                score = max(score, flood)
                evidence.append(Evidence(Category.SPAM, 0, len(text), "rule:flood",
                                         f"{mine_recent} comments by this author in 10 minutes", flood))
        gibberish = max(gibberish_score(folded), letter_flood_score(text))
        if gibberish:
            score = max(score, gibberish)
            evidence.append(Evidence(Category.SPAM, 0, len(text), "rule:gibberish", "keyboard mashing or symbols", gibberish))
        return Findings({Category.SPAM: score} if score else {}, evidence)

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone

        return run_alone(self, text, context)
