"""What the screen knows besides the text: the site's policy, the article, recent comments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from majlis.screening.policy import Policy


@dataclass(frozen=True)
class ArticleText:
    """The article a comment is posted under, for relevance."""

    title: str = ""
    body: str = ""
    language: str = ""


class Recent(Protocol):
    """What repeat and flood detection read of a recent comment (a `RecentComment`, or a storage
    row with these attributes: a post reads hundreds, so they are not copied)."""

    @property
    def id(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def author_key(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...


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
    recent: Sequence[Recent] = ()
    author_key: str = ""
    now: datetime | None = None
    language_hint: str = ""
    # The site's own origins and the article's URL (or their hosts): a link to them is never promotion.
    origins: tuple[str, ...] = ()
