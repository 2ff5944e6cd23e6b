"""The `majlis` command, run in-process with real databases."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from majlis.cli import app
from majlis.settings import Settings
from majlis.storage import Store

runner = CliRunner()


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("MAJLIS_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MAJLIS_SECRET_KEY", settings.secret_key)
    return settings


def test_site_create_prints_a_working_publisher_token(env: Settings, store: Store) -> None:
    result = runner.invoke(app, ["site", "create", "courier", "--name", "The Courier",
                                 "--origin", "https://courier.example", "--language", "ar"])
    assert result.exit_code == 0, result.output
    token = re.search(r"(mj_\S+)", result.output)
    assert token
    site = store.site_by_slug("courier")
    assert site is not None and site.language == "ar" and site.origins == ("https://courier.example",)
    from majlis.services.accounts import token_for

    found = token_for(store, token.group(1))
    assert found is not None and found.site_id == site.id


def test_site_create_refuses_bad_input(env: Settings) -> None:
    assert runner.invoke(app, ["site", "create", "Bad Slug!"]).exit_code == 2
    assert runner.invoke(app, ["site", "create", "ok", "--language", "xx"]).exit_code == 2
    assert runner.invoke(app, ["site", "create", "ok", "--origin", "courier.example"]).exit_code == 2
    assert runner.invoke(app, ["site", "create", "ok"]).exit_code == 0
    duplicate = runner.invoke(app, ["site", "create", "ok"])
    assert duplicate.exit_code == 2 and "exists" in duplicate.output


def test_moderator_create_with_password_from_stdin(env: Settings, store: Store) -> None:
    runner.invoke(app, ["site", "create", "courier"])
    result = runner.invoke(
        app, ["moderator", "create", "Editor@Courier.example", "--site", "courier", "--password-stdin", "--token"],
        input="a long passphrase\n",
    )
    assert result.exit_code == 0, result.output
    moderator = store.moderator_by_email("editor@courier.example")
    assert moderator is not None and not moderator.is_admin
    assert moderator.password_hash.startswith("$argon2")
    assert "a long passphrase" not in moderator.password_hash
    assert re.search(r"mj_\S+", result.output)


def test_moderator_create_refuses_short_password_and_unknown_site(env: Settings) -> None:
    short = runner.invoke(app, ["moderator", "create", "a@b.example", "--admin", "--password-stdin"], input="short\n")
    assert short.exit_code == 2
    unknown = runner.invoke(app, ["moderator", "create", "a@b.example", "--site", "nope", "--password-stdin"],
                            input="a long passphrase\n")
    assert unknown.exit_code == 2


def test_migrate_command(env: Settings) -> None:
    result = runner.invoke(app, ["migrate"])
    assert result.exit_code == 0 and "up to date" in result.output


def test_tokens_are_listed_and_revoked(env: Settings, store: Store) -> None:
    created = runner.invoke(app, ["site", "create", "courier"])
    token = re.search(r"(mj_\S+)", created.output).group(1)  # type: ignore[union-attr]
    listed = runner.invoke(app, ["token", "list"])
    assert listed.exit_code == 0 and "publisher" in listed.output and "live" in listed.output
    assert token not in listed.output  # tokens are never shown again
    token_id = int(listed.output.split()[0])
    assert runner.invoke(app, ["token", "revoke", str(token_id)]).exit_code == 0
    from majlis.services.accounts import token_for

    assert token_for(store, token) is None
    assert runner.invoke(app, ["token", "revoke", "9999"]).exit_code == 2
    assert [a["action"] for a in store.audit_entries(None, 5)][:2] == ["token.revoke", "site.create"]


def test_server_purges_old_ip_hashes_at_start(settings: Settings, store: Store) -> None:
    from datetime import timedelta

    from fastapi.testclient import TestClient
    from sqlalchemy import select, update

    from majlis.storage.tables import comments
    from majlis.web.app import create_app
    from tests.conftest import comment_body, make_newsroom

    room = make_newsroom(store)
    with TestClient(create_app(settings, store=store)) as client:
        cid = client.post(room.comments_url(), json=comment_body()).json()["id"]
    with store.engine.begin() as conn:
        conn.execute(update(comments).where(comments.c.id == cid).values(
            created_at=store.comment(cid).created_at - timedelta(days=settings.ip_retention_days + 2)))  # type: ignore[union-attr]
    with TestClient(create_app(settings, store=store)):
        pass  # startup runs the purge
    with store.engine.connect() as conn:
        assert conn.execute(select(comments.c.ip_hash).where(comments.c.id == cid)).scalar() is None


def test_help_texts_are_printed_as_written() -> None:
    """Square brackets in a help text are words, not Rich markup to swallow."""
    result = runner.invoke(app, ["privacy", "erase", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert '"[removed]"' in result.output
