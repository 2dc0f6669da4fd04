"""Final-accounts layouts that real bureaus print beside the plain tab table (invented tables, small): a total
cell merged over the code and name columns of a table printed one cell a line; 类/款/项 code parts printed once
at their own level; a space-laid table counted one column a character next to tab tables; a table run into one
line amid kept lines; a two-sided 总表 a row a line with its blank cells lost."""

from __future__ import annotations

import pytest

from jixiao.pipelines.account_collapsed import ran_together
from jixiao.pipelines.account_spaced import spaced_rows
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.account_readings import fill_unread
from jixiao.pipelines.account_titles import table_kind
from jixiao.pipelines.final_accounts import FinalAccountsReader
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.normalize import COLLAPSED_LINE_CHARS
from jixiao.record import AccountRow, FinalAccountsTable
from tests.account_reading import account_rows, read_accounts


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


def _html_cells(rows: list[list[str]]) -> str:
    """An HTML table copied as text: each cell then a blank line, an empty cell only its blank line."""
    return "".join(f"{c}\n\n" for row in rows for c in row)


def test_a_total_merged_over_code_and_name_keeps_the_shown_blank_cells_in_place(extractor):
    # 合计 spans 科目代码 and 科目名称 (one cell); 经营收入 is empty on every row, so only the blank lines say
    # that 8.00 is 其他收入 (the identities alone would take any empty column); the last row's trailing blank
    # cells have no cell after them
    header = [["项目", "本年收入合计", "财政拨款收入", "事业收入", "经营收入", "其他收入"], ["科目代码", "科目名称"],
              ["栏次", "1", "2", "3", "4", "5"]]
    body = [["合计", "38.00", "30.00", "", "", "8.00"],
            ["201", "一般公共服务支出", "38.00", "30.00", "", "", "8.00"],
            ["20103", "政府办公厅（室）及相关机构事务", "38.00", "30.00", "", "", "8.00"],
            ["2010301", "行政运行", "30.00", "30.00", "", "", ""],
            ["2010350", "事业运行", "8.00", "", "", "", "8.00"]]
    text = "收入决算表\n\n公开02表\n\n单位：万元\n\n" + _html_cells(header + body) + "注：本表反映部门本年度取得的各项收入情况。\n"
    [t] = read_accounts(extractor, text)
    assert account_rows(t) == [
        (None, "合计", None, {"本年收入合计": 380000.0, "财政拨款收入": 300000.0, "其他收入": 80000.0}),
        ("201", "一般公共服务支出", None, {"本年收入合计": 380000.0, "财政拨款收入": 300000.0, "其他收入": 80000.0}),
        ("20103", "政府办公厅（室）及相关机构事务", None,
         {"本年收入合计": 380000.0, "财政拨款收入": 300000.0, "其他收入": 80000.0}),
        ("2010301", "行政运行", None, {"本年收入合计": 300000.0, "财政拨款收入": 300000.0}),
        ("2010350", "事业运行", None, {"本年收入合计": 80000.0, "其他收入": 80000.0}),
    ]


def test_code_parts_printed_once_at_their_own_level_join_the_parts_above():
    text = ("支出决算表\n单位：元\n科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n"
            "213\t\t\t农林水支出\t30\t20\t10\n\t01\t\t\u3000农业农村\t30\t20\t10\n\t\t01\t\u3000\u3000行政运行\t20\t20\t\n"
            "\t\t04\t\u3000\u3000事业运行\t10\t\t10\n\t05\t\t\u3000林业和草原\t5\t5\t\n\t\t01\t\u3000\u3000行政运行\t5\t5\t\n")
    [t] = FinalAccountsReader().read(normalize_text(text))
    assert [(r.code, r.label) for r in t.rows] == [
        ("213", "农林水支出"), ("21301", "农业农村"), ("2130101", "行政运行"), ("2130104", "事业运行"),
        ("21305", "林业和草原"), ("2130501", "行政运行")]


def _laid(cells: list[str], widths: list[int]) -> str:
    """A row laid out one column a character (a CJK character one column too): the first two cells left, the
    numbers right-aligned in their columns."""
    line = cells[0].ljust(widths[0]) + cells[1]
    edge = widths[0] + widths[1]
    line = line.ljust(edge)
    for cell, width in zip(cells[2:], widths[2:]):
        edge += width
        line = (line + " " * max(1, edge - len(line) - len(cell)) + cell) if cell else line
    return line.rstrip()


