"""Comments are screened before the POST answers: approved, rejected with the guideline, or held."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from majlis.storage import Store
from tests.conftest import Newsroom, comment_body, make_newsroom

BODY = (
    "The provincial parliament voted on Tuesday on the new city budget. It raises spending on schools, "
    "roads and water pipes, and cuts the cost of the governor's office. Opposition members said the "
    "budget ignores the old city and its markets, and asked for the contracts to be published."
)


@pytest.fixture
def screened(store: Store, client: TestClient) -> Newsroom:
    room = make_newsroom(store, "herald", premoderate=False)
    client.put(f"/api/v1/sites/{room.site}/articles/{room.article}",
               json={"title": "Parliament votes on the city budget", "body": BODY, "language": "en"},
               headers=room.pub_headers())
    return room


CASES = [
    ("The budget should spend more on the schools and water pipes of the old city.", "approved", None),
    ("You are an idiot and the author is a liar.", "rejected", "personal_attack"),
    ("Great prices at www.cheap-watches.com, order now!", "rejected", "promotion"),
    ("Does anyone have a good recipe for chocolate cake with strawberries and cream? "
     "My daughter wants one for her birthday party next week.", "pending", "off_topic"),
]


@pytest.mark.parametrize(("text", "state", "category"), CASES)
def test_post_returns_the_screens_decision(client: TestClient, screened: Newsroom, text: str, state: str, category: str | None) -> None:
    response = client.post(screened.comments_url(), json=comment_body(text))
    assert response.status_code == 201
    body = response.json()
    assert (body["state"], body["category"]) == (state, category)
    published = [c["text"] for c in client.get(screened.comments_url()).json()["comments"]]
    assert (text in published) == (state == "approved")


def test_verdict_is_stored_and_shown_to_moderators(client: TestClient, screened: Newsroom) -> None:
    cid = client.post(screened.comments_url(), json=comment_body("You are an idiot.")).json()["id"]
    body = client.get(f"/api/v1/moderation/comments/{cid}", headers=screened.mod_headers()).json()
    verdict = body["comment"]["verdict"]
    assert verdict["action"] == "reject" and verdict["category"] == "personal_attack"
    assert verdict["engine_version"] and verdict["language"] == "en"
    assert any(e["detail"].startswith("idiot") for e in verdict["evidence"])
    first = body["history"][0]
    assert (first["actor_kind"], first["action"], first["category"]) == ("screen", "reject", "personal_attack")


def test_a_repeated_comment_is_caught_as_spam(client: TestClient, screened: Newsroom) -> None:
    text = "The opposition is right that the budget forgets the markets of the old city completely."
    assert client.post(screened.comments_url(), json=comment_body(text)).json()["state"] == "approved"
    again = client.post(screened.comments_url(), json=comment_body(text, author_email="other@example.org")).json()
    assert (again["state"], again["category"]) == ("rejected", "spam")


def test_rejection_reason_can_be_hidden_from_readers(client: TestClient, screened: Newsroom, store: Store) -> None:
    site = store.site_by_slug(screened.site)
    assert site is not None
    store.update_site(site.id, policy={**site.policy, "show_reasons": False})
    body = client.post(screened.comments_url(), json=comment_body("You are an idiot.")).json()
    assert body["state"] == "rejected" and body["category"] is None


def test_language_is_detected_and_stored(client: TestClient, screened: Newsroom, store: Store) -> None:
    cid = client.post(screened.comments_url(), json=comment_body("بەرپرسان دەڵێن بودجەی نوێ بۆ قوتابخانەکانە")).json()["id"]
    stored = store.comment(cid)
    assert stored is not None and stored.language == "ckb"
