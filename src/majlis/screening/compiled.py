"""The compiled modules of the screen, and a guard against those older than their source.

The install compiles the inline screen with mypyc (`setup.py`): each module then has a C extension
next to its `.py`, and Python imports the extension. An editable checkout whose sources changed
after the last build would otherwise screen with the old code, silently.
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Files written by one install land within moments of each other (a wheel's .py may even be written
# after its extension); an edit comes later.
SLACK_SECONDS = 2.0


def extensions(folder: Path = HERE) -> dict[str, Path]:
    """The compiled modules in `folder`, by module name."""
    found: dict[str, Path] = {}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for path in folder.glob("*" + suffix):
            found[path.name[: -len(suffix)]] = path
    return found


def is_compiled(folder: Path = HERE) -> bool:
    """Whether the screen in `folder` is compiled (the install compiles all of it or none of it)."""
    return "pipeline" in extensions(folder)


def stale(folder: Path = HERE) -> list[str]:
    """Modules whose source changed after their extension was built."""
    late = []
    for name, built in sorted(extensions(folder).items()):
        source = folder / f"{name}.py"
        if source.exists() and source.stat().st_mtime > built.stat().st_mtime + SLACK_SECONDS:
            late.append(name)
    return late


def check(folder: Path = HERE) -> None:
    """Refuse to import a screen whose compiled modules are older than their sources."""
    late = stale(folder)
    if late:
        raise ImportError(
            f"majlis.screening: the compiled {', '.join(late)} predate their source files; rebuild with "
            "`make install` (or `pip install -e .`), or remove the .so files to run the Python source"
        )
