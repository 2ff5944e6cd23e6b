"""Only http(s) URLs are stored or rendered: refused at every entry point (publisher API, the
widget's article URL, importers, site origins in the CLI and the desk, webhooks), and an old stored
`javascript:` link is never answered in the JSON nor rendered as an href in the desk."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from majlis.cli import app as cli
from majlis.importers import import_records
from majlis.importers.disqus import read_disqus
from majlis.services import accounts
from majlis.services.errors import Invalid
from majlis.settings import Settings
from majlis.storage import Store
from tests.conftest import Newsroom, comment_body
from tests.web.test_desk import PASSWORD, log_in

EVIL = "javascript:alert(document.cookie)"
SAMPLES = Path(__file__).parent.parent / "data" / "imports"


def test_the_publisher_api_refuses_a_non_http_article_url(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    url = f"/api/v1/sites/{newsroom.site}/articles/new-story"
    for bad in (EVIL, " JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x"):
        refused = client.put(url, headers=newsroom.pub_headers(), json={"title": "New", "url": bad})
        assert refused.status_code == 422 and refused.json()["field"] == "url", bad
    site = store.site_by_slug(newsroom.site)
    assert site is not None and store.article(site.id, "new-story") is None
    assert client.put(url, headers=newsroom.pub_headers(), json={"url": "https://courier.example/new"}).status_code == 201


def test_the_widget_cannot_give_an_article_a_script_link(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    posted = client.post(newsroom.comments_url("unregistered"),
                         json=comment_body(article_url="javascript://localhost:8000/%0aalert(1)"))
    assert posted.status_code == 201
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    article = store.article(site.id, "unregistered")
    assert article is not None and article.url == ""


def test_an_import_with_a_javascript_link_keeps_no_link(client: TestClient, store: Store, settings: Settings,
                                                        tmp_path: Path) -> None:
    site = accounts.create_site(store, "courier", "The Courier", ["https://courier.example"], "en")
    export = tmp_path / "disqus.xml"
    export.write_text((SAMPLES / "disqus.xml").read_text(encoding="utf-8").replace(
        "https://courier.example/news/tigris-bridge-reopens", EVIL), encoding="utf-8")
    summary = import_records(store, settings, settings.resolved_secret(), site, "disqus", read_disqus(export))
    assert summary.skipped["article link dropped: not an http(s) URL"] == 1
    article = store.article(site.id, "tigris-bridge-reopens")
    assert article is not None and article.url == "" and summary.total_imported > 0
    page = client.get("/api/v1/sites/courier/articles/tigris-bridge-reopens/comments")
    assert "javascript" not in page.text.lower()


def test_site_origins_are_http_in_the_cli_and_the_desk(client: TestClient, newsroom: Newsroom, store: Store,
                                                       settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(Invalid):
        accounts.create_site(store, "herald", "Herald", ["javascript://herald.example"], "en")
    monkeypatch.setenv("MAJLIS_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MAJLIS_SECRET_KEY", settings.secret_key)
    made = CliRunner().invoke(cli, ["site", "create", "gazette", "--origin", "data://gazette.example"])
    assert made.exit_code == 2 and store.site_by_slug("gazette") is None
    admin = accounts.create_moderator(store, "boss@courier.example", PASSWORD, is_admin=True, site_slugs=[])
    csrf = log_in(client, admin.email)
    for bad in (EVIL, "javascript://courier.example", "ftp://courier.example"):
        saved = client.post(f"/moderate/settings/{newsroom.site}", data={"csrf": csrf, "origins": bad})
        assert saved.status_code == 422 and "origin" in saved.text, bad
    site = store.site_by_slug(newsroom.site)
    assert site is not None and site.origins == ("http://localhost:8000",)


def test_a_webhook_url_is_http(client: TestClient, newsroom: Newsroom) -> None:
    for bad in (EVIL, "file:///etc/passwd", "gopher://cms.example/"):
        refused = client.post(f"/api/v1/sites/{newsroom.site}/webhooks", headers=newsroom.pub_headers(), json={"url": bad})
        assert refused.status_code == 422 and refused.json()["field"] == "url", bad


def test_an_old_script_link_is_never_answered_or_rendered(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    store.upsert_article(site.id, newsroom.article, {"url": EVIL})  # as stored before URLs were checked
    public = client.get(newsroom.comments_url())
    assert public.json()["article"]["url"] == "" and "javascript" not in public.text
    listed = client.get(f"/api/v1/sites/{newsroom.site}/articles", headers=newsroom.pub_headers()).json()
    assert [a["url"] for a in listed] == [""]
    client.post(newsroom.comments_url(), json=comment_body("Waiting for a moderator."))
    log_in(client, newsroom.moderator_email)
    desk = client.get("/moderate").text
    hrefs = re.findall(r'href="([^"]*)"', desk)
    assert hrefs and not [h for h in hrefs if h.lower().startswith(("javascript", "data", "vbscript"))], hrefs
    assert "javascript:" not in json.dumps(hrefs)
