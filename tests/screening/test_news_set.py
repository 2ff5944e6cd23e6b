"""The news-comment set: reading it, its halves, and the figures per language and guideline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from majlis.domain import Action, Category
from majlis.screening.news_set import (
    CHECK, DEV, LABELS, NewsComment, NewsSetError, evaluate_news, half_of, is_news_set, read_news_set,
)
from majlis.screening.verdict import Verdict

NEWS = Path(__file__).resolve().parents[2] / "bench" / "data" / "news"


def write_set(folder: Path, comments: dict[str, list[dict[str, object]]]) -> Path:
    stories = [{"id": f"{lang}-s1", "language": lang, "title": "Bridge opens", "body": "The bridge opened."}
               for lang in comments]
    (folder / "stories.jsonl").write_text("".join(json.dumps(s) + "\n" for s in stories))
    for lang, rows in comments.items():
        (folder / f"{lang}.jsonl").write_text("".join(
            json.dumps({"id": f"{lang}-s1-{n:03d}", "story": f"{lang}-s1", **row}) + "\n" for n, row in enumerate(rows)))
    return folder


def verdict(action: Action, risk: float, category: Category | None = None) -> Verdict:
    return Verdict({}, (), "", 1.0, action, category, risk, "test")


def test_figures_count_kept_threats_clean_and_groups_per_language(tmp_path: Path) -> None:
    rows = [
        {"text": "approve", "label": "clean"},
        {"text": "approve", "label": "clean", "names_group": True},
        {"text": "review", "label": "clean", "names_group": True},
        {"text": "reject", "label": "clean"},
        {"text": "review", "label": "threat"},
        {"text": "approve", "label": "threat"},
        {"text": "reject", "label": "abuse", "subtype": "racism"},
        {"text": "approve", "label": "spam"},
    ]
    comments = read_news_set(write_set(tmp_path, {"en": rows, "tr": rows[:2]}))
    risk = {"approve": 0.1, "review": 0.6, "reject": 0.9}
    # the reviewed threat is shown as abuse, the rejected abuse as abuse: one of two kept has the right guideline
    report = evaluate_news(comments, lambda c: verdict(Action(c.text), risk[c.text],
                                                       None if c.text == "approve" else Category.ABUSE))
    en = report.languages["en"].tally
    assert (en.violations, en.violations_kept, en.threats, en.threats_kept) == (4, 2, 2, 1)
    assert (en.clean, en.clean_approved, en.clean_rejected) == (4, 2, 1)
    assert (en.group_clean, en.group_clean_approved) == (2, 1)
    assert en.kept_right_category == 1
    assert en.shares() == {"violations_kept": 0.5, "kept_right_category": 0.5, "threats_kept": 0.5, "clean_approved": 0.5,
                           "clean_rejected": 0.25, "group_clean_approved": 0.5}
    assert report.languages["tr"].tally.shares()["threats_kept"] is None  # no threat there
    assert report.overall.tally.clean == 6 and report.overall.tally.clean_approved == 4
    by_label = report.languages["en"].by_label
    assert list(by_label) == ["clean", "threat", "abuse", "spam"]
    assert (by_label["threat"].comments, by_label["threat"].approved) == (2, 1)
    # the clean comments and the violations got the same four risks: the risk does not rank them
    assert report.languages["en"].auc == pytest.approx(0.5)
    assert sorted(m.comment.text for m in report.misses if m.comment.language == "en") == [
        "approve", "approve", "reject", "review"]
    assert report.to_dict()["languages"]["en"]["by_label"]["threat"] == {
        "comments": 2, "kept": 1, "approved": 1, "rejected": 0, "kept_right_category": 0}


def test_each_comment_is_screened_under_its_own_story(tmp_path: Path) -> None:
    comments = read_news_set(write_set(tmp_path, {"ar": [{"text": "x", "label": "clean"}]}))
    seen: list[NewsComment] = []
    evaluate_news(comments, lambda c: seen.append(c) or verdict(Action.APPROVE, 0.0))
    assert seen[0].story.article.title == "Bridge opens" and seen[0].story.article.language == "ar"
    assert seen[0].language == "ar"


def test_halves_are_stable_and_split_the_set() -> None:
    assert half_of("en-s1-001") == half_of("en-s1-001")
    assert {half_of(f"en-s1-{n:03d}") for n in range(20)} == {DEV, CHECK}


def test_one_language_file_reads_its_stories_beside_it(tmp_path: Path) -> None:
    write_set(tmp_path, {"en": [{"text": "a", "label": "clean"}], "fa": [{"text": "b", "label": "spam"}]})
    assert is_news_set(tmp_path) and is_news_set(tmp_path / "fa.jsonl")
    assert not is_news_set(tmp_path / "stories.jsonl")
    assert [c.text for c in read_news_set(tmp_path / "fa.jsonl")] == ["b"]


@pytest.mark.parametrize(("row", "message"), [
    ({"text": "a", "label": "rude"}, "`label` must be one of"),
    ({"text": "", "label": "clean"}, "`text` must be a non-empty string"),
    ({"text": "a", "label": "clean", "story": "nowhere"}, "`story` 'nowhere' is not in stories.jsonl"),
])
def test_bad_rows_are_refused_naming_the_line_and_field(tmp_path: Path, row: dict[str, object], message: str) -> None:
    write_set(tmp_path, {"en": [{"text": "fine", "label": "clean"}, row]})
    with pytest.raises(NewsSetError, match="en.jsonl line 2: " + message.replace("(", r"\(")):
        read_news_set(tmp_path)


@pytest.mark.skipif(not NEWS.is_dir(), reason="the news set is not in this checkout")
def test_the_projects_news_set_reads_whole() -> None:
    comments = read_news_set(NEWS)
    for language in ("en", "ar", "ckb", "kmr", "tr", "fa"):
        mine = [c for c in comments if c.language == language]
        assert len(mine) >= 100 and len({c.story.id for c in mine}) >= 3
        assert 0.4 < sum(not c.violation for c in mine) / len(mine) < 0.6
    assert {c.label for c in comments} == set(LABELS)
    assert all(bool(c.subtype) == (c.label == "abuse") for c in comments)


@pytest.mark.skipif(not NEWS.is_dir(), reason="the news set is not in this checkout")
def test_the_readme_counts_are_the_sets() -> None:
    comments = read_news_set(NEWS)
    readme = (NEWS / "README.md").read_text(encoding="utf-8")
    header = next(line for line in readme.splitlines() if line.startswith("| language | comments |"))
    columns = [c.strip() for c in header.strip("|").split("|")]
    for language in ("en", "ar", "ckb", "kmr", "tr", "fa"):
        mine = [c for c in comments if c.language == language]
        row = next(line for line in readme.splitlines() if line.startswith(f"| {language} |"))
        cells = dict(zip(columns, (c.strip() for c in row.strip("|").split("|")), strict=True))
        assert int(cells["comments"]) == len(mine)
        assert int(cells["dev"]) == sum(c.half == DEV for c in mine)
        assert int(cells["hard cases"]) == sum(bool(c.hard_case) for c in mine)
        assert int(cells["clean naming a group"]) == sum(c.names_group and not c.violation for c in mine)
        for label in LABELS:
            assert int(cells[label]) == sum(c.label == label for c in mine), (language, label)
