"""`majlis screen` and `majlis eval` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from majlis.cli import app

runner = CliRunner()


def test_screen_writes_one_verdict_per_line() -> None:
    lines = "\n".join(json.dumps(x) for x in [
        {"text": "You are an idiot"},
        {"text": "The council met on Tuesday.", "lang": "en"},
        {"text": "Buy now at bit.ly/deal"},
    ])
    result = runner.invoke(app, ["screen"], input=lines + "\n")
    assert result.exit_code == 0, result.output
    verdicts = [json.loads(line) for line in result.output.splitlines()]
    assert [v["action"] for v in verdicts] == ["reject", "approve", "reject"]
    assert verdicts[0]["category"] == "personal_attack" and verdicts[2]["category"] == "promotion"


def test_screen_times_the_first_comment_without_the_loading() -> None:
    # A process of its own: in this one the lists and the model may be loaded already. Loading them
    # takes hundreds of milliseconds, screening a short comment a few.
    line = json.dumps({"text": "The council met on Tuesday."}) + "\n"
    done = subprocess.run([sys.executable, "-m", "majlis.cli", "screen"], input=line * 2, capture_output=True,
                          text=True, check=True)
    first, second = (json.loads(out) for out in done.stdout.splitlines())
    assert first["action"] == second["action"] == "approve"
    assert first["elapsed_ms"] < 50, first["elapsed_ms"]


def test_screen_explain_highlights_the_evidence() -> None:
    result = runner.invoke(app, ["screen", "--explain"], input=json.dumps({"text": "what a f*cking idiot"}) + "\n")
    assert result.exit_code == 0, result.output
    assert "reject" in result.output and "f*cking" in result.output and "lexicon" in result.output


def test_screen_explain_names_the_rulings() -> None:
    result = runner.invoke(app, ["screen", "--explain"], input=json.dumps({"text": "This is a stupid policy"}) + "\n")
    assert result.exit_code == 0, result.output
    assert "rulings" in result.output and "judges-an-idea" in result.output and "0.80" in result.output


def test_screen_chain_lists_the_stages_and_rules_in_order() -> None:
    result = runner.invoke(app, ["screen", "--chain"])
    assert result.exit_code == 0, result.output
    stages = [line.split(":")[0] for line in result.output.splitlines() if line.startswith("stage ")]
    assert stages[0] == "stage lexicon" and "stage classifier" in stages and "judges-an-idea" in result.output


def test_screen_refuses_bad_lines() -> None:
    result = runner.invoke(app, ["screen"], input="not json\n")
    assert result.exit_code == 2
    assert runner.invoke(app, ["screen"], input='{"text": 5}\n').exit_code == 2


def test_eval_reports_auc_and_outcomes(tmp_path: Path) -> None:
    data = tmp_path / "labelled.csv"
    rows = ["text,label"]
    rows += [f'"The council met about the budget, item {n}.",clean' for n in range(10)]
    rows += [f'"You are a stupid idiot number {n}",personal_attack' for n in range(10)]
    data.write_text("\n".join(rows) + "\n")
    result = runner.invoke(app, ["eval", str(data)])
    assert result.exit_code == 0, result.output
    assert "ROC AUC (any violation)" in result.output and "1.0000" in result.output
    assert "clean rejected" in result.output


NEWS_COMMENTS = [
    ("The council met on Tuesday about the bus routes.", "clean", False),
    ("Will the new bus routes reach the university?", "clean", False),
    ("Kurds and Arabs took the bus to the council meeting.", "clean", True),
    ("You are an idiot", "personal_attack", False),
    ("Buy now at bit.ly/deal", "promotion", False),
    ("I will kill you, councillor.", "threat", False),
]


def news_set(folder: Path) -> Path:
    """A tiny news set: one English story and six comments whose verdicts are not in doubt."""
    story = {"id": "en-s1", "language": "en", "title": "Council meets about the bus routes",
             "body": "The city council met on Tuesday to discuss the new bus routes and the fares."}
    (folder / "stories.jsonl").write_text(json.dumps(story) + "\n")
    (folder / "en.jsonl").write_text("".join(
        json.dumps({"id": f"en-s1-{n:03d}", "story": "en-s1", "text": text, "label": label}
                   | ({"names_group": True} if group else {})) + "\n"
        for n, (text, label, group) in enumerate(NEWS_COMMENTS)))
    identity = folder / "identity"
    identity.mkdir()
    (identity / "en.json").write_text(json.dumps({"language": "en", "groups": ["Kurds", "Jews"],
                                                  "neutral": ["{g} met the mayor to discuss the bus routes."]}))
    return folder


def test_eval_on_a_news_set_reports_per_language_and_guideline(tmp_path: Path) -> None:
    from majlis.screening import Screener

    folder = news_set(tmp_path)
    result = runner.invoke(app, ["eval", str(folder), "--split", "all", "--format", "json",
                                 "--identity", str(folder / "identity")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    en = report["halves"]["all"]["languages"]["en"]
    counts = en["counts"]
    assert (counts["violations"], counts["violations_kept"], counts["threats"], counts["threats_kept"]) == (3, 3, 1, 1)
    assert (counts["clean"], counts["clean_approved"], counts["clean_rejected"]) == (3, 3, 0)
    assert (counts["group_clean"], counts["group_clean_approved"]) == (1, 1)
    assert counts["kept_right_category"] == 3  # personal_attack, promotion and threat, each named as such
    assert en["shares"] == {"violations_kept": 1.0, "kept_right_category": 1.0, "threats_kept": 1.0, "clean_approved": 1.0, "clean_rejected": 0.0,
                            "group_clean_approved": 1.0}
    assert en["roc_auc"] == 1.0 and report["halves"]["all"]["all"]["counts"] == counts
    assert en["by_label"]["promotion"] == {"comments": 1, "kept": 1, "approved": 0, "rejected": 1,
                                           "kept_right_category": 1}
    screener = Screener()
    risks = [screener.screen(f"{g} met the mayor to discuss the bus routes.").risk for g in ("Kurds", "Jews")]
    spread = report["counterfactual"]["en"]
    assert spread["templates"] == 1 and abs(spread["worst"] - abs(risks[0] - risks[1])) < 1e-9


def test_eval_reports_each_half_of_a_news_set(tmp_path: Path) -> None:
    from majlis.screening.news_set import half_of

    folder = news_set(tmp_path)
    result = runner.invoke(app, ["eval", str(folder / "en.jsonl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    halves = json.loads(result.stdout)["halves"]
    assert set(halves) == {"dev", "check"}
    dev = sum(half_of(f"en-s1-{n:03d}") == "dev" for n in range(len(NEWS_COMMENTS)))
    assert halves["dev"]["all"]["counts"]["comments"] == dev
    assert halves["check"]["all"]["counts"]["comments"] == len(NEWS_COMMENTS) - dev
    table = runner.invoke(app, ["eval", str(folder), "--split", "check", "--identity", str(folder / "identity")])
    assert table.exit_code == 0 and "check:" in table.output and "dev:" not in table.output
    assert "threats kept" in table.output and "per guideline" in table.output and "counterfactual en" in table.output


def test_eval_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    folder = news_set(tmp_path)
    for args in (["eval", str(tmp_path / "missing.csv")], ["eval", str(folder), "--split", "test"],
                 ["eval", str(folder), "--format", "xml"], ["eval", str(folder), "--png", str(tmp_path / "r.png")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, (args, result.output)
    (folder / "en.jsonl").write_text('{"id": "x", "story": "en-s1", "text": "hi", "label": "rude"}\n')
    result = runner.invoke(app, ["eval", str(folder)])
    assert result.exit_code == 2 and "en.jsonl line 1: `label` must be one of" in result.stderr
