"""`majlis serve --demo` as a real process on a real port, driven over HTTP like the README."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import LiveServer


@pytest.mark.slow
def test_demo_round_trip_over_real_http(live_demo: LiveServer) -> None:
    url = f"{live_demo.base}/api/v1/sites/demo/articles/tigris-bridge-reopens/comments"
    email = "reader.unique@example.org"
    posted = httpx.post(url, json={"author_name": "Reader", "author_email": email,
                                    "text": "The shops on the east bank will be glad the bridge is open again."})
    assert posted.status_code == 201
    cid = posted.json()["id"]
    if posted.json()["state"] != "approved":
        decided = httpx.post(f"{live_demo.base}/api/v1/moderation/comments/{cid}/decision",
                             json={"decision": "approve"}, headers=live_demo.headers())
        assert decided.status_code == 200
    listed = httpx.get(url)
    assert cid in [c["id"] for c in listed.json()["comments"]]
    assert email not in listed.text
    # Neither the email nor the client address reaches the log.
    text = live_demo.log.read_text()
    assert email not in text
    assert "127.0.0.1:" not in text.replace(live_demo.base, "")


@pytest.mark.slow
def test_demo_serves_the_article_pages(live_demo: LiveServer) -> None:
    for path in ("/", "/ar", "/embed.js", "/guidelines?lang=ckb"):
        assert httpx.get(live_demo.base + path).status_code == 200
