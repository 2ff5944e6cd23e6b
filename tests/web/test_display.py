"""Hostile characters are neutralised for display only, and every page carries security headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from majlis.storage import Store
from majlis.web.display import for_display
from tests.conftest import Newsroom, comment_body

ZALGO = "Z" + "\u0336\u0337\u0338\u0339" * 10 + "algo"


def test_display_removes_what_only_deceives() -> None:
    assert for_display("abc\u202edef\u2066g") == "abcdefg"
    assert for_display("a\u200b\u200b\u200b\u200bb") == "ab"
    assert for_display("می\u200cخواهم") == "می\u200cخواهم"  # a single ZWNJ is Persian spelling
    assert for_display(ZALGO) == "Z\u0336\u0337\u0338algo"
    assert for_display("كَتَبَ") == "كَتَبَ"  # Arabic vowel marks stay


def test_stored_text_keeps_every_character(client: TestClient, newsroom: Newsroom, store: Store) -> None:
    text = "Nice \u202egnp.exe " + ZALGO
    cid = client.post(newsroom.comments_url(), json=comment_body(text)).json()["id"]
    assert store.comment(cid).text == text  # type: ignore[union-attr]


@pytest.mark.parametrize("path", ["/", "/guidelines", "/moderate/login"])
def test_security_headers_on_every_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"]


def test_api_responses_are_not_sniffed(client: TestClient, newsroom: Newsroom) -> None:
    assert client.get(newsroom.comments_url()).headers["x-content-type-options"] == "nosniff"
