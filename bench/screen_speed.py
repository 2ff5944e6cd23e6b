"""Speed of the inline screen (everything that runs before the POST answer), pinned to one core,
side by side with the peers in the same run. Writes its section of docs/benchmarks.md.

    python bench/screen_speed.py [--data ../shared/data] [--repeats 5] [--n 2000]

Comments are real texts of 50-300 characters from the labelled sets (English, Arabic, Turkish,
Persian; the project's own Kurdish samples when present), screened with a realistic context: the
article under which they are posted and as many of the site's recent comments as a post reads
(`services.comments.RECENT_LIMIT`, for repeat detection).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from report import rss_mb, write_section  # noqa: E402

SAMPLE = [
    "The council should publish every contract for the bridge so we can see what the repairs cost.",
    "أتمنى أن تنشر الحكومة تفاصيل العقود حتى نعرف كم كلف إصلاح الجسر",
    "Belediye köprü onarımının maliyetini açıklamalı, iki yıl çok uzun bir süre.",
    "شهرداری باید هزینه تعمیر پل را اعلام کند، دو سال خیلی طول کشید",
    "شارەوانی دەبێت تێچووی چاککردنەوەی پردەکە ئاشکرا بکات",
    "Divê şaredarî lêçûna çêkirina pirê eşkere bike, du sal pir dirêj e.",
]



def comments(data: Path, n: int, pad: bool = True) -> list[str]:
    """n typical comments: 50-300 characters, mixed languages (fewer if `pad` is off and the data
    hold fewer; the first ones are the same whatever n)."""
    texts: list[str] = []
    if data.is_dir():
        from majlis.screening.datasets import read_all

        texts = [r.text for r in read_all(data) if 50 <= len(r.text) <= 300]
    if pad and len(texts) < n:
        texts += [SAMPLE[i % len(SAMPLE)] + f" ({i})" for i in range(n - len(texts))]
    random.Random(7).shuffle(texts)
    return texts[:n]


def peer_speed(peer: str, venv: str, texts: list[str]) -> dict[str, float] | None:
    python = ROOT / "bench" / ".venvs" / venv / "bin" / "python"
    if not python.exists():
        return None
    out = {}
    for mode in ("--batch", "--single"):
        done = subprocess.run(["taskset", "-c", "0", str(python), str(ROOT / "bench" / "peers" / "run_peer.py"), peer, mode],
                              input=json.dumps(texts), capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        out[mode] = len(texts) / result["seconds"]
        if result["latencies"]:
            lat = sorted(result["latencies"])
            out["p50"] = lat[len(lat) // 2] * 1000
            out["p99"] = lat[int(len(lat) * 0.99)] * 1000
    return out


def busy_site(screener: Any, texts: list[str], now: datetime, window: int) -> Any:
    """The context of a post on the bench's busy site: the article, and the first `window` texts as
    its recent comments. Warms the screen on 300 posts first, as a running server would be."""
    from majlis.screening import ArticleText, RecentComment, ScreenContext

    recent = tuple(RecentComment(i, t, f"author{i % 50}", now - timedelta(minutes=i)) for i, t in enumerate(texts[:window]))
    article = ArticleText("Old Tigris footbridge reopens after two years of repairs", " ".join(SAMPLE) * 3, "en")
    context = ScreenContext(article=article, recent=recent, author_key="author-x", now=now)
    for text in texts[:300]:
        screener.screen(text, context)
    return context


def measure(screener: Any, context: Any, texts: list[str], windows: list[tuple[Any, ...]],
            repeats: int) -> tuple[list[float], list[float]]:
    """Comments per second of each run, and every comment's seconds. Posts go to the sites in turn
    (one window each): each post finds the last one posted to its site at the head of a new window,
    the oldest dropped, as the store's recent-comments cache hands it over (`storage/recent.py`): a
    new tuple sharing its other rows with the last one. One site is a busy site."""
    from majlis.screening import RecentComment

    live = list(windows)
    posted = sum(len(w) for w in live)
    rates: list[float] = []
    latencies: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for n, text in enumerate(texts):
            site = n % len(live)
            fresh = dataclasses.replace(context, recent=live[site])
            t1 = time.perf_counter()
            screener.screen(text, fresh)
            latencies.append(time.perf_counter() - t1)
            live[site] = (RecentComment(posted, text, f"author{posted % 50}", context.now),) + live[site][:-1]
            posted += 1
        rates.append(len(texts) / (time.perf_counter() - t0))
    return rates, latencies


# Comments written to be slow, as long as a comment may be (`settings.comment_max_chars`): one long
# word, words glued by symbols, hundreds of listed words, floods of marks. Each pattern the screen
# runs must stay near linear in the length, whatever the text.
def hostile_comments(length: int) -> dict[str, str]:
    """Named comments of `length` characters built to find slow paths."""
    def fill(unit: str) -> str:
        return (unit * (length // len(unit) + 1))[:length]

    return {
        "one long word": fill("a")[:-1] + "1",
        "letters and digits": fill("a1"),
        "letters and masks": fill("f*"),
        "letters and dots": fill("a."),
        "handles": fill("a@"),
        "spaced-out letters": fill("a "),
        "listed words, no full stop": fill("sh1t f u c k "),
        "one Arabic word again and again": fill("كون "),
        "quoted words": fill('"a" '),
        "emoji": fill("🔪"),
        "exclamation marks": fill("!"),
    }


def hostile_latencies(screener: Any, length: int, repeats: int = 5) -> list[tuple[str, float]]:
    """The median milliseconds of a screen of each hostile comment. Each screen reads a text it has
    not seen (a number in front), as the screen keeps what it found in the last few texts."""
    found = []
    for name, text in hostile_comments(length).items():
        times = []
        for n in range(repeats):
            fresh = f"{n} {text}"[:length]
            started = time.perf_counter()
            screener.screen(fresh)
            times.append((time.perf_counter() - started) * 1000)
        found.append((name, statistics.median(times)))
    return found


def percentile(seconds: list[float], share: float) -> float:
    """The share-th quantile of the latencies, in milliseconds."""
    ordered = sorted(seconds)
    return ordered[int(len(ordered) * share)] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md", help="'-' prints the section")
    parser.add_argument("--sites", type=int, nargs="*", default=[20, 400],
                        help="also measure posts spread over this many sites in turn")
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})
    texts = comments(args.data, args.n)
    # Before measuring: this import loads the storage layer too.
    from majlis.services.comments import RECENT_LIMIT

    before = rss_mb()
    from majlis.screening import RecentComment, Screener
    from majlis.screening.spam import WINDOWS_KEEP

    started = time.perf_counter()
    screener = Screener()
    screener.warm_up()
    load_ms = (time.perf_counter() - started) * 1000
    engine_mb = rss_mb() - before
    now = datetime.now(UTC)
    context = busy_site(screener, texts, now, RECENT_LIMIT)
    gc.collect()
    rates, latencies = measure(screener, context, texts, [context.recent], args.repeats)
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    rate = statistics.median(rates)
    print(f"majlis: {rate:.0f}/s median of {args.repeats}, p50 {p50:.2f} ms, p99 {p99:.2f} ms, engine {engine_mb:.0f} MB", file=sys.stderr)
    total_mb = rss_mb()  # before the many-site runs, whose windows are the bench's, not the engine's
    from majlis.settings import Settings

    longest = Settings().comment_max_chars
    hostile = hostile_latencies(screener, longest)
    many: list[str] = []
    first_post: list[float] = []
    # The sites' earlier comments: other real texts, each site its own (past the texts at hand, a
    # text is on several sites, as a comment copied from one to another would be).
    pool = comments(args.data, max(args.sites, default=0) * RECENT_LIMIT, pad=False) or texts
    for sites in args.sites:
        windows = [tuple(RecentComment(s * RECENT_LIMIT + i, pool[(s * RECENT_LIMIT + i) % len(pool)],
                                       f"author{i % 50}", now - timedelta(minutes=i)) for i in range(RECENT_LIMIT))
                   for s in range(sites)]
        # A screen of its own (the lists and the model are shared), so that no site's comments were
        # seen before; one post per site first, untimed but for its latency: a process's first post
        # on a site signs the site's recent comments (the repeat check), once.
        fresh_screener = Screener()
        _, first = measure(fresh_screener, context, texts[:sites], windows, 1)
        first_post.append(percentile(first[: len(pool) // RECENT_LIMIT], 0.5))
        site_rates, site_latencies = measure(fresh_screener, context, texts, windows, args.repeats)
        many.append(f"| {sites} | {statistics.median(site_rates):,.0f} | {percentile(site_latencies, 0.5):.2f} | "
                    f"{percentile(site_latencies, 0.99):.2f} |")
        print(f"majlis, {sites} sites: {statistics.median(site_rates):.0f}/s", file=sys.stderr)
    peers = {
        "alt-profanity-check (English only)": peer_speed("alt-profanity-check", "alt-profanity-check", texts),
        "arabic-toxic (Arabic only)": peer_speed("arabic-toxic", "arabic-toxic", texts),
        "glin-profanity, Turkish list": peer_speed("glin-tr", "glin", texts),
    }
    from majlis.screening.compiled import is_compiled

    build = "compiled with mypyc" if is_compiled() else "plain Python"
    rows = [f"| Majlis screen (all stages, all languages; {build}) | {rate:,.0f} | – | {p50:.2f} | {p99:.2f} |"]
    for name, result in peers.items():
        if result is None:
            rows.append(f"| {name} | not installed | | | |")
        else:
            rows.append(f"| {name} | {result['--single']:,.0f} | {result['--batch']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} |")
    body = f"""Measured {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} with `.venv/bin/python bench/screen_speed.py`
