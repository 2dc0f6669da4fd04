"""Final-accounts layouts of the fifth blind check (fa5_*, docs/final-accounts.md), each rule on a small invented
table: a workbook dumped with its merged cells filled into every cell they covered; a province's own table numbers
(财决03表, 附表2, 表1-6); a 总表 printing 年初预算数 beside 决算数, checked against the other tables by its 决算数; a
script's CSV with codes written as floats and amounts in scientific notation; an HTML table whose 合计 spans code
and name, under a title holding an HTML character reference; 经济科目编码 headers; a scan's S / B / Z and a decimal
comma inside amounts."""

from __future__ import annotations

import pytest

from jixiao.pipelines.account_grid import GridCell, GridRow, Panel, Column, code_of, spanned_totals
from jixiao.pipelines.account_merged import merged_repeats
from jixiao.pipelines.account_slips import cell_text
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.account_titles import table_kind
from jixiao.pipelines.normalize import normalize_text
from tests.account_reading import account_rows, read_accounts, warnings_of


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


_FILLED = ["一般公共预算财政拨款支出决算表\t一般公共预算财政拨款支出决算表\t一般公共预算财政拨款支出决算表\t一般公共预算财政拨款支出决算表",
           "编制单位：某县林业局\t编制单位：某县林业局\t单位：万元\t单位：万元",
           "项目\t项目\t本年支出\t本年支出",
           "科目编码\t科目名称\t基本支出\t项目支出",
           "合计\t合计\t6.00\t6.00",
           "2130201\t行政运行\t6.00\t6.00", ""]


def test_cells_a_converter_filled_from_a_merge_are_blanked_and_equal_amounts_kept():
    out = merged_repeats(normalize_text("\n".join(_FILLED)), table_kind)
    lines = out.text.split("\n")
    assert lines[0] == "一般公共预算财政拨款支出决算表\t\t\t"
    assert lines[2] == "项目\t\t本年支出\t"
    assert lines[4] == "合计\t\t6.00\t6.00"  # two equal amounts are two values
    assert merged_repeats(normalize_text("\n".join(_FILLED[1:])), table_kind) is None  # no filled title: untouched


def test_a_sheet_with_filled_merges_reads_as_the_merged_sheet(extractor):
    tables = read_accounts(extractor, "\n".join(_FILLED))
    assert [t.title for t in tables] == ["一般公共预算财政拨款支出决算表"]
    assert (tables[0].entity, tables[0].unit) == ("某县林业局", "万元")
    assert (None, "合计", None, {"基本支出": 60000.0, "项目支出": 60000.0}) in account_rows(tables[0])


def test_a_header_cell_repeated_under_its_rowspan_is_the_cell_above():
    text = "\n".join(["财政拨款“三公”经费支出决算表\t财政拨款“三公”经费支出决算表\t财政拨款“三公”经费支出决算表",
                      "合计\t公务用车购置及运行费\t公务用车购置及运行费", "合计\t小计\t公务用车运行费", "1.00\t1.00\t1.00", ""])
    lines = merged_repeats(normalize_text(text), table_kind).text.split("\n")
    assert lines[1:4] == ["合计\t公务用车购置及运行费\t", "\t小计\t公务用车运行费", "1.00\t1.00\t1.00"]


@pytest.mark.parametrize(("above", "title", "under", "number"), [
    ("", "支出决算表", "\t\t\t\t财决03表", "财决03表"),
    ("附表2", "支出决算表", "", "附表2"),
    ("", "表1-6  支出决算表", "", "表1-6"),
])
def test_a_province_numbers_its_tables_its_own_way(extractor, above, title, under, number):
    text = "\n".join([above, title, under, "单位：万元", "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
                      "\t合计\t9.00\t\t9.00", "2130101\t行政运行\t9.00\t\t9.00", ""])
    tables = read_accounts(extractor, text)
    assert [(t.title, t.number, t.unit) for t in tables] == [("支出决算表", number, "万元")]


_BUDGET_FINAL = ["收入支出决算总表", "单位：万元", "项目\t行次\t年初预算数\t决算数\t项目\t行次\t年初预算数\t决算数",
                 "一、财政拨款收入\t1\t10.00\t12.00\t一、教育支出\t3\t10.00\t12.00",
                 "本年收入合计\t2\t10.00\t12.00\t本年支出合计\t4\t10.00\t12.00", "",
                 "支出决算表", "单位：万元", "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
                 "\t合计\t{total}\t\t{total}", "205\t教育支出\t{total}\t\t{total}", ""]


