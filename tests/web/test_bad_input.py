"""Every malformed request gets a 4xx JSON error naming the field, and nothing is stored."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from majlis.storage import Store
from majlis.storage.tables import comments
from tests.conftest import Newsroom, comment_body


def count_comments(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(comments)).scalar_one())


BAD_BODIES: list[tuple[str, Any, str]] = [
    ("missing name", {"author_email": "a@example.org", "text": "hi"}, "author_name"),
    ("blank name", comment_body(author_name="   "), "author_name"),
    ("long name", comment_body(author_name="n" * 81), "author_name"),
    ("missing email", {"author_name": "A", "text": "hi"}, "author_email"),
    ("blank email", comment_body(author_email=""), "author_email"),
    ("invalid email", comment_body(author_email="not-an-email"), "author_email"),
    ("email without domain", comment_body(author_email="a@"), "author_email"),
    ("missing text", {"author_name": "A", "author_email": "a@example.org"}, "text"),
    ("empty text", comment_body(""), "text"),
    ("whitespace text", comment_body(" \n\t "), "text"),
    ("over-long text", comment_body("x" * 5001), "text"),
    ("text not a string", comment_body(12345), "text"),
    ("NUL in text", comment_body("a\x00b"), "text"),
    ("unknown field", comment_body(ip="1.2.3.4"), "ip"),
    ("negative parent", comment_body(parent_id=-1), "parent_id"),
    ("parent not found", comment_body(parent_id=999999), "parent_id"),
    ("body is a list", ["text"], "body"),
]


@pytest.mark.parametrize(("case", "body", "field"), BAD_BODIES, ids=[c[0] for c in BAD_BODIES])
def test_bad_comment_is_refused_with_the_field(
    client: TestClient, newsroom: Newsroom, store: Store, case: str, body: Any, field: str
) -> None:
    response = client.post(newsroom.comments_url(), json=body)
    assert 400 <= response.status_code < 500, response.text
    error = response.json()
    assert error["field"] == field, error
    assert field in error["message"] or field == "body"
    assert count_comments(store) == 0


def test_text_at_the_limit_is_accepted(client: TestClient, newsroom: Newsroom) -> None:
    assert client.post(newsroom.comments_url(), json=comment_body("x" * 5000)).status_code == 201


RAW_BODIES: list[tuple[str, bytes, int]] = [
    ("bad json", b'{"author_name": "A",', 422),
    ("invalid utf-8", b'{"author_name": "A", "author_email": "a@example.org", "text": "\xff\xfe"}', 400),
    ("lone surrogate", b'{"author_name": "A", "author_email": "a@example.org", "text": "\\ud800"}', 422),
    ("empty body", b"", 422),
]


@pytest.mark.parametrize(("case", "raw", "status"), RAW_BODIES, ids=[c[0] for c in RAW_BODIES])
def test_malformed_body_is_refused(
    client: TestClient, newsroom: Newsroom, store: Store, case: str, raw: bytes, status: int
) -> None:
    response = client.post(newsroom.comments_url(), content=raw, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    assert response.json()["field"] in ("body", "text")
    assert count_comments(store) == 0


def test_body_over_the_size_limit_is_413(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    big = comment_body("x" * 70_000)
    response = client.post(newsroom.comments_url(), json=big)
    assert response.status_code == 413
    assert response.json()["field"] == "body"
    assert count_comments(store) == 0


def test_chunked_body_over_the_limit_is_413(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"author_name": "A", "author_email": "a@example.org", "text": "'
        for _ in range(80):
            yield b"x" * 1000
        yield b'"}'

    response = client.post(newsroom.comments_url(), content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert count_comments(store) == 0


def test_unknown_site_is_404(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    response = client.post("/api/v1/sites/nope/articles/a/comments", json=comment_body())
    assert response.status_code == 404
    assert response.json()["field"] == "site"
    assert client.get("/api/v1/sites/nope/articles/a/comments").status_code == 404
    assert count_comments(store) == 0


def test_reply_to_a_comment_of_another_article_is_refused(
    client: TestClient, newsroom: Newsroom, store: Store
) -> None:
    other = client.post(newsroom.comments_url("other-story"), json=comment_body()).json()["id"]
    client.post(
        f"/api/v1/moderation/comments/{other}/decision", json={"decision": "approve"}, headers=newsroom.mod_headers()
    )
    response = client.post(newsroom.comments_url(), json=comment_body(parent_id=other))
    assert response.status_code == 422
    assert response.json()["field"] == "parent_id"
    assert count_comments(store) == 1


def test_reply_to_an_unpublished_comment_is_refused(client: TestClient, newsroom: Newsroom) -> None:
    pending = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    response = client.post(newsroom.comments_url(), json=comment_body(parent_id=pending))
    assert response.status_code == 422 and response.json()["field"] == "parent_id"


@pytest.mark.parametrize(
    ("params", "field"),
    [({"limit": 0}, "limit"), ({"limit": 201}, "limit"), ({"limit": "x"}, "limit"), ({"cursor": "garbage!"}, "cursor")],
)
def test_bad_page_parameters_are_refused(
    client: TestClient, newsroom: Newsroom, params: dict[str, Any], field: str
) -> None:
    response = client.get(newsroom.comments_url(), params=params)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_closed_article_refuses_comments(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    url = f"/api/v1/sites/{newsroom.site}/articles/{newsroom.article}"
    client.put(url, json={"title": "Budget", "closed": True}, headers=newsroom.pub_headers())
    response = client.post(newsroom.comments_url(), json=comment_body())
    assert response.status_code == 403 and response.json()["field"] == "article"
    assert count_comments(store) == 0


def test_limits_are_configurable(store: Store, screener, settings) -> None:  # type: ignore[no-untyped-def]
    from majlis.web.app import create_app
    from tests.conftest import make_newsroom

    room = make_newsroom(store)
    tight = settings.model_copy(update={"comment_max_chars": 10, "comment_min_chars": 3})
    with TestClient(create_app(tight, store=store, screener=screener)) as client:
        assert client.post(room.comments_url(), json=comment_body("x" * 11)).json()["field"] == "text"
        assert client.post(room.comments_url(), json=comment_body("xy")).json()["field"] == "text"
        assert client.post(room.comments_url(), json=comment_body("xyz")).status_code == 201


def test_huge_ids_in_paths_are_refused_not_overflowed(client, newsroom) -> None:  # type: ignore[no-untyped-def]
    """Ids beyond 64 bits are a 422 naming the parameter, on every endpoint that takes one."""
    huge = 2**63
    for method, path in [("DELETE", f"/api/v1/sites/{newsroom.site}/webhooks/{huge}"),
                         ("GET", f"/api/v1/sites/{newsroom.site}/webhooks/{huge}/deliveries"),
                         ("POST", f"/api/v1/sites/{newsroom.site}/webhooks/{huge}/test"),
                         ("GET", f"/api/v1/moderation/comments/{huge}")]:
        answer = client.request(method, path, headers=newsroom.pub_headers() if "webhooks" in path else newsroom.mod_headers())
        assert answer.status_code == 422, (path, answer.text)


def test_nul_characters_in_urls_and_webhook_addresses_are_refused(client, newsroom) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/v1/sites/%00/config", "/api/v1/moderation/queue?limit=1&site=%00",
                 f"/api/v1/sites/{newsroom.site}/articles/a%00b/comments"):
        answer = client.get(path, headers=newsroom.mod_headers())
        assert answer.status_code == 400 and answer.json()["field"] == "url", path
    bad = client.post(f"/api/v1/sites/{newsroom.site}/webhooks", headers=newsroom.pub_headers(),
                      json={"url": "https://cms.example/ho\u0000ok"})
    assert bad.status_code == 422 and bad.json()["field"] == "url"
