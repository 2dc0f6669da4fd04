"""Final-accounts tables printed one cell per line (a PDF's or web page's text export): with blank lines between
cells, with a pipe after each cell, or none; the printed header gives the columns. Invented tables."""

from __future__ import annotations

import pytest

from jixiao.pipelines.account_cells import leaves
from jixiao.pipelines.extract import Extractor
from tests.account_reading import account_rows, read_accounts

EXPENDITURE = ["一般公共预算财政拨款支出决算表", "公开05表", "编制单位：某县文化和旅游局", "单位：万元",
               "项目", "本年支出", "科目代码", "科目名称", "小计", "基本支出", "项目支出", "栏次", "1", "2", "3",
               "合计", "", "12.50", "10.00", "2.50", "207", "文化旅游体育与传媒支出", "12.50", "10.00", "2.50",
               "20701", "文化和旅游", "12.50", "10.00", "2.50", "2070101", "行政运行", "10.00", "10.00", "",
               "2070102", "一般行政管理事务", "2.50", "", "2.50", "注：本表反映部门本年度一般公共预算财政拨款支出情况。"]
SUMMARY = ["收入支出决算总表", "编制单位：某区档案馆", "单位：元", "收入", "支出", "项目", "行次", "金额", "项目", "行次", "金额",
           "一、一般公共预算财政拨款收入", "1", "5,000.00", "一、一般公共服务支出", "5", "5,000.00",
           "二、事业收入", "2", "", "二、教育支出", "6", "",
           "本年收入合计", "3", "5,000.00", "本年支出合计", "7", "5,000.00", "总计", "4", "5,000.00", "总计", "8", "5,000.00"]
PARTS = ["支出决算表", "单位：千元", "科目编码", "科目名称", "合计", "基本支出", "项目支出", "类", "款", "项",
         "213", "", "", "农林水支出", "30", "20", "10", "213", "01", "", "农业农村", "30", "20", "10",
         "213", "01", "01", "行政运行", "20", "20", "", "213", "01", "04", "事业运行", "10", "", "10"]

LAYOUTS = {
    "blank lines between cells": lambda cells: "\n\n".join(cells),
    "a pipe after each cell": lambda cells: "\n".join(f"{c} |" if c else " |" for c in cells),
    "a pipe on each side": lambda cells: "\n".join(f"| {c} |" if c else "|  |" for c in cells),
    "one a line, blank cells as blank lines": lambda cells: "\n".join(cells),
}


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_coded_table_one_cell_a_line_reads_like_its_tab_rows(extractor, layout):
    [t] = read_accounts(extractor, LAYOUTS[layout](EXPENDITURE))
    assert (t.title, t.number, t.entity, t.unit) == ("一般公共预算财政拨款支出决算表", "公开05表", "某县文化和旅游局", "万元")
    assert account_rows(t) == [
        (None, "合计", None, {"小计": 125000.0, "基本支出": 100000.0, "项目支出": 25000.0}),
        ("207", "文化旅游体育与传媒支出", None, {"小计": 125000.0, "基本支出": 100000.0, "项目支出": 25000.0}),
        ("20701", "文化和旅游", None, {"小计": 125000.0, "基本支出": 100000.0, "项目支出": 25000.0}),
        ("2070101", "行政运行", None, {"小计": 100000.0, "基本支出": 100000.0}),
        ("2070102", "一般行政管理事务", None, {"小计": 25000.0, "项目支出": 25000.0}),
    ]
    assert not [c for c in t.checks if c.severity == "warning"]
    value = t.rows[1].provenance["小计"]
    assert value.end - value.start == len("12.50")  # the printed cell, in the original text


@pytest.mark.parametrize("layout", ["blank lines between cells", "a pipe after each cell", "a pipe on each side"])
def test_a_two_sided_summary_one_cell_a_line(extractor, layout):
    [t] = read_accounts(extractor, LAYOUTS[layout](SUMMARY))
    assert t.unit == "元" and [r.panel for r in t.rows] == [0, 1, 0, 1, 0, 1]
    assert account_rows(t)[:2] == [(None, "一般公共预算财政拨款收入", 1, {"金额": 5000.0}), (None, "一般公共服务支出", 5, {"金额": 5000.0})]
    assert not [c for c in t.checks if c.severity == "warning"]


def test_codes_split_into_类_款_项_columns_one_cell_a_line(extractor):
    [t] = read_accounts(extractor, LAYOUTS["blank lines between cells"](PARTS))
    assert account_rows(t) == [
        ("213", "农林水支出", None, {"合计": 30000.0, "基本支出": 20000.0, "项目支出": 10000.0}),
        ("21301", "农业农村", None, {"合计": 30000.0, "基本支出": 20000.0, "项目支出": 10000.0}),
        ("2130101", "行政运行", None, {"合计": 20000.0, "基本支出": 20000.0}),
        ("2130104", "事业运行", None, {"合计": 10000.0, "项目支出": 10000.0}),
    ]


def test_blank_cells_not_shown_rows_at_their_codes_and_the_identities_place_the_amounts(extractor):
    """Where an export drops the blank cells, rows start at their codes; a row one amount short goes where
    the identities hold (20701 = Σ its 项 per column): 2070102's second amount under 项目支出."""
    [t] = read_accounts(extractor, "\n".join(c for c in EXPENDITURE if c))
    assert account_rows(t)[3] == ("2070101", "行政运行", None, {"小计": 100000.0, "基本支出": 100000.0})
    assert t.rows[4].values == {"小计": 25000.0, "项目支出": 25000.0}  # printed under 项目支出, no blank to tell
    assert not [c for c in t.checks if c.severity == "warning"]


def test_the_header_printed_cell_by_cell_gives_its_leaves():
    def names(header):
        group, leaf = leaves(header)
        return [header[k] if k >= 0 else "" for k in group], [header[k] if k >= 0 else "" for k in leaf]

    assert names(["项目", "本年支出", "科目代码", "科目名称", "小计", "基本支出", "项目支出"]) == (
        ["项目", "", "本年支出", "", ""], ["科目代码", "科目名称", "小计", "基本支出", "项目支出"])
    # a leaf spanning both header rows prints in the first: 本年收入合计 … before 科目代码
    assert names(["项目", "本年收入合计", "财政拨款收入", "科目代码", "科目名称"])[1] == [
        "科目代码", "科目名称", "", ""]
    assert names(["项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余", "科目代码", "科目名称", "小计",
                  "基本支出", "项目支出"])[1] == ["科目代码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""]
    assert names(["项目", "预算数", "决算数"]) == (["", "", ""], ["项目", "预算数", "决算数"])



def test_rows_at_anchors_under_a_header_read_value_first_are_no_crash():
    """A header whose leaves come out value columns first, its label column later (a side read wrongly):
    a row's words past the first side are left to the tab reader, not an IndexError."""
    from jixiao.pipelines.account_cells import Cell, body_rows

    texts = ["221", "住房保障支出", "36.21", "36.21", "22102", "住房改革支出", "36.21", "36.21"]
    cells = [Cell(t, 10 * n, 10 * n + len(t)) for n, t in enumerate(texts)]
    rows, _ = body_rows(cells, ["value", "value", "label", "value", "code", "label"])
    assert len(rows) == 2 and all(len(r) == 6 for r in rows)
