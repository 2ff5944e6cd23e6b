"""A bad setting is one line naming the variable and exit code 2, from every command (real processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [
    ["migrate"],
    ["serve", "--port", "1"],
    ["worker"],
    ["site", "create", "courier"],
    ["moderator", "create", "e@courier.example", "--password-stdin"],
    ["token", "list"],
    ["export", "courier"],
    ["privacy", "purge"],
    ["privacy", "erase", "a@b.example", "--yes"],
    ["import", "isso", "majlis.db", "--site", "courier"],
]
BAD = [
    ("MAJLIS_SECRET_KEY", "changeme"),
    ("MAJLIS_LOG_LEVEL", "verbose"),
    ("MAJLIS_DATABASE_URL", "nonsense"),
    ("MAJLIS_RATE_LIMITS", "ip:ten/60"),
    ("MAJLIS_REDIS_URL", "http://cache.internal"),
    ("MAJLIS_SMTP_PORT", "abc"),
    ("MAJLIS_PUBLIC_URL", "javascript:alert(1)"),
    ("MAJLIS_TRUSTED_PROXIES", "10.0.0.0/33"),
]


def _run(folder: Path, args: list[str], variable: str, value: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAJLIS_")}
    env |= {"MAJLIS_DATABASE_URL": f"sqlite:///{folder / 'majlis.db'}", variable: value, "COLUMNS": "60"}
    return subprocess.run([sys.executable, "-m", "majlis.cli", *args], cwd=folder, env=env, input="a long passphrase\n",
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("variable", "value"), BAD)
def test_a_bad_setting_is_one_line_naming_it(tmp_path: Path, variable: str, value: str) -> None:
    (tmp_path / "majlis.db").touch()
    for args in COMMANDS if variable in ("MAJLIS_SECRET_KEY", "MAJLIS_LOG_LEVEL") else COMMANDS[:2]:
        done = _run(tmp_path, args, variable, value)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2, (args, done.stderr)
        assert len(lines) == 1 and variable in lines[0], (args, done.stderr)
        assert "Traceback" not in done.stderr + done.stdout
        assert variable != "MAJLIS_SECRET_KEY" or value not in lines[0]  # a secret is never echoed


def test_log_level_is_checked_and_normalised() -> None:
    from pydantic import ValidationError

    from majlis.settings import Settings

    assert Settings(log_level=" WARNING ").log_level == "warning"
    with pytest.raises(ValidationError):
        Settings(log_level="verbose")
