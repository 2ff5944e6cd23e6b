"""WordPress exports (WXR: RSS 2.0 with the `wp:` namespace): each `<item>` is a post with its
`<wp:comment>` elements, read as a stream."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from majlis.domain import State
from majlis.importers.records import ImportedArticle, ImportedComment, Skipped, article_key, elements_at, parse_time

_WP = re.compile(r"^\{http://wordpress\.org/export/[0-9.]+/\}")
STATES = {"1": (State.APPROVED, ""), "approve": (State.APPROVED, ""), "0": (State.PENDING, "awaiting moderation"),
          "hold": (State.PENDING, "awaiting moderation"), "spam": (State.REJECTED, "spam"),
          "trash": (State.REJECTED, "deleted"), "post-trashed": (State.REJECTED, "deleted")}


def _local(tag: str) -> str:
    """`{http://wordpress.org/export/1.2/}comment` -> `wp:comment` (any WXR version)."""
    return _WP.sub("wp:", tag)


def _fields(element: Element) -> dict[str, str]:
    return {_local(child.tag): (child.text or "") for child in element}


def _comment(element: Element, post_id: str) -> ImportedComment | Skipped:
    f = _fields(element)
    comment_id = f.get("wp:comment_id", "").strip()
    if not comment_id:
        return Skipped("comment without wp:comment_id")
    if f.get("wp:comment_type", "").strip() in ("pingback", "trackback"):
        return Skipped("pingback or trackback", comment_id)
    created = parse_time(f.get("wp:comment_date_gmt", "")) or parse_time(f.get("wp:comment_date", ""))
    if created is None:
        return Skipped("comment without a readable date", comment_id)
    state, why = STATES.get(f.get("wp:comment_approved", "").strip(), (State.PENDING, "unknown status"))
    parent = f.get("wp:comment_parent", "").strip()
    return ImportedComment(comment_id, post_id, parent if parent not in ("", "0") else None,
                           f.get("wp:comment_author", "").strip(), f.get("wp:comment_author_email", "").strip(),
                           f.get("wp:comment_content", ""), created, state, why)


def _item(element: Element, prefer: str) -> Iterator[ImportedArticle | ImportedComment | Skipped]:
    f = _fields(element)
    post_id = f.get("wp:post_id", "").strip()
    if not post_id:
        yield Skipped("item without wp:post_id")
        return
    comments = [child for child in element if _local(child.tag) == "wp:comment"]
    if not comments and f.get("wp:post_type", "post") not in ("post", "page"):
        return  # attachments and menu items carry no comments
    link = f.get("link", "").strip()
    yield ImportedArticle(post_id, article_key(post_id if prefer == "id" else "", link, prefer),
                          f.get("title", "").strip(), link, f.get("wp:comment_status", "open").strip() == "closed")
    for child in comments:
        yield _comment(child, post_id)


def read_wordpress(path: Path, prefer: str = "url",
                   progress: Callable[[int], None] | None = None) -> Iterator[ImportedArticle | ImportedComment | Skipped]:
    """The posts and comments of a WXR file (`<rss><channel><item>`); `progress` gets the bytes read."""
    with path.open("rb") as handle:
        for element in elements_at(handle, 3, progress):
            if element.tag == "item":
                yield from _item(element, prefer)
