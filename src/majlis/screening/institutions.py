"""Institutions and public offices: governments, councils, ministries, parties, the police, officials,
the newsroom itself. Harsh words about them are criticism of power, which the guidelines leave at most
to a human; an institution is not a protected group, so the screen never calls such words abuse."""

from __future__ import annotations

from functools import lru_cache

from majlis.screening.entries import data_rows, read_entries
from majlis.screening.lexicon import Lexicon


@lru_cache(maxsize=1)
def institution_lexicon() -> Lexicon:
    """The words for institutions and officials (data/institutions.tsv), compiled once."""
    entries = []
    for row in data_rows("institutions.tsv"):
        entries += read_entries(row["language"], [{**row, "category": "personal_attack", "subtype": "institution",
                                                   "severity": "0"}])
    return Lexicon(entries)


@lru_cache(maxsize=256)
def institution_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Where `text` names an institution or an office, in order."""
    return tuple(sorted((m.start, m.end) for m in institution_lexicon().find(text, language=language)))
