"""Rate limit specifications (`MAJLIS_RATE_LIMITS`), parsed where settings are checked."""

from __future__ import annotations

from dataclasses import dataclass

SCOPES = ("ip", "email", "site")


@dataclass(frozen=True)
class Limit:
    """At most `count` events per `seconds` in one scope."""

    scope: str
    count: int
    seconds: float


def parse_limits(spec: str) -> tuple[Limit, ...]:
    """`ip:10/60,email:5/60,site:300/60` -> limits; `off` (or empty) -> none."""
    if spec.strip().lower() in ("", "off", "none", "0", "false"):
        return ()
    limits = []
    for part in spec.split(","):
        scope, _, rate = part.strip().partition(":")
        count, _, seconds = rate.partition("/")
        if scope not in SCOPES or not count.isdigit() or not seconds.replace(".", "", 1).isdigit():
            raise ValueError(f"MAJLIS_RATE_LIMITS: {part!r} is not scope:count/seconds with scope in {SCOPES}")
        limits.append(Limit(scope, int(count), float(seconds)))
    return tuple(limits)
