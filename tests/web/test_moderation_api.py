"""The moderation API: the queue, decisions, reversals, and who may do what."""

from __future__ import annotations

from fastapi.testclient import TestClient

from majlis.domain import Role
from majlis.services import accounts
from majlis.storage import Store
from tests.conftest import Newsroom, comment_body, make_newsroom


def decide(client: TestClient, room: Newsroom, comment_id: int, **body: object):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/moderation/comments/{comment_id}/decision", json=body, headers=room.mod_headers()
    )


def test_queue_lists_pending_comments_without_email(client: TestClient, newsroom: Newsroom) -> None:
    for n in range(3):
        client.post(newsroom.comments_url(), json=comment_body(f"Comment {n}"))
    response = client.get("/api/v1/moderation/queue", headers=newsroom.mod_headers())
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 3
    assert {i["state"] for i in items} == {"pending"}
    assert items[0]["article_title"] == "Parliament votes on the city budget"
    assert "layla@example.org" not in response.text


def test_queue_is_riskiest_first_and_paginates(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    from sqlalchemy import update

    from majlis.storage.tables import comments

    ids = [client.post(newsroom.comments_url(), json=comment_body(f"C{n}")).json()["id"] for n in range(5)]
    risks = {ids[0]: 0.1, ids[1]: 0.9, ids[2]: 0.5, ids[3]: 0.9, ids[4]: 0.0}
    with store.engine.begin() as conn:
        for cid, risk in risks.items():
            conn.execute(update(comments).where(comments.c.id == cid).values(risk=risk))
    seen: list[int] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/v1/moderation/queue", params=params, headers=newsroom.mod_headers()).json()
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == [ids[1], ids[3], ids[2], ids[0], ids[4]]


def test_decided_comment_leaves_the_queue(client: TestClient, newsroom: Newsroom) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    assert decide(client, newsroom, cid, decision="approve").status_code == 200
    assert client.get("/api/v1/moderation/queue", headers=newsroom.mod_headers()).json()["items"] == []


def test_second_decision_is_a_recorded_reversal(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body("Roads")).json()["id"]
    decide(client, newsroom, cid, decision="approve", note="fine")
    assert len(client.get(newsroom.comments_url()).json()["comments"]) == 1
    response = decide(client, newsroom, cid, decision="reject", category="personal_attack", note="missed an insult")
    body = response.json()
    assert body["comment"]["state"] == "rejected"
    assert body["event"]["reversal"] is True
    history = body["history"]
    assert [h["action"] for h in history] == ["review", "approve", "reject"]
    assert [h["reversal"] for h in history] == [False, False, True]
    assert history[1]["actor"] == newsroom.moderator_email and history[1]["note"] == "fine"
    assert history[2]["category"] == "personal_attack"
    # The reversal removed it from the public list; the text never changed.
    assert client.get(newsroom.comments_url()).json()["comments"] == []
    stored = store.comment(cid)
    assert stored is not None and stored.text == "Roads"
    assert [e.action.value for e in store.decisions(cid)] == ["review", "approve", "reject"]


def test_comment_history_endpoint(client: TestClient, newsroom: Newsroom) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    body = client.get(f"/api/v1/moderation/comments/{cid}", headers=newsroom.mod_headers()).json()
    assert body["comment"]["id"] == cid and len(body["history"]) == 1


def test_bad_decisions_are_refused(client: TestClient, newsroom: Newsroom) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    assert decide(client, newsroom, cid, decision="maybe").json()["field"] == "decision"
    assert decide(client, newsroom, cid, decision="reject", category="rudeness").json()["field"] == "category"
    assert decide(client, newsroom, cid, decision="approve", category="spam").json()["field"] == "category"
    assert decide(client, newsroom, 999999, decision="approve").status_code == 404
    assert client.post(
        "/api/v1/moderation/comments/abc/decision", json={"decision": "approve"}, headers=newsroom.mod_headers()
    ).json()["field"] == "comment_id"


def test_moderation_needs_a_moderator_token(client: TestClient, newsroom: Newsroom) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    url = f"/api/v1/moderation/comments/{cid}/decision"
    assert client.get("/api/v1/moderation/queue").status_code == 401
    assert client.post(url, json={"decision": "approve"}).status_code == 401
    bad = {"Authorization": "Bearer mj_not-a-token"}
    assert client.post(url, json={"decision": "approve"}, headers=bad).status_code == 401
    # A publisher token is not a moderator token.
    assert client.post(url, json={"decision": "approve"}, headers=newsroom.pub_headers()).status_code == 403


def test_moderator_of_another_site_sees_and_decides_nothing(
    client: TestClient, newsroom: Newsroom, store: Store
) -> None:
    other = make_newsroom(store, "gazette")
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    queue = client.get("/api/v1/moderation/queue", headers=other.mod_headers()).json()
    assert queue["items"] == []
    assert client.get(f"/api/v1/moderation/queue?site={newsroom.site}", headers=other.mod_headers()).status_code == 404
    assert decide(client, other, cid, decision="approve").status_code == 404
    assert client.get(f"/api/v1/moderation/comments/{cid}", headers=other.mod_headers()).status_code == 404


def test_admin_sees_every_site(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    admin = accounts.create_moderator(store, "admin@example.org", "long enough password", is_admin=True, site_slugs=[])
    token = accounts.issue_token(store, Role.MODERATOR, None, admin.id)
    client.post(newsroom.comments_url(), json=comment_body())
    body = client.get("/api/v1/moderation/queue", headers={"Authorization": f"Bearer {token}"}).json()
    assert len(body["items"]) == 1


def test_revoked_token_stops_working(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    token = accounts.token_for(store, newsroom.moderator_token)
    assert token is not None
    store.revoke_token(token.id)
    assert client.get("/api/v1/moderation/queue", headers=newsroom.mod_headers()).status_code == 401
