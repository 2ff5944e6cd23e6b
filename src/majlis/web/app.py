"""`create_app(settings)`: builds a Majlis web app; nothing is created at import time."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

import majlis
from majlis.screening import Screener
from majlis.services.secret_key import install_secret
from majlis.settings import Settings
from majlis.storage import Store, make_engine, migrate
from majlis.tasks import InProcessQueue, Poller, make_queue
from majlis.web import apidocs, errors, pages, unsubscribe
from majlis.web.api import articles, comments, health, moderation, sites, webhooks
from majlis.web.cache import make_cache
from majlis.web.compressed import CompressedStatic
from majlis.web.cors import SiteCORS
from majlis.web.desk import admin as desk_admin
from majlis.web.desk import queue as desk_queue
from majlis.web.desk.auth import LoginRequired
from majlis.web.fastread import CachedReads
from majlis.web.headers import SecurityHeaders
from majlis.web.metrics import Metrics
from majlis.web.desk.throttle import LoginThrottle
from majlis.web.ratelimit import make_limiter, make_window
from majlis.web.middleware import AccessLog, BodyLimit


log = logging.getLogger("majlis.web")
PURGE_EVERY_SECONDS = 24 * 3600


async def _purge(app: FastAPI) -> None:
    """Clear IP hashes past the retention period, and handled events and finished webhook
    deliveries past theirs (idempotent: every process may do it)."""
    from starlette.concurrency import run_in_threadpool

    from majlis.services.privacy import purge_ip_hashes

    settings = app.state.settings
    try:
        cleared = await run_in_threadpool(purge_ip_hashes, app.state.store, settings)
        if cleared:
            log.info("cleared %d IP hashes past the retention period", cleared)
        before = datetime.now(UTC) - timedelta(days=settings.event_retention_days)
        removed = await run_in_threadpool(app.state.store.purge_handled, before)
        if removed:
            log.info("removed %d handled events and finished deliveries past the retention period", removed)
    except Exception:  # noqa: BLE001 - a failed purge must not stop the server; it retries tomorrow
        log.exception("purge failed")


async def _purge_daily(app: FastAPI) -> None:
    while True:
        await asyncio.sleep(PURGE_EVERY_SECONDS)
        await _purge(app)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Housekeeping: purge at start, then daily for the life of the process."""
    # The loaded screen (lists, automata, model, caches) is a large heap that lives as long as the
    # process: moved out of the collector's sight, it no longer makes every full collection long,
    # which showed as tens of milliseconds at the tail of reads.
    if not gc.get_freeze_count():  # once per process (tests build many apps in one)
        gc.collect()
        gc.freeze()
    await _purge(app)
    task = asyncio.create_task(_purge_daily(app))
    poller = None
    if isinstance(app.state.tasks, InProcessQueue):  # with Redis, `majlis worker` polls the outbox
        poller = Poller(app.state.store, app.state.settings, app.state.tasks).start()
    try:
        yield
    finally:
        if poller is not None:
            await asyncio.get_running_loop().run_in_executor(None, poller.stop)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        shutdown = getattr(app.state.tasks, "shutdown", None)
        if shutdown:  # in-process tasks already queued finish before the process ends
            await asyncio.get_running_loop().run_in_executor(None, shutdown)


def create_app(
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    screener: Screener | None = None,
) -> FastAPI:
    """A Majlis app over the settings' database (migrated if `auto_migrate`)."""
    settings = settings or Settings()
    if store is None:
        store = Store(make_engine(settings.database_url))
        if settings.auto_migrate:
            migrate(store.engine)
    app = FastAPI(
        title="Majlis",
        version=majlis.__version__,
        summary="Comments for news sites, screened against the site's guidelines.",
        lifespan=lifespan,
        # FastAPI's own OpenTelemetry asks the global providers on every request; Majlis counts its
        # requests itself (`/metrics`), and with no provider set up this only cost time on every read.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        # FastAPI's own /docs and /redoc load their scripts from a CDN; apidocs serves packaged ones.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    if screener is None:
        screener = Screener()
        screener.warm_up()
    app.state.screener = screener
    app.state.secret = install_secret(settings, store)  # refused when it does not fit the data
    app.state.page_cache = make_cache(settings.redis_url)
    app.state.tasks = make_queue(settings, store, app.state.screener, app.state.secret)
    app.state.limiter = make_limiter(settings.rate_limits, settings.redis_url, app.state.secret)
    app.state.login_throttle = LoginThrottle(settings, make_window(settings.redis_url), app.state.secret)
    errors.install(app)
    for router in (comments.router, articles.router, sites.router, pages.i18n_router, moderation.router,
                   health.router, webhooks.router, unsubscribe.router, apidocs.router, desk_queue.router, desk_admin.router, pages.router):
        app.include_router(router)
    app.mount("/static", CompressedStatic(directory=Path(__file__).parent / "static"), name="static")

    async def to_login(_: Request, __: Exception) -> RedirectResponse:
        return RedirectResponse("/moderate/login", status_code=303)

    app.add_exception_handler(LoginRequired, to_login)
    app.state.metrics = Metrics(store)
    app.add_middleware(CachedReads, cache=app.state.page_cache)  # innermost: CORS and headers still apply
    app.add_middleware(SiteCORS, store=store)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(AccessLog, metrics=app.state.metrics)
    return app
