"""Every error leaves as JSON naming the field at fault; nothing from outside can cause a bare 500."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from majlis.services.errors import Conflict, Forbidden, Invalid, NotFound, ServiceError

log = logging.getLogger("majlis.web")

STATUS = {Invalid: 422, NotFound: 404, Forbidden: 403, Conflict: 409}


def error_body(code: str, message: str, field: str | None = None, **extra: Any) -> dict[str, Any]:
    """The one JSON shape of every error response."""
    body: dict[str, Any] = {"error": code, "message": message}
    if field:
        body["field"] = field
    body.update(extra)
    return body


def _field_of(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
    errors = []
    for item in exc.errors():
        field = _field_of(tuple(item.get("loc", ())))
        message = str(item.get("msg", "invalid"))
        if item.get("type") == "json_invalid":
            field, message = "body", "the body is not valid JSON"
        elif item.get("type") == "missing":
            message = f"{field} is required"
        errors.append({"field": field, "message": message})
    first = errors[0] if errors else {"field": "body", "message": "invalid request"}
    return JSONResponse(
        error_body("invalid", f"{first['field']}: {first['message']}", first["field"], errors=errors),
        status_code=422,
    )


async def _service(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServiceError)
    status = next((s for t, s in STATUS.items() if isinstance(exc, t)), 400)
    code = {422: "invalid", 404: "not_found", 403: "forbidden", 409: "conflict"}.get(status, "bad_request")
    return JSONResponse(error_body(code, exc.message, exc.field), status_code=status)


async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else "error"
    field = "body" if exc.status_code in (400, 413) else "rate" if exc.status_code == 429 else None
    if exc.status_code == 400 and "parsing the body" in detail:
        detail = "the body is not valid JSON in UTF-8"
    codes = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
             405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type", 429: "rate_limited"}
    return JSONResponse(
        error_body(codes.get(exc.status_code, "error"), detail, field),
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )


async def _unstorable(request: Request, exc: DataError) -> JSONResponse:
    # A value the database refuses (PostgreSQL text cannot hold NUL): the transaction rolled back,
    # nothing was stored, and the request, not the server, is at fault.
    log.warning("refused a value the database cannot store on %s %s", request.method, request.url.path)
    return JSONResponse(error_body("bad_request", "the request holds a value that cannot be stored (a NUL character?)",
                                   "body"), status_code=400)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse(error_body("internal", "internal error; it has been logged"), status_code=500)


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(ServiceError, _service)
    app.add_exception_handler(StarletteHTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(DataError, _unstorable)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
