"""The API answers browsers only from the site's allowed origins (and Majlis's own pages)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Newsroom, comment_body

ALLOWED = "http://localhost:8000"  # the newsroom fixture's origin
EVIL = "https://evil.example"


def test_allowed_origin_gets_cors_headers(client: TestClient, newsroom: Newsroom) -> None:
    response = client.get(newsroom.comments_url(), headers={"Origin": ALLOWED})
    assert response.headers["access-control-allow-origin"] == ALLOWED
    preflight = client.options(newsroom.comments_url(), headers={"Origin": ALLOWED, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["access-control-allow-methods"]
    posted = client.post(newsroom.comments_url(), json=comment_body(), headers={"Origin": ALLOWED})
    assert posted.status_code == 201


def test_other_origins_get_nothing_and_cannot_post(client: TestClient, newsroom: Newsroom) -> None:
    read = client.get(newsroom.comments_url(), headers={"Origin": EVIL})
    assert "access-control-allow-origin" not in read.headers
    preflight = client.options(newsroom.comments_url(), headers={"Origin": EVIL, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 403
    posted = client.post(newsroom.comments_url(), json=comment_body(), headers={"Origin": EVIL})
    assert posted.status_code == 403 and posted.json()["field"] == "origin"
    assert client.get(newsroom.comments_url()).json()["total"] == 0


def test_servers_without_origin_header_are_unaffected(client: TestClient, newsroom: Newsroom) -> None:
    assert client.post(newsroom.comments_url(), json=comment_body()).status_code == 201


def test_site_config_and_strings_for_the_widget(client: TestClient, newsroom: Newsroom) -> None:
    config = client.get(f"/api/v1/sites/{newsroom.site}/config").json()
    assert config["text_max_chars"] == 5000 and config["show_reasons"] is True
    for lang in ("en", "ar", "ckb", "kmr", "tr", "fa"):
        strings = client.get(f"/api/v1/i18n/{lang}").json()
        assert strings["lang"] == lang and strings["submit"] and len(strings["categories"]) == 8
        assert strings["dir"] == ("rtl" if lang in ("ar", "ckb", "fa") else "ltr")
    assert client.get("/api/v1/i18n/xx").json()["lang"] == "en"


def test_widget_script_is_small_and_cacheable(client: TestClient) -> None:
    import gzip

    response = client.get("/embed.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert len(gzip.compress(response.content)) < 25_000
    assert client.get("/embed.js", headers={"If-None-Match": response.headers["etag"]}).status_code == 304
    assert "innerHTML" not in response.text  # comment text is only ever set as text
