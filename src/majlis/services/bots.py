"""Bot defences without third parties: a honeypot field, a signed form ticket that proves the form was
shown some seconds before it was sent, and an optional proof-of-work puzzle that the browser solves.

Tickets and challenges are stateless (HMAC-signed by Majlis); a solved challenge is spent in the
database, so it cannot be replayed by any process."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from majlis.screening import Policy
from majlis.services.errors import Invalid
from majlis.storage import Store

TICKET_MAX_AGE = 24 * 3600
CHALLENGE_MAX_AGE = 600


def _sign(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:32]


def issue_ticket(secret: bytes, site: str, now: float | None = None) -> str:
    """A ticket for a form shown now."""
    issued = int((now or time.time()) * 1000)
    return f"{issued}.{_sign(secret, f'ticket|{site}|{issued}')}"


def check_ticket(secret: bytes, site: str, ticket: str, min_seconds: float, now: float | None = None) -> None:
    """Raise `Invalid` for a forged, stale or too young ticket."""
    issued_text, _, signature = ticket.partition(".")
    if not issued_text.isdigit() or not hmac.compare_digest(signature, _sign(secret, f"ticket|{site}|{issued_text}")):
        raise Invalid("the form ticket is not one this server issued; reload the page", "ticket")
    age = (now or time.time()) - int(issued_text) / 1000
    if age < min_seconds:
        raise Invalid("the comment was sent too fast after the form was shown", "ticket")
    if age > TICKET_MAX_AGE:
        raise Invalid("the form is too old; reload the page", "ticket")


def leading_zero_bits(digest: bytes) -> int:
    """How many leading bits of a digest are zero."""
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def issue_challenge(secret: bytes, site: str, bits: int, now: float | None = None) -> str:
    """A puzzle: find a nonce such that SHA-256(challenge ":" nonce) starts with `bits` zero bits."""
    issued = int(now or time.time())
    token = secrets.token_hex(8)
    body = f"v1.{site}.{issued}.{bits}.{token}"
    return f"{body}.{_sign(secret, 'pow|' + body)}"


@dataclass(frozen=True)
class Solved:
    """A verified, not yet spent, challenge."""

    token: str
    expires_at: datetime


def verify_solution(secret: bytes, site: str, challenge: str, nonce: str, min_bits: int, now: float | None = None) -> Solved:
    """Check a solution (signature, age, site, difficulty, work); raise `Invalid` if it fails."""
    parts = challenge.split(".")
    if len(parts) != 6 or parts[0] != "v1" or not hmac.compare_digest(parts[5], _sign(secret, "pow|" + ".".join(parts[:5]))):
        raise Invalid("the proof-of-work challenge is not one this server issued", "pow")
    _, challenge_site, issued, bits, token, _ = parts
    if challenge_site != site or not issued.isdigit() or not bits.isdigit() or int(bits) < min_bits:
        raise Invalid("the proof-of-work challenge does not fit this site", "pow")
    if (now or time.time()) - int(issued) > CHALLENGE_MAX_AGE:
        raise Invalid("the proof-of-work challenge expired; try again", "pow")
    if len(nonce) > 32 or leading_zero_bits(hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()) < int(bits):
        raise Invalid("the proof of work is wrong", "pow")
    return Solved(token, datetime.fromtimestamp(int(issued) + CHALLENGE_MAX_AGE, UTC))


def pow_required(store: Store, site_id: int, policy: Policy) -> bool:
    """Whether a comment to this site must carry a proof of work now (always, or under a flood)."""
    if policy.proof_of_work == "on":
        return True
    if policy.proof_of_work != "auto":
        return False
    recent = store.recent_comments(site_id, timedelta(minutes=1), policy.pow_auto_per_minute + 1)
    return len(recent) > policy.pow_auto_per_minute


def check_post(store: Store, secret: bytes, site_id: int, site: str, policy: Policy, honeypot: str,
               ticket: str | None, pow_challenge: str | None, pow_nonce: str | None, min_seconds: float) -> None:
    """All the bot checks of one post; raise `Invalid` naming the field at fault."""
    if honeypot:
        raise Invalid("this field must stay empty", "website")
    if ticket:
        check_ticket(secret, site, ticket, min_seconds)
    elif policy.require_ticket:
        raise Invalid("a form ticket is required: post through the comment form", "ticket")
    if pow_required(store, site_id, policy):
        if not pow_challenge or pow_nonce is None:
            raise Invalid("this site asks for a proof of work: fetch a challenge first", "pow")
        solved = verify_solution(secret, site, pow_challenge, pow_nonce, policy.pow_bits)
        if not store.spend_token("pow:" + solved.token, solved.expires_at):
            raise Invalid("this proof of work was used already", "pow")
