"""The packaged list files: every entry has a source, a severity and a key, and bad rows fail at load."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from majlis.domain import Category
from majlis.screening.entries import packaged_entries, read_entries


def documented_sources() -> set[str]:
    """The sources the lists' README names (its `- `name`: ...` lines)."""
    readme = (resources.files("majlis.screening") / "data" / "lexicon" / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^- `([a-z-]+)`:", readme, flags=re.M))


def test_every_entry_has_a_source_and_a_valid_severity() -> None:
    entries = packaged_entries()
    assert len(entries) > 300
    languages = {e.language for e in entries}
    assert {"en", "ar", "ckb", "kmr", "tr", "fa"} <= languages
    for entry in entries:
        assert entry.source in documented_sources(), entry
        assert 0 <= entry.severity <= 1
        assert entry.key, entry


def test_a_row_is_read_into_a_normalised_entry() -> None:
    row = {"term": "Bad Word", "category": "profanity", "subtype": "-", "severity": "0.7", "mode": "word",
           "source": "majlis", "not_in": "tr,fa"}
    (entry,) = read_entries("en", [row])
    assert (entry.key, entry.mode, entry.category, entry.subtype) == ("bad word", "phrase", Category.PROFANITY, "")
    assert entry.not_in == frozenset({"tr", "fa"})


@pytest.mark.parametrize(
    "row",
    [
        {"term": "x", "category": "profanity", "severity": "0.5", "mode": "glob"},  # no such mode
        {"term": "(?:bad", "category": "threat", "severity": "0.5", "mode": "pattern"},  # no Arabic letter
        {"term": "(کوژ", "category": "threat", "severity": "0.5", "mode": "pattern"},  # does not compile
    ],
)
def test_a_bad_row_fails_at_load(row: dict[str, str]) -> None:
    with pytest.raises((ValueError, re.error)):
        read_entries("ckb", [row])
