"""Reading and posting, side by side with Isso and under the nginx ceiling, in one run on this machine.

    bench/peers/setup.sh && .venv/bin/python bench/isso_compare.py [--seconds 10]

- Majlis: `majlis serve --workers 2` on SQLite (the default install), rate limits off.
- Isso 0.14 (PyPI, its own virtualenv under bench/.venvs/isso) on gunicorn with 2 workers, guard off.
- nginx serving, as a static file, the very bytes Majlis answers for the article: the ceiling.
- `bench/peers/minimal_post.py`: FastAPI + SQLite committing one row per post and nothing else, with 2
  uvicorn workers: the floor cost of posting on Majlis's stack (the ceiling of its posting rate).
Each holds one article with 200 comments. Load: wrk (Debian), loopback only, bounded in time; reads
with 64 connections, posts with 16. The load generator shares the 2 cores with the servers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from report import write_section  # noqa: E402

ISSO = ROOT / "bench" / ".venvs" / "isso"
COMMENTS = 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def remark(n: int) -> str:
    return (f"Comment {n}: the council should publish the bridge contracts, and the shops on the east bank "
            f"deserve an answer about the delays ({secrets.token_hex(3)}).")


def start_majlis(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Seed one article with 200 approved comments, then serve with 2 workers."""
    from majlis.domain import Action, text_sha256
    from majlis.services.accounts import create_site
    from majlis.storage import Store, make_engine, migrate

    env = {**os.environ, "MAJLIS_DATABASE_URL": f"sqlite:///{folder / 'majlis.db'}", "MAJLIS_RATE_LIMITS": "off",
           "MAJLIS_SECRET_KEY": secrets.token_urlsafe(24), "MAJLIS_LOG_LEVEL": "warning"}
    store = Store(make_engine(env["MAJLIS_DATABASE_URL"]))
    migrate(store.engine)
    site = create_site(store, "bench", "Bench", ["http://localhost"], "en")
    # A load test posts hundreds of comments a minute from one place: bot defences off, like rate limits.
    site = store.update_site(site.id, policy={**site.policy, "proof_of_work": "off"})
    article = store.ensure_article(site.id, "story")
    for n in range(COMMENTS):
        text = remark(n)
        store.add_comment(site_id=site.id, article_id=article.id, parent_id=None, author_name=f"Reader {n}",
                          author_email="x", author_key=f"k{n}", text=text, text_sha256=text_sha256(text), language="en",
                          risk=0.0, verdict=None, action=Action.APPROVE, category=None, note="seed")
    store.engine.dispose()
    return serve_majlis(folder, env)


