"""Final-accounts tables as a second round of bureaus print them (invented tables, small): a workbook saved as CSV;
an OCR'd scan with O/l for 0/1, table rules beside cells and a slipped title; negative amounts in parentheses;
a 总表 printed as its 收入 block then its 支出 block, each with its own header."""

from __future__ import annotations

import pytest

from jixiao.pipelines.csv_sheets import csv_rows
from jixiao.pipelines.account_slips import cell_text, number_text, standard_title
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.final_accounts import FinalAccountsReader
from jixiao.pipelines.normalize import normalize_text
from tests.account_reading import account_rows, read_accounts


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


def test_a_sheet_saved_as_csv_reads_as_its_tab_table(extractor):
    # every row padded to the sheet's width, empty cells kept, amounts with separators quoted
    text = ("支出决算表,,,,\n,,,,公开03表\n编制单位：某局,,2024年度,,单位：元\n"
            "科目编码,科目名称,本年支出合计,基本支出,项目支出\n"
            '合计,,"1,250,000.00","1,000,000.00","250,000.00"\n'
            '2010101,行政运行,"1,000,000.00","1,000,000.00",\n'
            '2010199,其他政府办公厅（室）及相关机构事务支出,"250,000.00",,"250,000.00"\n')
    [t] = read_accounts(extractor, text)
    assert (t.number, t.entity, t.year, t.unit) == ("公开03表", "某局", 2024, "元")
    assert account_rows(t) == [
        (None, "合计", None, {"本年支出合计": 1250000.0, "基本支出": 1000000.0, "项目支出": 250000.0}),
        ("2010101", "行政运行", None, {"本年支出合计": 1000000.0, "基本支出": 1000000.0}),
        ("2010199", "其他政府办公厅（室）及相关机构事务支出", None, {"本年支出合计": 250000.0, "项目支出": 250000.0}),
    ]


def test_csv_rows_keep_offsets_and_leave_prose_and_spaced_amounts_alone():
    text = 'a,"1,5",c\nd,,f\ng,"say ""x""",i\n'
    norm = normalize_text(text)
    laid = csv_rows(norm)
    assert laid.text.split("\n")[:3] == ["a\t1,5\tc", "d\t\tf", 'g\tsay "x"\ti']
    k = laid.text.index("1,5")
    assert text[laid.offsets[k]] == "1"  # each kept character keeps its offset
    # prose with full-width commas (folded to ASCII by normalizing), and space-laid amounts with separators
    prose = "收入合计100万元，其中财政拨款80万元，其他收入20万元。\n" * 3
    spaced = "行政运行    1,250,000.00    1,200,000.00\n" * 3
    assert csv_rows(normalize_text(prose)) is None
    assert csv_rows(normalize_text(spaced)) is None
    # lines of all different widths are no sheet; an export that drops trailing empty cells still is one
    assert csv_rows(normalize_text("a,b,c\nd,e,f,g\nh,i,j,k,l\n")) is None
    assert csv_rows(normalize_text("a,b,c,d\ne,f,g\nh,i,j,k\n")) is not None


@pytest.mark.parametrize("printed, read", [
    ("1O2,35O.OO", "102,350.00"), ("l42,800.00", "142,800.00"), ("96,4l2.35", "96,412.35"), ("2O80506", "2080506"),
    ("(5.60)", "-5.60"), ("（1,200.00）", "-1,200.00"), ("(3O.00)", "-30.00"),
    # left alone: a label, a code in brackets, letters that are no number, a year-like code
    ("行政运行", "行政运行"), ("(30101)", "(30101)"), ("IOl", "IOl"), ("2080505", "2080505"), ("lO", "lO"),
])
def test_a_cell_reads_as_the_amount_or_code_it_means(printed, read):
    assert cell_text(normalize_text(printed).text) == read


def test_a_scanned_table_reads_through_its_slips():
    text = ("五、一般公共预算财政拨款支出决箅表\n公开O5表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "| 合计\t\t1O2,35O.OO\t\t1O2,35O.OO\n丨 2O13O99\t其他支出\t1O2,35O.OO\t\t1O2,35O.OO |\n")
    [t] = FinalAccountsReader().read(normalize_text(text))
    assert (t.title, t.number) == ("一般公共预算财政拨款支出决算表", "公开05表")
    assert account_rows(t) == [(None, "合计", None, {"合计": 102350.0, "项目支出": 102350.0}),
                               ("2013099", "其他支出", None, {"合计": 102350.0, "项目支出": 102350.0})]


def test_a_title_one_slip_off_is_the_standard_title_and_other_lines_are_none():
    assert standard_title("一般公共预算财政拨款支出决箅表") == "一般公共预算财政拨款支出决算表"
    assert standard_title("2023年度收入支出決算总表") == "收入支出决算总表"
    assert standard_title("政府采购情况表") is None
    assert standard_title("一般公共预算财政拨款支出预算表") is None  # a budget's table, not a slipped 决算表
    assert standard_title("收入支出预算总表") is None
    assert standard_title("一般公共预算财政拨款支出情况说明") is None
    assert number_text("编制单位:某局公开O5表") == "编制单位:某局公开05表"


def test_a_negative_amount_in_parentheses_is_negative(extractor):
    text = ("一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "合计\t\t10.00\t12.00\t(2.00)\n2130599\t其他支出\t(2.00)\t\t(2.00)\n2130501\t行政运行\t12.00\t12.00\t\n")
    [t] = read_accounts(extractor, text)
    assert account_rows(t)[1] == ("2130599", "其他支出", None, {"合计": -20000.0, "项目支出": -20000.0})
    assert not [c for c in t.checks if c.severity == "warning"]


def test_a_total_table_printed_as_its_income_block_then_its_expenditure_block(extractor):
    # each block under its own header: the 支出 block's columns are not the 收入 block's
    text = ("财政拨款收入支出决算总表\n单位：万元\n收入\n项目\t行次\t金额\n一、一般公共预算财政拨款\t1\t100.00\n"
            "本年收入合计\t2\t100.00\n支出\n项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\n"
            "一、公共安全支出\t3\t100.00\t100.00\t\n本年支出合计\t4\t100.00\t100.00\t\n")
    [t] = read_accounts(extractor, text)
    assert account_rows(t) == [
        (None, "一般公共预算财政拨款", 1, {"金额": 1000000.0}),
        (None, "本年收入合计", 2, {"金额": 1000000.0}),
        (None, "公共安全支出", 3, {"合计": 1000000.0, "一般公共预算财政拨款": 1000000.0}),
        (None, "本年支出合计", 4, {"合计": 1000000.0, "一般公共预算财政拨款": 1000000.0}),
    ]


def test_a_header_repeated_or_shortened_inside_the_body_keeps_the_columns():
    # a page's repeated header, and a section's shorter header (no 行次 cell): the 行次 column stays
    text = ("部门决算公开相关信息统计表\n单位：万元\n项目\t行次\t统计数\n合计\t1\t7.33\n项目\t行次\t统计数\n货物\t2\t7.33\n"
            "项目\t\t统计数\n(一)车辆数合计(辆)\t7\t1\n")
    [t] = FinalAccountsReader().read(normalize_text(text))
    assert [(r.label, r.line) for r in t.rows] == [("合计", 1), ("货物", 2), ("车辆数合计(辆)", 7)]
