"""Webhooks: a site's CMS hears of every comment created, approved or rejected, signed with
HMAC-SHA256 over the timestamp and the body (docs/integrations.md shows how to verify)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from datetime import timedelta
from typing import Any

import httpx

from majlis.domain import Comment, Site, http_url, shown_url
from majlis.services.addresses import REFUSED, Refused, checked_addresses, post_pinned
from majlis.services.errors import Invalid, NotFound
from majlis.services.privacy import vault
from majlis.settings import Settings
from majlis.storage import Store
from majlis.storage.rows import utcnow

EVENTS = ("comment.created", "comment.approved", "comment.rejected")
TEST_EVENT = "webhook.test"
SIGNATURE_HEADER = "Majlis-Signature"
MAX_WEBHOOKS_PER_SITE = 10
USER_AGENT = "Majlis-Webhooks/1"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t." + body>`."""
    digest = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, header: str, body: bytes, tolerance: int = 300, now: float | None = None) -> bool:
    """Whether a signature header matches the body and is fresh (what a receiver does)."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), f"t={timestamp},v1={parts.get('v1', '')}")


def _check_url(url: str, allow_private: bool) -> str:
    try:
        url = http_url(url)
    except ValueError as error:
        raise Invalid(f"url: {error}", "url") from error
    if len(url) > 2000:
        raise Invalid("url must be an http(s) URL of at most 2000 characters", "url")
    if not allow_private:
        try:
            checked_addresses(url, allow_private)
        except Refused as error:
            raise Invalid(str(error), "url") from None
    return url


def create(store: Store, settings: Settings, secret: bytes, site: Site, url: str,
           events: list[str] | None) -> tuple[dict[str, Any], str]:
    """Register a webhook; returns it with its signing secret (shown this once)."""
    chosen = list(events or EVENTS)
    unknown = sorted(set(chosen) - set(EVENTS))
    if unknown or not chosen:
        raise Invalid(f"events must be some of {', '.join(EVENTS)}", "events")
    if len(store.webhooks_of(site.id)) >= MAX_WEBHOOKS_PER_SITE:
        raise Invalid(f"a site has at most {MAX_WEBHOOKS_PER_SITE} webhooks", "url")
    signing_secret = "whsec_" + secrets.token_urlsafe(32)
    hook = store.add_webhook(site.id, _check_url(url, settings.webhook_allow_private),
                             vault(settings, secret).encrypt(signing_secret), sorted(set(chosen)))
    return hook, signing_secret


def webhook_of_site(store: Store, site: Site, webhook_id: int) -> dict[str, Any]:
    """A webhook of this site, or 404."""
    hook = store.webhook(webhook_id)
    if hook is None or hook["site_id"] != site.id:
        raise NotFound("no such webhook on this site", "webhook")
    return hook


def comment_payload(store: Store, site: Site, comment: Comment) -> dict[str, Any]:
    """What a CMS learns of a comment: public fields only, never the author's email or address."""
    article = store.article_by_id(comment.article_id)
    return {
        "id": comment.id,
        "article": {"key": article.key, "title": article.title, "url": shown_url(article.url)} if article else None,
        "parent_id": comment.parent_id,
        "author_name": comment.author_name,
        "text": comment.text,
        "language": comment.language,
        "state": comment.state.value,
        "created_at": comment.created_at.isoformat(),
        "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
    }


def event_body(event_id: str, kind: str, site: Site, data: dict[str, Any]) -> str:
    """The JSON body of one event."""
    return json.dumps({"id": event_id, "type": kind, "site": site.slug, "sent_at": utcnow().isoformat(),
                       "comment": data}, ensure_ascii=False, separators=(",", ":"))


def backoff(attempts: int, base: float, cap: float = 3600.0) -> timedelta:
    """Delay before the next attempt after `attempts` failures: base, 2·base, 4·base, … up to `cap`."""
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def attempt(store: Store, settings: Settings, secret: bytes, delivery_id: int,
            client: httpx.Client | None = None, retry: bool = True) -> bool:
    """Try one delivery now; log the outcome and schedule a retry with backoff (unless `retry` is
    off: a test event is tried once). True if delivered."""
    delivery = store.delivery(delivery_id)
    if delivery is None or delivery["status"] != "pending":
        return False
    if not delivery["active"]:
        store.record_attempt(delivery_id, status_code=None, error="webhook disabled", delivered=False, next_attempt_at=None)
        return False
    body = delivery["payload"].encode()
    signing_secret = vault(settings, secret).decrypt(delivery["secret"])
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, "Majlis-Event": delivery["event"],
               "Majlis-Delivery": str(delivery_id), SIGNATURE_HEADER: sign(signing_secret, int(time.time()), body)}
    code: int | None = None
    try:
        # Checked again at each delivery (a name may resolve elsewhere since it was registered), and
        # the connection goes to an address just checked.
        addresses = checked_addresses(delivery["url"], settings.webhook_allow_private)
        if client is None:
            with httpx.Client(timeout=settings.webhook_timeout_seconds, follow_redirects=False, trust_env=False) as own:
                response = post_pinned(own, delivery["url"], addresses, body, headers)
        else:
            response = post_pinned(client, delivery["url"], addresses, body, headers)
        code = response.status_code
        error = "" if response.is_success else f"HTTP {code}"
    except Refused:
        error = REFUSED
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
    delivered = code is not None and 200 <= code < 300
    tries = delivery["attempts"] + 1
    next_at = None
    if not delivered and retry and tries < settings.webhook_max_attempts:
        next_at = utcnow() + backoff(tries, settings.webhook_retry_base_seconds)
    store.record_attempt(delivery_id, status_code=code, error=error, delivered=delivered, next_attempt_at=next_at)
    return delivered


def send_test(store: Store, settings: Settings, secret: bytes, site: Site, webhook_id: int) -> dict[str, Any]:
    """Send a `webhook.test` event now (logged like any delivery) and say how it went."""
    hook = webhook_of_site(store, site, webhook_id)
    body = json.dumps({"id": f"test_{secrets.token_hex(6)}", "type": TEST_EVENT, "site": site.slug,
                       "sent_at": utcnow().isoformat(), "comment": None}, separators=(",", ":"))
    delivery_id = store.add_delivery(hook["id"], TEST_EVENT, body)
    delivered = attempt(store, settings, secret, delivery_id, retry=False)
    row = store.delivery(delivery_id) or {}
    return {"delivery_id": delivery_id, "delivered": delivered, "status_code": row.get("last_status"),
            "error": row.get("last_error", "")}


def public_delivery(row: dict[str, Any]) -> dict[str, Any]:
    """A delivery log entry as the API shows it."""
    return {key: (value.isoformat() if hasattr(value, "isoformat") else value) for key, value in row.items()
            if key in ("id", "event", "status", "attempts", "last_status", "last_error", "created_at",
                       "next_attempt_at", "delivered_at", "outbox_id")}


def public_webhook(row: dict[str, Any]) -> dict[str, Any]:
    """A webhook as the API shows it (never its secret)."""
    return {"id": row["id"], "url": row["url"], "events": row["events"], "active": bool(row["active"]),
            "created_at": row["created_at"].isoformat()}
