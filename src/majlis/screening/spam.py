"""Spam: the same or nearly the same text posted again (by anyone), floods by one author, gibberish."""

from __future__ import annotations

import re
import zlib
from collections import deque
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime, timedelta
from operator import attrgetter, countOf

import numpy as np

from majlis.domain import Category
from majlis.screening.context import Recent, ScreenContext
from majlis.screening.features import words
from majlis.screening.normalise import normalise
from majlis.screening.verdict import Evidence

PERMUTATIONS = 64
# Hash functions a*x + b over 32-bit words, wrapping (odd a): no modulo, so a signature costs a few
# microseconds. Signatures live in memory only, so changing these costs a re-sign, nothing stored.
_rng = np.random.default_rng(20261125)
_A = _rng.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
_B = _rng.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32)
MIN_WORDS = 6  # shorter texts ("Thank you!") are repeated innocently
NEAR_DUPLICATE = 0.8
FLOOD_WINDOW = timedelta(minutes=10)
VOWELS = set("aeiouy")
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_LETTERS = re.compile(r"[^\W\d_]+")
MASHED = re.compile("|".join(row[i : i + 4] for row in KEYBOARD_ROWS for i in range(len(row) - 3)))


def shingles(folded: str, tokens: tuple[str, ...] | None = None) -> set[int]:
    """Hashed word 2-shingles (and words) of a folded text."""
    tokens = words(folded) if tokens is None else tokens
    grams = {" ".join(tokens[i : i + 2]) for i in range(len(tokens) - 1)} | set(tokens)
    return {zlib.crc32(g.encode()) for g in grams}


def signature(folded: str) -> np.ndarray | None:
    """A MinHash signature, or None for texts too short to judge."""
    tokens = words(folded)
    if len(tokens) < MIN_WORDS:
        return None
    values = np.fromiter(shingles(folded, tokens), dtype=np.uint32)
    return (np.multiply.outer(_A, values) + _B[:, None]).min(axis=1)


def gibberish_score(folded: str) -> float:
    """How much a text looks like keyboard mashing or a character flood, in [0, 1]."""
    tokens = words(folded)
    letters = len(folded) - len(_LETTERS.sub("", folded))
    if len(folded) >= 20 and letters < 0.2 * (len(folded) - folded.count(" ")):
        return 0.6  # mostly symbols or emoji
    latin = [t for t in tokens if t.isascii() and t.isalpha() and len(t) >= 5]
    if len(latin) < 3:
        return 0.0
    odd = 0
    for token in latin:
        no_vowel = not (set(token) & VOWELS)
        mashed = MASHED.search(token) is not None
        if no_vowel or mashed or len(set(token)) <= 2:
            odd += 1
    share = odd / len(latin)
    return 0.0 if share < 0.5 else min(0.95, 0.4 + share * 0.55)


BANDS = 16  # LSH: 16 bands of 4 rows find pairs above ~0.6 similarity with high probability
ROWS_PER_BAND = PERMUTATIONS // BANDS
# Comments kept per band key, newest last. In a flood every post shares its bands with all the
# earlier ones; the newest few are enough to flag it (a true near-duplicate shares about 6 of the
# 16 bands), and the cost of a lookup stays bounded instead of growing with the flood.
BAND_KEEP = 24


def band_keys(sig: np.ndarray) -> list[bytes]:
    """The LSH band keys of a signature: texts sharing a key are near-duplicate candidates."""
    raw = sig.tobytes()
    width = ROWS_PER_BAND * 4
    return [bytes([b]) + raw[b * width : (b + 1) * width] for b in range(BANDS)]


_ID, _TEXT, _AUTHOR = attrgetter("id"), attrgetter("text"), attrgetter("author_key")


