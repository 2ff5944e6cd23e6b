"""Writes one benchmark's section of docs/benchmarks.md, leaving the others as they are."""

from __future__ import annotations

import re
from pathlib import Path

HEADER = """# Benchmarks

Every figure here was produced by a script in `bench/` (one command each, named in its section),
on the project's 2-core machine, with the peers measured in the same run. Rerun a script to refresh
its section. The machine is not always the same one and their speeds differ (sections name the
machine they ran on, but for older ones that predate the line): compare a figure with the peers
measured beside it in the same section.
"""


def write_section(path: Path, key: str, title: str, body: str) -> None:
    """Replace (or append) the section marked `key`."""
    text = path.read_text() if path.exists() else HEADER
    if text.startswith("# Benchmarks\n"):  # keep the header as this file says it now
        text = HEADER + "\n" + text[text.index("<!--"):] if "<!--" in text else HEADER
    block = f"<!-- {key}:start -->\n## {title}\n\n{body.strip()}\n\nMachine: {machine()}.\n<!-- {key}:end -->"
    pattern = re.compile(rf"<!-- {re.escape(key)}:start -->.*?<!-- {re.escape(key)}:end -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text)


def machine() -> str:
    """The processor model and how many cores this process may use."""
    import os

    model = "unknown processor"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return f"{model}, {os.cpu_count()} cores"


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
