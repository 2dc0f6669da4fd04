"""`jixiao extract` as a batch (issue 20): a pool of worker processes in input order, the manifest, resuming by
content after a kill -9, --force. Timing is measured in `jixiao bench --batch`, never asserted here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from jixiao.config import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"
CLI = "from jixiao.cli import app; app()"


def _cli(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, *map(str, args)], capture_output=True, text=True, timeout=300, **kwargs)


def _inputs(folder: Path, n: int, repeat: int = 1) -> list[Path]:
    """``n`` distinct report files (a numbered line makes each one's sha256 its own)."""
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8") * repeat
    paths = []
    for i in range(n):
        path = folder / f"report{i:03d}.txt"
        path.write_text(f"{text}\n附注 {i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _manifest(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _without_timings(line: str) -> dict:
    data = json.loads(line)
    data.get("meta", {}).pop("timings_s", None)
    return data


def test_two_workers_answer_in_input_order_like_one(tmp_path: Path):
    paths = _inputs(tmp_path / "in", 4)
    batch = [paths[0], tmp_path / "missing.txt", paths[1], paths[2], paths[3]]
    one = _cli("extract", *batch, "--mode", "parser", "--workers", "1")
    two = _cli("extract", *batch, "--mode", "parser", "--workers", "2", "--manifest", tmp_path / "m.jsonl")
    assert one.returncode == two.returncode == 1, two.stderr
    assert [_without_timings(x) for x in two.stdout.splitlines()] == [_without_timings(x) for x in one.stdout.splitlines()]
    assert [json.loads(x).get("source") for x in two.stdout.splitlines()] == [str(p) for p in batch]
    entries = _manifest(tmp_path / "m.jsonl")
    assert sorted(e["index"] for e in entries) == list(range(5))
    by_index = {e["index"]: e for e in entries}
    assert by_index[1]["status"] == "error" and by_index[1]["code"] == "input.unreadable"
    assert all(by_index[i]["status"] == "ok" and len(by_index[i]["sha256"]) == 64 for i in (0, 2, 3, 4))


def test_rerun_skips_current_outputs_and_redoes_changed_ones(tmp_path: Path):
    paths = _inputs(tmp_path / "in", 3)
    out = tmp_path / "out"
    bad = tmp_path / "in" / "empty.txt"
    bad.write_text("")
    first = _cli("extract", *paths, bad, "-o", out, "--mode", "parser", "--workers", "2")
    assert first.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["empty.error.json", "report000.json", "report001.json", "report002.json"]
    record = json.loads((out / "report000.json").read_text(encoding="utf-8"))
    assert record["meta"]["input_sha256"] and record["meta"]["extractor_version"].startswith("0.")
    inodes = {p.name: p.stat().st_ino for p in out.iterdir()}

    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new content: redone
    second = _cli("extract", *paths, bad, "-o", out, "--mode", "parser", "--manifest", tmp_path / "m2.jsonl")
    statuses = {e["index"]: (e["status"], e["code"]) for e in _manifest(tmp_path / "m2.jsonl")}
    assert statuses == {0: ("skipped", None), 1: ("ok", None), 2: ("skipped", None), 3: ("skipped", "input.empty")}
    assert second.returncode == 0  # nothing failed in this run; the empty input's error stands in its file
    now = {p.name: p.stat().st_ino for p in out.iterdir()}
    assert now["report000.json"] == inodes["report000.json"] and now["report001.json"] != inodes["report001.json"]

    forced = _cli("extract", *paths, bad, "-o", out, "--mode", "parser", "--force", "--manifest", tmp_path / "m3.jsonl")
    assert forced.returncode == 1
    assert sorted(e["status"] for e in _manifest(tmp_path / "m3.jsonl")) == ["error", "ok", "ok", "ok"]


def test_kill_9_half_way_then_rerun_accounts_for_every_input_once(tmp_path: Path):
    paths = _inputs(tmp_path / "in", 40, repeat=8)  # ~0.1 s each: the kill lands mid-batch
    out = tmp_path / "out"
    manifest = tmp_path / "m1.jsonl"
    args = [sys.executable, "-c", CLI, "extract", *map(str, paths), "-o", str(out), "--mode", "parser",
            "--workers", "2", "--manifest", str(manifest)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        until = time.monotonic() + 120
        while time.monotonic() < until and proc.poll() is None:
            if manifest.exists() and len(manifest.read_text(encoding="utf-8").splitlines()) >= 15:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the batch finished before the kill"
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, as a crash or the OOM killer would
        proc.wait(30)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # its worker processes, should any still run
        except ProcessLookupError:
            pass
    finished = {p.name: p.stat().st_ino for p in out.glob("*.json")}
    for name in finished:  # no half-written output: every file there is a whole record
        assert json.loads((out / name).read_text(encoding="utf-8"))["meta"]["input_sha256"]
    assert 15 <= len(finished) < 40

    rerun = _cli("extract", *paths, "-o", out, "--mode", "parser", "--workers", "2", "--manifest", tmp_path / "m2.jsonl")
    assert rerun.returncode == 0, rerun.stderr
    entries = _manifest(tmp_path / "m2.jsonl")
    assert sorted(e["index"] for e in entries) == list(range(40))  # every input exactly once
    skipped = {paths[e["index"]].stem + ".json" for e in entries if e["status"] == "skipped"}
    assert skipped == set(finished)  # the finished ones are not redone …
    assert all(e["status"] == "ok" for e in entries if e["status"] != "skipped")  # … and the rest are
    assert {p.name: p.stat().st_ino for p in out.glob("*.json") if p.name in finished} == finished
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".json" for p in paths)  # no temporary left


def test_a_manifest_that_cannot_be_written_stops_before_any_work(tmp_path: Path):
    result = _cli("extract", EXAMPLE, "-o", tmp_path / "out", "--mode", "parser",
                  "--manifest", tmp_path / "no" / "such" / "m.jsonl")
    assert result.returncode == 2 and "output.unwritable" in result.stderr and "Traceback" not in result.stderr
    assert not list((tmp_path / "out").glob("*.json"))
