"""The hot path of the read API: a page of comments already in the page cache is answered here,
before routing, validation and serialisation. Anything else — a miss, an unusual query, a write —
goes on to the app, which builds the page, caches it and answers with the same bytes and headers."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from majlis.domain import canonical_article_key
from majlis.web.cache import PageCache, page_key

COMMENTS_PATH = re.compile(r"^/api/v1/sites/([^/]{1,64})/articles/(.{1,1020})/comments$")
ROUTE = "/api/v1/sites/{site}/articles/{article}/comments"  # the route's template, for the metrics
KNOWN = {"limit", "cursor", "order"}


def _query(raw: bytes) -> tuple[str, int | None, str | None] | None:
    """(order, limit, cursor) as the route reads them, or None when the app should judge the query."""
    if not raw:
        return "oldest", None, None
    try:
        pairs = parse_qsl(raw.decode("ascii"), keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return None
    values = dict(pairs)
    if len(values) != len(pairs) or not set(values) <= KNOWN:
        return None
    limit = values.get("limit")
    if limit is not None and not limit.isdigit():
        return None
    return values.get("order", "oldest"), int(limit) if limit is not None else None, values.get("cursor")


class CachedReads:
    """Serves cached comment pages straight from the cache. A page that is missing is built by one
    request of this process at a time: the others asking for it meanwhile wait for that one and are
    answered from the cache, instead of all building it at once (which, when a popular page expired
    or changed, stalled every reader of the process for hundreds of milliseconds)."""

    def __init__(self, app: ASGIApp, cache: PageCache) -> None:
        self.app = app
        self.cache = cache
        self._building: dict[str, asyncio.Future[None]] = {}  # page key -> done when its build ends

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            match = COMMENTS_PATH.match(scope["path"])
            query = _query(scope.get("query_string", b"")) if match else None
            if match and query is not None:
                key = page_key(self.cache, match.group(1), canonical_article_key(match.group(2)), *query)
                found = self.cache.get(key)
                if found is None and key in self._building:
                    await asyncio.shield(self._building[key])
                    found = self.cache.get(key)  # None if that build cached nothing (no such article)
                if found is not None:
                    scope["majlis.route"] = ROUTE
                    await self._answer(scope, send, *found)
                    return
                if key not in self._building:
                    self._building[key] = asyncio.get_running_loop().create_future()
                    try:
                        await self.app(scope, receive, send)
                    finally:
                        self._building.pop(key).set_result(None)
                    return
        await self.app(scope, receive, send)

    async def _answer(self, scope: Scope, send: Send, etag: str, body: bytes) -> None:
        tag = etag.encode()
        headers = [(b"etag", tag), (b"cache-control", b"public, no-cache")]
        if_none_match = next((v for k, v in scope["headers"] if k == b"if-none-match"), b"")
        if tag in if_none_match:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
