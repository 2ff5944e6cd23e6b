"""Prometheus metrics at /metrics: requests and latencies by route, screening time, decisions by
actor, action and category, and the queue's depth (read from the database at each scrape, so every
process reports the shared queue)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from majlis.storage import Store


class QueueDepth(Collector):
    """Pending comments per site, read at scrape time."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily("majlis_queue_depth", "Comments waiting for a moderator", labels=["site"])
        try:
            slugs = {str(s.id): s.slug for s in self.store.list_sites()}
            for site_id, count in self.store.queue_counts(None)["site"].items():
                family.add_metric([slugs.get(site_id, site_id)], count)
        except Exception:  # noqa: BLE001 - a scrape must not fail because the database blinked
            pass
        yield family


class Metrics:
    """The metrics of one app (its own registry: many apps may live in one process)."""

    def __init__(self, store: Store) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("majlis_requests", "HTTP requests", ["method", "route", "status"], registry=self.registry)
        self.latency = Histogram("majlis_request_seconds", "HTTP request latency", ["route"], registry=self.registry,
                                 buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5))
        self.screen = Histogram("majlis_screen_seconds", "Time to screen one comment", registry=self.registry,
                                buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1))
        self.decisions = Counter("majlis_decisions", "Decisions made", ["actor", "action", "category"],
                                 registry=self.registry)
        self.registry.register(QueueDepth(store))

    def decided(self, actor: str, action: str, category: str | None) -> None:
        """Count one decision."""
        self.decisions.labels(actor, action, category or "").inc()

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)


class RequestMetrics:
    """ASGI middleware: counts requests and their latency by route template (never by raw path)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    @staticmethod
    def _route(scope: Scope) -> str:
        """The matched route's template (set in the scope by the router), so labels stay few."""
        route = scope.get("route")
        if route is not None and getattr(route, "path", None):
            return str(route.path)
        endpoint = scope.get("endpoint")
        return getattr(endpoint, "__name__", "unmatched") if endpoint else "unmatched"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = self._route(scope)
            self.metrics.requests.labels(scope["method"], route, str(status)).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - started)
