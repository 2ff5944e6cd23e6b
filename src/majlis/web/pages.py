"""Reader-facing routes: the widget script, its strings, the guidelines page, the demo articles."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from majlis.domain import Category, shown_url
from majlis.languages import direction
from majlis.web.compressed import VARY, accepts_gzip, gzip_etag, gzipped, matches
from majlis.web.display import for_display
from majlis.web.i18n import LANGUAGES, strings
from majlis.web.schemas import ERRORS

router = APIRouter(include_in_schema=False)
i18n_router = APIRouter(prefix="/api/v1", tags=["widget"], responses=ERRORS)


@lru_cache(maxsize=1)
def templates() -> Environment:
    """The Jinja2 templates of the package (HTML is autoescaped)."""
    environment = Environment(loader=PackageLoader("majlis.web", "templates"), autoescape=select_autoescape(["html"]))
    environment.filters["display"] = for_display
    environment.filters["href"] = shown_url  # only http(s) URLs become links
    return environment


@lru_cache(maxsize=1)
def widget_script() -> tuple[bytes, str]:
    """The widget's source and its ETag."""
    source = (resources.files("majlis.web") / "static" / "embed.js").read_bytes()
    return source, '"' + hashlib.sha256(source).hexdigest()[:24] + '"'


@lru_cache(maxsize=1)
def widget_script_gzipped() -> tuple[bytes, str]:
    """The widget's source compressed once with gzip, and the ETag of that form."""
    source, etag = widget_script()
    return gzipped(source), gzip_etag(etag)


@router.get("/embed.js")
async def embed_js(request: Request) -> Response:
    """The embeddable widget (gzip-compressed for clients that accept it)."""
    compress = accepts_gzip(request.headers.get("accept-encoding", ""))
    source, etag = widget_script_gzipped() if compress else widget_script()
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*",
               "Vary": VARY}
    if matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    if compress:
        headers["Content-Encoding"] = "gzip"
    return Response(source, media_type="text/javascript; charset=utf-8", headers=headers)


@i18n_router.get("/i18n/{lang}")
async def interface_strings(lang: Annotated[str, Path(max_length=16)]) -> Response:
    """The widget's interface strings in a language (English when the language is unknown)."""
    import json

    body = json.dumps(strings(lang.lower()), ensure_ascii=False).encode()
    return Response(body, media_type="application/json",
                    headers={"Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*"})


def render(name: str, **context: Any) -> HTMLResponse:
    """A template rendered to a page."""
    return HTMLResponse(templates().get_template(name).render(**context))


@router.get("/guidelines")
async def guidelines(lang: Annotated[str, Query(max_length=16)] = "en") -> HTMLResponse:
    """The community guidelines in plain words, in the reader's language."""
    text = strings(lang.lower())
    return render("guidelines.html", t=text, categories=[c.value for c in Category], languages=LANGUAGES)


DEMO_PAGES = {
    "/": ("tigris-bridge-reopens", "en"),
    "/ar": ("erbil-water-prices", "ar"),
}


@router.get("/")
@router.get("/ar")
async def demo_article(request: Request) -> HTMLResponse:
    """The demo newsroom's article pages, with the widget embedded (demo mode only)."""
    if not request.app.state.settings.demo:
        if request.url.path == "/":
            return render("home.html")
        raise HTTPException(404, "not found")
    from majlis.demo import ARTICLES, DEMO_SITE

    key, lang = DEMO_PAGES[request.url.path]
    article = ARTICLES[key]
    return render("demo_article.html", article=article, key=key, lang=lang, site=DEMO_SITE,
                  dir=direction(lang),
                  paragraphs=[p for p in article.body.split(". ") if p])
