"""The reader's widget in a real browser (Debian Chromium through Playwright) against a live server."""

from __future__ import annotations

import time
from urllib.parse import quote
import uuid

import httpx
import pytest

from tests.conftest import LiveServer, unique_marker

pytestmark = pytest.mark.slow
ARTICLE = "tigris-bridge-reopens"


def widget(page):  # type: ignore[no-untyped-def]
    """The widget's shadow root content (Playwright pierces open shadow roots with CSS selectors)."""
    page.wait_for_selector(".majlis .count")
    return page


def fill_form(page, name: str, email: str, text: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#majlis-author_name", name)
    page.fill("#majlis-author_email", email)
    page.fill("#majlis-text", text)


def approve(server: LiveServer, comment_id: int) -> None:
    response = httpx.post(f"{server.base}/api/v1/moderation/comments/{comment_id}/decision",
                          json={"decision": "approve"}, headers=server.headers())
    assert response.status_code == 200


def post_api(server: LiveServer, text: str, article: str = ARTICLE) -> dict[str, object]:
    response = httpx.post(f"{server.base}/api/v1/sites/demo/articles/{article}/comments",
                          json={"author_name": "API reader", "author_email": "api@example.org", "text": text})
    assert response.status_code == 201
    return response.json()  # type: ignore[no-any-return]


def test_reader_posts_a_comment_and_sees_it_published(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + "/")
    widget(page)
    marker = unique_marker()
    text = f"Good news for the shops on both banks of the Tigris, the bridge was badly needed ({marker})."
    fill_form(page, "Sara", "sara@example.org", text)
    assert "/ 5000" in page.inner_text(".majlis .counter")
    page.click(".majlis .submit")
    page.wait_for_selector(".majlis .outcome.ok")
    assert "published" in page.inner_text(".majlis .outcome")
    assert text in page.inner_text(".majlis .list")
    assert page.input_value("#majlis-text") == ""  # published: the box is ready for another comment
    page.reload()
    widget(page)
    page.wait_for_selector(f"text={marker}")
    assert "sara@example.org" not in page.content()


def test_held_comment_waits_then_appears_after_approval(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + "/")
    widget(page)
    marker = unique_marker()
    text = ("Which football team will win the league this season? I think Zakho has the best "
            f"striker and goalkeeper in years {marker}.")
    fill_form(page, "Omar", "omar@example.org", text)
    with page.expect_response(lambda r: r.url.endswith("/comments") and r.request.method == "POST") as posted:
        page.click(".majlis .submit")
    comment = posted.value.json()
    assert comment["state"] == "pending"
    page.wait_for_selector(".majlis .outcome.wait")
    assert marker not in page.inner_text(".majlis .list")
    assert page.input_value("#majlis-text") == ""
    approve(live_demo, comment["id"])
    page.reload()
    widget(page)
    page.wait_for_selector(f"text={marker}")


def test_rejected_comment_names_the_guideline(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + "/")
    widget(page)
    text = "You are an idiot and the author is a liar."
    fill_form(page, "Troll", "troll@example.org", text)
    page.click(".majlis .submit")
    page.wait_for_selector(".majlis .outcome.error")
    message = page.inner_text(".majlis .outcome")
    assert "personal attacks" in message
    assert page.get_attribute(".majlis .outcome a", "href").endswith("/guidelines?lang=en")
    # The reader's text stays, to be rewritten; once rewritten and published, the box empties.
    assert page.input_value("#majlis-text") == text
    assert f"{len(text)} / 5000" in page.inner_text(".majlis .counter")
    marker = unique_marker()
    page.fill("#majlis-text", f"I disagree with the author about the bridge tolls, they seem too high ({marker}).")
    page.click(".majlis .submit")
    page.wait_for_selector(".majlis .outcome.ok")
    assert page.input_value("#majlis-text") == ""


def test_validation_errors_show_beside_the_fields(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + "/")
    widget(page)
    page.click(".majlis .submit")
    for field in ("author_name", "author_email", "text"):
        assert page.inner_text(f"#majlis-{field}-error") == "This field is required."
        assert page.get_attribute(f"#majlis-{field}", "aria-invalid") == "true"
    # An address the browser lets through but the server refuses: its message lands by the field.
    fill_form(page, "Sara", "sara@example..org", "A fair point about the bridge repairs.")
    page.click(".majlis .submit")
    page.wait_for_selector("#majlis-author_email-error:not(:empty)")
    assert "author_email" in page.inner_text("#majlis-author_email-error")


def test_arabic_article_renders_right_to_left(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + "/ar")
    widget(page)
    assert page.get_attribute(".majlis", "dir") == "rtl"
    assert page.eval_on_selector(".majlis", "e => getComputedStyle(e).direction") == "rtl"
    assert page.inner_text(".majlis .submit") == "انشر التعليق"
    marker = unique_marker()
    fill_form(page, "ليلى", "layla@example.org", f"نتمنى أن تحل مشكلة المياه في أربيل قبل الصيف {marker}")
    page.click(".majlis .submit")
    page.wait_for_selector(".majlis .outcome")
    text = page.inner_text(".majlis .outcome")
    assert "شكرًا" in text or "لم يُنشر" in text


HOSTILE = [
    '<script>window.__xss = 1</script>',
    '<img src=x onerror="window.__xss = 1">',
    '<svg onload="window.__xss = 1"></svg>',
    '"><iframe src="javascript:window.parent.__xss = 1"></iframe>',
    "javascript:window.__xss = 1",
]


def test_html_and_script_payloads_show_as_text_and_never_run(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    article = "xss-" + uuid.uuid4().hex[:6]
    for payload in HOSTILE:
        approve(live_demo, int(post_api(live_demo, "About the bridge: " + payload, article)["id"]))  # type: ignore[arg-type]
    page.add_init_script("window.__xss = 0")
    page.goto(live_demo.base + "/guidelines")  # a page of the API's own origin hosts the widget
    page.set_content(f'<html><body><script src="{live_demo.base}/embed.js" data-site="demo" '
                     f'data-article="{article}"></script></body></html>')
    widget(page)
    page.wait_for_selector(".majlis .comment")
    shown = page.inner_text(".majlis .list")
    for payload in HOSTILE:
        assert payload in shown
    assert page.evaluate("window.__xss") == 0
    assert page.eval_on_selector_all(".majlis .list img, .majlis .list script, .majlis .list iframe, .majlis .list svg",
                                     "nodes => nodes.length") == 0


def test_host_page_css_does_not_leak_into_the_widget(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + "/")
    widget(page)
    # The demo page styles every button hot pink and every textarea yellow at 30px.
    assert page.eval_on_selector("article p", "e => getComputedStyle(e).textDecorationLine") == "underline"
    submit = page.eval_on_selector(".majlis .submit", "e => getComputedStyle(e).backgroundColor")
    assert submit == "rgb(26, 95, 180)"
    area = page.eval_on_selector("#majlis-text", "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).fontSize]")
    assert area == ["rgb(255, 255, 255)", "16px"]


def test_text_size_control_is_remembered(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    post_api(live_demo, "The council promised the contracts would be published this week.")
    page.goto(live_demo.base + "/")
    widget(page)
    page.click(".majlis .size >> nth=1")
    page.click(".majlis .size >> nth=1")
    scale = page.evaluate("localStorage.getItem('majlis:text-scale')")
    assert float(scale) == pytest.approx(1.2)
    page.reload()
    widget(page)
    assert page.evaluate("document.querySelector('.majlis-comments').style.getPropertyValue('--majlis-scale')") == scale


def test_reader_replies_to_a_comment(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    article = "reply-" + uuid.uuid4().hex[:6]
    parent = post_api(live_demo, "The walkway on the eastern pier looks much better now.", article)
    approve(live_demo, int(parent["id"]))  # type: ignore[arg-type]
    page.goto(live_demo.base + "/guidelines")
    page.set_content(f'<html><body><script src="{live_demo.base}/embed.js" data-site="demo" data-article="{article}"></script></body></html>')
    widget(page)
    page.click(".majlis .comment .link-button")
    assert "Replying to API reader" in page.inner_text(".majlis .reply-note")
    fill_form(page, "Karim", "karim@example.org", "Agreed, the eastern pier was the weakest part.")
    page.click(".majlis .submit")
    page.wait_for_selector(".majlis .replies .reply")
    assert "the eastern pier was the weakest part" in page.inner_text(".majlis .replies")


@pytest.mark.parametrize("path", ["/", "/ar"])
def test_phone_width_page_does_not_scroll_sideways(browser, live_demo: LiveServer, path: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(live_demo.base + path)
    widget(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


@pytest.mark.parametrize(("lang", "expected"), [("ckb", "لەمەوبەر"), ("kmr", "berî"), ("fa", "پیش"), ("tr", "önce")])
def test_relative_times_are_in_the_readers_language(page, live_demo: LiveServer, lang: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    article = f"time-{lang}-" + uuid.uuid4().hex[:6]
    approve(live_demo, int(post_api(live_demo, "The council met again about the bridge repairs.", article)["id"]))  # type: ignore[arg-type]
    time.sleep(1.2)  # so that the comment lies in the past
    page.goto(live_demo.base + "/guidelines")
    page.set_content(f'<html><body><script src="{live_demo.base}/embed.js" data-site="demo" data-article="{article}" '
                     f'data-lang="{lang}"></script></body></html>')
    widget(page)
    page.wait_for_selector(".majlis .comment time")
    assert expected in page.inner_text(".majlis .comment time")


def test_widget_solves_the_proof_of_work_when_the_site_asks(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    from majlis.storage import Store, make_engine

    store = Store(make_engine(live_demo.database_url))
    site = store.site_by_slug("demo")
    assert site is not None
    store.update_site(site.id, policy={**site.policy, "proof_of_work": "on", "pow_bits": 12})
    try:
        page.goto(live_demo.base + "/")
        widget(page)
        marker = unique_marker()
        fill_form(page, "Hiwa", "hiwa@example.org", f"The eastern pier finally looks safe again ({marker}).")
        with page.expect_response(lambda r: r.url.endswith("/comments") and r.request.method == "POST") as posted:
            page.click(".majlis .submit")
        assert posted.value.status == 201
        assert posted.value.request.post_data_json["pow"]["nonce"]
    finally:
        store.update_site(site.id, policy=site.policy)
        store.engine.dispose()


def test_widget_neutralises_bidi_overrides_and_zalgo(page, live_demo: LiveServer) -> None:  # type: ignore[no-untyped-def]
    article = "display-" + uuid.uuid4().hex[:6]
    zalgo = "Z" + "\u0336\u0337\u0338\u0339" * 8 + "algo"
    approve(live_demo, int(post_api(live_demo, f"Open invoice\u202efdp.exe and {zalgo}", article)["id"]))  # type: ignore[arg-type]
    page.goto(live_demo.base + "/guidelines")
    page.set_content(f'<html><body><script src="{live_demo.base}/embed.js" data-site="demo" data-article="{article}"></script></body></html>')
    widget(page)
    shown = page.inner_text(".majlis .comment .text")
    assert "\u202e" not in shown and "fdp.exe" in shown
    assert "Z\u0336\u0337\u0338algo" in shown


@pytest.mark.parametrize(("path", "words"), [
    ("/en/2026/12/border-security/", "Good news for the families waiting at the crossing"),
    ("/ar/2026/12/أمن-الحدود/", "خبر جيد للعائلات التي تنتظر عند المعبر"),
])
def test_widget_keyed_by_the_page_path_posts_and_reads(page, live_demo: LiveServer, path: str, words: str) -> None:  # type: ignore[no-untyped-def]
    """No data-article: the key is `location.pathname` (percent-encoded by the browser, then sent as
    one encoded path segment); the comment lands on the article of the canonical key and reads back."""
    origin = live_demo.base.replace("127.0.0.1", "localhost")  # the newsroom's pages: another origin
    html = (f'<html lang="en"><body><h1>Border security</h1><script src="{live_demo.base}/embed.js" '
            'data-site="demo"></script></body></html>')
    page.route(origin + "/**", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(origin + path)
    widget(page)
    marker = unique_marker()
    text = f"{words} ({marker})."
    fill_form(page, "Sara", "sara@example.org", text)
    with page.expect_response(lambda r: r.url.endswith("/comments") and r.request.method == "POST") as posted:
        page.click(".majlis .submit")
    assert posted.value.status == 201, posted.value.text()
    assert posted.value.json()["state"] == "approved"
    page.wait_for_selector(".majlis .outcome.ok")
    page.reload()
    widget(page)
    page.wait_for_selector(f"text={marker}")
    key = path.strip("/")
    read = httpx.get(f"{live_demo.base}/api/v1/sites/demo/articles/{key}/comments")  # plain slashes read it too
    assert read.status_code == 200
    assert read.json()["article"]["key"] == key and any(marker in c["text"] for c in read.json()["comments"])
    assert read.json()["article"]["url"] == origin + quote(path)


@pytest.mark.parametrize("path", ["/", "/ar"])
def test_name_and_email_fields_line_up(page, live_demo: LiveServer, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_demo.base + path)
    widget(page)
    name = page.locator("#majlis-author_name").bounding_box()
    email = page.locator("#majlis-author_email").bounding_box()
    assert name and email
    assert abs(name["y"] - email["y"]) < 1 and abs(name["height"] - email["height"]) < 1, (name, email)
    assert abs(name["width"] - email["width"]) < 1
    # Side by side, the name first in the reading direction.
    assert (name["x"] > email["x"]) if path == "/ar" else (name["x"] < email["x"])
