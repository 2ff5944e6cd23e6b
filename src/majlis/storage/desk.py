"""The moderator's desk: author rules, the audit trail, history, search and statistics (a mixin of `Store`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from majlis.domain import ActorKind, Comment, State
from majlis.storage.integrations import erase_events
from majlis.storage.rows import load, utcnow
from majlis.storage.tables import articles, audit_log, author_rules, comments, decisions, used_tokens


def _in_sites(column: Any, site_ids: Iterable[int] | None) -> Any:
    return True if site_ids is None else column.in_(list(site_ids))


# Read on every post: built once, with the values bound at execution.
_ALL_RULES = (select(author_rules)
              .where(author_rules.c.site_id == bindparam("site_id"), author_rules.c.author_key == bindparam("author_key"))
              .order_by(author_rules.c.id.desc()))
_LIVE_RULES = _ALL_RULES.where(author_rules.c.revoked_at.is_(None),
                               or_(author_rules.c.until.is_(None), author_rules.c.until > bindparam("now")))


class DeskStore:
    """Queries behind the moderator's desk."""

    engine: Engine
    _writer: Engine

    # -- author rules -------------------------------------------------------------------------

    def add_author_rule(self, site_id: int, author_key: str, kind: str, until: datetime | None, note: str, by: str) -> int:
        """Pre-moderate or ban an author (by keyed email hash) on a site."""
        with self._writer.begin() as conn:
            key = conn.execute(insert(author_rules).values(
                site_id=site_id, author_key=author_key, kind=kind, until=until, note=note,
                created_by=by, created_at=utcnow())).inserted_primary_key
            return int(key[0])  # type: ignore[index]

    def revoke_author_rule(self, rule_id: int, by: str, site_ids: Iterable[int] | None) -> dict[str, Any] | None:
        """Lift a rule of one of `site_ids` (None: any site); returns it, or None (and changes
        nothing) if there is no live rule with that id on those sites."""
        with self._writer.begin() as conn:
            row = conn.execute(select(author_rules).where(author_rules.c.id == rule_id,
                                                          author_rules.c.revoked_at.is_(None),
                                                          _in_sites(author_rules.c.site_id, site_ids))).first()
            if row is None:
                return None
            conn.execute(update(author_rules).where(author_rules.c.id == rule_id)
                         .values(revoked_at=utcnow(), revoked_by=by))
            return dict(row._mapping)

    def author_rules(self, site_id: int, author_key: str, live_only: bool = True) -> list[dict[str, Any]]:
        """The rules on an author of a site (live ones: not revoked and not expired)."""
        query = _LIVE_RULES if live_only else _ALL_RULES
        with self.engine.connect() as conn:
            rows = conn.execute(query, {"site_id": site_id, "author_key": author_key, "now": utcnow()})
            return [dict(r._mapping) for r in rows]

    # -- audit --------------------------------------------------------------------------------

    def audit(self, actor: str, action: str, site_id: int | None, target: str, detail: dict[str, Any] | None = None) -> None:
        """Append to the audit trail."""
        with self._writer.begin() as conn:
            conn.execute(insert(audit_log).values(at=utcnow(), actor=actor, action=action, site_id=site_id,
                                                  target=target, detail=detail))

    def audit_entries(self, site_ids: Iterable[int] | None, limit: int = 100) -> list[dict[str, Any]]:
        """The latest audit entries of these sites (None: all, site-less entries included)."""
        query = select(audit_log)
        if site_ids is not None:
            query = query.where(audit_log.c.site_id.in_(list(site_ids)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query.order_by(audit_log.c.id.desc()).limit(limit))]

    # -- history, search, counts --------------------------------------------------------------

    def author_history(self, site_id: int, author_key: str, exclude_id: int | None = None) -> dict[str, Any]:
        """How many of the author's comments on the site were approved, rejected, pending; recent rejections."""
        where = and_(comments.c.site_id == site_id, comments.c.author_key == author_key,
                     comments.c.id != (exclude_id or 0))
        with self.engine.connect() as conn:
            counts = {r.state: r.n for r in conn.execute(
                select(comments.c.state, func.count().label("n")).where(where).group_by(comments.c.state))}
            rejected = conn.execute(
                select(comments.c.id, comments.c.text, comments.c.reason, comments.c.decided_at)
                .where(where, comments.c.state == State.REJECTED.value)
                .order_by(comments.c.id.desc()).limit(3)).all()
        return {"approved": counts.get("approved", 0), "rejected": counts.get("rejected", 0),
                "pending": counts.get("pending", 0), "recent_rejections": [dict(r._mapping) for r in rejected]}

    def search_decided(self, site_ids: Iterable[int] | None, text: str, state: str | None,
                       before_id: int | None, limit: int) -> list[dict[str, Any]]:
        """Decided comments, newest first, whose text or author name contains `text`."""
        query = (select(comments, articles.c.title.label("article_title"), articles.c.key.label("article_key"))
                 .join(articles, articles.c.id == comments.c.article_id)
                 .where(_in_sites(comments.c.site_id, site_ids), comments.c.state != State.PENDING.value))
        if state:
            query = query.where(comments.c.state == state)
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(or_(comments.c.text.like(pattern, escape="\\"),
                                    comments.c.author_name.like(pattern, escape="\\")))
        if before_id:
            query = query.where(comments.c.id < before_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query.order_by(comments.c.id.desc()).limit(limit))]

    def newest_pending_id(self, site_ids: Iterable[int] | None) -> int:
        """The id of the newest pending comment (0 if none)."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(comments.c.id)).where(
                comments.c.state == State.PENDING.value, _in_sites(comments.c.site_id, site_ids))).scalar() or 0)

    def queue_counts(self, site_ids: Iterable[int] | None) -> dict[str, dict[str, int]]:
        """Pending comments counted by site, language and reason."""
        where = and_(comments.c.state == State.PENDING.value, _in_sites(comments.c.site_id, site_ids))
        out: dict[str, dict[str, int]] = {}
        with self.engine.connect() as conn:
            for name, column in (("site", comments.c.site_id), ("language", comments.c.language),
                                 ("reason", comments.c.reason)):
                rows = conn.execute(select(column.label("k"), func.count().label("n")).where(where).group_by(column))
                out[name] = {str(r.k if r.k is not None else ""): int(r.n) for r in rows}
        return out

    def activity(self, site_ids: Iterable[int] | None, since: datetime) -> list[dict[str, Any]]:
        """Comments posted since `since`: created, decided, state, reason, and who decided first."""
        first = (select(decisions.c.comment_id, func.min(decisions.c.id).label("first_id"))
                 .group_by(decisions.c.comment_id).subquery())
        query = (select(comments.c.id, comments.c.created_at, comments.c.decided_at, comments.c.state,
                        comments.c.reason, decisions.c.actor_kind, decisions.c.action)
                 .join(first, first.c.comment_id == comments.c.id)
                 .join(decisions, decisions.c.id == first.c.first_id)
                 .where(comments.c.created_at >= since, _in_sites(comments.c.site_id, site_ids)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def decided_by_people(self, site_ids: Iterable[int] | None, since: datetime) -> list[dict[str, Any]]:
        """Human decisions since `since` (for statistics of the desk's work)."""
        query = (select(decisions.c.at, decisions.c.action, decisions.c.category, decisions.c.reversal)
                 .join(comments, comments.c.id == decisions.c.comment_id)
                 .where(decisions.c.actor_kind == ActorKind.MODERATOR.value, decisions.c.at >= since,
                        _in_sites(comments.c.site_id, site_ids)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # -- privacy ------------------------------------------------------------------------------

    def comments_by_author(self, author_key: str) -> list[Comment]:
        """Every comment of an author, on every site."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(comments).where(comments.c.author_key == author_key).order_by(comments.c.id))
            return [load(Comment, r, state=State(r.state)) for r in rows]

    def erase_author(self, author_key: str, unlinkable: str, removed: str, redact: Callable[[str], str]) -> int:
        """Remove an author's personal data, in one transaction: text, name, email, address hash,
        verdict details, decision notes, rules; and from the webhook deliveries that carry their
        comments (`redact` rewrites a payload; pending ones are cancelled, unhandled events dropped)."""
        now = utcnow()
        with self._writer.begin() as conn:
            ids = [r.id for r in conn.execute(select(comments.c.id).where(comments.c.author_key == author_key))]
            if ids:
                conn.execute(update(comments).where(comments.c.id.in_(ids)).values(
                    text=removed, text_sha256="", author_name=removed, author_email="", author_key=unlinkable,
                    ip_hash=None, verdict=None, erased_at=now))
                conn.execute(update(decisions).where(decisions.c.comment_id.in_(ids)).values(note=""))
                erase_events(conn, ids, redact, "cancelled: the author's data was erased")
            conn.execute(delete(author_rules).where(author_rules.c.author_key == author_key))
            conn.execute(update(audit_log).where(audit_log.c.target == author_key[:16]).values(target="erased"))
        return len(ids)

    def purge_ip_hashes(self, before: datetime) -> int:
        """Forget the IP hashes of comments older than `before`."""
        with self._writer.begin() as conn:
            result = conn.execute(update(comments).where(comments.c.created_at < before, comments.c.ip_hash.is_not(None))
                                  .values(ip_hash=None))
            return int(result.rowcount or 0)

    def spend_token(self, token_id: str, expires_at: datetime) -> bool:
        """Mark a one-time token used; False if it was used already (replay)."""
        try:
            with self._writer.begin() as conn:
                conn.execute(delete(used_tokens).where(used_tokens.c.expires_at < utcnow()))
                conn.execute(insert(used_tokens).values(id=token_id, expires_at=expires_at))
            return True
        except IntegrityError:
            return False

    # -- publishers and exports ---------------------------------------------------------------

    def article_counts(self, site_id: int, keys: list[str] | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """Articles of a site (or just these keys) with their number of approved comments."""
        approved = (select(comments.c.article_id, func.count().label("n"))
                    .where(comments.c.site_id == site_id, comments.c.state == State.APPROVED.value)
                    .group_by(comments.c.article_id).subquery())
        query = (select(articles.c.key, articles.c.title, articles.c.url, articles.c.closed,
                        func.coalesce(approved.c.n, 0).label("comments"))
                 .outerjoin(approved, approved.c.article_id == articles.c.id)
                 .where(articles.c.site_id == site_id))
        if keys is not None:
            query = query.where(articles.c.key.in_(keys))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query.order_by(articles.c.id.desc()).limit(limit))]

    def export_rows(self, site_id: int, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every comment of a site with its article key and decisions, in id order, streamed in batches."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(comments, articles.c.key.label("article_key"))
                    .join(articles, articles.c.id == comments.c.article_id)
                    .where(comments.c.site_id == site_id, comments.c.id > last)
                    .order_by(comments.c.id).limit(batch)).all()
                if not rows:
                    return
                ids = [r.id for r in rows]
                history: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
                for d in conn.execute(select(decisions).where(decisions.c.comment_id.in_(ids)).order_by(decisions.c.id)):
                    history[d.comment_id].append({"at": d.at.isoformat(), "by": d.actor_kind, "actor": d.actor,
                                                  "action": d.action, "category": d.category, "reversal": bool(d.reversal)})
            for r in rows:
                yield {**dict(r._mapping), "decisions": history[r.id]}
            last = ids[-1]
