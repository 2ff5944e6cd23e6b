"""Isso databases (SQLite: `threads` and `comments`), read row by row, never written."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from majlis.domain import State
from majlis.importers.records import ImportedArticle, ImportedComment, Skipped, article_key

# Isso's comment modes: 1 accepted, 2 waiting in its moderation queue, 4 deleted (kept for its replies).
MODES = {1: (State.APPROVED, ""), 2: (State.PENDING, "awaiting moderation"), 4: (State.REJECTED, "deleted")}


def count_comments(path: Path) -> int:
    """How many comments the database holds (for a progress bar)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM comments").fetchone()[0])


def read_isso(path: Path, prefer: str = "url",
              progress: Callable[[int], None] | None = None) -> Iterator[ImportedArticle | ImportedComment | Skipped]:
    """Threads, then comments in id order (parents before replies)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for thread_id, uri, title in db.execute("SELECT id, uri, title FROM threads ORDER BY id"):
            yield ImportedArticle(str(thread_id), article_key("", uri or "", "url"), title or "", uri or "")
        rows = db.execute("SELECT id, tid, parent, created, mode, text, author, email FROM comments ORDER BY id")
        for n, (comment_id, tid, parent, created, mode, text, author, email) in enumerate(rows, 1):
            if progress:
                progress(n)
            state, why = MODES.get(mode, (State.PENDING, f"unknown mode {mode}"))
            try:
                at = datetime.fromtimestamp(float(created), UTC)
            except (TypeError, ValueError, OverflowError):
                yield Skipped("comment without a readable date", str(comment_id))
                continue
            yield ImportedComment(str(comment_id), str(tid), str(parent) if parent else None, author or "",
                                  email or "", text or "", at, state, why)
    finally:
        db.close()
