"""Disqus exports (`<disqus>` XML: `<category>`, `<thread dsq:id>` then `<post dsq:id>` elements),
read as a stream: each top-level element is parsed, yielded and freed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from majlis.domain import State
from majlis.importers.records import ImportedArticle, ImportedComment, Skipped, article_key, elements_at, parse_time

NS = "{http://disqus.com}"
DSQ = "{http://disqus.com/disqus-internals}"


def _text(element: Element | None, tag: str) -> str:
    child = element.find(NS + tag) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _flag(element: Element, tag: str) -> bool:
    return _text(element, tag).lower() == "true"


def _ref(element: Element, tag: str) -> str | None:
    child = element.find(NS + tag)
    return child.get(DSQ + "id") if child is not None else None


def _thread(element: Element, prefer: str) -> ImportedArticle | Skipped:
    thread_id = element.get(DSQ + "id") or ""
    if not thread_id:
        return Skipped("thread without dsq:id")
    key = article_key(_text(element, "id"), _text(element, "link"), prefer)
    return ImportedArticle(thread_id, key, _text(element, "title"), _text(element, "link"), _flag(element, "isClosed"))


def _post(element: Element) -> ImportedComment | Skipped:
    post_id = element.get(DSQ + "id") or ""
    thread_id = _ref(element, "thread")
    if not post_id or not thread_id:
        return Skipped("post without dsq:id or thread", post_id)
    created = parse_time(_text(element, "createdAt"))
    if created is None:
        return Skipped("post without a readable createdAt", post_id)
    message = element.find(NS + "message")
    text = (message.text or "") if message is not None else ""  # as it was: HTML and all
    author = element.find(NS + "author")
    if _flag(element, "isSpam"):
        state, why = State.REJECTED, "spam"
    elif _flag(element, "isDeleted"):
        state, why = State.REJECTED, "deleted"
    elif element.find(NS + "isApproved") is not None and not _flag(element, "isApproved"):
        state, why = State.PENDING, "awaiting moderation"
    else:
        state, why = State.APPROVED, ""
    return ImportedComment(post_id, thread_id, _ref(element, "parent"), _text(author, "name") or _text(author, "username"),
                           _text(author, "email"), text, created, state, why)


def read_disqus(path: Path, prefer: str = "id",
                progress: Callable[[int], None] | None = None) -> Iterator[ImportedArticle | ImportedComment | Skipped]:
    """The threads and posts of a Disqus export; `progress` gets the bytes read so far."""
    with path.open("rb") as handle:
        for element in elements_at(handle, 2, progress):
            if element.tag == NS + "thread":
                yield _thread(element, prefer)
            elif element.tag == NS + "post":
                yield _post(element)
