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
