"""A plain `pip install .` has every module the package imports (.ci/newsroom.sh proves it on a
wheel in a new virtualenv; this catches a dependency moved to an extra on every test run)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Imported only inside the functions that need them, for work a server never does.
OPTIONAL = {
    "sklearn": "training (the `train` extra)",
    "scipy": "training, with scikit-learn",
    "matplotlib": "`majlis eval --png` (the `plots` extra), which says how to install it",
}


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0]).lower()


def imported_modules() -> dict[str, str]:
    """Top-level modules imported anywhere in src/majlis, each with one file that imports it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "src" / "majlis").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                     else [])
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "majlis":
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_imported_module_is_a_runtime_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    distributions = packages_distributions()
    missing = {}
    for module, where in imported_modules().items():
        if module in OPTIONAL:
            continue
        provided_by = {_name(d) for d in distributions.get(module, [module])}
        if not provided_by & runtime:
            missing[module] = where
    assert not missing, f"imported but not in [project.dependencies]: {missing}"


def test_every_optional_module_has_an_extra() -> None:
    """What the package imports only for training or plots, an extra installs."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    offered = {_name(r) for name, requirements in extras.items() if name != "dev" for r in requirements}
    assert {"scikit-learn", "matplotlib"} <= offered  # scipy comes with scikit-learn
