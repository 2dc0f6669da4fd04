"""Prometheus metrics in a per-app registry (several apps may live in one process, e.g. in tests)."""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "jixiao_http_requests_total", "HTTP requests by route template, method and status.",
            ["method", "route", "status"], registry=self.registry,
        )
        self.latency = Histogram(
            "jixiao_http_request_duration_seconds", "HTTP request latency by route template.",
            ["method", "route"], buckets=_LATENCY_BUCKETS, registry=self.registry,
        )
        self.in_flight = Gauge("jixiao_http_requests_in_flight", "Requests being served.", registry=self.registry)
        self.documents = Counter(
            "jixiao_documents_total", "Documents processed, by source format and outcome (ok or error).",
            ["format", "outcome"], registry=self.registry,
        )
        self.errors = Counter(
            "jixiao_errors_total", "Problems returned, by problem code.", ["code"], registry=self.registry,
        )
        self.extract_seconds = Histogram(
            "jixiao_extract_duration_seconds", "Time spent loading and extracting one document (worker thread).",
            buckets=_LATENCY_BUCKETS, registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
