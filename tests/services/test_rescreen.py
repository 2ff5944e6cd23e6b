"""Changing a site's thresholds re-screens its waiting comments on the task queue (in-process here)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from majlis.services import accounts
from majlis.storage import Store
from tests.conftest import comment_body, make_newsroom
from tests.web.test_desk import PASSWORD, log_in

QUOTED = 'A man called my sister a "whore" in the market yesterday.'


def test_threshold_change_decides_waiting_comments(client: TestClient, store: Store) -> None:
    room = make_newsroom(store, "herald", premoderate=False)
    held = client.post(room.comments_url(), json=comment_body(QUOTED)).json()
    assert held["state"] == "pending"
    accounts.create_moderator(store, "boss@herald.example", PASSWORD, is_admin=True, site_slugs=[])
    csrf = log_in(client, "boss@herald.example")
    saved = client.post(f"/moderate/settings/{room.site}", data={"csrf": csrf, "reject_abuse": "0.6", "review_abuse": "0.4",
                                                                  "show_reasons": "1"}, follow_redirects=False)
    assert saved.status_code == 303
    deadline = time.monotonic() + 20
    while store.comment(held["id"]).state.value == "pending" and time.monotonic() < deadline:  # type: ignore[union-attr]
        time.sleep(0.1)
    comment = store.comment(held["id"])
    assert comment is not None and comment.state.value == "rejected"
    last = store.decisions(held["id"])[-1]
    assert (last.actor_kind.value, last.category.value if last.category else None) == ("screen", "abuse")
    assert "re-screened" in last.note
