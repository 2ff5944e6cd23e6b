"""What every importer yields, whatever the format it reads."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse

from majlis.domain import ARTICLE_KEY_MAX, State, canonical_article_key


@dataclass(frozen=True)
class ImportedArticle:
    """A thread of the old system: the article comments hang under."""

    external_id: str
    key: str
    title: str = ""
    url: str = ""
    closed: bool = False


@dataclass(frozen=True)
class ImportedComment:
    """A comment of the old system, as it was there."""

    external_id: str
    thread_id: str
    parent_id: str | None
    author_name: str
    author_email: str
    text: str
    created_at: datetime
    state: State
    why: str = ""  # how the old system had it: "spam", "deleted", "awaiting moderation"...


@dataclass(frozen=True)
class Skipped:
    """Something in the export that is not imported, and why."""

    reason: str
    external_id: str = ""


def article_key(identifier: str, url: str, prefer: str = "id") -> str:
    """The key of an imported article: the old thread identifier, or the URL's path (and query)
    with `prefer="url"` or when there is no identifier, in the canonical form every key takes (so
    `/story/` of one export and `/story` of another are one article). Keys longer than the column
    are shortened with a hash of the whole, so two long URLs never share a key."""
    key = identifier.strip()
    if prefer == "url" or not key or key.lower() == "none":
        parts = urlsplit(url.strip())
        key = (parts.path or "/") + (f"?{parts.query}" if parts.query else "") if parts.netloc else url.strip()
    key = canonical_article_key(key) or "untitled"
    if len(key) > ARTICLE_KEY_MAX:
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        key = key[: ARTICLE_KEY_MAX - 17] + "~" + digest
    return key


def utc(value: datetime) -> datetime:
    """A timestamp as aware UTC (naive ones are taken to be UTC already)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_time(text: str) -> datetime | None:
    """ISO 8601 ("2013-05-01T12:00:00Z") or WordPress's "2013-05-01 12:00:00", as UTC; None if unreadable."""
    text = (text or "").strip()
    if not text or text.startswith("0000-00-00"):
        return None
    try:
        return utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return None


def elements_at(handle: IO[bytes], depth: int, progress: Callable[[int], None] | None = None) -> Iterator[Element]:
    """The XML elements `depth` levels down (the root is 1), each whole once it has ended; after each,
    what its parent holds is freed, so memory stays flat whatever the file's size. `progress` gets
    the bytes read so far."""
    level = 0
    parent: Element | None = None
    for event, element in iterparse(handle, events=("start", "end")):
        if event == "start":
            level += 1
            if level == depth - 1:
                parent = element
            continue
        level -= 1
        if level != depth - 1:
            continue  # deeper: part of an element still being read
        yield element
        if parent is not None:
            parent.clear()
        if progress:
            progress(handle.tell())
