"""Opening the install's database for a command: migrated, and its secret key checked."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from majlis.services.errors import ServiceError
from majlis.services.secret_key import install_secret
from majlis.settings import Settings
from majlis.storage import Store, make_engine, migrate

errors = Console(stderr=True, soft_wrap=True)


def fail(message: str) -> NoReturn:
    """One line on stderr and exit code 2: the user's mistake, not a crash."""
    errors.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(2)


def open_install(settings: Settings) -> tuple[Store, bytes]:
    """The migrated store and the secret key its data was made with (refused when it does not fit)."""
    store = Store(make_engine(settings.database_url))
    migrate(store.engine)
    try:
        return store, install_secret(settings, store)
    except ServiceError as error:
        store.engine.dispose()
        fail(error.message)
