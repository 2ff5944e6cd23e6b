"""Background work. With MAJLIS_REDIS_URL it goes through Dramatiq on Redis and `majlis worker`
processes run it; in the embedded default the same functions run in this process, on threads.

Tasks: re-screening a site's pending comments, delivering a webhook, sending an e-mail. A poller
(in the web process when embedded, in `majlis worker` otherwise) turns the outbox of comment events
into deliveries and e-mails, and hands due deliveries (first tries and retries) to the queue.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta
from functools import lru_cache
from typing import Any, Protocol

from majlis.screening import Screener
from majlis.services import mail, webhooks
from majlis.services.outbox import dispatch
from majlis.services.rescreen import rescreen_site
from majlis.services.secret_key import install_secret
from majlis.settings import Settings
from majlis.storage import Store, make_engine

log = logging.getLogger("majlis.tasks")
QUEUE = "majlis"
DELIVERY_LEASE = timedelta(minutes=2)  # a claimed delivery is not handed out again before this


class TaskQueue(Protocol):
    """Where tasks are sent."""

    def rescreen(self, site_id: int) -> Any:
        """Re-screen the site's pending comments."""
        ...

    def deliver(self, delivery_id: int) -> Any:
        """Attempt one webhook delivery."""
        ...

    def mail(self, kind: str, ref: int) -> Any:
        """Send one e-mail notification."""
        ...


class InProcessQueue:
    """The embedded default: tasks run on two background threads of the web process."""

    def __init__(self, store: Store, screener: Screener, settings: Settings | None = None,
                 secret: bytes = b"") -> None:
        self.store = store
        self.screener = screener
        self.settings = settings or Settings()
        self.secret = secret or install_secret(self.settings, store)
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="majlis-task")
        self._closed = False

    def rescreen(self, site_id: int) -> Future[dict[str, int]]:
        return self._pool.submit(self._run, lambda: rescreen_site(self.store, self.screener, site_id), "rescreen")

    def deliver(self, delivery_id: int) -> Future[bool]:
        return self._pool.submit(self._run, lambda: webhooks.attempt(self.store, self.settings, self.secret, delivery_id),
                                 "deliver")

    def mail(self, kind: str, ref: int, attempt: int = 1) -> Future[int] | None:
        if self._closed:
            return None
        return self._pool.submit(self._mail, kind, ref, attempt)

    def _mail(self, kind: str, ref: int, attempt: int) -> int:
        try:
            return mail.deliver(self.store, self.settings, self.secret, kind, ref)
        except Exception as exc:  # noqa: BLE001 - an SMTP outage: try again later
            if attempt >= self.settings.mail_max_attempts:
                log.error("e-mail %s for %s not sent after %s attempts: %s", kind, ref, attempt, type(exc).__name__)
                return 0
            delay = webhooks.backoff(attempt, self.settings.mail_retry_base_seconds).total_seconds()
            log.warning("e-mail %s for %s failed (%s); retrying in %.0f s", kind, ref, type(exc).__name__, delay)
            timer = threading.Timer(delay, self.mail, (kind, ref, attempt + 1))
            timer.daemon = True
            timer.start()
            return 0

    def _run(self, task: Callable[[], Any], name: str) -> Any:
        try:
            return task()
        except Exception:
            log.exception("task %s failed", name)
            raise

    def shutdown(self) -> None:
        """Finish queued tasks, then stop."""
        self._closed = True
        self._pool.shutdown(wait=True)


class Poller:
    """Every few seconds: dispatch the outbox, then hand due webhook deliveries to the queue."""

    def __init__(self, store: Store, settings: Settings, queue: TaskQueue) -> None:
        self.store = store
        self.settings = settings
        self.queue = queue
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> None:
        """One round (also what a test calls to run the poller by hand)."""
        dispatch(self.store, self.settings, self.queue.mail)
        for delivery_id in self.store.claim_due_deliveries(DELIVERY_LEASE):
            self.queue.deliver(delivery_id)

    def _loop(self) -> None:
        while not self._stop.wait(self.settings.outbox_poll_seconds):
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - a database hiccup must not end the poller
                log.exception("outbox poll failed")

    def start(self) -> Poller:
        """Run in a daemon thread."""
        self._thread = threading.Thread(target=self._loop, name="majlis-poller", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop after the current round."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)


@lru_cache(maxsize=1)
def _worker_resources() -> tuple[Store, Screener, Settings, bytes]:
    """One store, screener and settings per worker process (the settings come from the environment)."""
    settings = Settings()
    store = Store(make_engine(settings.database_url))
    return store, Screener(), settings, install_secret(settings, store)


@lru_cache(maxsize=4)
def dramatiq_actors(redis_url: str) -> dict[str, Any]:
    """Dramatiq actors on a Redis broker (one set per URL: created once, shared by sender and worker)."""
    import dramatiq
    from dramatiq.brokers.redis import RedisBroker

    broker = RedisBroker(url=redis_url)  # type: ignore[no-untyped-call]
    dramatiq.set_broker(broker)

    @dramatiq.actor(queue_name=QUEUE, max_retries=5, broker=broker, actor_name="majlis.rescreen")
    def rescreen(site_id: int) -> None:
        store, screener, _, _ = _worker_resources()
        counts = rescreen_site(store, screener, site_id)
        log.info("re-screened site %s: %s", site_id, counts)

    # Retries of a delivery are scheduled in its log (next_attempt_at) by the poller, not here.
    @dramatiq.actor(queue_name=QUEUE, max_retries=0, broker=broker, actor_name="majlis.deliver")
    def deliver(delivery_id: int) -> None:
        store, _, settings, secret = _worker_resources()
        webhooks.attempt(store, settings, secret, delivery_id)

    # Only ids travel through Redis: the address is read from the database when the mail is sent.
    @dramatiq.actor(queue_name=QUEUE, max_retries=5, min_backoff=5_000, max_backoff=3_600_000,
                    broker=broker, actor_name="majlis.mail")
    def send_mail(kind: str, ref: int) -> None:
        store, _, settings, secret = _worker_resources()
        mail.deliver(store, settings, secret, kind, ref)

    return {"broker": broker, "rescreen": rescreen, "deliver": deliver, "mail": send_mail}


class DramatiqQueue:
    """Tasks through Redis, run by `majlis worker` processes (retried with backoff, never lost)."""

    def __init__(self, redis_url: str) -> None:
        self.actors = dramatiq_actors(redis_url)

    def rescreen(self, site_id: int) -> Any:
        return self.actors["rescreen"].send(site_id)

    def deliver(self, delivery_id: int) -> Any:
        return self.actors["deliver"].send(delivery_id)

    def mail(self, kind: str, ref: int) -> Any:
        return self.actors["mail"].send(kind, ref)


def make_queue(settings: Settings, store: Store, screener: Screener, secret: bytes = b"") -> TaskQueue:
    """Dramatiq when Redis is configured, else in-process."""
    if settings.redis_url:
        return DramatiqQueue(settings.redis_url)
    return InProcessQueue(store, screener, settings, secret)
