"""Request and response bodies of the HTTP API (they shape /openapi.json)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Form, Path
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from majlis.domain import Category, shown_url

# Hard caps that bound memory before the configurable limits of the services apply.
HARD_TEXT_CAP = 100_000


# A row id in a path or a form: bounded, so a huge number is a 422, never a database overflow.
MAX_ROW_ID = 2**62
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
FormRowId = Annotated[int, Form(ge=1, le=MAX_ROW_ID)]


class ErrorOut(BaseModel):
    """Every error: a code, a sentence, and the field at fault when there is one."""

    error: str
    message: str
    field: str | None = None
    errors: list[dict[str, str]] | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in [(400, "The body is not JSON in UTF-8"), (401, "A token is missing or unknown"),
                         (403, "Not allowed"), (404, "Not found"), (409, "Already exists"),
                         (413, "The body is too large"), (422, "A field is invalid (named in `field`)"),
                         (429, "Too many requests (see Retry-After)")]
}


class ProofOfWork(BaseModel):
    """A solved challenge from `GET /api/v1/sites/{site}/challenge`."""

    model_config = ConfigDict(extra="forbid")

    challenge: str = Field(..., max_length=200)
    nonce: str = Field(..., max_length=32)


class CommentIn(BaseModel):
    """A reader's comment. The email is required but never shown or returned."""

    model_config = ConfigDict(extra="forbid")

    author_name: str = Field(..., max_length=1000, description="Shown with the comment.")
    author_email: str = Field(..., max_length=1000, description="Required, never published.")
    text: str = Field(..., max_length=HARD_TEXT_CAP, description="Stored byte for byte.")
    parent_id: int | None = Field(None, ge=1, description="The published comment this replies to.")
    article_title: str | None = Field(
        None, max_length=500, description="Accepted for older widgets and ignored: an article's title comes only from "
        "its publisher (PUT .../articles/{article}), never from a reader.")
    article_url: str | None = Field(None, max_length=2000, description="Fills in an unregistered article's URL (an allowed origin).")
    website: str | None = Field(None, max_length=200, description="Honeypot: the widget hides it; people leave it empty.")
    ticket: str | None = Field(None, max_length=100, description="From `GET .../ticket` when the form was shown.")
    pow: ProofOfWork | None = Field(None, description="Required while the site asks for proof of work.")
    notify: bool = Field(False, description="E-mail the author when the comment is published or answered (opt-in).")


class PublicComment(BaseModel):
    """A published comment as readers see it: no email, no IP."""

    id: int
    parent_id: int | None
    author_name: str
    text: str
    language: str
    created_at: datetime
    replies: list[PublicComment] = Field(default_factory=list)


# An article's link as answered: an http(s) URL or "" (a link stored before URLs were checked is never sent).
ShownUrl = Annotated[str, AfterValidator(shown_url)]


class ArticleOut(BaseModel):
    """An article's public facts."""

    key: str
    title: str
    url: ShownUrl
    language: str
    closed: bool


class CommentPage(BaseModel):
    """A page of approved comments, oldest first, replies nested."""

    article: ArticleOut | None
    total: int = Field(description="Approved comments of the article, replies included.")
    comments: list[PublicComment]
    next_cursor: str | None


class PostResult(BaseModel):
    """The outcome of posting a comment."""

    id: int
    state: Literal["approved", "pending", "rejected"]
    category: Category | None = Field(None, description="The guideline broken, when rejected or held.")
    message: str
    language: str
    created_at: datetime
    comment: PublicComment | None = Field(None, description="The comment as published, if approved.")


class ArticleIn(BaseModel):
    """What a publisher registers about an article."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field("", max_length=500)
    url: str = Field("", max_length=2000)
    language: Literal["", "en", "ar", "ckb", "kmr", "tr", "fa"] = ""
    body: str = Field("", max_length=200_000, description="Compared with comments for relevance.")
    published_at: datetime | None = None
    closed: bool = False


class DeskDecisionIn(BaseModel):
    """The desk's decision on one or many comments (the queue page sends it)."""

    model_config = ConfigDict(extra="forbid")

    ids: list[Annotated[int, Field(ge=1, le=MAX_ROW_ID)]] = Field(min_length=1, max_length=500)
    decision: Literal["approve", "reject"]
    category: Category | None = None
    note: str = Field("", max_length=2000)


class DeskUndoIn(BaseModel):
    """The desk's undo of one decision."""

    model_config = ConfigDict(extra="forbid")

    id: int = Field(ge=1, le=MAX_ROW_ID)


class DecisionIn(BaseModel):
    """A moderator's decision."""

    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "reject"]
    category: Category | None = None
    note: str = Field("", max_length=2000)


class DecisionOut(BaseModel):
    """One entry of a comment's decision record."""

    id: int
    at: datetime
    actor_kind: str
    actor: str
    action: str
    category: Category | None
    note: str
    reversal: bool


class ModeratedComment(BaseModel):
    """A comment as a moderator sees it: with scores and evidence, still without the email."""

    id: int
    site: str
    article_key: str
    article_title: str
    parent_id: int | None
    author_name: str
    author_key: str = Field(description="Keyed hash of the email: same author, same key.")
    text: str
    text_sha256: str
    language: str
    created_at: datetime
    state: str
    risk: float
    verdict: dict[str, object] | None


class QueueOut(BaseModel):
    """A page of pending comments, riskiest first."""

    items: list[ModeratedComment]
    next_cursor: str | None


class DecisionResult(BaseModel):
    """The comment after a decision, and the event recorded."""

    comment: ModeratedComment
    event: DecisionOut
    history: list[DecisionOut]


PublicComment.model_rebuild()


class SiteConfig(BaseModel):
    """A site's public settings, for its widget."""

    site: str
    name: str
    language: str
    text_min_chars: int
    text_max_chars: int
    name_max_chars: int
    email_max_chars: int
    show_reasons: bool = Field(description="Whether readers are told which guideline a rejected comment broke.")
    link_domains: list[str] = Field(description="Links to these domains are clickable in comments.")
    page_size: int
    notifications: bool = Field(False, description="Whether readers may ask for e-mail notifications (SMTP is set up).")


class Ticket(BaseModel):
    """A signed form ticket: a comment sent with it sooner than `min_seconds` is refused."""

    ticket: str
    min_seconds: float


class Challenge(BaseModel):
    """A proof-of-work puzzle: find `nonce` so that SHA-256(challenge ":" nonce) starts with `bits` zero bits."""

    challenge: str
    bits: int
    required: bool


class ArticleSummary(BaseModel):
    """An article with its number of approved comments."""

    key: str
    title: str
    url: ShownUrl
    closed: bool
    comments: int
