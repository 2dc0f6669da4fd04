"""The API with the real Extractor (no injection): the text and the uploaded tab-row layouts give the record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from jixiao.config import Settings
from jixiao.service.app import create_app

DOCUMENT = Path(__file__).resolve().parents[1] / "bench" / "one_table.txt"
PROJECT = "2023年城乡居民养老代办员补助"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings())) as c:
        yield c


def _table_rows() -> tuple[list[str], list[list[str]]]:
    lines = DOCUMENT.read_text(encoding="utf-8").split("\n")
    title = [line for line in lines[:2] if line.strip()]
    rows = [line.split("\t") for line in lines[3:] if "\t" in line]
    return title, rows


def _check(record: dict) -> None:
    projects = {p["name"]: p for p in record["projects"]}
    assert PROJECT in projects
    project = projects[PROJECT]
    assert project["department"] == "汾阳市人力资源和社会保障局"
    assert project["funds"]["executed"] == pytest.approx(262100.0)
    indicator = next(i for i in project["indicators"] if i["name"] == "补助率")
    assert (indicator["level1"], indicator["level2"], indicator["weight"]) == ("产出指标", "质量指标", 10.0)
    assert indicator["provenance"]["name"]["end"] > indicator["provenance"]["name"]["start"]


def test_ready_with_the_real_extractor(client):
    r = client.get("/readyz")
    assert r.status_code == 200 and r.json()["details"]["extractor"] == "Extractor"


def test_text(client):
    r = client.post("/v1/extract", json={"text": DOCUMENT.read_text(encoding="utf-8"), "doc_id": "t"})
    assert r.status_code == 200, r.text
    _check(r.json())


def test_docx_with_merged_cells(client):
    import docx

    title, rows = _table_rows()
    document = docx.Document()
    for line in title:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    # the 项目名称 value spans the rest of its row, as in the printed form
    table.cell(0, 2).merge(table.cell(0, len(rows[0]) - 1))
    buffer = io.BytesIO()
    document.save(buffer)
    r = client.post("/v1/extract", files={"file": ("table.docx", buffer.getvalue())})
    assert r.status_code == 200, r.text
    assert r.json()["meta"]["format"] == "docx"
    _check(r.json())


def test_xlsx(client):
    import openpyxl

    title, rows = _table_rows()
    workbook = openpyxl.Workbook()
    ws = workbook.active
    for line in title:
        ws.append([line])
    ws.append([])
    for row in rows:
        ws.append([value or None for value in row])
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # printed operators such as "=308人" are text, not formulas
    buffer = io.BytesIO()
    workbook.save(buffer)
    r = client.post("/v1/extract", files={"file": ("table.xlsx", buffer.getvalue())})
    assert r.status_code == 200, r.text
    assert r.json()["meta"]["format"] == "xlsx"
    _check(r.json())
