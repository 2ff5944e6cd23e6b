"""Personal data: emails encrypted at rest, IPs only as keyed hashes, export, and erasure that
leaves no trace of the email anywhere in the database."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, update
from typer.testing import CliRunner

from majlis.cli import app as cli
from majlis.services import accounts, privacy
from majlis.settings import Settings
from majlis.storage import Store
from majlis.storage.tables import comments
from tests.conftest import Newsroom, comment_body

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
