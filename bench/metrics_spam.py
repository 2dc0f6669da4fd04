"""/metrics size under method-name spam (issue 21): starts ``jixiao serve`` on 127.0.0.1 with auth on and sends
N unauthenticated requests with random method names and paths, then reports the size and series count of
/metrics. Traffic goes to 127.0.0.1 only, bounded by --requests.

    python bench/metrics_spam.py --requests 10000
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import subprocess
import sys
import time


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    port = _free_port()
    env = {**os.environ, "JIXIAO_AUTH_TOKENS": "bench-token", "JIXIAO_USE_TAGGER": "false", "JIXIAO_LOG_LEVEL": "error"}
    server = subprocess.Popen([sys.executable, "-c", "from jixiao.cli import app; app()", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        rng = random.Random(args.seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        begin = time.perf_counter()
        for i in range(args.requests):
            method = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ_-") for _ in range(rng.randint(1, 24)))
            try:
                conn.request(method, f"/{method}/{i}")
                conn.getresponse().read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        elapsed = time.perf_counter() - begin
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/metrics", headers={"Authorization": "Bearer bench-token"})
        body = conn.getresponse().read().decode()
        series = sum(1 for line in body.splitlines() if line and not line.startswith("#"))
        print(f"{args.requests} requests in {elapsed:.1f} s; /metrics {len(body)} bytes, {series} series")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
