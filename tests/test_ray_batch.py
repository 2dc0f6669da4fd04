"""The Ray Data path (issue 20) on a local Ray: the same records as the CLI's pool, the same resume rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.config import Settings

pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'jixiao[ray]')")
pytestmark = pytest.mark.slow  # starts a local Ray (~5 s) and its actors

SETTINGS = Settings()
INPUTS = sorted(SETTINGS.seeds_root.glob("*.txt")) + sorted(SETTINGS.real_layouts_root.glob("rla0[1-4].txt"))
CLI = "from jixiao.cli import app; app()"


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, *map(str, args)], capture_output=True, text=True, timeout=600)


def _records(folder: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["meta"].pop("timings_s", None)
        out[path.name] = data
    return out


@pytest.mark.skipif(len(INPUTS) < 9, reason="shared seeds or real layouts not present")
def test_ray_gives_the_cli_records_and_resumes(tmp_path: Path):
    missing = tmp_path / "missing.txt"
    local = _cli("extract", *INPUTS, missing, "-o", tmp_path / "local", "--workers", "1")
    on_ray = _cli("extract", *INPUTS, missing, "-o", tmp_path / "ray", "--ray", "local", "--workers", "2",
                  "--format", "parquet", "--manifest", tmp_path / "m1.jsonl")
    assert local.returncode == on_ray.returncode == 1, on_ray.stderr[-2000:]
    assert _records(tmp_path / "ray") == _records(tmp_path / "local")  # extractor version and sha256 included
    assert len(_records(tmp_path / "ray")) == len(INPUTS) + 1  # and missing.error.json
    import pyarrow.parquet as pq

    values = pq.read_table(tmp_path / "ray" / "final_accounts.parquet").num_rows
    assert values == sum(len(r["values"]) for d in _records(tmp_path / "local").values()
                         for t in d.get("final_accounts", []) for r in t["rows"])
    rerun = _cli("extract", *INPUTS, "-o", tmp_path / "ray", "--ray", "local", "--workers", "2",
                 "--manifest", tmp_path / "m2.jsonl")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    entries = [json.loads(line) for line in (tmp_path / "m2.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(e["index"] for e in entries) == list(range(len(INPUTS)))
    assert {e["status"] for e in entries} == {"skipped"}
