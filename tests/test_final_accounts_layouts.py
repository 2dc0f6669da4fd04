"""Invented final-accounts tables in the layouts other bureaus publish (tests/data/final_accounts, each with a
hand-made gold under contract section 6): space-laid rows in 元 continued on a second page under a repeated
header with an empty column; a pipe table of the 基本支出 table in 万元; a 三公 table one item a row in 千元 and a
政府性基金 table printed with 本表无数据; codes split into 类/款/项 columns with 合计 in the 类 column. And six
written before the reader was shaped on them (scores before and after: docs/decisions/final-accounts-layouts.md):
an HTML table copied one cell a line with merged header cells and a 合计 merged over code and name; two-sided
总表s one space a cell with blank cells lost; 类/款/项 parts printed once at their level beside a space-laid
table counted one column a character with codes '205 02 01'; a 三公 table whose items are columns; a
基本支出 table cut by a page break with print junk beside a two-panel 统计表 of counts and amounts; tables
collapsed into one line of a preview page. And eight more of the second round (fa2_*, labeled before measuring):
a PDF's table broken over pages with 续表 and codes in the name cell; a workbook saved as CSV; a three-panel
基本支出 table in 千元; 总表s printed as a 收入 block then a 支出 block; 说明 prose with amounts before pipe tables;
an OCR'd scan with slips; a doc-site preview with chunk markers, dashes for blanks and a cut; a 本表无数据 table,
a 0.00-only table and negative amounts in parentheses. And eight of the third round (fa3_*, labeled and committed
before the reader was run on them): a web page's cells joined by spaces that do not line up; a Markdown page with
类/款/项 columns and a 三公 table; HTML one cell a line numbered 表七; a workbook dumped as TSV in 千元 with 行次 and
negative amounts; a PDF with names wrapped in their cells over a page break; a doc-share preview with a 三公 table
whose items are columns, one space a cell; a traditional-Chinese mirror; a text whose line breaks were lost. And
eight of the fourth round (fa4_*, committed before the reader was run on them): two tables side by side on a PDF
page; a 事业单位's 总表 with 用事业基金弥补收支差额 and a four-column 财政拨款总表 in tabs; grid tables with 类/款/项
columns and wrapped cells; an OCR'd 财政拨款总表; a 三公 table with 预算数 / 决算数 as rows beside an empty 政府性基金
table; a 部门决算公开 text with tables, a 项目支出决算表 and an analysis table in its notes; a wide table whose other
columns are printed on the next page; a Word table whose cells hold line breaks, in 千元. And eight of the fifth round (fa5_*, committed before the reader
was run on them): a province's 总表 with 年初预算数 beside 决算数 numbered 财决01表; a two-panel 基本支出 table of
economic codes without names numbered 表1-6; a 收入决算表 over three pages under bare 续表 lines; an OCR'd 政府性基金
table with S/B/Z slips, a decimal comma and amounts run together; a 万元 table whose notes name 亿元 beside a
国有资本 table of 本年无数据 rows; an HTML page stripped of its tags with its entities and colspans left; a script's
CSV with float codes and exponents; a workbook dumped with its merged cells filled. And five of the sixth round
(fa6_ocr_*, committed before the reader was run on them), all OCR'd scans: a two-sided 总表, a 支出决算表, a 05表
with 人员经费 / 公用经费, a three-panel 06表 and a 三公 table, all open (below). And eight of the seventh round (fa7_*,
committed before the reader was run on them): a 总表 as two halves side by side broken over a page under its
repeated page head; 类/款/项 columns with indented names in 元; a pipe 财政拨款总表 with three fund columns; a 06表
as two column groups 人员经费 | 公用经费; a pipe 三公 table of 预算数 / 决算数 rows under a paragraph cell beside an
empty 政府性基金 table; a laid-out 收入决算表 in 元 whose page head repeats mid-table; a CSV 05表 with 合计 last; a
laid-out 三公 table with 预算数 / 决算数 centred over the items."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.eval.accounts import score_accounts
from jixiao.eval.dataset import read_record
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.ingest import load_bytes

FIXTURES = sorted((Path(__file__).parent / "data" / "final_accounts").glob("*.txt"))
# layouts the reader does not read whole yet (docs/final-accounts.md, "Still open"): strict, so a fix shows
OPEN: dict[str, str] = {}
CASES = [pytest.param(p, marks=pytest.mark.xfail(reason=OPEN[p.stem], strict=True)) if p.stem in OPEN else p
         for p in FIXTURES]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in FIXTURES])
def test_each_layout_reads_to_its_gold(extractor, path):
    record = extractor.extract(load_bytes(path.read_bytes(), filename=path.name, doc_id=path.stem), mode="parser")
    metrics = score_accounts(read_record(path.with_suffix(".gold.json")), record).metrics()
    assert (metrics["table"]["f1"], metrics["row"]["f1"], metrics["fact"]["f1"]) == (1.0, 1.0, 1.0)
    assert not [c.message for t in record.final_accounts for c in t.checks if c.severity == "warning"]


def test_there_are_layouts_to_read():
    assert len(FIXTURES) >= 56
