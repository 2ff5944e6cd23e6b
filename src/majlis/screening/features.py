"""Hashed word (1-2), character (3-5) n-gram and pictograph features, shared by training and by the screen at run time.

Plain Python (compiled with the rest of the screen, `setup.py`) with a per-word cache: the same
function builds the training matrix and scores a comment, so the shipped model never depends on the
training library's hashing.

Every feature appears twice: once shared by all languages and once crossed with the comment's
language, so one model learns what is offensive everywhere and what is offensive only in Turkish
or only in Persian (the same word can be innocent in one and a slur in another). Values are
sublinear counts weighted by the inverse document frequency the model ships, then L2-normalised.
"""

from __future__ import annotations

import re
import zlib
from array import array
from functools import lru_cache
from itertools import pairwise

import numpy as np

DIMENSIONS = 1 << 21
# Salts of the language-crossed copies; a language not listed gets no copy.
LANGUAGE_SALT = {"en": 1, "ar": 2, "tr": 3, "fa": 4, "ckb": 5, "kmr": 6}
_CROSS = np.int64(0x9E3779B1)  # with the salt, moves a feature to its language-crossed copy
_WORD = re.compile(r"\w+", re.UNICODE)
# Pictographs (emoji, dingbats) carry tone that words may not ("🖕", "🔪", "🤮"); the skin-tone
# modifiers U+1F3FB–U+1F3FF are left out, so each pictograph is one feature whatever its tone.
_PICTOGRAPH = re.compile("[\u2600-\u27bf\U0001F000-\U0001F3FA\U0001F400-\U0001FAFF]")
# Per word: its own features (int64s, as bytes: a comment's are joined in one call, where
# concatenating arrays cost a call per word), its UTF-8 bytes and the CRC of "b:<word> " (the state
# after the first half of a bigram). `zlib.crc32(b, crc32(a)) == crc32(a + b)`, so a bigram's hash
# is one call over the second word's bytes, the same number `_h` gives for the whole bigram string.
_CACHE: dict[str, tuple[bytes, bytes, int]] = {}
_CACHE_LIMIT = 200_000
MAX_WORDS = 400  # words of a comment the model reads


_WORD_PREFIX, _GRAM_PREFIX = zlib.crc32(b"w:"), zlib.crc32(b"c:")


def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIMENSIONS - 1)


def _word_features(word: str) -> tuple[bytes, bytes, int]:
    """The word itself and its character 3- to 5-grams (with word boundary marks), with what its
    bigrams need (see `_CACHE`)."""
    cached = _CACHE.get(word)
    if cached is not None:
        return cached
    encoded = word.encode("utf-8")
    mask = DIMENSIONS - 1
    # Each id is `_h` of the prefixed feature, computed from the prefix's CRC (see `_CACHE`).
    ids = [zlib.crc32(encoded, _WORD_PREFIX) & mask]
    if len(encoded) == len(word):  # ASCII: the n-grams of characters are those of the bytes
        padded = b"<" + encoded + b">"
        for n in (3, 4, 5):
            for i in range(len(padded) - n + 1):
                ids.append(zlib.crc32(padded[i : i + n], _GRAM_PREFIX) & mask)
    else:
        text = f"<{word}>"
        for n in (3, 4, 5):
            for i in range(len(text) - n + 1):
                ids.append(zlib.crc32(text[i : i + n].encode("utf-8"), _GRAM_PREFIX) & mask)
    result = (array("q", ids).tobytes(), encoded, zlib.crc32(f"b:{word} ".encode()))
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[word] = result
    return result


@lru_cache(maxsize=64)
def words(folded: str) -> tuple[str, ...]:
    """The words of a folded text (digits inside words kept, single digits dropped). Cached: the
    model, the repeat and gibberish checks and relevance all read the words of the same text."""
    return tuple(w for w in _WORD.findall(folded) if not w.isdigit())


def occurrences(folded: str) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray, np.ndarray]:
    """Where the features that `counts` reads come from, for explaining a score: the spans of the
    words in `folded`; the ids of every word's own features (the word, its character n-grams), with
    the index of their word; and the ids of the bigrams, the n-th joining words n and n + 1.
    Pictographs are left out."""
    spans: list[tuple[int, int]] = []
    own: list[bytes] = []
    sizes: list[int] = []
    bigrams: list[int] = []
    mask = DIMENSIONS - 1
    state = 0  # the bigram state of the word before (see `_CACHE`)
    for match in _WORD.finditer(folded):
        word = match.group()
        if word.isdigit():
            continue
        ids, encoded, after = _CACHE.get(word) or _word_features(word)
        if spans:
            bigrams.append(zlib.crc32(encoded, state) & mask)
        spans.append(match.span())
        own.append(ids)
        sizes.append(len(ids) // 8)
        state = after
        if len(spans) == MAX_WORDS:
            break
    if not spans:
        empty = np.empty(0, dtype=np.int64)
        return [], empty, empty, empty
    owners = np.repeat(np.arange(len(spans)), sizes)
    return spans, np.frombuffer(b"".join(own), dtype=np.int64), owners, np.asarray(bigrams, dtype=np.int64)


def counts(folded: str, language: str = "") -> tuple[np.ndarray, np.ndarray]:
    """Feature indices (sorted, unique) and sublinear counts `1 + log(n)` (float32), not normalised."""
    tokens = words(folded)[:MAX_WORDS]
    pictographs = _PICTOGRAPH.findall(folded, 0, 2000)
    if not tokens and not pictographs:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    known = _CACHE.get  # looked up inline: most words of a comment were seen before
    cached = [known(t) or _word_features(t) for t in tokens]
    parts = [c[0] for c in cached]
    mask = DIMENSIONS - 1
    parts.append(np.asarray([zlib.crc32(b[1], a[2]) & mask for a, b in pairwise(cached)], dtype=np.int64).tobytes())
    if pictographs:
        parts.append(np.asarray([_h("e:" + p) for p in pictographs], dtype=np.int64).tobytes())
    ids = np.sort(np.frombuffer(b"".join(parts), dtype=np.int64))  # a sorted, writable copy
    n = len(ids)
    # np.unique(return_counts=True) by hand, writing straight into the output arrays: with a few
    # hundred features, numpy's per-call overhead is most of the cost, so every call counts.
    first = np.empty(n, dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    k = len(starts)
    salt = LANGUAGE_SALT.get(language)
    width = k if salt is None else 2 * k
    out_indices = np.empty(width, dtype=np.int64)
    out_values = np.empty(width, dtype=np.float32)
    indices, values = out_indices[:k], out_values[:k]
    ids.take(starts, out=indices)
    if k == n:
        values.fill(1.0)  # every feature once: 1 + log(1)
    else:
        values[:-1] = starts[1:] - starts[:-1]
        values[-1] = n - starts[-1]
        np.log(values, out=values)
        values += 1.0
    if salt is not None:
        out_values[k:] = values
        crossed = out_indices[k:]
        np.multiply(indices, _CROSS, out=crossed)
        crossed += np.int64(salt * 0x85EBCA77)
        crossed >>= 7
        crossed &= DIMENSIONS - 1
    return out_indices, out_values


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
