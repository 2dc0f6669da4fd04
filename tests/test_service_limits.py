"""Limits, auth and timeouts of the HTTP API."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient
from service_fakes import FakeExtractor

from jixiao.config import Settings
from jixiao.errors import DeadlineExceeded
from jixiao.service.app import create_app

PROBLEM = "application/problem+json"


def _code(response) -> str:
    assert response.headers["content-type"].startswith(PROBLEM), response.text
    return response.json()["code"]


def test_body_over_limit_by_content_length():
    with TestClient(create_app(Settings(max_body_bytes=1000), extractor=FakeExtractor())) as c:
        r = c.post("/v1/extract", json={"text": "x" * 2000})
        assert r.status_code == 413 and _code(r) == "request.too_large"
        assert "1000" in r.json()["detail"]
        assert c.post("/v1/extract", json={"text": "x" * 100}).status_code == 200


def test_body_limit_stops_reading_an_endless_stream():
    """At the ASGI level: the limit stops pulling chunks, so an unbounded body is never buffered."""
    import anyio

    from jixiao.service.middleware import BodyLimitMiddleware

    pulled = 0
    sent: list[dict] = []

    async def endless_receive():
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 100, "more_body": True}

    async def send(message):
        sent.append(message)

    async def reads_everything(scope, receive, send):
        while (await receive()).get("more_body"):
            pass

    scope = {"type": "http", "method": "POST", "path": "/v1/extract", "headers": []}
    anyio.run(BodyLimitMiddleware(reads_everything, limit=1000), scope, endless_receive, send)
    assert pulled == 11
    assert sent[0]["status"] == 413


def test_streamed_body_over_limit_is_counted_while_it_arrives():
    def chunks():
        for _ in range(50):
            yield b"x" * 100

    fake = FakeExtractor()
    with TestClient(create_app(Settings(max_body_bytes=1000), extractor=fake)) as c:
        # no Content-Length: chunked transfer
        for path in ("/v1/extract", "/v1/extract/batch", "/v1/map"):
            r = c.post(path, content=chunks(), headers={"content-type": "application/json"})
            assert r.status_code == 413 and _code(r) == "request.too_large", path
        files = {"file": ("big.txt", b"y" * 5000)}
        r = c.post("/v1/extract", files=files)
        assert r.status_code == 413
    assert not fake.seen


def test_file_over_input_limit():
    with TestClient(create_app(Settings(max_input_bytes=100), extractor=FakeExtractor())) as c:
        r = c.post("/v1/extract", files={"file": ("big.txt", "绩效".encode() * 100)})
        assert r.status_code == 413 and _code(r) == "input.too_large"


def test_text_over_character_limit():
    with TestClient(create_app(Settings(max_text_chars=50), extractor=FakeExtractor())) as c:
        r = c.post("/v1/extract", json={"text": "绩" * 51})
        assert r.status_code == 413 and _code(r) == "input.too_large"
        r = c.post("/v1/extract/batch", json={"documents": [{"text": "绩" * 51}, {"text": "ok"}]})
        assert [x["ok"] for x in r.json()["results"]] == [False, True]


def test_batch_over_limit():
    with TestClient(create_app(Settings(max_batch=2), extractor=FakeExtractor())) as c:
        r = c.post("/v1/extract/batch", json={"documents": [{"text": "a"}] * 3})
        assert r.status_code == 413 and _code(r) == "request.batch_too_large"
        files = [("files", (f"{i}.txt", b"a")) for i in range(3)]
        assert _code(c.post("/v1/extract/batch", files=files)) == "request.batch_too_large"


def test_bearer_auth_guards_everything_but_health():
    with TestClient(create_app(Settings(auth_tokens=["s3cret", "other"]), extractor=FakeExtractor())) as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/readyz").status_code == 200
        for method, path in [("post", "/v1/extract"), ("get", "/metrics"), ("get", "/openapi.json"),
                             ("get", "/v1/taxonomy/search?q=x")]:
            r = getattr(c, method)(path)
            assert r.status_code == 401 and _code(r) == "auth.unauthorized", path
            assert r.headers["www-authenticate"].startswith("Bearer")
        assert c.post("/v1/extract", json={"text": "a"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/v1/extract", json={"text": "a"}, headers={"Authorization": "Basic s3cret"}).status_code == 401
        for token in ("s3cret", "other"):
            assert c.post("/v1/extract", json={"text": "a"}, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        spec = c.get("/openapi.json", headers={"Authorization": "Bearer s3cret"}).json()
        assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
        assert "security" not in spec["paths"]["/healthz"]["get"]


def test_auth_tokens_from_environment(monkeypatch):
    monkeypatch.setenv("JIXIAO_AUTH_TOKENS", '["from-env"]')
    monkeypatch.setenv("JIXIAO_MAX_BATCH", "3")
    settings = Settings()
    assert settings.auth_tokens == ["from-env"] and settings.max_batch == 3


def test_timeout_is_504_and_health_answers_while_work_runs():
    gate = threading.Event()
    fake = FakeExtractor(gate=gate)
    with TestClient(create_app(Settings(request_timeout_s=1.0), extractor=fake)) as c:
        outcome = {}
        worker = threading.Thread(target=lambda: outcome.setdefault("r", c.post("/v1/extract", json={"text": "slow"})))
        worker.start()
        assert fake.started.wait(5)
        # the extraction is blocked in its worker thread; the event loop still answers
        assert c.get("/healthz").status_code == 200
        assert c.get("/readyz").status_code == 200
        worker.join(10)
        gate.set()
        r = outcome["r"]
        assert r.status_code == 504 and _code(r) == "request.timeout"
        assert 'jixiao_errors_total{code="request.timeout"} 1.0' in c.get("/metrics").text
        # the worker thread got the same deadline and stops at its next check instead of finishing the document
        assert fake.finished.wait(5)
        assert isinstance(fake.outcome, DeadlineExceeded)


def test_batch_deadline_marks_the_documents_it_did_not_reach():
    gate = threading.Event()
    with TestClient(create_app(Settings(request_timeout_s=0.5), extractor=FakeExtractor(gate=gate))) as c:
        r = c.post("/v1/extract/batch", json={"documents": [{"text": "a"}, {"text": "b"}]})
        gate.set()
    assert r.status_code == 200
    assert [x["error"]["code"] for x in r.json()["results"]] == ["request.timeout", "request.timeout"]


def test_metric_labels_come_from_fixed_sets_whatever_the_method_or_path():
    """Random methods and paths, unauthenticated: /metrics gains no series per method or path (issue 21)."""
    import random

    with TestClient(create_app(Settings(auth_tokens=["s3cret"]), extractor=FakeExtractor())) as c:
        auth = {"Authorization": "Bearer s3cret"}
        rng = random.Random(21)
        for i in range(300):
            method = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(3, 12)))
            c.request(method, f"/x{i}/{method}")
            c.request(method, "/v1/extract", headers=auth)
        c.get("/v1/extract/batch")
        text = c.get("/metrics", headers=auth).text
    lines = [line for line in text.splitlines() if line.startswith("jixiao_http_requests_total{")]
    methods = {line.split('method="')[1].split('"')[0] for line in lines}
    routes = {line.split('route="')[1].split('"')[0] for line in lines}
    assert methods <= {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "other"} and "other" in methods
    assert routes <= {"unauthenticated", "unmatched", "/v1/extract", "/metrics"} and "unauthenticated" in routes
    assert len(lines) < 10 and len(text) < 20_000


def test_the_thread_limiter_counts_running_work_not_waiting_requests():
    """Workers(1): after a 504 its thread still runs, so the next request waits for the slot (and times out)
    instead of starting a second thread beside it (issue 21, item 3)."""
    gate = threading.Event()
    fake = FakeExtractor(gate=gate)
    with TestClient(create_app(Settings(request_timeout_s=0.5, workers_threads=1), extractor=fake)) as c:
        first = c.post("/v1/extract", json={"text": "slow"})
        second = c.post("/v1/extract", json={"text": "slow"})
        assert first.status_code == 504 and second.status_code == 504
        assert "no worker was free" in second.json()["detail"]
        assert len(fake.seen) == 1  # one extraction ran, not two
        gate.set()
        assert fake.finished.wait(5)
        time.sleep(0.2)  # the finished thread hands its slot back on the event loop
        fake.gate = None
        assert c.post("/v1/extract", json={"text": "fast"}).status_code == 200
