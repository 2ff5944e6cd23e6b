"""Publishers' endpoint: register or update an article."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response

from majlis.domain import Role
from majlis.services.articles import ArticleFields, register_article
from majlis.services.comments import site_or_404
from majlis.web.deps import ArticleKeyDep, StoreDep, TokenDep
from majlis.web.schemas import ERRORS, ArticleIn, ArticleOut, ArticleSummary

router = APIRouter(prefix="/api/v1/sites/{site}/articles", tags=["articles"], responses=ERRORS)


@router.get("", response_model=list[ArticleSummary])
def list_articles(
    site: Annotated[str, Path(max_length=64)],
    store: StoreDep,
    token: TokenDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[ArticleSummary]:
    """The site's articles, newest first, with their approved comment counts (publisher token)."""
    found = site_or_404(store, site)
    if token.role is not Role.PUBLISHER or token.site_id != found.id:
        raise HTTPException(403, "a publisher token of this site is required")
    rows = store.article_counts(found.id, None, limit)
    return [ArticleSummary(**row) for row in rows]


@router.put("/{article:path}", response_model=ArticleOut,
            responses={201: {"model": ArticleOut, "description": "The article was registered."}})
def put_article(
    site: Annotated[str, Path(max_length=64)],
    article: ArticleKeyDep,
    body: ArticleIn,
    store: StoreDep,
    token: TokenDep,
    response: Response,
) -> ArticleOut:
    """Register an article (201) or update it (200); `closed: true` closes it to new comments and
    `closed: false` reopens it. Needs the site's publisher token."""
    found = site_or_404(store, site)
    if token.role is not Role.PUBLISHER or token.site_id != found.id:
        raise HTTPException(403, "a publisher token of this site is required")
    fields = ArticleFields(
        title=body.title,
        url=body.url,
        language=body.language,
        body=body.body,
        published_at=body.published_at,
        closed=body.closed,
    )
    saved, created = register_article(store, found, article, fields)
    response.status_code = 201 if created else 200
    return ArticleOut(
        key=saved.key, title=saved.title, url=saved.url, language=saved.language, closed=saved.closed
    )
