"""Prometheus metrics at /metrics: requests and latencies by route, screening time, decisions by
actor, action and category, and the queue's depth (read from the database at each scrape, so every
process reports the shared queue)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import Scope

from majlis.storage import Store

CONVERTER = re.compile(r"\{(\w+):\w+\}")  # `{article:path}` is labelled `{article}`


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

    def observe(self, scope: Scope, status: int, seconds: float) -> None:
        """Count one finished request by its route template (never the raw path: labels stay few)."""
        route = scope.get("route")
        name = str(route.path) if route is not None and getattr(route, "path", None) else scope.get("majlis.route", "unmatched")
        name = CONVERTER.sub(r"{\1}", name)
        self.requests.labels(scope["method"], name, str(status)).inc()
        self.latency.labels(name).observe(seconds)

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)
