"""Layout families: a manifest naming each document's family and split, texts and gold referenced from a shared
folder, the per-family table of record F1 (console, JSON, Markdown, HTML), and the committed real-layouts manifest."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.config import REPO_ROOT, Settings, get_settings
from jixiao.eval.dataset import Manifest, load_dataset, load_manifest, resolve_text, sha256_file
from jixiao.eval.errors import DatasetError, MissingTextError
from jixiao.eval.report import family_rows
from jixiao.eval.run import evaluate

runner = CliRunner()

# Invented documents: two families, two splits (dv development, ho held out).
DOCS = {"dv01": ("pipes", "甲项目"), "dv02": ("runs", "乙项目"), "ho01": ("pipes", "丙项目"), "ho02": ("runs", "丁项目")}


def _gold(name: str) -> dict:
    return {"doc_id": name, "projects": [{"name": DOCS[name][1], "department": "某局", "funds": {"executed": 100.0}}]}


def _write(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repo root with data/layouts/manifest.json; texts and gold live beside the repo in shared/layouts."""
    root, shared = tmp_path / "repo", tmp_path / "shared" / "layouts"
    (root / "data" / "layouts").mkdir(parents=True)
    shared.mkdir(parents=True)
    entries = []
    for name, (family, project) in DOCS.items():
        (shared / f"{name}.txt").write_text(f"项目名称 | {project} |\n", encoding="utf-8")
        _write(shared / f"{name}.gold.json", _gold(name))
        entries.append({"name": name, "text": f"../shared/layouts/{name}.txt", "sha256": sha256_file(shared / f"{name}.txt"),
                        "gold": f"../shared/layouts/{name}.gold.json", "gold_sha256": sha256_file(shared / f"{name}.gold.json"),
                        "split": name[:2], "family": family, "layout": f"{family} as printed"})
    _write(root / "data" / "layouts" / "manifest.json", {
        "texts_setting": "real_layouts_dir", "families": {"pipes": "pipe rows", "runs": "cells run together"}, "documents": entries})
    return root


def _preds(folder: Path, wrong: set[str] = frozenset()) -> Path:
    folder.mkdir(exist_ok=True)
    for name in DOCS:
        record = _gold(name)
        if name in wrong:
            record["projects"][0]["department"] = "别的局"
        _write(folder / f"{name}.json", record)
    return folder


def test_manifest_references_texts_and_gold_and_names_families(repo, tmp_path):
    docs = load_dataset(repo / "data" / "layouts", root=repo, settings=Settings())
    assert [(d.name, d.split, d.family) for d in docs] == [
        ("dv01", "dv", "pipes"), ("dv02", "dv", "runs"), ("ho01", "ho", "pipes"), ("ho02", "ho", "runs")]
    assert docs[0].text_path == (tmp_path / "shared" / "layouts" / "dv01.txt").resolve()
    assert docs[0].gold.projects[0].name == "甲项目"
    assert not list((repo / "data" / "layouts").glob("*.gold.json")), "gold is referenced, not copied"


