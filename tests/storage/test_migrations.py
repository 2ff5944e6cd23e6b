"""The migrations build exactly the tables the code expects, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from majlis.storage import Store, migrate
from majlis.storage.tables import metadata


def test_migrated_schema_matches_the_tables(store: Store) -> None:
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_migrate_is_idempotent(store: Store) -> None:
    migrate(store.engine)
    migrate(store.engine)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is not None


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from majlis.storage import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
