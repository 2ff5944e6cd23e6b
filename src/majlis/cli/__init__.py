"""The `majlis` command: serve, migrate, and manage sites and moderators (same services as the web)."""

from __future__ import annotations

import logging
import os
import sys
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from majlis.cli.database import fail, open_install
from majlis.domain import Role
from majlis.services import accounts
from majlis.services.errors import ServiceError
from majlis.cli.config import load_settings
from majlis.settings import Settings
from majlis.storage import Store

app = typer.Typer(help="Majlis: comments for news sites, screened against the site's guidelines.", rich_markup_mode=None,
                  no_args_is_help=True)
site_app = typer.Typer(help="Manage sites.", no_args_is_help=True)
moderator_app = typer.Typer(help="Manage moderators.", no_args_is_help=True)
token_app = typer.Typer(help="List and revoke API tokens.", no_args_is_help=True)
app.add_typer(site_app, name="site")
app.add_typer(moderator_app, name="moderator")
app.add_typer(token_app, name="token")
console = Console()
errors = Console(stderr=True)


def _store(settings: Settings) -> Store:
    return open_install(settings)[0]


def _fail(error: ServiceError) -> NoReturn:
    fail(error.message)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Web processes (use PostgreSQL beyond 1).")] = 1,
    demo: Annotated[bool, typer.Option(help="Seed a demo site, articles and moderator.")] = False,
) -> None:
    """Run the web server (migrates the database first)."""
    import uvicorn

    from majlis.demo import seed_comments, seed_demo
    from majlis.screening import Screener
    from majlis.web import workers as web_workers

    settings = load_settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(name)s %(levelname)s %(message)s")
    store, secret = open_install(settings)  # creates the key file once, before workers race for it
    if demo:
        origin_hosts = {host, "127.0.0.1", "localhost"} - {"0.0.0.0"}
        creds = seed_demo(store, tuple(sorted(f"http://{h}:{port}" for h in origin_hosts)))
        seeded = seed_comments(store, Screener(), settings, secret)
        console.print(f"[bold]Majlis demo[/bold] on http://{host}:{port}/")
        console.print(f"  site: {creds.site}" + (f" ({seeded} sample comments screened)" if seeded else ""))
        console.print(f"  moderate at http://{host}:{port}/moderate")
        console.print(f"  moderator: {creds.moderator_email} / {creds.moderator_password}")
        console.print(f"  moderator API token: {creds.moderator_token}")
        console.print(f"  publisher API token: {creds.publisher_token}")
    store.engine.dispose()
    if demo:
        os.environ["MAJLIS_DEMO"] = "true"  # the web processes read their settings from the environment
    options: dict[str, Any] = {
        "app": "majlis.web.app:create_app",
        "factory": True,
        "host": host,
        "port": port,
        "access_log": False,  # uvicorn's access log records client IPs; ours does not
        "log_level": settings.log_level,
        "proxy_headers": False,
    }
    if workers > 1 and web_workers.reuse_port_available():
        web_workers.serve(host, port, workers, options)  # a socket per process: connections spread evenly
    else:
        uvicorn.run(**options, workers=workers)


@app.command()
def worker(threads: Annotated[int, typer.Option(help="Worker threads.")] = 2) -> None:
    """Run background tasks from Redis (needs MAJLIS_REDIS_URL); stops cleanly on SIGTERM."""
    import signal

    from dramatiq import Worker

    from majlis.tasks import DramatiqQueue, Poller, dramatiq_actors

    settings = load_settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if not settings.redis_url:
        errors.print("[red]error:[/red] set MAJLIS_REDIS_URL; without it tasks run inside the web process")
        raise typer.Exit(2)
    _store(settings).engine.dispose()
    broker = dramatiq_actors(settings.redis_url)["broker"]
    running = Worker(broker, worker_threads=threads)
    running.start()
    # Every worker polls the outbox: each event and each due delivery is claimed by exactly one.
    poller = Poller(_store(settings), settings, DramatiqQueue(settings.redis_url)).start()
    console.print(f"worker running with {threads} threads")
    stopping = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stopping.update(now=True))
    signal.signal(signal.SIGINT, lambda *_: stopping.update(now=True))
    import time

    while not stopping["now"]:
        time.sleep(0.5)
    poller.stop()
    running.stop()  # finishes the messages in hand; unacknowledged ones stay in Redis


@app.command("migrate")
def migrate_command() -> None:
    """Create or upgrade the database schema."""
    settings = load_settings()
    _store(settings)
    console.print("database is up to date")


