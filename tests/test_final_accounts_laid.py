"""Final-accounts tables laid out by position or one row a line (invented tables, small): a PDF's header whose
second row (科目编码 科目名称) is one cell and whose 栏次 row normalizing closed up; a group header printed
right-aligned over its columns; a table whose only row is 合计 0.00; a row-a-line table printing its blank cells
as dashes; a pipe table whose rows end in an empty cell beside rows that do not."""

from __future__ import annotations

import pytest

from jixiao.pipelines.account_spaced import spaced_rows
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.normalize import normalize_text
from tests.account_reading import account_rows, read_accounts


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


def _laid(cells: list[str], widths: list[int]) -> str:
    """A line of a PDF's -layout text: the first cell left-aligned, the others right-aligned in their widths."""
    return cells[0].ljust(widths[0]) + "".join(c.rjust(w) for c, w in zip(cells[1:], widths[1:]))


def test_a_pdf_header_with_a_one_cell_second_row_and_codes_in_the_name_cell(extractor):
    w = [30, 14, 12, 12]
    text = "\n".join([
        "支出决算表", "编制单位：某局 2023年度 单位：万元",
        _laid(["项目", "本年支出合计", "基本支出", "项目支出"], w), "科目编码 科目名称",
        _laid(["栏次", "1", "2", "3"], w),
        _laid(["合计", "30.00", "20.00", "10.00"], w),
        _laid(["2010101 行政运行", "20.00", "20.00", ""], w),
        _laid(["2010102 一般行政管理事务", "10.00", "", "10.00"], w), ""])
    [t] = read_accounts(extractor, text)
    assert (t.entity, t.year, t.unit) == ("某局", 2023, "万元")
    assert account_rows(t) == [
        (None, "合计", None, {"本年支出合计": 300000.0, "基本支出": 200000.0, "项目支出": 100000.0}),
        ("2010101", "行政运行", None, {"本年支出合计": 200000.0, "基本支出": 200000.0}),
        ("2010102", "一般行政管理事务", None, {"本年支出合计": 100000.0, "项目支出": 100000.0}),
    ]


def test_a_group_header_printed_right_aligned_heads_all_its_columns(extractor):
    # 本年支出 stands over 项目支出 alone; the 合计 = 基本支出 + 项目支出 identity holds only if it heads all three
    w = [10, 24, 12, 12, 12]
    text = "\n".join([
        "一般公共预算财政拨款支出决算表", "单位：万元",
        _laid(["科目编码", "科目名称", "", "", "本年支出"], w), _laid(["", "", "合计", "基本支出", "项目支出"], w),
        _laid(["", "合计", "30.00", "20.00", "10.00"], w), _laid(["2010101", "行政运行", "20.00", "20.00", ""], w),
        _laid(["2010102", "一般行政管理事务", "10.00", "", "10.00"], w), ""])
    [t] = read_accounts(extractor, text)
    assert account_rows(t)[0] == (None, "合计", None, {"合计": 300000.0, "基本支出": 200000.0, "项目支出": 100000.0})
    assert not [c.message for c in t.checks if c.severity == "warning"]


def test_a_laid_table_whose_only_row_is_its_total():
    w = [10, 24, 12, 12, 12]
    text = "\n".join(["国有资本经营预算财政拨款支出决算表", "单位：万元",
                      _laid(["科目编码", "科目名称", "合计", "基本支出", "项目支出"], w),
                      _laid(["", "合计", "0.00", "0.00", "0.00"], w), "注：本单位无国有资本经营预算财政拨款支出。"])
    laid = spaced_rows(normalize_text(text))
    assert laid is not None and "合计\t0.00\t0.00\t0.00" in laid.text
    # a lone line of numbers under no header stays as it was
    assert spaced_rows(normalize_text("说明\n合计    1.00    2.00    3.00\n")) is None


def test_a_row_a_line_table_that_prints_its_blank_cells_as_dashes_keeps_its_columns(extractor):
    text = ("政府性基金预算财政拨款收入支出决算表\n2023年度 单位：万元\n项目 年初结转和结余 本年收入 本年支出 年末结转和结余\n"
            "科目代码 科目名称 小计 基本支出 项目支出\n栏次 1 2 3 4 5 6\n合计 - 300.00 312.50 - 312.50 -12.50\n"
            "2120804 农村基础设施建设支出 - 300.00 312.50 - 312.50 -12.50\n")
    [t] = read_accounts(extractor, text)
    expected = {"本年收入": 3000000.0, "小计": 3125000.0, "项目支出": 3125000.0, "年末结转和结余": -125000.0}
    assert account_rows(t) == [(None, "合计", None, expected), ("2120804", "农村基础设施建设支出", None, expected)]


def test_pipe_rows_ending_in_an_empty_cell_beside_rows_that_do_not_stay_apart(extractor):
    rows = ["| 201 | 01 | 01 | 行政运行 | 412.36 | 412.36 |  |", "| 201 | 01 | 04 | 人大会议 | 86.20 |  | 86.20 |"] * 3
    text = ("一般公共预算财政拨款支出决算表\n单位：万元\n\n| 类 | 款 | 项 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n"
            "| --- | --- | --- | --- | --- | --- | --- |\n" + "\n".join(rows) + "\n")
    [t] = read_accounts(extractor, text)
    assert [(r.code, r.values) for r in t.rows] == [
        ("2010101", {"合计": 4123600.0, "基本支出": 4123600.0}), ("2010104", {"合计": 862000.0, "项目支出": 862000.0})] * 3
