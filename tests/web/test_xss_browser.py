"""The XSS corpus (tests/data/xss.py) in a real browser: the widget, embedded on a page of another
origin with no Content Security Policy at all, and the moderator's desk show every payload as text
and execute none of them."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from majlis.demo import DEMO_MODERATOR, DEMO_PASSWORD
from majlis.storage import Store, make_engine
from majlis.web.cors import CACHE_SECONDS
from tests.conftest import LiveServer
from tests.data.xss import payloads

pytestmark = pytest.mark.slow
# Another origin than the API's (localhost vs 127.0.0.1): loopback both, as Chromium refuses a public
# page that loads from a private address. The page is served by interception and has no CSP.


def host_origin(server: LiveServer) -> str:
    return server.base.replace("127.0.0.1", "localhost")


ARTICLE = "xss-corpus"


@pytest.fixture(scope="module")
def corpus(live_demo: LiveServer) -> Iterator[list[int]]:
    """Every payload posted, then approved, under one article; the host page's origin allowed.
    (Proof of work is off meanwhile: 110 posts a minute would rightly switch it on.)"""
    store = Store(make_engine(live_demo.database_url))
    site = store.site_by_slug("demo")
    assert site is not None
    store.update_site(site.id, origins=list(site.origins) + [host_origin(live_demo)],
                      policy={**site.policy, "proof_of_work": "off"})
    ids = []
    with httpx.Client(base_url=live_demo.base) as client:
        for n, payload in enumerate(payloads()):
            posted = client.post(f"/api/v1/sites/demo/articles/{ARTICLE}/comments",
                                 json={"author_name": payload[:80], "author_email": f"x{n}@example.org", "text": payload})
            assert posted.status_code == 201, posted.text
            ids.append(posted.json()["id"])
            decided = client.post(f"/api/v1/moderation/comments/{ids[-1]}/decision", json={"decision": "approve"},
                                  headers=live_demo.headers())
            assert decided.status_code == 200
    time.sleep(CACHE_SECONDS + 0.5)  # the server caches each site's origins this long
    yield ids
    store.update_site(site.id, policy=site.policy)
    store.engine.dispose()


def watch(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Record any dialog a payload might open."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def test_widget_on_a_page_without_csp_runs_no_payload(page, live_demo: LiveServer, corpus: list[int]) -> None:  # type: ignore[no-untyped-def]
    html = (f'<!doctype html><html><body><h1>Story</h1><script src="{live_demo.base}/embed.js" data-site="demo" '
            f'data-article="{ARTICLE}" data-order="oldest"></script></body></html>')
    host_page = host_origin(live_demo) + "/xss-host-page"
    page.route(host_page, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    dialogs = watch(page)
    page.add_init_script("window.__xss = 0")
    page.goto(host_page)
    page.wait_for_selector(".majlis .comment")
    while page.is_visible(".majlis .more"):
        page.click(".majlis .more")
        page.wait_for_timeout(200)
    shown = page.inner_text(".majlis .list")
    missing = [p for p in payloads() if p.replace("\u202e", "") not in shown]
    assert not missing, missing[:3]
    page.mouse.move(200, 300)
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") == 0 and dialogs == []
    injected = page.eval_on_selector_all(
        ".majlis .list img, .majlis .list script, .majlis .list iframe, .majlis .list svg, .majlis .list object, "
        ".majlis .list embed, .majlis .list form, .majlis .list a[href^='javascript']", "nodes => nodes.length")
    assert injected == 0


def test_desk_runs_no_payload(page, live_demo: LiveServer, corpus: list[int]) -> None:  # type: ignore[no-untyped-def]
    dialogs = watch(page)
    page.goto(live_demo.base + "/moderate/login")
    page.fill("#email", DEMO_MODERATOR)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_demo.base + "/moderate")
    csrf = page.get_attribute("body", "data-csrf")
    for comment_id in corpus:  # back into the queue, so the queue page shows them all
        undone = page.request.post(live_demo.base + "/moderate/undo", data={"id": comment_id},
                                   headers={"x-csrf-token": csrf, "origin": live_demo.base})
        assert undone.ok, undone.text()
    page.goto(live_demo.base + "/moderate?limit=500")
    page.wait_for_selector(".item")
    texts = page.inner_text("#queue")
    assert all(p.replace("\u202e", "") in texts for p in payloads())
    for path in ["/moderate/history?q=script", f"/moderate/comments/{corpus[0]}", f"/moderate/comments/{corpus[-1]}"]:
        page.goto(live_demo.base + path)
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("typeof window.__xss") == "undefined"
