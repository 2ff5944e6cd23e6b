"""Real resources for the tests: SQLite files, a PostgreSQL database, apps, HTTP clients."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    if SKIP_PG:
        pytest.skip("MAJLIS_TEST_SKIP_PG=1")
    name = f"majlis_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
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
    return Settings(database_url=db_url, secret_key=secrets.token_urlsafe(24))


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
