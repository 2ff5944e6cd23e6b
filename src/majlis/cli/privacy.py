"""`majlis privacy`: give a commenter their data, erase it, purge old IP hashes."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from majlis.cli.database import open_install
from majlis.services import privacy
from majlis.cli.config import load_settings

app = typer.Typer(help="Commenters' personal data.", no_args_is_help=True)
console = Console()


@app.command("export")
def export(email: Annotated[str, typer.Argument(help="The commenter's email.")]) -> None:
    """Print, as JSON, everything held about the author of this email."""
    settings = load_settings()
    store, secret = open_install(settings)
    data = privacy.export(store, settings, secret, email)
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command("erase")
def erase(email: Annotated[str, typer.Argument(help="The commenter's email.")],
          yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False) -> None:
    """Erase the author's data everywhere (comments read "[removed]"); recorded in the audit trail."""
    if not yes:
        typer.confirm(f"Erase every comment and trace of {email}?", abort=True)
    settings = load_settings()
    store, secret = open_install(settings)
    count = privacy.erase(store, settings, secret, email, "cli")
    if settings.redis_url:  # web processes share their page cache there: drop it now
        from majlis.web.cache import RedisPageCache, invalidate_all

        invalidate_all(RedisPageCache(settings.redis_url), store)
    console.print(f"erased {count} comments")


@app.command("purge")
def purge() -> None:
    """Forget IP hashes older than MAJLIS_IP_RETENTION_DAYS."""
    settings = load_settings()
    console.print(f"cleared {privacy.purge_ip_hashes(open_install(settings)[0], settings)} IP hashes")
