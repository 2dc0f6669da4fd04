"""Asynchronous jobs (``/v1/jobs``) through FastAPI's TestClient, with the injected fake extractor."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from service_fakes import FakeExtractor

from jixiao.config import Settings
from jixiao.service.app import create_app

PROBLEM = "application/problem+json"
TEXT = "2024年城乡居民养老代办员补助\t项目名称\n产出指标\t数量指标\t村数\t=308人\n"
UNKNOWN = "0" * 32


class FakeClock:
    """The job store's clock, moved by hand: expiry without sleeping."""

    def __init__(self):
        self.now = datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["code"] == code and body["type"] == f"https://jixiao.dev/problems/{code}"
    return body


def _finished(client, location: str) -> dict:
    """Poll until the job has finished (a bounded number of polls, not a timed assertion)."""
    for _ in range(500):
        status = client.get(location).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.02)
    raise AssertionError(f"job did not finish: {status}")


def _started(fake: FakeExtractor, count: int = 1) -> None:
    for _ in range(500):
        if len(fake.seen) >= count:
            return
        time.sleep(0.01)
    raise AssertionError("the extractor was not reached")


def test_submit_poll_and_read_the_record():
    fake = FakeExtractor()
    with TestClient(create_app(Settings(), extractor=fake)) as c:
        r = c.post("/v1/jobs", json={"text": TEXT, "doc_id": "d1", "mode": "parser"})
        assert r.status_code == 202, r.text
        job = r.json()
        assert r.headers["location"] == f"/v1/jobs/{job['id']}" and job["result"] == f"/v1/jobs/{job['id']}/result"
        assert job["batch"] is False and job["progress"]["total"] == 1
        if job["status"] != "done":
            assert r.headers["retry-after"] == "2"
        status = _finished(c, r.headers["location"])
        assert status["status"] == "done" and status["error"] is None
        assert status["progress"] == {"total": 1, "done": 1, "succeeded": 1, "failed": 0}
        assert status["created_at"] <= status["started_at"] <= status["finished_at"] < status["expires_at"]
        result = c.get(job["result"])
        assert result.status_code == 200
        record = result.json()
        assert record["doc_id"] == "d1" and record["meta"]["mode"] == "parser"
        assert record == c.post("/v1/extract", json={"text": TEXT, "doc_id": "d1", "mode": "parser"}).json()
        # the store keeps no input once the job has finished
        assert c.app.state.jobs.jobs[job["id"]].inputs == []
        assert 'jixiao_jobs_total{status="done"} 1.0' in c.get("/metrics").text


def test_a_failing_document_gets_its_problem_and_the_others_their_records():
    with TestClient(create_app(Settings(), extractor=FakeExtractor())) as c:
        r = c.post("/v1/jobs", files=[("files", ("a.txt", TEXT.encode())), ("files", ("b.txt", b"REJECT\n")),
                                      ("files", ("c.txt", TEXT.encode()))])
        assert r.status_code == 202 and r.json()["batch"] is True
        status = _finished(c, r.headers["location"])
        assert status["status"] == "done"
        assert status["progress"] == {"total": 3, "done": 3, "succeeded": 2, "failed": 1}
        body = c.get(status["result"]).json()
        assert [(x["index"], x["ok"]) for x in body["results"]] == [(0, True), (1, False), (2, True)]
        assert all((x["record"] is None) != (x["error"] is None) for x in body["results"])
        assert body["results"][1]["error"]["code"] == "input.invalid" and body["results"][1]["doc_id"] == "b"
        assert body["succeeded"] == 2 and body["failed"] == 1

        # one document that fails: the job failed, its result is the problem /v1/extract would have answered
        one = c.post("/v1/jobs", json={"text": "REJECT", "doc_id": "x"})
        status = _finished(c, one.headers["location"])
        assert status["status"] == "failed" and status["error"]["code"] == "input.invalid"
        _problem(c.get(status["result"]), 400, "input.invalid")


