"""Sliding-window rate limits: in-process by default, shared across processes through Redis.

`MAJLIS_RATE_LIMITS` lists the limits as `scope:count/seconds` (scopes: ip, email, site), or `off`.
Keys are keyed hashes: neither an address nor an email is ever written to Redis in the clear."""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import deque
from typing import Protocol

from majlis.limits import Limit, parse_limits

__all__ = ["Limit", "MemoryWindow", "RateLimiter", "RedisWindow", "make_limiter", "parse_limits"]

class Window(Protocol):
    """A sliding-window counter."""

    def hit(self, key: str, limit: int, seconds: float) -> float:
        """Count one event; 0.0 if allowed, else the seconds until the next one would be."""
        ...


class MemoryWindow:
    """Per-process windows (the embedded default: one process, no Redis)."""

    def __init__(self) -> None:
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, limit: int, seconds: float) -> float:
        now = time.monotonic()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - seconds:
                events.popleft()
            if len(events) >= limit:
                return max(0.001, events[0] + seconds - now)
            events.append(now)
            if len(self._events) > 100_000:  # forget idle keys
                for stale in [k for k, v in self._events.items() if not v or v[-1] <= now - 3600]:
                    del self._events[stale]
            return 0.0


# Atomic in Redis: drop old events, count, add if under the limit, else say when the oldest leaves.
_LUA = """
local now = tonumber(ARGV[1]); local window = tonumber(ARGV[2]); local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000))
  return '0'
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tostring(tonumber(oldest[2]) + window - now)
"""


class RedisWindow:
    """Windows shared by every process through Redis sorted sets."""

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=2)
        self._script = self._redis.register_script(_LUA)
        self._counter = 0

    def hit(self, key: str, limit: int, seconds: float) -> float:
        self._counter += 1
        member = f"{time.time_ns()}-{self._counter}-{id(self)}"
        wait = float(self._script(keys=["majlis:rl:" + key], args=[time.time(), seconds, limit, member]))
        return max(0.0, wait) and max(0.001, wait)


class RateLimiter:
    """Checks every configured limit for one event."""

    def __init__(self, limits: tuple[Limit, ...], window: Window, secret: bytes) -> None:
        self.limits = limits
        self.window = window
        self._secret = secret

    def _key(self, scope: str, value: str) -> str:
        return scope + ":" + hmac.new(self._secret, f"{scope}\x00{value}".encode(), hashlib.sha256).hexdigest()[:32]

    def check(self, values: dict[str, str]) -> tuple[str, float] | None:
        """None if allowed, else (scope, seconds to wait) of the first limit exceeded."""
        for limit in self.limits:
            value = values.get(limit.scope)
            if not value:
                continue
            wait = self.window.hit(self._key(limit.scope, value), limit.count, limit.seconds)
            if wait > 0:
                return limit.scope, wait
        return None


def make_limiter(spec: str, redis_url: str, secret: bytes) -> RateLimiter:
    """The limiter for the settings: Redis-backed when a Redis URL is configured."""
    window: Window = RedisWindow(redis_url) if redis_url else MemoryWindow()
    return RateLimiter(parse_limits(spec), window, secret)
