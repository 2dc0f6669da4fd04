"""The OCR'd-scan reader (account_scanned*): header leaves in order, body lines as tokens, rows placed by the
identities, a clean text left to the other readers."""

from __future__ import annotations

from jixiao.pipelines.account_scanned import printed_values, scanned_rows
from jixiao.pipelines.account_scanned_place import balance
from jixiao.pipelines.final_accounts import is_title_line
from jixiao.pipelines.normalize import normalize_text as normalize

# invented: a 05表-like header with 合计 and 项目支出 merged down, rows printing fewer amounts, slips (l, O, S)
SCAN = """某局2024年度部门决算
               一般公共预算财政拨款支出决算表
编制单位：某局                   2024年度                        单位：元
    项目                                          本年支出
                                  合计            基本支出                 项目支出
科目编码    科目名称                        小计     人员经费   公用经费
        合计                   3l0.00    210.00    l50.00    60.00    100.00
205   教育支出                 3l0.00    210.00    150.00    6O.00    100.00
20501  教育管理事务             210.00    2l0.00   150.00     60.00
20502  普通教育                1OO.00                               100.00
注：本表反映支出。
"""


def _rows(text: str) -> list[list[str]]:
    laid = scanned_rows(normalize(text), is_title_line)
    assert laid is not None
    return [line.split("\t") for line in laid.text.split("\n") if "\t" in line]


def test_header_leaves_in_order_with_merged_down_leaves():
    rows = _rows(SCAN)
    leaves = [next((r[c] for r in reversed(rows[:3]) if r[c]), "") for c in range(len(rows[0]))]
    assert leaves == ["科目编码", "科目名称", "合计", "小计", "人员经费", "公用经费", "项目支出"]


def test_a_row_printing_fewer_amounts_is_placed_by_the_identities():
    rows = {r[0]: r for r in _rows(SCAN)}
    # 合计 and 项目支出: a 小计 would need its parts; slips are written undone (1OO.00 keeps too few true digits for
    # the tab reader's own test)
    assert rows["20502"][2:] == ["100.00", "", "", "", "100.00"]
    assert rows["20501"][2:] == ["210.00", "210.00", "150.00", "60.00", ""]


def test_a_clean_text_is_not_read_as_a_scan():
    clean = SCAN.replace("3l0", "310").replace("l50", "150").replace("6O", "60").replace("2l0", "210") \
        .replace("1OO", "100")
    assert scanned_rows(normalize(clean), is_title_line) is None


def test_balance_places_by_closing_equals_opening_plus_income_minus_spent():
    fits = balance(["年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"], 1.0)
    assert fits({"本年收入": 300.0, "小计": 300.0, "项目支出": 300.0})
    assert not fits({"年初结转和结余": 300.0, "本年收入": 300.0, "小计": 300.0})
    assert balance(["合计", "基本支出"], 1.0) is None


def test_printed_values_counts_rows_without_code_or_label():
    from jixiao.record import AccountRow, FinalAccountsTable
    table = FinalAccountsTable(title="t", rows=[AccountRow(values={"a": 1.0, "b": 2.0})])
    assert printed_values([table]) == 2
