"""Real resources for the tests: SQLite files, a PostgreSQL database, apps, HTTP clients."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from majlis.domain import Role
from majlis.screening import Screener
from majlis.services import accounts
from majlis.settings import Settings
from majlis.storage import Store, make_engine, migrate
from majlis.storage.tables import metadata

PG_ADMIN_URL = os.environ.get("MAJLIS_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SKIP_PG = os.environ.get("MAJLIS_TEST_SKIP_PG") == "1"


def unique_marker() -> str:
    """A number that makes a posted text unique: six digits, which the screen reads as nothing (the
    model skips numbers; a phone number needs eight). Hex strings from uuid are read as text, and
    about one in twenty sent an innocent test comment to review."""
    return f"{secrets.randbelow(10**6):06d}"


@contextlib.contextmanager
def throwaway_pg_database(prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server; dropped afterwards."""
    if SKIP_PG:
        pytest.skip("MAJLIS_TEST_SKIP_PG=1")
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session."""
    with throwaway_pg_database("majlis_test") as url:
        engine = make_engine(url)
        migrate(engine)
        engine.dispose()
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Every storage-touching test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'majlis.db'}"
        return
    url = request.getfixturevalue("pg_url")
    engine = make_engine(url)
    with engine.begin() as conn:
        names = ", ".join(t.name for t in metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
    yield url


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """Settings for a test install (its own database and secret)."""
    return Settings(database_url=db_url, secret_key=secrets.token_urlsafe(24), rate_limits="off",
                    metrics_token=secrets.token_urlsafe(24))


def metrics_headers(settings: Settings) -> dict[str, str]:
    """What a Prometheus scrape of /metrics sends."""
    return {"Authorization": f"Bearer {settings.metrics_token}"}


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A migrated store on the test database."""
    engine = make_engine(settings.database_url)
    migrate(engine)
    yield Store(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def screener() -> Screener:
    """One default screener for the whole run (it loads its data once)."""
    return Screener()


@pytest.fixture
def app(settings: Settings, store: Store, screener: Screener):  # type: ignore[no-untyped-def]
    """A Majlis app on the test database."""
    from majlis.web.app import create_app

    return create_app(settings, store=store, screener=screener)


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """An in-process HTTP client of the app."""
    with TestClient(app) as test_client:
        yield test_client


@dataclass
class Newsroom:
    """A site with a registered article, a moderator of it, and their tokens."""

    site: str
    article: str
    publisher_token: str
    moderator_token: str
    moderator_email: str

    def mod_headers(self) -> dict[str, str]:
        """Authorization for the moderator."""
        return {"Authorization": f"Bearer {self.moderator_token}"}

    def pub_headers(self) -> dict[str, str]:
        """Authorization for the publisher."""
        return {"Authorization": f"Bearer {self.publisher_token}"}

    def comments_url(self, article: str | None = None) -> str:
        """The comments endpoint of an article."""
        return f"/api/v1/sites/{self.site}/articles/{article or self.article}/comments"


def make_newsroom(store: Store, slug: str = "courier", premoderate: bool = True) -> Newsroom:
    """Create a site (optionally pre-moderating everything), an article and a moderator."""
    from majlis.services.articles import ArticleFields, register_article

    site = accounts.create_site(store, slug, "The Courier", ["http://localhost:8000"], "en")
    if premoderate:
        site = store.update_site(site.id, policy={**site.policy, "premoderate_all": True})
    register_article(
        store,
        site,
        "budget-vote",
        ArticleFields(
            title="Parliament votes on the city budget",
            body="The provincial parliament voted on the new city budget for schools, roads and water.",
            language="en",
        ),
    )
    email = f"mod@{slug}.example"
    moderator = accounts.create_moderator(store, email, "correct horse battery", is_admin=False, site_slugs=[slug])
    return Newsroom(
        site=slug,
        article="budget-vote",
        publisher_token=accounts.issue_token(store, Role.PUBLISHER, site.id, None),
        moderator_token=accounts.issue_token(store, Role.MODERATOR, None, moderator.id),
        moderator_email=email,
    )


@pytest.fixture
def newsroom(store: Store) -> Newsroom:
    """A pre-moderated site with an article and a moderator."""
    return make_newsroom(store)


def comment_body(text: str = "A fair point about the budget.", **extra: object) -> dict[str, object]:
    """A valid comment body."""
    return {"author_name": "Layla", "author_email": "layla@example.org", "text": text, **extra}


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    """`majlis serve --demo` running as a real process."""

    base: str
    moderator_token: str
    publisher_token: str
    log: Path
    database_url: str = ""

    def headers(self) -> dict[str, str]:
        """Authorization for the demo moderator."""
        return {"Authorization": f"Bearer {self.moderator_token}"}


def start_server(folder: Path, extra_env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> tuple[subprocess.Popen[bytes], LiveServer]:
    """Start `majlis serve --demo` in `folder` on a free port and wait until it answers."""
    port = free_port()
    log = folder / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAJLIS_")}
    env["MAJLIS_DATABASE_URL"] = f"sqlite:///{folder / 'demo.db'}"
    env["MAJLIS_RATE_LIMITS"] = "off"  # the browser tests post many comments from one address
    env.update(extra_env or {})
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "majlis.cli", "serve", "--demo", "--port", str(port), *args],
                                   cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/readyz").status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            raise AssertionError("server exited:\n" + log.read_text())
        time.sleep(0.2)
    else:
        process.kill()
        raise AssertionError("server did not start:\n" + log.read_text())
    text = log.read_text()
    moderator = re.search(r"moderator API token: (\S+)", text)
    publisher = re.search(r"publisher API token: (\S+)", text)
    assert moderator and publisher, text
    return process, LiveServer(base, moderator.group(1), publisher.group(1), log, env["MAJLIS_DATABASE_URL"])


@pytest.fixture(scope="session")
def live_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One demo server for the browser tests of the session."""
    process, server = start_server(tmp_path_factory.mktemp("live"))
    yield server
    process.terminate()
    process.wait(timeout=20)


CHROMIUM = os.environ.get("MAJLIS_TEST_CHROMIUM", "/usr/bin/chromium")
# Local Network Access checks are off: in the tests every host is on loopback, where Chromium would
# treat a page embedding the widget from another loopback origin as a private-network request.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,"
                 "PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults"]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh browser page (its own storage)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
