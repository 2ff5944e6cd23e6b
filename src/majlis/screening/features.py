"""Hashed word (1-2), character (3-5) n-gram and pictograph features, shared by training and by the screen at run time.

Pure Python with a per-word cache: the same function builds the training matrix and scores a
comment, so the shipped model never depends on the training library's hashing.

Every feature appears twice: once shared by all languages and once crossed with the comment's
language, so one model learns what is offensive everywhere and what is offensive only in Turkish
or only in Persian (the same word can be innocent in one and a slur in another). Values are
sublinear counts weighted by the inverse document frequency the model ships, then L2-normalised.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

DIMENSIONS = 1 << 21
# Salts of the language-crossed copies; a language not listed gets no copy.
LANGUAGE_SALT = {"en": 1, "ar": 2, "tr": 3, "fa": 4, "ckb": 5, "kmr": 6}
_WORD = re.compile(r"\w+", re.UNICODE)
# Pictographs (emoji, dingbats) carry tone that words may not ("🖕", "🔪", "🤮"); the skin-tone
# modifiers U+1F3FB–U+1F3FF are left out, so each pictograph is one feature whatever its tone.
_PICTOGRAPH = re.compile("[\u2600-\u27bf\U0001F000-\U0001F3FA\U0001F400-\U0001FAFF]")
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


@lru_cache(maxsize=64)
def words(folded: str) -> tuple[str, ...]:
    """The words of a folded text (digits inside words kept, single digits dropped). Cached: the
    model, the repeat and gibberish checks and relevance all read the words of the same text."""
    return tuple(w for w in _WORD.findall(folded) if not w.isdigit())


def counts(folded: str, language: str = "") -> tuple[np.ndarray, np.ndarray]:
    """Feature indices (sorted, unique) and sublinear counts `1 + log(n)` (float32), not normalised."""
    tokens = words(folded)[:400]
    pictographs = _PICTOGRAPH.findall(folded, 0, 2000)
    if not tokens and not pictographs:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    parts = [_word_features(t) for t in tokens]
    parts.append(np.asarray([_h(f"b:{a} {b}") for a, b in zip(tokens, tokens[1:])], dtype=np.int64))
    if pictographs:
        parts.append(np.asarray([_h("e:" + p) for p in pictographs], dtype=np.int64))
    ids = np.concatenate(parts)
    ids.sort()
    # np.unique(return_counts=True) by hand: its general path costs more than the features here
    first = np.empty(len(ids), dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    indices = ids[starts]
    values = np.diff(starts, append=len(ids)).astype(np.float32)
    np.log(values, out=values)
    values += 1.0
    salt = LANGUAGE_SALT.get(language)
    if salt is not None:
        crossed = ((indices * 0x9E3779B1 + salt * 0x85EBCA77) >> 7) & (DIMENSIONS - 1)
        indices = np.concatenate([indices, crossed])
        values = np.concatenate([values, values])
    return indices, values


def featurise(folded: str, language: str = "", idf: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Feature indices and L2-normalised values (float32) for a folded text written in `language`,
    weighted by `idf` (one weight per dimension) when given."""
    indices, values = counts(folded, language)
    if not len(indices):
        return indices, values
    if idf is not None:
        values = values * idf[indices]
    values /= np.float32(np.sqrt(np.dot(values, values)))
    return indices, values
