"""Build step beyond pyproject.toml: the inline screen is compiled to C extensions with mypyc.

mypyc (part of mypy) turns the type-checked modules of `majlis.screening` that run on every posted
comment into C, with the same behaviour; `tests/screening/test_compiled.py` checks that an install
holds them. `MAJLIS_PURE_PYTHON=1` at install time builds the plain Python package instead (for a
platform without a C compiler, or to read tracebacks with Python line numbers); the screen then
gives the same verdicts, more slowly (docs/benchmarks.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

SCREENING = Path("src/majlis/screening")
# Training, evaluation and the data-set readers run offline, once, and use sklearn: left in Python.
NOT_COMPILED = {"__init__.py", "compiled.py", "counterfactual.py", "datasets.py", "evaluation.py", "news_set.py",
                "training.py"}


def compiled_modules() -> list[str]:
    """The screening modules mypyc compiles: every one the inline screen runs."""
    return sorted(str(p) for p in SCREENING.glob("*.py") if p.name not in NOT_COMPILED)


# What pip asks for before it builds (the build's requirements, the package's metadata) needs no
# extensions; mypycify type-checks and translates the whole screen each time it is called.
METADATA_ONLY = {"egg_info", "dist_info"}


def extensions() -> list[object]:
    """mypyc's extensions, or none when the pure Python package or only metadata is asked for."""
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), "")
    if command in METADATA_ONLY:
        return []
    if os.environ.get("MAJLIS_PURE_PYTHON") == "1":
        # An editable install keeps an earlier build's extensions in the source tree, where Python
        # would import them ahead of the sources.
        for built in (*SCREENING.glob("*.so"), *SCREENING.parent.parent.glob("majlis_screening__mypyc*.so")):
            built.unlink()
        return []
    from mypyc.build import mypycify

    # The mypy configuration of pyproject.toml applies (strict; third-party libraries without
    # types are taken as Any).
    return list(mypycify(compiled_modules(), opt_level="3", group_name="majlis_screening"))


setup(ext_modules=extensions())
