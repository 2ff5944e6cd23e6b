"""Moderators' endpoints: the queue, decisions, a comment's history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from majlis.domain import Action
from majlis.services import moderation
from majlis.storage import Store
from majlis.web.api.presenters import decision_out, moderated_comment
from majlis.web.cache import invalidate_comment
from majlis.web.deps import CurrentModerator, StoreDep
from majlis.web.schemas import ERRORS, DecisionIn, DecisionResult, ModeratedComment, QueueOut, RowId

router = APIRouter(prefix="/api/v1/moderation", tags=["moderation"], responses=ERRORS)

CommentId = RowId


def _slug(store: Store, site_id: int) -> str:
    site = store.site_by_id(site_id)
    return site.slug if site else ""


@router.get("/queue", response_model=QueueOut)
def get_queue(
    store: StoreDep,
    moderator: CurrentModerator,
    site: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> QueueOut:
    """Pending comments the caller may decide, riskiest first."""
    page = moderation.queue(store, moderator, site, cursor, limit)
    slugs: dict[int, str] = {}
    items = []
    for item in page.items:
        site_id = item.comment.site_id
        if site_id not in slugs:
            slugs[site_id] = _slug(store, site_id)
        items.append(moderated_comment(item.comment, item.article, slugs[site_id]))
    return QueueOut(items=items, next_cursor=page.next_cursor)


def _decided(store: Store, comment_id: int) -> ModeratedComment:
    comment = store.comment(comment_id)
    assert comment is not None
    article = store.article_by_id(comment.article_id)
    assert article is not None
    return moderated_comment(comment, article, _slug(store, comment.site_id))


@router.post("/comments/{comment_id}/decision", response_model=DecisionResult)
def post_decision(
    request: Request, comment_id: CommentId, body: DecisionIn, store: StoreDep, moderator: CurrentModerator
) -> DecisionResult:
    """Approve or reject; on an already decided comment this records a reversal."""
    _, event = moderation.decide(store, moderator, comment_id, Action(body.decision), body.category, body.note
    )
    history = store.decisions(comment_id)
    invalidate_comment(request, store, comment_id)
    request.app.state.metrics.decided("moderator", event.action.value, event.category.value if event.category else None)
    return DecisionResult(
        comment=_decided(store, comment_id),
        event=decision_out(event),
        history=[decision_out(e) for e in history],
    )


@router.get("/comments/{comment_id}", response_model=DecisionResult)
def get_comment(comment_id: CommentId, store: StoreDep, moderator: CurrentModerator) -> DecisionResult:
    """A comment with its verdict and full decision history."""
    _, history = moderation.history(store, moderator, comment_id)
    return DecisionResult(
        comment=_decided(store, comment_id),
        event=decision_out(history[-1]),
        history=[decision_out(e) for e in history],
    )
