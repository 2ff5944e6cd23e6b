"""`majlis eval` on a news set (bench/data/news): each comment screened under its story, figures per
language and per guideline, per half, and the counterfactual spread of the group-name templates."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from majlis.screening import Policy, ScreenContext, Screener, Verdict
from majlis.screening.counterfactual import Spread, spreads
from majlis.screening.news_set import CLEAN, NewsComment, NewsReport, SliceReport, Tally, evaluate_news

COLUMNS = {"violations_kept": "violations kept", "kept_right_category": "right guideline", "threats_kept": "threats kept", "clean_approved": "clean approved",
           "clean_rejected": "clean rejected", "group_clean_approved": "group clean approved"}
WIDTH = 170  # the tables' columns, unwrapped
COUNTS = {"violations_kept": ("violations_kept", "violations"),
          "kept_right_category": ("kept_right_category", "violations_kept"), "threats_kept": ("threats_kept", "threats"),
          "clean_approved": ("clean_approved", "clean"), "clean_rejected": ("clean_rejected", "clean"),
          "group_clean_approved": ("group_clean_approved", "group_clean")}


def _cell(tally: Tally, key: str) -> str:
    part, whole = (getattr(tally, name) for name in COUNTS[key])
    return f"{part / whole:.1%} {part}/{whole}" if whole else "-"


def _guideline_cell(tally: Tally | None, label: str) -> str:
    if tally is None:
        return "-"
    return f"{tally.approved if label == CLEAN else tally.comments - tally.approved}/{tally.comments}"


def _half_tables(name: str, report: NewsReport, spread: dict[str, Spread], console: Console) -> None:
    slices: dict[str, SliceReport] = {**report.languages, "all": report.overall}
    table = Table(title=f"{name}: {report.overall.tally.comments} comments", header_style="bold")
    for column in ("language", "comments", *COLUMNS.values(), "AUC", "spread max", "spread mean"):
        table.add_column(column, justify="left" if column == "language" else "right")
    for language, part in slices.items():
        s = spread.get(language)
        table.add_row(language, str(part.tally.comments), *(_cell(part.tally, key) for key in COLUMNS),
                      f"{part.auc:.3f}", f"{s.worst:.3f}" if s else "-", f"{s.mean:.3f}" if s else "-")
    console.print(table)
    labels = list(report.overall.by_label)
    guidelines = Table(title=f"{name}: per guideline, kept (for clean: approved)", header_style="bold")
    for column in ("guideline", *slices):
        guidelines.add_column(column, justify="left" if column == "guideline" else "right")
    for label in labels:
        guidelines.add_row(label, *(_guideline_cell(part.by_label.get(label), label) for part in slices.values()))
    console.print(guidelines)


def evaluate_news_set(comments: list[NewsComment], policy: Policy, halves: tuple[str, ...],
                      identity: Path | None, as_json: bool, console: Console) -> None:
    """Screen the comments of each half under their stories; print the tables or the JSON."""
    screener = Screener()

    def screen(comment: NewsComment) -> Verdict:
        story = comment.story
        return screener.screen(comment.text, ScreenContext(policy=policy, article=story.article,
                                                           language_hint=story.language))

    reports = {half: evaluate_news([c for c in comments if half in ("all", c.half)], screen) for half in halves}
    languages = {c.language for c in comments}
    context = ScreenContext(policy=policy)
    spread = spreads(identity, lambda text: screener.screen(text, context).risk, languages) if identity else {}
    if as_json:
        result: dict[str, Any] = {"halves": {half: r.to_dict() for half, r in reports.items()},
                                  "counterfactual": {lang: s.to_dict() for lang, s in spread.items()}}
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        return
    wide = Console(width=max(console.width, WIDTH))
    for half, report in reports.items():
        _half_tables(half, report, spread, wide)
    for language, s in spread.items():
        wide.print(f"counterfactual {language}: {s.templates} templates, worst spread {s.worst:.3f} "
                      f"({s.worst_template!r}), mean {s.mean:.3f}")
