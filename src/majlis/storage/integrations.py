"""The outbox of comment events, webhooks and their delivery log, e-mail opt-ins and moderators'
digests (a mixin of `Store`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from majlis.domain import State
from majlis.storage.rows import utcnow
from majlis.storage.tables import comments, digests, moderator_sites, moderators, outbox, webhook_deliveries, webhooks

PENDING, DELIVERED, FAILED, CANCELLED = "pending", "delivered", "failed", "cancelled"
ERASE_CHUNK = 200


_INSERT_EVENT = insert(outbox)  # built once: values are passed at execution, so nothing is re-compiled


def record_event(conn: Connection, site_id: int, comment_id: int, kind: str, at: datetime) -> None:
    """Write an event to the outbox inside the caller's transaction."""
    conn.execute(_INSERT_EVENT, {"site_id": site_id, "comment_id": comment_id, "kind": kind, "at": at})


def erase_events(conn: Connection, comment_ids: Sequence[int], redact: Callable[[str], str], note: str) -> int:
    """Inside the caller's transaction: the outbox events of these comments not yet handled are
    marked handled (no delivery or e-mail will come of them), every delivery that carries one of
    them gets `redact(payload)` instead, and those still pending are cancelled. Returns how many
    deliveries were rewritten. A delivery is found by its event, or, its event purged already, by
    the comment id its payload starts with (`"comment":{"id":N,`, as `event_body` writes it)."""
    now = utcnow()
    rewritten = 0
    # In chunks: SQLite refuses an expression deeper than 1,000 terms (an author of many comments).
    for start in range(0, len(comment_ids), ERASE_CHUNK):
        chunk = list(comment_ids[start:start + ERASE_CHUNK])
        conn.execute(update(outbox).where(outbox.c.comment_id.in_(chunk), outbox.c.handled_at.is_(None))
                     .values(handled_at=now))
        events = select(outbox.c.id).where(outbox.c.comment_id.in_(chunk)).scalar_subquery()
        carrying: list[ColumnElement[bool]] = [webhook_deliveries.c.outbox_id.in_(events)]
        carrying += [webhook_deliveries.c.payload.contains(f'"comment":{{"id":{i},', autoescape=True) for i in chunk]
        rows = conn.execute(select(webhook_deliveries.c.id, webhook_deliveries.c.payload, webhook_deliveries.c.status)
                            .where(or_(*carrying))).all()
        for row in rows:
            values: dict[str, Any] = {"payload": redact(row.payload)}
            if row.status == PENDING:
                values.update(status=CANCELLED, next_attempt_at=None, last_error=note[:500])
            conn.execute(update(webhook_deliveries).where(webhook_deliveries.c.id == row.id).values(**values))
        rewritten += len(rows)
    return rewritten


