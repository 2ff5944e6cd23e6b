"""The outbox: events are handled in batches, each by exactly one caller, with its deliveries."""

from __future__ import annotations

from majlis.domain import Action, text_sha256
from majlis.services.accounts import create_site
from majlis.storage import Store
from majlis.storage.integrations import erase_events


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


def test_erasing_an_authors_many_comments_rewrites_their_deliveries(store: Store) -> None:
    site = create_site(store, "prolific", "Prolific", ["https://example.org"], "en")
    article = store.ensure_article(site.id, "story")
    hook = store.add_webhook(site.id, "https://hooks.example.org/in", "sealed", ["comment.created"])
    comment = store.add_comment(site_id=site.id, article_id=article.id, parent_id=None, author_name="A",
                                author_email="x", author_key="k", text="mine", text_sha256=text_sha256("mine"),
                                language="en", risk=0.0, verdict=None, action=Action.APPROVE, category=None, note="")
    event = next(e for e in store.unhandled_events() if e["kind"] == "comment.created")
    store.handle_events([(event["id"], [{"webhook_id": hook["id"], "event": event["kind"],
                                         "payload": f'{{"comment":{{"id":{comment.id},"text":"mine"}}}}'}])])
    # An author of 1,500 comments: more terms than SQLite takes in one expression, so it goes in chunks.
    ids = [comment.id, *range(10_000, 11_499)]
    with store._writer.begin() as conn:
        assert erase_events(conn, ids, lambda _: "{}", "erased") == 1
    [delivery] = store.deliveries_of(hook["id"])
    assert (delivery["payload"], delivery["status"], delivery["next_attempt_at"]) == ("{}", "cancelled", None)
    assert store.unhandled_events() == []
