"""Load balancer probes."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from majlis.storage import Store
from majlis.web.deps import StoreDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


def _ping(store: Store) -> bool:
    try:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False


@router.get("/readyz")
async def readyz(store: StoreDep) -> JSONResponse:
    """The process can reach its database."""
    ok = await run_in_threadpool(_ping, store)
    return JSONResponse({"status": "ok" if ok else "unavailable"}, status_code=200 if ok else 503)


def _check_metrics_token(request: Request) -> None:
    """`/metrics` tells login failures per route and queue depth: only to the scraper holding
    `MAJLIS_METRICS_TOKEN`, and to nobody when none is set."""
    expected = request.app.state.settings.metrics_token
    if not expected:
        raise HTTPException(404, "metrics are off: set MAJLIS_METRICS_TOKEN to serve them")
    scheme, _, sent = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(), expected.encode()):
        raise HTTPException(401, "the metrics token is required", headers={"WWW-Authenticate": "Bearer"})


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """Prometheus metrics of this process (queue depth from the shared database), for the bearer
    of the metrics token."""
    _check_metrics_token(request)
    body = await run_in_threadpool(request.app.state.metrics.exposition)
    return Response(body, media_type="text/plain; version=0.0.4; charset=utf-8")
