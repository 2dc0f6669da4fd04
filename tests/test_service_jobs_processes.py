"""Two real server processes (uvicorn, on loopback ports) sharing one ``JIXIAO_JOBS_DIR``: a job accepted by one is
polled, listed, cancelled and read through the other, and when its process is killed the other takes it over. The
processes serve ``shared_jobs_server.app`` (a fake extractor gated by a file). Polls are bounded in number, not
timed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from test_service_jobs import TEXT
from test_service_server import _free_port

TESTS = Path(__file__).resolve().parent
POLL_S = 0.05
POLLS = 600  # 30 s of polls at most: far more than a loaded machine needs for a fake extraction


def _wait_for(check, what: str):
    for _ in range(POLLS):
        value = check()
        if value:
            return value
        time.sleep(POLL_S)
    raise AssertionError(f"never happened: {what}")


def _serve(tmp_path: Path, name: str):
    port = _free_port()
    env = {**os.environ, "JIXIAO_JOBS_DIR": str(tmp_path / "jobs"), "JIXIAO_JOB_HEARTBEAT_S": "0.1",
           "JIXIAO_TEST_GATE": str(tmp_path / "gate"), "JIXIAO_WORKERS_THREADS": "2",
           "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 - the process writes it for its life
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "shared_jobs_server:app", "--factory", "--host",
                                "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"

    def ready():
        if process.poll() is not None:
            pytest.fail(f"{name} exited: {(tmp_path / f'{name}.log').read_text()[-3000:]}")
        try:
            return httpx.get(f"{base}/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    _wait_for(ready, f"{name} ready")
    return process, httpx.Client(base_url=base, timeout=10)


@pytest.fixture
def two_servers(tmp_path):
    started = [_serve(tmp_path, "one"), _serve(tmp_path, "two")]
    try:
        yield started
    finally:
        for process, client in started:
            client.close()
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.mark.slow
def test_two_server_processes_share_polls_cancellations_and_takeovers(tmp_path, two_servers):
    (p1, one), (p2, two) = two_servers
    gate = tmp_path / "gate"
    gate.touch()
    # accepted by one, polled and listed through two: the first document's result is there before the job ends
    job = one.post("/v1/jobs", json={"documents": [{"text": TEXT, "doc_id": "a"}, {"text": "slow", "doc_id": "b"}]})
    location = job.headers["location"]
    running = _wait_for(lambda: (s := two.get(location).json())["progress"]["done"] == 1 and s, "progress seen by two")
    assert running["status"] == "running" and (tmp_path / f"started-{p1.pid}").exists()
    assert [j["id"] for j in two.get("/v1/jobs").json()["jobs"]] == [job.json()["id"]]
    # cancelled through two: one stops its worker at its next heartbeat
    cancelled = two.delete(location)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    _wait_for(lambda: (tmp_path / f"stopped-{p1.pid}").exists(), "one's worker stopped")
    assert one.get(location).json()["status"] == "cancelled"
    assert [x["ok"] for x in one.get(job.json()["result"]).json()["results"]] == [True, False]
    # accepted by two, read through one
    quick = two.post("/v1/jobs", json={"text": TEXT}).headers["location"]
    done = _wait_for(lambda: (s := one.get(quick).json())["status"] == "done" and s, "two's job done, seen by one")
    assert one.get(done["result"]).json()["projects"][0]["name"] == TEXT.split("\t")[0]
    # one is killed while it runs a job: two, alive, takes it over and runs it to its end
    crashed = one.post("/v1/jobs", json={"text": "slow"}).headers["location"]
    _wait_for(lambda: two.get(crashed).json()["status"] == "running", "the job running in one")
    p1.send_signal(signal.SIGKILL)
    p1.wait()
    _wait_for(lambda: (tmp_path / f"started-{p2.pid}").exists(), "two took the job over")
    gate.unlink()
    final = _wait_for(lambda: (s := two.get(crashed).json())["status"] in ("done", "failed") and s, "the job finished")
    assert final["status"] == "done" and final["progress"]["succeeded"] == 1
