"""The SQLite database is created readable by its owner only, with its -wal and -shm files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sqlalchemy import text

from majlis.storage import make_engine, migrate


def test_sqlite_files_are_created_0600(tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the usual umask, under which SQLite alone made the file 0644
    try:
        engine = make_engine(f"sqlite:///{tmp_path / 'majlis.db'}")
        migrate(engine)
        with engine.begin() as conn:  # a write, so the WAL and its index exist
            conn.execute(text("CREATE TABLE probe (x INTEGER)"))
            with engine.connect() as reader:
                reader.execute(text("SELECT 1")).all()
            files = [tmp_path / name for name in ("majlis.db", "majlis.db-wal", "majlis.db-shm")]
            for path in files:
                assert path.exists(), path
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, (path, oct(path.stat().st_mode))
        engine.dispose()
    finally:
        os.umask(previous)


def test_an_existing_database_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    path.touch(mode=0o640)
    path.chmod(0o640)
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    engine.dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_statement_never_carries_its_parameters(tmp_path: Path) -> None:
    """What `log.exception` would write of a database error names the statement, not the values:
    a comment's text or an author's name must not reach the logs."""
    engine = make_engine(f"sqlite:///{tmp_path / 'majlis.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)"))
        connection.execute(text("INSERT INTO t (body) VALUES (:body)"), {"body": "Amina Barzani wrote this"})
    try:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO t (body) VALUES (:body)"), {"body": "Amina Barzani wrote this"})
    except Exception as error:  # noqa: BLE001 - the message is what the test reads
        message = str(error)
    else:
        raise AssertionError("the duplicate insert should fail")
    assert "UNIQUE" in message
    assert "Amina" not in message
