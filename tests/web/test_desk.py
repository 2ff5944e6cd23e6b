"""The moderator's desk over HTTP: who may see and decide what, CSRF, lockout, rules, settings."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from majlis.services import accounts
from majlis.storage import Store
from tests.conftest import Newsroom, comment_body, make_newsroom

PASSWORD = "correct horse battery"


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token."""
    form = client.get("/moderate/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    response = client.post("/moderate/login", data={"email": email, "password": password, "csrf": token},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    page = client.get("/moderate")
    return re.search(r'data-csrf="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]


def pending_ids(client: TestClient) -> list[int]:
    return [int(i) for i in re.findall(r'class="item" data-id="(\d+)"', client.get("/moderate").text)]


def test_logged_out_users_see_and_decide_nothing(client: TestClient, newsroom: Newsroom) -> None:
    client.post(newsroom.comments_url(), json=comment_body())
    assert client.get("/moderate", follow_redirects=False).headers["location"] == "/moderate/login"
    assert client.get("/moderate/stats", follow_redirects=False).status_code == 303
    assert client.get("/moderate/events", follow_redirects=False).status_code == 303
    assert client.post("/moderate/decide", json={"ids": [1], "decision": "approve"}).status_code == 401
    assert client.post("/moderate/undo", json={"id": 1}).status_code == 401


def test_moderator_decides_with_the_csrf_token_only(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body("You are wrong about the budget")).json()["id"]
    csrf = log_in(client, newsroom.moderator_email)
    assert pending_ids(client) == [cid]
    assert client.post("/moderate/decide", json={"ids": [cid], "decision": "approve"}).status_code == 403
    forged = client.post("/moderate/decide", json={"ids": [cid], "decision": "approve"},
                         headers={"x-csrf-token": csrf, "Origin": "https://evil.example"})
    assert forged.status_code == 403
    ok = client.post("/moderate/decide", json={"ids": [cid], "decision": "reject", "category": "personal_attack"},
                     headers={"x-csrf-token": csrf})
    assert ok.json()["decided"][0]["state"] == "rejected"
    undone = client.post("/moderate/undo", json={"id": cid}, headers={"x-csrf-token": csrf}).json()
    assert undone == {"id": cid, "state": "pending", "reversal": True}
    assert [e.note for e in store.decisions(cid)][-1] == "undo"


def test_forged_cross_site_form_post_is_refused(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    admin = accounts.create_moderator(store, "boss@courier.example", PASSWORD, is_admin=True, site_slugs=[])
    log_in(client, admin.email)
    forged = client.post(f"/moderate/settings/{newsroom.site}", data={"review_profanity": "0.1"},
                         headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403
    no_token = client.post(f"/moderate/settings/{newsroom.site}", data={"review_profanity": "0.1"})
    assert no_token.status_code == 403


def test_moderator_of_another_site_cannot_see_or_decide(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body()).json()["id"]
    other = make_newsroom(store, "gazette")
    csrf = log_in(client, other.moderator_email)
    assert pending_ids(client) == []
    assert client.get(f"/moderate/comments/{cid}").status_code == 404
    refused = client.post("/moderate/decide", json={"ids": [cid], "decision": "approve"}, headers={"x-csrf-token": csrf})
    assert refused.status_code == 404
    assert client.get(f"/moderate?site={newsroom.site}").status_code == 404
    assert client.get(f"/moderate/settings/{newsroom.site}").status_code == 403  # not an admin


def test_repeated_failures_make_that_client_wait(client: TestClient, newsroom: Newsroom) -> None:
    form = client.get("/moderate/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    for _ in range(5):
        wrong = client.post("/moderate/login", data={"email": newsroom.moderator_email, "password": "nope", "csrf": token})
        assert wrong.status_code == 401
    locked = client.post("/moderate/login", data={"email": newsroom.moderator_email, "password": PASSWORD, "csrf": token})
    assert locked.status_code == 429


def test_session_cookie_and_security_headers(client: TestClient, newsroom: Newsroom) -> None:
    form = client.get("/moderate/login")
    assert "frame-ancestors 'none'" in form.headers["content-security-policy"]
    assert "unsafe-inline" not in form.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert form.headers["x-frame-options"] == "DENY"
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    response = client.post("/moderate/login", data={"email": newsroom.moderator_email, "password": PASSWORD, "csrf": token},
                           follow_redirects=False)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_author_rules_hold_and_ban(client: TestClient, store: Store) -> None:
    room = make_newsroom(store, "herald", premoderate=False)
    first = client.post(room.comments_url(), json=comment_body("A calm remark about the budget vote.")).json()
    assert first["state"] == "approved"
    csrf = log_in(client, room.moderator_email)
    client.post("/moderate/authors", data={"comment_id": first["id"], "kind": "premoderate", "csrf": csrf})
    held = client.post(room.comments_url(), json=comment_body("Another calm remark about the vote.")).json()
    assert held["state"] == "pending"
    client.post("/moderate/authors", data={"comment_id": first["id"], "kind": "ban", "days": "7", "csrf": csrf})
    banned = client.post(room.comments_url(), json=comment_body("A third calm remark on the budget.")).json()
    assert banned["state"] == "rejected"
    other = client.post(room.comments_url(), json=comment_body("Someone else agrees on the budget.", author_email="x@example.org")).json()
    assert other["state"] == "approved"
    page = client.get(f"/moderate/comments/{first['id']}").text
    assert "layla@example.org" not in page  # not an admin: no email
    for rule_id in re.findall(r'/moderate/authors/(\d+)/lift', page):
        client.post(f"/moderate/authors/{rule_id}/lift", data={"comment_id": first["id"], "csrf": csrf})
    assert client.post(room.comments_url(), json=comment_body("Back to normal on the budget.")).json()["state"] == "approved"


def test_admin_changes_thresholds_and_the_change_is_recorded(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    admin = accounts.create_moderator(store, "boss@courier.example", PASSWORD, is_admin=True, site_slugs=[])
    csrf = log_in(client, admin.email)
    form = {"csrf": csrf, "reject_personal_attack": "0.7", "review_personal_attack": "0.4", "origins": "https://courier.example",
            "allowed_domains": "reuters.com", "show_reasons": "1"}
    saved = client.post(f"/moderate/settings/{newsroom.site}", data=form, follow_redirects=False)
    assert saved.status_code == 303
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    assert site.policy["thresholds"]["personal_attack"] == {"reject": 0.7, "review": 0.4}
    assert site.origins == ("https://courier.example",) and site.policy["allowed_domains"] == ["reuters.com"]
    entry = store.audit_entries([site.id], 1)[0]
    assert (entry["actor"], entry["action"]) == ("boss@courier.example", "site.settings")
    bad = client.post(f"/moderate/settings/{newsroom.site}", data={**form, "reject_personal_attack": "0.2"})
    assert bad.status_code == 422 and "below its review threshold" in bad.text


def test_saving_the_settings_form_keeps_the_bot_defences(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    """The settings form holds thresholds, lists and origins only: saving it leaves the site's proof
    of work and ticket settings (set with `majlis site`) as they were."""
    site = store.site_by_slug(newsroom.site)
    assert site is not None
    store.update_site(site.id, policy={**site.policy, "proof_of_work": "on", "pow_bits": 20, "require_ticket": True})
    admin = accounts.create_moderator(store, "boss@courier.example", PASSWORD, is_admin=True, site_slugs=[])
    csrf = log_in(client, admin.email)
    form = {"csrf": csrf, "review_spam": "0.6", "origins": "https://courier.example", "show_reasons": "1"}
    assert client.post(f"/moderate/settings/{newsroom.site}", data=form, follow_redirects=False).status_code == 303
    saved = store.site_by_slug(newsroom.site)
    assert saved is not None
    assert (saved.policy["proof_of_work"], saved.policy["pow_bits"], saved.policy["require_ticket"]) == ("on", 20, True)
    assert saved.policy["thresholds"]["spam"]["review"] == 0.6


def test_stats_and_history_pages(client: TestClient, newsroom: Newsroom) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body("The budget for schools is too small")).json()["id"]
    csrf = log_in(client, newsroom.moderator_email)
    client.post("/moderate/decide", json={"ids": [cid], "decision": "approve"}, headers={"x-csrf-token": csrf})
    stats = client.get("/moderate/stats").text
    assert stats.count("<svg") == 3 and "decisions made by the screen" in stats
    history = client.get("/moderate/history", params={"q": "schools"}).text
    assert f'/moderate/comments/{cid}"' in history


@pytest.mark.parametrize("path", ["/moderate", "/moderate/history", "/moderate/stats"])
def test_pages_escape_comment_text(client: TestClient, newsroom: Newsroom, path: str) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body('<img src=x onerror="alert(1)"> budget')).json()["id"]
    csrf = log_in(client, newsroom.moderator_email)
    if path == "/moderate/history":
        client.post("/moderate/decide", json={"ids": [cid], "decision": "approve"}, headers={"x-csrf-token": csrf})
    body = client.get(path).text
    assert '<img src=x onerror="alert(1)">' not in body


def test_admins_read_the_webhook_delivery_log_in_the_settings(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    client.app.state.settings = client.app.state.settings.model_copy(update={"webhook_allow_private": True})
    made = client.post(f"/api/v1/sites/{newsroom.site}/webhooks", headers=newsroom.pub_headers(),
                       json={"url": "http://127.0.0.1:9/unreachable"})
    assert made.status_code == 201
    tested = client.post(f"/api/v1/sites/{newsroom.site}/webhooks/{made.json()['id']}/test", headers=newsroom.pub_headers())
    assert tested.json()["delivered"] is False
    admin = accounts.create_moderator(store, "boss@courier.example", PASSWORD, is_admin=True, site_slugs=[])
    log_in(client, admin.email)
    text = client.get(f"/moderate/settings/{newsroom.site}").text
    assert "http://127.0.0.1:9/unreachable" in text and "webhook.test" in text and "ConnectError" in text
    assert made.json()["secret"] not in text  # the secret is never shown again


@pytest.mark.parametrize(("language", "queue_word", "direction"), [
    ("ar", "قائمة الانتظار", "rtl"), ("ckb", "ڕیز", "rtl"), ("kmr", "Rêz", "ltr"), ("tr", "Kuyruk", "ltr"),
    ("fa", "صف", "rtl"), ("en", "Queue", "ltr")])
def test_the_desk_speaks_six_languages(client: TestClient, newsroom: Newsroom, language: str, queue_word: str,
                                       direction: str) -> None:
    from majlis.web.desk.words import DESK_WORDS
    from majlis.web.i18n import strings

    assert set(DESK_WORDS[language]) == set(DESK_WORDS["en"])  # nothing left untranslated
    client.post(newsroom.comments_url(), json={"author_name": "Layla", "author_email": "layla@example.org",
                                               "text": "A fair point about the budget."})
    log_in(client, newsroom.moderator_email)
    page = client.get(f"/moderate?lang={language}").text
    assert f'<html lang="{language}" dir="{direction}">' in page and f">{queue_word}</a>" in page
    assert strings(language)["categories"]["personal_attack"] in page  # guideline names in the same language
    assert "built-in method" not in page and f"{DESK_WORDS[language]['keys_label']}:" in page
    again = client.get("/moderate").text  # remembered in a cookie
    assert f'<html lang="{language}"' in again
    words = DESK_WORDS[language]
    comment_id = re.search(r'class="item" data-id="(\d+)"', again).group(1)  # type: ignore[union-attr]
    pages = {f"/moderate/comments/{comment_id}": words["decisions"], "/moderate/history": words["search"],
             "/moderate/stats": words["per_day_title"]}
    for path, word in pages.items():
        text = client.get(path).text
        assert f'<html lang="{language}" dir="{direction}">' in text and word in text, path
        assert "built-in method" not in text and not re.search(r"\{(id|days|approved|name|slug)\}", text), path


def test_huge_ids_in_desk_paths_are_refused(client: TestClient, newsroom: Newsroom) -> None:
    log_in(client, newsroom.moderator_email)
    assert client.get(f"/moderate/comments/{2**63}").status_code == 422
    assert client.get(f"/moderate/privacy/export/{2**63}").status_code == 422


def test_a_nul_character_in_the_login_form_is_a_client_error(client: TestClient, newsroom: Newsroom) -> None:
    form = client.get("/moderate/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    answer = client.post("/moderate/login", data={"email": "a\x00b@example.org", "password": "x\x00y", "csrf": token},
                         follow_redirects=False)
    assert 400 <= answer.status_code < 500


def test_the_comment_page_shows_the_rulings_and_reads_verdicts_stored_without_them(
        client: TestClient, newsroom: Newsroom, store: Store) -> None:
    cid = client.post(newsroom.comments_url(), json=comment_body("This is a stupid policy")).json()["id"]
    log_in(client, newsroom.moderator_email)
    page = client.get(f"/moderate/comments/{cid}").text
    assert "Rules applied" in page and "judges-an-idea" in page and "strong words about an idea" in page
    comment = store.comment(cid)
    assert comment is not None and comment.verdict is not None
    old = {key: value for key, value in comment.verdict.items() if key != "rulings"}
    store.set_verdict(cid, old, float(old["risk"]), None)
    page = client.get(f"/moderate/comments/{cid}")
    assert page.status_code == 200 and "Rules applied" not in page.text and "judges-an-idea" not in page.text
