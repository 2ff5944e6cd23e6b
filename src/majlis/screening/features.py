"""Hashed word (1-2) and character (3-5) n-gram features, shared by training and by the screen at run time.

Pure Python with a per-word cache: the same function builds the training matrix and scores a
comment, so the shipped model never depends on the training library's hashing.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

DIMENSIONS = 1 << 20
_WORD = re.compile(r"\w+", re.UNICODE)
_CACHE: dict[str, np.ndarray] = {}
_CACHE_LIMIT = 200_000


def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIMENSIONS - 1)


def _word_features(word: str) -> np.ndarray:
    """The word itself and its character 3- to 5-grams (with word boundary marks)."""
    cached = _CACHE.get(word)
    if cached is not None:
        return cached
    padded = f"<{word}>"
    ids = [_h("w:" + word)]
    for n in (3, 4, 5):
        for i in range(len(padded) - n + 1):
            ids.append(_h("c:" + padded[i : i + n]))
    result = np.asarray(ids, dtype=np.int64)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[word] = result
    return result


def words(folded: str) -> list[str]:
    """The words of a folded text (digits inside words kept, single digits dropped)."""
    return [w for w in _WORD.findall(folded) if not w.isdigit()]


def featurise(folded: str) -> tuple[np.ndarray, np.ndarray]:
    """Feature indices and L2-normalised log-count values (float32) for a folded text."""
    tokens = words(folded)[:400]
    if not tokens:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    parts = [_word_features(t) for t in tokens]
    parts.append(np.asarray([_h("b:" + a + " " + b) for a, b in zip(tokens, tokens[1:])], dtype=np.int64))
    ids = np.concatenate(parts)
    ids.sort()
    # np.unique(return_counts=True) by hand: its general path costs more than the features here
    first = np.empty(len(ids), dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    indices = ids[starts]
    counts = np.diff(np.append(starts, len(ids)))
    values = (1.0 + np.log(counts)).astype(np.float32)
    values /= np.float32(np.sqrt(np.dot(values, values)))
    return indices, values
