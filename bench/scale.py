"""Scale: reading and posting with 1,000,000 comments over 10,000 articles in PostgreSQL, against the
same measurements on a database holding only the article under test. Seeds with COPY.

    .venv/bin/python bench/scale.py [--comments 1000000] [--articles 10000] [--seconds 10]

Majlis runs as in production: `majlis serve --workers 2` on PostgreSQL with Redis (shared page cache
and rate-limit state; rate limits off), wrk on loopback (reads: 64 connections, posts: 16).
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Iterator

import httpx
import psycopg
import redis
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from isso_compare import COMMENTS, post_script, remark, serve_majlis, wrk  # noqa: E402
from report import write_section  # noqa: E402

ADMIN_URL = "postgresql+psycopg://127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/13"
COLUMNS = ("site_id", "article_id", "author_name", "author_email", "author_key", "text", "text_sha256", "language",
           "created_at", "state", "risk", "decided_at", "notify")


@contextmanager
def database() -> Iterator[str]:
    name = f"majlis_scale_{secrets.token_hex(4)}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql://127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def seed(url: str, comments: int, articles: int) -> float:
    """The site, `articles` articles and `comments` comments (200 approved on the article under test,
    the rest spread over the others: 85% approved, 10% rejected, 5% pending), with their decisions.
    Returns the seconds COPY and the index rebuild took."""
    from majlis.services.accounts import create_site
    from majlis.storage import Store, make_engine, migrate

    store = Store(make_engine(url))
    migrate(store.engine)
    site = create_site(store, "bench", "Bench", ["http://localhost"], "en")
    store.update_site(site.id, policy={**site.policy, "proof_of_work": "off"})
    story = store.ensure_article(site.id, "story")
    store.engine.dispose()
    rng = random.Random(7)
    now = datetime.now(UTC)
    started = time.perf_counter()
    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1)) as conn, conn.cursor() as cur:
        with cur.copy("COPY articles (site_id, key, title, created_at) FROM STDIN") as copy:
            for n in range(articles - 1):
                copy.write_row((site.id, f"article-{n}", f"Article {n}", now - timedelta(days=n % 700)))
        cur.execute("SELECT id FROM articles WHERE site_id = %s AND key <> 'story' ORDER BY id", (site.id,))
        others = [r[0] for r in cur.fetchall()]
        with cur.copy(f"COPY comments ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for n in range(comments):
                hot = n >= comments - COMMENTS
                article = story.id if hot else others[n % len(others)] if others else story.id
                roll = rng.random()
                state = "approved" if hot or roll < 0.85 else "rejected" if roll < 0.95 else "pending"
                at = now - timedelta(seconds=(comments - n) * 60)
                body = remark(n)
                copy.write_row((site.id, article, f"Reader {n % 5000}", "x", f"k{n % 5000}", body, "0" * 64, "en",
                                at, state, rng.random() if state == "pending" else 0.0,
                                None if state == "pending" else at, False))
        cur.execute("INSERT INTO decisions (comment_id, at, actor_kind, actor, action, note, reversal) "
                    "SELECT id, created_at, 'screen', 'screen', CASE state WHEN 'approved' THEN 'approve' "
                    "WHEN 'rejected' THEN 'reject' ELSE 'review' END, 'seed', false FROM comments")
        conn.commit()
        cur.execute("ANALYZE")
    return time.perf_counter() - started


def serve(url: str, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {**os.environ, "MAJLIS_DATABASE_URL": url, "MAJLIS_REDIS_URL": REDIS_URL, "MAJLIS_RATE_LIMITS": "off",
           "MAJLIS_SECRET_KEY": "scale-bench-" + secrets.token_hex(12), "MAJLIS_LOG_LEVEL": "warning"}
    return serve_majlis(folder, env)


def measure(url: str, folder: Path, seconds: int) -> dict[str, dict[str, float]]:
    process, base = serve(url, folder)
    try:
        read_path = "/api/v1/sites/bench/articles/story/comments?limit=200"
        assert len(httpx.get(base + read_path).json()["comments"]) == COMMENTS
        results = {"read": wrk(base + read_path, 64, seconds)}
        results["post"] = wrk(base + "/", 16, seconds, post_script(
            folder, "scale", "/api/v1/sites/bench/articles/story/comments",
            '{"author_name": "Bench", "author_email": "b%d@example.org", "text": "A new remark on the bridge budget number %d"}'))
        return results
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="majlis-scale-"))
    runs: dict[str, dict[str, dict[str, float]]] = {}
    seeding = {}
    for label, comments, articles in (("small", COMMENTS, 1), ("large", args.comments, args.articles)):
        with database() as url:
            seeding[label] = seed(url, comments, articles)
            print(f"{label}: seeded {comments:,} comments in {seeding[label]:.1f} s", file=sys.stderr)
            runs[label] = measure(url, folder, args.seconds)
            print(f"{label}: {runs[label]}", file=sys.stderr)

    def row(what: str, key: str) -> str:
        small, large = runs["small"][key], runs["large"][key]
        return (f"| {what} | {small['rps']:,.0f} | {small['p50']:.2f} / {small['p99']:.2f} | {large['rps']:,.0f} | "
                f"{large['p50']:.2f} / {large['p99']:.2f} | {large['rps'] / small['rps']:.0%} |")

    rate = args.comments / seeding["large"]
    body = f"""Measured {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} with `.venv/bin/python bench/scale.py
--comments {args.comments} --articles {args.articles} --seconds {args.seconds}`.

Majlis as in production: `majlis serve --workers 2` on PostgreSQL 15 with Redis (shared page cache), rate limits off,
wrk on loopback sharing the 2 cores ({args.seconds} s per run). "Small": the database holds only the article under
test with its {COMMENTS} approved comments. "Large": {args.comments:,} comments over {args.articles:,} articles
(85% approved, 10% rejected, 5% pending, each with its decision), the article under test among them.
Reads fetch the article's {COMMENTS} comments in one request (64 connections); posts add comments to it (16
connections), each screened in full against the site's recent comments.

| run | small: req/s | small: p50 / p99 ms | large: req/s | large: p50 / p99 ms | large ÷ small |
|---|---|---|---|---|---|
{row("read 200 comments", "read")}
{row("post a comment", "post")}

Seeding the large database with COPY (articles, comments, then their decisions with one INSERT … SELECT, and
ANALYZE) took {seeding['large']:.0f} s ({rate:,.0f} comments/s). Reads and posts use keyset pages and indexed
lookups (`ix_comments_article_state_parent_id`, `ix_comments_site_id_id`), so their cost does not grow with the
number of comments. Target of the scale issue: the large figures within 20% of the small ones.
"""
    write_section(args.out, "scale", "Scale: 1,000,000 comments in PostgreSQL", body)
    print(f"written {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