def serve_majlis(folder: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """`majlis serve --workers 2` on a free port with `env`, once it answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "majlis.cli", "serve", "--port", str(port), "--workers", "2"],
                               cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait(base + "/readyz")
    return process, base


def start_isso(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Isso with its guard off, 2 gunicorn workers, 200 comments posted through its API."""
    port = free_port()
    config = folder / "isso.cfg"
    config.write_text(f"""[general]
dbpath = {folder / 'isso.db'}
host = http://localhost/
[moderation]
enabled = false
[guard]
enabled = false
[server]
listen = http://127.0.0.1:{port}/
""")
    env = {**os.environ, "ISSO_SETTINGS": str(config)}
    process = subprocess.Popen([str(ISSO / "bin" / "gunicorn"), "-b", f"127.0.0.1:{port}", "-w", "2", "--preload",
                                "--log-level", "warning", "isso.run"], cwd=folder, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait(base + "/info")
    with httpx.Client(base_url=base, headers={"Origin": "http://localhost"}) as client:
        for n in range(COMMENTS):
            client.cookies.clear()  # Isso hands out an edit cookie per comment
            answer = client.post("/new", params={"uri": "/story"},
                                 json={"text": remark(n), "author": f"Reader {n}", "email": "x@example.org", "title": "Story"})
            assert answer.status_code == 201, answer.text
    return process, base


def start_minimal(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The stack's floor: FastAPI + SQLite, one insert per post, 2 uvicorn workers."""
    port = free_port()
    env = {**os.environ, "MINIMAL_DB": str(folder / "minimal.db")}
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "minimal_post:app", "--port", str(port), "--workers", "2",
                                "--log-level", "warning", "--no-access-log"], cwd=ROOT / "bench" / "peers", env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait(base + "/readyz")
    return process, base


def start_nginx(folder: Path, body: bytes) -> tuple[subprocess.Popen[bytes], str]:
    """nginx serving the bytes as a static JSON file."""
    port = free_port()
    (folder / "www").mkdir()
    (folder / "www" / "comments.json").write_bytes(body)
    (folder / "logs").mkdir()
    (folder / "nginx.conf").write_text(f"""worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  types {{ application/json json; }}
  server {{
    listen 127.0.0.1:{port};
    root {folder}/www;
    location / {{ add_header Cache-Control "public, no-cache"; }}
  }}
}}
""")
    process = subprocess.Popen(["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait(base + "/comments.json")
    return process, base


UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, connections: int, seconds: int, script: Path | None = None) -> dict[str, float]:
    """Requests per second and p50/p99 latency in ms, from wrk --latency."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    latency = {p: float(v) * UNIT[u] for p, v, u in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)\b", output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": latency.get("50", float("nan")), "p99": latency.get("99", float("nan")),
            "non2xx": float(errors.group(1)) if errors else 0.0}


def settle(url: str) -> None:
    """Wait until a server has drained the previous run's backlog (a quick answer again)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            httpx.get(url, timeout=30)
        except httpx.TransportError:
            pass
        if time.perf_counter() - started < 0.5:
            return
        time.sleep(1)


def post_script(folder: Path, name: str, path: str, body: str) -> Path:
    """A wrk script that posts a different comment each time."""
    script = folder / f"{name}.lua"
    script.write_text(f"""counter = 0
request = function()
  counter = counter + 1
  local body = string.format({json.dumps(body)}, counter, math.random(1, 1000000000))
  return wrk.format("POST", "{path}", {{["Content-Type"] = "application/json", ["Origin"] = "http://localhost"}}, body)
end
""")
    return script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if not (ISSO / "bin" / "gunicorn").exists():
        sys.exit("Isso is not installed: run bench/peers/setup.sh")
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install {tool}")
    folder = Path(tempfile.mkdtemp(prefix="majlis-bench-"))
    folder.chmod(0o755)  # nginx's workers must read the static file
    processes = []
    try:
        majlis, majlis_base = start_majlis(folder)
        processes.append(majlis)
        isso, isso_base = start_isso(folder)
        processes.append(isso)
        read_path = "/api/v1/sites/bench/articles/story/comments?limit=200"
        body = httpx.get(majlis_base + read_path).content
        assert len(httpx.get(majlis_base + read_path).json()["comments"]) == COMMENTS
        assert len(httpx.get(isso_base + "/", params={"uri": "/story"}).json()["replies"]) == COMMENTS
        ceiling, nginx_base = start_nginx(folder, body)
        processes.append(ceiling)
        results = {"read majlis": wrk(majlis_base + read_path, 64, args.seconds)}
        results["read isso"] = wrk(isso_base + "/?uri=%2Fstory", 64, args.seconds)
        settle(isso_base + "/info")
        results["read nginx"] = wrk(nginx_base + "/comments.json", 64, args.seconds)
        results["post majlis"] = wrk(majlis_base + "/", 16, args.seconds, post_script(
            folder, "majlis", "/api/v1/sites/bench/articles/story/comments",
            '{"author_name": "Bench", "author_email": "b%d@example.org", "text": "A new remark on the bridge budget number %d"}'))
        results["post isso"] = wrk(isso_base + "/", 16, args.seconds, post_script(
            folder, "isso", "/new?uri=%2Fstory",
            '{"author": "Bench", "email": "b%d@example.org", "text": "A new remark on the bridge budget number %d"}'))
        floor, floor_base = start_minimal(folder)
        processes.append(floor)
        results["post floor"] = wrk(floor_base + "/", 16, args.seconds, post_script(
            folder, "floor", "/api/v1/sites/bench/articles/story/comments",
            '{"author_name": "Bench", "author_email": "b%d@example.org", "text": "A new remark on the bridge budget number %d"}'))
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)
    for name, figures in results.items():
        print(f"{name}: {figures}", file=sys.stderr)

    def row(name: str, key: str) -> str:
        r = results[key]
        return f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {int(r['non2xx'])} |"

    read_ratio = results["read majlis"]["rps"] / results["read isso"]["rps"]
    ceiling_share = results["read majlis"]["rps"] / results["read nginx"]["rps"]
    post_ratio = results["post majlis"]["rps"] / results["post isso"]["rps"]
    floor_share = results["post majlis"]["rps"] / results["post floor"]["rps"]
    body_text = f"""Measured {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} with `.venv/bin/python bench/isso_compare.py`
(after `bench/peers/setup.sh`; wrk and nginx from Debian). One article with {COMMENTS} comments in each; Majlis
and Isso both with 2 worker processes on SQLite, rate limits and Isso's guard off; wrk with 2 threads,
{args.seconds} s per run, on the same 2 cores as the servers. Majlis answers reads from its page cache
(invalidated by any change to the article); its posts go through the whole screen; Isso checks nothing.
The posted texts differ only by two numbers, so after the first few Majlis rejects them as repeats of
one another: every post runs the repeat check against hundreds of near-identical recent comments.

**Reading the article ({COMMENTS} comments, one request, 64 connections)**

| server | requests/s | p50 ms | p99 ms | non-2xx |
|---|---|---|---|---|
{row("Majlis", "read majlis")}
{row("Isso 0.14", "read isso")}
{row("nginx, the same bytes as a static file (ceiling)", "read nginx")}

**Posting comments (16 connections)**

| server | requests/s | p50 ms | p99 ms | non-2xx |
|---|---|---|---|---|
{row("Majlis (screened)", "post majlis")}
{row("Isso 0.14 (unchecked)", "post isso")}
{row("FastAPI + SQLite, one insert and nothing else (the stack's floor)", "post floor")}

Majlis reads at {read_ratio:,.0f}× Isso's rate and at {ceiling_share:.0%} of the nginx ceiling; it accepts posts
at {post_ratio:.1f}× Isso's rate. Targets of the scale issue: ≥100× Isso with p99 under 20 ms, ≥30% of the
ceiling, ≥3× Isso's posting rate. For scale: 3× Isso is {3 * results["post isso"]["rps"]:,.0f} posts/s, and the
bare stack, committing one row per post with no screen, no site, article or author lookups, no decision
record and no events, accepts {results["post floor"]["rps"]:,.0f} posts/s here; Majlis posts at {floor_share:.0%} of that floor.
"""
    write_section(args.out, "isso", "Reading and posting, side by side with Isso", body_text)
    print(f"written {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
