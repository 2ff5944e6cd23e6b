"""`/metrics` is served only to the holder of the metrics token, and not at all without one."""

from __future__ import annotations

import secrets

from fastapi.testclient import TestClient

from majlis.screening import Screener
from majlis.settings import Settings
from majlis.storage import Store
from majlis.web.app import create_app
from tests.conftest import metrics_headers


def test_metrics_need_the_token(client: TestClient, settings: Settings) -> None:
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics").headers["www-authenticate"] == "Bearer"
    wrong = client.get("/metrics", headers={"Authorization": "Bearer " + secrets.token_urlsafe(24)})
    assert wrong.status_code == 401 and "majlis_" not in wrong.text
    assert client.get("/metrics", headers={"Authorization": f"Basic {settings.metrics_token}"}).status_code == 401
    served = client.get("/metrics", headers=metrics_headers(settings))
    assert served.status_code == 200 and "majlis_requests_total" in served.text


def test_metrics_are_off_without_a_token(settings: Settings, store: Store, screener: Screener) -> None:
    quiet = settings.model_copy(update={"metrics_token": ""})
    with TestClient(create_app(quiet, store=store, screener=screener)) as client:
        answer = client.get("/metrics", headers=metrics_headers(settings))
        assert answer.status_code == 404 and "MAJLIS_METRICS_TOKEN" in answer.json()["message"]


def test_a_weak_metrics_token_is_refused() -> None:
    for weak in ("changeme", "short"):
        try:
            Settings(metrics_token=weak)
        except ValueError as error:
            assert "MAJLIS_METRICS_TOKEN" in str(error)
        else:
            raise AssertionError(f"{weak!r} was accepted")
