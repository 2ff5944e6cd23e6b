"""The migrations build exactly the tables the code expects, on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib

import pytest
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


def _article_keys_before_0005(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """At revision 0004: four spellings of two pages, each with an approved comment; their ids."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from majlis.storage.tables import articles, comments, sites

    now = datetime.now(UTC)
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        site = conn.execute(insert(sites).values(slug="courier", name="The Courier", origins=[], language="en",
                                                 policy={}, created_at=now)).inserted_primary_key[0]
        for key, title in (("/story/", "Story"), ("/story", ""), ("story", ""), ("/ar/%D8%AD%D8%AF%D9%88%D8%AF/", ""),
                           ("budget-vote", "Budget")):
            article = conn.execute(insert(articles).values(site_id=site, key=key, title=title, created_at=now,
                                                           closed=False)).inserted_primary_key[0]
            ids[key] = article
            conn.execute(insert(comments).values(site_id=site, article_id=article, author_name="A", author_email="",
                                                 author_key="k", text=f"on {key}", text_sha256="0" * 64,
                                                 created_at=now, state="approved", risk=0.0))
    return ids


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_0005_gives_every_article_its_canonical_key_and_merges_spellings(backend: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Keys stored before the canonical form keep working: `/story/`, `/story` and `story` become
    one article `story` holding the three comments (the oldest row keeps its id and title)."""
    from sqlalchemy import func, select

    from majlis.storage import make_engine
    from majlis.storage.tables import articles, comments
    from tests.conftest import throwaway_pg_database

    with contextlib.ExitStack() as stack:
        url = (f"sqlite:///{tmp_path / 'old.db'}" if backend == "sqlite"
               else stack.enter_context(throwaway_pg_database("majlis_mig")))
        engine = make_engine(url)
        stack.callback(engine.dispose)
        migrate(engine, "0004")
        ids = _article_keys_before_0005(engine)
        migrate(engine)
        with engine.connect() as conn:
            found = {r.key: (r.id, r.title) for r in conn.execute(select(articles.c.key, articles.c.id, articles.c.title))}
            counts = dict(conn.execute(select(comments.c.article_id, func.count()).group_by(comments.c.article_id)).all())
        assert found == {"story": (ids["/story/"], "Story"), "ar/حدود": (ids["/ar/%D8%AD%D8%AF%D9%88%D8%AF/"], ""),
                         "budget-vote": (ids["budget-vote"], "Budget")}
        assert counts == {ids["/story/"]: 3, ids["/ar/%D8%AD%D8%AF%D9%88%D8%AF/"]: 1, ids["budget-vote"]: 1}