def test_a_summary_printing_the_budget_beside_the_accounts_is_checked_by_its_accounts():
    extractor = Extractor(settings=None)
    tables = read_accounts(extractor, "\n".join(_BUDGET_FINAL).replace("{total}", "12.00"))
    assert (None, "教育支出", 3, {"年初预算数": 100000.0, "决算数": 120000.0}) in account_rows(tables[0])
    assert warnings_of(tables) == []  # the 年初预算数 (10.00) is no figure of the 支出决算表
    wrong = read_accounts(extractor, "\n".join(_BUDGET_FINAL).replace("{total}", "11.00"))
    assert any("决算数" in m and "教育支出" in m for m in warnings_of(wrong))


def test_a_float_exported_code_and_a_scientific_amount_read_as_printed_figures():
    assert code_of("2010301.0") == "2010301"
    assert code_of("20103.0") == "20103"
    assert code_of("600000.5") is None
    assert cell_text("8.6425e+06") == "8642500"
    assert cell_text("1.2E+06") == "1200000"
    assert cell_text("1.2e+06元") == "1.2e+06元"  # no plain number: left as it is


def test_a_script_csv_with_float_codes_and_exponents_reads_its_rows(extractor):
    text = "\n".join(["0,1,2,3,4", "支出决算表,,,,", "编制单位：某区办公室,,,,单位：元",
                      "科目编码,科目名称,本年支出合计,基本支出,项目支出", ",合计,1.2e+06,,1.2e+06",
                      "2010302.0,一般行政管理事务,1.2e+06,,1.2e+06", "2010301.0,行政运行,600000.0,600000.0,", ""])
    rows = account_rows(read_accounts(extractor, text)[0])
    assert ("2010302", "一般行政管理事务", None, {"本年支出合计": 1200000.0, "项目支出": 1200000.0}) in rows
    assert ("2010301", "行政运行", None, {"本年支出合计": 600000.0, "基本支出": 600000.0}) in rows


def _row(*texts: str) -> GridRow:
    return GridRow([GridCell(t, t, 0, 0) for t in texts], 0, 0)


def test_a_total_spanning_code_and_name_gets_its_blank_cell_back():
    panel = Panel([Column(0, "code"), Column(1, "label"), Column(2, "value", "小计"), Column(3, "value", "基本支出")])
    rows = spanned_totals([_row("合计", "5.00", "5.00"), _row("201", "一般公共服务支出", "5.00", "5.00")], [panel])
    assert [c.text for c in rows[0].cells] == ["合计", "", "5.00", "5.00"]
    assert [c.text for c in rows[1].cells] == ["201", "一般公共服务支出", "5.00", "5.00"]
    # a row already filling the last column has no room: left as printed
    full = spanned_totals([_row("合计", "5.00", "5.00", "5.00")], [panel])
    assert [c.text for c in full[0].cells] == ["合计", "5.00", "5.00", "5.00"]


def test_an_html_table_with_a_spanning_total_and_an_entity_in_its_title(extractor):
    text = "\n".join(["九、财政拨款&ldquo;三公&rdquo;经费支出决算表", "单位：元\t&nbsp;", "项目\t预算数\t决算数",
                      "合计\t5.00\t4.00", "3.公务接待费\t5.00\t4.00", "",
                      "一般公共预算财政拨款支出决算表", "单位：元", "项目\t本年支出\t&nbsp;",
                      "科目编码\t科目名称\t小计\t基本支出\t项目支出\t&nbsp;", "合计\t9.00\t9.00\t&nbsp;\t&nbsp;",
                      "2010501\t&nbsp;&nbsp;行政运行\t9.00\t9.00\t&nbsp;", ""])
    tables = read_accounts(extractor, text)
    assert [t.title for t in tables] == ["财政拨款“三公”经费支出决算表", "一般公共预算财政拨款支出决算表"]
    assert (None, "合计", None, {"小计": 9.0, "基本支出": 9.0}) in account_rows(tables[1])


def test_economic_code_and_name_headers_without_the_word_classification(extractor):
    text = "\n".join(["一般公共预算财政拨款基本支出决算表", "单位：元", "经济科目编码\t经济科目名称\t决算数",
                      "301\t工资福利支出\t5.00", "30101\t基本工资\t5.00", ""])
    assert ("30101", "基本工资", None, {"决算数": 5.0}) in account_rows(read_accounts(extractor, text)[0])


@pytest.mark.parametrize(("printed", "read"), [("S0.00", "50.00"), ("2B.20", "28.20"), ("1Z.50", "12.50"),
                                               ("2120B03", "2120803"), ("28,20", "28.20"), ("1,080", "1,080"),
                                               ("BS", "BS"), ("28,200.00", "28,200.00")])
def test_a_scans_five_eight_two_and_decimal_comma_inside_amounts(printed, read):
    assert cell_text(printed) == read
