"""The moderator's use cases: the queue, decisions (with reversals), and a comment's history."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from majlis.domain import Action, ActorKind, Article, Category, Comment, DecisionEvent, Moderator
from majlis.services.errors import Forbidden, Invalid, NotFound
from majlis.storage import Store


@dataclass(frozen=True)
class QueueItem:
    """A pending comment with its article."""

    comment: Comment
    article: Article


@dataclass(frozen=True)
class QueuePage:
    """A page of the queue, riskiest first."""

    items: list[QueueItem]
    next_cursor: str | None


def _encode(risk: float, last_id: int) -> str:
    raw = json.dumps([risk, last_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str | None) -> tuple[float, int] | None:
    if not cursor:
        return None
    try:
        risk, last_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return float(risk), int(last_id)
    except (ValueError, TypeError, binascii.Error) as error:
        raise Invalid("cursor is not a cursor this API returned", "cursor") from error


def visible_site_ids(store: Store, moderator: Moderator, site_slug: str | None) -> list[int] | None:
    """The sites whose queue the moderator may see, narrowed to `site_slug` if given (None: all)."""
    if site_slug:
        site = store.site_by_slug(site_slug)
        if site is None or not moderator.may_moderate(site.id):
            raise NotFound(f"no site {site_slug!r}", "site")
        return [site.id]
    return None if moderator.is_admin else list(moderator.site_ids)


def queue(
    store: Store, moderator: Moderator, site_slug: str | None, cursor: str | None, limit: int
) -> QueuePage:
    """Pending comments the moderator may decide, riskiest first."""
    if not 1 <= limit <= 200:
        raise Invalid("limit must be between 1 and 200", "limit")
    site_ids = visible_site_ids(store, moderator, site_slug)
    rows = store.queue(site_ids, _decode(cursor), limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    items = [QueueItem(c, a) for c, a in rows]
    next_cursor = _encode(rows[-1][0].risk, rows[-1][0].id) if more and rows else None
    return QueuePage(items, next_cursor)


def _comment_for(store: Store, moderator: Moderator, comment_id: int) -> Comment:
    comment = store.comment(comment_id)
    if comment is None or not moderator.may_moderate(comment.site_id):
        raise NotFound(f"no comment {comment_id}", "comment_id")
    return comment


def decide(
    store: Store,
    moderator: Moderator,
    comment_id: int,
    action: Action,
    category: Category | None,
    note: str,
) -> tuple[Comment, DecisionEvent]:
    """Record a moderator's decision; on a decided comment it is a reversal, never an overwrite."""
    if action is Action.REVIEW:
        raise Invalid("a moderator decides approve or reject", "decision")
    if action is Action.APPROVE and category is not None:
        raise Invalid("an approval takes no category", "category")
    if len(note) > 2000:
        raise Invalid("note is longer than 2000 characters", "note")
    try:
        return store.decide(comment_id, action=action, category=category, note=note,
                            actor_kind=ActorKind.MODERATOR, actor=moderator.email, site_ids=moderator.scope())
    except LookupError as error:
        raise NotFound(f"no comment {comment_id}", "comment_id") from error


def decide_many(
    store: Store,
    moderator: Moderator,
    comment_ids: list[int],
    action: Action,
    category: Category | None,
    note: str,
) -> list[tuple[Comment, DecisionEvent]]:
    """Decide several comments; if any is missing or of a site the moderator does not moderate,
    none is decided (`NotFound` naming the first)."""
    found = store.comments_by_id(comment_ids)
    for comment_id in comment_ids:
        comment = found.get(comment_id)
        if comment is None or not moderator.may_moderate(comment.site_id):
            raise NotFound(f"no comment {comment_id}", "ids")
    return [decide(store, moderator, comment_id, action, category, note) for comment_id in comment_ids]


def history(store: Store, moderator: Moderator, comment_id: int) -> tuple[Comment, list[DecisionEvent]]:
    """A comment and every decision made on it, oldest first."""
    comment = _comment_for(store, moderator, comment_id)
    return comment, store.decisions(comment_id)


def require_site(moderator: Moderator, site_id: int) -> None:
    """Raise `Forbidden` unless the moderator may act on the site."""
    if not moderator.may_moderate(site_id):
        raise Forbidden("not a moderator of this site")
