"""Final-accounts layouts of the seventh blind check (fa7_*, docs/final-accounts.md), each rule on a small invented
table: a CSV sheet whose names are indented with spaces after their comma; a space-laid table whose page header,
repeated mid-table, was laid out in other columns than the first page's; a 三公 table laid out by position with
预算数 / 决算数 centred over their items and the 栏次 run printed without its word."""

from __future__ import annotations

import unicodedata

import pytest

from jixiao.pipelines.extract import Extractor
from tests.account_reading import account_rows, read_accounts, warnings_of


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


def test_a_csv_name_indented_with_spaces_after_its_comma_stays_a_sheet_row(extractor):
    text = "\n".join(["一般公共预算财政拨款支出决算表,,,", "编制单位：某乡人民政府,,,单位：元",
                      "科目编码,科目名称,基本支出,项目支出",
                      '213,农林水支出,"1,500.00","2,000.00"',
                      '21301,  农业农村,"1,500.00","2,000.00"',
                      '2130101,    行政运行,"1,500.00",',
                      '2130122,    农业生产发展,,"2,000.00"', ""])
    tables = read_accounts(extractor, text)
    rows = account_rows(tables[0])
    assert ("21301", "农业农村", None, {"基本支出": 1500.0, "项目支出": 2000.0}) in rows
    assert ("2130122", "农业生产发展", None, {"项目支出": 2000.0}) in rows
    assert len(rows) == 4 and not warnings_of(tables)


def test_a_page_header_repeated_in_other_columns_heads_the_rows_under_it(extractor):
    # the first page laid 项目 as a column of its own (two blank cells before it), the next page did not
    text = "\n".join(["收入决算表", "单位：元",
                      "\t\t项目\t本年收入合计\t财政拨款收入\t事业收入",
                      "科目编码\t科目名称",
                      "205\t教育支出\t\t300.00\t200.00\t100.00",
                      "20502\t普通教育\t\t300.00\t200.00\t100.00",
                      "\t项目\t本年收入合计\t财政拨款收入\t事业收入",
                      "科目编码\t科目名称",
                      "208\t社会保障和就业支出\t50.00\t50.00",
                      "20805\t行政事业单位养老支出\t50.00\t50.00", ""])
    rows = account_rows(read_accounts(extractor, text)[0])
    assert ("205", "教育支出", None, {"本年收入合计": 300.0, "财政拨款收入": 200.0, "事业收入": 100.0}) in rows
    assert ("208", "社会保障和就业支出", None, {"本年收入合计": 50.0, "财政拨款收入": 50.0}) in rows


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _centre(s: str, w: int) -> str:
    left = (w - _width(s)) // 2
    return " " * left + s + " " * (w - _width(s) - left)


def test_groups_centred_over_their_items_key_the_one_row_of_a_spaced_three_public_table(extractor):
    w, items = 18, ["合计", "因公出国（境）费", "公务接待费"]
    amounts = [5000.0, 1000.0, 4000.0, 3600.0, 0.0, 3600.0]
    text = "\n".join(["财政拨款“三公”经费支出决算表", "单位：元", "",
                      (_centre("预算数", w * 3) + _centre("决算数", w * 3)).rstrip(),
                      "".join(_centre(item, w) for item in items * 2).rstrip(),
                      "".join(_centre(str(n), w) for n in range(1, 7)).rstrip(),  # the 栏次 run, its word left out
                      "".join(f"{v:,.2f}".rjust(w - 2) + "  " for v in amounts).rstrip(), ""])
    tables = read_accounts(extractor, text)
    keys = [f"{g}/{item}" for g in ("预算数", "决算数") for item in items]
    assert account_rows(tables[0]) == [(None, None, None, dict(zip(keys, amounts)))]
