"""The entries of the packaged word and phrase lists (`data/lexicon/*.tsv`, `data/promotion.tsv`):
reading the files, checking their modes and patterns, and normalising each term for its view."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from majlis.domain import Category
from majlis.languages import CODES
from majlis.screening.normalise import normalise

LANGUAGES = ("any", *CODES)
MODES = ("word", "stem", "exact", "phrase", "pattern")
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True)
class Entry:
    """One list entry."""

    term: str
    key: str  # the term as normalised for its view
    category: Category
    subtype: str
    severity: float
    mode: str
    source: str
    language: str
    not_in: frozenset[str] = frozenset()  # comment languages where this term is innocent


def read_entries(language: str, rows: Iterable[dict[str, str]], source_default: str = "majlis") -> list[Entry]:
    """Entries from TSV rows (term, category, subtype, severity, mode, source)."""
    entries = []
    for row in rows:
        term = (row.get("term") or "").strip()
        if not term or term.startswith("#"):
            continue
        mode = row.get("mode") or "word"
        if mode not in MODES:
            raise ValueError(f"{language}: unknown mode {mode!r} for {term!r}")
        if " " in term and mode in ("word", "stem"):
            mode = "phrase"
        if mode == "pattern":
            if not ARABIC_LETTER.search(term):  # patterns are run only on texts with Arabic letters
                raise ValueError(f"{language}: a pattern must hold an Arabic-script letter: {term!r}")
            re.compile(term)  # a bad pattern fails at load
        key = term if mode == "pattern" else normalise(term, light=mode == "exact").text
        entries.append(
            Entry(
                term=term,
                key=key,
                category=Category(row["category"]),
                subtype="" if row.get("subtype") in (None, "-") else str(row["subtype"]),
                severity=float(row["severity"]),
                mode=mode,
                source=row.get("source") or source_default,
                language=language,
                not_in=frozenset(x for x in (row.get("not_in") or "").split(",") if x.strip() and x != "-"),
            )
        )
    return entries


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a packaged tab-separated file (`data/<name>`), its `#` lines left out."""
    text = (resources.files("majlis.screening") / "data" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def read_tsv(name: str, language: str) -> list[Entry]:
    """Entries of one packaged list file (`data/<name>`)."""
    return read_entries(language, data_rows(name))


def packaged_entries(languages: Sequence[str] = LANGUAGES) -> list[Entry]:
    """The entries of the lists that ship in the package, calls to action included."""
    entries: list[Entry] = []
    for language in languages:
        entries.extend(read_tsv(f"lexicon/{language}.tsv", language))
    entries.extend(read_tsv("promotion.tsv", "promotion"))
    return entries
