"""The durable job store (``JIXIAO_JOBS_DIR``), listing and idempotency keys of ``/v1/jobs``.

A restart is a second app built on the same jobs folder after the first one's lifespan has ended (its shutdown stops
a running job as a crash would: nothing more is written for it).
"""

from __future__ import annotations

import sqlite3
import threading
import time

from fastapi.testclient import TestClient
from service_fakes import FakeExtractor
from test_service_jobs import TEXT, FakeClock, _finished, _problem, _started

from jixiao.config import Settings
from jixiao.service.app import create_app
from jixiao.service.jobs import MAX_ATTEMPTS


def _app(tmp_path, extractor=None, **kw):
    return create_app(Settings(jobs_dir=tmp_path / "jobs", **kw), extractor=extractor or FakeExtractor())


class BlockOn(FakeExtractor):
    """Blocks (checking its deadline) on the documents whose text starts with ``prefix``; reads the others."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix, self.blocked = prefix, threading.Event()

    def extract(self, doc, mode="combined", deadline=None):
        if doc.text.startswith(self.prefix):
            self.blocked.set()
            for _ in range(500):
                deadline.check("the next stage")
                time.sleep(0.02)
        return super().extract(doc, mode)


def _inputs(tmp_path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "jobs" / "inputs").iterdir())


def test_finished_jobs_survive_a_restart_and_expire_with_their_rows(tmp_path):
    clock = FakeClock()
    settings = Settings(jobs_dir=tmp_path / "jobs", job_ttl_s=60)
    with TestClient(create_app(settings, extractor=FakeExtractor(), clock=clock)) as c:
        one = c.post("/v1/jobs", files={"file": ("报告.txt", TEXT.encode())})
        batch = c.post("/v1/jobs", json={"documents": [{"text": TEXT, "doc_id": "a"}, {"text": "REJECT", "doc_id": "b"}]})
        first = _finished(c, one.headers["location"])
        _finished(c, batch.headers["location"])
        record = c.get(first["result"]).json()
        assert _inputs(tmp_path) == []  # a finished job's inputs are dropped
    db = tmp_path / "jobs" / "jobs.sqlite3"
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    with TestClient(create_app(settings, extractor=FakeExtractor(), clock=clock)) as c:
        again = c.get(one.headers["location"]).json()
        assert again == first
        assert c.get(first["result"]).json() == record
        results = c.get(batch.json()["result"]).json()["results"]
        assert [(x["doc_id"], x["ok"]) for x in results] == [("a", True), ("b", False)]
        assert results[1]["error"]["code"] == "input.invalid"
        clock.advance(60)
        _problem(c.get(one.headers["location"]), 410, "job.expired")
    # expired: purged from the file; a third start (or another process) still answers job.expired, not not_found
    assert sqlite3.connect(db).execute("SELECT count(*) FROM jobs").fetchone()[0] == 0
    with TestClient(create_app(settings, extractor=FakeExtractor(), clock=clock)) as c:
        _problem(c.get(batch.headers["location"]), 410, "job.expired")


def test_queued_and_running_jobs_run_again_after_a_restart(tmp_path):
    blocked = BlockOn("second")
    with TestClient(_app(tmp_path, blocked, workers_threads=2)) as c:
        running = c.post("/v1/jobs", json={"documents": [{"text": TEXT, "doc_id": "a"}, {"text": "second", "doc_id": "b"}]})
        queued = c.post("/v1/jobs", files={"file": ("q.txt", "排队\n".encode())})
        assert blocked.blocked.wait(10)  # the first document done, the second blocked
        assert c.get(running.headers["location"]).json()["progress"]["done"] == 1
        assert c.get(queued.headers["location"]).json()["status"] == "queued"
        assert _inputs(tmp_path) == sorted([running.json()["id"], queued.json()["id"]])
    # stopped mid-job (as by a crash): both are run again by the next start, from the first document without a result
    fresh = FakeExtractor()
    with TestClient(_app(tmp_path, fresh, workers_threads=2)) as c:
        status = _finished(c, running.headers["location"])
        assert status["status"] == "done" and status["progress"]["succeeded"] == 2
        assert [x["doc_id"] for x in c.get(status["result"]).json()["results"]] == ["a", "b"]
        assert _finished(c, queued.headers["location"])["status"] == "done"
        assert c.get(queued.json()["result"]).json()["projects"][0]["name"] == "排队"  # the upload's bytes, kept
        assert sorted(doc.text.strip() for doc, _ in fresh.seen) == ["second", "排队"]  # "a" was not run again
        assert _inputs(tmp_path) == []


def test_a_job_that_keeps_stopping_the_service_is_not_run_forever(tmp_path):
    for _ in range(MAX_ATTEMPTS):
        fake = BlockOn("poison")
        with TestClient(_app(tmp_path, fake)) as c:
            if not c.get("/v1/jobs").json()["jobs"]:
                job = c.post("/v1/jobs", json={"text": "poison"})
            assert fake.blocked.wait(10)
    with TestClient(_app(tmp_path, FakeExtractor())) as c:
        status = _finished(c, job.headers["location"])
        assert status["status"] == "failed" and status["error"]["code"] == "server.error"
        assert f"{MAX_ATTEMPTS} times" in status["error"]["detail"]


def test_listing_is_newest_first_with_a_status_filter_and_a_cursor(tmp_path):
    with TestClient(_app(tmp_path)) as c:
        ids = []
        for i in range(5):
            r = c.post("/v1/jobs", json={"text": TEXT if i != 2 else "REJECT"})
            ids.append(r.json()["id"])
            _finished(c, r.headers["location"])
        page = c.get("/v1/jobs", params={"limit": 2}).json()
        assert [j["id"] for j in page["jobs"]] == ids[:2:-1] == [ids[4], ids[3]]
        seen = [j["id"] for j in page["jobs"]]
        while page["next_cursor"]:
            page = c.get("/v1/jobs", params={"limit": 2, "cursor": page["next_cursor"]}).json()
            seen += [j["id"] for j in page["jobs"]]
        assert seen == ids[::-1]
        failed = c.get("/v1/jobs", params={"status": "failed"}).json()
        assert [j["id"] for j in failed["jobs"]] == [ids[2]] and failed["next_cursor"] is None
        _problem(c.get("/v1/jobs", params={"status": "lost"}), 422, "request.validation")
        _problem(c.get("/v1/jobs", params={"limit": 0}), 422, "request.validation")
        _problem(c.get("/v1/jobs", params={"cursor": "not-a-cursor"}), 422, "request.validation")
    # the order and the cursors hold across a restart
    with TestClient(_app(tmp_path)) as c:
        new = c.post("/v1/jobs", json={"text": TEXT}).json()["id"]
        assert [j["id"] for j in c.get("/v1/jobs").json()["jobs"]] == [new, *ids[::-1]]


def test_listing_shows_each_token_its_own_jobs():
    with TestClient(create_app(Settings(auth_tokens=["one", "two"]), extractor=FakeExtractor())) as c:
        mine = c.post("/v1/jobs", json={"text": TEXT}, headers={"Authorization": "Bearer one"}).json()["id"]
        c.post("/v1/jobs", json={"text": TEXT}, headers={"Authorization": "Bearer two"})
        listed = c.get("/v1/jobs", headers={"Authorization": "Bearer one"}).json()["jobs"]
        assert [j["id"] for j in listed] == [mine]


def test_an_idempotency_key_answers_the_first_job_and_refuses_other_documents(tmp_path):
    key = {"Idempotency-Key": "8c1f-retry-after-timeout"}
    with TestClient(_app(tmp_path)) as c:
        first = c.post("/v1/jobs", files={"file": ("a.txt", TEXT.encode())}, data={"mode": "parser"}, headers=key)
        assert first.status_code == 202 and "idempotent-replayed" not in first.headers
        # the retry: a new multipart boundary, the same documents
        again = c.post("/v1/jobs", files={"file": ("a.txt", TEXT.encode())}, data={"mode": "parser"}, headers=key)
        assert again.status_code == 202 and again.json()["id"] == first.json()["id"]
        assert again.headers["location"] == first.headers["location"] and again.headers["idempotent-replayed"] == "true"
        other = c.post("/v1/jobs", files={"file": ("a.txt", b"other\n")}, data={"mode": "parser"}, headers=key)
        assert "other documents" in _problem(other, 409, "job.idempotency_conflict")["detail"]
        assert len(c.get("/v1/jobs").json()["jobs"]) == 1
        # without a key, or with another, a new job
        assert c.post("/v1/jobs", files={"file": ("a.txt", TEXT.encode())}, data={"mode": "parser"}).json()["id"] != first.json()["id"]
        _problem(c.post("/v1/jobs", json={"text": TEXT}, headers={"Idempotency-Key": "x" * 256}), 422, "request.validation")
    with TestClient(_app(tmp_path)) as c:  # the key is stored with its job
        replay = c.post("/v1/jobs", files={"file": ("a.txt", TEXT.encode())}, data={"mode": "parser"}, headers=key)
        assert replay.json()["id"] == first.json()["id"] and replay.json()["status"] == "done"


def test_an_idempotent_retry_is_answered_when_the_store_is_full():
    key = {"Idempotency-Key": "k1"}
    with TestClient(create_app(Settings(max_jobs=1), extractor=FakeExtractor())) as c:
        first = c.post("/v1/jobs", json={"text": TEXT}, headers=key)
        assert c.post("/v1/jobs", json={"text": TEXT}, headers=key).json()["id"] == first.json()["id"]
        _problem(c.post("/v1/jobs", json={"text": TEXT}), 429, "job.queue_full")


def test_cancel_of_a_running_job_is_durable_and_frees_the_slot(tmp_path):
    gate = threading.Event()
    fake = FakeExtractor(gate=gate, poll=True)
    with TestClient(_app(tmp_path, fake, workers_threads=1)) as c:
        slow = c.post("/v1/jobs", json={"text": "slow"})
        _started(fake)
        assert c.delete(slow.headers["location"]).json()["status"] == "cancelled"
        assert fake.finished.wait(5) and "cancelled" in str(fake.outcome)
        gate.set()
        after = c.post("/v1/jobs", json={"text": TEXT})
        assert _finished(c, after.headers["location"])["status"] == "done"
        assert _inputs(tmp_path) == []
    with TestClient(_app(tmp_path)) as c:
        assert c.get(slow.headers["location"]).json()["status"] == "cancelled"
        _problem(c.get(slow.json()["result"]), 409, "job.cancelled")


def test_openapi_describes_listing_and_idempotency():
    with TestClient(create_app(Settings(), extractor=FakeExtractor())) as c:
        spec = c.get("/openapi.json").json()
    listing = spec["paths"]["/v1/jobs"]["get"]
    assert listing["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/JobList"}
    assert {p["name"] for p in listing["parameters"]} == {"status", "limit", "cursor"}
    submit = spec["paths"]["/v1/jobs"]["post"]
    assert "Idempotency-Key" in {p["name"] for p in submit["parameters"]}
    assert "job.idempotency_conflict" in submit["responses"]["409"]["content"]["application/problem+json"]["examples"]
    assert "cancelled" in spec["components"]["schemas"]["JobStatus"]["properties"]["status"]["enum"]
    assert "200" in spec["paths"]["/v1/jobs/{job_id}"]["delete"]["responses"]


def test_a_store_that_cannot_take_the_job_is_a_typed_503_and_no_job(tmp_path, monkeypatch):
    from jixiao.service.job_db import JobDB

    def full(self, job_id, documents):
        raise OSError(28, "No space left on device")

    with TestClient(_app(tmp_path)) as c:
        monkeypatch.setattr(JobDB, "save_inputs", full)
        body = _problem(c.post("/v1/jobs", json={"text": TEXT}), 503, "job.store_unavailable")
        assert "No space left" in body["detail"]
        assert c.get("/v1/jobs").json()["jobs"] == [] and _inputs(tmp_path) == []
