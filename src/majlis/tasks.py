"""Background work. With MAJLIS_REDIS_URL it goes through Dramatiq on Redis and `majlis worker`
processes run it; in the embedded default the same functions run in this process, on a thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from typing import Any, Protocol

from majlis.screening import Screener
from majlis.services.rescreen import rescreen_site
from majlis.settings import Settings
from majlis.storage import Store, make_engine

log = logging.getLogger("majlis.tasks")
QUEUE = "majlis"


class TaskQueue(Protocol):
    """Where tasks are sent."""

    def rescreen(self, site_id: int) -> Any:
        """Re-screen the site's pending comments."""
        ...


class InProcessQueue:
    """The embedded default: tasks run on one background thread of the web process."""

    def __init__(self, store: Store, screener: Screener) -> None:
        self.store = store
        self.screener = screener
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="majlis-task")

    def rescreen(self, site_id: int) -> Future[dict[str, int]]:
        return self._pool.submit(self._run, rescreen_site, site_id)

    def _run(self, task: Callable[..., dict[str, int]], *args: Any) -> dict[str, int]:
        try:
            return task(self.store, self.screener, *args)
        except Exception:
            log.exception("task %s%s failed", task.__name__, args)
            raise

    def shutdown(self) -> None:
        """Finish queued tasks, then stop."""
        self._pool.shutdown(wait=True)


@lru_cache(maxsize=1)
def _worker_resources() -> tuple[Store, Screener]:
    """One store and one screener per worker process (the settings come from the environment)."""
    settings = Settings()
    return Store(make_engine(settings.database_url)), Screener()


@lru_cache(maxsize=4)
def dramatiq_actors(redis_url: str) -> dict[str, Any]:
    """Dramatiq actors on a Redis broker (one set per URL: created once, shared by sender and worker)."""
    import dramatiq
    from dramatiq.brokers.redis import RedisBroker

    broker = RedisBroker(url=redis_url)
    dramatiq.set_broker(broker)

    @dramatiq.actor(queue_name=QUEUE, max_retries=5, broker=broker, actor_name="majlis.rescreen")
    def rescreen(site_id: int) -> None:
        store, screener = _worker_resources()
        counts = rescreen_site(store, screener, site_id)
        log.info("re-screened site %s: %s", site_id, counts)

    return {"broker": broker, "rescreen": rescreen}


class DramatiqQueue:
    """Tasks through Redis, run by `majlis worker` processes (retried with backoff, never lost)."""

    def __init__(self, redis_url: str) -> None:
        self.actors = dramatiq_actors(redis_url)

    def rescreen(self, site_id: int) -> Any:
        return self.actors["rescreen"].send(site_id)


def make_queue(settings: Settings, store: Store, screener: Screener) -> TaskQueue:
    """Dramatiq when Redis is configured, else in-process."""
    return DramatiqQueue(settings.redis_url) if settings.redis_url else InProcessQueue(store, screener)
