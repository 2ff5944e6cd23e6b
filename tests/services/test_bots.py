"""Bot defences: honeypot, form tickets (minimum time to submit), proof of work without replay."""

from __future__ import annotations

import hashlib
import time

import pytest
from fastapi.testclient import TestClient

from majlis.services import bots
from majlis.services.errors import Invalid
from majlis.storage import Store
from tests.conftest import Newsroom, comment_body

SECRET = b"s" * 32


def solve(challenge: str, bits: int) -> str:
    nonce = 0
    while bots.leading_zero_bits(hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()) < bits:
        nonce += 1
    return str(nonce)


def test_leading_zero_bits() -> None:
    assert bots.leading_zero_bits(bytes([0, 0x0F])) == 12
    assert bots.leading_zero_bits(bytes([0x80])) == 0
    assert bots.leading_zero_bits(bytes(4)) == 32


def test_tickets_prove_time_and_origin() -> None:
    ticket = bots.issue_ticket(SECRET, "courier", now=1000.0)
    bots.check_ticket(SECRET, "courier", ticket, 2.0, now=1003.0)
    with pytest.raises(Invalid, match="too fast"):
        bots.check_ticket(SECRET, "courier", ticket, 2.0, now=1001.0)
    with pytest.raises(Invalid, match="not one this server issued"):
        bots.check_ticket(SECRET, "gazette", ticket, 2.0, now=1003.0)
    with pytest.raises(Invalid, match="not one this server issued"):
        bots.check_ticket(b"other" * 8, "courier", ticket, 2.0, now=1003.0)
    with pytest.raises(Invalid, match="too old"):
        bots.check_ticket(SECRET, "courier", ticket, 2.0, now=1000.0 + 2 * 86400)


def test_proof_of_work_is_checked() -> None:
    challenge = bots.issue_challenge(SECRET, "courier", 8)
    nonce = solve(challenge, 8)
    assert bots.verify_solution(SECRET, "courier", challenge, nonce, 8).token
    wrong = next(str(n) for n in range(1000) if bots.leading_zero_bits(hashlib.sha256(f"{challenge}:{n}".encode()).digest()) < 8)
    with pytest.raises(Invalid, match="wrong"):
        bots.verify_solution(SECRET, "courier", challenge, wrong, 8)
    with pytest.raises(Invalid, match="does not fit"):
        bots.verify_solution(SECRET, "gazette", challenge, nonce, 8)
    with pytest.raises(Invalid, match="does not fit"):
        bots.verify_solution(SECRET, "courier", challenge, nonce, 12)  # easier than the site asks
    with pytest.raises(Invalid, match="not one this server issued"):
        bots.verify_solution(SECRET, "courier", challenge.replace(".8.", ".1.", 1), nonce, 1)
    with pytest.raises(Invalid, match="expired"):
        bots.verify_solution(SECRET, "courier", challenge, nonce, 8, now=time.time() + 3600)


def test_honeypot_and_fast_posts_are_refused(client: TestClient, newsroom: Newsroom) -> None:
    filled = client.post(newsroom.comments_url(), json=comment_body(website="http://spam.example"))
    assert filled.status_code == 422 and filled.json()["field"] == "website"
    ticket = client.get(f"/api/v1/sites/{newsroom.site}/ticket").json()
    fast = client.post(newsroom.comments_url(), json=comment_body(ticket=ticket["ticket"]))
    assert fast.status_code == 422 and fast.json()["field"] == "ticket"
    forged = client.post(newsroom.comments_url(), json=comment_body(ticket="1.abc"))
    assert forged.json()["field"] == "ticket"
    assert client.get(newsroom.comments_url()).json()["total"] == 0


def test_proof_of_work_site_refuses_missing_wrong_and_replayed_answers(client: TestClient, newsroom: Newsroom,
                                                                      store: Store) -> None:
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    store.update_site(site.id, policy={**site.policy, "proof_of_work": "on", "pow_bits": 8})
    missing = client.post(newsroom.comments_url(), json=comment_body())
    assert missing.status_code == 422 and missing.json()["field"] == "pow"
    asked = client.get(f"/api/v1/sites/{newsroom.site}/challenge").json()
    assert asked["required"] is True and asked["bits"] == 8
    proof = {"challenge": asked["challenge"], "nonce": solve(asked["challenge"], 8)}
    assert client.post(newsroom.comments_url(), json=comment_body(pow=proof)).status_code == 201
    replay = client.post(newsroom.comments_url(), json=comment_body("Again", pow=proof))
    assert replay.status_code == 422 and "used already" in replay.json()["message"]
    wrong = client.get(f"/api/v1/sites/{newsroom.site}/challenge").json()["challenge"]
    bad = client.post(newsroom.comments_url(), json=comment_body(pow={"challenge": wrong, "nonce": "x"}))
    assert bad.status_code == 422 and bad.json()["field"] == "pow"


def test_proof_of_work_switches_on_under_a_flood(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    store.update_site(site.id, policy={**site.policy, "proof_of_work": "auto", "pow_auto_per_minute": 3})
    assert not client.get(f"/api/v1/sites/{newsroom.site}/challenge").json()["required"]
    for n in range(4):
        assert client.post(newsroom.comments_url(), json=comment_body(f"Flood {n}")).status_code == 201
    assert client.get(f"/api/v1/sites/{newsroom.site}/challenge").json()["required"]
    assert client.post(newsroom.comments_url(), json=comment_body("One more")).json()["field"] == "pow"
