"""Domain objects to API bodies, in one place so no route leaks an email by accident."""

from __future__ import annotations

from majlis.domain import Article, Comment, DecisionEvent
from majlis.web.schemas import DecisionOut, ModeratedComment, PublicComment


def public_comment(comment: Comment, replies: list[Comment] | None = None) -> PublicComment:
    """A comment as readers see it."""
    return PublicComment(
        id=comment.id,
        parent_id=comment.parent_id,
        author_name=comment.author_name,
        text=comment.text,
        language=comment.language,
        created_at=comment.created_at,
        replies=[public_comment(r) for r in replies or []],
    )


def moderated_comment(comment: Comment, article: Article, site_slug: str) -> ModeratedComment:
    """A comment as moderators see it (scores and evidence, never the email)."""
    return ModeratedComment(
        id=comment.id,
        site=site_slug,
        article_key=article.key,
        article_title=article.title,
        parent_id=comment.parent_id,
        author_name=comment.author_name,
        author_key=comment.author_key,
        text=comment.text,
        text_sha256=comment.text_sha256,
        language=comment.language,
        created_at=comment.created_at,
        state=comment.state.value,
        risk=comment.risk,
        verdict=comment.verdict,
    )


def decision_out(event: DecisionEvent) -> DecisionOut:
    """One recorded decision."""
    return DecisionOut(
        id=event.id,
        at=event.at,
        actor_kind=event.actor_kind.value,
        actor=event.actor,
        action=event.action.value,
        category=event.category,
        note=event.note,
        reversal=event.reversal,
    )
