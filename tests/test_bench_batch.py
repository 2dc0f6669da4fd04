"""`jixiao bench --batch`'s parts measure what they say (the numbers themselves are never asserted)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jixiao.config import REPO_ROOT, Settings
from jixiao.pipelines.bench_batch import build_batch, markdown, run_batch, BatchBench

EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"


def test_the_built_batch_has_distinct_inputs(tmp_path: Path):
    paths = build_batch([EXAMPLE], 5, tmp_path)
    assert len(paths) == 5 and len({hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}) == 5


def test_a_timed_run_reads_its_worker_memory_and_cpu(tmp_path: Path):
    paths = build_batch([EXAMPLE], 4, tmp_path)
    run = run_batch(paths, 1, Settings(), mode="parser", sample_every=2)
    assert run.files == 4 and run.errors == 0 and run.files_per_s > 0
    assert len(run.peak_rss_mib_per_worker) == 1 and run.peak_rss_mib_per_worker[0] > 10  # one worker process
    assert run.cpu_s_per_file and run.cpu_s_per_file > 0
    assert "| --workers 1 | 4 |" in markdown(BatchBench(machine="m", batch="b", runs=[run]))
