"""/metrics with several worker processes: values are summed over the processes, not one worker's."""

import os
import subprocess
import sys

WORKER = """
from jixiao.service.metrics import Metrics
m = Metrics()
m.documents.labels(format="text", outcome="ok").inc({n})
m.in_flight.inc()
"""
SCRAPE = """
import os, sys
from jixiao.service.metrics import Metrics
Metrics.process_exited(int(sys.argv[1]))
sys.stdout.write(Metrics().render().decode())
"""


def _python(code: str, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)


def test_metrics_are_summed_over_worker_processes(tmp_path):
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    first = subprocess.Popen([sys.executable, "-c", WORKER.format(n=2)], env=env)
    second = subprocess.Popen([sys.executable, "-c", WORKER.format(n=3)], env=env)
    assert first.wait(60) == 0 and second.wait(60) == 0
    text = _python(SCRAPE, env, str(second.pid)).stdout
    assert 'jixiao_documents_total{format="text",outcome="ok"} 5.0' in text
    # the gauge counts live processes only: the one marked as exited drops out
    assert "jixiao_http_requests_in_flight 1.0" in text


def test_one_process_keeps_its_own_registry():
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    code = WORKER.format(n=4) + "import sys; sys.stdout.write(m.render().decode())"
    assert 'jixiao_documents_total{format="text",outcome="ok"} 4.0' in _python(code, env).stdout
