"""Webhooks of a site: register, list, remove, send a test event, read the delivery log.

Allowed to the site's publisher token and to admins' moderator tokens."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from majlis.domain import ApiToken, Role, Site
from majlis.services import webhooks
from majlis.services.comments import site_or_404
from majlis.services.errors import NotFound
from majlis.storage import Store
from majlis.web.deps import SecretDep, SettingsDep, StoreDep, TokenDep
from majlis.web.schemas import ERRORS, RowId

router = APIRouter(prefix="/api/v1/sites/{site}/webhooks", tags=["webhooks"], responses=ERRORS)
SiteSlug = Annotated[str, Path(max_length=64)]


class WebhookIn(BaseModel):
    """A new webhook."""

    model_config = ConfigDict(extra="forbid")
    url: str = Field(min_length=1, max_length=2000, description="Where events are POSTed (http or https).")
    events: list[str] | None = Field(None, max_length=3, description=f"Some of {', '.join(webhooks.EVENTS)}; default all.")


def _authorised_site(store: Store, slug: str, token: ApiToken) -> Site:
    site = site_or_404(store, slug)
    if token.role is Role.PUBLISHER and token.site_id == site.id:
        return site
    if token.role is Role.MODERATOR and token.moderator_id is not None:
        moderator = store.moderator_by_id(token.moderator_id)
        if moderator is not None and moderator.is_admin:
            return site
    raise HTTPException(403, "the site's publisher token or an admin's token is required")


@router.post("", status_code=201)
def create_webhook(site: SiteSlug, body: WebhookIn, store: StoreDep, settings: SettingsDep,
                         secret: SecretDep, token: TokenDep) -> dict[str, Any]:
    """Register a webhook. The answer holds its signing secret, shown this once."""
    found = _authorised_site(store, site, token)
    hook, signing_secret = webhooks.create(store, settings, secret, found, body.url, body.events)
    return {**webhooks.public_webhook(hook), "secret": signing_secret}


@router.get("")
def list_webhooks(site: SiteSlug, store: StoreDep, token: TokenDep) -> list[dict[str, Any]]:
    """The site's webhooks (without their secrets)."""
    found = _authorised_site(store, site, token)
    return [webhooks.public_webhook(h) for h in store.webhooks_of(found.id)]


@router.delete("/{webhook_id}", status_code=204)
def delete_webhook(site: SiteSlug, webhook_id: RowId, store: StoreDep,
                         token: TokenDep) -> Response:
    """Remove a webhook and its delivery log; deliveries not yet made are dropped."""
    found = _authorised_site(store, site, token)
    if not store.delete_webhook(webhook_id, found.id):
        raise NotFound("no such webhook on this site", "webhook")
    return Response(status_code=204)


@router.post("/{webhook_id}/test")
def test_webhook(site: SiteSlug, webhook_id: RowId, store: StoreDep,
                       settings: SettingsDep, secret: SecretDep, token: TokenDep) -> dict[str, Any]:
    """Send a signed `webhook.test` event now and report the receiver's answer."""
    found = _authorised_site(store, site, token)
    return webhooks.send_test(store, settings, secret, found, webhook_id)


@router.get("/{webhook_id}/deliveries")
def deliveries(site: SiteSlug, webhook_id: RowId, store: StoreDep, token: TokenDep,
                     limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict[str, Any]]:
    """The delivery log, newest first: event, status, attempts, last HTTP status or error, next retry."""
    found = _authorised_site(store, site, token)
    webhooks.webhook_of_site(store, found, webhook_id)
    rows = store.deliveries_of(webhook_id, limit)
    return [webhooks.public_delivery(r) for r in rows]
