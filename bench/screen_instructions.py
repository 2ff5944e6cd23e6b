"""Instructions the inline screen executes per comment, counted by valgrind (callgrind): the count of
the same code and texts moves by up to about half a percent from run to run, whatever else the
machine is doing, where wall-clock speed here drifts by a tenth or more. A figure to compare one version of the screen
with another. Writes its section of docs/benchmarks.md.

    python bench/screen_instructions.py [--data ../shared/data] [--src OTHER/src]

The workload is bench/screen_speed.py's busy site (its comments, article and window of recent
comments). It runs twice under callgrind, with few and with many posts; the difference divided by the
difference in posts is the cost of one post, without the start-up (imports, loading the lists and the
model) that both runs share. `--src` counts another checkout's screen with this workload (`--out -`
prints instead of writing).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from report import write_section

FEW, MANY = 100, 700
_COLLECTED = re.compile(r"Collected : (\d+)")


def workload(data: Path, posts: int) -> None:
    """bench/screen_speed.py's busy site, warmed as it warms it, then `posts` posts to it."""
    from screen_speed import busy_site, comments, measure

    from majlis.screening import Screener
    from majlis.services.comments import RECENT_LIMIT

    texts = comments(data, 2000)
    screener = Screener()
    screener.warm_up()
    # A fixed time: the flood check must see the same comments on every run.
    context = busy_site(screener, texts, datetime(2026, 12, 1, tzinfo=UTC), RECENT_LIMIT)
    # The collector is paused while posting: where its full passes fall depends on everything allocated
    # before (an unrelated change moved them), and one more or less moved the count by up to 3%.
    gc.collect()
    gc.freeze()
    gc.disable()
    measure(screener, context, texts[300 : 300 + posts], [context.recent], 1)


def count(data: Path, posts: int, src: Path | None) -> int:
    """Instructions of a whole run of the workload with `posts` posts, under callgrind."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, so the same work, every run
    if src is not None:
        env["PYTHONPATH"] = str(src)
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", sys.executable, __file__,
             "--data", str(data), "--worker", str(posts)],
            env=env, capture_output=True, text=True, check=True,
        )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--src", type=Path, help="count the screen of another checkout's src folder")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"), help="'-' prints the section")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        workload(args.data, args.worker)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:  # side by side: a count does not depend on load
        few_run, many_run = (pool.submit(count, args.data, posts, args.src) for posts in (FEW, MANY))
        few, many = few_run.result(), many_run.result()
    per_post = (many - few) / (MANY - FEW)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=args.src or ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()  # no git: no commit
    print(f"{per_post:,.0f} instructions per comment ({few:,} with {FEW} posts, {many:,} with {MANY})", file=sys.stderr)
    from majlis.screening.compiled import is_compiled

    body = f"""Measured {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} at commit `{commit}` with
`.venv/bin/python bench/screen_instructions.py` (valgrind's callgrind; the busy-site workload of
bench/screen_speed.py, real comments of 50–300 characters in en/ar/tr/fa with the article and 500 recent
comments as context; hash seed fixed, the garbage collector paused while posting). The screen counted
is {"compiled with mypyc, as the install builds it" if is_compiled((args.src or ROOT / "src") / "majlis" / "screening") else "plain Python"}.

**{per_post:,.0f} instructions per comment**: {few:,} for a run with {FEW} posts, {many:,} with {MANY}, the
difference divided by the {MANY - FEW} posts between them. Runs of the same code and texts differ by up
to about half a percent, whatever else the machine is doing, so the count tells a faster version of
the screen from a slower one where wall-clock figures drift; `--src OTHER/src` counts another checkout
with the same workload. Compare trees that lie alike (two plain copies side by side): the same code
counted from this checkout and from a git worktree differed by up to 7%.
"""
    if args.out == "-":
        print(body)
    else:
        write_section(Path(args.out), "screen-instructions", "Screening cost in instructions", body)
        print(f"written {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
