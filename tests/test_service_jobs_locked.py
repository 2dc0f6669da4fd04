"""A jobs folder whose database another process holds locked past the busy timeout (bug bash s15): a DELETE is
only answered 204 once the store took it; otherwise 503 job.store_unavailable and the job is as it was."""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from test_service_jobs import TEXT, _finished, _started
from test_service_jobs_shared import _app, _gated

from jixiao.service import job_db


@pytest.fixture(autouse=True)
def _short_busy_timeout(monkeypatch):
    monkeypatch.setattr(job_db, "BUSY_TIMEOUT_MS", 50)


@contextmanager
def _locked(tmp_path):
    """Another process's write transaction on the jobs database (readers go on: WAL)."""
    other = sqlite3.connect(tmp_path / "jobs" / job_db.DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_deleting_a_finished_job_while_the_store_is_locked_answers_503_and_keeps_it(tmp_path):
    with TestClient(_app(tmp_path)) as client:
        location = client.post("/v1/jobs", json={"documents": [{"text": TEXT}]}).headers["location"]
        _finished(client, location)
        with _locked(tmp_path):
            answer = client.delete(location)
        assert answer.status_code == 503 and answer.json()["code"] == "job.store_unavailable"  # was 204, row kept
        assert client.get(location).json()["status"] == "done"
        assert client.delete(location).status_code == 204
        assert client.get(location).status_code in (404, 410)


def test_cancelling_a_running_job_while_the_store_is_locked_answers_503_and_the_job_runs_on(tmp_path):
    gate, fake = _gated()
    with TestClient(_app(tmp_path, fake)) as client:
        location = client.post("/v1/jobs", json={"documents": [{"text": "slow"}, {"text": TEXT}]}).headers["location"]
        _started(fake, 1)
        with _locked(tmp_path):
            answer = client.delete(location)
        assert answer.status_code == 503 and answer.json()["code"] == "job.store_unavailable"
        gate.set()
        done = _finished(client, location)  # was: cancelled in memory, the row left running under a live lease
        assert done["status"] == "done" and done["progress"]["succeeded"] == 2


def test_a_job_deleted_elsewhere_between_its_start_and_reading_its_input_stops_quietly(tmp_path, caplog):
    # two processes racing (bug bash s15): B's DELETE dropped the inputs A was about to read; A logged "job failed"
    # with a FileNotFoundError and filled the job with internal errors (refused by the store, but noise)
    with TestClient(_app(tmp_path)) as a, TestClient(_app(tmp_path)) as b:
        store = a.app.state.jobs
        load_input = store.db.load_input

        def deleted_first(job_id, index, meta):
            b.portal.call(b.app.state.jobs.cancel, job_id)
            return load_input(job_id, index, meta)

        store.db.load_input = deleted_first
        location = a.post("/v1/jobs", json={"documents": [{"text": TEXT}]}).headers["location"]
        for _ in range(500):
            if b.get(location).json()["status"] == "cancelled" and not store.jobs:
                break
            time.sleep(0.01)
        assert b.get(location).json()["status"] == "cancelled" and not store.jobs
        assert "job failed" not in caplog.text
