"""Publishers' view of their articles, comment counts for article lists, and exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from majlis.cli import app as cli
from majlis.settings import Settings
from majlis.storage import Store
from tests.conftest import Newsroom, comment_body


def approve(client: TestClient, room: Newsroom, cid: int) -> None:
    client.post(f"/api/v1/moderation/comments/{cid}/decision", json={"decision": "approve"}, headers=room.mod_headers())


def test_articles_with_counts_and_counts_endpoint(client: TestClient, newsroom: Newsroom) -> None:
    for text in ("One", "Two"):
        approve(client, newsroom, client.post(newsroom.comments_url(), json=comment_body(text)).json()["id"])
    client.post(newsroom.comments_url("quiet-story"), json=comment_body("waiting"))
    listed = client.get(f"/api/v1/sites/{newsroom.site}/articles", headers=newsroom.pub_headers()).json()
    assert {a["key"]: a["comments"] for a in listed} == {newsroom.article: 2, "quiet-story": 0}
    assert client.get(f"/api/v1/sites/{newsroom.site}/articles").status_code == 401
    counts = client.get(f"/api/v1/sites/{newsroom.site}/counts", params={"articles": f"{newsroom.article},quiet-story,nope"})
    assert counts.json() == {newsroom.article: 2, "quiet-story": 0, "nope": 0}
    assert "max-age" in counts.headers["cache-control"]
    many = client.get(f"/api/v1/sites/{newsroom.site}/counts", params={"articles": ",".join(f"a{n}" for n in range(150))})
    assert len(many.json()) == 100  # the first hundred count
    assert client.get(f"/api/v1/sites/{newsroom.site}/counts", params={"articles": ""}).json() == {}


def test_close_and_reopen_an_article(client: TestClient, newsroom: Newsroom) -> None:
    url = f"/api/v1/sites/{newsroom.site}/articles/{newsroom.article}"
    client.put(url, json={"title": "Budget", "closed": True}, headers=newsroom.pub_headers())
    assert client.post(newsroom.comments_url(), json=comment_body()).status_code == 403
    client.put(url, json={"title": "Budget", "closed": False}, headers=newsroom.pub_headers())
    assert client.post(newsroom.comments_url(), json=comment_body()).status_code == 201


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_has_no_emails_unless_asked(client: TestClient, newsroom: Newsroom, store: Store, settings: Settings,
                                           monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("MAJLIS_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MAJLIS_SECRET_KEY", settings.secret_key)
    cid = client.post(newsroom.comments_url(), json=comment_body("<b>Exported</b>, \"quoted\"\nline")).json()["id"]
    approve(client, newsroom, cid)
    runner = CliRunner()
    plain = runner.invoke(cli, ["export", newsroom.site, "--format", fmt])
    assert plain.exit_code == 0, plain.output
    assert "layla@example.org" not in plain.output
    if fmt == "jsonl":
        record = json.loads(plain.output.splitlines()[0])
        assert record["text"] == "<b>Exported</b>, \"quoted\"\nline" and record["state"] == "approved"
        assert [d["action"] for d in record["decisions"]] == ["review", "approve"]
    else:
        rows = list(csv.DictReader(io.StringIO(plain.output)))
        assert rows[0]["text"] == "<b>Exported</b>, \"quoted\"\nline" and "author_email" not in rows[0]
    personal = runner.invoke(cli, ["export", newsroom.site, "--format", fmt, "--include-personal-data"])
    assert "layla@example.org" in personal.output
    assert runner.invoke(cli, ["export", "nope"]).exit_code == 2
    assert runner.invoke(cli, ["export", newsroom.site, "--format", "xml"]).exit_code == 2
