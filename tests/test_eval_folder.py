"""`jixiao eval` on any folder of NAME.txt + NAME.gold.json pairs (contract section 5): prefix splits, --split, gates per split."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.eval.dataset import load_dataset, split_of
from jixiao.eval.errors import DatasetError
from jixiao.eval.gate import baseline_from, check
from jixiao.eval.run import evaluate

runner = CliRunner()


def _record(name: str, project: str, executed: float) -> dict:
    return {"doc_id": name, "projects": [{"name": project, "funds": {"executed": executed, "execution_rate": 100.0}}]}


# Invented pairs: two of a development prefix, one of a held-out prefix, one without a prefix.
GOLD = {
    "xa01": _record("xa01", "甲项目", 1000.0),
    "xa02": _record("xa02", "乙项目", 2000.0),
    "xb01": _record("xb01", "丙项目", 3000.0),
    "misc": _record("misc", "丁项目", 4000.0),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """NAME.txt beside NAME.gold.json, no manifest."""
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    for name, gold in GOLD.items():
        (pairs / f"{name}.txt").write_text(f"项目名称\t{gold['projects'][0]['name']}\n", encoding="utf-8")
        (pairs / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return pairs


def _preds(folder: Path, wrong: set[str] = frozenset()) -> Path:
    """Predictions equal to the gold, except that the documents in WRONG miss their executed amount."""
    folder.mkdir(exist_ok=True)
    for name, gold in GOLD.items():
        record = json.loads(json.dumps(gold))
        if name in wrong:
            record["projects"][0]["funds"]["executed"] = None
        (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("name", "split"), [("rla01", "rla"), ("rlb15", "rlb"), ("xa01", "xa"), ("RLA3", "RLA"),
                                             ("misc", "dev"), ("004_8a0d", "dev"), ("b", "dev")])
def test_split_is_the_letters_before_the_number(name, split):
    assert split_of(name) == split


def test_folder_without_manifest_reads_every_pair_with_its_prefix_split(folder):
    docs = load_dataset(folder)
    assert [(d.name, d.split, d.family) for d in docs] == [
        ("misc", "dev", None), ("xa01", "xa", None), ("xa02", "xa", None), ("xb01", "xb", None)]
    assert docs[1].text == "项目名称\t甲项目\n" and docs[1].gold.projects[0].name == "甲项目"


def test_split_option_selects_by_split_or_name_prefix(folder):
    assert [d.name for d in load_dataset(folder, splits=["xa"])] == ["xa01", "xa02"]
    assert [d.name for d in load_dataset(folder, splits=["xb", "dev"])] == ["misc", "xb01"]
    assert [d.name for d in load_dataset(folder, splits=["xa02"])] == ["xa02"]  # a longer prefix: one document
    assert [d.name for d in load_dataset(folder, splits=["xa0"])] == ["xa01", "xa02"]  # a prefix into the number
    with pytest.raises(DatasetError, match=r"no labeled document in split zz \(splits here: dev, xa, xb\)"):
        load_dataset(folder, splits=["zz"])


def test_a_split_is_no_prefix_of_a_longer_ones_documents(tmp_path):
    # (inva selects inva01, not invab01: the letters of the split run on)
    for name in ("inva01", "invab01"):
        (tmp_path / f"{name}.txt").write_text("项目名称：示例\n", encoding="utf-8")
        (tmp_path / f"{name}.gold.json").write_text(json.dumps({"doc_id": name, "source": name, "projects": []}),
                                                     encoding="utf-8")
    assert [d.name for d in load_dataset(tmp_path, splits=["inva"])] == ["inva01"]


def test_a_selected_split_does_not_need_the_others_texts(folder):
    (folder / "xb01.txt").unlink()
    assert [d.name for d in load_dataset(folder, splits=["xa"])] == ["xa01", "xa02"]


def test_report_has_one_block_per_prefix_and_no_empty_seed_splits(folder, tmp_path):
    report = evaluate(folder, pred_dir=_preds(tmp_path / "pred", wrong={"xb01"}), show_progress=False)
    assert {s: b["documents"] for s, b in report.splits.items()} == {"dev": 1, "xa": 2, "xb": 1, "total": 4}
    assert report.splits["xa"]["metrics"]["record"]["f1"] == 1.0
    assert report.splits["xb"]["metrics"]["record"]["f1"] < 1.0
    assert report.families == {}


def test_report_of_two_prefixes_leaves_out_empty_dev_and_test(folder, tmp_path):
    report = evaluate(folder, pred_dir=_preds(tmp_path / "pred"), splits=["xa", "xb"], show_progress=False)
    assert list(report.splits) == ["xa", "xb", "total"]
    assert report.run.selected_splits == ["xa", "xb"]


def test_cli_reads_a_folder_and_reports_the_prefixes_apart(folder, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["eval", str(folder), "--pred", str(_preds(tmp_path / "pred")), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {s: b["documents"] for s, b in report["splits"].items()} == {"dev": 1, "xa": 2, "xb": 1, "total": 4}
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "| ALL | xa |" in summary and "| ALL | xb |" in summary
    assert "per layout family" not in summary  # no manifest, no families


def test_cli_split_option_and_gate_on_one_prefix(folder, tmp_path):
    good, bad = _preds(tmp_path / "good"), _preds(tmp_path / "bad", wrong={"xa02", "xb01"})
    baseline = tmp_path / "baseline.xa.json"
    result = runner.invoke(app, ["eval", str(folder), "--split", "xa", "--pred", str(good), "--out", str(tmp_path / "a"),
                                 "--write-baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    assert json.loads(baseline.read_text())["record_f1"] == {"xa": 1.0, "total": 1.0}
    report = json.loads((tmp_path / "a" / "report.json").read_text(encoding="utf-8"))
    assert [d["name"] for d in report["documents"]] == ["xa01", "xa02"]
    # xb is worse too, but only the gated split counts
    result = runner.invoke(app, ["eval", str(folder), "--split", "xa", "--pred", str(bad), "--out", str(tmp_path / "b"),
                                 "--gate", str(baseline)])
    assert result.exit_code == 1
    assert "FAIL xa: record F1" in result.output
    # a run without the gated split fails rather than passing vacuously
    result = runner.invoke(app, ["eval", str(folder), "--split", "xb", "--pred", str(good), "--out", str(tmp_path / "c"),
                                 "--gate", str(baseline)])
    assert result.exit_code == 1 and "FAIL xa: no documents in this run" in result.output
    assert "FAIL baseline was taken with --split xa, this run has --split xb" in result.output
    # nor does a run of every split pass on a baseline of one: its total is another number
    result = runner.invoke(app, ["eval", str(folder), "--pred", str(good), "--out", str(tmp_path / "d"), "--gate", str(baseline)])
    assert result.exit_code == 1 and "this run has --split (all)" in result.output


def test_gate_keys_follow_the_report_splits(folder, tmp_path):
    report = evaluate(folder, pred_dir=_preds(tmp_path / "pred"), show_progress=False)
    baseline = baseline_from(report)
    assert set(baseline.record_f1) == {"dev", "xa", "xb", "total"}
    assert check(report, baseline).passed


def test_rewritten_baseline_keeps_its_note_and_tolerance(folder, tmp_path):
    from jixiao.eval.gate import read_baseline, write_baseline

    path = tmp_path / "baseline.json"
    report = evaluate(folder, pred_dir=_preds(tmp_path / "pred", wrong={"xa01"}), splits=["xa"], show_progress=False)
    first = write_baseline(report, path)
    assert first.note is None and first.record_f1["xa"] < 1.0
    path.write_text(first.model_copy(update={"note": "why", "tolerance": 0.002}).model_dump_json(), encoding="utf-8")
    report = evaluate(folder, pred_dir=_preds(tmp_path / "pred2"), splits=["xa"], show_progress=False)
    write_baseline(report, path)
    again = read_baseline(path)
    assert (again.note, again.tolerance, again.record_f1["xa"], again.selected_splits) == ("why", 0.002, 1.0, ["xa"])
