"""Password guessing on the desk: throttled by (client, account) with a doubling wait, by client across
accounts and by account across clients, shared through Redis, and never keeping the right password
of a client that has not failed out."""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from majlis.screening import Screener
from majlis.settings import Settings
from majlis.storage import Store
from majlis.web.desk.throttle import LoginThrottle, client_key
from majlis.web.ratelimit import MemoryWindow, RedisWindow
from tests.conftest import make_newsroom

REDIS_URL = os.environ.get("MAJLIS_TEST_REDIS", "redis://127.0.0.1:6379/15")
PASSWORD = "correct horse battery"


def desk_app(settings: Settings, store: Store, screener: Screener, **limits: object) -> FastAPI:
    from majlis.web.app import create_app

    return create_app(settings.model_copy(update=limits), store=store, screener=screener)


def client_at(app: FastAPI, address: str) -> Callable[[str, str], int]:
    """A browser at `address`: returns a function that tries (email, password) and gives the status."""
    browser = TestClient(app, client=(address, 50000))

    def attempt(email: str, password: str) -> int:
        token = re.search(r'name="csrf" value="([^"]+)"', browser.get("/moderate/login").text).group(1)  # type: ignore[union-attr]
        answer = browser.post("/moderate/login", data={"email": email, "password": password, "csrf": token},
                              follow_redirects=False)
        if answer.status_code == 429:
            assert int(answer.headers["retry-after"]) >= 1
        return answer.status_code

    return attempt


def test_a_strangers_failures_never_lock_out_the_right_password(settings: Settings, store: Store,
                                                                screener: Screener) -> None:
    app = desk_app(settings, store, screener)
    email = make_newsroom(store).moderator_email
    stranger = client_at(app, "203.0.113.66")
    tries = [stranger(email, f"guess {n}") for n in range(8)]
    assert tries[:5] == [401] * 5 and set(tries[5:]) == {429}
    assert stranger(email, PASSWORD) == 429  # held back before the password is even checked
    assert client_at(app, "198.51.100.20")(email, PASSWORD) == 303  # the moderator, elsewhere, logs in


def test_one_client_is_limited_across_accounts(settings: Settings, store: Store, screener: Screener) -> None:
    app = desk_app(settings, store, screener, login_client_failures=4)
    email = make_newsroom(store).moderator_email
    sprayer = client_at(app, "203.0.113.77")
    assert [sprayer(f"editor{n}@courier.example", "Winter2026!") for n in range(4)] == [401] * 4
    assert sprayer("editor9@courier.example", "Winter2026!") == 429
    assert sprayer(email, PASSWORD) == 429
    assert client_at(app, "198.51.100.21")(email, PASSWORD) == 303


def test_many_clients_on_one_account_hold_back_only_those_that_failed(settings: Settings, store: Store,
                                                                      screener: Screener) -> None:
    app = desk_app(settings, store, screener, login_account_failures=3)
    email = make_newsroom(store).moderator_email
    botnet = [client_at(app, f"203.0.113.{n}") for n in range(1, 5)]
    assert [bot(email, "guess") for bot in botnet] == [401] * 4  # the first try of each is never held
    assert [bot(email, "guess again") for bot in botnet] == [429] * 4  # past 3 on the account: they wait
    assert client_at(app, "198.51.100.22")(email, PASSWORD) == 303


@pytest.mark.parametrize("backend", ["memory", "redis"])
def test_the_wait_doubles_and_a_success_clears_it(backend: str) -> None:
    window = MemoryWindow() if backend == "memory" else RedisWindow(REDIS_URL)
    throttle = LoginThrottle(Settings(login_max_failures=2, login_backoff_seconds=1.0), window, uuid.uuid4().bytes)
    assert [throttle.backoff(n) for n in (1, 2, 3, 4)] == [0.0, 1.0, 2.0, 4.0]
    assert throttle.backoff(40) == 15 * 60  # at most login_lockout_minutes
    who, account = "192.0.2.9", "mod@courier.example"
    throttle.failed(who, account)
    assert throttle.refusal(who, account) is None
    throttle.failed(who, account)
    first = throttle.refusal(who, account)
    assert first is not None and 0.5 < first.seconds <= 1.0
    time.sleep(first.seconds + 0.05)
    assert throttle.refusal(who, account) is None
    throttle.failed(who, account)
    second = throttle.refusal(who, account)
    assert second is not None and 1.0 < second.seconds <= 2.0  # twice as long
    assert throttle.refusal("192.0.2.10", account) is None  # another client is not held back
    throttle.succeeded(who, account)
    assert throttle.refusal(who, account) is None


def test_failures_are_shared_between_processes_through_redis() -> None:
    settings = Settings()
    secret = uuid.uuid4().bytes
    first, second = (LoginThrottle(settings, RedisWindow(REDIS_URL), secret) for _ in range(2))
    who, account = "192.0.2.44", "mod@courier.example"
    for n in range(settings.login_max_failures):  # failures seen by two web processes, alternately
        (first if n % 2 else second).failed(who, account)
    for throttle in (first, second):
        held = throttle.refusal(who, account)
        assert held is not None and held.scope == "account" and 0 < held.seconds <= settings.login_backoff_seconds


def test_an_ipv6_client_is_its_64_network() -> None:
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::2") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("::ffff:192.0.2.1") == "192.0.2.1" == client_key("192.0.2.1")
