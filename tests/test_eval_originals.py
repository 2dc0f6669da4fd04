"""`jixiao eval` on originals: NAME.pdf / .docx / .xlsx / image beside NAME.gold.json, read by the loaders."""

import importlib.util
import io
import json
from pathlib import Path

import pytest

from jixiao.config import REPO_ROOT
from jixiao.eval.dataset import SOURCE_SUFFIXES, load_dataset, source_beside
from jixiao.eval.errors import MissingTextError
from jixiao.eval.run import evaluate

FILES = REPO_ROOT / "data" / "invented-files"
GOLD = {"doc_id": "a", "projects": [{"name": "2023年示范项目", "indicators": []}]}


def _gold(folder: Path, name: str) -> None:
    (folder / f"{name}.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")


def _docx_bytes() -> bytes:
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "2023年示范项目"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_source_beside_prefers_the_text_then_the_originals_in_order(tmp_path):
    assert source_beside(tmp_path, "a") is None
    (tmp_path / "a.xlsx").write_bytes(b"x")
    assert source_beside(tmp_path, "a") == tmp_path / "a.xlsx"
    (tmp_path / "a.pdf").write_bytes(b"x")
    assert source_beside(tmp_path, "a") == tmp_path / "a.pdf"  # .pdf before .xlsx
    (tmp_path / "a.txt").write_text("t", encoding="utf-8")
    assert source_beside(tmp_path, "a") == tmp_path / "a.txt"  # the text, what was labeled, wins
    assert SOURCE_SUFFIXES[0] == ".txt"


def test_a_gold_with_nothing_beside_it_names_what_was_tried(tmp_path):
    _gold(tmp_path, "a01")
    with pytest.raises(MissingTextError, match=r"a01\.docx"):
        load_dataset(tmp_path)


def test_a_docx_original_is_loaded_with_its_tables(tmp_path):
    (tmp_path / "a01.docx").write_bytes(_docx_bytes())
    _gold(tmp_path, "a01")
    (doc,) = load_dataset(tmp_path)
    assert doc.original and doc.load_error is None
    assert doc.document is not None and doc.document.format == "docx" and doc.document.tables
    assert "2023年示范项目" in doc.text


def test_an_image_without_the_ocr_extra_is_a_typed_error_for_that_document_only(tmp_path, monkeypatch):
    from jixiao.pipelines import load_image

    monkeypatch.setattr(load_image, "ocr_available", lambda: False)
    from PIL import Image

    Image.new("RGB", (64, 64), "white").save(tmp_path / "a01.png")
    _gold(tmp_path, "a01")
    (tmp_path / "a02.docx").write_bytes(_docx_bytes())
    _gold(tmp_path, "a02")
    report = evaluate(tmp_path, mode="parser", show_progress=False)
    by_name = {d.name: d for d in report.documents}
    assert by_name["a01"].load_error is not None and by_name["a01"].load_error.startswith("input.")
    assert "OCR" in by_name["a01"].load_error
    assert by_name["a01"].metrics["record"]["f1"] == 0.0
    assert by_name["a02"].load_error is None and by_name["a02"].metrics["project"]["f1"] == 1.0


def test_the_invented_originals_read_fully():
    """The gate of data/invented-files (seconds: the text-layer files through the loaders and the parser; the
    scans, ``origc``, need the OCR engine and a minute: the slow test below)."""
    report = evaluate(FILES, mode="parser", show_progress=False, splits=["orig", "origb", "origd", "origg"])
    assert len(report.documents) >= 31
    assert all(d.load_error is None for d in report.documents)
    assert report.splits["total"]["metrics"]["record"]["f1"] >= 0.99


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                    reason="the ocr extra is not installed (pip install -e '.[ocr]')")
def test_the_invented_scans_read():
    """The scanned originals (skewed, speckled, sealed photocopies) through OCR: 0.946 record F1 when written
    (docs/decisions/scanned-pdfs.md); a floor under it, as OCR differs a little between machines."""
    report = evaluate(FILES, mode="parser", show_progress=False, splits=["origc"])
    assert len(report.documents) >= 7
    assert all(d.load_error is None for d in report.documents)
    assert report.splits["origc"]["metrics"]["record"]["f1"] >= 0.9


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                    reason="the ocr extra is not installed (pip install -e '.[ocr]')")
def test_the_invented_phone_photos_read():
    """Phone photos of a printed page (perspective on a desk, uneven light, a curl, a finger, the next sheet) through
    OCR: 0.360 record F1 before the page was cut out and warped flat, 0.985-0.990 after
    (docs/decisions/phone-photos.md); a floor under it, as OCR differs a little between machines."""
    report = evaluate(FILES, show_progress=False, splits=["origi"])
    assert len(report.documents) >= 7
    assert all(d.load_error is None for d in report.documents)
    assert report.splits["origi"]["metrics"]["record"]["f1"] >= 0.93
