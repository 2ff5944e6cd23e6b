"""Storing imported records: batches, idempotence, reply structure, kept decisions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from majlis.domain import Action, ActorKind, Category, Site, State, is_http_url, text_sha256
from majlis.importers.records import ImportedArticle, ImportedComment, Skipped
from majlis.screening.language import detect_language
from majlis.services.accounts import author_key
from majlis.services.privacy import vault
from majlis.settings import Settings
from majlis.storage import Store
from majlis.storage.rows import utcnow

BATCH = 1000
ANONYMOUS = "Anonymous"
_ACTION = {State.APPROVED: Action.APPROVE, State.REJECTED: Action.REJECT, State.PENDING: Action.REVIEW}


@dataclass
class ImportSummary:
    """What an import did."""

    articles_created: int = 0
    articles_updated: int = 0
    imported: Counter[str] = field(default_factory=Counter)  # by state
    skipped: Counter[str] = field(default_factory=Counter)  # by reason
    replies_attached: int = 0
    orphans: int = 0  # replies whose parent is not in the export (deleted there): kept as top-level

    @property
    def total_imported(self) -> int:
        """Comments written by this run."""
        return sum(self.imported.values())

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain data (the CLI prints it as JSON)."""
        return {"articles_created": self.articles_created, "articles_updated": self.articles_updated,
                "imported": dict(self.imported), "imported_total": self.total_imported,
                "skipped": dict(self.skipped), "replies_attached": self.replies_attached, "orphans": self.orphans}


class _Writer:
    def __init__(self, store: Store, settings: Settings, secret: bytes, site: Site, source: str) -> None:
        self.store, self.secret, self.site, self.source = store, secret, site, source
        self.box = vault(settings, secret)
        self.summary = ImportSummary()
        self.threads: dict[str, int] = {}  # thread id -> article id (threads are few beside comments)
        self.batch: list[ImportedComment] = []
        self.deferred: list[tuple[int, str]] = []  # (comment id, parent's external id) not seen yet

    def article(self, record: ImportedArticle) -> None:
        # Fill in what the article lacks; never reopen one or overwrite what the CMS registered.
        existing = self.store.article(self.site.id, record.key)
        fields: dict[str, Any] = {"closed": True} if record.closed else {}
        if record.title and not (existing and existing.title):
            fields["title"] = record.title[:500]
        if record.url and not (existing and existing.url):
            url = record.url.strip()
            if url.startswith("/") and not url.startswith("//") and self.site.origins:
                url = self.site.origins[0].rstrip("/") + url  # Isso keeps a page's path only
            if is_http_url(url) and len(url) <= 2000:
                fields["url"] = url
            else:  # a javascript: or data: link, or a relative one: the article keeps no link
                self.summary.skipped["article link dropped: not an http(s) URL"] += 1
        if existing is not None and not fields:
            self.threads[record.external_id] = existing.id
            return
        saved, created = self.store.upsert_article(self.site.id, record.key, fields)
        self.threads[record.external_id] = saved.id
        if created:
            self.summary.articles_created += 1
        else:
            self.summary.articles_updated += 1

    def row(self, record: ImportedComment, article_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        email = record.author_email.strip()
        name = (record.author_name or "").strip()[:200] or ANONYMOUS
        key = author_key(self.secret, email) if email else author_key(self.secret, f"{self.source}:{name}")
        final = record.state is not State.PENDING
        category = Category.SPAM if record.why == "spam" and record.state is State.REJECTED else None
        comment = {
            "site_id": self.site.id, "article_id": article_id, "parent_id": None, "author_name": name,
            "author_email": self.box.encrypt(email), "author_key": key, "text": record.text,
            "text_sha256": text_sha256(record.text), "language": detect_language(record.text[:500]).language,
            "created_at": record.created_at, "state": record.state.value, "risk": 0.0, "verdict": None,
            "decided_at": record.created_at if final else None, "reason": category.value if category else None,
            "ip_hash": None, "notify": False,
        }
        note = f"imported from {self.source}" + (f" ({record.why})" if record.why else "")
        decision = {"at": record.created_at, "actor_kind": ActorKind.IMPORT.value, "actor": f"import:{self.source}",
                    "action": _ACTION[record.state].value, "category": category.value if category else None,
                    "note": note, "reversal": False}
        return comment, decision

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        known = self.store.imported(self.site.id, self.source,
                                    [c.external_id for c in batch] + [c.parent_id for c in batch if c.parent_id])
        fresh: list[ImportedComment] = []
        seen: set[str] = set()
        for record in batch:
            if record.external_id in known:
                self.summary.skipped["already imported"] += 1
            elif record.external_id in seen:
                self.summary.skipped["duplicate id in the export"] += 1
            elif record.thread_id not in self.threads:
                self.summary.skipped["thread not in the export"] += 1
            else:
                seen.add(record.external_id)
                fresh.append(record)
        rows = [self.row(r, self.threads[r.thread_id]) for r in fresh]
        ids = self.store.add_imported(self.site.id, self.source, [c for c, _ in rows], [r.external_id for r in fresh],
                                      [d for _, d in rows])
        # Replies hang under a top-level comment (one level of nesting, as the widget shows them).
        placed: dict[str, tuple[int, int | None]] = {}
        parents: list[tuple[int, int]] = []
        for record, comment_id in zip(fresh, ids):
            top: int | None = None
            if record.parent_id:
                parent = placed.get(record.parent_id) or known.get(record.parent_id)
                if parent is None:
                    self.deferred.append((comment_id, record.parent_id))
                else:
                    top = parent[1] if parent[1] is not None else parent[0]
                    parents.append((comment_id, top))
            placed[record.external_id] = (comment_id, top)
            self.summary.imported[record.state.value] += 1
        self.store.set_parents(parents)
        self.summary.replies_attached += len(parents)

    def finish(self) -> ImportSummary:
        self.flush()
        # Replies that came before their parent in the file, or whose parent was deleted there.
        for start in range(0, len(self.deferred), 500):
            chunk = self.deferred[start : start + 500]
            known = self.store.imported(self.site.id, self.source, [p for _, p in chunk])
            parents = []
            for comment_id, parent_id in chunk:
                parent = known.get(parent_id)
                if parent is None:
                    self.summary.orphans += 1
                else:
                    parents.append((comment_id, parent[1] if parent[1] is not None else parent[0]))
            self.store.set_parents(parents)
            self.summary.replies_attached += len(parents)
        return self.summary


def import_records(store: Store, settings: Settings, secret: bytes, site: Site, source: str,
                   records: Iterable[ImportedArticle | ImportedComment | Skipped],
                   on_comment: Callable[[], None] | None = None) -> ImportSummary:
    """Store what an importer yields into `site`; comments go in batches of a thousand."""
    writer = _Writer(store, settings, secret, site, source)
    started = utcnow()
    for record in records:
        if isinstance(record, Skipped):
            writer.summary.skipped[record.reason] += 1
        elif isinstance(record, ImportedArticle):
            writer.flush()  # comments before it belong to earlier threads
            writer.article(record)
        else:
            writer.batch.append(record)
            if len(writer.batch) >= BATCH:
                writer.flush()
        if on_comment:
            on_comment()
    summary = writer.finish()
    store.audit(f"import:{source}", "import", site.id, site.slug,
                {"started": started.isoformat(), **summary.to_dict()})
    return summary
