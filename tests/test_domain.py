"""The nouns' rules: one canonical form per article key."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from majlis.domain import canonical_article_key


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
