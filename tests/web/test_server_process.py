"""`majlis serve --demo` as a real process on a real port, driven over HTTP like the README."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, start_server

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.slow
def test_demo_round_trip_over_real_http(live_demo: LiveServer) -> None:
    url = f"{live_demo.base}/api/v1/sites/demo/articles/tigris-bridge-reopens/comments"
    email = "reader.unique@example.org"
    posted = httpx.post(url, json={"author_name": "Reader", "author_email": email,
                                    "text": "The shops on the east bank will be glad the bridge is open again."})
    assert posted.status_code == 201
    cid = posted.json()["id"]
    if posted.json()["state"] != "approved":
        decided = httpx.post(f"{live_demo.base}/api/v1/moderation/comments/{cid}/decision",
                             json={"decision": "approve"}, headers=live_demo.headers())
        assert decided.status_code == 200
    listed = httpx.get(url)
    assert cid in [c["id"] for c in listed.json()["comments"]]
    assert email not in listed.text
    # Neither the email nor the client address reaches the log.
    text = live_demo.log.read_text()
    assert email not in text
    assert "127.0.0.1:" not in text.replace(live_demo.base, "")


@pytest.mark.slow
def test_demo_serves_the_article_pages(live_demo: LiveServer) -> None:
    for path in ("/", "/ar", "/embed.js", "/guidelines?lang=ckb"):
        assert httpx.get(live_demo.base + path).status_code == 200


def quick_start_commands() -> str:
    """The README's curl session: the first shell block of its quick start that posts a comment."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(), re.S)
    return next(block for block in blocks if "curl" in block and "/comments" in block)


def json_values(output: str) -> list[dict[str, object]]:
    """The JSON answers curl printed back to back (curl adds no newline)."""
    decoder, values, at = json.JSONDecoder(), [], 0
    while (at := output.find("{", at)) != -1:
        value, at = decoder.raw_decode(output, at)
        values.append(value)
    return values


@pytest.mark.slow
def test_the_readme_quick_start_runs_as_written(tmp_path: Path) -> None:
    process, server = start_server(tmp_path)
    try:
        # The reader pastes the token make demo printed; here the environment carries it.
        script = "\n".join(line for line in quick_start_commands().splitlines()
                           if not line.startswith("export MODERATOR_TOKEN="))
        script = script.replace("http://127.0.0.1:8000", server.base)
        env = {**os.environ, "MODERATOR_TOKEN": server.moderator_token}
        ran = subprocess.run(["bash", "-euo", "pipefail", "-c", script], env=env, capture_output=True,
                             text=True, timeout=60)
        assert ran.returncode == 0, ran.stderr
        answers = json_values(ran.stdout)
        approved, rejected, decided, listed = answers
        assert approved["state"] == "approved"
        assert (rejected["state"], rejected["category"]) == ("rejected", "personal_attack")
        assert decided["comment"]["state"] == "approved", answers
        texts = [comment["text"] for comment in listed["comments"]]
        assert "Good news for the shops on the east bank." in texts
        assert "This is a stupid policy." in texts
        assert "You are an idiot." not in texts
    finally:
        process.terminate()
        process.wait(timeout=20)
