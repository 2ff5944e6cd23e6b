"""The news-comment development set (bench/data/news): stories, the comments under them, and what
the screen did with them per language and per guideline.

A folder holds `stories.jsonl` ({"id", "language", "title", "body"}) and one `<language>.jsonl` of
comments each ({"id", "story", "text", "label", "subtype"?, "hard_case"?, "kind"?, "names_group"?}).
Each comment falls by a hash of its id into the `dev` half (tune on it) or the `check` half.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from majlis.domain import Action, Category
from majlis.screening.context import ArticleText
from majlis.screening.evaluation import roc_auc
from majlis.screening.verdict import Verdict

STORIES = "stories.jsonl"
CLEAN = "clean"
THREAT = Category.THREAT.value
LABELS = (CLEAN, *(c.value for c in Category))
DEV, CHECK = "dev", "check"
HALVES = (DEV, CHECK)


class NewsSetError(ValueError):
    """A news set that cannot be read; the message names the file, the line and the field."""


@dataclass(frozen=True)
class Story:
    """A story comments are posted under."""

    id: str
    language: str
    title: str
    body: str

    @property
    def article(self) -> ArticleText:
        """The story as the screen reads an article."""
        return ArticleText(self.title, self.body, self.language)


@dataclass(frozen=True)
class NewsComment:
    """A labelled comment under a story."""

    id: str
    story: Story
    text: str
    label: str
    subtype: str = ""
    hard_case: str = ""
    kind: str = ""
    names_group: bool = False

    @property
    def language(self) -> str:
        """The language of the story it is posted under."""
        return self.story.language

    @property
    def violation(self) -> bool:
        """Whether it breaks a guideline."""
        return self.label != CLEAN

    @property
    def half(self) -> str:
        """`dev` or `check`, by a stable hash of the id."""
        return half_of(self.id)


def half_of(comment_id: str) -> str:
    """The half a comment id falls in."""
    return DEV if zlib.crc32(comment_id.encode()) % 2 == 0 else CHECK


def is_news_set(path: Path) -> bool:
    """Whether `path` is a news set: a folder with stories, or a comment file beside them."""
    return (path / STORIES).is_file() if path.is_dir() else path.suffix == ".jsonl" and (
        path.parent / STORIES).is_file() and path.name != STORIES


def _records(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise NewsSetError(f"{path.name} line {number}: not JSON ({error})") from error
        if not isinstance(record, dict):
            raise NewsSetError(f"{path.name} line {number}: not a JSON object")
        yield number, record


def _text(path: Path, number: int, record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        raise NewsSetError(f"{path.name} line {number}: `{name}` must be a non-empty string")
    return value


def read_stories(path: Path) -> dict[str, Story]:
    """The stories of a `stories.jsonl`, by id."""
    stories = {}
    for number, record in _records(path):
        fields = [_text(path, number, record, name) for name in ("id", "language", "title", "body")]
        stories[fields[0]] = Story(*fields)
    return stories


def read_comments(path: Path, stories: dict[str, Story]) -> list[NewsComment]:
    """The comments of one `<language>.jsonl`, each with its story."""
    comments = []
    for number, record in _records(path):
        values = {name: _text(path, number, record, name) for name in ("id", "story", "text", "label")}
        if values["label"] not in LABELS:
            raise NewsSetError(f"{path.name} line {number}: `label` must be one of {', '.join(LABELS)}")
        if values["story"] not in stories:
            raise NewsSetError(f"{path.name} line {number}: `story` {values['story']!r} is not in {STORIES}")
        comments.append(NewsComment(
            values["id"], stories[values["story"]], values["text"], values["label"],
            str(record.get("subtype", "")), str(record.get("hard_case", "")), str(record.get("kind", "")),
            record.get("names_group") is True,
        ))
    return comments


def read_news_set(path: Path) -> list[NewsComment]:
    """Every comment of a news set folder, or of one of its comment files."""
    folder = path if path.is_dir() else path.parent
    stories = read_stories(folder / STORIES)
    files = sorted(p for p in folder.glob("*.jsonl") if p.name != STORIES) if path.is_dir() else [path]
    comments = [comment for file in files for comment in read_comments(file, stories)]
    seen: set[str] = set()
    for comment in comments:
        if comment.id in seen:
            raise NewsSetError(f"comment id {comment.id!r} appears twice")
        seen.add(comment.id)
    return comments


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Tally:
    """What the policy did with one slice of comments (a language, a guideline, or all)."""

    comments: int = 0
    approved: int = 0
    rejected: int = 0
    clean: int = 0
    clean_approved: int = 0
    clean_rejected: int = 0
    group_clean: int = 0
    group_clean_approved: int = 0
    violations: int = 0
    violations_kept: int = 0
    kept_right_category: int = 0  # kept, and the guideline shown to the moderator is the label
    threats: int = 0
    threats_kept: int = 0

    def add(self, comment: NewsComment, action: Action, category: Category | None = None) -> None:
        """Count one decision (and the guideline it named); kept means rejected or sent to review."""
        approved, rejected = action is Action.APPROVE, action is Action.REJECT
        self.comments += 1
        self.approved += approved
        self.rejected += rejected
        if comment.violation:
            self.violations += 1
            self.violations_kept += not approved
            self.kept_right_category += not approved and category is not None and category.value == comment.label
            if comment.label == THREAT:
                self.threats += 1
                self.threats_kept += not approved
        else:
            self.clean += 1
            self.clean_approved += approved
            self.clean_rejected += rejected
            if comment.names_group:
                self.group_clean += 1
                self.group_clean_approved += approved

    def shares(self) -> dict[str, float | None]:
        """The issue's figures as fractions (None where the slice has no such comment)."""
        return {
            "violations_kept": _share(self.violations_kept, self.violations),
            "kept_right_category": _share(self.kept_right_category, self.violations_kept),
            "threats_kept": _share(self.threats_kept, self.threats),
            "clean_approved": _share(self.clean_approved, self.clean),
            "clean_rejected": _share(self.clean_rejected, self.clean),
            "group_clean_approved": _share(self.group_clean_approved, self.group_clean),
        }


