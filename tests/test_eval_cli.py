"""`jixiao eval GOLD_DIR --pred`, the gate, the extractor path with variants and modes, `jixiao eval compare`."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.eval.dataset import sha256_file
from jixiao.eval.run import evaluate
from jixiao.record import DocumentRecord

runner = CliRunner()

TEXTS = {
    "d1": "项目名称\t甲项目\n年度资金总额\t100\t100\t100\t100%\n数量指标\t培训人数\t=10人\t=10人\t5\t5\n",
    "d2": "项目名称\t乙项目\n年度资金总额\t200\t200\t150\t75%\n",
}
GOLD = {
    "d1": {"doc_id": "d1", "projects": [{"name": "甲项目", "funds": {"executed": 1000000.0, "execution_rate": 100.0},
                                         "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "培训人数",
                                                         "target": "=10人", "actual": "=10人", "weight": 5, "score": 5}]}]},
    "d2": {"doc_id": "d2", "projects": [{"name": "乙项目", "funds": {"executed": 1500000.0, "execution_rate": 75.0}}]},
}


@pytest.fixture
def labeled(tmp_path: Path) -> Path:
    """d1 in dev, d2 in test; the manifest references texts kept outside the gold folder."""
    texts, gold_dir = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold_dir.mkdir()
    entries = []
    for name, split in (("d1", "dev"), ("d2", "test")):
        (texts / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(GOLD[name], ensure_ascii=False), encoding="utf-8")
        entries.append({"name": name, "text": str(texts / f"{name}.txt"), "sha256": sha256_file(texts / f"{name}.txt"), "split": split})
    (gold_dir / "manifest.json").write_text(json.dumps({"documents": entries}), encoding="utf-8")
    return gold_dir


def _preds(folder: Path, records: dict) -> Path:
    folder.mkdir(exist_ok=True)
    for name, record in records.items():
        (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder


def test_eval_with_predictions_writes_all_reports(labeled, tmp_path):
    pred = _preds(tmp_path / "pred", GOLD)
    out = tmp_path / "out"
    result = runner.invoke(app, ["eval", str(labeled), "--pred", str(pred), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "rec F1" in result.output and "ALL" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [d["split"] for d in report["documents"]] == ["dev", "test"]
    assert {s: report["splits"][s]["documents"] for s in ("dev", "test", "total")} == {"dev": 1, "test": 1, "total": 2}
    assert report["splits"]["total"]["metrics"]["record"]["f1"] == 1.0
    assert "| d2 | test |" in (out / "summary.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html), "the HTML report must be self-contained"


def test_missing_prediction_exits_with_typed_error_not_traceback(labeled, tmp_path):
    pred = _preds(tmp_path / "pred", {"d1": GOLD["d1"]})
    result = runner.invoke(app, ["eval", str(labeled), "--pred", str(pred), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "error [eval.missing_prediction]" in result.output
    assert "no prediction for d2" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_gate_passes_at_baseline_and_fails_below_it_per_split(labeled, tmp_path):
    good = _preds(tmp_path / "good", GOLD)
    baseline = tmp_path / "baseline.json"
    result = runner.invoke(app, ["eval", str(labeled), "--pred", str(good), "--out", str(tmp_path / "a"), "--write-baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    assert json.loads(baseline.read_text())["record_f1"] == {"dev": 1.0, "test": 1.0, "total": 1.0}

    result = runner.invoke(app, ["eval", str(labeled), "--pred", str(good), "--out", str(tmp_path / "b"), "--gate", str(baseline)])
    assert result.exit_code == 0, result.output
    assert "gate: passed" in result.output

    # only the test document loses one fact: total and test fall, dev holds
    worse = json.loads(json.dumps(GOLD))
    worse["d2"]["projects"][0]["funds"]["execution_rate"] = 76.0
    bad = _preds(tmp_path / "bad", worse)
    result = runner.invoke(app, ["eval", str(labeled), "--pred", str(bad), "--out", str(tmp_path / "c"), "--gate", str(baseline)])
    assert result.exit_code == 1
    assert re.search(r"ok\s+dev", result.output)
    assert re.search(r"FAIL test", result.output) and re.search(r"FAIL total", result.output)


def test_gate_with_missing_baseline_fails_before_running(labeled, tmp_path):
    result = runner.invoke(app, ["eval", str(labeled), "--gate", str(tmp_path / "none.json"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "error [eval.bad_report]" in result.output and "--write-baseline" in result.output


def test_compare_reports_deltas_and_fact_changes(labeled, tmp_path):
    first = json.loads(json.dumps(GOLD))
    first["d1"]["projects"][0]["indicators"][0]["score"] = 4  # broken in A, fixed in B
    second = json.loads(json.dumps(GOLD))
    second["d2"]["projects"][0]["funds"]["execution_rate"] = 70.0  # right in A, broken in B
    for name, records in (("a", first), ("b", second)):
        assert runner.invoke(app, ["eval", str(labeled), "--pred", str(_preds(tmp_path / f"p{name}", records)),
                                   "--out", str(tmp_path / name)]).exit_code == 0
    comparison = tmp_path / "cmp.json"
    result = runner.invoke(app, ["eval", "compare", str(tmp_path / "a" / "report.json"), str(tmp_path / "b"), "--json", str(comparison)])
    assert result.exit_code == 0, result.output
    assert "documents that got worse: 1" in result.output and "d2 (test)" in result.output
    data = json.loads(comparison.read_text(encoding="utf-8"))
    assert [(f["document"], f["error"]["field"]) for f in data["newly_broken"]] == [("d2", "funds.execution_rate")]
    assert [(f["document"], f["error"]["field"]) for f in data["newly_fixed"]] == [("d1", "indicator.score")]
    deltas = {(m["split"], m["metric"]): m for m in data["metrics"]}
    assert deltas[("dev", "record F1")]["b"] == 1.0 and deltas[("dev", "record F1")]["a"] < 1.0


def test_compare_of_a_missing_report_is_a_typed_error(tmp_path):
    result = runner.invoke(app, ["eval", "compare", str(tmp_path / "x.json"), str(tmp_path / "y.json")])
    assert result.exit_code == 2 and "error [eval.bad_report]" in result.output


class RecordingExtractor:
    """Stands in for jixiao.pipelines.extract.Extractor: records what it was given, predicts the first line's name."""

    def __init__(self):
        self.calls = []

    def extract(self, doc, mode="combined"):
        self.calls.append((doc.doc_id, doc.text, mode))
        name = doc.text.split("\t", 1)[1].split("\n", 1)[0].split(" ")[0] if "\t" in doc.text else "?"
        return DocumentRecord(doc_id=doc.doc_id, projects=[{"name": name}])


