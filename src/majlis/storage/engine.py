"""Engines for SQLite (WAL, foreign keys) and PostgreSQL (psycopg 3, pooled)."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, create_engine, event

# Execution option that marks a transaction as a writer (see `_sqlite_begin`).
WRITE_OPTION = "majlis_write"


def normalise_url(url: str) -> str:
    """Pick the psycopg 3 driver for plain `postgresql://` URLs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the URL, set up for concurrent web traffic."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # Autocommit at the driver level, so SQLAlchemy's BEGIN below is the only transaction.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")  # a 201 survives a power cut too
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        # One writer at a time per process: threads queue here, in order, instead of polling
        # SQLite's lock with its sleeping busy handler (which turned a burst of posts into
        # seconds of waiting). Processes still meet at SQLite's lock.
        writer = threading.RLock()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # Writers take the lock up front (IMMEDIATE), so two transactions that both read and
            # then write cannot deadlock; readers begin deferred and never block each other.
            immediate = conn.get_execution_options().get(WRITE_OPTION, False)
            if not immediate:
                conn.exec_driver_sql("BEGIN")
                return
            writer.acquire()
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except BaseException:
                writer.release()
                raise
            conn.info["majlis_writer"] = True

        @event.listens_for(engine, "commit")
        @event.listens_for(engine, "rollback")
        def _sqlite_end(conn: Any) -> None:
            if conn.info.pop("majlis_writer", False):
                writer.release()

        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)
