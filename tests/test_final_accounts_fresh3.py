"""Final-accounts layouts of the third blind check (fa3_*, docs/final-accounts.md), each rule on a small invented
table: a code one space before its name beside codes in cells of their own; a name wrapped inside its cell (the
tail alone on the next line, or the amounts on the tail's line); a web page's cells joined by runs of spaces that
do not line up, a blank cell a wider run; the 基本支出 table's printed 合计/人员经费/公用经费 header and a 三公
table's 行次 in collapsed text; a 三公 table whose items are columns, one space a cell; a 表号 on the line above
the title and Markdown marks around it."""

from __future__ import annotations

import pytest

from jixiao.pipelines.account_grid import GridCell, GridRow, Column, Panel, unwrapped
from jixiao.pipelines.extract import Extractor
from tests.account_reading import account_rows, read_accounts


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


def _laid(cells: list[str], widths: list[int]) -> str:
    """A line of a PDF's -layout text: the first two cells left-aligned, the others right-aligned in their widths."""
    return "".join(c.ljust(w) for c, w in zip(cells[:2], widths[:2])) + "".join(
        c.rjust(w) for c, w in zip(cells[2:], widths[2:]))


def test_a_long_code_one_space_before_its_name_is_cut_apart_where_other_codes_stand_alone(extractor):
    w = [10, 40, 12, 12, 12]
    text = "\n".join([
        "一般公共预算财政拨款支出决算表", "编制单位：某局 2023年度 单位：万元",
        _laid(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], w),
        _laid(["201", "一般公共服务支出", "45.00", "", "45.00"], w),
        _laid(["201 99", "其他一般公共服务支出", "45.00", "", "45.00"], w),
        "201 99 99 其他一般公共服务支出".ljust(w[0] + w[1]) + "45.00".rjust(w[2]) + "".rjust(w[3]) + "45.00".rjust(w[4]),
        _laid(["208", "社会保障和就业支出", "20.00", "20.00", ""], w),
        _laid(["208 05", "行政事业单位养老支出", "20.00", "20.00", ""], w),
        "208 05 05 机关事业单位基本养老保险缴费支出".ljust(w[0] + w[1]) + "20.00".rjust(w[2]) + "20.00".rjust(w[3]), ""])
    [t] = read_accounts(extractor, text)
    assert account_rows(t)[2] == ("2019999", "其他一般公共服务支出", None, {"合计": 450000.0, "项目支出": 450000.0})
    assert account_rows(t)[3] == ("208", "社会保障和就业支出", None, {"合计": 200000.0, "基本支出": 200000.0})
    assert account_rows(t)[5] == ("2080505", "机关事业单位基本养老保险缴费支出", None,
                                  {"合计": 200000.0, "基本支出": 200000.0})


def test_a_name_wrapped_in_its_cell_is_joined_both_ways(extractor):
    w = [10, 24, 12, 12, 12]
    text = "\n".join([
        "一般公共预算财政拨款支出决算表", "单位：万元",
        _laid(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], w),
        _laid(["20805", "行政事业单位养老支出", "30.00", "30.00", ""], w),
        _laid(["2080505", "机关事业单位基本养老保", "20.00", "20.00", ""], w),
        _laid(["", "险缴费支出", "", "", ""], w),
        _laid(["2080599", "其他行政事业单位养老", "", "", ""], w),
        _laid(["", "支出", "10.00", "10.00", ""], w), ""])
    [t] = read_accounts(extractor, text)
    assert account_rows(t)[1:] == [
        ("2080505", "机关事业单位基本养老保险缴费支出", None, {"合计": 200000.0, "基本支出": 200000.0}),
        ("2080599", "其他行政事业单位养老支出", None, {"合计": 100000.0, "基本支出": 100000.0}),
    ]


def _rows(*texts: list[str]) -> list[GridRow]:
    return [GridRow([GridCell(t, t, 0, 0) for t in cells], 0, 0) for cells in texts]


def test_unwrapping_leaves_a_total_an_ordinal_line_and_an_uncoded_table_alone():
    panel = Panel([Column(0, "code"), Column(1, "label"), Column(2, "value", "合计")])
    rows = _rows(["201", "一般公共服务支出", "5.00"], ["", "合计", ""], ["202", "外交支出", ""], ["", "其中：援外", "3.00"])
    assert unwrapped(rows, [panel]) == rows  # 合计 and 其中： are rows of their own, never a name's tail
    uncoded = Panel([Column(0, "label"), Column(1, "value", "金额")])
    rows = _rows(["本年收入合计", "5.00"], ["结余", ""])
    assert unwrapped(rows, [uncoded]) == rows