@site_app.command("create")
def site_create(
    slug: Annotated[str, typer.Argument(help="Short name used in URLs, e.g. 'courier'.")],
    name: Annotated[str, typer.Option(help="The site's display name.")] = "",
    origin: Annotated[list[str] | None, typer.Option(help="Allowed browser origin; repeatable.")] = None,
    language: Annotated[str, typer.Option(help="Default language: en ar ckb kmr tr fa.")] = "en",
) -> None:
    """Create a site and print its publisher API token."""
    store = _store(load_settings())
    try:
        site = accounts.create_site(store, slug, name, origin or [], language)
    except ServiceError as error:
        _fail(error)
        return
    token = accounts.issue_token(store, Role.PUBLISHER, site.id, None)
    store.audit("cli", "site.create", site.id, site.slug)
    console.print(f"site {site.slug} created")
    console.print(f"publisher token (shown once): {token}")


@moderator_app.command("create")
def moderator_create(
    email: Annotated[str, typer.Argument(help="The moderator's login email.")],
    site: Annotated[list[str] | None, typer.Option(help="Site slug to moderate; repeatable.")] = None,
    admin: Annotated[bool, typer.Option(help="May do everything on every site.")] = False,
    password_stdin: Annotated[bool, typer.Option(help="Read the password from standard input.")] = False,
    token: Annotated[bool, typer.Option(help="Also print a moderator API token.")] = False,
) -> None:
    """Create a moderator (password from a prompt or stdin)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    store = _store(load_settings())
    try:
        moderator = accounts.create_moderator(
            store, email, password, is_admin=admin, site_slugs=site or []
        )
    except ServiceError as error:
        _fail(error)
        return
    store.audit("cli", "moderator.create", None, moderator.email, {"admin": admin, "sites": site or []})
    console.print(f"moderator {moderator.email} created" + (" (admin)" if admin else ""))
    if token:
        value = accounts.issue_token(store, Role.MODERATOR, None, moderator.id)
        console.print(f"moderator token (shown once): {value}")


@moderator_app.command("digest")
def moderator_digest(
    email: Annotated[str, typer.Argument(help="The moderator's login email.")],
    on: Annotated[bool, typer.Option("--on/--off", help="Send or stop the queue digest e-mail.")] = True,
) -> None:
    """Turn a moderator's digest e-mail on or off (sent when a queue passes MAJLIS_DIGEST_THRESHOLD)."""
    store = _store(load_settings())
    moderator = store.moderator_by_email(email.strip().lower())
    if moderator is None:
        errors.print(f"[red]error:[/red] no moderator {email}")
        raise typer.Exit(1)
    store.set_digest(moderator.id, on)
    store.audit("cli", "moderator.digest", None, moderator.email, {"digest": on})
    console.print(f"digest {'on' if on else 'off'} for {moderator.email}")


@app.command("export")
def export_command(
    site: Annotated[str, typer.Argument(help="The site's slug.")],
    format: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    include_personal_data: Annotated[bool, typer.Option(help="Add commenters' emails (admins only).")] = False,
) -> None:
    """Write a site's comments and decisions to standard output (no emails unless asked)."""
    from majlis.services.export import export

    if format not in ("jsonl", "csv"):
        errors.print("[red]error:[/red] --format is jsonl or csv")
        raise typer.Exit(2)
    settings = load_settings()
    store, secret = open_install(settings)
    try:
        for line in export(store, settings, secret, site, format, include_personal_data):
            sys.stdout.write(line)
    except ServiceError as error:
        _fail(error)
    if include_personal_data:
        store.audit("cli", "export.personal_data", None, site)


@token_app.command("list")
def token_list() -> None:
    """Every API token: id, role, site or moderator, created, revoked."""
    for row in _store(load_settings()).list_tokens():
        owner = f"site {row['site_id']}" if row["site_id"] else f"moderator {row['moderator_id']}"
        state = f"revoked {row['revoked_at']:%Y-%m-%d}" if row["revoked_at"] else "live"
        console.print(f"{row['id']:>5}  {row['role']:<10} {owner:<14} {row['created_at']:%Y-%m-%d %H:%M}  {state}")


@token_app.command("revoke")
def token_revoke(token_id: Annotated[int, typer.Argument(help="The id shown by `majlis token list`.")]) -> None:
    """Revoke an API token: it stops working at once."""
    store = _store(load_settings())
    if not any(row["id"] == token_id for row in store.list_tokens()):
        errors.print(f"[red]error:[/red] no token {token_id}")
        raise typer.Exit(2)
    store.revoke_token(token_id)
    store.audit("cli", "token.revoke", None, str(token_id))
    console.print(f"token {token_id} revoked")


from majlis.cli import imports as _imports  # noqa: E402
from majlis.cli import privacy as _privacy  # noqa: E402
from majlis.cli import screening as _screening  # noqa: E402  (registers screen, eval, train)

_screening.register(app)
app.add_typer(_privacy.app, name="privacy")
app.add_typer(_imports.app, name="import")

if __name__ == "__main__":
    app()