def test_unknown_jobs_are_not_found():
    with TestClient(create_app(Settings(), extractor=FakeExtractor())) as c:
        for response in (c.get(f"/v1/jobs/{UNKNOWN}"), c.get(f"/v1/jobs/{UNKNOWN}/result"), c.delete(f"/v1/jobs/{UNKNOWN}")):
            assert "memory of the process" in _problem(response, 404, "job.not_found")["detail"]


def test_result_before_the_job_is_done():
    gate = threading.Event()
    fake = FakeExtractor(gate=gate)
    with TestClient(create_app(Settings(), extractor=fake)) as c:
        r = c.post("/v1/jobs", json={"documents": [{"text": TEXT}, {"text": TEXT}]})
        _started(fake)
        early = c.get(r.json()["result"])
        assert early.headers["retry-after"] == "2"
        assert "0 of 2 documents done" in _problem(early, 409, "job.not_done")["detail"]
        assert c.get(r.headers["location"]).json()["status"] == "running"
        gate.set()
        assert _finished(c, r.headers["location"])["progress"]["succeeded"] == 2
        assert c.get(r.json()["result"]).status_code == 200


def test_delete_cancels_running_and_queued_jobs():
    gate = threading.Event()
    fake = FakeExtractor(gate=gate, poll=True)
    # two worker threads: one job runs at a time, the other worker is left to the synchronous routes
    with TestClient(create_app(Settings(workers_threads=2), extractor=fake)) as c:
        running = c.post("/v1/jobs", json={"text": "running"})
        _started(fake)
        queued = c.post("/v1/jobs", json={"documents": [{"text": "queued", "doc_id": "q"}, {"text": TEXT}]})
        assert c.get(queued.headers["location"]).json()["status"] == "queued"
        cancelled = c.delete(queued.headers["location"])
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
        stopped = c.delete(running.headers["location"])
        assert stopped.status_code == 200 and stopped.json()["status"] == "cancelled"
        # the running document was told to stop: its thread stops at its next check although the gate stays shut
        assert fake.finished.wait(10) and "cancelled" in str(fake.outcome)
        # a cancelled job stays readable: its unfinished documents have job.cancelled
        status = c.get(running.headers["location"]).json()
        assert status["status"] == "cancelled" and status["error"]["code"] == "job.cancelled"
        _problem(c.get(running.json()["result"]), 409, "job.cancelled")
        batch = c.get(queued.json()["result"]).json()
        assert [(x["doc_id"], x["error"]["code"]) for x in batch["results"]] == [("q", "job.cancelled"), (None, "job.cancelled")]
        after = c.post("/v1/jobs", json={"text": "after"})
        gate.set()
        assert _finished(c, after.headers["location"])["status"] == "done"
        # the queued job never reached the extractor
        assert [doc.text for doc, _ in fake.seen] == ["running", "after"]
        assert 'jixiao_jobs_total{status="cancelled"} 2.0' in c.get("/metrics").text
        # a finished job is forgotten by DELETE
        assert c.delete(running.headers["location"]).status_code == 204
        _problem(c.get(running.headers["location"]), 404, "job.not_found")
        assert c.app.state.jobs.jobs.keys() == {after.json()["id"], queued.json()["id"]}


def test_a_finished_job_expires_after_its_ttl():
    clock = FakeClock()
    with TestClient(create_app(Settings(job_ttl_s=60), extractor=FakeExtractor(), clock=clock)) as c:
        r = c.post("/v1/jobs", json={"text": TEXT})
        status = _finished(c, r.headers["location"])
        assert status["expires_at"] == "2025-03-01T08:01:00Z"
        clock.advance(59)
        assert c.get(status["result"]).status_code == 200
        clock.advance(1)
        _problem(c.get(status["result"]), 410, "job.expired")
        _problem(c.get(r.headers["location"]), 410, "job.expired")
        assert c.app.state.jobs.jobs == {}
        assert 'jixiao_jobs_total{status="expired"} 1.0' in c.get("/metrics").text


