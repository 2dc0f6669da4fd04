"""notebooks/error_analysis.ipynb runs end to end on a report made here."""

import pytest

from jixiao.config import REPO_ROOT
from jixiao.eval.metrics import score_document
from jixiao.eval.report import DocumentResult, RunInfo, build_report, write_json
from jixiao.record import DocumentRecord


@pytest.mark.slow
def test_error_analysis_notebook_executes(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    gold = DocumentRecord.model_validate({"doc_id": "a", "projects": [{"name": "甲项目", "score": 90, "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "人数", "target": "=5人", "weight": 10}]}]})
    pred = DocumentRecord.model_validate({"doc_id": "a", "projects": [{"name": "甲项目", "score": 80, "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "人数", "target": "=5人",
         "provenance": {"target": {"start": 3, "end": 6}}}]}]})
    scored = score_document(gold, pred, text="abc=5人def")
    docs = [DocumentResult(name=n, split=s, gold_sha256="0", summary=scored.summary, metrics=scored.summary.metrics(),
                           errors=scored.errors) for n, s in (("a", "dev"), ("b", "test"))]
    report_path = tmp_path / "report.json"
    write_json(build_report(RunInfo(gold_dir="g", predictions="p"), docs), report_path)
    monkeypatch.setenv("JIXIAO_EVAL_REPORT", str(report_path))

    nb = nbformat.read(REPO_ROOT / "notebooks" / "error_analysis.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()

    text = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "record F1" in text, text
    assert "score " in text and "(0/2)" in text, text  # the project score field, wrong in both documents
    assert "wrong" in text and "gold=90.0" in text and "pred=80.0" in text
    assert any(o.get("output_type") == "display_data" for c in nb.cells for o in c.get("outputs", []))
