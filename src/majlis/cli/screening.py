"""`majlis screen`, `majlis eval` and `majlis train`: the moderation core from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from majlis.screening import ArticleText, Policy, ScreenContext, Screener, Verdict

console = Console()
errors = Console(stderr=True)
COLOURS = {"profanity": "red", "vulgarity": "magenta", "threat": "bold red", "personal_attack": "yellow",
           "abuse": "bold magenta", "promotion": "cyan", "spam": "blue", "off_topic": "green"}


def _context(item: dict[str, Any], policy: Policy) -> ScreenContext:
    article = item.get("article")
    return ScreenContext(
        policy=policy,
        article=ArticleText(str(article.get("title", "")), str(article.get("body", "")), str(article.get("language", "")))
        if isinstance(article, dict) else None,
        language_hint=str(item.get("lang") or ""),
    )


def explain(text: str, verdict: Verdict) -> None:
    """Print a readable report: the text with evidence highlighted, then scores and evidence."""
    styled = Text(text)
    for item in verdict.evidence:
        if item.end > item.start and item.end - item.start < len(text) and item.score >= 0.3:
            styled.stylize(f"underline {COLOURS.get(item.category.value, 'white')}", item.start, item.end)
    decision = verdict.action.value + (f" ({verdict.category.value})" if verdict.category else "")
    console.rule(f"[bold]{decision}[/bold]  language {verdict.language or '?'} "
                 f"({verdict.language_confidence:.2f})  {verdict.elapsed_ms:.2f} ms")
    console.print(styled)
    scores = Table(show_header=True, header_style="bold", box=None)
    scores.add_column("category")
    scores.add_column("score", justify="right")
    for category, score in sorted(verdict.scores.items(), key=lambda kv: -kv[1]):
        if score > 0:
            scores.add_row(Text(category.value, style=COLOURS.get(category.value, "")), f"{score:.2f}")
    console.print(scores)
    for item in verdict.evidence:
        console.print(f"  [{COLOURS.get(item.category.value, 'white')}]{item.category.value}[/] "
                      f"{item.score:.2f} {item.source} [{item.start}:{item.end}] "
                      f"{text[item.start:item.end]!r} → {item.detail}")
    if verdict.rulings:
        console.print("[bold]rulings[/bold]")
    for ruling in verdict.rulings:
        subject = f" {ruling.subject!r}" if ruling.subject else ""
        console.print(f"  {ruling.name}: [{COLOURS.get(ruling.category.value, 'white')}]{ruling.category.value}[/] "
                      f"{ruling.before:.2f} → {ruling.after:.2f}{subject}: {ruling.reason}", highlight=False)


def screen(
    explain_: Annotated[bool, typer.Option("--explain", help="A readable report instead of JSON.")] = False,
    policy_file: Annotated[Path | None, typer.Option("--policy", help="A site policy as JSON.")] = None,
    chain: Annotated[bool, typer.Option("--chain", help="Print the stages and rules in order, and stop.")] = False,
) -> None:
    """Screen JSON Lines from stdin ({"text", "article"?, "lang"?}); one verdict per line."""
    policy = Policy.from_dict(json.loads(policy_file.read_text())) if policy_file else Policy()
    screener = Screener()
    if chain:
        for line in screener.analyze():
            console.print(line, highlight=False, markup=False)
        return
    screener.warm_up()  # so that each verdict's time is its screen's, the first one's too (not the loading)
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("text must be a string")
        except (ValueError, KeyError, TypeError) as error:
            errors.print(f"[red]line {number}:[/red] {error}")
            raise typer.Exit(2) from error
        verdict = screener.screen(text, _context(item, policy))
        if explain_:
            explain(text, verdict)
        else:
            sys.stdout.write(json.dumps(verdict.to_dict(), ensure_ascii=False) + "\n")


def _refuse(message: str) -> typer.Exit:
    errors.print(f"[red]{message}[/red]", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def evaluate_command(
    file: Annotated[Path, typer.Argument(help="CSV or JSONL with `text` and `label` (0/1, clean, or a category), "
                                              "or a news set (a folder with stories.jsonl, or a file in it).")],
    png: Annotated[Path | None, typer.Option(help="Write the ROC curves to this PNG (needs the plots extra: pip install 'majlis[plots]').")] = None,
    policy_file: Annotated[Path | None, typer.Option("--policy", help="A site policy as JSON.")] = None,
    split: Annotated[str, typer.Option(help="News set: `dev`, `check`, `both` (each reported) or `all`.")] = "both",
    output: Annotated[str, typer.Option("--format", help="`table` or `json`.")] = "table",
    identity: Annotated[Path, typer.Option(help="News set: the group-name templates for the counterfactual "
                                                "spread (skipped if absent).")] = Path("bench/data/identity"),
) -> None:
    """Score a labelled file: ROC AUC, and the outcome shares at the policy thresholds; on a news set,
    per language and guideline with each comment under its story, and the counterfactual spread."""
    from majlis.screening.evaluation import evaluate, read_examples
    from majlis.screening.news_set import HALVES, NewsSetError, is_news_set, read_news_set

    if output not in ("table", "json"):
        raise _refuse(f"--format must be table or json, not {output!r}")
    if not file.exists():
        raise _refuse(f"no such file or folder: {file}")
    try:
        policy = Policy.from_dict(json.loads(policy_file.read_text())) if policy_file else Policy()
    except (OSError, ValueError, TypeError) as error:
        raise _refuse(f"--policy {policy_file}: {error}") from error
    if is_news_set(file):
        from majlis.cli.news import evaluate_news_set

        if png:
            raise _refuse("--png draws the ROC curves of a labelled file, not of a news set")
        halves = {"both": HALVES, "all": ("all",)}.get(split, (split,))
        if not set(halves) <= {*HALVES, "all"}:
            raise _refuse(f"--split must be dev, check, both or all, not {split!r}")
        try:
            comments = read_news_set(file)
        except NewsSetError as error:
            raise _refuse(f"{file}: {error}") from error
        evaluate_news_set(comments, policy, halves, identity if identity.is_dir() else None, output == "json",
                          console)
        return
    try:
        examples = read_examples(file)
    except (OSError, ValueError, KeyError) as error:
        raise _refuse(f"{file}: cannot read `text` and `label` ({error!r})") from error
    screener = Screener()
    context = ScreenContext(policy=policy)
    with Progress(TextColumn("screening"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=errors) as progress:
        task = progress.add_task("screen", total=len(examples))
        report = evaluate(examples, lambda t: screener.screen(t, context),
                          lambda n: progress.update(task, completed=n))
    if output == "json":
        sys.stdout.write(json.dumps({"examples": report.examples, "roc_auc": report.auc,
                                     "category_auc": report.category_auc, **report.outcomes.shares()}) + "\n")
        return
    table = Table(title=f"{file.name}: {report.examples} comments", header_style="bold")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("ROC AUC (any violation)", f"{report.auc:.4f}")
    for category, value in report.category_auc.items():
        table.add_row(f"ROC AUC ({category})", f"{value:.4f}")
    for name, value in report.outcomes.shares().items():
        table.add_row(name.replace("_", " "), f"{value:.1%}")
    console.print(table)
    if png:
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError as error:
            errors.print("[red]--png needs matplotlib:[/red] pip install 'majlis\\[plots]'")
            raise typer.Exit(2) from error
        figure, axes = plt.subplots(figsize=(5, 5))
        for name, (fpr, tpr) in report.curves.items():
            axes.plot(fpr, tpr, label=name)
        axes.plot([0, 1], [0, 1], linestyle=":", color="grey")
        axes.set_xlabel("false positive rate")
        axes.set_ylabel("true positive rate")
        axes.legend(loc="lower right")
        figure.savefig(png, dpi=120, bbox_inches="tight")
        console.print(f"ROC curves written to {png}")


def train_command(
    data: Annotated[Path, typer.Option(help="Folder of labelled sets (one folder each with data.csv).")] = Path("../shared/data"),
    output: Annotated[Path, typer.Option(help="Where to write the model.")] = Path("src/majlis/screening/data/classifier.npz"),
    kurdish: Annotated[Path, typer.Option(help="The project's Kurdish development comments (trained on too).")] = Path(
        "bench/data/kurdish/dev"),
    news: Annotated[Path | None, typer.Option(help="Also train on the project's news-comment training set, "
                                               "weighed up (e.g. bench/data/news_train); the shipped model "
                                               "was trained without it, see docs/quality.md.")] = None,
) -> None:
    """Train the shipped classifier on the labelled sets (needs the `train` extra)."""
    from majlis.screening.datasets import read_all, read_news_training, read_written_kurdish
    from majlis.screening.training import calibrate, train

    if not data.is_dir():
        errors.print(f"[red]no data folder at {data}[/red]")
        raise typer.Exit(2)
    rows = read_all(data)
    console.print(f"{len(rows)} labelled rows from {data}")
    written = read_written_kurdish(kurdish) if kurdish.is_dir() else []
    console.print(f"{len(written)} Kurdish training rows from {kurdish}")
    if news is not None and not news.is_dir():
        raise _refuse(f"--news: {news} is not a folder")
    comments = read_news_training(news) if news is not None else []
    if news is not None:
        console.print(f"{len(comments)} news-comment training rows from {news}")
    model, _ = train(rows + written + comments, log=console.print)
    knots = calibrate(model, rows)  # on the public sets' dev split only
    console.print(f"calibration on the dev split: {knots}")
    model.save(output)
    console.print(f"model written to {output} ({output.stat().st_size / 1e6:.1f} MB)")


def register(app: typer.Typer) -> None:
    """Add the screening commands to the `majlis` command."""
    app.command("screen")(screen)
    app.command("eval")(evaluate_command)
    app.command("train")(train_command)
