"""Posting a comment (validate, store, screen, decide) and reading an article's approved comments."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import timedelta

from email_validator import EmailNotValidError, validate_email

from majlis.domain import (
    ARTICLE_KEY_MAX,
    Action,
    Article,
    Category,
    Comment,
    Site,
    canonical_article_key,
    is_http_url,
    text_sha256,
)
from majlis.screening import ArticleText, Policy, ScreenContext, Screener, Verdict
from majlis.services.accounts import author_key
from majlis.services.errors import Forbidden, Invalid, NotFound
from majlis.services.privacy import ip_hash, vault
from majlis.settings import Settings
from majlis.storage import Store

# How far back the screen looks for repeats and floods, and how many comments at most.
RECENT_WINDOW = timedelta(hours=24)
RECENT_LIMIT = 500


@dataclass(frozen=True)
class CommentDraft:
    """What a reader sends."""

    author_name: str
    author_email: str
    text: str
    parent_id: int | None = None
    article_title: str | None = None  # sent by older widgets; ignored (titles come from the publisher)
    article_url: str | None = None
    notify: bool = False  # e-mail me when it is published or answered


@dataclass(frozen=True)
class Posted:
    """A stored comment with the verdict that decided it."""

    comment: Comment
    verdict: Verdict
    site: Site
    category: Category | None = None  # the guideline behind a rejection or a hold, if any


@dataclass(frozen=True)
class Thread:
    """A top-level approved comment with its approved replies."""

    comment: Comment
    replies: list[Comment]


@dataclass(frozen=True)
class Page:
    """One page of an article's approved comments."""

    article: Article | None
    threads: list[Thread]
    total: int
    next_cursor: str | None


