"""Every write route of the app, tried on another site's objects: refused, and nothing changed.

The table of cases is checked against the app's routes, so a new write route fails this test until
it has a case here (or a reason to be exempt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select

from majlis.domain import Action, ActorKind, Role
from majlis.services import accounts
from majlis.services.mail import unsubscribe_token
from majlis.storage import Store
from majlis.storage.tables import metadata
from tests.conftest import comment_body, make_newsroom
from tests.web.test_desk import log_in

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass
class Scene:
    """A moderator and a publisher of site A (courier), and objects of site B (gazette)."""

    client: TestClient
    csrf: str
    publisher_a: dict[str, str]
    moderator_a: dict[str, str]
    own_comment: int  # a pending comment of A, for the bulk case
    pending_b: int
    decided_b: int
    rule_b: int
    webhook_b: int
    site_b_id: int
    author_b: str
    secret: bytes


def _scene(client: TestClient, store: Store) -> Scene:
    a = make_newsroom(store, "courier")
    b = make_newsroom(store, "gazette")
    own = client.post(a.comments_url(), json=comment_body("Schools first, roads later.")).json()["id"]
    pending = client.post(b.comments_url(), json=comment_body("Water pipes need the money.")).json()["id"]
    decided = client.post(b.comments_url(), json=comment_body("Roads are fine as they are.")).json()["id"]
    site_b = store.site_by_slug("gazette")
    assert site_b is not None
    store.decide(decided, action=Action.APPROVE, category=None, note="", actor_kind=ActorKind.MODERATOR, actor="x")
    author = store.comment(pending).author_key  # type: ignore[union-attr]
    rule = store.add_author_rule(site_b.id, author, "ban", None, "", "mod@gazette.example")
    hook = store.add_webhook(site_b.id, "https://cms.gazette.example/hook", "secret", ["comment.created"])
    csrf = log_in(client, a.moderator_email)
    return Scene(client, csrf, a.pub_headers(), a.mod_headers(), own, pending, decided, rule, int(hook["id"]),
                 site_b.id, author, client.app.state.secret)  # type: ignore[attr-defined]


def _desk(s: Scene, path: str, **kwargs: Any) -> httpx.Response:
    return s.client.post(path, headers={"x-csrf-token": s.csrf}, follow_redirects=False, **kwargs)


# (method, path template) -> the attempt on site B's object, made by A's moderator or publisher.
CASES: dict[tuple[str, str], Callable[[Scene], httpx.Response]] = {
    ("POST", "/api/v1/moderation/comments/{comment_id}/decision"): lambda s: s.client.post(
        f"/api/v1/moderation/comments/{s.pending_b}/decision", json={"decision": "approve"}, headers=s.moderator_a),
    ("PUT", "/api/v1/sites/{site}/articles/{article:path}"): lambda s: s.client.put(
        "/api/v1/sites/gazette/articles/budget-vote", json={"title": "Hijacked"}, headers=s.publisher_a),
    ("POST", "/api/v1/sites/{site}/webhooks"): lambda s: s.client.post(
        "/api/v1/sites/gazette/webhooks", json={"url": "https://evil.example/"}, headers=s.publisher_a),
    # A's publisher names its own site and B's webhook: the webhook must belong to the site named.
    ("DELETE", "/api/v1/sites/{site}/webhooks/{webhook_id}"): lambda s: s.client.delete(
        f"/api/v1/sites/courier/webhooks/{s.webhook_b}", headers=s.publisher_a),
    ("POST", "/api/v1/sites/{site}/webhooks/{webhook_id}/test"): lambda s: s.client.post(
        f"/api/v1/sites/courier/webhooks/{s.webhook_b}/test", headers=s.publisher_a),
    ("POST", "/moderate/decide"): lambda s: _desk(
        s, "/moderate/decide", json={"ids": [s.own_comment, s.pending_b], "decision": "approve"}),
    ("POST", "/moderate/undo"): lambda s: _desk(s, "/moderate/undo", json={"id": s.decided_b}),
    ("POST", "/moderate/authors"): lambda s: _desk(
        s, "/moderate/authors", data={"csrf": s.csrf, "comment_id": str(s.pending_b), "kind": "ban"}),
    ("POST", "/moderate/authors/{rule_id}/lift"): lambda s: _desk(
        s, f"/moderate/authors/{s.rule_b}/lift", data={"csrf": s.csrf, "comment_id": str(s.pending_b)}),
    ("POST", "/moderate/privacy/erase/{comment_id}"): lambda s: _desk(
        s, f"/moderate/privacy/erase/{s.pending_b}", data={"csrf": s.csrf}),
    ("POST", "/moderate/settings/{slug}"): lambda s: _desk(
        s, "/moderate/settings/gazette", data={"csrf": s.csrf, "premoderate_all": "on"}),
    # A link made for another site does not unsubscribe the author from this one.
    ("POST", "/unsubscribe/{site_id}/{author}/{token}"): lambda s: s.client.post(
        f"/unsubscribe/{s.site_b_id}/{s.author_b}/{unsubscribe_token(s.secret, s.site_b_id - 1, s.author_b)}"),
}
EXEMPT = {
    ("POST", "/api/v1/sites/{site}/articles/{article:path}/comments"): "readers may comment on any site",
    ("POST", "/moderate/login"): "acts on no site's object",
    ("POST", "/moderate/logout"): "ends the caller's own session",
}


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    """The app's routes, through included routers (FastAPI keeps them as routers of their own;
    the routers here carry their prefix themselves, none is added at inclusion)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += _api_routes(route.original_router.routes)
    return found


