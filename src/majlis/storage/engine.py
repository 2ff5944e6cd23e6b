"""Engines for SQLite (WAL, foreign keys) and PostgreSQL (psycopg 3, pooled)."""

from __future__ import annotations

import fcntl
import os
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


def _database_file(url: str) -> str | None:
    """The file of a SQLite URL (None for an in-memory database)."""
    path = url.split(":///", 1)[1].split("?", 1)[0] if ":///" in url else ""
    return None if not path or path == ":memory:" else path


def _create_private(path: str) -> None:
    """Create the database file readable by its owner only, before SQLite creates it with the
    umask's mode (0644 as a rule); SQLite gives its -wal and -shm files the database's mode."""
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:
        pass  # it exists, or cannot be made here: SQLite then says so in its own words on connecting


def _lock_file(url: str) -> int | None:
    """A file descriptor of `<database>.writer-lock` for a file database (None in memory)."""
    path = _database_file(url)
    if path is None:
        return None
    return os.open(path + ".writer-lock", os.O_RDWR | os.O_CREAT, 0o600)


def _release(lock_file: int | None, writer: threading.RLock) -> None:
    try:
        if lock_file is not None:
            fcntl.flock(lock_file, fcntl.LOCK_UN)
    finally:
        writer.release()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the URL, set up for concurrent web traffic."""
    url = normalise_url(url)
    # A failed statement's message would otherwise carry its parameters (comment text, names, the
    # email's ciphertext) into the logs that `log.exception` writes.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        database = _database_file(url)
        if database is not None and "mode=memory" not in url and "uri=true" not in url:
            _create_private(database)
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

        # One writer at a time: threads of a process queue on a lock, processes on an flock of a
        # file beside the database, both in order, instead of polling SQLite's lock with its
        # sleeping busy handler (which turned a burst of posts from two workers into seconds of
        # waiting). Both are released only once COMMIT (or ROLLBACK) has run.
        writer = threading.RLock()
        lock_file = _lock_file(url)

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # Writers take the lock up front (IMMEDIATE), so two transactions that both read and
            # then write cannot deadlock; readers begin deferred and never block each other.
            # Straight to the driver: SQLAlchemy's statement path costs more than the BEGIN itself, and
            # every read and write of a post starts a transaction.
            driver = conn.connection.driver_connection
            immediate = conn.get_execution_options().get(WRITE_OPTION, False)
            if not immediate:
                driver.execute("BEGIN")
                return
            writer.acquire()
            try:
                if lock_file is not None:
                    fcntl.flock(lock_file, fcntl.LOCK_EX)
                driver.execute("BEGIN IMMEDIATE")
            except BaseException:
                _release(lock_file, writer)
                raise
            conn.info["majlis_writer"] = True

        def _finish(conn: Any, commit: bool) -> None:
            if not conn.info.pop("majlis_writer", False):
                return
            try:
                driver = conn.connection.driver_connection
                driver.commit() if commit else driver.rollback()  # SQLAlchemy's own call then finds nothing to do
            finally:
                _release(lock_file, writer)

        event.listen(engine, "commit", lambda conn: _finish(conn, True))
        event.listen(engine, "rollback", lambda conn: _finish(conn, False))

        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)
