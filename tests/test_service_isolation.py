"""Extraction in worker processes (issue 21, item 3): a document past its limit is killed at the deadline (504),
the server keeps answering meanwhile, and no worker outlives its request."""

from __future__ import annotations

import threading
import time

import psutil
from fastapi.testclient import TestClient

from jixiao.config import REPO_ROOT, Settings
from jixiao.service.app import create_app

EXAMPLE = (REPO_ROOT / "examples" / "self_evaluation_example.txt").read_text(encoding="utf-8")
RUNAWAY = "RUNAWAY\nnever finishes in the fake worker extractor"
FACTORY = "service_fakes:runaway_extractor"


def _settings(**kw) -> Settings:
    return Settings(**{"use_tagger": False, "workers_threads": 1, "request_timeout_s": 1.5, **kw})


def test_a_runaway_document_is_killed_at_its_deadline_and_health_answers_meanwhile():
    with TestClient(create_app(_settings(), worker_factory=FACTORY)) as c:
        workers = c.app.state.workers
        assert c.post("/v1/extract", json={"text": EXAMPLE, "mode": "parser"}).status_code == 200
        first = workers.pids
        health: list[float] = []
        done = threading.Event()

        def probe():
            while not done.is_set():
                begin = time.perf_counter()
                assert c.get("/healthz").status_code == 200
                health.append(time.perf_counter() - begin)
                time.sleep(0.05)

        prober = threading.Thread(target=probe)
        prober.start()
        begin = time.perf_counter()
        r = c.post("/v1/extract", json={"text": RUNAWAY, "mode": "parser"})
        elapsed = time.perf_counter() - begin
        done.set()
        prober.join()
        assert r.status_code == 504 and r.json()["code"] == "request.timeout", r.text
        assert elapsed < 10  # the limit is 1.5 s; a thread would run on forever
        assert health and max(health) < 5
        # the worker that ran it is gone, a fresh one took its place and serves the next request
        assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in first)
        assert c.post("/v1/extract", json={"text": EXAMPLE, "mode": "parser"}).status_code == 200
        pids = workers.pids
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in pids)


def test_typed_errors_come_back_from_the_worker():
    with TestClient(create_app(_settings(request_timeout_s=30))) as c:
        r = c.post("/v1/extract", files={"file": ("a.docx", b"PK\x03\x04broken", "application/octet-stream")})
        assert r.status_code == 400 and r.json()["code"] == "input.unreadable", r.text
        r = c.post("/v1/extract/batch", json={"documents": [{"text": EXAMPLE, "mode": "parser"}, {"text": "  "}]})
        assert [item["ok"] for item in r.json()["results"]] == [True, False]


def test_a_worker_over_its_memory_limit_is_a_typed_error():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "data"))
    import bomb_files as bombs

    data = bombs.docx_paragraphs(400_000, "项")  # ~350 MB to load, under the XML limit
    with TestClient(create_app(_settings(request_timeout_s=60, worker_memory_mb=300, max_zip_ratio=1e9))) as c:
        r = c.post("/v1/extract", files={"file": ("big.docx", data, "application/octet-stream")})
        assert r.status_code == 413 and r.json()["code"] == "input.memory_limit", r.text
        assert "JIXIAO_WORKER_MEMORY_MB" in r.json()["detail"]
        assert c.post("/v1/extract", json={"text": EXAMPLE, "mode": "parser"}).status_code == 200


def _job_finished(client, location: str) -> dict:
    for _ in range(1000):  # bounded polling, not a timed assertion
        status = client.get(location).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.02)
    raise AssertionError(f"job did not finish: {status}")


def test_a_runaway_job_document_is_killed_at_the_job_deadline_and_shutdown_leaves_no_worker():
    with TestClient(create_app(_settings(job_timeout_s=1.5), worker_factory=FACTORY)) as c:
        r = c.post("/v1/jobs", json={"documents": [{"text": RUNAWAY, "mode": "parser"}, {"text": EXAMPLE, "mode": "parser"}]})
        status = _job_finished(c, r.headers["location"])
        results = c.get(status["result"]).json()["results"]
        assert [x["error"]["code"] for x in results] == ["request.timeout", "request.timeout"]
        assert "JIXIAO_JOB_TIMEOUT_S" in results[0]["error"]["detail"]
        # the next job gets its worker back (a fresh one, loading while the machine may be busy: not under 1.5 s)
        c.app.state.settings.job_timeout_s = 600
        ok = c.post("/v1/jobs", json={"text": EXAMPLE, "mode": "parser"})
        assert _job_finished(c, ok.headers["location"])["status"] == "done"
        # a job still running when the server stops: its worker is killed, and no replacement is started
        c.post("/v1/jobs", json={"text": RUNAWAY, "mode": "parser"})
        for _ in range(500):
            if any(j.status == "running" for j in c.app.state.jobs.jobs.values()):
                break
            time.sleep(0.02)
        workers = c.app.state.workers
        pids = workers.pids
    assert all(w.closed and not w.alive() for w in workers.all)
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in pids)


def test_deleting_a_running_job_kills_its_worker_process_and_frees_the_slot():
    with TestClient(create_app(_settings(job_timeout_s=600), worker_factory=FACTORY)) as c:
        workers = c.app.state.workers
        r = c.post("/v1/jobs", json={"text": RUNAWAY, "mode": "parser"})
        for _ in range(500):
            if c.get(r.headers["location"]).json()["status"] == "running" and workers.limiter.borrowed_tokens:
                break
            time.sleep(0.02)
        busy = workers.pids
        time.sleep(0.3)  # the document is in the worker process
        begin = time.perf_counter()
        cancelled = c.delete(r.headers["location"])
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
        ok = c.post("/v1/jobs", json={"text": EXAMPLE, "mode": "parser"})
        assert _job_finished(c, ok.headers["location"])["status"] == "done"
        assert time.perf_counter() - begin < 60  # the runaway holds its worker for the job's 600 s unless killed
        assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in busy)
        assert c.get(r.json()["result"]).json()["code"] == "job.cancelled"
