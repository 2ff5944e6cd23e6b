"""Sessions and CSRF for the desk: HttpOnly SameSite cookies, a per-session token on every write,
and writes from another origin refused outright."""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request

from majlis.services.desk import Session, session_for

COOKIE = "majlis_session"


class LoginRequired(Exception):
    """Raised for a page that needs a login; the app redirects to the login form."""


def current_session(request: Request) -> Session | None:
    """The logged-in moderator's session, if any."""
    cached = getattr(request.state, "desk_session", False)  # False: not looked up yet
    if cached is None or isinstance(cached, Session):
        return cached
    session = session_for(request.app.state.store, request.cookies.get(COOKIE))
    request.state.desk_session = session
    return session


def page_session(request: Request) -> Session:
    """A session for a page (redirects to the login form without one)."""
    session = current_session(request)
    if session is None:
        raise LoginRequired
    return session


def same_origin(request: Request) -> bool:
    """A write must come from a page of this server (Origin, else Referer, must match the host)."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source:
        return True  # non-browser clients send neither; the CSRF token still guards them
    parts = urlsplit(source)
    return parts.netloc == request.headers.get("host", "") and parts.scheme in ("http", "https")


async def write_session(request: Request) -> Session:
    """A session for a state-changing request: logged in, same origin, valid CSRF token."""
    session = current_session(request)
    if session is None:
        raise HTTPException(401, "log in first")
    if not same_origin(request):
        raise HTTPException(403, "cross-site request refused")
    token = request.headers.get("x-csrf-token")
    if token is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        token = str((await request.form()).get("csrf", ""))
    if not token or not hmac.compare_digest(token, session.csrf):
        raise HTTPException(403, "missing or wrong CSRF token")
    return session


PageSession = Annotated[Session, Depends(page_session)]
WriteSession = Annotated[Session, Depends(write_session)]
