"""Webhooks: signed events for created, approved and rejected comments, delivered by the task queue
to a real HTTP receiver, retried through its outage, logged, and testable on demand."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient

from majlis.services.webhooks import backoff, sign, verify
from majlis.settings import Settings
from majlis.storage import Store
from tests.conftest import comment_body, free_port, make_newsroom


class Receiver:
    """A CMS's webhook endpoint on a real port: records every request, fails the first `fail` ones."""

    def __init__(self, port: int, fail: int = 0) -> None:
        self.port = port
        self.fail = fail
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.requests = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests += 1
                if receiver.requests <= receiver.fail:
                    self.send_response(503)
                    self.end_headers()
                    return
                receiver.received.append(({k: v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/majlis"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def wait_for(check: Callable[[], Any], seconds: float = 20.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return settings.model_copy(update={"outbox_poll_seconds": 0.05, "webhook_retry_base_seconds": 0.2,
                                       "webhook_timeout_seconds": 2.0, "webhook_allow_private": True})


@pytest.fixture
def live_client(fast: Settings, store: Store, screener) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from majlis.web.app import create_app

    with TestClient(create_app(fast, store=store, screener=screener)) as client:  # runs the poller
        yield client


def test_signatures_verify_and_refuse_tampering_or_staleness() -> None:
    body = b'{"type":"comment.created"}'
    header = sign("whsec_x", 1_700_000_000, body)
    assert header.startswith("t=1700000000,v1=")
    assert verify("whsec_x", header, body, now=1_700_000_100)
    assert not verify("whsec_x", header, body + b" ", now=1_700_000_100)
    assert not verify("whsec_y", header, body, now=1_700_000_100)
    assert not verify("whsec_x", header, body, now=1_700_000_000 + 301)  # replayed later
    assert not verify("whsec_x", "garbage", body)


def test_backoff_doubles_up_to_its_cap() -> None:
    assert [backoff(n, 10).total_seconds() for n in (1, 2, 3, 4)] == [10, 20, 40, 80]
    assert backoff(30, 10).total_seconds() == 3600


def test_events_reach_the_receiver_signed_and_survive_its_outage(live_client: TestClient, store: Store) -> None:
    room = make_newsroom(store)
    port = free_port()  # nobody listens yet: the receiver is down
    made = live_client.post(f"/api/v1/sites/{room.site}/webhooks", headers=room.pub_headers(),
                            json={"url": f"http://127.0.0.1:{port}/hooks/majlis"})
    assert made.status_code == 201, made.text
    hook = made.json()
    assert hook["secret"].startswith("whsec_") and hook["events"] == ["comment.approved", "comment.created", "comment.rejected"]
    assert "secret" not in live_client.get(f"/api/v1/sites/{room.site}/webhooks", headers=room.pub_headers()).json()[0]

    posted = live_client.post(room.comments_url(), json=comment_body("The budget leaves out the water plant again."))
    assert posted.status_code == 201 and posted.json()["state"] == "pending"
    log_url = f"/api/v1/sites/{room.site}/webhooks/{hook['id']}/deliveries"
    failing = wait_for(lambda: [d for d in live_client.get(log_url, headers=room.pub_headers()).json()
                                if d["attempts"] >= 2])
    assert failing[0]["status"] == "pending" and "Connect" in failing[0]["last_error"]

    receiver = Receiver(port)  # the receiver comes back
    try:
        comment_id = posted.json()["id"]
        decided = live_client.post(f"/api/v1/moderation/comments/{comment_id}/decision", headers=room.mod_headers(),
                                   json={"decision": "approve"})
        assert decided.status_code == 200, decided.text
        events = wait_for(lambda: len(receiver.received) >= 2 and receiver.received)
        kinds = []
        for headers, body in events:
            assert verify(hook["secret"], headers["Majlis-Signature"], body)
            event = json.loads(body)
            kinds.append(event["type"])
            assert headers["Majlis-Event"] == event["type"] and event["site"] == room.site
            assert event["comment"]["id"] == comment_id and event["comment"]["article"]["key"] == room.article
            assert "layla@example.org" not in body.decode() and "email" not in event["comment"]
        assert sorted(kinds) == ["comment.approved", "comment.created"]
        # The receiver may answer before the sender has written "delivered" in the log.
        log = wait_for(lambda: (rows := live_client.get(log_url, headers=room.pub_headers()).json())
                       and {d["status"] for d in rows} == {"delivered"} and rows)
        assert max(d["attempts"] for d in log) >= 3  # retried through the outage
    finally:
        receiver.close()


def test_rejections_are_sent_and_unsubscribed_events_are_not(live_client: TestClient, store: Store) -> None:
    room = make_newsroom(store, premoderate=False)
    receiver = Receiver(free_port())
    try:
        made = live_client.post(f"/api/v1/sites/{room.site}/webhooks", headers=room.pub_headers(),
                                json={"url": receiver.url, "events": ["comment.rejected"]})
        assert made.status_code == 201
        live_client.post(room.comments_url(), json=comment_body("A fair point about the water budget and the schools."))
        rejected = live_client.post(room.comments_url(), json=comment_body("You are a stupid idiot and a moron."))
        assert rejected.json()["state"] == "rejected"
        event = json.loads(wait_for(lambda: receiver.received)[0][1])
        time.sleep(0.3)
        assert len(receiver.received) == 1 and event["type"] == "comment.rejected"
        assert event["comment"]["id"] == rejected.json()["id"]
    finally:
        receiver.close()


def test_test_endpoint_reports_the_receivers_answer(live_client: TestClient, store: Store) -> None:
    room = make_newsroom(store)
    receiver = Receiver(free_port(), fail=1)
    try:
        hook = live_client.post(f"/api/v1/sites/{room.site}/webhooks", headers=room.pub_headers(),
                                json={"url": receiver.url}).json()
        url = f"/api/v1/sites/{room.site}/webhooks/{hook['id']}/test"
        first = live_client.post(url, headers=room.pub_headers()).json()
        assert first["delivered"] is False and first["status_code"] == 503
        second = live_client.post(url, headers=room.pub_headers()).json()
        assert second["delivered"] is True and second["status_code"] == 204
        headers, body = receiver.received[0]
        assert verify(hook["secret"], headers["Majlis-Signature"], body)
        assert json.loads(body)["type"] == "webhook.test"
    finally:
        receiver.close()


def test_bad_requests_and_other_sites_are_refused(live_client: TestClient, store: Store) -> None:
    room = make_newsroom(store)
    other = make_newsroom(store, slug="herald")
    url = f"/api/v1/sites/{room.site}/webhooks"
    assert live_client.post(url, json={"url": "https://cms.example/hook"}).status_code == 401
    assert live_client.post(url, headers=other.pub_headers(), json={"url": "https://cms.example/hook"}).status_code == 403
    assert live_client.post(url, headers=room.mod_headers(), json={"url": "https://cms.example/hook"}).status_code == 403
    bad_url = live_client.post(url, headers=room.pub_headers(), json={"url": "ftp://cms.example/hook"})
    assert bad_url.status_code == 422 and "url" in bad_url.text
    bad_event = live_client.post(url, headers=room.pub_headers(), json={"url": "https://cms.example/h", "events": ["comment.eaten"]})
    assert bad_event.status_code == 422 and "events" in bad_event.text
    assert live_client.get(url, headers=room.pub_headers()).json() == []
    hook = live_client.post(url, headers=room.pub_headers(), json={"url": "https://cms.example/h"}).json()
    assert live_client.get(f"/api/v1/sites/{other.site}/webhooks/{hook['id']}/deliveries",
                           headers=other.pub_headers()).status_code == 404
    assert live_client.delete(f"{url}/{hook['id']}", headers=room.pub_headers()).status_code == 204
    assert live_client.get(url, headers=room.pub_headers()).json() == []


def test_private_addresses_are_refused_unless_allowed(client: TestClient, store: Store, settings: Settings) -> None:
    room = make_newsroom(store)
    url = f"/api/v1/sites/{room.site}/webhooks"
    for target in ("http://127.0.0.1:8080/hook", "http://10.1.2.3/hook", "http://[::1]/hook", "http://169.254.169.254/latest",
                   "http://localhost/hook"):
        refused = client.post(url, headers=room.pub_headers(), json={"url": target})
        assert refused.status_code == 422 and "non-public address" in refused.text, target
    # Registered while allowed, refused at delivery once it is not: each attempt checks again.
    client.app.state.settings = settings.model_copy(update={"webhook_allow_private": True})
    hook = client.post(url, headers=room.pub_headers(), json={"url": "http://127.0.0.1:9/hook"}).json()
    client.app.state.settings = settings
    tested = client.post(f"{url}/{hook['id']}/test", headers=room.pub_headers()).json()
    assert tested["delivered"] is False and "non-public address" in tested["error"]


def hook_of_a_new_site(store: Store, settings: Settings) -> dict[str, Any]:
    """A webhook (to a closed local port) registered on a new newsroom's site, through the service."""
    from majlis.services import webhooks

    room = make_newsroom(store)
    site = store.site_by_slug(room.site)
    assert site is not None
    hook, _ = webhooks.create(store, settings.model_copy(update={"webhook_allow_private": True}),
                              settings.resolved_secret(), site, "http://127.0.0.1:9/hook", None)
    return hook


def test_old_handled_events_and_finished_deliveries_are_purged(store: Store, settings: Settings) -> None:
    from datetime import UTC, datetime, timedelta

    hook = hook_of_a_new_site(store, settings)
    done = store.add_delivery(hook["id"], "webhook.test", "{}")
    store.record_attempt(done, status_code=500, error="HTTP 500", delivered=False, next_attempt_at=None)
    waiting = store.add_delivery(hook["id"], "webhook.test", "{}")
    assert store.purge_handled(datetime.now(UTC) - timedelta(days=1)) == 0  # nothing old enough yet
    assert store.purge_handled(datetime.now(UTC) + timedelta(seconds=1)) == 1  # the failed one; not the pending
    assert [d["id"] for d in store.deliveries_of(hook["id"])] == [waiting]


def test_a_test_delivery_is_never_claimed_by_the_poller(store: Store, settings: Settings) -> None:
    """The request that sends a test event tries it itself; the poller must not race it to the receiver."""
    from datetime import timedelta

    hook = hook_of_a_new_site(store, settings)
    tested = store.add_delivery(hook["id"], "webhook.test", "{}")
    assert tested not in store.claim_due_deliveries(timedelta(seconds=30))
    assert store.delivery(tested)["status"] == "pending"  # type: ignore[index]
