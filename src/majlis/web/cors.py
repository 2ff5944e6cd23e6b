"""CORS per site: the API answers browsers only from the origins a site allows (and Majlis itself)."""

from __future__ import annotations

import json
import re
import time

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from majlis.storage import Store

SITE_PATH = re.compile(r"^/api/v1/sites/([^/]+)/")
CACHE_SECONDS = 5.0  # a changed list of origins applies within this time


class SiteCORS:
    """Adds CORS headers for a site's allowed origins; refuses cross-origin writes from others."""

    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store
        self._origins: dict[str, tuple[float, frozenset[str]]] = {}

    def origins(self, slug: str) -> frozenset[str]:
        """The site's allowed origins (cached for a few seconds; changes apply within that time)."""
        cached = self._origins.get(slug)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        site = self.store.site_by_slug(slug)
        allowed = frozenset(o.rstrip("/").lower() for o in site.origins) if site else frozenset()
        self._origins[slug] = (time.monotonic() + CACHE_SECONDS, allowed)
        return allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        match = SITE_PATH.match(scope["path"])
        headers = Headers(scope=scope)
        origin = headers.get("origin", "").rstrip("/").lower()
        if not match or not origin:
            await self.app(scope, receive, send)
            return
        own = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}".lower()
        allowed = origin == own or origin in self.origins(match.group(1))
        method = scope["method"]
        if method == "OPTIONS" and headers.get("access-control-request-method"):
            await self._preflight(send, origin if allowed else None)
            return
        if not allowed and method not in ("GET", "HEAD"):
            await self._refuse(send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start" and allowed:
                extra = [(b"access-control-allow-origin", origin.encode()), (b"vary", b"Origin")]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_cors)

    async def _preflight(self, send: Send, origin: str | None) -> None:
        headers = [(b"vary", b"Origin")]
        if origin:
            headers += [
                (b"access-control-allow-origin", origin.encode()),
                (b"access-control-allow-methods", b"GET, POST"),
                (b"access-control-allow-headers", b"content-type, if-none-match"),
                (b"access-control-max-age", b"600"),
            ]
        await send({"type": "http.response.start", "status": 204 if origin else 403, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"error": "forbidden", "message": "this origin may not post to this site", "field": "origin"}).encode()
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