class IntegrationStore:
    """Storage behind webhooks, e-mail notifications and digests."""

    engine: Engine
    _writer: Engine

    # -- the outbox -----------------------------------------------------------------------------

    def unhandled_events(self, limit: int = 200) -> list[dict[str, Any]]:
        """Events not yet handled, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(outbox).where(outbox.c.handled_at.is_(None)).order_by(outbox.c.id).limit(limit))
            return [dict(r._mapping) for r in rows]

    def handle_events(self, batch: list[tuple[int, list[dict[str, Any]]]]) -> set[int]:
        """Mark events handled and queue their webhook deliveries, in one transaction (one disk
        flush for a whole batch). Returns the ids this call claimed: an event that another process
        handled first is skipped, and nothing is written for it."""
        now = utcnow()
        claimed: set[int] = set()
        if not batch:
            return claimed
        with self._writer.begin() as conn:
            # One statement claims the whole batch; RETURNING names what this call claimed.
            claimed = set(conn.execute(update(outbox).where(outbox.c.id.in_([e for e, _ in batch]),
                                                            outbox.c.handled_at.is_(None))
                                       .values(handled_at=now).returning(outbox.c.id)).scalars())
            rows = [{**delivery, "outbox_id": event_id, "status": PENDING, "attempts": 0, "next_attempt_at": now,
                     "created_at": now} for event_id, deliveries in batch if event_id in claimed for delivery in deliveries]
            if rows:
                conn.execute(insert(webhook_deliveries), rows)
        return claimed

    def purge_handled(self, before: datetime) -> int:
        """Delete handled events and finished deliveries (delivered or failed) older than `before`;
        how many rows went. Pending deliveries are kept, whatever their age."""
        with self._writer.begin() as conn:
            events = conn.execute(delete(outbox).where(outbox.c.handled_at.is_not(None), outbox.c.handled_at < before)).rowcount
            logs = conn.execute(delete(webhook_deliveries).where(webhook_deliveries.c.status != PENDING,
                                                                 webhook_deliveries.c.created_at < before)).rowcount
        return int(events) + int(logs)

    # -- webhooks -------------------------------------------------------------------------------

    def add_webhook(self, site_id: int, url: str, secret: str, events: list[str]) -> dict[str, Any]:
        """Register a webhook (its secret already encrypted)."""
        values = dict(site_id=site_id, url=url, secret=secret, events=events, active=True, created_at=utcnow())
        with self._writer.begin() as conn:
            webhook_id = conn.execute(insert(webhooks).values(**values)).inserted_primary_key[0]  # type: ignore[index]
        return {"id": webhook_id, **values}

    def webhooks_of(self, site_id: int, active_only: bool = False) -> list[dict[str, Any]]:
        """The site's webhooks, oldest first."""
        query = select(webhooks).where(webhooks.c.site_id == site_id)
        if active_only:
            query = query.where(webhooks.c.active.is_(True))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query.order_by(webhooks.c.id))]

    def webhook(self, webhook_id: int) -> dict[str, Any] | None:
        """One webhook, if it exists."""
        with self.engine.connect() as conn:
            row = conn.execute(select(webhooks).where(webhooks.c.id == webhook_id)).first()
            return dict(row._mapping) if row else None

    def delete_webhook(self, webhook_id: int, site_id: int) -> bool:
        """Remove a webhook of this site and its delivery log; False (nothing changed) if the site
        has no webhook with that id."""
        with self._writer.begin() as conn:
            owned = select(webhooks.c.id).where(webhooks.c.id == webhook_id, webhooks.c.site_id == site_id)
            if conn.execute(owned).first() is None:
                return False
            conn.execute(delete(webhook_deliveries).where(webhook_deliveries.c.webhook_id == webhook_id))
            return bool(conn.execute(delete(webhooks).where(webhooks.c.id == webhook_id)).rowcount)

    def add_delivery(self, webhook_id: int, event: str, payload: str) -> int:
        """A delivery outside the outbox (the test event), tried by its caller at once: it has no
        due time, so the delivery poller never claims it too."""
        now = utcnow()
        with self._writer.begin() as conn:
            key = conn.execute(insert(webhook_deliveries).values(
                webhook_id=webhook_id, event=event, payload=payload, status=PENDING, attempts=0,
                next_attempt_at=None, created_at=now)).inserted_primary_key
            return int(key[0])  # type: ignore[index]

    def claim_due_deliveries(self, lease: timedelta, limit: int = 100) -> list[int]:
        """Deliveries due now, each leased to the caller (its next attempt moved `lease` ahead, so
        no other process takes it meanwhile)."""
        now = utcnow()
        with self.engine.connect() as conn:
            due = conn.execute(select(webhook_deliveries.c.id, webhook_deliveries.c.next_attempt_at)
                               .where(webhook_deliveries.c.status == PENDING,
                                      webhook_deliveries.c.next_attempt_at <= now)
                               .order_by(webhook_deliveries.c.next_attempt_at).limit(limit)).all()
        claimed = []
        for delivery_id, at in due:
            with self._writer.begin() as conn:
                if conn.execute(update(webhook_deliveries)
                                .where(webhook_deliveries.c.id == delivery_id, webhook_deliveries.c.status == PENDING,
                                       webhook_deliveries.c.next_attempt_at == at)
                                .values(next_attempt_at=now + lease)).rowcount:
                    claimed.append(delivery_id)
        return claimed

    def delivery(self, delivery_id: int) -> dict[str, Any] | None:
        """One delivery with its webhook's url, secret and state."""
        query = (select(webhook_deliveries, webhooks.c.url, webhooks.c.secret, webhooks.c.active, webhooks.c.site_id)
                 .join(webhooks, webhooks.c.id == webhook_deliveries.c.webhook_id)
                 .where(webhook_deliveries.c.id == delivery_id))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
            return dict(row._mapping) if row else None

    def record_attempt(self, delivery_id: int, *, status_code: int | None, error: str,
                       delivered: bool, next_attempt_at: datetime | None) -> None:
        """Log one attempt: delivered, to be retried at `next_attempt_at`, or failed for good."""
        now = utcnow()
        state = DELIVERED if delivered else (PENDING if next_attempt_at else FAILED)
        with self._writer.begin() as conn:
            conn.execute(update(webhook_deliveries).where(webhook_deliveries.c.id == delivery_id).values(
                attempts=webhook_deliveries.c.attempts + 1, last_status=status_code, last_error=error[:500],
                status=state, next_attempt_at=next_attempt_at, delivered_at=now if delivered else None))

    def deliveries_of(self, webhook_id: int, limit: int = 100) -> list[dict[str, Any]]:
        """The delivery log of a webhook, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(webhook_deliveries).where(webhook_deliveries.c.webhook_id == webhook_id)
                                .order_by(webhook_deliveries.c.id.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]

    # -- e-mail -----------------------------------------------------------------------------------

    def unsubscribe(self, site_id: int, author_key: str) -> int:
        """Stop every e-mail to this author about the site's comments; how many comments it touched."""
        with self._writer.begin() as conn:
            return int(conn.execute(update(comments).where(comments.c.site_id == site_id,
                                                           comments.c.author_key == author_key,
                                                           comments.c.notify.is_(True))
                                    .values(notify=False)).rowcount)

    def set_digest(self, moderator_id: int, wanted: bool) -> None:
        """Whether a moderator gets the queue digest."""
        with self._writer.begin() as conn:
            conn.execute(update(moderators).where(moderators.c.id == moderator_id).values(digest=wanted))

    def digest_recipients(self, site_id: int) -> list[str]:
        """Emails of the moderators of the site (admins included) who want the digest."""
        of_site = select(moderator_sites.c.moderator_id).where(moderator_sites.c.site_id == site_id)
        with self.engine.connect() as conn:
            rows = conn.execute(select(moderators.c.email).where(
                moderators.c.digest.is_(True), moderators.c.is_admin.is_(True) | moderators.c.id.in_(of_site)))
            return sorted(r.email for r in rows)

    def count_pending(self, site_id: int) -> int:
        """How many of the site's comments wait for a moderator."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(comments).where(
                comments.c.site_id == site_id, comments.c.state == State.PENDING.value)).scalar_one())

    def claim_digest(self, site_id: int, pending: int, interval: timedelta) -> bool:
        """Record a digest for the site unless one went out within `interval`; True if the caller
        should send it (exactly one process wins)."""
        now = utcnow()
        with self._writer.begin() as conn:
            if conn.execute(update(digests).where(digests.c.site_id == site_id, digests.c.sent_at <= now - interval)
                            .values(sent_at=now, pending=pending)).rowcount:
                return True
            if conn.execute(select(digests.c.site_id).where(digests.c.site_id == site_id)).first():
                return False
        try:
            with self._writer.begin() as conn:
                conn.execute(insert(digests).values(site_id=site_id, sent_at=now, pending=pending))
            return True
        except IntegrityError:
            return False
