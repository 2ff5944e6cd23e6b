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
