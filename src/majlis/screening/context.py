"""What the screen knows besides the text: the site's policy, the article, recent comments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from majlis.domain import Category
from majlis.screening.policy import Policy

MODEL_SIGNAL = "model"  # the key of the model's probability in `ScreenContext.signals`


@dataclass(frozen=True)
class ArticleText:
    """The article a comment is posted under, for relevance."""

    title: str = ""
    body: str = ""
    language: str = ""


@dataclass(frozen=True)
class RecentComment:
    """A comment posted recently on the same site, for repeat and flood detection."""

    id: int
    text: str
    author_key: str
    created_at: datetime


@dataclass(frozen=True)
class ScreenContext:
    """Everything besides the text that a screen may use."""

    policy: Policy = field(default_factory=Policy)
    article: ArticleText | None = None
    recent: tuple[RecentComment, ...] = ()
    author_key: str = ""
    now: datetime | None = None
    language_hint: str = ""
    # Scores found by earlier stages of the same screen (the model defers to explicit evidence).
    found: dict[Category, float] = field(default_factory=dict)
    # Signals a stage leaves for the pipeline beside its scores (the model's probability, which
    # orders comments that the lists and rules score alike).
    signals: dict[str, float] = field(default_factory=dict)
