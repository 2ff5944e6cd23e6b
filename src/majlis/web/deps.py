"""Named dependencies of the routes: the store, the settings, the screener, who is calling."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from majlis.domain import ARTICLE_KEY_MAX, ApiToken, Moderator, Role, canonical_article_key
from majlis.screening import Screener
from majlis.services.accounts import token_for
from majlis.services.errors import Invalid
from majlis.settings import Settings
from majlis.storage import Store

bearer = HTTPBearer(auto_error=False, description="An API token made by the `majlis` CLI.")


# Plain reads of the app's state: `async`, so FastAPI calls them in the event loop instead of
# sending each one to a worker thread (four thread trips per request, for nothing).
async def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


async def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def _screener(request: Request) -> Screener:
    return request.app.state.screener  # type: ignore[no-any-return]


async def _secret(request: Request) -> bytes:
    return request.app.state.secret  # type: ignore[no-any-return]


async def _article_key(
    article: Annotated[str, Path(max_length=4 * ARTICLE_KEY_MAX, description=(
        "The article's key, percent-encoded as one path segment (slashes as %2F) or with plain "
        "slashes; read in its canonical form (docs/api.md)."))],
) -> str:
    key = canonical_article_key(article)
    if not key or len(key) > ARTICLE_KEY_MAX:
        raise Invalid(f"article key must be 1-{ARTICLE_KEY_MAX} characters", "article")
    if "\x00" in key:  # PostgreSQL refuses NUL in text: a 422 here, not a 500 from the query
        raise Invalid("article contains a NUL character", "article")
    return key


StoreDep = Annotated[Store, Depends(_store)]
ArticleKeyDep = Annotated[str, Depends(_article_key)]
SettingsDep = Annotated[Settings, Depends(_settings)]
ScreenerDep = Annotated[Screener, Depends(_screener)]
SecretDep = Annotated[bytes, Depends(_secret)]


def _token(
    store: StoreDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> ApiToken:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(401, "an API token is required", headers={"WWW-Authenticate": "Bearer"})
    token = token_for(store, credentials.credentials)
    if token is None:
        raise HTTPException(401, "the API token is unknown or revoked", headers={"WWW-Authenticate": "Bearer"})
    return token


TokenDep = Annotated[ApiToken, Depends(_token)]


def _moderator(store: StoreDep, token: TokenDep) -> Moderator:
    if token.role is not Role.MODERATOR or token.moderator_id is None:
        raise HTTPException(403, "a moderator token is required")
    moderator = store.moderator_by_id(token.moderator_id)
    if moderator is None:
        raise HTTPException(401, "the moderator of this token no longer exists")
    return moderator


CurrentModerator = Annotated[Moderator, Depends(_moderator)]