def test_a_full_store_answers_429_with_retry_after():
    gate = threading.Event()
    fake = FakeExtractor(gate=gate)
    clock = FakeClock()
    with TestClient(create_app(Settings(max_jobs=1, job_ttl_s=300), extractor=fake, clock=clock)) as c:
        first = c.post("/v1/jobs", json={"text": "first"})
        assert first.status_code == 202
        full = c.post("/v1/jobs", files={"file": ("a.txt", b"second\n")})
        assert "JIXIAO_MAX_JOBS" in _problem(full, 429, "job.queue_full")["detail"]
        assert int(full.headers["retry-after"]) >= 1
        gate.set()
        status = _finished(c, first.headers["location"])
        # finished but unread: it keeps its place until its TTL, and Retry-After says when that is
        clock.advance(100)
        full = c.post("/v1/jobs", json={"text": "second"})
        _problem(full, 429, "job.queue_full")
        assert full.headers["retry-after"] == "200"
        # once read, it is the first to make room
        assert c.get(status["result"]).status_code == 200
        second = c.post("/v1/jobs", json={"text": "second"})
        assert second.status_code == 202
        _problem(c.get(first.headers["location"]), 410, "job.expired")
        assert _finished(c, second.headers["location"])["status"] == "done"
        assert 'jixiao_jobs_total{status="rejected"} 2.0' in c.get("/metrics").text


def test_documents_past_the_job_deadline_get_request_timeout():
    gate = threading.Event()
    fake = FakeExtractor(gate=gate)
    with TestClient(create_app(Settings(job_timeout_s=0.5, request_timeout_s=60), extractor=fake)) as c:
        r = c.post("/v1/jobs", json={"documents": [{"text": "slow", "doc_id": "a"}, {"text": TEXT, "doc_id": "b"}]})
        status = _finished(c, r.headers["location"])
        gate.set()
        assert status["status"] == "failed"
        assert status["progress"] == {"total": 2, "done": 2, "succeeded": 0, "failed": 2}
        results = c.get(status["result"]).json()["results"]
        assert [x["error"]["code"] for x in results] == ["request.timeout", "request.timeout"]
        assert all("JIXIAO_JOB_TIMEOUT_S" in x["error"]["detail"] for x in results)
        assert [doc.text for doc, _ in fake.seen] == ["slow"]  # the second never started


def test_jobs_need_the_bearer_token_like_every_route():
    with TestClient(create_app(Settings(auth_tokens=["s3cret"]), extractor=FakeExtractor())) as c:
        _problem(c.post("/v1/jobs", json={"text": TEXT}), 401, "auth.unauthorized")
        _problem(c.get(f"/v1/jobs/{UNKNOWN}"), 401, "auth.unauthorized")
        r = c.post("/v1/jobs", json={"text": TEXT}, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 202


@pytest.mark.parametrize("body", [{"text": ""}, {"documents": []}, {"text": TEXT, "extra": 1}])
def test_bad_submissions_are_refused_before_a_job_exists(body):
    with TestClient(create_app(Settings(), extractor=FakeExtractor())) as c:
        _problem(c.post("/v1/jobs", json=body), 422, "request.validation")
        assert c.app.state.jobs.jobs == {}


def test_openapi_describes_the_job_routes():
    with TestClient(create_app(Settings(), extractor=FakeExtractor())) as c:
        spec = c.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/v1/jobs", "/v1/jobs/{job_id}", "/v1/jobs/{job_id}/result"} <= paths.keys()
    submit = paths["/v1/jobs"]["post"]
    assert "202" in submit["responses"] and "429" in submit["responses"]
    assert "Location" in submit["responses"]["202"]["headers"]
    assert {"JobStatus", "JobProgress", "ExtractRequest", "BatchRequest"} <= spec["components"]["schemas"].keys()
    result = paths["/v1/jobs/{job_id}/result"]["get"]["responses"]
    assert {"404", "409", "410"} <= result.keys()
    assert "delete" in paths["/v1/jobs/{job_id}"]
