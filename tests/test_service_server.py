"""End to end: a real ``jixiao serve`` process on a loopback port, called over HTTP."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "bench" / "one_table.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    exe = shutil.which("jixiao")
    command = [exe] if exe else [sys.executable, "-m", "jixiao.cli"]
    log_path = tmp_path / "server.log"
    env = {**os.environ, "JIXIAO_AUTH_TOKENS": '["test-token"]', "JIXIAO_MAX_BODY_BYTES": "2000000"}
    with open(log_path, "w") as log:
        process = subprocess.Popen([*command, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                   stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"jixiao serve exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail(f"jixiao serve not ready in 180 s:\n{log_path.read_text()[-3000:]}")
        yield base, log_path
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_real_server_over_http(server):
    base, log_path = server
    auth = {"Authorization": "Bearer test-token"}
    assert httpx.get(f"{base}/healthz").json()["status"] == "ok"
    assert httpx.post(f"{base}/v1/extract", json={"text": "x"}).status_code == 401

    r = httpx.post(f"{base}/v1/extract", headers={**auth, "X-Request-ID": "e2e-1"}, timeout=120,
                   json={"text": DOCUMENT.read_text(encoding="utf-8"), "doc_id": "one_table"})
    assert r.status_code == 200, r.text
    assert r.headers["x-request-id"] == "e2e-1"
    record = r.json()
    assert record["doc_id"] == "one_table"
    names = [p["name"] for p in record["projects"]]
    assert "2023年城乡居民养老代办员补助" in names
    project = record["projects"][names.index("2023年城乡居民养老代办员补助")]
    assert any(ind["name"] == "村数" for ind in project["indicators"])

    upload = httpx.post(f"{base}/v1/extract", headers=auth, timeout=120,
                        files={"file": ("one_table.txt", DOCUMENT.read_bytes())})
    assert upload.status_code == 200 and upload.json()["doc_id"] == "one_table"

    too_big = httpx.post(f"{base}/v1/extract", headers=auth, content=b"x" * 3_000_000,
                         timeout=30)
    assert too_big.status_code == 413
    assert too_big.headers["content-type"].startswith("application/problem+json")

    metrics = httpx.get(f"{base}/metrics", headers=auth).text
    assert 'jixiao_http_requests_total{method="POST",route="/v1/extract",status="200"} 2.0' in metrics

    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    assert any(x.get("request_id") == "e2e-1" and x.get("status") == 200 for x in lines)
