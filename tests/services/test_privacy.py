"""Personal data: emails encrypted at rest, IPs only as keyed hashes, export, and erasure that
leaves no trace of the email anywhere in the database."""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta

import httpx
import redis
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, update
from typer.testing import CliRunner

from majlis.cli import app as cli
from majlis.screening import Screener
from majlis.services import accounts, mail, privacy, webhooks
from majlis.services.outbox import dispatch
from majlis.settings import Settings
from majlis.storage import Store
from majlis.storage.rows import utcnow
from majlis.storage.tables import comments, metadata, webhook_deliveries
from majlis.web.app import create_app
from tests.conftest import Newsroom, comment_body, make_newsroom

EMAIL = "Private.Person@Example.org"


def every_stored_string(store: Store) -> list[str]:
    """Every text value of every table: the full scan the erasure promise is checked against."""
    values: list[str] = []
    with store.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}"'):
                values += [json.dumps(v) if isinstance(v, (dict, list)) else str(v) for v in row if v is not None]
    return values


def test_email_is_encrypted_at_rest_and_ip_only_hashed(client: TestClient, newsroom: Newsroom, store: Store,
                                                       settings: Settings) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body(author_email=EMAIL)).json()["id"]
    with store.engine.connect() as conn:
        row = conn.execute(select(comments).where(comments.c.id == cid)).one()
    assert EMAIL.lower() not in row.author_email.lower()
    assert privacy.vault(settings, settings.resolved_secret()).decrypt(row.author_email) == "Private.Person@example.org"
    assert row.ip_hash and len(row.ip_hash) == 64 and "testclient" not in every_stored_string(store)
    assert not any(EMAIL.lower() in v.lower() for v in every_stored_string(store))


def test_export_gives_back_the_authors_data(client: TestClient, newsroom: Newsroom, store: Store, settings: Settings) -> None:
    client.post(newsroom.comments_url(), json=comment_body("About the budget vote.", author_email=EMAIL))
    data = privacy.export(store, settings, settings.resolved_secret(), EMAIL)
    assert len(data["comments"]) == 1
    assert data["comments"][0]["text"] == "About the budget vote."
    assert data["comments"][0]["author_email"] == "Private.Person@example.org"
    assert data["comments"][0]["decisions"][0]["action"] == "review"


def test_erase_leaves_no_trace_of_the_email(client: TestClient, newsroom: Newsroom, store: Store, settings: Settings) -> None:
    secret = settings.resolved_secret()
    mine = client.post(newsroom.comments_url(), json=comment_body("My view on the budget.", author_email=EMAIL)).json()["id"]
    other = client.post(newsroom.comments_url(), json=comment_body("Another view.", author_email="else@example.org")).json()["id"]
    for cid in (mine, other):
        client.post(f"/api/v1/moderation/comments/{cid}/decision", json={"decision": "approve", "note": "ok"},
                    headers=newsroom.mod_headers())
    box = privacy.vault(settings, secret)
    key = accounts.author_key(secret, EMAIL)
    assert privacy.erase(store, settings, secret, EMAIL, "test") == 1
    values = every_stored_string(store)
    assert not any(EMAIL.lower() in v.lower() for v in values)
    assert not any(key in v for v in values)  # nothing links back to the author either
    assert not any(box.decrypt(v).lower() == EMAIL.lower() for v in values if v.startswith("gAAAA"))
    assert "My view on the budget." not in values
    listed = client.get(newsroom.comments_url()).json()["comments"]
    assert [(c["author_name"], c["text"]) for c in listed] == [("[removed]", "[removed]"), ("Layla", "Another view.")]
    assert privacy.export(store, settings, secret, EMAIL)["comments"] == []


