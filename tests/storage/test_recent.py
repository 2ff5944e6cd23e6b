"""The recent comments every post reads (repeat and flood detection): kept per process, topped up
with what was added since, newest first, within the window and the limit, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from majlis.domain import Action, text_sha256
from majlis.services.accounts import create_site
from majlis.storage import Store
from majlis.storage.rows import utcnow


def add(store: Store, site_id: int, article_id: int, text: str, minutes_ago: float = 0) -> int:
    comment = store.add_comment(
        site_id=site_id, article_id=article_id, parent_id=None, author_name="A", author_email="x", author_key="k",
        text=text, text_sha256=text_sha256(text), language="en", risk=0.0, verdict=None, action=Action.APPROVE,
        category=None, note="test", created_at=utcnow() - timedelta(minutes=minutes_ago))
    return comment.id


def test_recent_comments_are_topped_up_newest_first_within_window_and_limit(store: Store) -> None:
    site = create_site(store, "recent", "Recent", ["https://example.org"], "en")
    other = create_site(store, "other", "Other", ["https://example.com"], "en")
    article = store.ensure_article(site.id, "story")
    elsewhere = store.ensure_article(other.id, "story")
    add(store, site.id, article.id, "too old for the window", minutes_ago=120)
    first = [add(store, site.id, article.id, f"comment {n}") for n in range(5)]
    window, limit = timedelta(hours=1), 4
    rows = store.recent_comments(site.id, window, limit)
    assert [r.id for r in rows] == first[::-1][:limit]
    assert store.recent_comments(site.id, window, limit) is rows  # nothing new: the very same tuple
    add(store, other.id, elsewhere.id, "another site's comment")
    assert store.recent_comments(site.id, window, limit) is rows
    newer = [add(store, site.id, article.id, f"later {n}") for n in range(2)]
    topped = store.recent_comments(site.id, window, limit)
    assert [r.id for r in topped] == (newer[::-1] + first[::-1])[:limit]
    assert [r.text for r in topped[:2]] == ["later 1", "later 0"]
    assert all(hasattr(r, "author_key") and r.created_at is not None for r in topped)
