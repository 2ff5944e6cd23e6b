"""A reader ticks the widget's e-mail box in a real browser and receives the notice in a real SMTP
server; the notice's one-click link stops further e-mail. The box speaks the page's language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from majlis.services.mail_text import MAIL
from tests.conftest import LiveServer, free_port, start_server, unique_marker
from tests.services.test_mail import Inbox, body_of, smtp_server
from tests.services.test_webhooks import wait_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def mail_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Inbox]]:
    port = free_port()
    controller, inbox = smtp_server(port)
    folder: Path = tmp_path_factory.mktemp("mail-live")
    process, server = start_server(folder, {"MAJLIS_SMTP_HOST": "127.0.0.1", "MAJLIS_SMTP_PORT": str(port),
                                            "MAJLIS_SMTP_SECURITY": "none", "MAJLIS_OUTBOX_POLL_SECONDS": "0.2"})
    yield server, inbox
    process.terminate()
    process.wait(timeout=20)
    controller.stop()


def test_a_subscribed_reader_gets_the_email_and_can_stop_it(page, mail_demo) -> None:  # type: ignore[no-untyped-def]
    server, inbox = mail_demo
    page.goto(server.base + "/")
    page.wait_for_selector(".majlis .count")
    assert page.inner_text(".majlis .notify label") == MAIL["en"]["notify_label"]
    marker = unique_marker()
    address = f"reader-{marker}@example.org"
    page.fill("#majlis-author_name", "Dana")
    page.fill("#majlis-author_email", address)
    page.fill("#majlis-text", f"The footbridge was worth the wait, the market side is busy again ({marker}).")
    page.check("#majlis-notify")
    page.click(".majlis .submit")
    page.wait_for_selector(".majlis .outcome.ok")
    message = wait_for(lambda: inbox.to(address))[0]
    assert message["Subject"] == MAIL["en"]["published_subject"] and marker in body_of(message)
    link = re.search(r"(http://\S+/unsubscribe/\S+)", body_of(message)).group(1)  # type: ignore[union-attr]
    page.goto(link.replace("http://127.0.0.1:8000", server.base))  # MAJLIS_PUBLIC_URL is the default here
    assert MAIL["en"]["unsubscribed_title"] in page.inner_text("h1")


def test_the_box_speaks_arabic_on_the_arabic_page(page, mail_demo) -> None:  # type: ignore[no-untyped-def]
    server, _ = mail_demo
    page.goto(server.base + "/ar")
    page.wait_for_selector(".majlis .count")
    assert page.inner_text(".majlis .notify label") == MAIL["ar"]["notify_label"]