class SpamStage:
    """Finds near-duplicates among the site's recent comments through an LSH index of their
    MinHash signatures: a lookup costs the same whatever the number of recent comments."""

    def __init__(self, capacity: int = 100_000) -> None:
        self._capacity = capacity
        # Keyed by the hash of a comment's text: a signature is a function of the text alone, so an
        # id that comes back with other words (another database, a comment erased to "[removed]")
        # is compared by its new words, and no tuple is built per recent comment on every post.
        self._signatures: dict[int, np.ndarray | None] = {}
        self._index: dict[bytes, deque[int]] = {}
        # The last window of recent comments seen, with the hashes of their texts (in its order) and
        # their set (a re-screen passes the same window).
        self._window: tuple[Sequence[Recent] | None, list[int], AbstractSet[int]] = (None, [], frozenset())

    def _remember(self, comment: Recent) -> None:
        if len(self._signatures) >= self._capacity:
            self._signatures.clear()  # start afresh; recent comments are signed again as they come
            self._index.clear()
            self._window = (None, [], frozenset())
        value = signature(normalise(comment.text).text)
        key = hash(comment.text)
        self._signatures[key] = value
        if value is not None:
            for band in band_keys(value):
                bucket = self._index.get(band)
                if bucket is None:
                    bucket = self._index[band] = deque(maxlen=BAND_KEEP)
                bucket.append(key)

    def nearest(self, mine: np.ndarray, recent: Sequence[Recent]) -> tuple[int, float]:
        """The most similar recent comment (id, similarity), or (0, 0.0); of equally similar ones,
        the earliest."""
        known = self._signatures
        last, hashes, window = self._window  # one triple, read at once: screens may run in several threads
        if recent is not last:
            # This runs for every post, over hundreds of recent comments: each step is one pass in C.
            hashes = list(map(hash, map(_TEXT, recent)))
            window = set(hashes)
            missing = window.difference(known)  # a dict argument is looked up in C, its keys not copied
            if missing:
                found: dict[int, Recent] = {}
                for key, comment in zip(hashes, recent):  # newest first: new comments are at the front
                    if key in missing:
                        found.setdefault(key, comment)
                        if len(found) == len(missing):
                            break
                for comment in sorted(found.values(), key=_ID):  # oldest first: buckets keep the newest
                    self._remember(comment)
            self._window = (recent, hashes, window)
        # tuple(): a snapshot taken under the GIL, as another thread may be appending to the bucket
        candidates = set().union(*[tuple(self._index.get(band, ())) for band in band_keys(mine)]) & window
        kept = [(key, sig) for key in candidates if (sig := known.get(key)) is not None]
        if not kept:
            return 0, 0.0
        # Every candidate at once: a flood of near-identical posts gives dozens of them.
        agree = np.count_nonzero(np.stack([sig for _, sig in kept]) == mine, axis=1)
        best = int(agree.max())
        oldest = dict(zip(hashes, range(len(hashes))))  # newest first: a text's last place is its oldest
        return min(recent[oldest[key]].id for (key, _), shared in zip(kept, agree.tolist()) if shared == best), \
            best / PERMUTATIONS

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """Spam score with the id of the earlier near-duplicate, the flood count or the gibberish rule."""
        folded = normalise(text).text
        evidence: list[Evidence] = []
        score = 0.0
        mine = signature(folded) if context.recent else None
        if mine is not None:
            best_id, best = self.nearest(mine, context.recent)
            if best >= NEAR_DUPLICATE:
                score = 0.95 if best >= 0.95 else 0.9
                evidence.append(Evidence(Category.SPAM, 0, len(text), "rule:near-duplicate",
                                         f"comment {best_id}, similarity {best:.2f}", score))
        if context.author_key:
            now = context.now or datetime.now(UTC)
            since = now - FLOOD_WINDOW
            author = context.author_key
            mine_recent = countOf(map(_AUTHOR, context.recent), author)  # in C; most authors stop here
            if mine_recent >= 5:
                mine_recent = sum(1 for r in context.recent if r.author_key == author and r.created_at >= since)
            if mine_recent >= 5:
                flood = 0.95 if mine_recent >= 10 else 0.7
                score = max(score, flood)
                evidence.append(Evidence(Category.SPAM, 0, len(text), "rule:flood",
                                         f"{mine_recent} comments by this author in 10 minutes", flood))
        gibberish = gibberish_score(folded)
        if gibberish:
            score = max(score, gibberish)
            evidence.append(Evidence(Category.SPAM, 0, len(text), "rule:gibberish", "keyboard mashing or symbols", gibberish))
        return ({Category.SPAM: score} if score else {}), evidence


