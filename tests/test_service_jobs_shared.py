"""Several server processes on one jobs folder (``JIXIAO_JOBS_DIR``): two apps on the same folder in this process
stand for two server processes (each has its own lease and lock file, as a process has); the real processes are in
``test_service_jobs_processes.py``. ``JIXIAO_JOB_HEARTBEAT_S`` is an hour here, so a watcher round runs at start-up
and then only when a test calls ``store.watch()``: no test waits for a beat."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from fastapi.testclient import TestClient
from service_fakes import FakeExtractor
from test_service_jobs import TEXT, FakeClock, _finished, _problem, _started

from jixiao.config import Settings
from jixiao.deadline import NO_DEADLINE
from jixiao.service.app import create_app
from jixiao.service.job_db import fingerprint
from jixiao.service.jobs import IdempotentReplay
from jixiao.service.routes_extract import Job

HOUR = 3600.0


def _app(tmp_path, extractor=None, clock=None, **kw):
    settings = Settings(jobs_dir=tmp_path / "jobs", job_heartbeat_s=HOUR, **kw)
    return create_app(settings, extractor=extractor or FakeExtractor(), clock=clock)


class GateOn(FakeExtractor):
    """Waits for the gate (checking its deadline) on documents starting "slow"; reads the others at once."""

    def extract(self, doc, mode="combined", deadline=NO_DEADLINE):
        if doc.text.startswith("slow"):
            return super().extract(doc, mode, deadline)
        self.seen.append((doc, mode))
        return FakeExtractor().extract(doc, mode)


def _gated():
    gate = threading.Event()
    return gate, GateOn(gate=gate, poll=True)


def test_another_app_answers_status_results_as_they_come_and_the_listing(tmp_path):
    gate, fake = _gated()
    with TestClient(_app(tmp_path, fake)) as a, TestClient(_app(tmp_path)) as b:
        job = a.post("/v1/jobs", json={"documents": [{"text": TEXT, "doc_id": "one"}, {"text": "slow", "doc_id": "two"}]})
        location = job.headers["location"]
        _started(fake, 2)  # the first document done, the second in the worker
        status = b.get(location).json()
        assert status["status"] == "running" and status["progress"] == {"total": 2, "done": 1, "succeeded": 1, "failed": 0}
        _problem(b.get(status["result"]), 409, "job.not_done")
        assert [j["id"] for j in b.get("/v1/jobs").json()["jobs"]] == [job.json()["id"]]
        gate.set()
        done = _finished(b, location)
        assert done["status"] == "done" and done == _finished(a, location)
        assert [x["doc_id"] for x in b.get(done["result"]).json()["results"]] == ["one", "two"]
        assert b.delete(location).status_code == 204  # forgotten through the other process
        _problem(a.get(location), 404, "job.not_found")


def test_a_delete_through_another_app_cancels_and_stops_the_worker_of_the_running_one(tmp_path):
    gate, fake = _gated()
    with TestClient(_app(tmp_path, fake, workers_threads=1)) as a, TestClient(_app(tmp_path)) as b:
        job = a.post("/v1/jobs", json={"text": "slow"})
        _started(fake)
        cancelled = b.delete(job.headers["location"])
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
        assert cancelled.json()["error"]["code"] == "job.cancelled"
        assert not fake.finished.is_set()  # the running process has not looked yet: it does at its next beat
        a.portal.call(a.app.state.jobs.watch)
        assert fake.finished.wait(5) and "cancelled" in str(fake.outcome)
        assert a.get(job.headers["location"]).json()["status"] == "cancelled"
        _problem(a.get(job.json()["result"]), 409, "job.cancelled")
        gate.set()
        after = a.post("/v1/jobs", json={"text": TEXT})  # its one worker was freed
        assert _finished(b, after.headers["location"])["status"] == "done"


def test_a_job_is_taken_over_only_when_its_process_is_gone(tmp_path):
    gate, fake = _gated()
    other = FakeExtractor()
    with TestClient(_app(tmp_path, other)) as b:
        with TestClient(_app(tmp_path, fake)) as a:
            job = a.post("/v1/jobs", json={"documents": [{"text": TEXT, "doc_id": "one"}, {"text": "slow", "doc_id": "two"}]})
            _started(fake, 2)
            b.portal.call(b.app.state.jobs.watch)
            assert other.seen == []  # its process lives and beats: two live processes never run one job
        # the first process stopped (as by a crash: its lock released, its job still running in the store)
        b.portal.call(b.app.state.jobs.watch)
        status = _finished(b, job.headers["location"])
        assert status["status"] == "done" and status["progress"]["succeeded"] == 2
        assert [doc.text.strip() for doc, _ in other.seen] == ["slow"]  # the document done was not run again
        gate.set()


def test_a_wedged_process_loses_its_lease_and_its_late_result_is_refused(tmp_path):
    gate, fake = _gated()
    other = FakeExtractor()
    with TestClient(_app(tmp_path, fake)) as a, TestClient(_app(tmp_path, other, job_lease_s=0.01)) as b:
        job = a.post("/v1/jobs", json={"text": "slow"})
        _started(fake)
        time.sleep(0.05)  # longer than b's lease threshold: a's heartbeat (an hour apart here) looks stale to b
        b.portal.call(b.app.state.jobs.watch)
        status = _finished(b, job.headers["location"])
        assert status["status"] == "done" and len(other.seen) == 1
        gate.set()  # a's worker comes back late: its write is refused, the job it lost is not its own any more
        assert fake.finished.wait(5)
        for _ in range(500):
            if job.json()["id"] not in a.app.state.jobs.jobs:
                break
            time.sleep(0.01)
        assert job.json()["id"] not in a.app.state.jobs.jobs
        db = sqlite3.connect(tmp_path / "jobs" / "jobs.sqlite3")
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == 1
        assert b.get(job.headers["location"]).json() == status


def test_an_idempotency_key_holds_across_apps_and_a_race_answers_the_first_job(tmp_path):
    key = {"Idempotency-Key": "retry-7"}
    with TestClient(_app(tmp_path)) as a, TestClient(_app(tmp_path)) as b:
        first = a.post("/v1/jobs", json={"text": TEXT}, headers=key)
        again = b.post("/v1/jobs", json={"text": TEXT}, headers=key)
        assert again.status_code == 202 and again.json()["id"] == first.json()["id"]
        assert again.headers["idempotent-replayed"] == "true"
        _problem(b.post("/v1/jobs", json={"text": "other"}, headers=key), 409, "job.idempotency_conflict")
        # the race: b's look-up found nothing, a took the key meanwhile; b's insert is refused by the database
        documents = [Job(doc_id="x", mode="combined", text=TEXT)]
        with pytest.raises(IdempotentReplay) as replay:
            b.portal.call(lambda: b.app.state.jobs.submit(documents, False, idem_key="retry-7",
                                                           idem_hash=fingerprint(documents, False)))
        assert replay.value.entry.id == first.json()["id"]
        assert len(a.get("/v1/jobs").json()["jobs"]) == 1


def test_purge_and_room_never_drop_a_live_job_of_another_app(tmp_path):
    gate, fake = _gated()
    clock = FakeClock()
    with TestClient(_app(tmp_path, fake, job_ttl_s=60, max_jobs=2)) as a, \
            TestClient(_app(tmp_path, clock=clock, job_ttl_s=60, max_jobs=2)) as b:
        running = a.post("/v1/jobs", json={"text": "slow"})
        _started(fake)
        finished = b.post("/v1/jobs", json={"text": TEXT})
        _finished(b, finished.headers["location"])
        _problem(b.post("/v1/jobs", json={"text": TEXT}), 429, "job.queue_full")  # the room is counted across apps
        clock.advance(3600)  # b's clock: every finished job long expired, a's running one is not finished
        _problem(b.get(finished.headers["location"]), 410, "job.expired")
        assert b.get(running.headers["location"]).json()["status"] == "running"
        gate.set()
        assert _finished(a, running.headers["location"])["status"] == "done"


def test_lock_files_of_crashed_processes_are_swept_and_a_live_one_is_kept(tmp_path):
    from jixiao.service.job_lease import OwnerLock, owner_alive, sweep_owners

    live = OwnerLock(tmp_path)
    crashed = tmp_path / "owners" / "4242-0123456789ab.lock"
    crashed.touch()  # a file whose process is gone: nobody holds its lock
    try:
        sweep_owners(tmp_path)
        assert not crashed.exists() and live.path.exists()
        assert owner_alive(tmp_path, live.lease) and not owner_alive(tmp_path, "4242-0123456789ab")
    finally:
        live.close()
    assert not owner_alive(tmp_path, live.lease) and not live.path.exists()
