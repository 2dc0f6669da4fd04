"""Flat rows (issues 18 and 20): `jixiao extract --format csv|parquet` writes one row per project, indicator and
final-accounts value, and one per failed input; the rows say what the JSON records say."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.config import Settings
from jixiao.pipelines.flat_rows import SCHEMAS, flat_tables, value_unit
from jixiao.record import AccountRow, DocumentRecord, FinalAccountsTable

SEED_002 = sorted(Settings().seeds_root.glob("002_*.txt"))


def _record() -> DocumentRecord:
    table = FinalAccountsTable(title="财政拨款“三公”经费支出决算表", unit="万元", rows=[
        AccountRow(label="合计", values={"预算数": 12000.0, "决算数": 11000.0}),
        AccountRow(label="车辆数合计(辆)", values={"决算数": 3.0}),
    ])
    return DocumentRecord(doc_id="d", source="d.txt", final_accounts=[table])


def test_one_row_per_value_with_its_unit():
    rows = flat_tables(_record())["final_accounts"]
    assert [(r["label"], r["column"], r["value"], r["unit"]) for r in rows] == [
        ("合计", "预算数", 12000.0, "元"), ("合计", "决算数", 11000.0, "元"), ("车辆数合计(辆)", "决算数", 3.0, "辆")]
    assert all(set(r) == {name for name, _ in SCHEMAS["final_accounts"]} for r in rows)
    assert value_unit("机构数（个）") == "个" and value_unit(None) == "元"


@pytest.mark.skipif(not SEED_002, reason="shared seeds not present")
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_hold_every_value_of_the_records(tmp_path: Path, fmt: str):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(SEED_002[0]), str(tmp_path / "missing.txt"), "-o", str(out),
                                      "--mode", "parser", "--format", fmt, "--workers", "1"])
    assert result.exit_code == 1, result.output
    record = json.loads((out / f"{SEED_002[0].stem}.json").read_text(encoding="utf-8"))
    if fmt == "csv":
        def read(table):
            with open(out / f"{table}.csv", encoding="utf-8", newline="") as f:
                return list(csv.DictReader(f))
    else:
        import pyarrow.parquet as pq

        def read(table):
            return pq.read_table(out / f"{table}.parquet").to_pylist()
    values = [(t["title"], r.get("code"), r.get("label"), k, v) for t in record["final_accounts"]
              for r in t["rows"] for k, v in r["values"].items()]
    rows = read("final_accounts")
    assert len(rows) == len(values) > 100
    assert [(r["title"], r["code"] or None, r["label"] or None, r["column"], float(r["value"])) for r in rows] == values
    assert [r["name"] for r in read("projects")] == [p["name"] for p in record["projects"]]
    assert len(read("indicators")) == sum(len(p["indicators"]) for p in record["projects"])
    assert [(r["input"], r["code"]) for r in read("errors")] == [(str(tmp_path / "missing.txt"), "input.unreadable")]


def test_format_without_an_output_folder_is_a_usage_error():
    result = CliRunner().invoke(app, ["extract", "x.txt", "--format", "csv"])
    assert result.exit_code == 2 and "-o" in result.output
