"""The screen on the project's Kurdish *development* sets (bench/data/kurdish/dev), for tuning the
lists: prints what is kept per category and every comment the screen got wrong. Unlike
bench/kurdish_quality.py it writes no report; the evaluation sets stay unread while tuning.

    .venv/bin/python bench/kurdish_dev.py [--quiet]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from majlis.domain import Action
from majlis.screening import ScreenContext, Screener
from majlis.screening.datasets import written_comments

DEV = Path(__file__).resolve().parent / "data" / "kurdish" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quiet", action="store_true", help="figures only, not the comments got wrong")
    args = parser.parse_args()
    screener = Screener()
    screener.warm_up()
    for language in ("ckb", "kmr"):
        total: Counter[str] = Counter()
        kept: Counter[str] = Counter()
        wrong = []
        for _, label, kind, text in written_comments(DEV, language):
            verdict = screener.screen(text, ScreenContext())
            total[label] += 1
            if label == "clean":
                if verdict.action is Action.REJECT:
                    kept[label] += 1
                    wrong.append(f"  clean rejected ({kind}): {text}  <- {verdict.category}")
            elif verdict.action is not Action.APPROVE:
                kept[label] += 1
            else:
                wrong.append(f"  {label} published: {text}")
        violations = sum(v for k, v in total.items() if k != "clean")
        caught = sum(v for k, v in kept.items() if k != "clean")
        print(f"{language}: violations kept {caught}/{violations} ({caught / violations:.0%}), "
              f"clean rejected {kept['clean']}/{total['clean']}")
        print("  " + ", ".join(f"{k} {kept[k]}/{total[k]}" for k in sorted(total) if k != "clean"))
        if not args.quiet:
            print("\n".join(wrong))


if __name__ == "__main__":
    main()
