"""Password guessing on the desk, throttled by who guesses, not only by whose account it is.

Three counts of failed logins, in the rate-limit windows (Redis when configured, so every web
process shares them; keys are keyed hashes):

- one client on one account: after `login_max_failures` failures each further try waits, twice as
  long each time (`login_backoff_seconds`, 2x, 4x ... up to `login_lockout_minutes`); a success clears it;
- one client on every account: `login_client_failures` within `login_lockout_minutes`, then 429;
- one account from every client: `login_account_failures` within the same window. This one holds
  back only clients that have themselves failed on the account, so strangers' failures never keep the
  right password out: a client that has not failed there still logs in.

A throttled try is refused before the password is checked, whether it is right or wrong."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from majlis.settings import Settings
from majlis.web.ratelimit import Window, window_key

PAIR_MEMORY_SECONDS = 24 * 3600  # how long one client's failures on one account are remembered


def client_key(address: str) -> str:
    """The client as throttled: its IPv4 address, or the /64 of an IPv6 one (one subscriber's network)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


@dataclass(frozen=True)
class Refusal:
    """Why a login try is held back, and for how many seconds."""

    scope: str
    seconds: float


class LoginThrottle:
    """Counts failed logins per (client, account), per client and per account."""

    def __init__(self, settings: Settings, window: Window, secret: bytes) -> None:
        self.free = settings.login_max_failures
        self.first_wait = settings.login_backoff_seconds
        self.span = settings.login_lockout_minutes * 60.0
        self.per_client = settings.login_client_failures
        self.per_account = settings.login_account_failures
        self.window = window
        self.secret = secret

    def _keys(self, client: str, account: str) -> tuple[str, str, str]:
        who = client_key(client)
        what = account.strip().lower()
        return (window_key(self.secret, "login-pair", f"{who}\x00{what}"), window_key(self.secret, "login-client", who),
                window_key(self.secret, "login-account", what))

    def backoff(self, failures: int) -> float:
        """The wait after `failures` failures of one client on one account (0 while under the limit)."""
        if failures < self.free:
            return 0.0
        return min(self.span, self.first_wait * 2.0 ** (failures - self.free))

    def refusal(self, client: str, account: str) -> Refusal | None:
        """None if this client may try this account now."""
        pair_key, client_key_, account_key = self._keys(client, account)
        by_client = self.window.tally(client_key_, self.span)
        if by_client.count >= self.per_client:
            return Refusal("client", self.span - by_client.oldest_age)
        pair = self.window.tally(pair_key, PAIR_MEMORY_SECONDS)
        wait = self.backoff(pair.count) - pair.newest_age
        if wait > 0:
            return Refusal("account", wait)
        if pair.count:
            on_account = self.window.tally(account_key, self.span)
            if on_account.count >= self.per_account:
                return Refusal("account", self.span - on_account.oldest_age)
        return None

    def failed(self, client: str, account: str) -> None:
        """Count a wrong password (or an unknown account: they look the same)."""
        pair_key, client_key_, account_key = self._keys(client, account)
        self.window.add(pair_key, PAIR_MEMORY_SECONDS)
        self.window.add(client_key_, self.span)
        self.window.add(account_key, self.span)

    def succeeded(self, client: str, account: str) -> None:
        """The right password: this client starts afresh on this account."""
        self.window.clear(self._keys(client, account)[0])
