"""The same final-accounts tables from an XLSX or a PDF give the same facts as from text, with page and cell
provenance."""

from __future__ import annotations

import io
import re

import pytest

from jixiao.config import REPO_ROOT, Settings
from jixiao.eval.accounts import score_accounts
from jixiao.eval.dataset import read_record
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


SEEDS = Settings().seeds_root  # JIXIAO_SEEDS_DIR, else ../shared/seeds beside the checkout
ACCOUNT_SEEDS = ("002_df651f07c846b8e4", "004_8a0d0dcb57c81ddb")


def _table_region(text: str, record) -> str:
    """The lines of the text from the first table's title to a few lines past its last number (the notes)."""
    first = min(t.provenance["title"].start for t in record.final_accounts)
    last = max(p.end for t in record.final_accounts for r in t.rows for p in r.provenance.values())
    start = text.rfind("\n", 0, first) + 1
    end = last
    for _ in range(8):
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    return text[start:end]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
@pytest.mark.parametrize("name", ACCOUNT_SEEDS)
def test_a_pdf_of_the_seed_tables_gives_the_gold_facts_with_page_provenance(name):
    """The seed's final-accounts pages printed as a PDF (ruled tables, the CJK text in reportlab's built-in
    CID font) read through the PDF loader: the same facts as the gold and as the text, each value on a page."""
    pytest.importorskip("reportlab")
    from jixiao.pipelines.extract import Extractor
    from tests.account_pdf import text_pdf

    extractor = Extractor(settings=None)
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    from_text = extractor.extract(load_bytes(text.encode("utf-8"), filename="t.txt", doc_id=name), mode="parser")
    pdf = text_pdf(_table_region(text, from_text))
    from_pdf = extractor.extract(load_bytes(pdf, filename="t.pdf", doc_id=name), mode="parser")
    gold = read_record(REPO_ROOT / "data" / "dev" / f"{name}.gold.json")
    assert from_pdf.meta["format"] == "pdf"
    assert score_accounts(gold, from_pdf).metrics()["fact"]["f1"] == 1.0
    assert _facts(from_pdf) == _facts(from_text)
    pages = {p.page for t in from_pdf.final_accounts for r in t.rows for p in r.provenance.values()}
    assert None not in pages and len(pages) > 1  # tables run over several pages, each value on its own
    row = from_pdf.final_accounts[0].rows[0]
    assert row.provenance[next(iter(row.values))].bbox is not None
