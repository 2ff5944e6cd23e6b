"""Publishers register and update articles with their token."""

from __future__ import annotations

from fastapi.testclient import TestClient

from majlis.storage import Store
from tests.conftest import Newsroom, make_newsroom


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
