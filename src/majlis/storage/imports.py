"""Bulk writes of imported comments (a mixin of `Store`): a batch in one transaction, with its
decisions and the provenance that makes a second import of the same file a no-op."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select, update

from majlis.storage.tables import comments, decisions, import_keys


class ImportStore:
    """Storage behind `majlis import`."""

    engine: Engine
    _writer: Engine

    def imported(self, site_id: int, source: str, external_ids: Iterable[str]) -> dict[str, tuple[int, int | None]]:
        """Of these external ids, the ones already imported: id -> (comment id, its parent id)."""
        wanted = list(set(external_ids))
        found: dict[str, tuple[int, int | None]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                rows = conn.execute(
                    select(import_keys.c.external_id, comments.c.id, comments.c.parent_id)
                    .join(comments, comments.c.id == import_keys.c.comment_id)
                    .where(import_keys.c.site_id == site_id, import_keys.c.source == source,
                           import_keys.c.external_id.in_(wanted[start : start + 500])))
                found.update({r.external_id: (r.id, r.parent_id) for r in rows})
        return found

    def add_imported(self, site_id: int, source: str, rows: Sequence[dict[str, Any]],
                     external_ids: Sequence[str], decision_rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert comments (in order), their first decision and their provenance in one
        transaction; returns the new comment ids in the order of `rows`."""
        if not rows:
            return []
        with self._writer.begin() as conn:
            result = conn.execute(insert(comments).returning(comments.c.id, sort_by_parameter_order=True), list(rows))
            ids = [r.id for r in result]
            conn.execute(insert(decisions), [{**d, "comment_id": i} for d, i in zip(decision_rows, ids)])
            conn.execute(insert(import_keys), [{"site_id": site_id, "source": source, "external_id": e, "comment_id": i}
                                               for e, i in zip(external_ids, ids)])
        return ids

    def set_parents(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Attach replies to their parents: (comment id, parent id) pairs."""
        if not pairs:
            return
        with self._writer.begin() as conn:
            conn.execute(update(comments).where(comments.c.id == bindparam("cid")).values(parent_id=bindparam("pid")),
                         [{"cid": c, "pid": p} for c, p in pairs])
