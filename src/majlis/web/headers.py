"""Security headers on every response: no sniffing, a strict referrer policy, and a Content
Security Policy without inline scripts (the dashboard may not be framed at all)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]
DESK = COMMON + [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
PAGES = COMMON + [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                 b"img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'"),
]
# The API docs (web/apidocs.py) set their own CSP; the schema is JSON.
DOCS = ("/docs", "/openapi.json")


class SecurityHeaders:
    """Adds the headers for the kind of path requested."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith("/moderate"):
            extra = DESK
        elif path.startswith(("/api/", "/embed.js", "/static/", "/healthz", "/readyz", "/metrics")) or path.startswith(DOCS):
            extra = COMMON
        else:
            extra = PAGES

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in extra if h[0] not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)