def test_old_ip_hashes_are_purged(client: TestClient, newsroom: Newsroom, store: Store, settings: Settings) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    assert privacy.purge_ip_hashes(store, settings) == 0
    with store.engine.begin() as conn:
        old = store.comment(cid).created_at - timedelta(days=settings.ip_retention_days + 1)  # type: ignore[union-attr]
        conn.execute(update(comments).where(comments.c.id == cid).values(created_at=old))
    assert privacy.purge_ip_hashes(store, settings) == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(comments.c.ip_hash).where(comments.c.id == cid)).scalar() is None


def test_privacy_commands(client: TestClient, newsroom: Newsroom, store: Store, settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAJLIS_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MAJLIS_SECRET_KEY", settings.secret_key)
    client.post(newsroom.comments_url(), json=comment_body(author_email=EMAIL))
    runner = CliRunner()
    exported = runner.invoke(cli, ["privacy", "export", EMAIL])
    assert exported.exit_code == 0 and json.loads(exported.output)["comments"]
    erased = runner.invoke(cli, ["privacy", "erase", EMAIL, "--yes"])
    assert erased.exit_code == 0 and "erased 1" in erased.output
    assert runner.invoke(cli, ["privacy", "purge"]).exit_code == 0


def test_admin_exports_and_erases_from_the_desk(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    from tests.web.test_desk import PASSWORD, log_in

    cid = client.post(newsroom.comments_url(), json=comment_body(author_email=EMAIL)).json()["id"]
    accounts.create_moderator(store, "boss@courier.example", PASSWORD, is_admin=True, site_slugs=[])
    csrf = log_in(client, "boss@courier.example")
    page = client.get(f"/moderate/comments/{cid}").text
    assert "Private.Person@example.org" in page  # admins see the email
    assert client.get(f"/moderate/privacy/export/{cid}").json()["comments"][0]["id"] == cid
    client.post(f"/moderate/privacy/erase/{cid}", data={"csrf": csrf})
    assert store.comment(cid).author_name == "[removed]"  # type: ignore[union-attr]
    assert store.audit_entries(None, 5)[0]["action"] == "privacy.erase"
    assert not re.search("private.person", client.get(f"/moderate/comments/{cid}").text, re.I)


REDIS_URL = os.environ.get("MAJLIS_TEST_REDIS", "redis://127.0.0.1:6379/3")
NAME = "Zubaida Qasimova"
TEXTS = ("The ferry timetable changed without notice.", "I hope the new bridge opens before the winter.")


def _redis_strings(client: redis.Redis) -> list[str]:
    """Every key and value in the Redis database, whatever its type."""
    found: list[str] = []
    for key in client.scan_iter(count=1000):
        found.append(key.decode(errors="replace"))
        kind = client.type(key).decode()
        values: list[bytes] = []
        if kind == "string":
            values = [client.get(key) or b""]
        elif kind == "list":
            values = client.lrange(key, 0, -1)
        elif kind == "hash":
            values = [b for pair in client.hgetall(key).items() for b in pair]
        elif kind in ("set", "zset"):
            values = list(client.smembers(key)) if kind == "set" else client.zrange(key, 0, -1)
        found += [v.decode(errors="replace") for v in values]
    return found


def _every_column_value(store: Store) -> list[str]:
    """Every non-null value of every column of every table the metadata declares."""
    values: list[str] = []
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                values += [json.dumps(v) if isinstance(v, (dict, list)) else str(v) for v in row if v is not None]
    return values


def test_erase_reaches_deliveries_the_outbox_mail_and_caches(settings: Settings, store: Store, screener: Screener,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    shared = settings.model_copy(update={"redis_url": REDIS_URL, "smtp_host": "127.0.0.1",
                                         "webhook_allow_private": True})
    secret = shared.resolved_secret()
    room = make_newsroom(store, "courier", premoderate=False)
    site = store.site_by_slug(room.site)
    assert site is not None
    hook = store.add_webhook(site.id, "http://localhost:9/hook", privacy.vault(shared, secret).encrypt("whsec_t"),
                      list(webhooks.EVENTS))
    app = create_app(shared, store=store, screener=screener)  # with Redis: no poller races the test's dispatch
    # The author posts from an address of their own (others' comments from it would keep its hash).
    with TestClient(app, client=("198.51.100.23", 40000)) as client, TestClient(app) as others:
        def post(text: str, via: TestClient = client, **extra: object) -> int:
            answer = via.post(room.comments_url(), json=comment_body(text, **extra))
            assert answer.json()["state"] == "approved", answer.text
            return int(answer.json()["id"])

        mine = [post(text, author_name=NAME, author_email=EMAIL, notify=True) for text in TEXTS]
        reply = post("I take the ferry every day too.", others, parent_id=mine[0], author_email="else@example.org")
        control = post("Buses are fine as they are.", others, author_name="Hamid", author_email="hamid@example.org")
        mails: list[tuple[str, int]] = []
        dispatch(store, shared, lambda kind, ref: (mails.append((kind, ref)), app.state.tasks.mail(kind, ref)))
        assert {(kind, ref) for kind, ref in mails} >= {(mail.PUBLISHED, mine[0]), (mail.PUBLISHED, mine[1])}
        failing = httpx.Client(transport=httpx.MockTransport(lambda _: httpx.Response(503)))
        for delivery_id in store.claim_due_deliveries(timedelta(minutes=2)):  # logged, waiting for a retry
            webhooks.attempt(store, shared, secret, delivery_id, client=failing)
        late = post("One more thought on the ferry.", author_name=NAME, author_email=EMAIL)  # its events wait
        assert NAME in client.get(room.comments_url()).text  # the page is now cached in Redis
    with store.engine.connect() as conn:
        rows = conn.execute(select(comments).where(comments.c.id.in_([*mine, late]))).all()
    needles = {NAME, *TEXTS, EMAIL.lower(), accounts.author_key(secret, EMAIL)}
    needles |= {v for r in rows for v in (r.author_email, r.author_key, r.ip_hash, r.text_sha256) if v}
    assert any(NAME in v for v in _every_column_value(store)) and any(NAME in v for v in _redis_strings(cache))

    monkeypatch.setenv("MAJLIS_DATABASE_URL", shared.database_url)
    monkeypatch.setenv("MAJLIS_SECRET_KEY", shared.secret_key)
    monkeypatch.setenv("MAJLIS_REDIS_URL", REDIS_URL)
    erased = CliRunner().invoke(cli, ["privacy", "erase", EMAIL, "--yes"])
    assert erased.exit_code == 0 and "erased 3" in erased.output, erased.output

    for where, values in (("database", _every_column_value(store)), ("redis", _redis_strings(cache))):
        for needle in needles:
            assert not any(needle.lower() in v.lower() for v in values), (where, needle)
    assert any("Hamid" in v for v in _every_column_value(store))  # other authors are untouched
    # Nothing about the erased comments goes out any more: no delivery, no new event, no e-mail.
    with store.engine.begin() as conn:
        conn.execute(update(webhook_deliveries).where(webhook_deliveries.c.status == "pending")
                     .values(next_attempt_at=utcnow() - timedelta(seconds=1)))
    assert dispatch(store, shared, lambda kind, ref: mails.append((kind, ref))) == 0
    sent: list[dict[str, object]] = []
    recording = httpx.Client(transport=httpx.MockTransport(
        lambda request: (sent.append(json.loads(request.content)), httpx.Response(200))[1]))
    for delivery_id in store.claim_due_deliveries(timedelta(minutes=2)):
        webhooks.attempt(store, shared, secret, delivery_id, client=recording)
    assert sent and {e["comment"]["id"] for e in sent} <= {control, reply}  # type: ignore[index]
    assert all(mail.compose(store, shared, secret, kind, ref) == [] for kind, ref in mails if ref != control)
    cancelled = [d for d in store.deliveries_of(int(hook["id"]), 100) if d["status"] == "cancelled"]
    assert cancelled and all(json.loads(d["payload"])["comment"]["text"] == "[removed]" for d in cancelled)
