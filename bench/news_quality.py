"""The screen on the project's news comments (bench/data/news: 627 comments under 18 stories in six
languages), each under its story, both halves; and the counterfactual spread of the group-name
templates (bench/data/identity). Writes the "News comments" section of docs/quality.md.

    .venv/bin/python bench/news_quality.py

The same figures as `majlis eval bench/data/news --identity bench/data/identity`, as Markdown.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from report import write_section  # noqa: E402

from majlis.screening import ScreenContext, Screener, Verdict  # noqa: E402
from majlis.screening.counterfactual import spreads  # noqa: E402
from majlis.screening.news_set import HALVES, NewsComment, NewsReport, Tally, evaluate_news, read_news_set  # noqa: E402

NEWS = ROOT / "bench" / "data" / "news"
IDENTITY = ROOT / "bench" / "data" / "identity"
FIGURES = (("violations_kept", "violations"), ("kept_right_category", "violations_kept"), ("threats_kept", "threats"), ("clean_approved", "clean"),
           ("clean_rejected", "clean"), ("group_clean_approved", "group_clean"))


def cell(tally: Tally, part: str, whole: str) -> str:
    n, d = getattr(tally, part), getattr(tally, whole)
    return f"{100 * n / d:.1f}% ({n}/{d})" if d else "-"


def half_table(report: NewsReport) -> str:
    rows = ["| language | comments | violations kept | kept under the right guideline | threats kept | clean approved "
            "| clean rejected | clean naming a group approved | ROC AUC |", "|---|---|---|---|---|---|---|---|---|"]
    for language, part in {**report.languages, "all": report.overall}.items():
        rows.append(f"| {language} | {part.tally.comments} | "
                    + " | ".join(cell(part.tally, *figure) for figure in FIGURES) + f" | {part.auc:.3f} |")
    return "\n".join(rows)


def guideline_table(report: NewsReport) -> str:
    slices = {**report.languages, "all": report.overall}
    rows = ["| guideline | " + " | ".join(slices) + " |", "|---|" + "---|" * len(slices)]
    for label in report.overall.by_label:
        cells = []
        for part in slices.values():
            t = part.by_label.get(label)
            cells.append("-" if t is None else f"{t.approved if label == 'clean' else t.comments - t.approved}/{t.comments}")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    screener = Screener()
    screener.warm_up()
    comments = read_news_set(NEWS)

    def screen(comment: NewsComment) -> Verdict:
        return screener.screen(comment.text, ScreenContext(article=comment.story.article,
                                                           language_hint=comment.story.language))

    reports = {half: evaluate_news([c for c in comments if c.half == half], screen) for half in HALVES}
    bare = ScreenContext()
    spread = spreads(IDENTITY, lambda text: screener.screen(text, bare).risk)
    halves = "\n\n".join(f"**{half}** half:\n\n{half_table(r)}\n\nPer guideline ({half}; kept = rejected or sent "
                         f"to review, of the comments with that label; for clean, approved):\n\n{guideline_table(r)}"
                         for half, r in reports.items())
    spread_rows = "\n".join(f"| {lang} | {s.templates} | {s.worst:.3f} | {s.mean:.3f} | {s.worst_template} |"
                            for lang, s in spread.items())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    body = f"""Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit `{commit or "?"}` with `.venv/bin/python bench/news_quality.py`
(the same figures: `.venv/bin/majlis eval bench/data/news --format json`).

The project's news comments (`bench/data/news/`, its README has the labelling rules): 627 comments in
six languages under 18 made-up stories of a regional newsroom, about half clean, written as readers
write (dialects, Arabizi, Finglish, Latin-script Sorani, Kurmanji without diacritics, typos, emoji),
violations of every guideline with threats in nine forms, clean comments with the hard cases
(criticism of councils and officials, reported threats, quoted slurs, groups named, news links).
Each comment is screened under its story (the article and its language, as the web layer does),
default policy. Split by a hash of the id: tune on `dev`, both halves reported. Nothing was trained
or tuned on them at the time of this baseline. Per language and guideline the counts are small (1
to 12): one comment moves a share by many points.

"Kept under the right guideline": of the violations kept, those whose verdict names the comment's
label as its category (what the moderator is shown; issue 28: "the category shown to the moderator
must be right"). A comment breaking two guidelines carries one label (the README's order: threat,
abuse, vulgarity, personal_attack, ...), so a verdict naming the other one counts as wrong here.

Issue 28's targets: violations kept >= 90%, threats kept >= 95%, clean approved >= 85%, clean rejected
<= 1%, clean naming a group approved >= 90%, counterfactual spread <= 0.05.

{halves}

Counterfactual spread (the identity templates, not the news set: per neutral or positive template of
`bench/data/identity`, the highest risk over its 20 group names minus the lowest; no article, language
detected):

| language | templates | worst spread | mean spread | worst template |
|---|---|---|---|---|
{spread_rows}
"""
    write_section(ROOT / "docs" / "quality.md", "news", "News comments", body)
    print(f"written {ROOT / 'docs' / 'quality.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
