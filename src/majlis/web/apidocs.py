"""`/docs`: Swagger UI served from the `swagger-ui-py` package, never from a CDN, under a strict
Content Security Policy (no inline script, nothing from another origin). `/openapi.json` stays."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

router = APIRouter(include_in_schema=False)
# The only files of the package that are served; the page's own start-up script is ours (static/docs.js).
ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'")
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Majlis API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


@lru_cache(maxsize=1)
def assets_folder() -> Path:
    """Where `swagger-ui-py` keeps Swagger UI's files (found without importing the package)."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the swagger-ui-py package is missing: pip install majlis again")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


@router.get("/docs")
async def docs_page() -> HTMLResponse:
    """The interactive API documentation."""
    return HTMLResponse(PAGE, headers={"content-security-policy": CSP, "x-frame-options": "DENY"})


@router.get("/docs/assets/{name}")
async def docs_asset(name: str) -> FileResponse:
    """One of Swagger UI's two files."""
    if name not in ASSETS:
        raise HTTPException(404, "no such file")
    return FileResponse(assets_folder() / name, media_type=ASSETS[name],
                        headers={"cache-control": "public, max-age=86400"})
