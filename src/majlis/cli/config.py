"""Settings for a command: a bad `MAJLIS_*` variable is one line naming it and exit code 2, never a
traceback."""

from __future__ import annotations

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from majlis.settings import Settings

errors = Console(stderr=True, soft_wrap=True)


def setting_problem(error: ValidationError) -> str:
    """One line naming the first bad variable and what is wrong with it (never its value)."""
    first = error.errors()[0]
    name = "MAJLIS_" + str(first["loc"][0]).upper() if first["loc"] else "MAJLIS_*"
    message = str(first["msg"]).removeprefix("Value error, ")
    for prefix in (name + ": ", name + " "):
        message = message.removeprefix(prefix)
    return f"{name}: {message}"


def load_settings() -> Settings:
    """The settings from the environment, or exit 2 with one line on stderr."""
    try:
        return Settings()
    except ValidationError as error:
        errors.print(f"[red]error:[/red] {escape(setting_problem(error))}")
        raise typer.Exit(2) from None
