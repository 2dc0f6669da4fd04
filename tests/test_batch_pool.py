"""The batch pool's scheduling and its forked workers (issue 20): the order the pool takes inputs in, and a worker
started from the preloaded forkserver keeps the guarantees of a spawned one (deadline kill, replacement)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from jixiao.config import Settings
from jixiao.errors import DeadlineExceeded
from jixiao.pipelines.batch import SCHEDULE_WINDOW, Batch, BatchOptions
from jixiao.pipelines.isolate import Job, WorkerProcess, preloaded_context, stop_forkserver

FACTORY = "service_fakes:runaway_extractor"
RUNAWAY = "RUNAWAY\nnever finishes in the fake worker extractor"


def _files(folder: Path, sizes: list[int]) -> list[Path]:
    paths = []
    for i, size in enumerate(sizes):
        path = folder / f"in{i:03d}.txt"
        path.write_text("项" * size, encoding="utf-8")
        paths.append(path)
    return paths


def test_several_workers_take_each_window_largest_first(tmp_path: Path):
    sizes = [random.Random(7).randint(1, 500) for _ in range(3 * SCHEDULE_WINDOW * 2 + 5)]
    paths = _files(tmp_path, sizes) + [tmp_path / "missing.txt"]  # a missing input is scheduled too (it fails, typed)
    settings = Settings(use_tagger=False)
    order = Batch(paths, BatchOptions(mode="parser", workers=2, output=tmp_path / "out"), settings).order()
    assert sorted(order) == list(range(len(paths)))  # every input exactly once
    window = SCHEDULE_WINDOW * 2
    for start in range(0, len(paths), window):
        chunk = order[start:start + window]
        assert sorted(chunk) == list(range(start, min(start + window, len(paths))))  # no input leaves its window
        taken = [paths[i].stat().st_size if paths[i].exists() else 0 for i in chunk]
        assert taken == sorted(taken, reverse=True)
    one = Batch(paths, BatchOptions(mode="parser", workers=1, output=tmp_path / "out"), settings).order()
    assert one == list(range(len(paths)))  # one worker: input order, results stream as they come


@pytest.mark.skipif(preloaded_context(False) is None, reason="no forkserver on this platform")
def test_a_forked_worker_is_killed_at_its_deadline_and_replaced(tmp_path: Path):
    stop_forkserver()  # a fresh server, started from this test's sys.path (the fake extractor's module)
    settings = Settings(use_tagger=False, workers_threads=1)
    worker = WorkerProcess(settings, load_tagger=False, factory=FACTORY, context=preloaded_context(False))
    try:
        assert worker.wait_ready(60)
        first = worker.pid
        with pytest.raises(DeadlineExceeded):
            worker.run(Job(mode="parser", text=RUNAWAY, doc_id="runaway"), 1.0)
        outcome = worker.run(Job(mode="parser", text="甲项目\n正文", doc_id="next"), 30.0)
        assert worker.pid != first  # the killed process was replaced, from the same server
        assert outcome.record is not None and outcome.record.projects[0].name == "甲项目"
    finally:
        worker.kill()
