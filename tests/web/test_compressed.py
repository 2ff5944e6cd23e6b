"""The widget and the static text files go out gzip-compressed to clients that accept it."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from majlis.web.compressed import accepts_gzip, matches
from tests.conftest import LiveServer, Newsroom

STATIC = Path(__file__).parents[2] / "src" / "majlis" / "web" / "static"
GZIP = {"Accept-Encoding": "gzip, deflate"}
PLAIN = {"Accept-Encoding": "identity"}


def raw_get(client: httpx.Client | TestClient, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
    """A response and its body as sent on the wire (not decoded)."""
    with client.stream("GET", url, headers=headers) as response:
        return response, b"".join(response.iter_raw())


@pytest.mark.parametrize("header, expected", [
    ("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.8", True), ("*", True), ("x-gzip", True),
    ("identity", False), ("", False), ("gzip;q=0", False), ("*;q=0.5, gzip;q=0", False), ("gzip;q=x", False),
])
def test_accept_encoding_is_read_with_its_qualities(header: str, expected: bool) -> None:
    assert accepts_gzip(header) is expected


def test_if_none_match_lists_weak_and_strong_tags() -> None:
    assert matches('W/"a-gz", "b"', '"a-gz"') and matches('"b"', '"b"') and matches("*", '"c"')
    assert not matches('"a"', '"a-gz"') and not matches("", '"a"')


def test_live_widget_is_sent_compressed_under_15_kb(live_demo: LiveServer) -> None:
    source = (STATIC / "embed.js").read_bytes()
    with httpx.Client(base_url=live_demo.base) as client:
        response, wire = raw_get(client, "/embed.js", GZIP)
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip"
        assert "accept-encoding" in response.headers["vary"].lower()
        assert len(wire) < 15_000 and int(response.headers["content-length"]) == len(wire)
        assert gzip.decompress(wire) == source
        etag = response.headers["etag"]
        assert client.get("/embed.js", headers={**GZIP, "If-None-Match": etag}).status_code == 304
        # A client that does not accept gzip gets the file as it is, under another ETag.
        plain, wire = raw_get(client, "/embed.js", PLAIN)
        assert "content-encoding" not in plain.headers and wire == source
        assert plain.headers["etag"] != etag and "accept-encoding" in plain.headers["vary"].lower()
        assert client.get("/embed.js", headers={**PLAIN, "If-None-Match": etag}).status_code == 200
        assert client.get("/embed.js", headers={**PLAIN, "If-None-Match": plain.headers["etag"]}).status_code == 304


@pytest.mark.parametrize("name", ["desk.js", "desk.css", "embed.js"])
def test_static_text_files_are_compressed_with_their_own_etag(client: TestClient, name: str) -> None:
    source = (STATIC / name).read_bytes()
    response, wire = raw_get(client, f"/static/{name}", GZIP)
    assert response.status_code == 200 and response.headers["content-encoding"] == "gzip"
    assert response.headers["vary"] == "Accept-Encoding" and gzip.decompress(wire) == source
    assert len(wire) < len(source)
    again = client.get(f"/static/{name}", headers={**GZIP, "If-None-Match": response.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == response.headers["etag"]
    plain, wire = raw_get(client, f"/static/{name}", PLAIN)
    assert wire == source and "content-encoding" not in plain.headers and plain.headers["vary"] == "Accept-Encoding"
    assert plain.headers["etag"] != response.headers["etag"]
    assert client.get(f"/static/{name}", headers={**PLAIN, "If-None-Match": plain.headers["etag"]}).status_code == 304
    ranged = client.get(f"/static/{name}", headers={**GZIP, "Range": "bytes=0-9"})
    assert ranged.status_code == 206 and ranged.content == source[:10]
    assert client.get("/static/no-such.js", headers=GZIP).status_code == 404


def test_comments_api_is_not_compressed_and_keeps_its_page_cache(client: TestClient, newsroom: Newsroom) -> None:
    first, wire = raw_get(client, newsroom.comments_url(), GZIP)
    assert first.status_code == 200 and "content-encoding" not in first.headers
    second, again = raw_get(client, newsroom.comments_url(), GZIP)  # answered from the page cache
    assert again == wire and second.headers["etag"] == first.headers["etag"]
    assert client.get(newsroom.comments_url(), headers={**GZIP, "If-None-Match": first.headers["etag"]}).status_code == 304
