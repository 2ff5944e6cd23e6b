"""Load balancer probes."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
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


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """Prometheus metrics of this process (queue depth from the shared database)."""
    body = await run_in_threadpool(request.app.state.metrics.exposition)
    return Response(body, media_type="text/plain; version=0.0.4; charset=utf-8")
