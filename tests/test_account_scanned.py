"""The OCR'd-scan reader (account_scanned*): header leaves in order, body lines as tokens, rows placed by the
identities, a clean text left to the other readers."""

from __future__ import annotations

from jixiao.pipelines.account_scanned import printed_values, scan_reads_better, scanned_rows
from jixiao.pipelines.account_scanned_place import balance
from jixiao.pipelines.account_titles import is_title_line
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


# invented: a 07表-like header whose 年末结转 a scan laid over 项目支出 as well as its own 和结余; 基本支出 blank
FUNDS = """某中心2024年度部门决算
             政府性基金预算财政拨款收入支出决算表
编制单位：某中心                                                  单位：万元
          项目                年初结转    本年收入          本年支出         年末结转
                              和结余                 小计   基本支出  项目支出   和结余
科目编码      科目名称
  合计                          4.OO      90.00     84.00             84.00      l0.00
 212    城乡社区支出           4.00      90.0O     84.00             84.00      10.00
 21208  土地出让支出            4.00      9O.00     84.00             84.00      10.00
注：本表反映收支。
"""


def test_a_header_cell_wrapped_over_two_lines_heads_its_own_second_line_only():
    rows = _rows(FUNDS)
    keys = [(a + b) if a and b in ("和结余",) else (b or a) for a, b in zip(rows[0], rows[1])]
    assert keys[2:] == ["年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"]
    assert rows[2][2:] == ["4.00", "90.00", "84.00", "", "84.00", "10.00"]  # the balance holds: 10 = 4 + 90 − 84


# invented: a two-sided 总表 whose side heads stand over no cell of the line below and whose 行次 stand nearer the
# other side's 项目 than their own
SUMMARY = """某站2024年度部门决算
                                收入支出决算总表
编制部门：某站                                                          单位：万元
           收     入                                        支     出
   项    目                   行次      金额          项    目                行次      金额
一、一般公共预算财政拨款收入    1       8O.50       一、农林水支出            3      75.00
本年收入合计                    2       80.5O       本年支出合计              4      7S.00
注：本表反映收支。
"""


def test_two_sided_side_heads_are_groups_and_each_line_number_stays_on_its_side():
    rows = _rows(SUMMARY)
    assert rows[1] == ["项    目", "行次", "金额", "项    目", "行次", "金额"]
    assert rows[2] == ["一、一般公共预算财政拨款收入", "1", "80.50", "一、农林水支出", "3", "75.00"]


# invented: a 三公 table whose header cells a scan laid loosely (公务接待费 over 公务用车运行费, 决算数 nearer the
# 预算数 side's last item), a row of slipped column numbers, one blank lost
SANGONG = """某所2024年度部门决算
                  财政拨款“三公”经费支出决算表
编制单位：某所                         2024年度                     单位：万元
                    预算数                                                决算数
   合计  因公出国（境）费  公务用车购置及运行费   公务接待费    合计  因公出国（境）费  公务用车购置及运行费   公务接待费
                          小计  公务用车购置费  公务用车运行费                          小计  公务用车购置费  公务用车运行费
    l      2         3       4        S         6        7       B       9       10      1l       12
  l5.00  1O.00   0.00    10.00     5.00     13.20   0.00   9.00    0.00   9.00    4.2O
注：本表反映三公经费。
"""


def test_sangong_header_by_its_standard_items_and_the_lost_blank_placed_by_its_sums():
    rows = _rows(SANGONG)
    assert rows[1][:6] == ["合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"]
    assert rows[2][2:5] == ["小计", "公务用车购置费", "公务用车运行费"]
    # 15 = 出国 + 10 + 5 holds only with 出国 blank; the 栏次 row of slipped digits is no row
    assert rows[3] == ["15.00", "", "10.00", "0.00", "10.00", "5.00", "13.20", "0.00", "9.00", "0.00", "9.00", "4.20"]
    assert len(rows) == 4


def test_the_token_reading_is_taken_where_its_identities_fail_less():
    from jixiao.record import AccountRow, Check, FinalAccountsTable
    warn = Check(code="accounts.code_sum", severity="warning", message="x")
    clean = FinalAccountsTable(title="t", rows=[AccountRow(values={"a": 1.0})])
    messy = FinalAccountsTable(title="t", rows=[AccountRow(values={"a": 1.0, "b": 2.0})], checks=[warn])
    assert scan_reads_better([clean], [messy])
    assert not scan_reads_better([], [messy])
    assert not scan_reads_better([clean], [FinalAccountsTable(title="t", rows=[AccountRow(values={"a": 1.0, "b": 2.0})])])


def _title(line: str):
    from jixiao.pipelines.account_titles import title_parts

    norm = normalize(line)
    return title_parts(norm, 0, len(norm.text))


def test_a_title_ocr_cut_into_cells_is_joined_back_and_a_row_or_contents_line_is_not():
    # a large title's glyph gaps exceed the body's text height: the layout cut it into cells
    assert _title("一般公共预算财\t政\t拨款基\t本支出决算表") == ("一般公共预算财政拨款基本支出决算表", None, False)
    assert _title("公开06表\t一般公共预算财\t政拨款基本支出决算表") == ("一般公共预算财政拨款基本支出决算表", "公开06表", False)
    assert _title("公开01表\t收入支出决算总表") is None  # a contents row: one cell holds the whole title
    assert _title("1\t收入决算表") is None
    assert _title("30102\t津贴补贴\t962,380.00") is None
    assert _title("收入\t决算表") == ("收入决算表", None, False)
    assert _title("收入\t决算\t100.00") is None


def test_look_alike_glyphs_in_a_short_title_and_a_header_leaf_read_as_the_standard_words():
    from jixiao.pipelines.account_slips import standard_leaf, standard_title

    assert _title("收人决算表") == ("收入决算表", None, False)  # 人 for 入: one of vocab's look-alike pairs
    assert standard_title("2023年收人决算表") == "收入决算表"
    assert standard_title("收支决算表") is None  # not a look-alike: a short title takes no edit
    assert standard_leaf("本年收人合计") == "本年收入合计"
    assert standard_leaf("本年收入合计") == "本年收入合计" and standard_leaf("人员经费") == "人员经费"
    assert standard_leaf("本年收益合计") == "本年收益合计"  # no look-alike: kept as printed
