"""`majlis serve --demo` as a real process on a real port, driven over HTTP like the README."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """A demo server on a free port in its own folder; yields (base URL, moderator token, log)."""
    port = free_port()
    log = tmp_path / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAJLIS_")}
    env["MAJLIS_DATABASE_URL"] = f"sqlite:///{tmp_path / 'demo.db'}"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "majlis.cli", "serve", "--demo", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError("server did not start:\n" + log.read_text())
        token = re.search(r"moderator API token: (\S+)", log.read_text())
        assert token, log.read_text()
        yield base, token.group(1), log
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.mark.slow
def test_demo_round_trip_over_real_http(demo_server: tuple[str, str, Path]) -> None:
    base, token, log = demo_server
    auth = {"Authorization": f"Bearer {token}"}
    url = f"{base}/api/v1/sites/demo/articles/tigris-bridge-reopens/comments"
    email = "reader.unique@example.org"
    posted = httpx.post(url, json={"author_name": "Reader", "author_email": email,
                                    "text": "The shops on the east bank will be glad the bridge is open again."})
    assert posted.status_code == 201
    cid = posted.json()["id"]
    if posted.json()["state"] != "approved":
        decided = httpx.post(f"{base}/api/v1/moderation/comments/{cid}/decision",
                             json={"decision": "approve"}, headers=auth)
        assert decided.status_code == 200
    listed = httpx.get(url)
    assert cid in [c["id"] for c in listed.json()["comments"]]
    assert email not in listed.text
    # Neither the email nor the client address reaches the log.
    text = log.read_text()
    assert email not in text and "127.0.0.1:" not in text.replace(f"http://127.0.0.1:{base.rsplit(':', 1)[1]}", "")
