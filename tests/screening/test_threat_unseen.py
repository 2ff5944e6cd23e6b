"""Threat recall on sentences written fresh for the purpose (tests/data/threats_unseen.tsv), never
tuned against a bench set: per language, the threats kept, reported threats left to a human, and
clean near-misses (news of killings, idioms, sport) never rejected."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from majlis.domain import Action, Category
from majlis.screening import ScreenContext, Screener
from majlis.screening.threat import LANGUAGES, ThreatStage

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "threats_unseen.tsv"
REPORTING = ("threat", "هدد", "تهدید", "tehdit", "هەڕەشە", "gef ")

screener = Screener()
stage = ThreatStage()


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("language\t"):
            continue
        language, text, expected = line.split("\t")
        rows.append((language, text, expected))
    return rows


ROWS = _rows()
THREATS = [r for r in ROWS if r[2] in ("reject", "review") and not any(w in r[1] for w in REPORTING)]
REPORTED = [r for r in ROWS if r[2] == "review" and any(w in r[1] for w in REPORTING)]
CLEAN = [r for r in ROWS if r[2] == "approve"]


def _score(text: str, language: str) -> float:
    scores, _ = stage.run(text, ScreenContext(language_hint=language))
    return scores.get(Category.THREAT, 0.0)


def test_the_fixture_covers_every_language() -> None:
    for language in LANGUAGES:
        assert sum(1 for r in THREATS if r[0] == language) >= 25, language
        assert sum(1 for r in REPORTED + CLEAN if r[0] == language) >= 10, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_threats_written_fresh_are_kept(language: str) -> None:
    rows = [r for r in THREATS if r[0] == language]
    kept = [r for r in rows if _score(r[1], language) >= 0.5]
    rejected = [r for r in rows if r[2] == "reject" and _score(r[1], language) >= 0.85]
    assert len(kept) >= 0.9 * len(rows), [r[1] for r in rows if r not in kept]
    must_reject = [r for r in rows if r[2] == "reject"]
    assert len(rejected) >= 0.85 * len(must_reject), [r[1] for r in must_reject if r not in rejected]


@pytest.mark.parametrize(("language", "text", "expected"), REPORTED)
def test_a_reported_threat_is_not_rejected(language: str, text: str, expected: str) -> None:
    assert screener.screen(text, ScreenContext(language_hint=language)).action is not Action.REJECT


@pytest.mark.parametrize(("language", "text", "expected"), CLEAN)
def test_a_clean_near_miss_is_not_rejected(language: str, text: str, expected: str) -> None:
    assert screener.screen(text, ScreenContext(language_hint=language)).action is not Action.REJECT


def test_most_clean_near_misses_hold_no_threat() -> None:
    flagged = [r for r in CLEAN if _score(r[1], r[0]) >= 0.5]
    assert len(flagged) <= 0.1 * len(CLEAN), flagged
