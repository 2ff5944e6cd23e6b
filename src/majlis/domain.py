"""The nouns of Majlis as plain dataclasses and enums: no web, no SQL."""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote


class State(str, enum.Enum):
    """Where a comment stands. Only `approved` comments are ever shown to readers."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Action(str, enum.Enum):
    """What a decision (automatic or human) does to a comment."""

    APPROVE = "approve"
    REJECT = "reject"
    REVIEW = "review"

    def state(self) -> State:
        """The comment state this action leads to."""
        return {
            Action.APPROVE: State.APPROVED,
            Action.REJECT: State.REJECTED,
            Action.REVIEW: State.PENDING,
        }[self]


class Category(str, enum.Enum):
    """The guideline categories of `GUIDELINES.md`."""

    PROFANITY = "profanity"
    VULGARITY = "vulgarity"
    THREAT = "threat"
    PERSONAL_ATTACK = "personal_attack"
    ABUSE = "abuse"
    PROMOTION = "promotion"
    SPAM = "spam"
    OFF_TOPIC = "off_topic"


class ActorKind(str, enum.Enum):
    """Who made a decision."""

    SCREEN = "screen"
    MODERATOR = "moderator"
    IMPORT = "import"
    SYSTEM = "system"


class Role(str, enum.Enum):
    """What an API token may do."""

    PUBLISHER = "publisher"
    MODERATOR = "moderator"


def text_sha256(text: str) -> str:
    """The content hash that proves a stored comment is the text the commenter sent."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Site:
    """A newsroom's site: comments live under its articles."""

    id: int
    slug: str
    name: str
    origins: tuple[str, ...]
    language: str
    policy: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None


ARTICLE_KEY_MAX = 255
_SLASHES = re.compile(r"/{2,}")


def canonical_article_key(key: str) -> str:
    """The one form an article key is stored and looked up in (docs/api.md): surrounding spaces
    dropped; in the part before any `?`, percent-escapes decoded (valid UTF-8 only), runs of `/`
    made one, and the leading and trailing `/` dropped (the root page's key stays `/`); Unicode
    NFC; case kept. So the widget's `location.pathname`, an importer's URL path, a key in a URL
    with plain slashes and a hand-set key agree: `/en/story/`, `en/story` and `%2Fen%2Fstory`
    are one article, `en/story`."""
    path, mark, query = key.strip().partition("?")
    try:
        path = unquote(path, errors="strict")
    except UnicodeDecodeError:
        pass  # escapes of something that is not UTF-8 stay as they were sent
    path = _SLASHES.sub("/", path)
    if path != "/":
        path = path.strip("/") or ("/" if path else "")
    return unicodedata.normalize("NFC", path + mark + query)


@dataclass(frozen=True)
class Article:
    """A story on a site, identified by the publisher's key."""

    id: int
    site_id: int
    key: str
    title: str
    url: str
    language: str
    body: str
    published_at: datetime | None
    created_at: datetime
    closed: bool = False


@dataclass(frozen=True)
class Comment:
    """A reader's comment. `text` is exactly what was sent; it is never edited."""

    id: int
    site_id: int
    article_id: int
    parent_id: int | None
    author_name: str
    author_email: str
    author_key: str
    text: str
    text_sha256: str
    language: str
    created_at: datetime
    state: State
    risk: float = 0.0
    verdict: dict[str, Any] | None = None
    decided_at: datetime | None = None
    erased_at: datetime | None = None
    notify: bool = False  # the author wants an e-mail when it is published or answered


@dataclass(frozen=True)
class DecisionEvent:
    """One entry of the append-only decision record of a comment."""

    id: int
    comment_id: int
    at: datetime
    actor_kind: ActorKind
    actor: str
    action: Action
    category: Category | None
    note: str
    reversal: bool


@dataclass(frozen=True)
class Moderator:
    """A person who decides on comments; admins may do everything."""

    id: int
    email: str
    password_hash: str
    is_admin: bool
    site_ids: tuple[int, ...]
    created_at: datetime

    def may_moderate(self, site_id: int) -> bool:
        """Whether this moderator may decide comments of the site."""
        return self.is_admin or site_id in self.site_ids

    def scope(self) -> tuple[int, ...] | None:
        """The ids of the sites this moderator may act on (None: every site, for an admin); the
        store applies it inside the transaction that changes anything."""
        return None if self.is_admin else self.site_ids


@dataclass(frozen=True)
class ApiToken:
    """A bearer token; only its hash is stored."""

    id: int
    role: Role
    site_id: int | None
    moderator_id: int | None
    created_at: datetime
    revoked: bool = False


WEB_SCHEMES = ("http", "https")


def http_url(value: str, *, origin: bool = False) -> str:
    """`value` without surrounding space if it is an absolute http(s) URL with a host (and, with
    `origin`, nothing after the host and port); else ValueError. Every URL Majlis stores or renders
    passes here: a `javascript:` or `data:` link is refused wherever it enters."""
    from urllib.parse import urlsplit

    url = value.strip()
    if any(ord(ch) < 33 or ord(ch) == 127 for ch in url):
        raise ValueError("a URL has no spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in range
    except ValueError as error:
        raise ValueError("not a valid URL") from error
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname or not url.lower().startswith(
        tuple(s + "://" for s in WEB_SCHEMES)
    ):
        raise ValueError("a URL starts with http:// or https:// and names a host")
    if origin and (parts.path or parts.query or parts.fragment or parts.username or parts.password):
        raise ValueError("an origin is scheme://host[:port] without a path")
    return url


def shown_url(value: str) -> str:
    """`value` if it may be rendered as a link (an http(s) URL), else ""."""
    return value if is_http_url(value) else ""


def is_http_url(value: str) -> bool:
    """Whether `value` is an absolute http(s) URL (what may be rendered as a link)."""
    try:
        http_url(value)
    except ValueError:
        return False
    return True
