"""The same final-accounts tables from an XLSX give the same facts as from text, with sheet and cell provenance."""

from __future__ import annotations

import io
import re

import pytest

from jixiao.pipelines.ingest import load_bytes

openpyxl = pytest.importorskip("openpyxl")

from tests.test_final_accounts import EXPENDITURE_YUAN, TWO_SIDED_WAN  # noqa: E402

_NUM = re.compile(r"^-?[\d,]+\.\d+$")


def _xlsx(text: str) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, line in enumerate(text.split("\n"), start=1):
        for c, cell in enumerate(line.split("\t"), start=1):
            if _NUM.match(cell.strip()):
                ws.cell(r, c, float(cell.replace(",", ""))).number_format = "0.00"
            elif cell:
                ws.cell(r, c, cell)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _facts(record):
    return [(t.title, t.unit, r.code, r.label, r.line, sorted(r.values.items())) for t in record.final_accounts
            for r in t.rows]


LOST_FIRST_PAGE = "\n".join([
    *TWO_SIDED_WAN.split("\n"), "", "注：本表反映部门本年度的总收支。", "",
    "201\t一般公共服务支出\t5.00\t5.00\t\t\t\t\t", "20101\t人大事务\t5.00\t5.00\t\t\t\t\t", "",
    "注：本表反映收入。", "", "201\t一般公共服务支出\t5.00\t4.00\t1.00\t\t\t", "20101\t人大事务\t5.00\t4.00\t1.00\t\t\t", "",
    "注：本表反映支出。", "", "一般公共预算财政拨款支出决算表", "单位：万元", "",
    "项目\t\t本年支出\t\t", "科目代码\t科目名称\t小计\t基本支出\t项目支出", "合计\t\t5.00\t4.00\t1.00"])


@pytest.mark.parametrize("text", [EXPENDITURE_YUAN, TWO_SIDED_WAN, LOST_FIRST_PAGE])
def test_xlsx_gives_the_text_facts_with_cell_provenance(text):
    from jixiao.pipelines.extract import Extractor

    extractor = Extractor(settings=None)
    from_text = extractor.extract(load_bytes(text.encode("utf-8"), filename="t.txt", doc_id="t"), mode="parser")
    from_xlsx = extractor.extract(load_bytes(_xlsx(text), filename="t.xlsx", doc_id="t"), mode="parser")
    assert _facts(from_xlsx) == _facts(from_text) and _facts(from_text)
    # a spreadsheet drops a block's blank trailing columns: a table that lost its first page still reads
    assert [t.title for t in from_xlsx.final_accounts] == [t.title for t in from_text.final_accounts]
    row = from_xlsx.final_accounts[0].rows[0]
    key = next(iter(row.values))
    assert row.provenance[key].page == 1 and row.provenance[key].table is not None and row.provenance[key].col is not None
