"""The batch pool's scheduling and its forked workers (issue 20): the order the pool takes inputs in, and a worker
started from the preloaded forkserver keeps the guarantees of a spawned one (deadline kill, replacement)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from jixiao.config import Settings
from jixiao.errors import DeadlineExceeded, JixiaoError
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


def test_a_native_bad_alloc_in_a_worker_is_the_memory_limit_error_and_the_worker_is_replaced():
    """onnxruntime (the tagger, the OCR engine) reports an allocation refused under RLIMIT_AS as its own
    RuntimeException naming std::bad_alloc: that is input.memory_limit (a rerun retries it), not an internal error."""
    settings = Settings(use_tagger=False, workers_threads=1)
    worker = WorkerProcess(settings, load_tagger=False, factory=FACTORY, memory_mb=4096)
    try:
        assert worker.wait_ready(60)
        first = worker.pid
        with pytest.raises(JixiaoError) as info:  # (a worker's typed error comes back as RemoteError, its code kept)
            worker.run(Job(mode="parser", text="BAD_ALLOC\n正文", doc_id="big"), 30.0)
        assert info.value.code == "input.memory_limit" and "4096 MB (limit worker_memory_mb, JIXIAO_WORKER_MEMORY_MB)" in info.value.message
        outcome = worker.run(Job(mode="parser", text="甲项目\n正文", doc_id="next"), 30.0)
        assert worker.pid != first and outcome.record.projects[0].name == "甲项目"
    finally:
        worker.kill()


def test_inputs_whose_outputs_were_renamed_apart_get_their_own_doc_ids(tmp_path: Path):
    """a/r.txt and b/r.txt (or r.txt and r.pdf) write r.json and r-2.json; their records and flat rows say r and
    r-2, so a pipeline keyed by doc_id does not join one's indicators to the other's projects."""
    text = "项目名称\t甲项目\n主管部门\t某局\n"
    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "r.txt")
        paths[-1].write_text(text + folder, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    batch = Batch(paths, BatchOptions(mode="parser", output=out), Settings(use_tagger=False))
    results = sorted(batch.run(), key=lambda r: r.index)
    assert [r.status for r in results] == ["ok", "ok"]
    records = [json.loads((out / name).read_text(encoding="utf-8")) for name in ("r.json", "r-2.json")]
    assert [r["doc_id"] for r in records] == ["r", "r-2"]
    assert [r["source"] for r in records] == [str(p) for p in paths]
