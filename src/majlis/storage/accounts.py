"""Moderators, API tokens, login sessions and login attempts (a mixin of `Store`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Row, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from majlis.domain import ApiToken, Moderator, Role
from majlis.storage.rows import utcnow
from majlis.storage.tables import api_tokens, login_attempts, moderator_sites, moderators, sessions


class AccountStore:
    """Who may moderate, and how they prove it."""

    engine: Engine
    _writer: Engine

    def create_moderator(
        self, email: str, password_hash: str, is_admin: bool, site_ids: Sequence[int]
    ) -> Moderator:
        """Insert a moderator; raises `IntegrityError` if the email is taken."""
        now = utcnow()
        with self._writer.begin() as conn:
            mod_id = conn.execute(
                insert(moderators).values(
                    email=email, password_hash=password_hash, is_admin=is_admin, created_at=now
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            for site_id in site_ids:
                conn.execute(insert(moderator_sites).values(moderator_id=mod_id, site_id=site_id))
        return Moderator(mod_id, email, password_hash, is_admin, tuple(site_ids), now)

    def grant_site(self, moderator_id: int, site_id: int) -> None:
        """Let a moderator decide comments of a site (idempotent)."""
        try:
            with self._writer.begin() as conn:
                conn.execute(
                    insert(moderator_sites).values(moderator_id=moderator_id, site_id=site_id)
                )
        except IntegrityError:
            pass

    def _moderator(self, conn: Any, row: Row[Any] | None) -> Moderator | None:
        if row is None:
            return None
        site_ids = tuple(
            conn.execute(
                select(moderator_sites.c.site_id).where(moderator_sites.c.moderator_id == row.id)
            ).scalars()
        )
        return Moderator(
            row.id, row.email, row.password_hash, bool(row.is_admin), site_ids, row.created_at
        )

    def moderator_by_email(self, email: str) -> Moderator | None:
        """The moderator with this email, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(moderators).where(moderators.c.email == email)).first()
            return self._moderator(conn, row)

    def moderator_by_id(self, moderator_id: int) -> Moderator | None:
        """The moderator with this id, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(moderators).where(moderators.c.id == moderator_id)).first()
            return self._moderator(conn, row)

    def set_password_hash(self, moderator_id: int, password_hash: str) -> None:
        """Replace a moderator's password hash (rehash after a parameter change)."""
        with self._writer.begin() as conn:
            conn.execute(
                update(moderators)
                .where(moderators.c.id == moderator_id)
                .values(password_hash=password_hash)
            )

    def add_token(
        self, token_hash: str, role: Role, site_id: int | None, moderator_id: int | None
    ) -> ApiToken:
        """Store the hash of a new API token."""
        now = utcnow()
        with self._writer.begin() as conn:
            token_id = conn.execute(
                insert(api_tokens).values(
                    token_hash=token_hash,
                    role=role.value,
                    site_id=site_id,
                    moderator_id=moderator_id,
                    created_at=now,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        return ApiToken(token_id, role, site_id, moderator_id, now)

    def token_by_hash(self, token_hash: str) -> ApiToken | None:
        """The live (not revoked) token with this hash, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(api_tokens).where(
                    api_tokens.c.token_hash == token_hash, api_tokens.c.revoked_at.is_(None)
                )
            ).first()
        if row is None:
            return None
        return ApiToken(row.id, Role(row.role), row.site_id, row.moderator_id, row.created_at)

    def revoke_token(self, token_id: int) -> None:
        """Revoke a token; it stops working at once."""
        with self._writer.begin() as conn:
            conn.execute(
                update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=utcnow())
            )


    def list_moderators(self) -> list[Moderator]:
        """Every moderator, by email."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(moderators).order_by(moderators.c.email)).all()
            return [m for r in rows if (m := self._moderator(conn, r)) is not None]

    # -- sessions -----------------------------------------------------------------------------

    def add_session(self, session_hash: str, moderator_id: int, csrf: str, expires_at: datetime) -> None:
        """Store a login session (only the hash of its cookie)."""
        with self._writer.begin() as conn:
            conn.execute(insert(sessions).values(id=session_hash, moderator_id=moderator_id, csrf=csrf,
                                                 created_at=utcnow(), expires_at=expires_at))

    def session(self, session_hash: str) -> tuple[int, str, datetime] | None:
        """(moderator id, CSRF token, expiry) of a live session."""
        with self.engine.connect() as conn:
            row = conn.execute(select(sessions).where(sessions.c.id == session_hash,
                                                      sessions.c.expires_at > utcnow())).first()
        return (row.moderator_id, row.csrf, row.expires_at) if row else None

    def end_session(self, session_hash: str) -> None:
        """Log out (and purge expired sessions)."""
        with self._writer.begin() as conn:
            conn.execute(delete(sessions).where((sessions.c.id == session_hash) | (sessions.c.expires_at <= utcnow())))

    def record_login(self, account_key: str, success: bool) -> None:
        """Remember a login attempt (keyed hash of the email, never the email)."""
        with self._writer.begin() as conn:
            conn.execute(insert(login_attempts).values(account_key=account_key, at=utcnow(), success=success))

    def list_tokens(self) -> list[dict[str, Any]]:
        """Every API token (never the token itself: it is not stored)."""
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                select(api_tokens.c.id, api_tokens.c.role, api_tokens.c.site_id, api_tokens.c.moderator_id,
                       api_tokens.c.created_at, api_tokens.c.revoked_at).order_by(api_tokens.c.id))]
