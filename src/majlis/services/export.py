"""Exporting a site's comments and decisions as JSON Lines or CSV, streamed; no personal data unless
an admin asks for it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence

from majlis.services.errors import NotFound
from majlis.services.privacy import vault
from majlis.settings import Settings
from majlis.storage import Store

PUBLIC = ["id", "article_key", "parent_id", "author_name", "text", "text_sha256", "language", "created_at",
          "state", "reason", "decided_at"]
PERSONAL = ["author_email"]


def export(store: Store, settings: Settings, secret: bytes, site_slug: str, fmt: str,
           include_personal_data: bool = False) -> Iterator[str]:
    """Lines of the export (`jsonl` or `csv`), one comment each (CSV: a header first)."""
    site = store.site_by_slug(site_slug)
    if site is None:
        raise NotFound(f"no site {site_slug!r}", "site")
    columns = PUBLIC + (PERSONAL if include_personal_data else [])
    box = vault(settings, secret)
    if fmt == "csv":
        yield _csv_line(columns + ["decisions"])
    for row in store.export_rows(site.id):
        record = {k: row.get(k) for k in PUBLIC}
        for key in ("created_at", "decided_at"):
            moment = record[key]
            record[key] = moment.isoformat() if moment else None
        if include_personal_data:
            record["author_email"] = box.decrypt(row["author_email"])
        if fmt == "csv":
            yield _csv_line([record[c] for c in columns] + [json.dumps(row["decisions"], ensure_ascii=False)])
        else:
            yield json.dumps({**record, "decisions": row["decisions"]}, ensure_ascii=False) + "\n"


def _csv_line(values: Sequence[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["" if v is None else v for v in values])
    return buffer.getvalue()