def test_a_space_laid_table_counted_a_column_a_character_reads_beside_a_tab_table(extractor):
    w = [12, 30, 14, 14, 14]
    text = "\n".join([
        "一般公共预算财政拨款基本支出决算表", "单位：万元", "科目编码\t科目名称\t决算数", "301\t工资福利支出\t12.00", "",
        "支出决算表", "单位名称：某县档案馆          2024年度          单位：元",
        _laid(["项目", "", "本年支出合计", "基本支出", "项目支出"], w),
        "科目编码    科目名称",  # 科目名称 left of the names' column
        _laid(["栏次", "", "1", "2", "3"], w),
        _laid(["", "合计", "130,000.00", "100,000.00", "30,000.00"], w),
        _laid(["201 26", "档案事务", "130,000.00", "100,000.00", "30,000.00"], w),
        _laid(["201 26 01", "\u3000行政运行", "100,000.00", "100,000.00", ""], w),
        _laid(["201 26 04", "\u3000档案馆", "30,000.00", "", "30,000.00"], w),
        "注：本表反映部门本年度各项支出情况。"])
    basic, spent = read_accounts(extractor, text)
    assert account_rows(basic) == [("301", "工资福利支出", None, {"决算数": 120000.0})]
    assert account_rows(spent) == [
        (None, "合计", None, {"本年支出合计": 130000.0, "基本支出": 100000.0, "项目支出": 30000.0}),
        ("20126", "档案事务", None, {"本年支出合计": 130000.0, "基本支出": 100000.0, "项目支出": 30000.0}),
        ("2012601", "行政运行", None, {"本年支出合计": 100000.0, "基本支出": 100000.0}),
        ("2012604", "档案馆", None, {"本年支出合计": 30000.0, "项目支出": 30000.0}),
    ]


def test_the_display_width_layout_stays_where_it_lines_the_numbers_up():
    # CJK two columns wide: the labels' own widths differ, the numbers' right edges agree
    text = "\n".join(["收入决算表", "科目编码    科目名称            本年收入合计      财政拨款收入",
                      "208         社会保障和就业支出        12.00             12.00",
                      "20805       行政事业单位养老支出      12.00             12.00"])
    laid = spaced_rows(normalize_text(text))
    assert laid is not None
    assert laid.text.split("\n")[2].split("\t") == ["208", "社会保障和就业支出", "12.00", "12.00"]


def test_a_table_run_into_one_line_amid_kept_lines_is_read_as_collapsed(extractor):
    items = " ".join(f"20103{k:02d} 政府办公事务第{k}项 1.00 1.00 0.00" for k in range(1, 21))
    line = ("一般公共预算财政拨款支出决算表 公开05表 单位：万元 科目代码 科目名称 小计 基本支出 项目支出 栏次 1 2 3 "
            "合计 20.00 20.00 0.00 201 一般公共服务支出 20.00 20.00 0.00 "
            f"20103 政府办公厅（室）及相关机构事务 20.00 20.00 0.00 {items} 注：本表反映部门本年度支出情况。")
    text = "某镇2023年度部门决算\n下载 共2页\n" + line + "\n本文档由用户上传\n"
    assert ran_together(normalize_text(text), table_kind, COLLAPSED_LINE_CHARS)
    assert not ran_together(normalize_text(text.replace(" ", "\n")), table_kind, COLLAPSED_LINE_CHARS)
    [t] = read_accounts(extractor, text)
    assert len(t.rows) == 23
    assert account_rows(t)[0] == (None, "合计", None, {"小计": 200000.0, "基本支出": 200000.0, "项目支出": 0.0})
    assert account_rows(t)[-1] == ("2010320", "政府办公事务第20项", None, {"小计": 10000.0, "基本支出": 10000.0, "项目支出": 0.0})


