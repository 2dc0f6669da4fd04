"""Final-accounts layouts of the fourth blind check (fa4_*, docs/final-accounts.md), each rule on a small invented
table: 用事业基金弥补收支差额 as a 总表 carry line; a 项目支出决算表 (no standard table) beside the standard ones; a
scanned 总表 line whose blanks are dashes and whose amount has a space after its thousands separator; a Word
table's cells broken by line breaks; a wide table whose other columns are printed on the next page; two tables
side by side on one page; a header cell wrapped over two lines."""

from __future__ import annotations

import pytest

from jixiao.pipelines.account_breaks import broken_rows
from jixiao.pipelines.account_collapsed import cells_of, lined_sides
from jixiao.pipelines.account_grid import GridCell, GridRow, columns
from jixiao.pipelines.account_pages import side_by_side
from jixiao.pipelines.account_slips import standard_title
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.account_titles import is_title_line, table_kind
from jixiao.pipelines.normalize import normalize_text
from tests.account_reading import account_rows, read_accounts, warnings_of


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


def test_the_fund_line_that_covers_a_deficit_is_a_carry_line_of_the_income_side(extractor):
    rows = [("本年收入合计", "5", "100.00", "本年支出合计", "9", "110.00"),
            ("用事业基金弥补收支差额", "6", "8.00", "结余分配", "10", "1.00"),
            ("年初结转和结余", "7", "5.00", "年末结转和结余", "11", "2.00"),
            ("总计", "8", "113.00", "总计", "12", "113.00")]
    text = "\n".join(["收入支出决算总表", "单位：万元", "项目\t行次\t金额\t项目\t行次\t金额",
                      "一、财政拨款收入\t1\t100.00\t一、教育支出\t2\t110.00", *("\t".join(r) for r in rows), ""])
    tables = read_accounts(extractor, text)
    assert (None, "用事业基金弥补收支差额", 6, {"金额": 80000.0}) in account_rows(tables[0])
    assert warnings_of(tables) == []


@pytest.mark.parametrize("title", ["项目支出决算表", "一般公共预算财政拨款项目支出决算表", "机关运行经费支出决算表"])
def test_a_table_of_projects_or_of_running_costs_is_no_standard_table(title):
    assert table_kind(title) is None
    assert standard_title(title) is None
    assert table_kind("支出决算表") == "expenditure"


def test_a_project_table_in_the_notes_is_not_read_beside_the_standard_table(extractor):
    text = "\n".join(["项目支出决算表", "单位：万元", "项目名称\t预算数\t决算数", "专项一\t10.00\t9.00",
                      "", "支出决算表", "单位：万元", "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
                      "\t合计\t9.00\t\t9.00", "2130101\t行政运行\t9.00\t\t9.00", ""])
    assert [t.title for t in read_accounts(extractor, text)] == ["支出决算表"]


def test_a_scanned_line_keeps_its_dashes_in_their_columns_and_its_cut_amount_whole():
    line = "二、自然资源海洋气象等支出   6   1， 080.20   —   1， 080.20   —"
    norm = normalize_text("本年收入合计    2   1，286.40    " + line + "\n")
    assert [c.text for c in cells_of(norm, 0, len(norm.text)) if c.text][-4:] == ["1,080.20", "—", "1,080.20", "—"]
    [row] = lined_sides(norm, 0, len(norm.text), 9)
    assert [c.text for c in row.cells[5:]] == ["1,080.20", "", "1,080.20", ""]


DOCX = ["支出决算表", "\t\t\t公开03表", "单位：千元\t\t\t", "科目编码\t科目名称\t本年支出\n合计\t基本支出",
        "\t合计\t30.00\t30.00", "2080505\t机关事业单位基本养\n老保险缴费支出\t20.00\t20.00", "2080506\t职业年金\t10.00\t10.00"]


def test_rows_broken_by_a_line_break_inside_a_cell_are_put_together():
    norm = normalize_text("\n".join(DOCX) + "\n")
    joined = broken_rows(norm, is_title_line)
    assert "2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00" in joined.text.split("\n")
    assert "科目编码\t科目名称\t本年支出合计\t基本支出" in joined.text.split("\n")
    whole = "\n".join(DOCX).replace("\n合计", "合计").replace("养\n老", "养老") + "\n"
    assert broken_rows(normalize_text(whole), is_title_line) is None  # every row whole


