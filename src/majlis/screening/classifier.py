"""The trained statistical classifier: a linear model over hashed n-grams, shipped in the package.

One multilingual model with several heads: `toxic` (any violation of the toxicity-like guidelines),
`spam` (promotion-like spam), and a distribution over the guideline categories of a toxic comment.
Trained by `majlis train` (see `training.py`) on the labelled sets of `../shared/data`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from majlis.domain import Category
from majlis.screening.context import ScreenContext
from majlis.screening.features import DIMENSIONS, LANGUAGE_SALT, counts, occurrences
from majlis.screening.findings import MODEL_SIGNAL, Findings
from majlis.screening.normalise import normalise
from majlis.screening.reading import Reading
from majlis.screening.verdict import Evidence

MODEL_FILE = "classifier.npz"
HEADS_TOXIC = "toxic"
HEADS_SPAM = "spam"
# The categories the model can name for a toxic comment, in the order of its category head.
MODEL_CATEGORIES = (
    Category.PERSONAL_ATTACK,
    Category.ABUSE,
    Category.PROFANITY,
    Category.VULGARITY,
    Category.THREAT,
)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, x))))


@dataclass(frozen=True)
class Prediction:
    """The model's view of one comment."""

    toxic: float
    spam: float
    categories: dict[Category, float]  # P(category | toxic), summing to 1


