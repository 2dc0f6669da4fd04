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


ACCOUNTS = "\n".join([
    "一般公共预算财政拨款支出决算表", "公开05表", "编制单位：某县文化和旅游局", "单位：万元",
    "项目\t\t本年支出\t\t", "科目代码\t科目名称\t小计\t基本支出\t项目支出", "栏次\t\t1\t2\t3",
    "合计\t\t12.50\t10.00\t2.50", "207\t文化旅游体育与传媒支出\t12.50\t10.00\t2.50",
    "20701\t文化和旅游\t12.50\t10.00\t2.50", "2070101\t行政运行\t12.50\t10.00\t2.50",
])


def test_final_accounts_in_the_response_and_in_the_openapi_schema(client):
    r = client.post("/v1/extract", json={"text": ACCOUNTS, "doc_id": "a", "mode": "parser"})
    assert r.status_code == 200, r.text
    [table] = r.json()["final_accounts"]
    assert (table["title"], table["number"], table["unit"]) == ("一般公共预算财政拨款支出决算表", "公开05表", "万元")
    assert table["rows"][1] | {"provenance": None, "canonical": None} == {
        "code": "207", "label": "文化旅游体育与传媒支出", "line": None, "panel": 0, "provenance": None,
        "canonical": None, "values": {"小计": 125000.0, "基本支出": 100000.0, "项目支出": 25000.0}}
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    record = schemas["DocumentRecord"]["properties"]["final_accounts"]
    assert record["items"] == {"$ref": "#/components/schemas/FinalAccountsTable"}
    assert {"title", "number", "entity", "year", "unit", "rows", "checks"} <= set(schemas["FinalAccountsTable"]["properties"])
    assert {"code", "label", "line", "values"} <= set(schemas["AccountRow"]["properties"])
