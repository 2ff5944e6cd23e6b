"""Desk pages: login, the queue, decisions (one, bulk, undo), live updates, author rules."""

from __future__ import annotations

import asyncio
import json
import math
import secrets
from collections.abc import AsyncIterator
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from majlis.domain import Action, Article, Category, Moderator, Site
from majlis.languages import direction
from majlis.services import desk, moderation
from majlis.services.errors import Forbidden, ServiceError
from majlis.storage import Store
from majlis.web.cache import invalidate_comment
from majlis.web.clientip import client_ip
from majlis.web.desk.auth import COOKIE, PageSession, WriteSession, current_session, same_origin
from majlis.web.desk.highlight import segments
from majlis.web.desk.words import desk_words
from majlis.web.schemas import MAX_ROW_ID, DeskDecisionIn, DeskUndoIn, FormRowId, RowId
from majlis.web.i18n import LANGUAGES, strings
from majlis.web.pages import templates

router = APIRouter(prefix="/moderate", include_in_schema=False)
CATEGORIES = [c.value for c in Category]
LOGIN_CSRF = "majlis_login_csrf"


LANGUAGE_COOKIE = "majlis_desk_lang"


def desk_language(request: Request) -> str:
    """The desk's language: `?lang=` (remembered in a cookie), the cookie, or English."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE)):
        if candidate in LANGUAGES:
            return candidate
    return "en"


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A desk page with the common context, in the moderator's chosen language."""
    session = current_session(request)
    language = desk_language(request)
    words = desk_words(language)
    body = templates().get_template(f"desk/{name}").render(
        session=session, moderator=session.moderator if session else None, categories=CATEGORIES,
        names=strings(language)["categories"], request=request, lang=language,
        dir=direction(language), w=words, languages=LANGUAGES,
        js_words=json.dumps({k: v for k, v in words.items() if k.startswith("js_") or k == "waiting"}, ensure_ascii=False), **context)
    response = HTMLResponse(body, status_code=status)
    if request.query_params.get("lang") == language:
        response.set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def cookie_secure(request: Request) -> bool:
    return bool(request.app.state.settings.secure_cookies or request.url.scheme == "https")


@router.get("/login")
async def login_form(request: Request, error: str = "") -> HTMLResponse:
    """The login form (a double-submit token guards it before there is a session)."""
    token = request.cookies.get(LOGIN_CSRF) or secrets.token_urlsafe(16)
    response = page(request, "login.html", login_csrf=token, error=error[:200])
    response.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", secure=cookie_secure(request), path="/moderate")
    return response


