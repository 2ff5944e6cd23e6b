"""Publishers register and update articles with their token."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from majlis.storage import Store
from tests.conftest import Newsroom, comment_body, make_newsroom


def test_publisher_registers_then_updates_an_article(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    url = f"/api/v1/sites/{newsroom.site}/articles/dam-report"
    body = {"title": "Dam report", "url": "https://courier.example/dam", "language": "en", "body": "The dam..."}
    created = client.put(url, json=body, headers=newsroom.pub_headers())
    assert created.status_code == 201 and created.json()["title"] == "Dam report"
    updated = client.put(url, json={**body, "title": "Dam report (updated)"}, headers=newsroom.pub_headers())
    assert updated.status_code == 200 and updated.json()["title"] == "Dam report (updated)"
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    article = store.article(site.id, "dam-report")
    assert article is not None and article.body == "The dam..."


def test_article_needs_the_sites_publisher_token(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    url = f"/api/v1/sites/{newsroom.site}/articles/x"
    assert client.put(url, json={"title": "t"}).status_code == 401
    assert client.put(url, json={"title": "t"}, headers=newsroom.mod_headers()).status_code == 403
    other = make_newsroom(store, "gazette")
    assert client.put(url, json={"title": "t"}, headers=other.pub_headers()).status_code == 403


def test_bad_article_fields_are_refused(client: TestClient, newsroom: Newsroom) -> None:
    url = f"/api/v1/sites/{newsroom.site}/articles/x"
    headers = newsroom.pub_headers()
    assert client.put(url, json={"url": "javascript:alert(1)"}, headers=headers).json()["field"] == "url"
    assert client.put(url, json={"language": "xx"}, headers=headers).json()["field"] == "language"
    assert client.put(url, json={"title": "t" * 501}, headers=headers).json()["field"] == "title"
    assert client.put(url, json={"published_at": "2026-11-25T08:00:00"}, headers=headers).json()["field"] == "published_at"
    assert client.put(url, json={"published_at": "2026-11-25T08:00:00Z"}, headers=headers).status_code == 201


ENCODED = "%2Fen%2F2026%2F12%2Fborder-security%2F"  # encodeURIComponent(location.pathname), as the widget sends it


def test_a_url_path_key_posts_reads_and_counts_however_it_is_written(client: TestClient, store: Store) -> None:
    """The widget's default key (the page's path, one encoded segment), plain slashes, a trailing
    slash and doubled slashes all reach one article."""
    room = make_newsroom(store, premoderate=False)
    base = f"/api/v1/sites/{room.site}/articles/"
    posted = client.post(base + ENCODED + "/comments", json=comment_body("Good news for the border towns."))
    assert posted.status_code == 201 and posted.json()["state"] == "approved"
    for written in (ENCODED, "en/2026/12/border-security", "en/2026/12/border-security/", "/en//2026/12/border-security"):
        page = client.get(base + written + "/comments").json()
        assert page["article"]["key"] == "en/2026/12/border-security" and page["total"] == 1, written
    asked = "/en/2026/12/border-security/,en/2026/12/border-security,nowhere"
    counts = client.get(f"/api/v1/sites/{room.site}/counts", params={"articles": asked}).json()
    assert counts == {"/en/2026/12/border-security/": 1, "en/2026/12/border-security": 1, "nowhere": 0}


def test_non_ascii_slugs_read_as_the_browser_encodes_them(client: TestClient, store: Store) -> None:
    """A browser's location.pathname holds Arabic and Kurdish letters percent-encoded; the widget
    encodes that again. Both layers are undone, so the article is the slug in letters."""
    room = make_newsroom(store, premoderate=False)
    for slug, text in (("ar/2026/12/أمن-الحدود", "خبر جيد للعائلات التي تنتظر عند المعبر"),
                       ("ckb/2026/12/ئاسایشی-سنوور", "هەواڵێکی باشە بۆ خێزانەکان"),
                       ("kmr/2026/12/ewlehiya-sînor", "Nûçeyeke baş e ji bo malbatan")):
        pathname = quote("/" + slug + "/")  # what location.pathname holds
        posted = client.post(f"/api/v1/sites/{room.site}/articles/{quote(pathname, safe='')}/comments",
                             json=comment_body(text))
        assert posted.status_code == 201, posted.text
        page = client.get(f"/api/v1/sites/{room.site}/articles/{quote(slug)}/comments").json()
        assert page["article"]["key"] == slug and page["total"] == 1, slug


def test_publisher_registers_a_url_path_key_once(client: TestClient, store: Store) -> None:
    room = make_newsroom(store)
    body = {"title": "Border security", "language": "en", "body": "Border security at the crossing."}
    first = client.put(f"/api/v1/sites/{room.site}/articles/{ENCODED}", json=body, headers=room.pub_headers())
    assert first.status_code == 201 and first.json()["key"] == "en/2026/12/border-security"
    again = client.put(f"/api/v1/sites/{room.site}/articles/en/2026/12/border-security/", json=body,
                       headers=room.pub_headers())
    assert again.status_code == 200  # the same article, updated
    listed = client.get(f"/api/v1/sites/{room.site}/articles", headers=room.pub_headers()).json()
    assert [a["key"] for a in listed].count("en/2026/12/border-security") == 1


def test_a_key_too_long_once_canonical_is_refused_naming_the_field(client: TestClient, store: Store) -> None:
    room = make_newsroom(store, premoderate=False)
    base = f"/api/v1/sites/{room.site}/articles/"
    too_long = client.post(base + "a" * 256 + "/comments", json=comment_body())
    assert too_long.status_code == 422 and too_long.json()["field"] == "article"
    # 120 Arabic letters: 1,440 characters as the widget sends them, 120 once decoded
    long_slug = quote(quote("/" + "ب" * 120 + "/"), safe="")
    assert client.post(base + long_slug + "/comments", json=comment_body()).status_code == 201
    assert client.get(base + "a%00b/comments").status_code == 400  # a NUL in the URL: refused before routing


def test_a_nul_that_only_decoding_the_key_reveals_is_refused_naming_the_field() -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from majlis.services.errors import Invalid
    from majlis.web.deps import _article_key

    with pytest.raises(Invalid) as refused:
        # A thread of its own: a browser test earlier in the session may leave a loop running in this one.
        with ThreadPoolExecutor(1) as pool:  # the route's value when the widget encoded "/a%00b/" once more
            pool.submit(asyncio.run, _article_key("/a%00b/")).result()
    assert refused.value.field == "article"


def test_the_desk_links_a_url_path_key_to_the_sites_page() -> None:
    from datetime import UTC, datetime

    from majlis.domain import Article, Site
    from majlis.web.desk.queue import article_href

    site = Site(1, "courier", "The Courier", ("https://courier.example",), "ar", {})
    def article(key: str, url: str = "") -> Article:
        return Article(1, 1, key, "", url, "", "", None, datetime.now(UTC))
    assert article_href(site, article("ar/2026/12/أمن-الحدود")) == (
        "https://courier.example/ar/2026/12/%D8%A3%D9%85%D9%86-%D8%A7%D9%84%D8%AD%D8%AF%D9%88%D8%AF")
    assert article_href(site, article("x", "https://courier.example/x.html")) == "https://courier.example/x.html"
    assert article_href(site, article("budget-vote")) == "#"  # a hand-set key is not a path
