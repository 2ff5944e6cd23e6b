"""The moderator's desk in a real browser, against the live demo server, driven by the keyboard."""

from __future__ import annotations

import httpx
import pytest

from majlis.demo import DEMO_MODERATOR, DEMO_PASSWORD
from tests.conftest import LiveServer, unique_marker

pytestmark = pytest.mark.slow


def log_in(page, server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.base + "/moderate")
    assert page.url.endswith("/moderate/login")
    page.fill("#email", DEMO_MODERATOR)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.base + "/moderate")


def post(server: LiveServer, article: str, text: str) -> dict[str, object]:
    response = httpx.post(f"{server.base}/api/v1/sites/demo/articles/{article}/comments",
                          json={"author_name": "Reader", "author_email": "reader@example.org", "text": text})
    assert response.status_code == 201
    return response.json()  # type: ignore[no-any-return]


def public_texts(server: LiveServer, article: str) -> list[str]:
    body = httpx.get(f"{server.base}/api/v1/sites/demo/articles/{article}/comments").json()
    return [c["text"] for c in body["comments"]]


def test_moderator_clears_comments_with_the_keyboard(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    article = "tigris-bridge-reopens"
    marker = unique_marker()
    link = post(live_demo, article, f'A man on the bridge called my sister a "whore" today and walked off ({marker}).')
    plain = post(live_demo, article, f"Does anyone have a good recipe for chocolate cake with strawberries "
                                     f"and cream for a birthday party next week {marker}?")
    assert link["state"] == plain["state"] == "pending"
    log_in(page, live_demo)
    link_item = f'.item[data-id="{link["id"]}"]'
    page.wait_for_selector(link_item)
    # The evidence is highlighted in the text, with the list entry that fired.
    assert page.inner_text(f"{link_item} mark") == "whore"
    assert "lexicon:en" in page.get_attribute(f"{link_item} mark", "title")
    # Reject it as abuse with the keyboard: r then 5.
    page.click(f"{link_item} .text")
    page.keyboard.press("r")
    page.keyboard.press("5")
    page.wait_for_selector(f"{link_item}.decided")
    # Approve the other with a.
    plain_item = f'.item[data-id="{plain["id"]}"]'
    page.click(f"{plain_item} .text")
    page.keyboard.press("a")
    page.wait_for_selector(f"{plain_item}.decided")
    texts = [t for t in public_texts(live_demo, article) if marker in t]
    assert len(texts) == 1 and "chocolate" in texts[0]
    # The widget shows it too.
    widget = page.context.new_page()
    widget.goto(live_demo.base + "/")
    widget.wait_for_selector(".majlis .comment")
    while marker not in widget.inner_text(".majlis .list") and widget.is_visible(".majlis .more"):
        widget.click(".majlis .more")
        widget.wait_for_timeout(300)
    assert marker in widget.inner_text(".majlis .list")
    widget.close()
    # Undo the approval: it leaves the public list and the history records a reversal.
    page.keyboard.press("u")
    page.wait_for_selector(f"{plain_item}:not(.decided)")
    assert not [t for t in public_texts(live_demo, article) if marker in t]
    history = httpx.get(f"{live_demo.base}/api/v1/moderation/comments/{plain['id']}", headers=live_demo.headers()).json()["history"]
    assert [h["action"] for h in history] == ["review", "approve", "review"] and history[-1]["reversal"] is True
    rejected = httpx.get(f"{live_demo.base}/api/v1/moderation/comments/{link['id']}", headers=live_demo.headers()).json()
    assert rejected["comment"]["state"] == "rejected" and rejected["history"][-1]["category"] == "abuse"


def test_threshold_change_and_stats_charts(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live_demo)
    page.goto(live_demo.base + "/moderate/settings/demo")
    page.fill("input[name=review_off_topic]", "0.75")
    page.click(".settings button[type=submit]")
    page.wait_for_selector("text=Saved.")
    assert page.input_value("input[name=review_off_topic]") == "0.75"
    assert "site.settings" in page.inner_text(".audit")
    page.goto(live_demo.base + "/moderate/stats")
    assert page.locator("svg.chart").count() == 3
    assert page.locator("svg.chart rect").count() > 0


def test_live_queue_shows_new_comments_without_reload(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live_demo)
    marker = unique_marker()
    # Contempt for someone unnamed is a human's call: it waits for a moderator.
    posted = post(live_demo, "tigris-bridge-reopens", f"Only an idiot would trust the contractor with this bridge {marker}")
    assert posted["state"] == "pending"
    page.wait_for_selector(f'.item[data-id="{posted["id"]}"]', timeout=15_000)
    assert marker in page.inner_text(f'.item[data-id="{posted["id"]}"]')


def test_logged_out_browser_gets_the_login_form(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + "/moderate/stats")
    assert page.url.endswith("/moderate/login")
    assert page.locator("#password").count() == 1


def test_the_words_the_model_weighed_are_highlighted(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    marker = unique_marker()
    held = post(live_demo, "tigris-bridge-reopens",
                f"Only a coward would hide the cost of this bridge from us ({marker})")
    assert held["state"] == "pending"
    log_in(page, live_demo)
    item = f'.item[data-id="{held["id"]}"]'
    page.wait_for_selector(item)
    marks = page.locator(f"{item} mark")
    weighed = [marks.nth(i).inner_text() for i in range(marks.count())
               if "model:" in (marks.nth(i).get_attribute("title") or "")]
    assert "coward" in weighed  # it weighs +2.4 to +2.9 whatever the marker (checked on 300 of them)
    # One chip per rule or model that fired, however many pieces of evidence it gave.
    chips = [page.locator(f"{item} .fired").nth(i).inner_text() for i in range(page.locator(f"{item} .fired").count())]
    assert len(chips) == len({chip.split(" ×")[0] for chip in chips})
