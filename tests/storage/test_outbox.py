"""The outbox: events are handled in batches, each by exactly one caller, with its deliveries."""

from __future__ import annotations

from majlis.domain import Action, text_sha256
from majlis.services.accounts import create_site
from majlis.storage import Store


def test_a_batch_is_claimed_once_with_its_deliveries(store: Store) -> None:
    site = create_site(store, "outbox", "Outbox", ["https://example.org"], "en")
    article = store.ensure_article(site.id, "story")
    hook = store.add_webhook(site.id, "https://hooks.example.org/in", "sealed", ["comment.created"])
    for n in range(3):
        text = f"comment number {n}"
        store.add_comment(site_id=site.id, article_id=article.id, parent_id=None, author_name="A", author_email="x",
                          author_key="k", text=text, text_sha256=text_sha256(text), language="en", risk=0.0,
                          verdict=None, action=Action.APPROVE, category=None, note="test")
    events = store.unhandled_events()
    assert len(events) == 6  # created and approved, for each
    created = [e["id"] for e in events if e["kind"] == "comment.created"]
    batch = [(e["id"], [{"webhook_id": hook["id"], "event": e["kind"], "payload": f"{{\"n\": {e['id']}}}"}]
                       if e["id"] in created else []) for e in events]
    assert store.handle_events(batch) == {e["id"] for e in events}
    assert store.handle_events(batch) == set()  # another process came second: nothing claimed, nothing written
    assert store.unhandled_events() == []
    assert len(store.deliveries_of(hook["id"])) == 3
