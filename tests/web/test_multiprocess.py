"""Two web processes on one PostgreSQL and one Redis: a decision made through one is what readers of
the other see on their very next request, cached pages included; rate limits are shared; a task
enqueued by one runs on a separate worker process, and so does the webhook its outcome triggers."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from majlis.demo import DEMO_MODERATOR, DEMO_PASSWORD
from majlis.services.webhooks import verify
from tests.conftest import free_port, start_server, throwaway_pg_database
from tests.services.test_webhooks import Receiver

pytestmark = pytest.mark.slow
REDIS_URL = os.environ.get("MAJLIS_TEST_REDIS", "redis://127.0.0.1:6379/14")


@pytest.fixture
def pg_database() -> Iterator[str]:
    with throwaway_pg_database("majlis_multi") as url:
        yield url


def test_two_processes_agree_at_once(pg_database: str, tmp_path: Path) -> None:
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {"MAJLIS_DATABASE_URL": pg_database, "MAJLIS_REDIS_URL": REDIS_URL, "MAJLIS_SECRET_KEY": secrets.token_urlsafe(24),
           "MAJLIS_RATE_LIMITS": "ip:1000/60,email:3/60,site:100000/60", "MAJLIS_WEBHOOK_ALLOW_PRIVATE": "true"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, a = start_server(tmp_path / "a", env)
    second, b = start_server(tmp_path / "b", env)
    processes = [first, second]
    try:
        path = "/api/v1/sites/demo/articles/shared-story/comments"
        posted = httpx.post(a.base + path, json={"author_name": "Reader", "author_email": "r@example.org",
                                                 "text": 'A man called my sister a "whore" near the citadel yesterday.'})
        assert posted.status_code == 201 and posted.json()["state"] == "pending"
        cid = posted.json()["id"]
        assert httpx.get(b.base + path).json()["total"] == 0  # B caches the empty page
        assert httpx.get(b.base + path).json()["total"] == 0
        decided = httpx.post(f"{a.base}/api/v1/moderation/comments/{cid}/decision", json={"decision": "approve"},
                             headers=a.headers())
        assert decided.status_code == 200
        assert [c["id"] for c in httpx.get(b.base + path).json()["comments"]] == [cid]  # at once, through B
        httpx.post(f"{a.base}/api/v1/moderation/comments/{cid}/decision", json={"decision": "reject", "category": "abuse"},
                   headers=a.headers())
        assert httpx.get(b.base + path).json()["comments"] == []  # gone from B on the next request
        # The email limit is shared: two posts through A, the third through B is refused.
        codes = [httpx.post(server.base + path, json={"author_name": "R", "author_email": "limit@example.org",
                                                      "text": f"Remark number {n} on the story"}).status_code
                 for n, server in enumerate([a, a, a, b])]
        assert codes == [201, 201, 201, 429]
        # A settings change through A's desk is re-screened by a separate worker process.
        held = httpx.post(a.base + path, json={"author_name": "Noor", "author_email": "noor@example.org",
                                               "text": 'Someone shouted "whore" at my sister in the market.'}).json()
        assert held["state"] == "pending"
        receiver = Receiver(free_port())
        hook = httpx.post(f"{a.base}/api/v1/sites/demo/webhooks", headers=a.headers(),
                          json={"url": receiver.url, "events": ["comment.rejected"]}).json()
        worker = subprocess.Popen([sys.executable, "-m", "majlis.cli", "worker"], env={**os.environ, **env},
                                  stdout=(tmp_path / "worker.log").open("w"), stderr=subprocess.STDOUT)
        processes.append(worker)
        with httpx.Client(base_url=a.base) as desk:
            token = re.search(r'name="csrf" value="([^"]+)"', desk.get("/moderate/login").text).group(1)  # type: ignore[union-attr]
            desk.post("/moderate/login", data={"email": DEMO_MODERATOR, "password": DEMO_PASSWORD, "csrf": token})
            csrf = re.search(r'data-csrf="([^"]+)"', desk.get("/moderate").text).group(1)  # type: ignore[union-attr]
            saved = desk.post("/moderate/settings/demo", data={"csrf": csrf, "reject_abuse": "0.6", "review_abuse": "0.4",
                                                              "origins": "http://127.0.0.1:8000", "show_reasons": "1"})
            assert saved.status_code == 303, saved.text
        deadline = time.monotonic() + 30
        state = "pending"
        while state == "pending" and time.monotonic() < deadline:
            time.sleep(0.3)
            state = httpx.get(f"{b.base}/api/v1/moderation/comments/{held['id']}", headers=b.headers()).json()["comment"]["state"]
        assert state == "rejected", (tmp_path / "worker.log").read_text()
        # The worker's poller turned the rejections of the re-screen into deliveries, sent by Dramatiq tasks.
        wanted = f'"comment":{{"id":{held["id"]},'
        while not any(wanted in b.decode() for _, b in receiver.received) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        receiver.close()
        bodies = [json.loads(b) for h, b in receiver.received if verify(hook["secret"], h["Majlis-Signature"], b)]
        assert len(bodies) == len(receiver.received) and any(e["comment"]["id"] == held["id"] for e in bodies)
        assert all(e["type"] == "comment.rejected" for e in bodies)
        assert len({e["id"] for e in bodies}) == len(bodies)  # each event once
        assert cid not in {e["comment"]["id"] for e in bodies}  # rejected before the webhook existed: not sent
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