@router.post("/login")
async def login(request: Request, email: Annotated[str, Form(max_length=320)], password: Annotated[str, Form(max_length=1024)],
                csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    """Check the credentials and open a session."""
    if not same_origin(request) or not csrf or csrf != request.cookies.get(LOGIN_CSRF):
        raise HTTPException(403, "cross-site login refused")
    app = request.app.state
    client = client_ip(request)
    held = await run_in_threadpool(app.login_throttle.refusal, client, email)
    if held is not None:
        wait = math.ceil(held.seconds)
        refused = page(request, "login.html", status=429, login_csrf=csrf,
                       error=f"Too many failed logins: try again in {wait} seconds.")
        refused.headers["retry-after"] = str(wait)
        return refused
    try:
        token, _ = await run_in_threadpool(desk.log_in, app.store, app.settings, app.secret, email, password)
    except Forbidden:
        await run_in_threadpool(app.login_throttle.failed, client, email)
        return page(request, "login.html", status=401, login_csrf=csrf, error="Wrong email or password.")
    await run_in_threadpool(app.login_throttle.succeeded, client, email)
    response = RedirectResponse("/moderate", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=cookie_secure(request),
                        max_age=app.settings.session_hours * 3600, path="/")
    return response


@router.post("/logout")
async def logout(request: Request, session: WriteSession) -> Response:
    """End the session."""
    await run_in_threadpool(desk.log_out, request.app.state.store, session)
    response = RedirectResponse("/moderate/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def article_href(site: Site | None, article: Article) -> str:
    """Where the desk links an article: its URL, or, for a key that is a page's path (it has a
    `/`: the widget's default, an importer's), that path on the site's first origin."""
    if article.url:
        return article.url
    if site is not None and site.origins and "/" in article.key:
        return site.origins[0].rstrip("/") + "/" + quote(article.key.lstrip("/"), safe="/?=&")
    return "#"


def _queue_items(store: Store, moderator: Moderator, site: str | None, article: int | None, language: str | None,
                 reason: str | None, limit: int = 100) -> list[dict[str, Any]]:
    site_ids = moderation.visible_site_ids(store, moderator, site)
    rows = store.queue(site_ids, None, limit, article_id=article, language=language or None, reason=reason or None)
    by_id = {s.id: s for s in store.list_sites()}
    items = []
    for comment, art in rows:
        parent = store.comment(comment.parent_id) if comment.parent_id else None
        site_of = by_id.get(comment.site_id)
        items.append({
            "comment": comment, "article": art, "site": site_of.slug if site_of else "",
            "article_href": article_href(site_of, art),
            "segments": segments(comment.text, comment.verdict),
            "scores": sorted(((k, v) for k, v in ((comment.verdict or {}).get("scores") or {}).items() if v >= 0.05),
                             key=lambda kv: -kv[1]),
            "parent": parent,
            "history": store.author_history(comment.site_id, comment.author_key, exclude_id=comment.id),
            "rules": store.author_rules(comment.site_id, comment.author_key),
        })
    return items


@router.get("")
async def queue_page(request: Request, session: PageSession,
                     site: Annotated[str | None, Query(max_length=64)] = None,
                     article: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
                     language: Annotated[str | None, Query(max_length=16)] = None,
                     reason: Annotated[str | None, Query(max_length=32)] = None,
                     limit: Annotated[int, Query(ge=1, le=500)] = 100,
                     fragment: bool = False) -> HTMLResponse:
    """Pending comments, riskiest first, with their evidence and the author's record."""
    store = request.app.state.store
    moderator = session.moderator
    try:
        items = await run_in_threadpool(_queue_items, store, moderator, site, article, language, reason, limit)
    except ServiceError as error:
        raise HTTPException(404, error.message) from error
    if fragment:
        return page(request, "queue_items.html", items=items)

    def sites_and_counts() -> tuple[list[Site], dict[str, dict[str, int]]]:
        return (desk.moderated_sites(store, moderator),
                store.queue_counts(None if moderator.is_admin else list(moderator.site_ids)))

    sites, counts = await run_in_threadpool(sites_and_counts)
    return page(request, "queue.html", items=items, sites=sites, counts=counts,
                filters={"site": site or "", "article": article or "", "language": language or "", "reason": reason or ""},
                slugs={s.id: s.slug for s in sites})


@router.post("/decide")
async def decide(request: Request, session: WriteSession, body: DeskDecisionIn) -> JSONResponse:
    """Approve or reject one or many comments: {"ids": [..], "decision": "approve"|"reject", "category"?};
    none is decided unless the moderator may decide them all."""
    store = request.app.state.store
    action = Action(body.decision)

    def decide_and_invalidate() -> list[dict[str, Any]]:
        decided = moderation.decide_many(store, session.moderator, body.ids, action, body.category, body.note)
        for comment, _ in decided:
            invalidate_comment(request, store, comment.id)
        return [{"id": c.id, "state": c.state.value, "reversal": e.reversal} for c, e in decided]

    done = await run_in_threadpool(decide_and_invalidate)
    for _ in done:
        request.app.state.metrics.decided("moderator", action.value, body.category.value if body.category else None)
    return JSONResponse({"decided": done})


@router.post("/undo")
async def undo(request: Request, session: WriteSession, body: DeskUndoIn) -> JSONResponse:
    """Take a decision back: the comment returns to the queue, recorded as a reversal."""
    comment, event = await run_in_threadpool(desk.undo, request.app.state.store, session.moderator, body.id)
    invalidate_comment(request, request.app.state.store, comment.id)
    return JSONResponse({"id": comment.id, "state": comment.state.value, "reversal": event.reversal})


@router.post("/authors")
async def author_rule(request: Request, session: WriteSession, comment_id: FormRowId,
                      kind: Annotated[str, Form(max_length=16)], days: Annotated[int | None, Form()] = None,
                      note: Annotated[str, Form(max_length=500)] = "") -> Response:
    """Always pre-moderate, or ban for a while, the author of a comment."""
    await run_in_threadpool(desk.add_author_rule, request.app.state.store, session.moderator, comment_id, kind, days, note)
    return RedirectResponse(f"/moderate/comments/{comment_id}", status_code=303)


@router.post("/authors/{rule_id}/lift")
async def lift_rule(request: Request, session: WriteSession, rule_id: RowId,
                    comment_id: FormRowId) -> Response:
    """Lift a pre-moderation or a ban."""
    await run_in_threadpool(desk.lift_author_rule, request.app.state.store, session.moderator, rule_id)
    return RedirectResponse(f"/moderate/comments/{comment_id}", status_code=303)


async def _events(request: Request, moderator: Moderator) -> AsyncIterator[bytes]:
    store: Store = request.app.state.store
    site_ids = None if moderator.is_admin else list(moderator.site_ids)
    last: tuple[int, int] | None = None
    yield b"retry: 3000\n\n"
    while not await request.is_disconnected():
        counts = await run_in_threadpool(store.queue_counts, site_ids)
        newest = await run_in_threadpool(store.newest_pending_id, site_ids)
        state = (sum(counts["site"].values()), newest)
        if state != last:
            last = state
            yield f"event: queue\ndata: {json.dumps({'pending': state[0], 'newest': state[1]})}\n\n".encode()
        else:
            yield b": keep-alive\n\n"
        await asyncio.sleep(request.app.state.settings.desk_poll_seconds)


@router.get("/events")
async def events(request: Request, session: PageSession) -> StreamingResponse:
    """Server-Sent Events: the queue's size and newest comment, whenever they change. Read from the
    database, so every web process sees comments posted through any other."""
    return StreamingResponse(_events(request, session.moderator), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
