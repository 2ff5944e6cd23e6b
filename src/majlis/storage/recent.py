"""The recent comments of a site, which every post's repeat and flood detection reads (a mixin of
`Store`): kept per process and topped up, rather than read in full hundreds of rows at a time."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Engine, bindparam, select

from majlis.storage.rows import utcnow
from majlis.storage.tables import comments

# Recent comments (repeat detection) are reloaded in full this often, and topped up in between
# with rows from this many ids below the newest one known: on PostgreSQL concurrent writers may
# commit out of id order. SQLite's writers take turns (one write transaction at a time, ids handed
# out inside it), so there a row committed later always has a higher id and no margin is needed.
RECENT_RELOAD = timedelta(minutes=5)
RECENT_MARGIN = 64


# Read on every post: built once, with the values bound at execution.
_RECENT = (select(comments.c.id, comments.c.text, comments.c.author_key, comments.c.created_at)
           .where(comments.c.site_id == bindparam("site_id"), comments.c.created_at >= bindparam("since"),
                  comments.c.id > bindparam("floor"))
           .order_by(comments.c.id.desc()).limit(bindparam("limit")))


class RecentRow(NamedTuple):
    """One recent comment, as repeat and flood detection read it (a tuple: cheap to read hundreds of)."""

    id: int
    text: str
    author_key: str
    created_at: datetime


class RecentStore:
    """Storage behind repeat and flood detection."""

    engine: Engine
    _recent: dict[tuple[int, timedelta, int], tuple[datetime, int, tuple[RecentRow, ...]]]
    _recent_lock: threading.Lock

    def recent_comments(self, site_id: int, window: timedelta, limit: int) -> tuple[RecentRow, ...]:
        """The site's newest comments within the window, newest first: only id, text, author key and
        time (what repeat and flood detection read). Every post asks for hundreds, so this process
        keeps the last answer and tops it up with the rows added since (re-reading a margin of ids,
        as concurrent writers may commit out of id order); it reloads everything every few minutes,
        which also drops the words of comments erased meanwhile. When nothing changed, the very same
        tuple comes back (the screen then skips re-reading it)."""
        now = utcnow()
        since = now - window
        values = {"site_id": site_id, "since": since, "limit": limit}
        with self._recent_lock:
            cached = self._recent.get((site_id, window, limit))
        if cached is None or now - cached[0] > RECENT_RELOAD:
            with self.engine.connect() as conn:
                rows = tuple(RecentRow(*r) for r in conn.execute(_RECENT, {**values, "floor": 0}))
            loaded_at = now
        else:
            loaded_at, top, previous = cached
            floor = top - (0 if self.engine.dialect.name == "sqlite" else RECENT_MARGIN)
            with self.engine.connect() as conn:
                fresh = tuple(RecentRow(*r) for r in conn.execute(_RECENT, {**values, "floor": floor}))
            # `previous` is newest first: the rows above the floor (read again in `fresh`) lead it,
            # and the ones that left the window trail it. (A row dated out of order, as an import
            # may write, leaves at the next full reload instead.)
            start = 0
            while start < len(previous) and previous[start].id > floor:
                start += 1
            end = len(previous)
            while end > start and previous[end - 1].created_at < since:
                end -= 1
            if end == len(previous) and [r.id for r in fresh] == [r.id for r in previous[:start]]:
                rows = previous  # nothing new, nothing expired
            else:
                rows = (fresh + previous[start:end])[:limit]
        with self._recent_lock:
            self._recent[(site_id, window, limit)] = (loaded_at, rows[0].id if rows else 0, rows)
        return rows

    def forget_recent(self) -> None:
        """Drop this process's copy of recent comments (after an erasure: the next read reloads)."""
        with self._recent_lock:
            self._recent.clear()
