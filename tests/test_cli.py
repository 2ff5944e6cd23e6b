"""The `majlis` command, run in-process with real databases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from majlis.cli import app
from majlis.settings import Settings
from majlis.storage import Store, make_engine, migrate

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


EMAIL = "reader@example.org"


@pytest.fixture
def keyless_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, screener) -> Path:  # type: ignore[no-untyped-def]
    """A SQLite install in `data/` with no MAJLIS_SECRET_KEY, holding one comment by EMAIL."""
    from fastapi.testclient import TestClient

    from majlis.web.app import create_app
    from tests.conftest import comment_body, make_newsroom

    monkeypatch.delenv("MAJLIS_SECRET_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    url = f"sqlite:///{tmp_path / 'data' / 'majlis.db'}"
    monkeypatch.setenv("MAJLIS_DATABASE_URL", url)
    settings = Settings(database_url=url, rate_limits="off")
    store = Store(make_engine(url))
    migrate(store.engine)
    room = make_newsroom(store, premoderate=False)
    with TestClient(create_app(settings, store=store, screener=screener)) as client:
        assert client.post(room.comments_url(), json=comment_body(author_email=EMAIL)).status_code == 201
    store.engine.dispose()
    return tmp_path


def test_privacy_export_run_from_another_folder_finds_the_commenters_data(
    keyless_install: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cron, systemd or an admin's shell run commands elsewhere: the key beside the database is the
    one they read (it used to be made anew in the working folder: "nothing held")."""
    elsewhere = keyless_install / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    exported = runner.invoke(app, ["privacy", "export", EMAIL])
    assert exported.exit_code == 0, exported.output
    assert [c["text"] for c in json.loads(exported.output)["comments"]] == ["A fair point about the budget."]
    assert not (elsewhere / "majlis.secret").exists()


@pytest.mark.parametrize("command", [["privacy", "export", EMAIL], ["site", "create", "gazette"], ["migrate"],
                                     ["serve", "--port", "9"]])
def test_commands_refuse_a_key_that_does_not_fit_the_data(
    keyless_install: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("MAJLIS_SECRET_KEY", "another-key-of-enough-length")
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "error:" in result.output and "not the one" in result.output
    assert "Traceback" not in result.output


def test_commands_refuse_when_the_key_file_is_missing(keyless_install: Path) -> None:
    (keyless_install / "data" / "majlis.secret").unlink()
    result = runner.invoke(app, ["privacy", "export", EMAIL])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "missing" in result.output and str(keyless_install / "data" / "majlis.secret") in result.output
    assert not (keyless_install / "data" / "majlis.secret").exists()


def test_a_database_with_data_but_no_check_and_no_key_file_is_refused(keyless_install: Path) -> None:
    """An install from before the check value whose key was left in some other folder."""
    from sqlalchemy import delete

    from majlis.storage.tables import install

    engine = make_engine(f"sqlite:///{keyless_install / 'data' / 'majlis.db'}")
    with engine.begin() as conn:
        conn.execute(delete(install))
    engine.dispose()
    (keyless_install / "data" / "majlis.secret").unlink()
    result = runner.invoke(app, ["privacy", "export", EMAIL])
    assert result.exit_code == 2 and "missing" in result.output


def test_postgresql_without_a_configured_key_is_refused(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAJLIS_DATABASE_URL", pg_url)
    monkeypatch.delenv("MAJLIS_SECRET_KEY", raising=False)
    result = runner.invoke(app, ["migrate"])
    assert result.exit_code == 2 and "MAJLIS_SECRET_KEY is required" in result.output
