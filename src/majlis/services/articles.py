"""Publishers register their articles: title, url, language and the body relevance compares with."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from majlis.domain import ARTICLE_KEY_MAX, Article, Site, canonical_article_key, http_url
from majlis.services.errors import Invalid
from majlis.storage import Store


@dataclass(frozen=True)
class ArticleFields:
    """What a publisher may set on an article."""

    title: str = ""
    url: str = ""
    language: str = ""
    body: str = ""
    published_at: datetime | None = None
    closed: bool = False


def register_article(store: Store, site: Site, key: str, fields: ArticleFields) -> tuple[Article, bool]:
    """Create or update the article (under the key's canonical form); returns it and whether it was
    created."""
    key = canonical_article_key(key)
    if not key or len(key) > ARTICLE_KEY_MAX:
        raise Invalid(f"article key must be 1-{ARTICLE_KEY_MAX} characters", "article")
    for name, value in (("article", key), ("title", fields.title), ("url", fields.url), ("body", fields.body)):
        if "\x00" in value:
            raise Invalid(f"{name} contains a NUL character", name)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise Invalid(f"{name} is not valid UTF-8", name) from error
    if fields.url:
        try:
            fields = replace(fields, url=http_url(fields.url))
        except ValueError as error:
            raise Invalid(f"url: {error}", "url") from error
    if fields.published_at is not None and fields.published_at.tzinfo is None:
        raise Invalid("published_at needs a timezone (for example 2026-11-25T08:00:00Z)", "published_at")
    values = {
        "title": fields.title,
        "url": fields.url,
        "language": fields.language,
        "body": fields.body,
        "published_at": fields.published_at,
        "closed": fields.closed,
    }
    return store.upsert_article(site.id, key, values)
