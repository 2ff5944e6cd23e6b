"""The one-click unsubscribe link of notification e-mails (a GET from the link, or the POST that
mail clients send for RFC 8058 `List-Unsubscribe-Post`)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from majlis.services.mail import unsubscribe_token
from majlis.services.mail_text import mail_strings
from majlis.web.deps import SecretDep, StoreDep
from majlis.languages import direction
from majlis.web.i18n import LANGUAGES
from majlis.web.pages import render

router = APIRouter(tags=["e-mail"])


@router.api_route("/unsubscribe/{site_id}/{author}/{token}", methods=["GET", "POST"], response_class=HTMLResponse,
                  include_in_schema=False)  # a link in e-mails, not an API
async def unsubscribe(
    site_id: Annotated[int, Path(ge=1)],
    author: Annotated[str, Path(min_length=1, max_length=64)],
    token: Annotated[str, Path(min_length=1, max_length=64)],
    store: StoreDep,
    secret: SecretDep,
    lang: Annotated[str, Query(max_length=16)] = "en",
) -> HTMLResponse:
    """Stop every notification to this author about this site's comments."""
    language = lang if lang in LANGUAGES else "en"
    words = mail_strings(language)
    page = {"lang": language, "dir": direction(language), "title": words["unsubscribed_title"]}
    if not hmac.compare_digest(unsubscribe_token(secret, site_id, author), token):
        response = render("unsubscribed.html", **page, message=words["bad_link"])
        response.status_code = 404
        return response
    site = await run_in_threadpool(store.site_by_id, site_id)
    await run_in_threadpool(store.unsubscribe, site_id, author)
    name = (site.name or site.slug) if site else ""
    return render("unsubscribed.html", **page, message=words["unsubscribed"].format(site=name))
