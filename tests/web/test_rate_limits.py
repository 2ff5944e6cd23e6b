"""Rate limits: sliding windows in-process and in Redis, 429 with Retry-After, and a flood from one
address that does not slow other readers down."""

from __future__ import annotations

import os
import statistics
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from majlis.settings import Settings
from majlis.storage import Store
from majlis.web.ratelimit import Limit, MemoryWindow, RateLimiter, RedisWindow, parse_limits
from tests.conftest import comment_body, make_newsroom, start_server

REDIS_URL = os.environ.get("MAJLIS_TEST_REDIS", "redis://127.0.0.1:6379/15")


def test_bad_limit_and_proxy_settings_are_refused_at_start() -> None:
    with pytest.raises(ValueError):
        Settings(rate_limits="ip:ten/60")
    with pytest.raises(ValueError):
        Settings(trusted_proxies="not-an-address")
    assert Settings(trusted_proxies="10.0.0.0/8, ::1").trusted_proxies


def test_limits_parse_and_switch_off() -> None:
    assert parse_limits("ip:10/60,site:300/60.5") == (Limit("ip", 10, 60.0), Limit("site", 300, 60.5))
    assert parse_limits("off") == () == parse_limits("")
    with pytest.raises(ValueError):
        parse_limits("planet:1/1")


@pytest.mark.parametrize("backend", ["memory", "redis"])
def test_sliding_window(backend: str) -> None:
    window = MemoryWindow() if backend == "memory" else RedisWindow(REDIS_URL)
    key = "test:" + uuid.uuid4().hex
    assert [window.hit(key, 3, 0.5) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = window.hit(key, 3, 0.5)
    assert 0 < wait <= 0.5
    time.sleep(wait + 0.05)
    assert window.hit(key, 3, 0.5) == 0.0


def test_redis_window_is_shared_between_processes_worth_of_limiters() -> None:
    key = {"ip": "198.51.100.7"}
    first = RateLimiter((Limit("ip", 2, 5),), RedisWindow(REDIS_URL), b"k" * 16)
    second = RateLimiter((Limit("ip", 2, 5),), RedisWindow(REDIS_URL), b"k" * 16)
    redis.Redis.from_url(REDIS_URL).flushdb()
    assert first.check(key) is None and second.check(key) is None
    limited = first.check(key)
    assert limited is not None and limited[0] == "ip"


def test_posting_past_the_limit_gets_429_with_retry_after(store: Store, screener, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from majlis.web.app import create_app

    room = make_newsroom(store)
    limited = settings.model_copy(update={"rate_limits": "ip:3/60"})
    with TestClient(create_app(limited, store=store, screener=screener)) as client:
        codes = [client.post(room.comments_url(), json=comment_body(f"Comment {n} on the budget")).status_code for n in range(4)]
        assert codes == [201, 201, 201, 429]
        refused = client.post(room.comments_url(), json=comment_body("One more"))
        assert refused.json()["field"] == "rate" and 0 < int(refused.headers["retry-after"]) <= 60
        assert client.get(room.comments_url()).status_code == 200  # reading is never limited


def test_email_limit_holds_across_addresses(store: Store, screener, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from majlis.web.app import create_app

    room = make_newsroom(store)
    limited = settings.model_copy(update={"rate_limits": "email:2/60"})
    with TestClient(create_app(limited, store=store, screener=screener)) as client:
        codes = [client.post(room.comments_url(), json=comment_body(f"Note {n}"),
                             headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code for n in range(3)]
        assert codes == [201, 201, 429]


@pytest.mark.slow
def test_a_flood_gets_429s_while_other_readers_stay_fast(tmp_path: Path) -> None:
    process, server = start_server(tmp_path, {"MAJLIS_RATE_LIMITS": "ip:10/60,email:5/60,site:100000/60",
                                              "MAJLIS_TRUSTED_PROXIES": "127.0.0.1"})
    url = f"{server.base}/api/v1/sites/demo/articles/tigris-bridge-reopens/comments"
    statuses: list[int] = []
    stop = threading.Event()

    def flood() -> None:
        with httpx.Client(headers={"X-Forwarded-For": "198.51.100.66"}) as attacker:
            n = 0
            while not stop.is_set() and n < 3000:
                n += 1
                statuses.append(attacker.post(url, json={"author_name": "bot", "author_email": f"bot{n}@example.org",
                                                         "text": f"buy now {n}"}).status_code)

    try:
        attacker = threading.Thread(target=flood)
        attacker.start()
        time.sleep(0.5)
        latencies = []
        with httpx.Client(headers={"X-Forwarded-For": "203.0.113.5"}) as reader:
            for _ in range(200):
                started = time.perf_counter()
                assert reader.get(url).status_code == 200
                latencies.append((time.perf_counter() - started) * 1000)
        stop.set()
        attacker.join(timeout=30)
        latencies.sort()
        p99 = latencies[int(len(latencies) * 0.99) - 1]
        assert statuses.count(429) > 50 and statuses.count(201) <= 10
        assert p99 < 50, f"reader p99 {p99:.1f} ms (median {statistics.median(latencies):.1f})"
    finally:
        stop.set()
        process.terminate()
        process.wait(timeout=20)