class LinearModel:
    """Weights of every head over the hashed feature space; `predict` runs in microseconds."""

    def __init__(self, table: np.ndarray, bias: np.ndarray, heads: list[str], meta: dict[str, object],
                 has_idf: bool) -> None:
        """A model over `table`: one row per feature, the heads' weights then the feature's idf (1 for
        plain counts), so scoring a comment gathers each of its features' rows once."""
        self._table = table
        self.weights = table[:, :-1]  # (DIMENSIONS, heads), float32: a view of the table
        self.bias = bias
        self.heads = heads
        self.meta = meta
        self.idf = table[:, -1] if has_idf else None  # (DIMENSIONS,) feature weights, or None
        self._toxic = heads.index(HEADS_TOXIC)
        self._spam = heads.index(HEADS_SPAM)
        self._categories = [heads.index("cat:" + c.value) for c in MODEL_CATEGORIES]
        empty = np.empty(0, dtype=np.float32)
        self._last: tuple[str, str, np.ndarray, np.ndarray, np.ndarray, np.float32] = (
            "", "", empty, empty, empty, np.float32(1.0))

    @classmethod
    def from_weights(cls, weights: np.ndarray, bias: np.ndarray, heads: list[str], meta: dict[str, object],
                     idf: np.ndarray | None = None) -> LinearModel:
        """A model of trained `weights` (features by heads) and, if given, each feature's `idf`."""
        table = np.empty((weights.shape[0], weights.shape[1] + 1), dtype=np.float32)
        table[:, :-1] = weights
        table[:, -1] = 1.0 if idf is None else idf
        return cls(table, bias, heads, meta, idf is not None)

    @classmethod
    def load(cls, path: Path | None = None) -> LinearModel:
        """Load the model shipped in the package (or from `path`), straight into its table."""
        source = path or resources.files("majlis.screening") / "data" / MODEL_FILE
        with source.open("rb") as handle:
            data = np.load(handle)
            meta = json.loads(bytes(data["meta"]).decode())
            if meta.get("dimensions", DIMENSIONS) != DIMENSIONS:
                raise ValueError(f"model has {meta['dimensions']} dimensions, the features {DIMENSIONS}: retrain it")
            scale = data["scale"]
            table = np.zeros((DIMENSIONS, len(scale) + 1), dtype=np.float32)
            table[data["rows"], :-1] = data["values"].astype(np.float32) * scale
            has_idf = "idf_rows" in data
            table[:, -1] = float(meta["idf_default"]) if has_idf else 1.0
            if has_idf:
                table[data["idf_rows"], -1] = data["idf_values"].astype(np.float32)
            bias = data["bias"].astype(np.float32)
        return cls(table, bias, list(meta["heads"]), meta, has_idf)

    def save(self, path: Path) -> None:
        """Write the model: nonzero rows only, int8 per head with a scale; the idf where it is not
        the default (features seen in fewer than two training texts)."""
        rows = np.flatnonzero(np.abs(self.weights).max(axis=1) > 0)
        kept = self.weights[rows]
        scale = np.abs(kept).max(axis=0) / 127.0
        scale[scale == 0] = 1.0
        values = np.round(kept / scale).astype(np.int8)
        extra: dict[str, Any] = {}
        meta_dict = {**self.meta, "heads": self.heads, "dimensions": DIMENSIONS}
        if self.idf is not None:
            default = float(self.idf.max())
            idf_rows = np.flatnonzero(self.idf < default)
            extra = {"idf_rows": idf_rows.astype(np.int32), "idf_values": self.idf[idf_rows].astype(np.float16)}
            meta_dict["idf_default"] = default
        meta = json.dumps(meta_dict).encode()
        np.savez_compressed(path, rows=rows.astype(np.int32), values=values, scale=scale.astype(np.float32),
                            bias=self.bias.astype(np.float32), meta=np.frombuffer(meta, dtype=np.uint8), **extra)

    def raw(self, folded: str, language: str = "") -> np.ndarray:
        """Head logits for a folded text written in `language` (empty: unknown)."""
        indices, weighted, rows, norm = self._gather(folded, language)
        if not len(indices):
            return self.bias.copy()
        logits: np.ndarray = (weighted @ rows[:, :-1]) / norm + self.bias
        return logits

    def _gather(self, folded: str, language: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.float32]:
        """A text's feature indices, their idf-weighted values (what `features.featurise` computes,
        before the norm), their rows of the table and the norm. The last text's are kept for
        `word_weights`, which the screen asks for right after scoring it."""
        last = self._last  # read once: another thread may be scoring another text
        if last[0] == folded and last[1] == language:
            return last[2], last[3], last[4], last[5]
        indices, values = counts(folded, language)
        rows = self._table.take(indices, axis=0)  # half the time of `self._table[indices]` here
        weighted = values * rows[:, -1]  # the idf is the table's last column: one gather for both
        norm = np.float32(np.sqrt(np.dot(weighted, weighted))) if len(indices) else np.float32(1.0)
        self._last = (folded, language, indices, weighted, rows, norm)
        return indices, weighted, rows, norm

    def predict(self, folded: str, language: str = "") -> Prediction:
        """Probabilities of every head for a folded text."""
        logits = self.raw(folded, language).tolist()  # a handful of floats: plain Python beats numpy here
        cats = [logits[i] for i in self._categories]
        top = max(cats)
        exps = [math.exp(c - top) for c in cats]
        total = sum(exps)
        return Prediction(
            toxic=_sigmoid(logits[self._toxic]),
            spam=_sigmoid(logits[self._spam]),
            categories={c: e / total for c, e in zip(MODEL_CATEGORIES, exps)},
        )

    def word_weights(self, folded: str, language: str = "", head: str = HEADS_TOXIC) -> list[tuple[int, int, float]]:
        """What each word of a folded text adds to a head's logit, with its span in the text: the
        exact share of a linear score (a feature that occurs several times, or a bigram, is split
        between its words)."""
        spans, own, owners, bigrams = occurrences(folded)
        indices, weighted, rows, norm = self._gather(folded, language)
        if not spans or not len(indices):
            return []
        added = weighted * rows[:, self.heads.index(head)] / norm
        distinct = len(indices) // 2 if LANGUAGE_SALT.get(language) else len(indices)
        per_feature = added[:distinct] + (added[distinct:] if distinct < len(indices) else 0.0)
        # Every occurrence is one of the distinct features (`indices[:distinct]`, sorted).
        at_own = np.searchsorted(indices[:distinct], own)
        at_bigram = np.searchsorted(indices[:distinct], bigrams)
        times = np.bincount(at_own, minlength=distinct) + np.bincount(at_bigram, minlength=distinct)
        by_word = np.bincount(owners, weights=per_feature[at_own] / times[at_own], minlength=len(spans))
        half = per_feature[at_bigram] / times[at_bigram] / 2
        by_word[:-1] += half
        by_word[1:] += half
        return [(start, end, weight) for (start, end), weight in zip(spans, by_word.tolist())]

    def knots(self, head: str) -> tuple[float, float]:
        """Where a head's probabilities cross the review and reject lines (`training.calibrate`); the
        lines themselves for a model that was not calibrated."""
        calibration = self.meta.get("calibration")
        found = calibration.get(head) if isinstance(calibration, dict) else None
        if not found:
            return REVIEW_LINE, REJECT_LINE
        review, reject = found
        return float(review), float(reject)


# Where the policy's default review and reject thresholds sit; model probabilities are mapped onto
# this scale by the knots chosen on the dev split (`training.calibrate`).
REVIEW_LINE = 0.5
REJECT_LINE = 0.85
SPAM_LANGUAGES = frozenset({"en"})
# The words behind a score the model sends for review or rejection are shown as evidence: those that
# alone move its toxicity logit by this much or more (odds times e), the strongest three.
WORD_EVIDENCE_MIN = 1.0
WORD_EVIDENCE_MOST = 3


