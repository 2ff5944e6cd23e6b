"""The documentation stays true to the code."""

from __future__ import annotations

from pathlib import Path

from majlis.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented() -> None:
    table = (ROOT / "docs" / "configuration.md").read_text()
    for name in Settings.model_fields:
        assert f"`MAJLIS_{name.upper()}`" in table, name


def test_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