def test_a_docx_table_with_broken_cells_reads_its_rows_whole(extractor):
    [t] = read_accounts(extractor, "\n".join(DOCX) + "\n")
    assert account_rows(t)[1] == ("2080505", "机关事业单位基本养老保险缴费支出", None,
                                  {"本年支出合计": 20000.0, "基本支出": 20000.0})


def test_short_lines_that_do_not_add_up_to_rows_are_left_alone():
    text = "\n".join(["支出决算表", "科目编码\t科目名称\t合计\t基本支出", "\t合计\t30.00\t30.00", "201\t一\t1.00\t1.00",
                      "202\t二\t1.00\t1.00", "203\t三", "204\t四", "205\t五\t1.00\t1.00", ""])
    assert broken_rows(normalize_text(text), is_title_line) is None


def _laid(cells: list[str], widths: list[int]) -> str:
    return "".join(c.ljust(w) for c, w in zip(cells[:2], widths[:2])) + "".join(
        c.rjust(w) for c, w in zip(cells[2:], widths[2:]))


def test_a_wide_table_whose_other_columns_are_on_the_next_page_is_one_table(extractor):
    w = [10, 24, 14, 14]
    first = [_laid(r, w) for r in (["", "合计", "30.00", "20.00"], ["201", "一般公共服务支出", "30.00", "20.00"],
                                    ["20101", "人大事务", "30.00", "20.00"], ["2010101", "行政运行", "30.00", "20.00"])]
    w2 = [10, 14, 14]
    second = ["科目编码".ljust(10) + "经营收入".rjust(14) + "其他收入".rjust(14), "合计".ljust(10) + "".rjust(14) + "10.00".rjust(14),
              "201".ljust(10) + "".rjust(14) + "10.00".rjust(14), "20101", "2010101".ljust(10) + "".rjust(14) + "10.00".rjust(14)]
    text = "\n".join(["收入决算表", "单位：万元", _laid(["科目编码", "科目名称", "本年收入合计", "财政拨款收入"], w), *first, "",
                      "第 1 页", "\f收入决算表（续）", "单位：万元", *second, ""])
    assert w2
    [t] = read_accounts(extractor, text)
    assert [r.values for r in t.rows] == [{"本年收入合计": 300000.0, "财政拨款收入": 200000.0, "其他收入": 100000.0}] * 2 + [
        {"本年收入合计": 300000.0, "财政拨款收入": 200000.0}, {"本年收入合计": 300000.0, "财政拨款收入": 200000.0,
                                                            "其他收入": 100000.0}]


def test_two_tables_side_by_side_are_read_one_after_the_other(extractor):
    left = ["  国有资本经营预算财政拨款支出决算表", "单位：万元", "项目                预算数   决算数", "合计                3.00     2.00",
            "因公出国（境）费    1.00     1.00"]
    right = ["财政拨款“三公”经费支出决算表", "单位：万元", "项目              预算数    决算数", "合计              6.00      4.00",
             "公务接待费        6.00      4.00"]
    text = "\n".join(f"{a.ljust(44 - sum(1 for ch in a if ord(ch) > 0x2E80))}      {b}" for a, b in zip(left, right)) + "\n"
    norm = normalize_text(text)
    split = side_by_side(norm, is_title_line)
    parts = [line.strip() for line in split.text.split("\n")]
    assert parts.index("财政拨款“三公”经费支出决算表") > parts.index("因公出国(境)费    1.00     1.00")
    tables = read_accounts(extractor, text)
    assert [t.title for t in tables] == ["国有资本经营预算财政拨款支出决算表", "财政拨款“三公”经费支出决算表"]
    assert account_rows(tables[1])[0] == (None, "合计", None, {"预算数": 60000.0, "决算数": 40000.0})


def _header(*rows: tuple[str, ...]) -> list[GridRow]:
    return [GridRow([GridCell(t, t, 0, 0) for t in r], 0, 0) for r in rows]


def test_a_header_cell_wrapped_over_two_lines_is_one_leaf_and_a_group_stays_a_group():
    wrapped = columns(_header(("项目", "", "年初结转", "本年收入", "年末结转"), ("科目编码", "科目名称", "和结余", "", "和结余")))
    assert [c.key for c in wrapped[0].role("value")] == ["年初结转和结余", "本年收入", "年末结转和结余"]
    group = columns(_header(("项目", "", "本年支出", "", ""), ("科目编码", "科目名称", "合计", "基本支出", "项目支出")))
    assert [c.key for c in group[0].role("value")] == ["合计", "基本支出", "项目支出"]
