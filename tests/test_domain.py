"""The nouns' rules: the one URL check every entry point uses, and one canonical form per article key."""

from __future__ import annotations

import pytest

from urllib.parse import quote

from majlis.domain import canonical_article_key, http_url, is_http_url, shown_url

GOOD = ["https://courier.example/news/a?x=1#c", "http://127.0.0.1:8000/", "HTTPS://Courier.Example",
        "https://courier.example/ar/%D8%A3%D8%B3%D8%B9%D8%A7%D8%B1", "https://courier.example/أسعار-المياه"]
BAD = ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>x</script>",
       "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://courier.example/a", "//evil.example/x", "/relative/path",
       "https://", "http:/courier.example", "https://courier.example:99999/", "https://courier .example/",
       "https://courier.example/\x00", "mailto:desk@courier.example", ""]


@pytest.mark.parametrize("url", GOOD)
def test_http_urls_pass(url: str) -> None:
    assert http_url(url) == url and shown_url(url) == url


@pytest.mark.parametrize("url", BAD)
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        http_url(url)
    assert not is_http_url(url) and shown_url(url) == ""


def test_an_origin_has_nothing_after_the_host() -> None:
    assert http_url("https://courier.example:8443", origin=True) == "https://courier.example:8443"
    for origin in ("https://courier.example/", "https://courier.example/news", "https://courier.example?x",
                   "https://user@courier.example", "javascript://courier.example"):
        with pytest.raises(ValueError):
            http_url(origin, origin=True)


@pytest.mark.parametrize(("key", "canonical"), [
    ("/en/2026/12/border-security/", "en/2026/12/border-security"),  # the widget's location.pathname
    ("en/2026/12/border-security", "en/2026/12/border-security"),  # plain slashes in the API's URL
    ("//en//2026/12/border-security//", "en/2026/12/border-security"),
    ("/", "/"),  # the root page keeps a key
    ("//", "/"),
    ("  budget-vote ", "budget-vote"),
    ("Budget-Vote", "Budget-Vote"),  # case is kept: paths are case-sensitive on most servers
    ("/ar/%D8%AD%D8%AF%D9%88%D8%AF/", "ar/حدود"),  # what a browser's location.pathname holds
    (quote("/ckb/هەواڵ/"), "ckb/هەواڵ"),
    ("/kmr/nu\u0302c\u0327e/", "kmr/n\u00fb\u00e7e"),  # decomposed letters become NFC
    ("/?p=12", "/?p=12"),  # a WordPress plain permalink: the query is kept as it is
    ("/x/?p=1", "x?p=1"),
    ("/bad/%FF/", "bad/%FF"),  # escapes that are not UTF-8 stay as sent
    ("", ""),
])
def test_article_keys_take_one_canonical_form(key: str, canonical: str) -> None:
    assert canonical_article_key(key) == canonical
    assert canonical_article_key(canonical) == canonical  # idempotent
