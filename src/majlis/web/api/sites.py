"""What a site's widget needs to know: limits, language, link rules. Public, no token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response
from starlette.concurrency import run_in_threadpool

from majlis.screening import Policy
from majlis.services.comments import site_or_404
from majlis.web.deps import SettingsDep, StoreDep
from majlis.web.schemas import SiteConfig

router = APIRouter(prefix="/api/v1/sites", tags=["sites"])


@router.get("/{site}/config", response_model=SiteConfig)
async def site_config(site: Annotated[str, Path(max_length=64)], store: StoreDep, settings: SettingsDep,
                      response: Response) -> SiteConfig:
    """The site's public settings: the widget mirrors the server's validation with them."""
    found = await run_in_threadpool(site_or_404, store, site)
    policy = Policy.from_dict(found.policy)
    response.headers["Cache-Control"] = "public, max-age=60"
    return SiteConfig(
        site=found.slug,
        name=found.name,
        language=found.language,
        text_min_chars=settings.comment_min_chars,
        text_max_chars=settings.comment_max_chars,
        name_max_chars=settings.name_max_chars,
        email_max_chars=settings.email_max_chars,
        show_reasons=policy.show_reasons,
        link_domains=list(policy.allowed_domains),
        page_size=settings.page_size_default,
    )
