"""The recent comments of a site, which every post's repeat and flood detection reads (a mixin of
`Store`): kept per process and topped up, rather than read in full hundreds of rows at a time."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Row, select

from majlis.storage.rows import utcnow
from majlis.storage.tables import comments

# Recent comments (repeat detection) are reloaded in full this often, and topped up in between
# with rows from this many ids below the newest one known.
RECENT_RELOAD = timedelta(minutes=5)
RECENT_MARGIN = 64


class RecentStore:
    """Storage behind repeat and flood detection."""

    engine: Engine
    _recent: dict[tuple[int, timedelta, int], tuple[datetime, int, tuple[Row[Any], ...]]]
    _recent_lock: threading.Lock

    def recent_comments(self, site_id: int, window: timedelta, limit: int) -> tuple[Row[Any], ...]:
        """The site's newest comments within the window, newest first: only id, text, author key and
        time (what repeat and flood detection read). Every post asks for hundreds, so this process
        keeps the last answer and tops it up with the rows added since (re-reading a margin of ids,
        as concurrent writers may commit out of id order); it reloads everything every few minutes,
        which also drops the words of comments erased meanwhile. When nothing changed, the very same
        tuple comes back (the screen then skips re-reading it)."""
        now = utcnow()
        since = now - window
        query = (select(comments.c.id, comments.c.text, comments.c.author_key, comments.c.created_at)
                 .where(comments.c.site_id == site_id, comments.c.created_at >= since)
                 .order_by(comments.c.id.desc()).limit(limit))
        with self._recent_lock:
            cached = self._recent.get((site_id, window, limit))
        if cached is None or now - cached[0] > RECENT_RELOAD:
            with self.engine.connect() as conn:
                rows = tuple(conn.execute(query))
            loaded_at = now
        else:
            loaded_at, top, previous = cached
            floor = top - RECENT_MARGIN
            with self.engine.connect() as conn:
                fresh = list(conn.execute(query.where(comments.c.id > floor)))
            older = [r for r in previous if r.id <= floor and r.created_at >= since]  # newest first already
            rows = tuple((fresh + older)[:limit])
            if [r.id for r in rows] == [r.id for r in previous]:
                rows = previous  # nothing new, nothing expired
        with self._recent_lock:
            self._recent[(site_id, window, limit)] = (loaded_at, max((r.id for r in rows), default=0), rows)
        return rows