def calibrated(probability: float, knots: tuple[float, float]) -> float:
    """Map a probability so that `knots` (review, reject) land on the policy's lines."""
    review, reject = knots
    if probability <= review:
        return REVIEW_LINE * probability / review
    if probability <= reject:
        return REVIEW_LINE + (REJECT_LINE - REVIEW_LINE) * (probability - review) / (reject - review)
    return REJECT_LINE + (1 - REJECT_LINE) * (probability - reject) / (1 - reject)


def _word_evidence(model: LinearModel, text: str, language: str, category: Category, source: str,
                   score: float) -> list[Evidence]:
    """The words that weigh most toward the model's toxicity score, with their spans in `text`."""
    view = normalise(text)
    weights = sorted(model.word_weights(view.text, language), key=lambda w: -w[2])[:WORD_EVIDENCE_MOST]
    return [Evidence(category, *view.span(start, end), source, f"this word weighs {weight:+.1f} toward {category.value}", score)
            for start, end, weight in weights if weight >= WORD_EVIDENCE_MIN]


@lru_cache(maxsize=1)
def packaged_model() -> LinearModel | None:
    """The shipped model, loaded once; None if the package was built without one."""
    try:
        return LinearModel.load()
    except FileNotFoundError:
        return None


class ClassifierStage:
    """The statistical stage: toxicity with its likeliest category, and promotion-like spam."""

    name: str = "classifier"
    reads: tuple[str, ...] = ("reading.view", "scores")
    adds: tuple[str, ...] = ("personal_attack", "abuse", "profanity", "vulgarity", "threat", "promotion", "signal:model")

    def __init__(self, model: LinearModel | None = None) -> None:
        self._model = model

    @property
    def model(self) -> LinearModel | None:
        """The model (loaded on first use)."""
        if self._model is None:
            self._model = packaged_model()
        return self._model

    def gather(self, reading: Reading, context: ScreenContext, earlier: Mapping[Category, float]) -> Findings:
        """Scores from the model, its likeliest category's and the others' tied to it (the evidence
        spans the whole comment: the model reads all of it), and its probability as a signal."""
        model = self.model
        if model is None:
            return Findings()
        text, folded, language = reading.text, reading.folded, reading.language
        prediction = model.predict(folded, language)
        toxic = calibrated(prediction.toxic, model.knots("toxic"))
        spam = calibrated(prediction.spam, model.knots("spam"))
        # Explicit evidence from earlier stages (a listed slur, a threat phrase) names the category
        # better than the model's guess, so it weighs in when ranking.
        weight = {c: share + earlier.get(c, 0.0) for c, share in prediction.categories.items()}
        ranked = sorted(prediction.categories.items(), key=lambda kv: weight[kv[0]], reverse=True)
        top = ranked[0][0]
        scores = {top: toxic}
        for category, share in ranked[1:]:
            scores[category] = toxic * share
        english_like = not language or language in SPAM_LANGUAGES
        signal = max(prediction.toxic, prediction.spam if english_like else 0.0)
        if not english_like:
            spam = 0.0  # the spam head learnt from English comments only; rules cover the rest
        scores[Category.PROMOTION] = spam
        evidence = []
        version = str(model.meta.get("version", "linear"))
        if toxic >= 0.3:
            detail = f"toxic p={prediction.toxic:.3f}; likeliest {top.value} ({ranked[0][1]:.2f})"
            evidence.append(Evidence(top, 0, len(text), f"model:{version}", detail, toxic))
        if toxic >= REVIEW_LINE and max(earlier.values(), default=0.0) < REVIEW_LINE:
            # The model alone holds the comment: show the words it weighed.
            evidence += _word_evidence(model, text, language, top, f"model:{version}", toxic)
        if spam >= 0.3:
            evidence.append(Evidence(Category.PROMOTION, 0, len(text), f"model:{version}",
                                     f"spam-like p={prediction.spam:.3f}", spam))
        return Findings(scores, evidence, {MODEL_SIGNAL: signal}, top=top, shares=dict(ranked[1:]))

    def run(self, text: str, context: ScreenContext) -> tuple[dict[Category, float], list[Evidence]]:
        """The stage alone on one text, its rulings applied (`stage.run_alone`)."""
        from majlis.screening.stage import run_alone

        return run_alone(self, text, context)
