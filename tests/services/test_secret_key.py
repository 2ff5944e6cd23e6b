"""One secret key per install, tied to its database and checked against the data it made."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from majlis.services.secret_key import CHECK, SecretKeyError, check_value, install_secret
from majlis.settings import Settings
from majlis.storage import Store, make_engine, migrate


def sqlite_store(folder: Path) -> tuple[Settings, Store]:
    folder.mkdir(parents=True, exist_ok=True)
    settings = Settings(database_url=f"sqlite:///{folder / 'majlis.db'}")
    store = Store(make_engine(settings.database_url))
    migrate(store.engine)
    return settings, store


def test_the_generated_key_lives_beside_the_sqlite_database_not_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MAJLIS_SECRET_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    settings, store = sqlite_store(tmp_path / "data")
    secret = install_secret(settings, store)
    kept = tmp_path / "data" / "majlis.secret"
    assert kept.read_text().strip().encode() == secret
    assert kept.stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / "majlis.secret").exists()
    assert store.install_value(CHECK) == check_value(secret)
    assert install_secret(settings, store) == secret  # read again, same key


def test_a_configured_key_is_checked_against_the_data(settings: Settings, store: Store) -> None:
    assert install_secret(settings, store) == settings.secret_key.encode()
    other = settings.model_copy(update={"secret_key": secrets.token_urlsafe(24)})
    with pytest.raises(SecretKeyError, match="not the one this database's data was made with"):
        install_secret(other, store)


def test_a_missing_key_file_is_not_replaced_once_the_check_is_recorded(tmp_path: Path) -> None:
    settings, store = sqlite_store(tmp_path)
    install_secret(settings, store)
    (tmp_path / "majlis.secret").unlink()
    with pytest.raises(SecretKeyError, match="missing"):
        install_secret(settings, store)
    assert not (tmp_path / "majlis.secret").exists()  # nothing was made up in its place


def test_a_database_from_before_the_check_records_the_key_found_beside_it(tmp_path: Path) -> None:
    """An install made before the check value (a demo whose `majlis.secret` sat in the working
    folder beside a relative SQLite path) keeps its key: the first command records its check."""
    settings, store = sqlite_store(tmp_path)
    old = secrets.token_urlsafe(48)
    (tmp_path / "majlis.secret").write_text(old + "\n")
    assert store.install_value(CHECK) is None
    assert install_secret(settings, store) == old.encode()
    assert store.install_value(CHECK) == check_value(old.encode())


def test_postgresql_needs_a_configured_key(settings: Settings, store: Store) -> None:
    if not settings.database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    with pytest.raises(SecretKeyError, match="MAJLIS_SECRET_KEY is required"):
        install_secret(settings.model_copy(update={"secret_key": ""}), store)


def test_the_app_refuses_to_start_on_another_key(settings: Settings, store: Store, screener) -> None:  # type: ignore[no-untyped-def]
    from majlis.web.app import create_app

    create_app(settings, store=store, screener=screener)
    with pytest.raises(SecretKeyError):
        create_app(settings.model_copy(update={"secret_key": secrets.token_urlsafe(24)}), store=store, screener=screener)


def test_the_check_value_does_not_reveal_the_key() -> None:
    key = secrets.token_urlsafe(24).encode()
    assert key.decode() not in check_value(key) and len(check_value(key)) == 64
    assert check_value(key) != check_value(key + b"x")