def test_extractor_receives_variant_texts_and_mode(labeled, tmp_path):
    extractor = RecordingExtractor()
    report = evaluate(labeled, extractor=extractor, mode="parser", variant="collapsed", show_progress=False,
                      save_predictions=tmp_path / "saved")
    assert [c[0] for c in extractor.calls] == ["d1", "d2"]
    assert all(c[2] == "parser" for c in extractor.calls)
    assert all("\n" not in c[1] and "\t" not in c[1] for c in extractor.calls)
    assert (report.run.mode, report.run.variant, report.run.predictions) == ("parser", "collapsed", "extractor")
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == ["d1.json", "d2.json"]
    # gold unchanged: the collapsed text loses the tab the fake reads names by, so no project pairs
    assert report.splits["total"]["metrics"]["project"]["recall"] == 0.0

    report = evaluate(labeled, extractor=RecordingExtractor(), show_progress=False)
    assert report.run.mode == "combined"
    assert report.splits["total"]["metrics"]["project"]["f1"] == 1.0


def test_noised_variant_is_seeded(labeled):
    texts = []
    for seed in (1, 1, 2):
        extractor = RecordingExtractor()
        report = evaluate(labeled, extractor=extractor, variant="noised", seed=seed, show_progress=False)
        texts.append([c[1] for c in extractor.calls])
        assert report.run.seed == seed
    assert texts[0] == texts[1] and texts[0] != texts[2]


def test_gate_tolerance_in_the_baseline_widens_the_floor_and_no_further(labeled, tmp_path):
    good = _preds(tmp_path / "good", GOLD)
    baseline = tmp_path / "baseline.json"
    assert runner.invoke(app, ["eval", str(labeled), "--pred", str(good), "--out", str(tmp_path / "a"),
                               "--write-baseline", str(baseline)]).exit_code == 0
    worse = json.loads(json.dumps(GOLD))
    worse["d2"]["projects"][0]["funds"]["execution_rate"] = 76.0
    bad = _preds(tmp_path / "bad", worse)
    assert runner.invoke(app, ["eval", str(labeled), "--pred", str(bad), "--out", str(tmp_path / "c")]).exit_code == 0
    report = json.loads((tmp_path / "c" / "report.json").read_text())
    drop = 1.0 - report["splits"]["test"]["metrics"]["record"]["f1"]
    assert drop > 0
    data = json.loads(baseline.read_text())
    for tolerance, code in ((drop * 1.01, 0), (drop * 0.99, 1)):
        data["tolerance"] = tolerance
        baseline.write_text(json.dumps(data))
        result = runner.invoke(app, ["eval", str(labeled), "--pred", str(bad), "--out", str(tmp_path / "d"), "--gate", str(baseline)])
        assert result.exit_code == code, (tolerance, result.output)
