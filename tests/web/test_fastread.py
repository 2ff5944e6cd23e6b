"""Cached pages of comments are answered before routing, with the same bytes and headers as the app
gives; misses and unusual queries go to the app."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from majlis.settings import Settings
from majlis.storage import Store
from majlis.web.fastread import _query
from tests.conftest import comment_body, make_newsroom, metrics_headers


def test_query_parsing_defers_anything_unusual_to_the_app() -> None:
    assert _query(b"") == ("oldest", None, None)
    assert _query(b"limit=200&order=newest") == ("newest", 200, None)
    assert _query(b"limit=abc") is None and _query(b"limit=1&limit=2") is None
    assert _query(b"foo=1") is None and _query(b"%ff=1") is None


def test_a_cached_page_is_the_apps_page_and_stays_fresh(client: TestClient, store: Store) -> None:
    room = make_newsroom(store, premoderate=False)
    posted = client.post(room.comments_url(), json=comment_body("The budget forgets the water plant."))
    assert posted.json()["state"] == "approved"
    url = room.comments_url() + "?limit=50"
    built = client.get(url, headers={"Origin": "http://localhost:8000"})
    served = client.get(url, headers={"Origin": "http://localhost:8000"})  # from the cache, before routing
    assert built.content == served.content
    for name in ("etag", "content-type", "cache-control", "access-control-allow-origin", "x-content-type-options"):
        assert built.headers[name] == served.headers[name], name
    assert client.get(url, headers={"If-None-Match": served.headers["etag"]}).status_code == 304
    assert client.head(url).status_code == 200 and client.head(url).content == b""
    second = client.post(room.comments_url(), json=comment_body("And the schools budget is late again."))
    assert len(client.get(url).json()["comments"]) == 2 and second.json()["state"] == "approved"
    assert client.get(room.comments_url() + "?limit=abc").status_code == 422


def test_cached_reads_are_counted_under_their_route(client: TestClient, store: Store, settings: Settings) -> None:
    room = make_newsroom(store, premoderate=False)
    for _ in range(3):
        assert client.get(room.comments_url()).status_code == 200
    metrics = client.get("/metrics", headers=metrics_headers(settings)).text
    line = next(l for l in metrics.splitlines() if l.startswith("majlis_requests_total")
                and 'route="/api/v1/sites/{site}/articles/{article}/comments"' in l and 'method="GET"' in l and 'status="200"' in l)
    assert float(line.rsplit(" ", 1)[1]) == 3


def test_reads_do_not_ask_opentelemetry_for_its_providers(client: TestClient, store: Store,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """FastAPI's own telemetry is off: Majlis counts requests itself (`/metrics`), and asking the
    global providers on every request cost a read about 7% of its time."""
    from opentelemetry import _logs, metrics, trace

    asked: list[str] = []
    for module, name in ((trace, "get_tracer_provider"), (metrics, "get_meter_provider"),
                         (_logs, "get_logger_provider")):
        def recording(name: str = name, real: Any = getattr(module, name)) -> Any:
            asked.append(name)
            return real()

        monkeypatch.setattr(module, name, recording)
    room = make_newsroom(store, premoderate=False)
    for _ in range(3):
        assert client.get(room.comments_url()).status_code == 200
    assert client.post(room.comments_url(), json=comment_body("The budget forgets the water plant.")).status_code == 201
    assert asked == []


def test_the_loaded_screen_is_out_of_the_collectors_sight_once_the_app_runs(client: TestClient) -> None:
    """Full collections over the screen's large, long-lived heap showed as read latency: the app
    freezes what is loaded when it starts."""
    import gc

    screener = client.app.state.screener  # type: ignore[attr-defined]
    assert gc.get_freeze_count() > 0
    assert not any(tracked is screener for tracked in gc.get_objects())


def test_readers_arriving_together_at_a_missing_page_build_it_once(client: TestClient, store: Store,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """When a popular page expires or changes, the readers asking for it at that moment wait for one
    build and get its bytes, instead of each building it."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from majlis.web.api import comments as route

    room = make_newsroom(store, premoderate=False)
    client.post(room.comments_url(), json=comment_body("The budget forgets the water plant."))
    builds = 0
    build = route.approved_comments

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal builds
        builds += 1
        time.sleep(0.2)  # a slow build: every reader below arrives while it runs
        return build(*args, **kwargs)

    monkeypatch.setattr(route, "approved_comments", counted)

    async def readers(url: str, count: int) -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=client.app)  # the running app, in this event loop
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as reader:
            return await asyncio.gather(*(reader.get(url) for _ in range(count)))

    def run(coroutine):  # type: ignore[no-untyped-def]
        # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(asyncio.run, coroutine).result(timeout=60)

    answers = run(readers(room.comments_url() + "?limit=20", 12))
    assert builds == 1
    assert {a.status_code for a in answers} == {200} and len({a.content for a in answers}) == 1
    assert len(answers[0].json()["comments"]) == 1
    # A page the app does not cache (no such article) is not waited for in vain: every reader is answered.
    missing = run(readers(f"/api/v1/sites/{room.site}/articles/nowhere/comments", 3))
    assert all(m.status_code == 200 and m.json()["comments"] == [] for m in missing)
