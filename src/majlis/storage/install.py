"""Facts about the install itself (a mixin of `Store`): the check value of the secret key."""

from __future__ import annotations

from sqlalchemy import Engine, exists, insert, select
from sqlalchemy.exc import IntegrityError

from majlis.storage.tables import author_rules, comments, install, webhooks


class InstallStore:
    """The `install` table, and whether the database holds anything made with the secret key."""

    engine: Engine
    _writer: Engine

    def install_value(self, name: str) -> str | None:
        """The recorded value of `name`, or None."""
        with self.engine.connect() as conn:
            value = conn.execute(select(install.c.value).where(install.c.name == name)).scalar()
        return None if value is None else str(value)

    def record_install_value(self, name: str, value: str) -> str:
        """Record `name` unless it is recorded already; returns the value that holds (the first)."""
        try:
            with self._writer.begin() as conn:
                conn.execute(insert(install).values(name=name, value=value))
        except IntegrityError:
            pass  # another process recorded it first
        return self.install_value(name) or value

    def holds_keyed_data(self) -> bool:
        """Whether anything stored depends on the secret key: comments (keyed author hashes,
        encrypted emails), author rules (bans by keyed hash), webhooks (encrypted signing secrets)."""
        with self.engine.connect() as conn:
            return any(conn.execute(select(exists().select_from(table))).scalar()
                       for table in (comments, author_rules, webhooks))
