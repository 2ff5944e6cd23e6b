"""A 201 means committed: kill the server with SIGKILL in the middle of a write load, then every
acknowledged comment is in the database, byte for byte, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import secrets
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from majlis.storage import make_engine
from majlis.storage.tables import comments
from tests.conftest import start_server, throwaway_pg_database

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'durable.db'}"
        return
    with throwaway_pg_database("majlis_kill") as url:
        yield url


def test_every_acknowledged_comment_survives_sigkill(fresh_db: str, tmp_path: Path) -> None:
    # PostgreSQL has no folder to keep a generated key in: it is configured (docs/configuration.md).
    process, server = start_server(tmp_path, {"MAJLIS_DATABASE_URL": fresh_db, "MAJLIS_RATE_LIMITS": "off",
                                              "MAJLIS_SECRET_KEY": secrets.token_urlsafe(24)})
    url = f"{server.base}/api/v1/sites/demo/articles/durability/comments"
    acknowledged: dict[int, str] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def writer(worker: int) -> None:
        with httpx.Client(timeout=5) as client:
            for n in range(10_000):
                if stop.is_set():
                    return
                body = f"Worker {worker} comment {n} about the budget {secrets.token_hex(4)} ✓"
                try:
                    response = client.post(url, json={"author_name": f"w{worker}", "author_email": f"w{worker}@example.org",
                                                      "text": body})
                except httpx.HTTPError:
                    return  # the server is gone: this write was never acknowledged
                if response.status_code == 201:
                    with lock:
                        acknowledged[response.json()["id"]] = body

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)  # in the middle of the load
    process.wait(timeout=10)
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    assert len(acknowledged) >= 40
    engine = make_engine(fresh_db)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(comments.c.id, comments.c.text)).all())
    engine.dispose()
    missing = {cid: body for cid, body in acknowledged.items() if stored.get(cid) != body}
    assert not missing, f"{len(missing)} acknowledged comments lost"