({args.n} comments of 50–300 characters in en/ar/tr/fa, {args.repeats} runs, process pinned to one core
with `sched_setaffinity`; peers pinned with `taskset -c 0`). Majlis screens each comment with the
article and the site's {RECENT_LIMIT} most recent comments as context (lists, promotion, repeat/flood/gibberish,
language identification, the model, relevance); each post finds the one before it added to the
window, as on a busy site. "One call each" scores one comment per call, as a
comment form does; "batch" hands the peer all comments at once (Majlis has no batch mode).

| engine | comments/s, one call each (median of runs) | comments/s, batch | p50 ms | p99 ms |
|---|---|---|---|---|
{chr(10).join(rows)}

Engine memory: loading the screen (lists, language model, classifier) added {engine_mb:.0f} MB to the
process ({total_mb:.0f} MB resident in all, Python included); loading and warming took {load_ms:.0f} ms.
Runs: {', '.join(f'{r:,.0f}' for r in rates)} comments/s. Wall-clock speed on this shared machine drifts
from one run of the bench to the next, the peers' with it; instructions per comment
(bench/screen_instructions.py, below) tell versions apart.

Comments written to find slow paths, each {longest:,} characters long (the longest a site accepts by
default), screened with no context (median of 5 screens each, milliseconds): the slowest takes
{max(ms for _, ms in hostile):.1f} ms.

| comment | ms |
|---|---|
{chr(10).join(f"| {name} | {ms:.1f} |" for name, ms in hostile)}

Posts spread over many sites, in turn (the same comments, {args.repeats} runs each): each site has its own
window of {RECENT_LIMIT} recent comments, other real texts ({len(pool):,} in all: beyond that, a text is
on several sites). The screen keeps the last window of up to
{WINDOWS_KEEP} sites (`screening/spam.py`), so below that each post reads only what changed on its site;
above it, a post finds its site's window forgotten and reads all of it again (the comments' signatures
are kept, up to 100,000, so a read costs hashing, not signing). Each row starts from a screen that has
seen no site; the first post on each site, before the runs, signs the site's recent comments once:
{', '.join(f'{ms:.0f} ms' for ms in first_post)} (median over the sites whose comments were new).

| sites posted to in turn | comments/s (median of runs) | p50 ms | p99 ms |
|---|---|---|---|
{chr(10).join(many)}
"""
    if str(args.out) == "-":
        print(body)
        return
    write_section(args.out, "screen-speed", "Screening speed", body)
    print(f"written {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
