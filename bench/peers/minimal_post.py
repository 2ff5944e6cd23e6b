"""The floor of the stack, for the posting benchmark: a FastAPI endpoint that validates the same JSON
body and commits one row to SQLite (WAL, synchronous=FULL, like Majlis) before answering 201, and
does nothing else: no screen, no site or article, no decision record, no events.

    MINIMAL_DB=/tmp/x.db uvicorn minimal_post:app --workers 2   (run from bench/peers)

No server that does more work per post on this stack can accept posts faster than this one.
"""

from __future__ import annotations

import os
import sqlite3
import threading

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()
_local = threading.local()
SCHEMA = "CREATE TABLE IF NOT EXISTS comments (id INTEGER PRIMARY KEY, author_name TEXT, author_email TEXT, text TEXT)"


def _connection() -> sqlite3.Connection:
    connection: sqlite3.Connection | None = getattr(_local, "connection", None)
    if connection is None:
        connection = sqlite3.connect(os.environ["MINIMAL_DB"], isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000"):
            connection.execute(f"PRAGMA {pragma}")
        connection.execute(SCHEMA)
        _local.connection = connection
    return connection


class Draft(BaseModel):
    """The body Majlis's posting benchmark sends."""

    author_name: str = Field(min_length=1, max_length=80)
    author_email: str = Field(min_length=3, max_length=254)
    text: str = Field(min_length=1, max_length=5000)


@app.post("/api/v1/sites/{site}/articles/{article}/comments", status_code=201)
def post(site: str, article: str, draft: Draft) -> dict[str, object]:
    """Store the comment and answer once it is committed."""
    connection = _connection()
    connection.execute("BEGIN IMMEDIATE")
    try:
        cursor = connection.execute("INSERT INTO comments (author_name, author_email, text) VALUES (?, ?, ?)",
                                    (draft.author_name, draft.author_email, draft.text))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return {"id": cursor.lastrowid, "state": "approved"}


@app.get("/readyz")
def ready() -> dict[str, str]:
    """For the benchmark's wait."""
    return {"status": "ok"}
