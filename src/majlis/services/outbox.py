"""Turning the outbox of comment events into webhook deliveries and e-mail notifications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from majlis.domain import Site, State
from majlis.services import mail, webhooks
from majlis.settings import Settings
from majlis.storage import Store


def dispatch(store: Store, settings: Settings, send_mail: Callable[[str, int], Any], limit: int = 200) -> int:
    """Handle the events waiting in the outbox: queue a delivery per subscribed webhook (written in
    the same transaction that marks the event handled) and hand e-mails to `send_mail`. Safe to
    run in several processes at once: each event is handled by exactly one. Returns how many."""
    sites: dict[int, tuple[Site | None, list[dict[str, Any]]]] = {}  # looked up once per site per batch
    events = store.unhandled_events(limit)
    for site_id in {event["site_id"] for event in events}:
        sites[site_id] = (store.site_by_id(site_id), store.webhooks_of(site_id, active_only=True))
    # Comments are read only for what will use them: a webhook of their site, or e-mail.
    wanted = [e["comment_id"] for e in events if sites[e["site_id"]][1] or settings.smtp_host]
    found = store.comments_by_id(wanted)
    batch = []
    for event in events:
        site, site_hooks = sites[event["site_id"]]
        comment = found.get(event["comment_id"])
        deliveries = []
        if comment is not None and site is not None:
            # A webhook hears of what happened after it was registered, not of older events.
            hooks = [h for h in site_hooks if event["kind"] in h["events"] and event["at"] >= h["created_at"]]
            if hooks:
                body = webhooks.event_body(f"evt_{event['id']}", event["kind"], site,
                                           webhooks.comment_payload(store, site, comment))
                deliveries = [{"webhook_id": h["id"], "event": event["kind"], "payload": body} for h in hooks]
        batch.append((event["id"], deliveries))
    claimed = store.handle_events(batch)  # one transaction for the batch
    handled = 0
    for event in events:
        if event["id"] not in claimed:
            continue
        handled += 1
        site = sites[event["site_id"]][0]
        comment = found.get(event["comment_id"])
        if comment is None or site is None or not settings.smtp_host:
            continue
        if event["kind"] == "comment.approved":
            if comment.notify:
                send_mail(mail.PUBLISHED, comment.id)
            if comment.parent_id is not None:
                send_mail(mail.REPLY, comment.id)
        elif event["kind"] == "comment.created" and comment.state is State.PENDING and settings.digest_threshold:
            pending = store.count_pending(site.id)
            if (pending >= settings.digest_threshold and store.digest_recipients(site.id)
                    and store.claim_digest(site.id, pending, timedelta(minutes=settings.digest_interval_minutes))):
                send_mail(mail.DIGEST, site.id)
    return handled