def test_cells_joined_by_spaces_that_do_not_line_up_go_by_order_and_gap(extractor):
    # each cell two spaces from the next, a blank cell six more spaces: no column lines up with another row's
    def line(*cells: str) -> str:
        return "  ".join(c if c else "      " for c in cells).rstrip()
    text = "\n".join([
        "收入决算表", "编制单位：某局    2023年度    单位：元",
        line("项目", "本年收入合计", "财政拨款收入", "事业收入", "其他收入"), "科目编码  科目名称",
        line("合计", "1,300.00", "1,000.00", "200.00", "100.00"),
        line("201", "一般公共服务支出", "1,300.00", "1,000.00", "200.00", "100.00"),
        line("2010101", "行政运行", "1,000.00", "1,000.00"),
        line("2010102", "一般行政管理事务", "200.00", "", "200.00"),
        line("2010199", "其他政府办公厅（室）及相关机构事务支出", "100.00", "", "", "100.00"), ""])
    [t] = read_accounts(extractor, text)
    assert account_rows(t) == [
        (None, "合计", None, {"本年收入合计": 1300.0, "财政拨款收入": 1000.0, "事业收入": 200.0, "其他收入": 100.0}),
        ("201", "一般公共服务支出", None,
         {"本年收入合计": 1300.0, "财政拨款收入": 1000.0, "事业收入": 200.0, "其他收入": 100.0}),
        ("2010101", "行政运行", None, {"本年收入合计": 1000.0, "财政拨款收入": 1000.0}),
        ("2010102", "一般行政管理事务", None, {"本年收入合计": 200.0, "事业收入": 200.0}),
        ("2010199", "其他政府办公厅（室）及相关机构事务支出", None, {"本年收入合计": 100.0, "其他收入": 100.0}),
    ]


def test_collapsed_basic_expenditure_with_its_printed_columns_and_a_three_public_table_with_line_numbers(extractor):
    # one line of text (its breaks lost), longer than a collapsed text's lines are
    text = ("某局2024年度部门决算 一般公共预算财政拨款基本支出决算表 公开06表 编制单位：某局 2024年度 单位：元 "
            "科目编码 科目名称 合计 人员经费 公用经费 栏次 1 2 3 合计 300.00 200.00 100.00 301 工资福利支出 200.00 "
            "200.00 - 30101 基本工资 200.00 200.00 - 302 商品和服务支出 100.00 - 100.00 30201 办公费 100.00 - 100.00 "
            "注：本表反映基本支出。 " + "（六）基本支出决算情况说明 本部门基本支出包括人员经费和公用经费，人员经费主要包括基本工资、"
            "津贴补贴，公用经费主要包括办公费。" * 6 + " 财政拨款“三公”经费支出决算表 公开09表 编制单位：某局 2024年度 单位：元 项目 行次 预算数 "
            "决算数 栏次 — 1 2 合计 1 50.00 40.00 1.因公出国（境）费 2 0.00 0.00 2.公务接待费 3 50.00 40.00 "
            "注：本表反映三公经费。\n")
    basic, three = read_accounts(extractor, text)
    assert account_rows(basic)[:2] == [
        (None, "合计", None, {"合计": 300.0, "人员经费": 200.0, "公用经费": 100.0}),
        ("301", "工资福利支出", None, {"合计": 200.0, "人员经费": 200.0})]
    assert account_rows(three) == [(None, "合计", 1, {"预算数": 50.0, "决算数": 40.0}),
                                   (None, "因公出国（境）费", 2, {"预算数": 0.0, "决算数": 0.0}),
                                   (None, "公务接待费", 3, {"预算数": 50.0, "决算数": 40.0})]


@pytest.mark.parametrize("header, keys", [
    (["合计 因公出国（境）费 公务接待费", "预算数 决算数 预算数 决算数 预算数 决算数"],
     ["合计/预算数", "合计/决算数", "因公出国（境）费/预算数", "因公出国（境）费/决算数", "公务接待费/预算数", "公务接待费/决算数"]),
    (["预算数 决算数", "合计 因公出国（境）费 公务接待费 合计 因公出国（境）费 公务接待费"],
     ["预算数/合计", "预算数/因公出国（境）费", "预算数/公务接待费", "决算数/合计", "决算数/因公出国（境）费", "决算数/公务接待费"]),
])
def test_a_three_public_table_whose_items_are_columns_one_space_a_cell(extractor, header, keys):
    text = "\n".join(["财政拨款“三公”经费支出决算表", "公开09表", "编制单位：某局 2024年度 单位：元", *header,
                      "栏次 1 2 3 4 5 6", "50.00 40.00 0.00 0.00 50.00 40.00" if keys[0].startswith("合计")
                      else "50.00 0.00 50.00 40.00 0.00 40.00", "注：本表反映三公经费。", ""])
    [t] = read_accounts(extractor, text)
    assert [r.label for r in t.rows] == [None]
    assert t.rows[0].values == dict(zip(keys, [50.0, 40.0, 0.0, 0.0, 50.0, 40.0] if keys[0].startswith("合计")
                                        else [50.0, 0.0, 50.0, 40.0, 0.0, 40.0]))


def test_a_number_on_the_line_above_the_title_and_markdown_marks(extractor):
    text = "\n".join(["**公开05表**", "", "### 一般公共预算财政拨款支出决算表", "编制单位：某局 2023年度 单位：万元",
                      "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |", "|---|---|---|---|---|",
                      "| 2010101 | 行政运行 | 1.00 | 1.00 | - |", "", "表八", "国有资本经营预算财政拨款支出决算表",
                      "编制单位：某局 2023年度 单位：万元", "说明：本表无数据。", ""])
    general, capital = read_accounts(extractor, text)
    assert (general.title, general.number) == ("一般公共预算财政拨款支出决算表", "公开05表")
    assert (capital.title, capital.number, capital.rows) == ("国有资本经营预算财政拨款支出决算表", "表八", [])
