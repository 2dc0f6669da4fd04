"""Where the batch pool's time goes, in numbers the machine's load does not change much: CPU seconds of the parent
and of each worker per file, the workers' idle time (waiting for a job, for the pipe, at the tail), start-up.

Usage: ``python bench/batch_breakdown.py [--files 200] [--workers 1 2] [--repeat 1]``; one JSON line per run on
stdout. The parent side is timed by wrapping ``batch._Isolated`` (this process only); the workers' CPU comes from
``/proc/<pid>/stat``, the parent's from ``getrusage(RUSAGE_SELF)``. Summing up (docs/decisions/batch.md):

- ``parent_cpu_ms_per_file``: the parent's CPU (all its threads) over the run, per file;
- ``worker_cpu_ms_per_file``: the workers' CPU, model load excluded (read when each is ready);
- ``start_cpu_s``: the CPU of all child processes (workers, a forkserver) less their per-file CPU: the pool's
  start-up, imports and model loads;
- ``start_s``: until every worker is ready (process start, imports, model load), per worker;
- ``job_ms``: mean wall of one job as the worker measures it (extract + write); ``rtt_ms``: as the parent waits
  for it (send, pipe, pickling, wake-ups, included); ``gap_ms``: mean time a worker sits between its answer and
  its next job (the parent's feeding thread: sha256, resume check, GIL);
- ``tail_s``: from the first worker running out of work to the last job's end (one worker idle meanwhile).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO.parent))


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rusage(who: int = resource.RUSAGE_SELF) -> float:
    ru = resource.getrusage(who)
    return ru.ru_utime + ru.ru_stime


def _stop_forkserver() -> None:
    """A run then starts its own forkserver (where the batch uses one) and its CPU is counted in RUSAGE_CHILDREN."""
    try:
        from jixiao.pipelines.isolate import stop_forkserver
    except ImportError:  # a version that spawns its workers
        return
    stop_forkserver()


def measure(paths: list[Path], workers: int, settings, mode: str = "combined") -> dict:
    from jixiao.pipelines import batch as batch_mod

    log: dict[str, list] = {}  # worker pid -> [(t_send, t_recv, worker seconds, cpu before, cpu after)]
    ready: dict[int, tuple[float, float]] = {}  # pid -> (seconds to ready, CPU s at ready)
    lock = threading.Lock()
    original_run = batch_mod._Isolated.run

    def run(self, job, timeout):
        pid = self.worker.pid
        if pid not in ready:
            t0 = time.perf_counter()
            self.worker.wait_ready(300)
            with lock:
                ready[pid] = (time.perf_counter() - t0 + (t0 - begin), _cpu_s(pid))
        c0, t0 = _cpu_s(pid), time.perf_counter()
        outcome = original_run(self, job, timeout)
        t1, c1 = time.perf_counter(), _cpu_s(pid)
        with lock:
            log.setdefault(pid, []).append((t0 - begin, t1 - begin, outcome.seconds, c0, c1))
        return outcome

    batch_mod._Isolated.run = run
    try:
        with tempfile.TemporaryDirectory(prefix="jixiao-breakdown-") as out:
            options = batch_mod.BatchOptions(mode=mode, workers=workers, output=Path(out), timeout=600.0)
            b = batch_mod.Batch(paths, options, settings)
            _stop_forkserver()
            load = os.getloadavg()[0]
            cpu0, children0, begin = _rusage(), _rusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            n = sum(1 for _ in b.run())
            wall = time.perf_counter() - begin
            parent_cpu = _rusage() - cpu0
            _stop_forkserver()
            children_cpu = _rusage(resource.RUSAGE_CHILDREN) - children0
    finally:
        batch_mod._Isolated.run = original_run
    jobs = [j for rows in log.values() for j in rows]
    last_ends = sorted(rows[-1][1] for rows in log.values())
    worker_cpu = sum(rows[-1][4] - ready[pid][1] for pid, rows in log.items())
    gaps = [b[0] - a[1] for rows in log.values() for a, b in zip(rows, rows[1:])]
    return {
        "workers": workers, "files": n, "load_before": round(load, 2), "wall_s": round(wall, 2),
        "files_per_s": round(n / wall, 2),
        "parent_cpu_ms_per_file": round(1000 * parent_cpu / n, 2),
        "worker_cpu_ms_per_file": round(1000 * worker_cpu / n, 2),
        "worker_load_cpu_s": [round(ready[p][1], 2) for p in ready],
        # every child's CPU (workers, forkserver): less the workers' per-file CPU, what starting the pool cost
        "start_cpu_s": round(children_cpu - worker_cpu, 2),
        "start_s": [round(ready[p][0], 2) for p in ready],
        "job_ms": round(1000 * sum(j[2] for j in jobs) / len(jobs), 2),
        "rtt_ms": round(1000 * sum(j[1] - j[0] for j in jobs) / len(jobs), 2),
        "gap_ms": round(1000 * sum(gaps) / max(1, len(gaps)), 2),
        "worker_busy_share": round(sum(j[2] for j in jobs) / (wall * len(log)), 3),
        "tail_s": round(last_ends[-1] - last_ends[0], 3),
        "jobs_per_worker": [len(rows) for rows in log.values()],
    }


def main() -> None:
    from jixiao.config import get_settings
    from jixiao.pipelines.bench_batch import build_batch

    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--mode", default="combined")
    args = ap.parse_args()
    settings = get_settings()
    sources = sorted(settings.seeds_root.glob("*.txt")) + sorted(settings.real_layouts_root.glob("rla*.txt"))
    with tempfile.TemporaryDirectory(prefix="jixiao-breakdown-in-") as tmp:
        paths = build_batch(sources, args.files, Path(tmp))
        for _ in range(args.repeat):
            for w in args.workers:
                print(json.dumps(measure(paths, w, settings, args.mode)), flush=True)


if __name__ == "__main__":
    main()
