"""Desk pages: a comment's full record, the decided comments, site settings, statistics."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from majlis.domain import Category
from majlis.languages import direction
from majlis.screening import Policy
from majlis.services import desk, privacy
from majlis.services.errors import ServiceError
from majlis.services.privacy import vault
from majlis.web.cache import invalidate_all
from majlis.web.desk.auth import PageSession, WriteSession
from majlis.web.desk.charts import horizontal_bars, line, stacked_bars
from majlis.web.desk.highlight import segments
from majlis.web.desk.queue import desk_language, page
from majlis.web.desk.words import desk_words
from majlis.web.schemas import MAX_ROW_ID, RowId
from majlis.web.i18n import strings

router = APIRouter(prefix="/moderate", include_in_schema=False)


@router.get("/comments/{comment_id}")
async def comment_page(request: Request, session: PageSession, comment_id: RowId) -> HTMLResponse:
    """A comment with its verdict, the whole decision record and the author's rules."""
    store = request.app.state.store

    def load() -> dict[str, Any]:
        comment = desk.comment_for(store, session.moderator, comment_id)
        return {"comment": comment, "article": store.article_by_id(comment.article_id),
                "history": store.decisions(comment_id),
                "record": store.author_history(comment.site_id, comment.author_key, exclude_id=comment.id),
                "rules": store.author_rules(comment.site_id, comment.author_key, live_only=False)}

    try:
        found = await run_in_threadpool(load)
    except ServiceError as error:
        raise HTTPException(404, error.message) from error
    comment = found["comment"]
    return page(request, "comment.html", **found, segments=segments(comment.text, comment.verdict),
                email=vault(request.app.state.settings, request.app.state.secret).decrypt(comment.author_email)
                if session.moderator.is_admin else "")


def _author_email(request: Request, session: desk.Session, comment_id: int) -> str:
    if not session.moderator.is_admin:
        raise HTTPException(403, "only admins handle personal data")
    try:
        comment = desk.comment_for(request.app.state.store, session.moderator, comment_id)
    except ServiceError as error:
        raise HTTPException(404, error.message) from error
    email = vault(request.app.state.settings, request.app.state.secret).decrypt(comment.author_email)
    if not email:
        raise HTTPException(404, "this author's data was erased")
    return email


@router.get("/privacy/export/{comment_id}")
def export_author(request: Request, session: PageSession, comment_id: RowId) -> JSONResponse:
    """Download everything held about the author of a comment (admins). Sync: FastAPI runs it in
    the thread pool, off the event loop, like every route that reads the store."""
    email = _author_email(request, session, comment_id)
    app = request.app.state
    data = privacy.export(app.store, app.settings, app.secret, email)
    app.store.audit(session.moderator.email, "privacy.export", None, f"comment {comment_id}")
    return JSONResponse(data, headers={"Content-Disposition": f'attachment; filename="majlis-author-{comment_id}.json"'})


@router.post("/privacy/erase/{comment_id}")
def erase_author(request: Request, session: WriteSession, comment_id: RowId) -> Response:
    """Erase the author's data everywhere (admins); recorded in the audit trail."""
    email = _author_email(request, session, comment_id)
    app = request.app.state
    privacy.erase(app.store, app.settings, app.secret, email, session.moderator.email)
    invalidate_all(app.page_cache, app.store)
    return RedirectResponse(f"/moderate/comments/{comment_id}", status_code=303)


@router.get("/history")
async def history_page(request: Request, session: PageSession, q: Annotated[str, Query(max_length=200)] = "",
                       state: Annotated[str, Query(pattern="^(|approved|rejected)$")] = "",
                       before: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None) -> HTMLResponse:
    """Decided comments, newest first, searchable by text or author name."""
    store = request.app.state.store
    moderator = session.moderator
    site_ids = None if moderator.is_admin else list(moderator.site_ids)
    rows = await run_in_threadpool(store.search_decided, site_ids, q, state or None, before, 50)
    return page(request, "history.html", rows=rows, q=q, state=state,
                next_before=rows[-1]["id"] if len(rows) == 50 else None)


def _site_for_admin(request: Request, session: desk.Session, slug: str):  # type: ignore[no-untyped-def]
    if not session.moderator.is_admin:
        raise HTTPException(403, "only admins change site settings")
    site = request.app.state.store.site_by_slug(slug)
    if site is None:
        raise HTTPException(404, f"no site {slug!r}")
    return site


@router.get("/settings/{slug}")
async def settings_page(request: Request, session: PageSession, slug: str, saved: bool = False) -> HTMLResponse:
    """A site's thresholds, word lists, link domains, origins and reason display (admins)."""
    site = _site_for_admin(request, session, slug)
    audit = request.app.state.store.audit_entries([site.id], 20)
    return page(request, "settings.html", site=site, policy=Policy.from_dict(site.policy), saved=saved,
                audit=audit, error="", webhooks=await run_in_threadpool(_webhook_log, request, site.id))


def _webhook_log(request: Request, site_id: int) -> list[tuple[dict[str, object], list[dict[str, object]]]]:
    """The site's webhooks, each with its latest deliveries (the delivery log admins read)."""
    store = request.app.state.store
    return [(hook, store.deliveries_of(int(hook["id"]), 20)) for hook in store.webhooks_of(site_id)]


@router.post("/settings/{slug}")
async def save_settings(request: Request, session: WriteSession, slug: str) -> Response:
    """Save a site's settings; every change is recorded with who and when."""
    site = _site_for_admin(request, session, slug)
    form = dict((await request.form()).items())
    try:
        await run_in_threadpool(desk.update_site_settings, request.app.state.store, session.moderator, site, form)
        request.app.state.tasks.rescreen(site.id)  # waiting comments are judged again under the new settings
    except ServiceError as error:
        audit = request.app.state.store.audit_entries([site.id], 20)
        return page(request, "settings.html", status=422, site=site, policy=Policy.from_dict(site.policy),
                    saved=False, audit=audit, error=error.message,
                    webhooks=await run_in_threadpool(_webhook_log, request, site.id))
    return RedirectResponse(f"/moderate/settings/{slug}?saved=1", status_code=303)


@router.get("/stats")
async def stats_page(request: Request, session: PageSession,
                     days: Annotated[int, Query(ge=7, le=365)] = 30) -> HTMLResponse:
    """Comments per day by outcome, rejections by category, automation share, time to decision, queue size."""
    figures = await run_in_threadpool(desk.stats, request.app.state.store, session.moderator, days)
    language = desk_language(request)
    names = strings(language)["categories"]
    w = desk_words(language)
    return page(
        request, "stats.html", figures=figures, days=days,
        per_day=stacked_bars(w["per_day_title"], figures.days, figures.per_day, ["approved", "pending", "rejected"],
                             {state: w[f"state_{state}"] for state in ("approved", "pending", "rejected")}),
        by_category=horizontal_bars(w["by_guideline_title"], figures.rejections_by_category,
                                    {**names, "other": w["other_category"]}, rtl=direction(language) == "rtl"),
        queue=line(w["queue_size_title"], figures.days, figures.queue_by_day),
        category_names=names, all_categories=[c.value for c in Category],
    )
