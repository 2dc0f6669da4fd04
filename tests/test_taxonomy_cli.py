"""``jixiao map`` and ``jixiao taxonomy``."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from jixiao.cli import app

runner = CliRunner()


def test_map_prints_candidates():
    r = runner.invoke(app, ["map", "经费支出合规律"])
    assert r.exit_code == 0, r.output
    assert "经费支出合规性" in r.output and "fuzzy" in r.output


def test_map_budget_line_json_reports_disagreement():
    r = runner.invoke(app, ["map", "基本工资", "--kind", "economic", "--code", "30102", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["entry"]["code"] == "30102" and data["method"] == "code" and "30101" in data["disagreement"]


def test_taxonomy_exports_csv_and_json(tmp_path):
    r = runner.invoke(app, ["taxonomy", "--kind", "economic", "--format", "csv"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert len(rows) == 110 and {row["confidence"] for row in rows} == {"confirmed"}
    out = tmp_path / "ind.json"
    r = runner.invoke(app, ["taxonomy", "--kind", "indicator", "--level", "2", "--format", "json", "-o", str(out)])
    assert r.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] and any(row["name"] == "可持续影响指标" for row in data["rows"])


def test_taxonomy_export_to_an_unwritable_path_is_a_typed_error(tmp_path):
    r = runner.invoke(app, ["taxonomy", "--format", "csv", "--output", str(tmp_path / "missing" / "x.csv")])
    assert r.exit_code == 2
    assert "error [io.error]" in r.output and "Traceback" not in r.output
