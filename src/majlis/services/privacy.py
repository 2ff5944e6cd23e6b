"""Commenters' personal data: emails encrypted at rest, IPs as keyed hashes, export and erasure."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from datetime import timedelta
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from majlis.services.accounts import author_key
from majlis.settings import Settings
from majlis.storage import Store
from majlis.storage.rows import utcnow

REMOVED = "[removed]"


class EmailVault:
    """Encrypts and decrypts commenters' emails (Fernet: AES-128-CBC with HMAC-SHA256)."""

    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)

    def encrypt(self, email: str) -> str:
        """The stored form of an email."""
        return self._fernet.encrypt(email.encode()).decode()

    def decrypt(self, stored: str) -> str:
        """The email behind a stored value ('' if it cannot be read: erased, or another key)."""
        try:
            return self._fernet.decrypt(stored.encode()).decode()
        except (InvalidToken, ValueError):
            return ""


@lru_cache(maxsize=8)
def _vault(key: bytes) -> EmailVault:
    return EmailVault(key)


def vault(settings: Settings, secret: bytes) -> EmailVault:
    """The vault of this install: MAJLIS_EMAIL_KEY, or a key derived from the secret."""
    if settings.email_key:
        return _vault(settings.email_key.encode())
    derived = hashlib.sha256(b"majlis email key\x00" + secret).digest()
    return _vault(base64.urlsafe_b64encode(derived))


def ip_hash(secret: bytes, address: str | None) -> str | None:
    """Keyed hash of a client address (never stored in the clear)."""
    if not address:
        return None
    return hmac.new(secret, b"ip\x00" + address.encode(), hashlib.sha256).hexdigest()


def export(store: Store, settings: Settings, secret: bytes, email: str) -> dict[str, Any]:
    """Everything Majlis holds about the author of this email."""
    key = author_key(secret, email)
    box = vault(settings, secret)
    comments = store.comments_by_author(key)
    return {
        "email": email.strip().lower(),
        "comments": [
            {
                "id": c.id, "site": c.site_id, "article": c.article_id, "parent_id": c.parent_id,
                "author_name": c.author_name, "author_email": box.decrypt(c.author_email), "text": c.text,
                "language": c.language, "state": c.state.value, "created_at": c.created_at.isoformat(),
                "decisions": [{"at": d.at.isoformat(), "by": d.actor_kind.value, "action": d.action.value,
                               "category": d.category.value if d.category else None} for d in store.decisions(c.id)],
            }
            for c in comments
        ],
        "author_rules": [
            {"kind": r["kind"], "site": r["site_id"], "until": r["until"].isoformat() if r["until"] else None}
            for c_site in {c.site_id for c in comments} for r in store.author_rules(c_site, key, live_only=False)
        ],
    }


def redacted_event(payload: str) -> str:
    """A webhook event body with its comment's author name and text replaced by "[removed]"."""
    try:
        body = json.loads(payload)
    except ValueError:
        return REMOVED
    comment = body.get("comment") if isinstance(body, dict) else None
    if not isinstance(comment, dict):
        return payload
    comment.update(author_name=REMOVED, text=REMOVED)
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def erase(store: Store, settings: Settings, secret: bytes, email: str, actor: str) -> int:
    """Erase the author's personal data everywhere (comments read "[removed]", webhook deliveries
    carrying them are rewritten and, if pending, cancelled); returns how many comments. The caller
    drops cached pages (`majlis.web.cache.invalidate_all`): the web layer owns them."""
    key = author_key(secret, email)
    unlinkable = "erased:" + secrets.token_hex(20)
    count = store.erase_author(key, unlinkable, REMOVED, redacted_event)
    store.forget_recent()
    store.audit(actor, "privacy.erase", None, unlinkable[:24], {"comments": count})
    return count


def purge_ip_hashes(store: Store, settings: Settings) -> int:
    """Clear the IP hashes older than the retention period."""
    return store.purge_ip_hashes(utcnow() - timedelta(days=settings.ip_retention_days))