def test_texts_setting_overrides_where_texts_and_gold_live(repo, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for path in (tmp_path / "shared" / "layouts").iterdir():
        (elsewhere / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("JIXIAO_REAL_LAYOUTS_DIR", str(elsewhere))
    docs = load_dataset(repo / "data" / "layouts", root=repo, settings=Settings())
    assert {d.text_path.parent for d in docs} == {elsewhere}
    monkeypatch.setenv("JIXIAO_REAL_LAYOUTS_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(MissingTextError, match="JIXIAO_REAL_LAYOUTS_DIR"):
        load_dataset(repo / "data" / "layouts", root=repo, settings=Settings())


def test_fallback_to_shared_folder_inside_the_repo(repo, tmp_path):
    (tmp_path / "shared").rename(repo / "shared")
    (doc,) = load_dataset(repo / "data" / "layouts", root=repo, settings=Settings(), splits=["dv01"])
    assert doc.text_path == repo / "shared" / "layouts" / "dv01.txt"
    assert resolve_text("../shared/layouts/dv02.gold.json", root=repo, settings=Settings(), setting="real_layouts_dir") \
        == repo / "shared" / "layouts" / "dv02.gold.json"


def test_changed_gold_is_refused(repo, tmp_path):
    _write(tmp_path / "shared" / "layouts" / "ho02.gold.json", {"doc_id": "ho02", "projects": []})
    with pytest.raises(DatasetError, match="gold of ho02 changed since the manifest was written"):
        load_dataset(repo / "data" / "layouts", root=repo, settings=Settings())
    assert len(load_dataset(repo / "data" / "layouts", root=repo, settings=Settings(), splits=["dv"])) == 2


def test_manifest_with_unknown_family_or_setting_is_refused(repo):
    path = repo / "data" / "layouts" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["documents"][0]["family"] = "pipe"
    _write(path, manifest)
    with pytest.raises(DatasetError, match="families not listed in families: pipe"):
        load_manifest(path.parent)
    manifest["documents"][0]["family"] = "pipes"
    manifest["texts_setting"] = "nope_dir"
    _write(path, manifest)
    with pytest.raises(DatasetError, match="texts_setting 'nope_dir' is not a setting"):
        load_manifest(path.parent)


def test_family_table_per_family_and_split(repo, tmp_path):
    report = evaluate(repo / "data" / "layouts", pred_dir=_preds(tmp_path / "pred", wrong={"ho02"}), root=repo,
                      settings=Settings(), show_progress=False)
    assert list(report.splits) == ["dv", "ho", "total"]
    assert list(report.families) == ["pipes", "runs"]
    assert report.families["pipes"]["ho"]["metrics"]["record"]["f1"] == 1.0
    runs = report.families["runs"]
    assert (runs["dv"]["documents"], runs["ho"]["documents"], runs["total"]["documents"]) == (1, 1, 2)
    assert runs["dv"]["metrics"]["record"]["f1"] == 1.0
    # ho02: 3 gold facts (name, department, executed), 2 right of 3 predicted
    assert runs["ho"]["metrics"]["record"]["f1"] == pytest.approx(2 / 3)
    assert runs["ho"]["counts"]["facts"] == {"right": 2, "predicted": 3, "gold": 3}
    assert [d.family for d in report.documents] == ["pipes", "runs", "pipes", "runs"]
    columns, rows = family_rows(report)
    assert columns == ["dv", "ho", "total"]
    assert rows == [("pipes", ["100.00 (1)", "100.00 (1)", "100.00 (2)"]),
                    ("runs", ["100.00 (1)", "66.67 (1)", "83.33 (2)"]),
                    ("ALL", ["100.00 (2)", "83.33 (2)", "91.67 (4)"])]


def test_family_of_one_split_leaves_the_other_cell_empty(repo, tmp_path):
    path = repo / "data" / "layouts" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["families"]["alone"] = "seen in the held-out split only"
    manifest["documents"][3]["family"] = "alone"
    _write(path, manifest)
    report = evaluate(path.parent, pred_dir=_preds(tmp_path / "pred"), root=repo, settings=Settings(), show_progress=False)
    _, rows = family_rows(report)
    assert dict(rows)["alone"] == ["", "100.00 (1)", "100.00 (1)"]


@pytest.fixture
def fresh_settings():
    """The CLI reads the process's cached settings: read them again after the test's environment change, and after it."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_cli_prints_and_writes_the_family_table(repo, tmp_path, monkeypatch, fresh_settings):
    monkeypatch.setenv("JIXIAO_REAL_LAYOUTS_DIR", str(tmp_path / "shared" / "layouts"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["eval", str(repo / "data" / "layouts"), "--pred", str(_preds(tmp_path / "pred", wrong={"ho02"})),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "record F1 per layout family" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["families"]["runs"]["ho"]["documents"] == 1
    assert report["documents"][1]["family"] == "runs"
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "## Record F1 per layout family" in summary
    assert "| runs | 100.00 (1) | 66.67 (1) | 83.33 (2) |" in summary
    assert "| ALL | **100.00 (2)** | **83.33 (2)** | **91.67 (4)** |" in summary
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Record F1 per layout family" in html and "66.67 (1)" in html


def test_reports_without_families_still_load_and_compare(repo, tmp_path):
    """A report.json written before families existed (no `families`, no document `family`) loads and compares."""
    from jixiao.eval.compare import compare
    from jixiao.eval.report import EvalReport

    report = evaluate(repo / "data" / "layouts", pred_dir=_preds(tmp_path / "pred"), root=repo, settings=Settings(),
                      show_progress=False)
    old = json.loads(report.model_dump_json())
    del old["families"]
    for d in old["documents"]:
        del d["family"]
    old_report = EvalReport.model_validate(old)
    assert old_report.families == {}
    comparison = compare(old_report, report)
    assert {m.split for m in comparison.metrics} == {"dv", "ho", "total"}


# The committed manifest of the real layouts.
REAL = REPO_ROOT / "data" / "real-layouts"
FAMILIES = {"space_rows", "pipe_rows", "cell_per_line_pipe", "cell_per_line_blank", "cell_per_line_bare", "flattened_run",
            "row_cells_run_together", "prose", "traditional_mirror"}


def test_committed_real_layouts_manifest_names_splits_and_families():
    manifest = Manifest.model_validate_json((REAL / "manifest.json").read_text(encoding="utf-8"))
    assert manifest.texts_setting == "real_layouts_dir"
    assert set(manifest.families) == FAMILIES
    names = [d.name for d in manifest.documents]
    assert names == [f"rla{i:02d}" for i in range(1, 18)] + [f"rlb{i:02d}" for i in range(1, 16)]
    for entry in manifest.documents:
        assert entry.split == entry.name[:3]
        assert entry.family in FAMILIES and entry.layout
        assert entry.text == f"../shared/real-layouts/{entry.name}.txt"
        assert entry.gold == f"../shared/real-layouts/{entry.name}.gold.json" and entry.gold_sha256
    assert not list(REAL.glob("*.txt")) and not list(REAL.glob("*.gold.json")), "texts and gold are referenced, not copied"
    # every family id is some document's
    assert {d.family for d in manifest.documents} == FAMILIES


def test_committed_real_layouts_manifest_hashes_match_the_shared_files():
    manifest = Manifest.model_validate_json((REAL / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest.documents:
        try:
            text = resolve_text(entry.text, settings=Settings(), setting=manifest.texts_setting)
            gold = resolve_text(entry.gold, settings=Settings(), setting=manifest.texts_setting, what="gold")
        except MissingTextError:
            pytest.skip("real-layouts texts not available on this machine")
        assert sha256_file(text) == entry.sha256, f"{entry.name}: text changed; rerun data/real-layouts/make_manifest.py"
        assert sha256_file(gold) == entry.gold_sha256, f"{entry.name}: gold changed; rerun data/real-layouts/make_manifest.py"


def test_family_rows_follow_the_manifest_order(repo, tmp_path):
    path = repo / "data" / "layouts" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["families"] = {"unused": "no document", "runs": "cells run together", "pipes": "pipe rows"}
    _write(path, manifest)
    report = evaluate(path.parent, pred_dir=_preds(tmp_path / "pred"), root=repo, settings=Settings(), show_progress=False)
    assert list(report.families) == ["runs", "pipes"]


def test_committed_real_layouts_baselines_gate_the_development_split():
    from jixiao.eval.gate import read_baseline

    combined, parser = (read_baseline(REAL / f"baseline.rla{suffix}.json") for suffix in ("", ".parser"))
    for baseline, mode in ((combined, "combined"), (parser, "parser")):
        assert (baseline.mode, baseline.variant, baseline.selected_splits) == (mode, "none", ["rla"])
        assert set(baseline.record_f1) == {"rla", "total"}  # never rlb, the held-out split
    assert parser.tolerance <= 1e-9 and combined.tolerance <= 0.005
