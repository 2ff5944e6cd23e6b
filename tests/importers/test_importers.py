"""Importers: each sample export (written to each format's published structure, nasty cases
included) round-trips with the right counts, structure and states, and twice without duplicates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from majlis.cli import app
from majlis.domain import ActorKind, Comment, Site, State, canonical_article_key
from majlis.importers import import_records
from majlis.importers.disqus import read_disqus
from majlis.importers.isso import read_isso
from majlis.importers.records import article_key
from majlis.importers.wordpress import read_wordpress
from majlis.services import accounts
from majlis.services.privacy import vault
from majlis.settings import Settings
from majlis.storage import Store
from majlis.storage.tables import comments

SAMPLES = Path(__file__).parent.parent / "data" / "imports"


@pytest.fixture
def site(store: Store) -> Site:
    return accounts.create_site(store, "courier", "The Courier", ["https://courier.example"], "en")


@pytest.fixture
def isso_db(tmp_path: Path) -> Path:
    path = tmp_path / "comments.db"
    with sqlite3.connect(path) as db:
        db.executescript((SAMPLES / "isso.sql").read_text(encoding="utf-8"))
    return path


def all_comments(store: Store, site: Site) -> dict[str, Comment]:
    """The site's comments by their first words (the samples' texts are distinct)."""
    with store.engine.connect() as conn:
        ids = [r.id for r in conn.execute(select(comments.c.id).where(comments.c.site_id == site.id))]
    found = [store.comment(i) for i in ids]
    return {c.text[:24]: c for c in found if c is not None}


def parent_text(store: Store, comment: Comment) -> str | None:
    parent = store.comment(comment.parent_id) if comment.parent_id else None
    return parent.text[:24] if parent else None


def test_disqus_sample_round_trips_twice_without_duplicates(store: Store, settings: Settings, site: Site) -> None:
    secret = settings.resolved_secret()
    first = import_records(store, settings, secret, site, "disqus", read_disqus(SAMPLES / "disqus.xml"))
    assert first.articles_created == 3
    assert first.imported == {"approved": 11, "rejected": 2, "pending": 1}
    assert first.skipped == {"post without a readable createdAt": 1, "thread not in the export": 1}
    assert first.replies_attached == 5 and first.orphans == 1

    found = all_comments(store, site)
    assert len(found) == 14
    html = found["<p>Great <b>news</b> &am"]
    assert html.text == "<p>Great <b>news</b> &amp; thanks to the engineers.</p>"  # stored as it was
    assert html.state is State.APPROVED and vault(settings, secret).decrypt(html.author_email) == "layla@example.org"
    assert found["It took two years, thoug"].author_name == "Anonymous"
    assert parent_text(store, found["It took two years, thoug"]) == "<p>Great <b>news</b> &am"
    assert parent_text(store, found["A reply to a reply: Majl"]) == "<p>Great <b>news</b> &am"  # flattened
    assert parent_text(store, found["Replying to a comment th"]) == "This comment was removed"
    assert found["This comment was removed"].state is State.REJECTED
    assert found["Cheap watches at http://"].state is State.REJECTED
    assert found["My parent was purged fro"].parent_id is None  # orphan kept as top-level
    assert parent_text(store, found["Divê şaredarî lêçûna avê"]) == "Exported after its reply"  # child came first
    assert parent_text(store, found["شارەوانی دەبێت تێچووی ئا"]) == "أتمنى أن تنشر البلدية تف"
    held = found["Held by a moderator: <i>"]
    assert held.state is State.PENDING and held.text.startswith("Held by a moderator: <i>entity-encoded</i>")
    script = found['<script>alert("x")</scri']
    assert script.text == '<script>alert("x")</script> and a split ]]> marker 🙂\u200f'
    assert script.created_at.isoformat() == "2019-05-02T05:00:00+00:00"
    assert found["أتمنى أن تنشر البلدية تف"].language == "ar"
    decisions = store.decisions(held.id)
    assert [(d.actor_kind, d.action.value) for d in decisions] == [(ActorKind.IMPORT, "review")]
    assert "awaiting moderation" in decisions[0].note

    bridge = store.article(site.id, "tigris-bridge-reopens")
    assert bridge is not None and bridge.title == "Old Tigris footbridge reopens after two years"
    water = store.article(site.id, "ar/erbil-water?page=2")  # no identifier: the URL's path
    assert water is not None and water.title == "أسعار المياه في أربيل"
    archive = [a for a in store.article_keys(site.id) if a.startswith("archive/2010/")]
    assert len(archive) == 1 and len(archive[0]) == 255
    closed = store.article(site.id, archive[0])
    assert closed is not None and closed.closed

    second = import_records(store, settings, secret, site, "disqus", read_disqus(SAMPLES / "disqus.xml"))
    assert second.total_imported == 0 and second.skipped["already imported"] == 14
    assert second.articles_created == 0 and len(all_comments(store, site)) == 14


def test_wordpress_sample_round_trips_twice(store: Store, settings: Settings, site: Site) -> None:
    secret = settings.resolved_secret()
    summary = import_records(store, settings, secret, site, "wordpress", read_wordpress(SAMPLES / "wordpress.xml"))
    assert summary.articles_created == 2  # the attachment without comments is not an article
    assert summary.imported == {"approved": 7, "rejected": 2, "pending": 1}
    assert summary.skipped == {"pingback or trackback": 1}
    assert summary.replies_attached == 3 and summary.orphans == 1
    found = all_comments(store, site)
    assert parent_text(store, found["Two years is too long.\nL"]) == 'Finally! <a href="https:'
    assert parent_text(store, found["Answering the binned com"]) == "A comment the editors pu"
    assert found["A comment the editors pu"].state is State.REJECTED
    assert found["Buy now at http://pills."].state is State.REJECTED
    assert found["Still in the moderation "].state is State.PENDING
    anonymous = found["<strong>No name</strong>"]
    assert anonymous.author_name == "Anonymous" and anonymous.created_at.isoformat() == "2019-05-01T14:00:00+00:00"
    assert parent_text(store, found["Belediye su fiyatlarını "]) == "شهرداری باید هزینه آب را"
    post = store.article(site.id, "2019/05/bridge-reopens")
    assert post is not None and post.title == "Bridge reopens & traffic returns" and not post.closed
    page = store.article(site.id, "fa/erbil-water")
    assert page is not None and page.closed

    again = import_records(store, settings, secret, site, "wordpress", read_wordpress(SAMPLES / "wordpress.xml"))
    assert again.total_imported == 0 and again.skipped["already imported"] == 10


def test_isso_database_round_trips_twice(store: Store, settings: Settings, site: Site, isso_db: Path) -> None:
    secret = settings.resolved_secret()
    summary = import_records(store, settings, secret, site, "isso", read_isso(isso_db))
    assert summary.articles_created == 2
    assert summary.imported == {"approved": 6, "pending": 1, "rejected": 1}
    assert summary.replies_attached == 4 and summary.orphans == 0
    found = all_comments(store, site)
    assert found["Finally **open** again."].text == "Finally **open** again."
    assert found["Two years, though."].author_name == "Anonymous"
    assert parent_text(store, found["A reply to a reply."]) == ""  # under the deleted (empty) comment
    assert found[""].state is State.REJECTED
    assert parent_text(store, found["شارەوانی دەبێت نرخی ئاو "]) == "Divê şaredarî lêçûna avê"
    assert store.article(site.id, "ku/ava-hewlere") is not None
    again = import_records(store, settings, secret, site, "isso", read_isso(isso_db))
    assert again.total_imported == 0 and again.skipped["already imported"] == 8


def test_imported_comments_show_in_the_widget_api_as_text(client, store: Store, settings: Settings, site: Site) -> None:  # type: ignore[no-untyped-def]
    import_records(store, settings, settings.resolved_secret(), site, "disqus", read_disqus(SAMPLES / "disqus.xml"))
    page = client.get("/api/v1/sites/courier/articles/tigris-bridge-reopens/comments").json()
    texts = [c["text"] for c in page["comments"]]
    assert '<script>alert("x")</script> and a split ]]> marker 🙂\u200f' in texts
    first = next(c for c in page["comments"] if c["text"].startswith("<p>Great"))
    assert [r["text"] for r in first["replies"]] == ["It took two years, though.",
                                                     "A reply to a reply: Majlis shows it under the first comment."]
    assert "email" not in json.dumps(page)


def test_the_cli_imports_with_a_summary_and_refuses_an_unknown_site(
    settings: Settings, store: Store, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAJLIS_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MAJLIS_SECRET_KEY", settings.secret_key)
    runner = CliRunner()
    result = runner.invoke(app, ["import", "wordpress", str(SAMPLES / "wordpress.xml"), "--site", "courier"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    assert summary["imported_total"] == 10 and summary["skipped"] == {"pingback or trackback": 1}
    again = runner.invoke(app, ["import", "wordpress", str(SAMPLES / "wordpress.xml"), "--site", "courier"])
    assert json.loads(again.stdout[again.stdout.index("{"):])["skipped"]["already imported"] == 10
    assert runner.invoke(app, ["import", "disqus", str(SAMPLES / "disqus.xml"), "--site", "nope"]).exit_code == 2


def test_article_keys_come_from_the_identifier_or_the_url() -> None:
    assert article_key("story-1", "https://x.example/a/b") == "story-1"
    assert article_key("", "https://x.example/a/b?c=1") == "a/b?c=1"
    assert article_key("story-1", "https://x.example/a/b", prefer="url") == "a/b"


def test_article_keys_of_every_importer_take_the_canonical_form() -> None:
    """WordPress links, Isso URIs and Disqus links of one page, with or without the trailing slash,
    percent-encoded or not, are one article: the key the widget sends for that page."""
    page = "ar/2026/12/أمن-الحدود"
    encoded = "/ar/2026/12/%D8%A3%D9%85%D9%86-%D8%A7%D9%84%D8%AD%D8%AF%D9%88%D8%AF/"
    keys = {
        article_key("", "https://courier.example" + encoded, prefer="url"),  # WordPress <link>
        article_key("", "/ar/2026/12/أمن-الحدود", prefer="url"),  # an Isso uri without the slash
        article_key("", "/ar//2026/12/أمن-الحدود/", prefer="url"),
        article_key("thread-1", "https://courier.example" + encoded, prefer="url"),  # Disqus, --key url
        canonical_article_key(encoded),  # what the route reads from the widget's request
    }
    assert keys == {page}


def test_wordpress_and_isso_threads_of_one_page_land_on_one_article(
    client, store: Store, settings: Settings, site: Site, isso_db: Path  # type: ignore[no-untyped-def]
) -> None:
    """Both samples hold /2019/05/bridge-reopens/: the second import adds to the first's article,
    and the widget's key for that page reads the approved comments of both."""
    secret = settings.resolved_secret()
    first = import_records(store, settings, secret, site, "wordpress", read_wordpress(SAMPLES / "wordpress.xml"))
    second = import_records(store, settings, secret, site, "isso", read_isso(isso_db))
    assert first.articles_created == 2 and second.articles_created == 1  # only ku/ava-hewlere is new
    article = store.article(site.id, "2019/05/bridge-reopens")
    assert article is not None
    expected = store.count_approved(article.id)
    assert expected > 6
    page = client.get("/api/v1/sites/courier/articles/%2F2019%2F05%2Fbridge-reopens%2F/comments").json()
    assert page["article"]["key"] == "2019/05/bridge-reopens" and page["total"] == expected
    long = article_key("x" * 400, "")
    assert len(long) == 255 and long != article_key("x" * 399 + "y", "")