def test_a_two_sided_summary_a_row_a_line_with_its_blank_cells_lost(extractor):
    text = "\n".join([
        "财政拨款收入支出决算总表", "单位：元", "收入 支出",
        "项目 行次 金额 项目 行次 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款",
        "栏次 1 栏次 2 3 4 5",
        "一、一般公共预算财政拨款 1 900.00 一、一般公共服务支出 6 700.00 700.00",
        "二、政府性基金预算财政拨款 2 300.00 二、城乡社区支出 7 500.00 200.00 300.00",
        "3 三、国防支出 8",
        "本年收入合计 4 1,200.00 本年支出合计 9 1,200.00 900.00 300.00",
        "总计 5 1,200.00 总计 10 1,200.00 900.00 300.00",
        "注：本表反映部门本年度财政拨款总收支情况。"])
    [t] = read_accounts(extractor, text)
    assert account_rows(t) == [
        (None, "一般公共预算财政拨款", 1, {"金额": 900.0}),
        (None, "一般公共服务支出", 6, {"合计": 700.0, "一般公共预算财政拨款": 700.0}),
        (None, "政府性基金预算财政拨款", 2, {"金额": 300.0}),
        (None, "城乡社区支出", 7, {"合计": 500.0, "一般公共预算财政拨款": 200.0, "政府性基金预算财政拨款": 300.0}),
        (None, "本年收入合计", 4, {"金额": 1200.0}),
        (None, "本年支出合计", 9, {"合计": 1200.0, "一般公共预算财政拨款": 900.0, "政府性基金预算财政拨款": 300.0}),
        (None, "总计", 5, {"金额": 1200.0}),
        (None, "总计", 10, {"合计": 1200.0, "一般公共预算财政拨款": 900.0, "政府性基金预算财政拨款": 300.0}),
    ]


def test_only_a_titled_table_read_empty_is_filled_from_another_reading():
    read = [FinalAccountsTable(title="收入决算表", rows=[AccountRow(label="合计", values={"金额": 1.0})]),
            FinalAccountsTable(title="支出决算表"),
            FinalAccountsTable(title="国有资本经营预算财政拨款支出决算表", no_data=True)]
    other = [FinalAccountsTable(title="收入决算表", rows=[AccountRow(label="合计", values={"金额": 2.0})]),
             FinalAccountsTable(title="支出决算表", rows=[AccountRow(label="合计", values={"金额": 3.0})]),
             FinalAccountsTable(title="国有资本经营预算财政拨款支出决算表", rows=[AccountRow(label="x", values={"金额": 4.0})])]
    out = fill_unread(read, other)
    assert [t.rows[0].values["金额"] if t.rows else None for t in out] == [1.0, 3.0, None]


def test_a_coded_table_run_into_one_line_with_its_blank_cells_lost_is_placed_by_the_identities(extractor):
    items = " ".join(f"20103{k:02d} 政府办公事务第{k}项 1.00 1.00" for k in range(1, 16))
    line = ("一般公共预算财政拨款支出决算表 公开05表 单位：万元 科目代码 科目名称 小计 基本支出 项目支出 栏次 1 2 3 "
            "合计 17.50 15.00 2.50 201 一般公共服务支出 17.50 15.00 2.50 "
            f"20103 政府办公厅（室）及相关机构事务 17.50 15.00 2.50 {items} 2010350 事业运行 2.50 2.50 "
            "注：本表反映部门本年度支出情况。")
    [t] = read_accounts(extractor, "某镇2023年度部门决算\n" + line + "\n本文档由用户上传\n")
    assert account_rows(t)[3] == ("2010301", "政府办公事务第1项", None, {"小计": 10000.0, "基本支出": 10000.0})
    assert account_rows(t)[-1] == ("2010350", "事业运行", None, {"小计": 25000.0, "项目支出": 25000.0})
    assert sorted(k for k in t.rows[-1].provenance if k != "label") == ["小计", "项目支出"]


def test_one_space_a_cell_under_a_spaced_header_line_keeps_the_printed_keys_and_places_by_identities():
    # a web page's 公开05表: one space between cells (blank cells lost), the unit line spaced out; the header prints
    # 合计 (the standard header says 小计), and the class sums say which column each lone amount is in
    text = "\n".join([
        "一般公共预算财政拨款支出决算表",
        "部门：示例县农业农村局                                  金额单位：元",
        "科目代码 科目名称 合计 基本支出 项目支出",
        "合计 8,264,310.52 5,118,402.16 3,145,908.36",
        "213 农林水支出 8,264,310.52 5,118,402.16 3,145,908.36",
        "21301 农业农村 8,264,310.52 5,118,402.16 3,145,908.36",
        "2130101 行政运行 5,118,402.16 5,118,402.16",
        "2130122 农业生产发展 3,145,908.36 3,145,908.36",
        "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。",
    ])
    from jixiao.pipelines.extract import Extractor

    [t] = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").final_accounts
    rows = {r.code: r.values for r in t.rows}
    assert rows["2130101"] == {"合计": 5118402.16, "基本支出": 5118402.16}
    assert rows["2130122"] == {"合计": 3145908.36, "项目支出": 3145908.36}
