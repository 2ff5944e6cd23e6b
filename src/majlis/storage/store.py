"""`Store`: every read and write Majlis makes, each method one transaction, domain objects out."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Row, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from majlis.domain import Action, ActorKind, Article, Category, Comment, DecisionEvent, Site, State
from majlis.storage.accounts import AccountStore
from majlis.storage.desk import DeskStore
from majlis.storage.engine import WRITE_OPTION
from majlis.storage.rows import load, utcnow
from majlis.storage.imports import ImportStore
from majlis.storage.install import InstallStore
from majlis.storage.recent import RecentRow, RecentStore
from majlis.storage.integrations import IntegrationStore, record_event
from majlis.storage.tables import articles, comments, decisions, sites


def _site(row: Row[Any]) -> Site:
    return load(Site, row, origins=tuple(row.origins or ()), policy=dict(row.policy or {}))


def _article(row: Row[Any]) -> Article:
    return load(Article, row, closed=bool(row.closed))


def _comment(row: Row[Any]) -> Comment:
    return load(Comment, row, state=State(row.state), notify=bool(row.notify))


def _decision(row: Row[Any]) -> DecisionEvent:
    return load(
        DecisionEvent,
        row,
        actor_kind=ActorKind(row.actor_kind),
        action=Action(row.action),
        category=Category(row.category) if row.category else None,
        reversal=bool(row.reversal),
    )


# Statements of the posting path, built once: values are passed at execution, which spares
# SQLAlchemy re-building and re-keying the statement for every comment.
_INSERT_DECISION = insert(decisions)
_INSERT_COMMENT = insert(comments)
_SITE_BY_SLUG = select(sites).where(sites.c.slug == bindparam("slug"))
_ARTICLE_BY_KEY = select(articles).where(articles.c.site_id == bindparam("site_id"), articles.c.key == bindparam("key"))


def _record_decision(conn: Any, comment_id: int, at: datetime, actor_kind: ActorKind, actor: str, action: Action,
                     category: Category | None, note: str, reversal: bool) -> int:
    """Append one entry to a comment's decision record (inside the caller's transaction)."""
    return int(conn.execute(_INSERT_DECISION, {
        "comment_id": comment_id, "at": at, "actor_kind": actor_kind.value, "actor": actor, "action": action.value,
        "category": category.value if category else None, "note": note, "reversal": reversal,
    }).inserted_primary_key[0])


class Store(AccountStore, DeskStore, IntegrationStore, ImportStore, InstallStore, RecentStore):
    """The storage interface; the services layer talks to nothing else."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        self._recent: dict[tuple[int, timedelta, int], tuple[datetime, int, tuple[RecentRow, ...]]] = {}
        self._recent_lock = threading.Lock()  # these two: RecentStore's

    # -- sites ------------------------------------------------------------------------------

    def create_site(
        self, slug: str, name: str, origins: Sequence[str], language: str, policy: dict[str, Any]
    ) -> Site:
        """Insert a site; raises `IntegrityError` if the slug is taken."""
        with self._writer.begin() as conn:
            values = dict(
                slug=slug,
                name=name,
                origins=list(origins),
                language=language,
                policy=policy,
                created_at=utcnow(),
            )
            site_id = conn.execute(insert(sites).values(**values)).inserted_primary_key[0]  # type: ignore[index]
            return Site(id=site_id, **{**values, "origins": tuple(origins)})  # type: ignore[arg-type]

    def site_by_slug(self, slug: str) -> Site | None:
        """The site with this slug, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(_SITE_BY_SLUG, {"slug": slug}).first()
            return _site(row) if row else None

    def site_by_id(self, site_id: int) -> Site | None:
        """The site with this id, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(sites).where(sites.c.id == site_id)).first()
            return _site(row) if row else None

    def list_sites(self) -> list[Site]:
        """All sites, by slug."""
        with self.engine.connect() as conn:
            return [_site(r) for r in conn.execute(select(sites).order_by(sites.c.slug))]

    def update_site(self, site_id: int, **fields: Any) -> Site:
        """Change a site's name, origins, language or policy."""
        with self._writer.begin() as conn:
            conn.execute(update(sites).where(sites.c.id == site_id).values(**fields))
            return _site(conn.execute(select(sites).where(sites.c.id == site_id)).one())

    # -- articles ---------------------------------------------------------------------------

    def article(self, site_id: int, key: str) -> Article | None:
        """The article with this key on the site, if registered."""
        with self.engine.connect() as conn:
            row = conn.execute(_ARTICLE_BY_KEY, {"site_id": site_id, "key": key}).first()
            return _article(row) if row else None

    def article_by_id(self, article_id: int) -> Article | None:
        """The article with this id, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
            return _article(row) if row else None

    def article_keys(self, site_id: int) -> list[str]:
        """The keys of every article of a site."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(articles.c.key).where(articles.c.site_id == site_id)).scalars())

    def ensure_article(self, site_id: int, key: str) -> Article:
        """The article with this key, created with the key alone if it does not exist yet."""
        found = self.article(site_id, key)
        if found:
            return found
        try:
            with self._writer.begin() as conn:
                conn.execute(
                    insert(articles).values(site_id=site_id, key=key, created_at=utcnow())
                )
        except IntegrityError:
            pass  # another request created it between our read and write
        found = self.article(site_id, key)
        assert found is not None
        return found

    def upsert_article(self, site_id: int, key: str, fields: dict[str, Any]) -> tuple[Article, bool]:
        """Register or update an article; returns it and whether it was created."""
        created = self.article(site_id, key) is None
        if created:
            try:
                with self._writer.begin() as conn:
                    conn.execute(
                        insert(articles).values(
                            site_id=site_id, key=key, created_at=utcnow(), **fields
                        )
                    )
            except IntegrityError:
                created = False
        if not created:
            with self._writer.begin() as conn:
                conn.execute(
                    update(articles)
                    .where(articles.c.site_id == site_id, articles.c.key == key)
                    .values(**fields)
                )
        article = self.article(site_id, key)
        assert article is not None
        return article, created

    # -- comments ---------------------------------------------------------------------------

    def add_comment(
        self,
        *,
        site_id: int,
        article_id: int,
        parent_id: int | None,
        author_name: str,
        author_email: str,
        author_key: str,
        text: str,
        text_sha256: str,
        language: str,
        risk: float,
        verdict: dict[str, Any] | None,
        action: Action,
        category: Category | None,
        note: str,
        created_at: datetime | None = None,
        actor_kind: ActorKind = ActorKind.SCREEN,
        actor: str = "screen",
        ip_hash: str | None = None,
        notify: bool = False,
    ) -> Comment:
        """Store a comment, its first decision and its events in one transaction; committed on return."""
        now = created_at or utcnow()
        state = action.state()
        decided_at = None if state is State.PENDING else now
        values = dict(
            site_id=site_id,
            article_id=article_id,
            parent_id=parent_id,
            author_name=author_name,
            author_email=author_email,
            author_key=author_key,
            text=text,
            text_sha256=text_sha256,
            language=language,
            created_at=now,
            state=state.value,
            risk=risk,
            verdict=verdict,
            decided_at=decided_at,
            reason=category.value if category else None,
            ip_hash=ip_hash,
            notify=notify,
        )
        with self._writer.begin() as conn:
            comment_id = conn.execute(_INSERT_COMMENT, values).inserted_primary_key[0]  # type: ignore[index]
            _record_decision(conn, comment_id, now, actor_kind, actor, action, category, note, reversal=False)
            record_event(conn, site_id, comment_id, "comment.created", now)
            if state is not State.PENDING:
                record_event(conn, site_id, comment_id, f"comment.{state.value}", now)
        values.pop("reason")
        values.pop("ip_hash")
        return Comment(id=comment_id, **{**values, "state": state})  # type: ignore[arg-type]

    def pending_of_site(self, site_id: int, limit: int = 10_000) -> list[Comment]:
        """The site's comments waiting for a decision, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(comments).where(comments.c.site_id == site_id,
                                                       comments.c.state == State.PENDING.value)
                                .order_by(comments.c.id).limit(limit))
            return [_comment(r) for r in rows]

    def set_verdict(self, comment_id: int, verdict: dict[str, Any], risk: float, reason: str | None) -> None:
        """Store a new verdict for a pending comment (its text and decisions are untouched)."""
        with self._writer.begin() as conn:
            conn.execute(update(comments).where(comments.c.id == comment_id)
                         .values(verdict=verdict, risk=risk, reason=reason))

    def comment(self, comment_id: int) -> Comment | None:
        """The comment with this id, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(comments).where(comments.c.id == comment_id)).first()
            return _comment(row) if row else None

    def comments_by_id(self, comment_ids: Sequence[int]) -> dict[int, Comment]:
        """The comments with these ids that exist, by id (one query)."""
        if not comment_ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(comments).where(comments.c.id.in_(sorted(set(comment_ids)))))
            return {row.id: _comment(row) for row in rows}

    def decide(
        self,
        comment_id: int,
        *,
        action: Action,
        category: Category | None,
        note: str,
        actor_kind: ActorKind,
        actor: str,
        site_ids: Iterable[int] | None = None,
    ) -> tuple[Comment, DecisionEvent]:
        """Append a decision and move the comment to its state; a change of a final state is a reversal.
        Raises `LookupError`, changing nothing, if no comment of `site_ids` (None: any site) has the id."""
        now = utcnow()
        with self._writer.begin() as conn:
            query = select(comments).where(comments.c.id == comment_id)
            if site_ids is not None:
                query = query.where(comments.c.site_id.in_(list(site_ids)))
            if conn.dialect.name == "postgresql":
                query = query.with_for_update()
            row = conn.execute(query).first()
            if row is None:
                raise LookupError(f"no comment {comment_id} on these sites")
            previous = State(row.state)
            new_state = action.state()
            reversal = previous is not State.PENDING
            event_id = _record_decision(conn, comment_id, now, actor_kind, actor, action, category, note, reversal)
            conn.execute(
                update(comments)
                .where(comments.c.id == comment_id)
                .values(
                    state=new_state.value,
                    decided_at=None if new_state is State.PENDING else now,
                    reason=category.value if category else None,
                )
            )
            updated = _comment(conn.execute(select(comments).where(comments.c.id == comment_id)).one())
            if new_state is not previous and new_state is not State.PENDING:
                record_event(conn, row.site_id, comment_id, f"comment.{new_state.value}", now)
        event = DecisionEvent(
            id=event_id,
            comment_id=comment_id,
            at=now,
            actor_kind=actor_kind,
            actor=actor,
            action=action,
            category=category,
            note=note,
            reversal=reversal,
        )
        return updated, event

    def decisions(self, comment_id: int) -> list[DecisionEvent]:
        """The decision record of a comment, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(decisions)
                .where(decisions.c.comment_id == comment_id)
                .order_by(decisions.c.id)
            )
            return [_decision(r) for r in rows]

    def approved_page(
        self, article_id: int, after_id: int, limit: int, newest_first: bool = False
    ) -> tuple[list[Comment], dict[int, list[Comment]]]:
        """Up to `limit` approved top-level comments past `after_id` (0: from the start) in id
        order (or reverse), and all their approved replies, oldest first."""
        query = select(comments).where(
            comments.c.article_id == article_id,
            comments.c.state == State.APPROVED.value,
            comments.c.parent_id.is_(None),
        )
        if newest_first:
            if after_id:
                query = query.where(comments.c.id < after_id)
            query = query.order_by(comments.c.id.desc())
        else:
            query = query.where(comments.c.id > after_id).order_by(comments.c.id)
        with self.engine.connect() as conn:
            top = [_comment(r) for r in conn.execute(query.limit(limit))]
            replies: dict[int, list[Comment]] = {c.id: [] for c in top}
            if top:
                for r in conn.execute(
                    select(comments)
                    .where(
                        comments.c.article_id == article_id,
                        comments.c.state == State.APPROVED.value,
                        comments.c.parent_id.in_(list(replies)),
                    )
                    .order_by(comments.c.id)
                ):
                    replies[r.parent_id].append(_comment(r))
            return top, replies

    def count_approved(self, article_id: int) -> int:
        """How many approved comments (replies included) the article has."""
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(comments)
                    .where(
                        comments.c.article_id == article_id,
                        comments.c.state == State.APPROVED.value,
                    )
                ).scalar_one()
            )

    def queue(
        self,
        site_ids: Iterable[int] | None,
        after: tuple[float, int] | None,
        limit: int,
        *,
        article_id: int | None = None,
        language: str | None = None,
        reason: str | None = None,
    ) -> list[tuple[Comment, Article]]:
        """Pending comments, riskiest first then oldest, keyset-paginated on (risk, id), filtered."""
        query = select(comments).where(comments.c.state == State.PENDING.value)
        if site_ids is not None:
            query = query.where(comments.c.site_id.in_(list(site_ids)))
        if article_id is not None:
            query = query.where(comments.c.article_id == article_id)
        if language:
            query = query.where(comments.c.language == language)
        if reason:
            query = query.where(comments.c.reason == reason)
        if after is not None:
            risk, last_id = after
            query = query.where(
                or_(comments.c.risk < risk, and_(comments.c.risk == risk, comments.c.id > last_id))
            )
        query = query.order_by(comments.c.risk.desc(), comments.c.id).limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            article_ids = {r.article_id for r in rows}
            found = {
                a.id: _article(a)
                for a in conn.execute(select(articles).where(articles.c.id.in_(article_ids)))
            } if article_ids else {}
        return [(_comment(r), found[r.article_id]) for r in rows]
