"""Training the shipped model: the naive Bayes scale, folded into the weights, and a small run end to end."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from majlis.screening.classifier import LinearModel
from majlis.screening.datasets import DEV, TRAIN, Row
from majlis.screening.normalise import normalise
from majlis.screening.training import _fit_binary, calibrate, log_count_ratio, train


def test_the_ratio_is_large_for_telling_features_and_small_for_shared_ones() -> None:
    # features: 0 only in positives, 1 in every row, 2 only in negatives, 3 in no row
    x = csr_matrix(np.array([[1, 1, 0, 0], [2, 1, 0, 0], [0, 1, 1, 0], [0, 1, 3, 0]], dtype=np.float32))
    ratio = log_count_ratio(x, np.array([1, 1, 0, 0]), np.ones(4))
    assert ratio[0] > 0.5 and ratio[2] > 0.5
    assert ratio[1] == pytest.approx(0.0, abs=1e-6)
    assert ratio[0] == pytest.approx(ratio[2])  # counts are presence: 2 and 3 weigh as 1
    weighted = log_count_ratio(x, np.array([1, 1, 0, 0]), np.array([1.0, 1.0, 1.0, 5.0]))
    assert weighted[2] > ratio[2]  # a heavier negative row makes its feature tell more


def test_the_scale_is_folded_into_the_weights() -> None:
    rng = np.random.default_rng(7)
    dense = (rng.random((80, 30)) < 0.2) * rng.random((80, 30))
    y = (dense[:, :5].sum(axis=1) > dense[:, 5:10].sum(axis=1)).astype(int)
    x = csr_matrix(dense.astype(np.float32))
    scale = log_count_ratio(x, y, np.ones(len(y)))
    coef, intercept, _, _ = _fit_binary(x, y, x, y, (1.0,), None, scale)
    from sklearn.linear_model import LogisticRegression

    direct = LogisticRegression(C=1.0, solver="liblinear", max_iter=200, class_weight="balanced")
    direct.fit(x.multiply(scale).tocsr(), y)
    # the plain features scored with the returned weights give what the regression saw on scaled ones
    assert np.allclose(x @ coef + intercept, direct.decision_function(x.multiply(scale).tocsr()), atol=1e-4)


def _rows() -> list[Row]:
    toxic = ["you are a stupid idiot", "shut up you filthy moron", "what an idiot you are", "you stupid pig",
             "go away you worthless fool", "idiot moron fool", "you are trash and stupid", "filthy idiot pig"]
    clean = ["the bridge opens on tuesday", "the council met to discuss the budget", "good news for the shops",
             "the river is high this spring", "the new school opens next week", "thanks for the report",
             "the market was busy today", "the road works end in june"]
    spam = ["buy cheap watches at my shop now", "click my channel and subscribe now", "cheap shop deals buy now",
            "subscribe to my channel for deals"]
    rows = []
    for n, text in enumerate(toxic):
        label = "personal_attack" if n % 2 else "profanity"  # the category head needs two kinds
        rows.append(Row(f"t{n}", text, (label,), "toy", "en", TRAIN if n < 6 else DEV))
    for n, text in enumerate(clean):
        rows.append(Row(f"c{n}", text, ("clean",), "toy", "en", TRAIN if n < 6 else DEV))
    for n, text in enumerate(spam):
        rows.append(Row(f"s{n}", text, ("spam",), "toy", "en", TRAIN if n < 3 else DEV))
    return rows


def test_a_small_training_run_ends_in_a_model_that_loads_and_separates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows()
    model, report = train(rows, grid=(4.0,), log=lambda _: None)
    assert report.rows == {"train": 15, "dev": 5}
    assert report.dev_auc["toxic"] == pytest.approx(1.0)
    calibrate(model, rows)
    model.save(tmp_path / "model.npz")
    loaded = LinearModel.load(tmp_path / "model.npz")
    attack, ordinary = normalise("you stupid fool").text, normalise("the budget opens on tuesday").text
    assert loaded.predict(attack, "en").toxic > loaded.predict(ordinary, "en").toxic
    assert loaded.predict(normalise("buy my channel deals").text, "en").spam > loaded.predict(ordinary, "en").spam


def test_a_boosted_set_weighs_more_per_row_and_the_rest_keep_their_balance() -> None:
    from majlis.screening.training import set_weights

    rows = [Row(f"p{n}", "x", ("clean",), "public", "en") for n in range(16)]
    rows += [Row(f"n{n}", "x", ("clean",), "news_train", "en") for n in range(4)]
    plain = set_weights(rows, lambda r: r.toxic, boost={})
    boosted = set_weights(rows, lambda r: r.toxic, boost={"news_train": 3.0})
    assert plain.mean() == pytest.approx(1.0) and boosted.mean() == pytest.approx(1.0)
    assert plain[-1] / plain[0] == pytest.approx(2.0)  # 1/sqrt(4) against 1/sqrt(16)
    assert boosted[-1] / boosted[0] == pytest.approx(6.0)
    # a violation of the boosted set is balanced like any other row, not weighed up
    rows += [Row(f"v{n}", "x", ("threat",), "news_train", "en") for n in range(4)]
    rows += [Row(f"w{n}", "x", ("threat",), "public", "en") for n in range(4)]
    mixed = set_weights(rows, lambda r: r.toxic, boost={"news_train": 3.0})
    assert mixed[20] == pytest.approx(mixed[-1])


def test_the_news_training_set_reads_as_training_rows_in_its_languages() -> None:
    from pathlib import Path

    from majlis.screening.datasets import NEWS_TRAIN, read_news_training

    folder = Path(__file__).resolve().parents[2] / "bench" / "data" / "news_train"
    rows = read_news_training(folder)
    assert {r.language for r in rows} == {"en", "ar", "ckb", "kmr", "tr", "fa"}
    assert all(r.split == TRAIN and r.dataset == NEWS_TRAIN for r in rows)
    assert sum(r.clean for r in rows) > 2 * sum(r.toxic for r in rows)  # mostly clean, as news comments are
    assert any(r.toxic and r.category is not None and r.category.value == "threat" for r in rows)


def test_the_news_training_set_shares_no_sentence_with_the_news_development_set() -> None:
    from pathlib import Path

    from majlis.screening.datasets import read_news_training
    from majlis.screening.news_set import read_news_set

    bench = Path(__file__).resolve().parents[2] / "bench" / "data"
    developed = {normalise(c.text).text for c in read_news_set(bench / "news")}
    assert not [r.text for r in read_news_training(bench / "news_train") if normalise(r.text).text in developed]