@dataclass
class Miss:
    """A comment the screen got wrong: a violation approved, or a clean comment held or rejected."""

    comment: NewsComment
    action: Action
    risk: float


@dataclass
class SliceReport:
    """The figures of one language (or of all): its tally, per guideline, and the risk's AUC."""

    tally: Tally = field(default_factory=Tally)
    by_label: dict[str, Tally] = field(default_factory=dict)
    auc: float = float("nan")

    def to_dict(self) -> dict[str, Any]:
        """Counts and shares, for `--format json`."""
        return {
            "counts": vars(self.tally), "shares": self.tally.shares(),
            "roc_auc": None if self.auc != self.auc else self.auc,
            "by_label": {label: {"comments": t.comments, "kept": t.comments - t.approved, "approved": t.approved,
                                 "rejected": t.rejected, "kept_right_category": t.kept_right_category}
                         for label, t in self.by_label.items()},
        }


@dataclass
class NewsReport:
    """A half (or all) of a news set: per language, all languages, and the misses."""

    languages: dict[str, SliceReport]
    overall: SliceReport
    misses: list[Miss]

    def to_dict(self) -> dict[str, Any]:
        """Every figure, for `--format json`."""
        return {"languages": {lang: s.to_dict() for lang, s in self.languages.items()},
                "all": self.overall.to_dict()}


def _slice(comments: Sequence[NewsComment], verdicts: Sequence[Verdict]) -> SliceReport:
    report = SliceReport()
    for comment, verdict in zip(comments, verdicts, strict=True):
        report.tally.add(comment, verdict.action, verdict.category)
        report.by_label.setdefault(comment.label, Tally()).add(comment, verdict.action, verdict.category)
    report.by_label = {label: report.by_label[label] for label in LABELS if label in report.by_label}
    report.auc = roc_auc([c.violation for c in comments], [v.risk for v in verdicts])
    return report


def evaluate_news(comments: Sequence[NewsComment], screen: Callable[[NewsComment], Verdict]) -> NewsReport:
    """Screen every comment (`screen` gives it its story as the article) and tally the outcomes."""
    verdicts = [screen(comment) for comment in comments]
    languages = {}
    for language in sorted({c.language for c in comments}):
        pairs = [(c, v) for c, v in zip(comments, verdicts, strict=True) if c.language == language]
        languages[language] = _slice([c for c, _ in pairs], [v for _, v in pairs])
    misses = [Miss(c, v.action, v.risk) for c, v in zip(comments, verdicts, strict=True)
              if (v.action is Action.APPROVE) == c.violation]
    return NewsReport(languages, _slice(comments, verdicts), misses)