def _write_routes(app: Any) -> set[tuple[str, str]]:
    return {(method, route.path) for route in _api_routes(app.routes) for method in route.methods & WRITES}


def test_every_write_route_has_a_case(app: Any) -> None:
    assert _write_routes(app) == set(CASES) | set(EXEMPT)


# Written by the outbox poller on its own thread at any time, not by the request under test.
BACKGROUND = {("outbox", "handled_at")}


def _snapshot(store: Store) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table (the background columns left out), comparable before and after."""
    with store.engine.connect() as conn:
        return {t.name: sorted(tuple(repr(v) for k, v in row._mapping.items() if (t.name, k) not in BACKGROUND)
                               for row in conn.execute(select(t)))
                for t in metadata.sorted_tables}


@pytest.mark.parametrize("route", sorted(CASES), ids=lambda r: f"{r[0]} {r[1]}")
def test_another_sites_object_is_refused_and_left_unchanged(route: tuple[str, str], client: TestClient,
                                                            store: Store) -> None:
    scene = _scene(client, store)
    audit_before = len(store.audit_entries(None, 1000))
    before = _snapshot(store)
    answer = CASES[route](scene)
    assert answer.status_code in (403, 404), (answer.status_code, answer.text[:300])
    assert _snapshot(store) == before
    assert len(store.audit_entries(None, 1000)) == audit_before


def test_a_moderator_still_acts_on_their_own_site(client: TestClient, store: Store) -> None:
    """The same routes do change the moderator's own site's objects (the refusals above are not blanket)."""
    scene = _scene(client, store)
    site_a = store.site_by_slug("courier")
    assert site_a is not None
    own_rule = store.add_author_rule(site_a.id, "k" * 64, "ban", None, "", "mod@courier.example")
    lifted = _desk(scene, f"/moderate/authors/{own_rule}/lift", data={"csrf": scene.csrf,
                                                                      "comment_id": str(scene.own_comment)})
    assert lifted.status_code == 303
    assert store.author_rules(site_a.id, "k" * 64) == []
    decided = _desk(scene, "/moderate/decide", json={"ids": [scene.own_comment], "decision": "approve"})
    assert decided.json()["decided"][0]["state"] == "approved"
    moderator = accounts.create_moderator(store, "boss@courier.example", "correct horse battery", is_admin=True,
                                          site_slugs=[])
    token = accounts.issue_token(store, Role.MODERATOR, None, moderator.id)
    assert client.post(f"/api/v1/moderation/comments/{scene.pending_b}/decision", json={"decision": "approve"},
                       headers={"Authorization": f"Bearer {token}"}).status_code == 200
