"""The package type-checks under `mypy --strict` (configured in pyproject.toml), so a change that
breaks a signature fails the suite rather than a request."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_type_checks() -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is in the dev extra")
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--no-incremental",
                                      str(ROOT / "src" / "majlis")])
    assert status == 0, report + errors
