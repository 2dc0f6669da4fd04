"""Prometheus metrics in a per-app registry (several apps may live in one process, e.g. in tests).

With several worker processes (``jixiao serve --workers N``) each process's counters live in its own
memory, so a scrape would see one random worker. prometheus_client's multiprocess mode fixes that: when
``PROMETHEUS_MULTIPROC_DIR`` is set (``jixiao serve`` sets it for N > 1), every process writes its values
to files there and ``/metrics`` sums them over the processes.
"""

from __future__ import annotations

import os

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # prometheus_client reads this name itself, at import

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
        self.in_flight = Gauge("jixiao_http_requests_in_flight", "Requests being served.", registry=self.registry,
                               multiprocess_mode="livesum")
        self.documents = Counter(
            "jixiao_documents_total", "Documents processed, by source format and outcome (ok or error).",
            ["format", "outcome"], registry=self.registry,
        )
        self.errors = Counter(
            "jixiao_errors_total", "Problems returned, by problem code.", ["code"], registry=self.registry,
        )
        self.jobs = Counter(
            "jixiao_jobs_total", "Asynchronous jobs by status: accepted, rejected (store full), done, failed, cancelled, "
            "expired.", ["status"], registry=self.registry,
        )
        self.extract_seconds = Histogram(
            "jixiao_extract_duration_seconds", "Time spent loading and extracting one document (worker thread).",
            buckets=_LATENCY_BUCKETS, registry=self.registry,
        )

    def render(self) -> bytes:
        if os.environ.get(MULTIPROC_ENV):
            merged = CollectorRegistry()
            multiprocess.MultiProcessCollector(merged)
            return generate_latest(merged)
        return generate_latest(self.registry)

    @staticmethod
    def process_exited(pid: int) -> None:
        """Drop a finished worker's live gauges from the shared files (its counters stay summed)."""
        if os.environ.get(MULTIPROC_ENV):
            multiprocess.mark_process_dead(pid)
