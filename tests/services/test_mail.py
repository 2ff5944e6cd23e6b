"""E-mail notifications through a real SMTP server (aiosmtpd): opt-in publication and reply
notices in the reader's language, one-click unsubscribe, the moderators' digest, SMTP outages."""

from __future__ import annotations

import email
import email.policy
import re
import time
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from majlis.services.mail_text import MAIL
from majlis.settings import Settings
from majlis.storage import Store
from tests.conftest import comment_body, free_port, make_newsroom
from tests.services.test_webhooks import wait_for


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def] # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


def smtp_server(port: int) -> tuple[Controller, Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


@pytest.fixture
def smtp() -> Iterator[tuple[int, Inbox]]:
    port = free_port()
    controller, inbox = smtp_server(port)
    yield port, inbox
    controller.stop()


def mail_settings(settings: Settings, port: int, **extra: object) -> Settings:
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_security": "none",
                                       "public_url": "http://testserver", "outbox_poll_seconds": 0.05,
                                       "mail_from": "Courier comments <comments@courier.example>", **extra})


@pytest.fixture
def mail_client(settings: Settings, store: Store, screener, smtp) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    from majlis.web.app import create_app

    with TestClient(create_app(mail_settings(settings, smtp[0], digest_threshold=2), store=store, screener=screener)) as client:
        yield client


def approve(client: TestClient, room, comment_id: int) -> None:  # type: ignore[no-untyped-def]
    answer = client.post(f"/api/v1/moderation/comments/{comment_id}/decision", headers=room.mod_headers(),
                         json={"decision": "approve"})
    assert answer.status_code == 200, answer.text


def body_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]


def test_readers_hear_of_publication_and_replies_until_they_unsubscribe(
    mail_client: TestClient, store: Store, smtp: tuple[int, Inbox]
) -> None:
    _, inbox = smtp
    room = make_newsroom(store)
    assert mail_client.get(f"/api/v1/sites/{room.site}/config").json()["notifications"] is True
    first = mail_client.post(room.comments_url(), json=comment_body("The budget forgets the water plant.", notify=True))
    assert first.status_code == 201 and first.json()["state"] == "pending"
    time.sleep(0.3)
    assert inbox.to("layla@example.org") == []  # nothing before a moderator publishes it
    approve(mail_client, room, first.json()["id"])
    published = wait_for(lambda: inbox.to("layla@example.org"))[0]
    assert published["Subject"] == MAIL["en"]["published_subject"]
    assert published["From"] == "Courier comments <comments@courier.example>"
    assert "The budget forgets the water plant." in body_of(published)
    unsubscribe = re.search(r"<(http://testserver/unsubscribe/[^>]+)>", published["List-Unsubscribe"]).group(1)  # type: ignore[union-attr]
    assert published["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click" and unsubscribe in body_of(published)

    reply = {"author_name": "Omar", "author_email": "omar@example.org", "text": "The plant was funded last year.",
             "parent_id": first.json()["id"]}
    answered = mail_client.post(room.comments_url(), json=reply)
    approve(mail_client, room, answered.json()["id"])
    notice = wait_for(lambda: [m for m in inbox.to("layla@example.org") if "Omar" in m["Subject"]])[0]
    assert notice["Subject"] == MAIL["en"]["reply_subject"].format(replier="Omar")
    assert "The plant was funded last year." in body_of(notice)
    assert inbox.to("omar@example.org") == []  # Omar did not ask for e-mail

    page = mail_client.get(unsubscribe.replace("http://testserver", ""))
    assert page.status_code == 200 and MAIL["en"]["unsubscribed"].format(site="The Courier") in page.text
    forged = mail_client.get(unsubscribe.replace("http://testserver", "")[:-8] + "00000000")
    assert forged.status_code == 404
    again = mail_client.post(room.comments_url(), json={**reply, "text": "And the roads budget grew too."})
    approve(mail_client, room, again.json()["id"])
    time.sleep(0.5)
    assert len(inbox.to("layla@example.org")) == 2  # unsubscribed: no third e-mail


def test_the_email_speaks_the_readers_language(mail_client: TestClient, store: Store, smtp: tuple[int, Inbox]) -> None:
    _, inbox = smtp
    room = make_newsroom(store, premoderate=False)
    posted = mail_client.post(room.comments_url(), json={
        "author_name": "سارا", "author_email": "sara@example.org", "notify": True,
        "text": "ميزانية المدينة لا تذكر محطة المياه مرة أخرى، نريد أن نعرف السبب"})
    assert posted.json()["state"] == "approved", posted.text
    message = wait_for(lambda: inbox.to("sara@example.org"))[0]
    assert message["Subject"] == MAIL["ar"]["published_subject"] and message["Content-Language"] == "ar"
    assert "ميزانية المدينة" in body_of(message)


def test_moderators_who_ask_get_one_digest_when_the_queue_grows(
    mail_client: TestClient, store: Store, smtp: tuple[int, Inbox]
) -> None:
    _, inbox = smtp
    room = make_newsroom(store)
    moderator = store.moderator_by_email(room.moderator_email)
    assert moderator is not None
    store.set_digest(moderator.id, True)
    for text in ("Why were the schools left out of the budget?", "The road repairs should come first this year.",
                 "Who audits the water spending?", "Parliament should publish the vote by name."):
        assert mail_client.post(room.comments_url(), json=comment_body(text)).json()["state"] == "pending"
    digest = wait_for(lambda: inbox.to(room.moderator_email))[0]
    assert "The Courier" in digest["Subject"] and "http://testserver/moderate?site=courier" in body_of(digest)
    time.sleep(0.5)
    assert len(inbox.to(room.moderator_email)) == 1  # at most one per interval
    assert all("layla@example.org" not in str(m["To"]) for m in inbox.messages)  # nobody opted in


def test_an_smtp_outage_is_retried(settings: Settings, store: Store, screener) -> None:  # type: ignore[no-untyped-def]
    from majlis.web.app import create_app

    port = free_port()
    fast = mail_settings(settings, port, mail_retry_base_seconds=0.3)
    room = make_newsroom(store, premoderate=False)
    with TestClient(create_app(fast, store=store, screener=screener)) as client:
        posted = client.post(room.comments_url(), json=comment_body("The water plant needs a budget line.", notify=True))
        assert posted.json()["state"] == "approved"
        time.sleep(0.5)  # the first attempt finds no server
        controller, inbox = smtp_server(port)
        try:
            assert wait_for(lambda: inbox.to("layla@example.org"))
        finally:
            controller.stop()


def test_without_smtp_the_widget_offers_no_box_and_nothing_is_kept(client: TestClient, store: Store) -> None:
    room = make_newsroom(store, premoderate=False)
    assert client.get(f"/api/v1/sites/{room.site}/config").json()["notifications"] is False
    posted = client.post(room.comments_url(), json=comment_body(notify=True))
    assert posted.status_code == 201
    stored = store.comment(posted.json()["id"])
    assert stored is not None and stored.notify is False
