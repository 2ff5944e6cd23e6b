"""`/docs` loads Swagger UI from this server only, under a strict CSP; `/openapi.json` stays."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from tests.conftest import LiveServer


def test_docs_page_has_a_strict_csp_and_only_local_assets(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "<script>" not in page.text  # nothing inline: the CSP would refuse it
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(not urlsplit(s).netloc for s in sources), sources
    for source in sources:
        assert client.get(source).status_code == 200, source
    assert client.get("/docs/assets/swagger-editor-bundle.js").status_code == 404  # only the two files
    assert client.get("/redoc").status_code == 404  # FastAPI's redoc page loads from a CDN
    assert client.get("/openapi.json").json()["info"]["title"] == "Majlis"


@pytest.mark.slow
def test_docs_render_in_a_browser_without_another_origin(live_demo: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    page.goto(live_demo.base + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = [text.replace("\u200b", "") for text in page.locator(".opblock-summary-path").all_inner_texts()]
    assert "/api/v1/sites/{site}/articles/{article}/comments" in paths, paths
    assert requested and all(url.startswith(live_demo.base) for url in requested), requested
    assert not [text for text in refused if "Content Security Policy" in text], refused
