"""Load test for a running ``jixiao serve``: a bounded number of requests at a given concurrency.

    jixiao serve --port 8000 &
    python bench/load.py --url http://127.0.0.1:8000 --file bench/one_table.txt --requests 200 --concurrency 1 8 32

Reports, per concurrency, throughput (requests/s), latency p50/p95/p99 and the errors seen
(non-2xx statuses by problem code, transport failures), as a table and as JSON (``--out``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from collections import Counter
from pathlib import Path

import httpx
from rich.console import Console
from rich.progress import Progress
from rich.table import Table


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank-interpolated percentile (statistics.quantiles, inclusive method)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def build_request(path: Path, upload: bool) -> dict:
    data = path.read_bytes()
    if upload:
        return {"files": {"file": (path.name, data)}}
    return {"json": {"text": data.decode("utf-8"), "doc_id": path.stem, "source": path.name}}


async def run_level(client: httpx.AsyncClient, url: str, request: dict, total: int, concurrency: int,
                    timeout: float, headers: dict, progress: Progress) -> dict:
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)
    task = progress.add_task(f"c={concurrency}", total=total)

    async def worker() -> None:
        while True:
            try:
                queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            begin = time.perf_counter()
            try:
                response = await client.post(url, headers=headers, timeout=timeout, **request)
                elapsed = time.perf_counter() - begin
                if response.status_code == 200:
                    latencies.append(elapsed)
                else:
                    code = response.json().get("code", "?") if response.headers.get("content-type", "").startswith("application/problem+json") else "?"
                    errors[f"{response.status_code} {code}"] += 1
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1
            progress.advance(task)

    begin = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - begin
    ok = len(latencies)
    return {
        "concurrency": concurrency,
        "requests": total,
        "ok": ok,
        "errors": dict(errors),
        "wall_s": round(wall, 3),
        "throughput_rps": round(ok / wall, 2) if wall else 0.0,
        "p50_ms": round(percentile(latencies, 50) * 1000, 1) if ok else None,
        "p95_ms": round(percentile(latencies, 95) * 1000, 1) if ok else None,
        "p99_ms": round(percentile(latencies, 99) * 1000, 1) if ok else None,
    }


async def main_async(args: argparse.Namespace) -> list[dict]:
    url = args.url.rstrip("/") + "/v1/extract"
    headers = {"Authorization": f"Bearer {args.token}"} if args.token else {}
    request = build_request(Path(args.file), args.upload)
    limits = httpx.Limits(max_connections=max(args.concurrency), max_keepalive_connections=max(args.concurrency))
    results = []
    async with httpx.AsyncClient(limits=limits) as client:
        ready = await client.get(args.url.rstrip("/") + "/readyz", timeout=10)
        if ready.status_code != 200:
            raise SystemExit(f"server not ready: {ready.status_code} {ready.text}")
        for _ in range(args.warmup):
            await client.post(url, headers=headers, timeout=args.timeout, **request)
        with Progress(transient=True) as progress:
            for level in args.concurrency:
                results.append(await run_level(client, url, request, args.requests, level, args.timeout, headers, progress))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="base URL of a running server (loopback)")
    parser.add_argument("--file", default=str(Path(__file__).with_name("one_table.txt")), help="document to send")
    parser.add_argument("--upload", action="store_true", help="send the file as multipart instead of JSON text")
    parser.add_argument("--requests", type=int, default=200, help="requests per concurrency level (bounded)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="client timeout per request, seconds")
    parser.add_argument("--token", default=None, help="bearer token when the server requires one")
    parser.add_argument("--out", default=None, help="write the results as JSON here")
    args = parser.parse_args()

    results = asyncio.run(main_async(args))
    table = Table(title=f"POST /v1/extract  {Path(args.file).name}  ({args.requests} requests per level)")
    for column in ("concurrency", "ok", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"):
        table.add_column(column, justify="right")
    for r in results:
        table.add_row(str(r["concurrency"]), str(r["ok"]), str(r["throughput_rps"]), str(r["p50_ms"]),
                      str(r["p95_ms"]), str(r["p99_ms"]), json.dumps(r["errors"]) if r["errors"] else "none")
    Console().print(table)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
