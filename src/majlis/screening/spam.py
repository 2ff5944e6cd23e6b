"""Spam: the same or nearly the same text posted again (by anyone), floods by one author, gibberish."""

from __future__ import annotations

import zlib
import re
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

import numpy as np

from majlis.domain import Category
from majlis.screening.context import RecentComment, ScreenContext
from majlis.screening.features import words
from majlis.screening.normalise import normalise
from majlis.screening.verdict import Evidence

PERMUTATIONS = 64
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20261125)
_A = _rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.int64)
_B = _rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.int64)
MIN_WORDS = 6  # shorter texts ("Thank you!") are repeated innocently
NEAR_DUPLICATE = 0.8
FLOOD_WINDOW = timedelta(minutes=10)
VOWELS = set("aeiouy")
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
MASHED = re.compile("|".join(row[i : i + 4] for row in KEYBOARD_ROWS for i in range(len(row) - 3)))


def shingles(folded: str) -> set[int]:
    """Hashed word 2-shingles (and words) of a folded text."""
    tokens = words(folded)
    grams = {" ".join(tokens[i : i + 2]) for i in range(len(tokens) - 1)} | set(tokens)
    return {zlib.crc32(g.encode()) for g in grams}


def signature(folded: str) -> np.ndarray | None:
    """A MinHash signature, or None for texts too short to judge."""
    if len(words(folded)) < MIN_WORDS:
        return None
    values = np.fromiter(shingles(folded), dtype=np.int64)
    return ((np.outer(_A, values) + _B[:, None]) % _PRIME).min(axis=1)


def gibberish_score(folded: str) -> float:
    """How much a text looks like keyboard mashing or a character flood, in [0, 1]."""
    tokens = words(folded)
    letters = sum(map(str.isalpha, folded))
    if len(folded) >= 20 and letters < 0.2 * len(folded.replace(" ", "")):
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


class SpamStage:
    """Compares a comment with the site's recent comments; keeps their signatures cached."""

    def __init__(self, cache_size: int = 50_000) -> None:
        self._signatures: OrderedDict[int, np.ndarray | None] = OrderedDict()
        self._cache_size = cache_size

    def _signature_of(self, comment: RecentComment) -> np.ndarray | None:
        cached = self._signatures.get(comment.id, False)
        if cached is not False:
            self._signatures.move_to_end(comment.id)
            return cached  # type: ignore[return-value]
        value = signature(normalise(comment.text).text)
        self._signatures[comment.id] = value
        if len(self._signatures) > self._cache_size:
            self._signatures.popitem(last=False)
        return value

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """Spam score with the id of the earlier near-duplicate, the flood count or the gibberish rule."""
        folded = normalise(text).text
        evidence: list[Evidence] = []
        score = 0.0
        mine = signature(folded) if context.recent else None
        if mine is not None:
            known = [(r.id, sig) for r in context.recent if (sig := self._signature_of(r)) is not None]
            best_id, best = 0, 0.0
            if known:
                similarity = (np.stack([sig for _, sig in known]) == mine).mean(axis=1)
                at = int(similarity.argmax())
                best_id, best = known[at][0], float(similarity[at])
            if best >= NEAR_DUPLICATE:
                score = 0.95 if best >= 0.95 else 0.9
                evidence.append(Evidence(Category.SPAM, 0, len(text), "rule:near-duplicate",
                                         f"comment {best_id}, similarity {best:.2f}", score))
        if context.author_key:
            now = context.now or datetime.now(UTC)
            mine_recent = sum(
                1 for r in context.recent
                if r.author_key == context.author_key and now - r.created_at <= FLOOD_WINDOW
            )
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


