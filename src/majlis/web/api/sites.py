"""What a site's widget needs to know: limits, language, link rules. Public, no token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from starlette.concurrency import run_in_threadpool

from majlis.domain import canonical_article_key
from majlis.screening import Policy
from majlis.services.comments import site_or_404
from majlis.web.deps import SettingsDep, StoreDep
from majlis.services import bots
from majlis.web.deps import SecretDep
from majlis.web.schemas import ERRORS, Challenge, SiteConfig, Ticket

router = APIRouter(prefix="/api/v1/sites", tags=["sites"], responses=ERRORS)


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
        notifications=bool(settings.smtp_host),
    )


@router.get("/{site}/ticket", response_model=Ticket)
async def form_ticket(site: Annotated[str, Path(max_length=64)], store: StoreDep, settings: SettingsDep,
                      secret: SecretDep, response: Response) -> Ticket:
    """A ticket for a comment form shown now."""
    found = await run_in_threadpool(site_or_404, store, site)
    response.headers["Cache-Control"] = "no-store"
    return Ticket(ticket=bots.issue_ticket(secret, found.slug), min_seconds=settings.min_submit_seconds)


@router.get("/{site}/challenge", response_model=Challenge)
async def challenge(site: Annotated[str, Path(max_length=64)], store: StoreDep, secret: SecretDep,
                    response: Response) -> Challenge:
    """A proof-of-work challenge, and whether the site asks for one now."""
    found = await run_in_threadpool(site_or_404, store, site)
    policy = Policy.from_dict(found.policy)
    response.headers["Cache-Control"] = "no-store"
    required = await run_in_threadpool(bots.pow_required, store, found.id, policy)
    return Challenge(challenge=bots.issue_challenge(secret, found.slug, policy.pow_bits), bits=policy.pow_bits,
                     required=required)


@router.get("/{site}/counts", response_model=dict[str, int])
async def counts(
    site: Annotated[str, Path(max_length=64)],
    store: StoreDep,
    response: Response,
    articles: Annotated[str, Query(max_length=10_000, description="Comma-separated article keys; the first 100 count.")],
) -> dict[str, int]:
    """Approved comment counts of a list of articles, for a newsroom's article lists (cacheable);
    each key is answered as it was asked, counted under its canonical form (`/story/` is `/story`)."""
    keys = list(dict.fromkeys(k for k in articles.split(",") if k))[:100]
    found = await run_in_threadpool(site_or_404, store, site)
    if not keys:
        return {}
    canonical = {key: canonical_article_key(key) for key in keys}
    wanted = list(dict.fromkeys(canonical.values()))
    rows = await run_in_threadpool(store.article_counts, found.id, wanted, len(wanted))
    known = {row["key"]: int(row["comments"]) for row in rows}
    response.headers["Cache-Control"] = "public, max-age=60"
    return {key: known.get(canonical[key], 0) for key in keys}
