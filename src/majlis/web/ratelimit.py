"""Sliding-window rate limits: in-process by default, shared across processes through Redis.

`MAJLIS_RATE_LIMITS` lists the limits as `scope:count/seconds` (scopes: ip, email, site), or `off`.
The desk's login throttle (web/desk/throttle.py) counts failed logins in the same windows.
Keys are keyed hashes: neither an address nor an email is ever written to Redis in the clear."""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from majlis.limits import Limit, parse_limits

__all__ = ["Limit", "MemoryWindow", "RateLimiter", "RedisWindow", "Tally", "make_limiter", "make_window",
           "parse_limits", "window_key"]


@dataclass(frozen=True)
class Tally:
    """The events of a key within its window: how many, and how long ago the oldest and newest were."""

    count: int
    oldest_age: float
    newest_age: float


NONE = Tally(0, 0.0, 0.0)


class Window(Protocol):
    """A sliding-window counter."""

    def hit(self, key: str, limit: int, seconds: float) -> float:
        """Count one event; 0.0 if allowed, else the seconds until the next one would be."""
        ...

    def add(self, key: str, seconds: float) -> None:
        """Count one event, kept for `seconds`, whatever the count."""
        ...

    def tally(self, key: str, seconds: float) -> Tally:
        """The events of the last `seconds`, without counting one."""
        ...

    def clear(self, key: str) -> None:
        """Forget every event of the key."""
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
            self._forget_idle(now)
            return 0.0

    def add(self, key: str, seconds: float) -> None:
        now = time.monotonic()
        with self._lock:
            self._events.setdefault(key, deque()).append(now)
            self._forget_idle(now, seconds)

    def tally(self, key: str, seconds: float) -> Tally:
        now = time.monotonic()
        with self._lock:
            events = self._events.get(key)
            while events and events[0] <= now - seconds:
                events.popleft()
            return Tally(len(events), now - events[0], now - events[-1]) if events else NONE

    def clear(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)

    def _forget_idle(self, now: float, seconds: float = 3600) -> None:
        if len(self._events) > 100_000:
            for stale in [k for k, v in self._events.items() if not v or v[-1] <= now - max(3600, seconds)]:
                del self._events[stale]


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
_TALLY_LUA = """
local now = tonumber(ARGV[1]); local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, now - window)
local count = redis.call('ZCARD', KEYS[1])
if count == 0 then return {0, '0', '0'} end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
return {count, tostring(now - tonumber(oldest[2])), tostring(now - tonumber(newest[2]))}
"""


class RedisWindow:
    """Windows shared by every process through Redis sorted sets."""

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=2)
        self._script = self._redis.register_script(_LUA)
        self._tally = self._redis.register_script(_TALLY_LUA)
        self._counter = 0

    def _member(self) -> str:
        self._counter += 1
        return f"{time.time_ns()}-{self._counter}-{id(self)}"

    def hit(self, key: str, limit: int, seconds: float) -> float:
        wait = float(self._script(keys=["majlis:rl:" + key], args=[time.time(), seconds, limit, self._member()]))
        return max(0.0, wait) and max(0.001, wait)

    def add(self, key: str, seconds: float) -> None:
        with self._redis.pipeline() as pipe:
            pipe.zadd("majlis:rl:" + key, {self._member(): time.time()})
            pipe.pexpire("majlis:rl:" + key, math.ceil(seconds * 1000))
            pipe.execute()

    def tally(self, key: str, seconds: float) -> Tally:
        count, oldest, newest = self._tally(keys=["majlis:rl:" + key], args=[time.time(), seconds])
        return Tally(int(count), float(oldest), float(newest))

    def clear(self, key: str) -> None:
        self._redis.delete("majlis:rl:" + key)


class RateLimiter:
    """Checks every configured limit for one event."""

    def __init__(self, limits: tuple[Limit, ...], window: Window, secret: bytes) -> None:
        self.limits = limits
        self.window = window
        self._secret = secret

    def _key(self, scope: str, value: str) -> str:
        return window_key(self._secret, scope, value)

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


def window_key(secret: bytes, scope: str, value: str) -> str:
    """The key of a window: a keyed hash, so no address or email is ever written to Redis."""
    return scope + ":" + hmac.new(secret, f"{scope}\x00{value}".encode(), hashlib.sha256).hexdigest()[:32]


def make_window(redis_url: str) -> Window:
    """Windows in Redis when a Redis URL is configured, else in this process."""
    return RedisWindow(redis_url) if redis_url else MemoryWindow()


def make_limiter(spec: str, redis_url: str, secret: bytes) -> RateLimiter:
    """The limiter for the settings: Redis-backed when a Redis URL is configured."""
    return RateLimiter(parse_limits(spec), make_window(redis_url), secret)
