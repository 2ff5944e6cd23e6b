"""Posting and reading comments over the HTTP API, on SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient

from majlis.domain import text_sha256
from majlis.settings import Settings
from majlis.storage import Store
from tests.conftest import Newsroom, comment_body, metrics_headers


def approve(client: TestClient, room: Newsroom, comment_id: int) -> None:
    response = client.post(
        f"/api/v1/moderation/comments/{comment_id}/decision",
        json={"decision": "approve"},
        headers=room.mod_headers(),
    )
    assert response.status_code == 200, response.text


def test_posted_comment_waits_and_is_not_served(client: TestClient, newsroom: Newsroom) -> None:
    response = client.post(newsroom.comments_url(), json=comment_body())
    assert response.status_code == 201
    assert response.json()["state"] == "pending"
    listed = client.get(newsroom.comments_url()).json()
    assert listed["comments"] == [] and listed["total"] == 0


def test_approved_comment_is_served_without_email(client: TestClient, newsroom: Newsroom) -> None:
    posted = client.post(newsroom.comments_url(), json=comment_body("Roads first, then schools."))
    approve(client, newsroom, posted.json()["id"])
    response = client.get(newsroom.comments_url())
    assert response.status_code == 200
    body = response.json()
    assert [c["text"] for c in body["comments"]] == ["Roads first, then schools."]
    assert "layla@example.org" not in response.text
    assert "email" not in response.text and "author_key" not in response.text


def test_rejected_comment_is_never_served(client: TestClient, newsroom: Newsroom) -> None:
    posted = client.post(newsroom.comments_url(), json=comment_body("Buy cheap watches now"))
    response = client.post(
        f"/api/v1/moderation/comments/{posted.json()['id']}/decision",
        json={"decision": "reject", "category": "promotion"},
        headers=newsroom.mod_headers(),
    )
    assert response.json()["comment"]["state"] == "rejected"
    assert client.get(newsroom.comments_url()).json()["comments"] == []


def test_text_is_stored_byte_for_byte(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    text = "  <b>bold</b> & ‮ مرحبا\r\n\tسڵاو  \U0001f600 "
    posted = client.post(newsroom.comments_url(), json=comment_body(text))
    stored = store.comment(posted.json()["id"])
    assert stored is not None
    assert stored.text == text
    assert stored.text_sha256 == text_sha256(text)
    approve(client, newsroom, stored.id)
    assert client.get(newsroom.comments_url()).json()["comments"][0]["text"] == text


def test_unknown_article_is_created_on_first_comment(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    response = client.post(newsroom.comments_url("brand-new-story"), json=comment_body())
    assert response.status_code == 201
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    article = store.article(site.id, "brand-new-story")
    assert article is not None and article.title == ""


def test_replies_are_nested_under_their_parent(client: TestClient, newsroom: Newsroom) -> None:
    parent = client.post(newsroom.comments_url(), json=comment_body("Parent")).json()["id"]
    approve(client, newsroom, parent)
    reply = client.post(newsroom.comments_url(), json=comment_body("Reply", parent_id=parent)).json()["id"]
    approve(client, newsroom, reply)
    # A reply to a reply hangs under the top-level comment: one level of nesting.
    deeper = client.post(newsroom.comments_url(), json=comment_body("Deeper", parent_id=reply)).json()["id"]
    approve(client, newsroom, deeper)
    body = client.get(newsroom.comments_url()).json()
    assert [c["text"] for c in body["comments"]] == ["Parent"]
    assert [r["text"] for r in body["comments"][0]["replies"]] == ["Reply", "Deeper"]
    assert body["total"] == 3


def test_pages_follow_the_cursor_oldest_first(client: TestClient, newsroom: Newsroom) -> None:
    ids = []
    for n in range(5):
        ids.append(client.post(newsroom.comments_url(), json=comment_body(f"Comment {n}")).json()["id"])
        approve(client, newsroom, ids[-1])
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = client.get(newsroom.comments_url(), params=params).json()
        seen += [c["text"] for c in body["comments"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Comment {n}" for n in range(5)]
    assert pages == 3


def test_etag_answers_304_until_the_comments_change(client: TestClient, newsroom: Newsroom) -> None:
    first = client.get(newsroom.comments_url())
    etag = first.headers["etag"]
    assert client.get(newsroom.comments_url(), headers={"If-None-Match": etag}).status_code == 304
    posted = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    assert client.get(newsroom.comments_url(), headers={"If-None-Match": etag}).status_code == 304
    approve(client, newsroom, posted)
    changed = client.get(newsroom.comments_url(), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_reading_an_unknown_article_is_an_empty_page(client: TestClient, newsroom: Newsroom) -> None:
    body = client.get(newsroom.comments_url("never-commented")).json()
    assert body == {"article": None, "total": 0, "comments": [], "next_cursor": None}


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/sites/{site}/articles/{article}/comments" in paths
    assert "/api/v1/sites/{site}/articles/{article}" in paths
    assert "/api/v1/moderation/queue" in paths
    assert "/api/v1/moderation/comments/{comment_id}/decision" in paths


def test_health_probes(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200


def test_a_reader_never_names_an_article(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    from tests.web.test_desk import log_in

    headline = "Readers pick this headline"
    body = comment_body(article_title=headline, article_url="http://localhost:8000/news/dam")
    assert client.post(newsroom.comments_url("dam-report"), json=body).status_code == 201
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    article = store.article(site.id, "dam-report")
    # The URL on the site's own origin fills in; the title stays the publisher's to give.
    assert article is not None and (article.title, article.url) == ("", "http://localhost:8000/news/dam")
    listed = client.get(f"/api/v1/sites/{newsroom.site}/articles", headers=newsroom.pub_headers()).json()
    assert {a["key"]: a["title"] for a in listed}["dam-report"] == ""
    queue = client.get("/api/v1/moderation/queue", headers=newsroom.mod_headers()).json()["items"]
    assert [i["article_title"] for i in queue] == [""]
    log_in(client, newsroom.moderator_email)
    desk = client.get("/moderate").text
    assert headline not in desk and ">dam-report<" in desk
    # The publisher names it; a reader's title (or a URL off the site's origins) changes nothing after.
    client.put(f"/api/v1/sites/{newsroom.site}/articles/dam-report", json={"title": "Dam report"},
               headers=newsroom.pub_headers())
    client.post(newsroom.comments_url("dam-report"), json=comment_body("Second remark", article_title="Hijacked"))
    client.post(newsroom.comments_url(), json=comment_body(article_title="Hijacked", article_url="https://evil.example/x"))
    assert store.article(site.id, "dam-report").title == "Dam report"  # type: ignore[union-attr]
    registered = store.article(site.id, newsroom.article)
    assert registered is not None and registered.title == "Parliament votes on the city budget" and registered.url == ""


def test_metrics_count_requests_screening_decisions_and_the_queue(client: TestClient, newsroom: Newsroom,
                                                                  settings: Settings) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    client.post(newsroom.comments_url(), json=comment_body("Another remark"))
    approve(client, newsroom, cid)
    text = client.get("/metrics", headers=metrics_headers(settings)).text
    assert 'majlis_requests_total{method="POST",route="/api/v1/sites/{site}/articles/{article}/comments",status="201"} 2.0' in text
    assert "majlis_screen_seconds_count 2.0" in text
    assert 'majlis_decisions_total{action="approved",actor="screen",category=""}' not in text
    assert 'majlis_decisions_total{action="approve",actor="moderator",category=""} 1.0' in text
    assert f'majlis_queue_depth{{site="{newsroom.site}"}} 1.0' in text


def test_cached_pages_change_as_soon_as_a_decision_does(client: TestClient, newsroom: Newsroom) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body("Cached remark")).json()["id"]
    assert client.get(newsroom.comments_url()).json()["total"] == 0  # now cached
    approve(client, newsroom, cid)
    assert [c["text"] for c in client.get(newsroom.comments_url()).json()["comments"]] == ["Cached remark"]
    client.post(f"/api/v1/moderation/comments/{cid}/decision", json={"decision": "reject", "category": "spam"},
                headers=newsroom.mod_headers())
    assert client.get(newsroom.comments_url()).json()["comments"] == []
