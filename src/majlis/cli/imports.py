"""`majlis import disqus|wordpress|isso FILE --site SLUG`: bring comment history into a site."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from majlis.cli.database import open_install
from majlis.importers import import_records
from majlis.importers.disqus import read_disqus
from majlis.importers.isso import count_comments, read_isso
from majlis.importers.wordpress import read_wordpress
from majlis.cli.config import load_settings

app = typer.Typer(help="Import comments from Disqus, WordPress or Isso (idempotent: run it again safely).",
                  no_args_is_help=True)
console = Console(stderr=True)

def _file_size(path: Path) -> int:
    return path.stat().st_size


SiteOption = Annotated[str, typer.Option("--site", help="Slug of the Majlis site to import into.")]
FileArgument = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="The export file.")]


def _run(source: str, path: Path, site_slug: str, reader: Callable[..., Iterator[Any]], prefer: str,
         size: Callable[[Path], int], unit_bytes: bool) -> None:
    settings = load_settings()
    try:
        total = size(path)
    except sqlite3.DatabaseError as error:
        console.print(f"[red]error:[/red] {path} is not a readable {source} database ({error})", soft_wrap=True)
        raise typer.Exit(2) from None
    store, secret = open_install(settings)
    site = store.site_by_slug(site_slug)
    if site is None:
        console.print(f"[red]error:[/red] no site {site_slug!r} (create it with `majlis site create`)")
        raise typer.Exit(2)
    columns = [TextColumn(f"importing {source}"), BarColumn(),
               DownloadColumn() if unit_bytes else TextColumn("{task.completed:,.0f}/{task.total:,.0f} comments"),
               TimeElapsedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(source, total=total)
        records = reader(path, prefer, lambda done: progress.update(task, completed=done))
        summary = import_records(store, settings, secret, site, source, records)
        progress.update(task, completed=total)
    typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))


@app.command("disqus")
def disqus(file: FileArgument, site: SiteOption,
           key: Annotated[str, typer.Option(help="Article key from the thread `id` (identifier) or its `url`.")] = "id") -> None:
    """Import a Disqus XML export."""
    _run("disqus", file, site, read_disqus, key, _file_size, True)


@app.command("wordpress")
def wordpress(file: FileArgument, site: SiteOption,
              key: Annotated[str, typer.Option(help="Article key from the post's `url` path or its `id`.")] = "url") -> None:
    """Import a WordPress export (WXR, from Tools → Export)."""
    _run("wordpress", file, site, read_wordpress, key, _file_size, True)


@app.command("isso")
def isso(file: FileArgument, site: SiteOption) -> None:
    """Import an Isso SQLite database (opened read-only); article keys are Isso's thread URIs."""
    _run("isso", file, site, read_isso, "url", count_comments, False)
