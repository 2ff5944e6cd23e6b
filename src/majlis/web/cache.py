"""Cache of public comment pages. Each article has a version; every change a reader could see
(a comment approved, an approval reversed, an author erased) bumps it, so the next read misses and
rebuilds. With Redis the versions and pages are shared by every process; without it, per process."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Protocol

from majlis.storage import Store

PAGE_TTL_SECONDS = 3600
# In-process pages live briefly: a change made by another process (an erasure from the CLI) reaches
# readers within this time. The web processes' own changes apply at once.
MEMORY_TTL_SECONDS = 10.0


class PageCache(Protocol):
    """Where rendered pages wait."""

    def version(self, article: str) -> int:
        """The article's current version."""
        ...

    def get(self, key: str) -> tuple[str, bytes] | None:
        """(etag, body) of a cached page."""
        ...

    def put(self, key: str, etag: str, body: bytes) -> None:
        """Keep a page."""
        ...

    def invalidate(self, article: str) -> None:
        """Bump the article's version: cached pages of it are never served again."""
        ...

    def clear(self) -> None:
        """Drop every stored page (after an erasure: stale pages must not even be kept)."""
        ...


class MemoryPageCache:
    """One process's cache (the embedded default)."""

    def __init__(self, size: int = 2048, ttl: float = MEMORY_TTL_SECONDS) -> None:
        self._pages: OrderedDict[str, tuple[float, str, bytes]] = OrderedDict()
        self._ttl = ttl
        self._versions: dict[str, int] = {}
        self._size = size
        self._lock = threading.Lock()

    def version(self, article: str) -> int:
        return self._versions.get(article, 0)

    def get(self, key: str) -> tuple[str, bytes] | None:
        with self._lock:
            found = self._pages.get(key)
            if found is None or found[0] < time.monotonic():
                return None
            self._pages.move_to_end(key)
            return found[1], found[2]

    def put(self, key: str, etag: str, body: bytes) -> None:
        with self._lock:
            self._pages[key] = (time.monotonic() + self._ttl, etag, body)
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)

    def invalidate(self, article: str) -> None:
        with self._lock:
            self._versions[article] = self._versions.get(article, 0) + 1

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


class RedisPageCache:
    """A cache shared by every web process."""

    def __init__(self, url: str, local_size: int = 512) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=1)
        # Pages already fetched from Redis, by key. A key names the article's version, read from
        # Redis on every request, so a local copy is never stale: a read costs one small round
        # trip (the version) instead of the page's bytes.
        self._local: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
        self._local_size = local_size
        self._lock = threading.Lock()

    def version(self, article: str) -> int:
        value = self._redis.get("majlis:v:" + article)
        return int(value) if value else 0

    def get(self, key: str) -> tuple[str, bytes] | None:
        with self._lock:
            found = self._local.get(key)
            if found is not None:
                self._local.move_to_end(key)
                return found
        value = self._redis.get("majlis:p:" + key)
        if not value:
            return None
        etag, _, body = (value.encode() if isinstance(value, str) else bytes(value)).partition(b"\n")
        self._keep(key, (etag.decode(), body))
        return etag.decode(), body

    def put(self, key: str, etag: str, body: bytes) -> None:
        self._redis.set("majlis:p:" + key, etag.encode() + b"\n" + body, ex=PAGE_TTL_SECONDS)
        self._keep(key, (etag, body))

    def _keep(self, key: str, page: tuple[str, bytes]) -> None:
        with self._lock:
            self._local[key] = page
            while len(self._local) > self._local_size:
                self._local.popitem(last=False)

    def invalidate(self, article: str) -> None:
        self._redis.incr("majlis:v:" + article)

    def clear(self) -> None:
        batch: list[bytes] = []
        for key in self._redis.scan_iter(match="majlis:p:*", count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                self._redis.unlink(*batch)
                batch = []
        if batch:
            self._redis.unlink(*batch)
        with self._lock:
            self._local.clear()


def article_key(site: str, article: str) -> str:
    """The cache's name for an article."""
    return f"{site}\x1f{article}"


def page_key(cache: PageCache, site: str, article: str, order: str, limit: int | None, cursor: str | None) -> str:
    """The cache's name for one page of an article's comments, at the article's current version."""
    name = article_key(site, article)
    return f"{name}\x1f{cache.version(name)}\x1f{order}\x1f{limit}\x1f{cursor}"


def invalidate_comment(request: Any, store: Store, comment_id: int) -> None:
    """After a decision on a comment: its article's pages are stale."""
    comment = store.comment(comment_id)
    if comment is None:
        return
    site = store.site_by_id(comment.site_id)
    found = store.article_by_id(comment.article_id)
    if site and found:
        request.app.state.page_cache.invalidate(article_key(site.slug, found.key))


def invalidate_all(cache: PageCache, store: Store) -> None:
    """After an erasure, which may touch any article: every page is stale, and stored pages are
    dropped (with Redis, for every process; another process's own memory copies are keyed by the
    old versions, so never served again, and age out)."""
    for site in store.list_sites():
        for key in store.article_keys(site.id):
            cache.invalidate(article_key(site.slug, key))
    cache.clear()


def make_cache(redis_url: str) -> PageCache:
    """Redis-backed when configured."""
    return RedisPageCache(redis_url) if redis_url else MemoryPageCache()
