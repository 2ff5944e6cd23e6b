"""Readers' endpoints: post a comment, read an article's approved comments."""

from __future__ import annotations

import hashlib
import math
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from majlis.domain import State
from majlis.screening import Policy
from majlis.services import bots
from majlis.services.comments import CommentDraft, Posted, approved_comments, post_comment, site_or_404
from majlis.web.api.presenters import public_comment
from majlis.web.cache import article_key, page_key
from majlis.web.clientip import client_ip
from majlis.web.deps import ArticleKeyDep, ScreenerDep, SecretDep, SettingsDep, StoreDep
from majlis.web.schemas import ERRORS, ArticleOut, CommentIn, CommentPage, PostResult

# `:path`: the widget's default key is the page's path, and a server decodes its %2F before routing.
router = APIRouter(prefix="/api/v1/sites/{site}/articles/{article:path}", tags=["comments"], responses=ERRORS)

SiteSlug = Annotated[str, Path(max_length=64, description="The site's slug.")]

MESSAGES = {
    State.APPROVED: "Your comment is published.",
    State.PENDING: "Your comment is waiting for a moderator.",
    State.REJECTED: "Your comment breaks the community guidelines and was not published.",
}


@router.post("/comments", status_code=201, response_model=PostResult)
async def create_comment(
    request: Request,
    site: SiteSlug,
    article: ArticleKeyDep,
    body: CommentIn,
    store: StoreDep,
    settings: SettingsDep,
    screener: ScreenerDep,
    secret: SecretDep,
) -> PostResult:
    """Post a comment: it is stored, screened and decided before this answers (201 = committed)."""
    ip = client_ip(request)
    limited = request.app.state.limiter.check(
        {"ip": f"{site}|{ip}", "email": body.author_email.strip().lower(), "site": site}
    )
    if limited:
        scope, wait = limited
        raise HTTPException(429, f"too many comments from this {scope}: try again in {math.ceil(wait)} s",
                            headers={"Retry-After": str(math.ceil(wait))})
    draft = CommentDraft(body.author_name, body.author_email, body.text, body.parent_id,
                         body.article_title, body.article_url, body.notify)

    def checked_and_posted() -> Posted:
        found = site_or_404(store, site)
        bots.check_post(
            store, secret, found.id, found.slug, Policy.from_dict(found.policy), body.website or "",
            body.ticket, body.pow.challenge if body.pow else None, body.pow.nonce if body.pow else None,
            settings.min_submit_seconds,
        )
        return post_comment(store, screener, settings, secret, site, article, draft, ip, found)

    posted = await run_in_threadpool(checked_and_posted)  # one trip to a worker thread, not three
    comment = posted.comment
    if comment.state is State.APPROVED:
        request.app.state.page_cache.invalidate(article_key(site, article))
    app_metrics = request.app.state.metrics
    app_metrics.screen.observe(posted.verdict.elapsed_ms / 1000)
    app_metrics.decided("screen", comment.state.value, posted.category.value if posted.category else None)
    show_reason = comment.state is not State.APPROVED and (
        comment.state is State.PENDING or posted.site.policy.get("show_reasons", True)
    )
    return PostResult(
        id=comment.id,
        state=comment.state.value,
        category=posted.category if show_reason else None,
        message=MESSAGES[comment.state],
        language=comment.language,
        created_at=comment.created_at,
        comment=public_comment(comment) if comment.state is State.APPROVED else None,
    )


@router.get("/comments", response_model=CommentPage)
async def list_comments(
    request: Request,
    site: SiteSlug,
    article: ArticleKeyDep,
    store: StoreDep,
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, description="Top-level comments per page.")] = None,
    cursor: Annotated[str | None, Query(max_length=200, description="`next_cursor` of the previous page.")] = None,
    order: Annotated[Literal["oldest", "newest"], Query(description="Order of top-level comments.")] = "oldest",
) -> Response:
    """Approved comments only, oldest (or newest) first, replies nested; supports `If-None-Match`.
    Served from the page cache until a change to the article's comments invalidates it."""
    cache = request.app.state.page_cache
    key = page_key(cache, site, article, order, limit, cursor)
    cached = cache.get(key)
    if cached is not None:
        etag, body = cached
        headers = {"ETag": etag, "Cache-Control": "public, no-cache"}
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)
    page = await run_in_threadpool(
        approved_comments, store, settings, site, article, cursor, limit, order == "newest"
    )
    out = CommentPage(
        article=ArticleOut(
            key=page.article.key,
            title=page.article.title,
            url=page.article.url,
            language=page.article.language,
            closed=page.article.closed,
        )
        if page.article
        else None,
        total=page.total,
        comments=[public_comment(t.comment, t.replies) for t in page.threads],
        next_cursor=page.next_cursor,
    )
    body = out.model_dump_json().encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if page.article is not None:
        cache.put(key, etag, body)
    headers = {"ETag": etag, "Cache-Control": "public, no-cache"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