def _check_unicode(value: str, field: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise Invalid(f"{field} is not valid UTF-8 (lone surrogate)", field) from error
    if "\x00" in value:
        raise Invalid(f"{field} contains a NUL character", field)


def validate_draft(draft: CommentDraft, settings: Settings) -> str:
    """Check a draft against the limits; returns the normalised email (for matching only)."""
    for field in ("author_name", "author_email", "text"):
        _check_unicode(getattr(draft, field), field)
    name = draft.author_name.strip()
    if not name:
        raise Invalid("author_name is required", "author_name")
    if len(name) > settings.name_max_chars:
        raise Invalid(
            f"author_name is longer than {settings.name_max_chars} characters", "author_name"
        )
    if not draft.author_email.strip():
        raise Invalid("author_email is required", "author_email")
    if len(draft.author_email) > settings.email_max_chars:
        raise Invalid("author_email is too long", "author_email")
    try:
        email = validate_email(draft.author_email.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise Invalid(f"author_email is not a valid email address: {error}", "author_email") from error
    if not draft.text.strip():
        raise Invalid("text is empty", "text")
    if len(draft.text) < settings.comment_min_chars:
        raise Invalid(f"text is shorter than {settings.comment_min_chars} characters", "text")
    if len(draft.text) > settings.comment_max_chars:
        raise Invalid(f"text is longer than {settings.comment_max_chars} characters", "text")
    return email


def site_or_404(store: Store, slug: str) -> Site:
    """The site, or `NotFound` naming it."""
    site = store.site_by_slug(slug)
    if site is None:
        raise NotFound(f"no site {slug!r}", "site")
    return site


def _fill_in_article(store: Store, site: Site, article: Article, draft: CommentDraft) -> Article:
    """An article nobody registered takes its URL from the page that embeds the widget, when it
    lies on one of the site's origins; registered facts are never overwritten. A reader's
    `article_title` is never stored: a title comes only from the publisher (API or import), as the
    desk, the publisher's list and the relevance check read it."""
    fields: dict[str, str] = {}
    if draft.article_url and not article.url:
        _check_unicode(draft.article_url, "article_url")
        if is_http_url(draft.article_url) and any(
            draft.article_url.startswith(origin.rstrip("/") + "/") for origin in site.origins
        ):
            fields["url"] = draft.article_url[:2000]
    if not fields:
        return article
    updated, _ = store.upsert_article(site.id, article.key, fields)
    return updated


def _thread_parent(store: Store, article: Article, parent_id: int | None) -> int | None:
    """The top-level comment a reply hangs under (replies are one level deep)."""
    if parent_id is None:
        return None
    parent = store.comment(parent_id)
    if parent is None or parent.article_id != article.id or parent.state.value != "approved":
        raise Invalid("parent_id is not a published comment of this article", "parent_id")
    return parent.parent_id if parent.parent_id is not None else parent.id


def post_comment(
    store: Store,
    screener: Screener,
    settings: Settings,
    secret: bytes,
    site_slug: str,
    article_key: str,
    draft: CommentDraft,
    client_ip: str | None = None,
    site: Site | None = None,
) -> Posted:
    """Validate, screen and store a reader's comment; it is committed when this returns. The email is
    stored encrypted and the client address only as a keyed hash. `site`, when the caller has
    looked it up already, saves a second lookup."""
    site = site if site is not None and site.slug == site_slug else site_or_404(store, site_slug)
    article_key = canonical_article_key(article_key)
    if not article_key or len(article_key) > ARTICLE_KEY_MAX:
        raise Invalid(f"article key must be 1-{ARTICLE_KEY_MAX} characters", "article")
    _check_unicode(article_key, "article")
    email = validate_draft(draft, settings)
    article = store.ensure_article(site.id, article_key)
    article = _fill_in_article(store, site, article, draft)
    if article.closed:
        raise Forbidden("this article is closed for comments", "article")
    parent_id = _thread_parent(store, article, draft.parent_id)
    key = author_key(secret, email)
    context = ScreenContext(
        policy=Policy.from_dict(site.policy),
        article=ArticleText(article.title, article.body, article.language or site.language),
        recent=store.recent_comments(site.id, RECENT_WINDOW, RECENT_LIMIT),
        author_key=key,
        language_hint=article.language or site.language,
        origins=(*site.origins, article.url),
    )
    verdict = screener.screen(draft.text, context)
    action, category, note = verdict.action, verdict.category, "automatic screen"
    rules = {r["kind"]: r for r in store.author_rules(site.id, key)}
    if "ban" in rules:
        action, category, note = Action.REJECT, None, "author banned by a moderator"
    elif "premoderate" in rules and action is Action.APPROVE:
        action, note = Action.REVIEW, "author is pre-moderated"
    comment = store.add_comment(
        site_id=site.id,
        article_id=article.id,
        parent_id=parent_id,
        author_name=draft.author_name.strip(),
        author_email=vault(settings, secret).encrypt(email),
        author_key=key,
        ip_hash=ip_hash(secret, client_ip),
        text=draft.text,
        text_sha256=text_sha256(draft.text),
        language=verdict.language or article.language or site.language,
        risk=verdict.risk,
        verdict=verdict.to_dict(),
        action=action,
        category=category if action is not Action.APPROVE else None,
        note=note,
        notify=draft.notify and bool(settings.smtp_host),
    )
    return Posted(comment, verdict, site, category if action is not Action.APPROVE else None)


def encode_cursor(last_id: int) -> str:
    """An opaque cursor for the page after `last_id`."""
    return base64.urlsafe_b64encode(f"c{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The id a cursor points after; `Invalid` if it was not made by `encode_cursor`."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith("c"):
            raise ValueError(raw)
        value = int(raw[1:])
        if value < 0:
            raise ValueError(raw)
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise Invalid("cursor is not a cursor this API returned", "cursor") from error


def approved_comments(
    store: Store,
    settings: Settings,
    site_slug: str,
    article_key: str,
    cursor: str | None,
    limit: int | None,
    newest_first: bool = False,
) -> Page:
    """A page of an article's approved comments (oldest or newest first), replies under their parent."""
    site = site_or_404(store, site_slug)
    limit = settings.page_size_default if limit is None else limit
    if not 1 <= limit <= settings.page_size_max:
        raise Invalid(f"limit must be between 1 and {settings.page_size_max}", "limit")
    after = decode_cursor(cursor)
    article = store.article(site.id, canonical_article_key(article_key))
    if article is None:
        return Page(None, [], 0, None)
    top, replies = store.approved_page(article.id, after, limit + 1, newest_first)
    more = len(top) > limit
    top = top[:limit]
    return Page(
        article=article,
        threads=[Thread(c, replies.get(c.id, [])) for c in top],
        total=store.count_approved(article.id),
        next_cursor=encode_cursor(top[-1].id) if more else None,
    )
