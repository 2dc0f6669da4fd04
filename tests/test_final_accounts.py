"""The final-accounts reader (contract section 6) on invented tables of each family: other bureaus' layouts,
units and headers, not the seeds' text."""

from __future__ import annotations

from jixiao.pipelines.account_checks import check_table, table_identities
from jixiao.pipelines.final_accounts import FinalAccountsReader, clean_labels, count_rows
from jixiao.pipelines.normalize import normalize_text


def read(text: str):
    return FinalAccountsReader().read(normalize_text(text))


def rows(table):
    return [(r.code, r.label, r.line, r.values) for r in table.rows]


EXPENDITURE_YUAN = "\n".join([
    "三、2023年度支出决算表",
    "公开03表",
    "编制单位：某县农业农村局",
    "单位：元",
    "项目\t\t本年支 出合计\t基本支出\t项目支出",
    "科目代码\t科目名称\t\t\t",
    "栏次\t\t1\t2\t3",
    "合计\t\t1,500.00\t1,000.00\t500.00",
    "213\t农林水支出\t1500\t1000\t500",
    "21301\t农业农村\t1500\t1000\t500",
    "2130101\t行政运行\t1000\t1000\t-",
    "2130104\t事业 运行\t500\t——\t500",
    "",
    "注：本表反映部门本年度各项支出情况。",
])


def test_expenditure_table_in_yuan_with_split_headers():
    [t] = read(EXPENDITURE_YUAN)
    assert (t.title, t.number, t.entity, t.year, t.unit, t.kind) == (
        "2023年度支出决算表", "公开03表", "某县农业农村局", 2023, "元", "expenditure")
    assert rows(t)[0] == (None, "合计", None, {"本年支出合计": 1500.0, "基本支出": 1000.0, "项目支出": 500.0})
    assert rows(t)[3] == ("2130101", "行政运行", None, {"本年支出合计": 1000.0, "基本支出": 1000.0})
    assert rows(t)[4] == ("2130104", "事业运行", None, {"本年支出合计": 500.0, "项目支出": 500.0})
    assert not t.checks


def test_a_row_that_does_not_add_up_is_a_check_naming_table_row_and_difference():
    [t] = read(EXPENDITURE_YUAN.replace("21301\t农业农村\t1500", "21301\t农业农村\t1600"))
    messages = [c.message for c in t.checks if c.severity == "warning"]
    assert any("2023年度支出决算表" in m and "21301 农业农村" in m and "本年支出合计" in m and "+100.00" in m
               for m in messages)
    codes = {c.code for c in t.checks}
    assert {"accounts.column_sum", "accounts.code_sum"} <= codes


TWO_SIDED_WAN = "\n".join([
    "收入支出决算总表",
    "部门名称：某市文化和旅游局\t\t\t金额单位：万元",
    "收入\t\t\t支出\t\t",
    "项目\t行次\t金额\t项目\t行次\t金额",
    "一、一般公共预算财政拨款收入\t1\t100.50\t一、一般公共服务支出\t31\t",
    "二、政府性基金预算财政拨款收入\t2\t\t二、文化旅游体育与传媒支出\t32\t100.50",
    "本年收入合计\t3\t100.50\t本年支出合计\t33\t100.50",
    "总计\t4\t100.50\t总计\t34\t100.50",
])


def test_two_sided_summary_each_side_its_own_rows():
    [t] = read(TWO_SIDED_WAN)
    assert t.entity == "某市文化和旅游局" and t.unit == "万元" and t.number is None
    assert rows(t) == [
        (None, "一般公共预算财政拨款收入", 1, {"金额": 1005000.0}),
        (None, "文化旅游体育与传媒支出", 32, {"金额": 1005000.0}),
        (None, "本年收入合计", 3, {"金额": 1005000.0}),
        (None, "本年支出合计", 33, {"金额": 1005000.0}),
        (None, "总计", 4, {"金额": 1005000.0}),
        (None, "总计", 34, {"金额": 1005000.0}),
    ]
    assert [r.panel for r in t.rows] == [0, 1, 0, 1, 0, 1]
    assert {i.code for i in table_identities(t, [])} == {"accounts.side_sum", "accounts.grand_totals",
                                                         "accounts.side_total", "accounts.year_balance"}
    assert not t.checks


THREE_PUBLIC = "\n".join([
    "财政拨款“三公”经费支出决算表",
    "公开09表",
    "单位名称：某区教育局",
    "2022年度",
    "单位：千元",
    "预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
    "合计\t因公出国 (境) 费\t公务用车购置及运行维护费\t\t\t公务接待 费\t合计\t因公出国 (境) 费\t公务用车购置及运行维护费\t\t\t公务接待 费",
    "\t\t小计\t公务用车 购置费\t公务用车 运行维护 费\t\t\t\t小计\t公务用车 购置费\t公务用车 运行维护 费\t",
    "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12",
    "10\t0\t8\t0\t8\t2\t9\t0\t7\t0\t7\t1",
])


def test_three_public_multi_level_header_keys_and_identities():
    [t] = read(THREE_PUBLIC)
    assert t.unit == "千元" and t.year == 2022
    [row] = t.rows
    assert row.label is None and row.code is None
    assert row.values["预算数/合计"] == 10000.0
    assert row.values["决算数/小计"] == 7000.0
    assert row.values["决算数/公务用车运行维护费"] == 7000.0
    assert row.values["预算数/因公出国(境)费"] == 0.0
    assert len(row.values) == 12
    # 决算数 合计 9 = 0 + 7 + 1 → -1 (thousand) off: a warning
    [warning] = [c for c in t.checks if c.severity == "warning"]
    assert "决算数/合计" in warning.message and "+1000.00" in warning.message


def test_no_data_table_keeps_its_entry_without_rows():
    text = "\n".join(["国有资本经营预算财政拨款支出决算表", "公开08表", "单位：万元",
                      "项目\t\t本年支出\t\t", "科目代码\t科目名称\t合计\t基本支出\t项目支出", "合计\t\t\t\t",
                      "注：本表反映国有资本经营预算财政拨款支出情况。", "说明：本表无数据"])
    [t] = read(text)
    assert t.no_data and t.rows == [] and t.kind == "state_capital"


def test_a_table_continued_on_the_next_page_is_one_table():
    head = ["项目\t\t本年收入合计\t财政拨款收入", "科目代码\t科目名称\t\t"]
    text = "\n".join(["收入决算表", "公开02表", "单位：万元", *head, "合计\t\t3\t3", "201\t一般公共服务支出\t1\t1",
                      "", "收入决算表（续）", *head, "205\t教育支出\t2\t2"])
    [t] = read(text)
    assert [r.code for r in t.rows] == [None, "201", "205"]
    assert not [c for c in t.checks if c.severity == "warning"]


def test_codes_printed_in_the_label_cell_and_in_class_parts():
    text = "\n".join(["一般公共预算财政拨款支出决算表", "单位：元", "功能分类科目\t本年支出\t\t", "项目\t小计\t基本支出\t项目支出",
                      "208 社会保障和就业支出\t5\t5\t", "[20805]行政事业单位养老支出\t5\t5\t"])
    [t] = read(text)
    assert [(r.code, r.label) for r in t.rows] == [("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出")]
    parts = "\n".join(["支出决算表", "单位：元", "科目编码\t\t\t科目名称\t本年支出合计", "类\t款\t项\t\t",
                       "208\t\t\t社会保障和就业支出\t5", "208\t05\t\t行政事业单位养老支出\t5", "208\t05\t02\t事业单位离退休\t5"])
    [t] = read(parts)
    assert [r.code for r in t.rows] == ["208", "20805", "2080502"]


def test_ordinals_dropped_a_bare_numeral_only_in_a_run_of_ordinals():
    raw = ["七、文化旅游体育与传媒支出", "八社会保障和就业支出", "九、卫生健康支出", "一般公共预算财政拨款", "（一）行政单位", "1.主要负责人用车"]
    assert clean_labels(raw) == ["文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "一般公共预算财政拨款",
                                 "行政单位", "主要负责人用车"]


def test_counts_stay_as_printed_under_a_count_heading():
    raw = ["一、政府采购情况", "合计", "三、国有资产占用情况", "（一）车辆数合计(辆)", "1.主要负责人用车", "（二）单价100万元(含)以上设备"]
    assert count_rows(raw) == [False, False, False, True, True, False]


def test_a_merged_total_cell_spanning_panels_keeps_its_number():
    text = "\n".join([
        "一般公共预算财政拨款基本支出决算表", "单位：元",
        "人员经费\t\t\t公用经费\t\t\t\t\t",
        "科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数",
        "301\t工资福利支出\t10\t302\t商品和服务支出\t4\t310\t资本性支出\t1",
        "人员经费合计\t\t10\t公用经费合计\t\t\t\t5\t",
    ])
    [t] = read(text)
    assert [(r.code, r.label, r.values) for r in t.rows][-2:] == [
        (None, "人员经费合计", {"决算数": 10.0}), (None, "公用经费合计", {"决算数": 5.0})]
    assert not check_table(t, [])


def test_contents_lines_and_prose_are_no_tables():
    text = "\n".join(["目录", "一、收入支出决算总表.....\t2", "第二部分 2024年部门决算表",
                      "本部门2024年度支出决算表反映了各项支出。"])
    assert read(text) == []


def test_a_condition_about_an_empty_table_is_no_no_data_note_and_部门_names_the_entity():
    text = "\n".join(["一般公共预算财政拨款支出决算表", "部门：某市统计局", "2023 年度", "金额单位：万元",
                      "项目\t\t本年支出\t\t", "科目代码\t科目名称\t小计\t基本支出\t项目支出", "合计\t\t1.00\t1.00\t",
                      "注：本表反映一般公共预算财政拨款支出情况。", "如本表为空，则我部门本年度无此类资金收支余。"])
    [t] = read(text)
    assert not t.no_data and t.entity == "某市统计局" and t.rows[0].values == {"小计": 10000.0, "基本支出": 10000.0}


def test_其中_keeps_its_prefix_and_loses_the_ordinal_after_it():
    assert clean_labels(["其中：（1）公务用车运行维护费", "其中:办公费"]) == ["其中：公务用车运行维护费", "其中:办公费"]


def test_tables_whose_first_page_is_lost_take_the_standard_title_and_header_the_order_and_shape_give():
    text = "\n".join([
        *TWO_SIDED_WAN.split("\n"),
        "注：本表反映部门本年度的总收支。",
        "201\t一般公共服务支出\t5.00\t5.00\t\t\t\t\t",
        "20101\t人大事务\t5.00\t5.00\t\t\t\t\t",
        "注：本表反映部门本年度取得的各项收入情况。",
        "本表金额转换成万元时，因四舍五入可能存在尾差。",
        "201\t一般公共服务支出\t5.00\t4.00\t1.00\t\t\t",
        "20101\t人大事务\t5.00\t4.00\t1.00\t\t\t",
        "注：本表反映部门本年度各项支出情况。",
        "一般公共预算财政拨款支出决算表",
        "单位：万元",
        "项目\t\t本年支出\t\t", "科目代码\t科目名称\t小计\t基本支出\t项目支出", "合计\t\t5\t4\t1",
    ])
    tables = read(text)
    assert [(t.title, t.number, t.unit, len(t.rows)) for t in tables] == [
        ("收入支出决算总表", None, "万元", 6), ("收入决算表", None, "万元", 2), ("支出决算表", None, "万元", 2),
        ("一般公共预算财政拨款支出决算表", None, "万元", 1)]
    assert tables[1].rows[0].values == {"本年收入合计": 50000.0, "财政拨款收入": 50000.0}
    assert tables[2].rows[1].values == {"本年支出合计": 50000.0, "基本支出": 40000.0, "项目支出": 10000.0}


def test_a_contents_list_without_dots_does_not_hide_a_table_whose_first_page_is_lost():
    contents = ["目录", "一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "第二部分 决算表"]
    text = "\n".join([*contents, *TWO_SIDED_WAN.split("\n"), "注：本表反映总收支。",
                      "201\t一般公共服务支出\t5.00\t5.00\t\t\t\t\t", "20101\t人大事务\t5.00\t5.00\t\t\t\t\t",
                      "注：本表反映收入。", "三、支出决算表", "单位：万元", "项目\t\t本年支出合计\t基本支出",
                      "科目代码\t科目名称\t\t", "201\t一般公共服务支出\t5.00\t5.00"])
    assert [t.title for t in read(text)] == ["收入支出决算总表", "收入决算表", "支出决算表"]


def collapsed(text: str):
    import re

    return FinalAccountsReader().read_collapsed(normalize_text(re.sub(r"[\n\t]", " ", text)))


def test_collapsed_text_rows_found_again_at_codes_and_行次():
    [t] = collapsed(EXPENDITURE_YUAN)
    assert (t.title, t.number, t.unit) == ("2023年度支出决算表", "公开03表", "元")
    assert [(r.code, r.label, r.values) for r in t.rows][:2] == [
        (None, "合计", {"本年支出合计": 1500.0, "基本支出": 1000.0, "项目支出": 500.0}),
        ("213", "农林水支出", {"本年支出合计": 1500.0, "基本支出": 1000.0, "项目支出": 500.0})]
    assert t.rows[-1].values == {"本年支出合计": 500.0, "项目支出": 500.0}
    [s] = collapsed(TWO_SIDED_WAN)
    assert [(r.label, r.line, r.values) for r in s.rows] == [(a, b, c) for _, a, b, c in rows(read(TWO_SIDED_WAN)[0])]


def test_collapsed_three_public_one_item_a_row_and_a_lost_first_page():
    text = "\n".join(["财政拨款“三公”经费支出决算表", "公开07表", "金额单位：万元", "项 目\t预算数\t决算数",
                      "合 计\t2.00\t1.50", "1、因公出国（境）费\t\t", "2、公务接待费\t2.00\t1.50", "注：本表反映三公经费。"])
    [t] = collapsed(text)
    assert [(r.label, r.values) for r in t.rows] == [("合计", {"预算数": 20000.0, "决算数": 15000.0}),
                                                     ("公务接待费", {"预算数": 20000.0, "决算数": 15000.0})]
    lost = "\n".join([*TWO_SIDED_WAN.split("\n"), "注：本表反映部门本年度的总收支。",
                      "201\t一般公共服务支出\t5.00\t5.00\t\t\t\t\t", "20101\t人大事务\t5.00\t5.00\t\t\t\t\t",
                      "注：本表反映收入。", "一般公共预算财政拨款支出决算表", "单位：万元", "项目\t\t本年支出\t\t",
                      "科目代码\t科目名称\t小计\t基本支出\t项目支出", "合计\t\t5\t4\t1"])
    tables = collapsed(lost)
    assert [(t.title, t.headless, len(t.rows)) for t in tables] == [
        ("收入支出决算总表", False, 6), ("收入决算表", True, 2), ("一般公共预算财政拨款支出决算表", False, 1)]


def test_codes_map_onto_the_taxonomy_and_a_name_that_disagrees_is_a_check():
    from jixiao.pipelines.account_codes import map_codes
    from jixiao.pipelines.taxonomy import load_taxonomy

    text = "\n".join(["支出决算表", "单位：元", "项目\t\t本年支出合计", "科目代码\t科目名称\t",
                      "208\t教育支出\t5", "2080109\t社会保险经办\t5", "301\t工资福利支出\t5"])
    [t] = read(text)
    map_codes([t], load_taxonomy())
    assert t.rows[1].canonical.name == "社会保险经办机构" and t.rows[1].canonical.method == "code"
    [check] = [c for c in t.checks if c.code == "accounts.code_name"]
    assert "208 教育支出" in check.message and "社会保障和就业支出" in check.message


def test_chart_data_under_a_table_heading_is_no_table():
    text = "\n".join(["13、财政拨款“三公”经费支出决算表", "", "\t", "2024年\t", "收入\t支出\t253.87\t253.87\t2023年\t",
                      "列1\t", "一般公共预算财政拨款收入\t1\t"])
    assert read(text) == []


def test_a_table_laid_out_with_spaces_reads_by_column_position():
    from jixiao.pipelines.account_spaced import spaced_rows

    text = "\n".join([
        "一般公共预算财政拨款支出决算表",
        "金额单位：万元",
        "科目代码  科目名称                  小计    基本支出    项目支出",
        "合计                               12.00       10.00        2.00",
        "205       教育支出                 12.00       10.00        2.00",
        "2050201   学前教育（幼儿园）       10.00       10.00",
        "2050202   小学教育                  2.00                    2.00",
    ])
    [t] = FinalAccountsReader().read(spaced_rows(normalize_text(text)))
    assert [(r.code, r.label, r.values) for r in t.rows][2:] == [
        ("2050201", "学前教育（幼儿园）", {"小计": 100000.0, "基本支出": 100000.0}),
        ("2050202", "小学教育", {"小计": 20000.0, "项目支出": 20000.0})]
    assert t.rows[0].values == {"小计": 120000.0, "基本支出": 100000.0, "项目支出": 20000.0}


FISCAL_SUMMARY_YUAN = "\n".join([
    "财政拨款收入支出决算总表", "公开04表", "编制单位：某县林业局", "单位：元",
    "收入\t\t\t支出\t\t\t\t",
    "项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款",
    "一、一般公共预算财政拨款\t1\t800.00\t一、农林水支出\t7\t980.00\t780.00\t200.00",
    "二、政府性基金预算财政拨款\t2\t200.00\t\t8\t\t\t",
    "本年收入合计\t3\t1,000.00\t本年支出合计\t9\t980.00\t780.00\t200.00",
    "年初财政拨款结转和结余\t4\t50.00\t年末财政拨款结转和结余\t10\t70.00\t70.00\t",
    "一般公共预算财政拨款\t5\t50.00\t\t11\t\t\t",
    "总计\t6\t1,050.00\t总计\t12\t1,050.00\t850.00\t200.00",
])


def test_a_summary_balances_the_year_totals_and_each_side_adds_its_carry_lines_up_to_its_总计():
    """本年收入合计 + 年初结转和结余 = 本年支出合计 + 年末结转和结余 (本年收入合计 = 本年支出合计 where no carry
    line prints), and each side's 总计 = its 本年…合计 + its carry lines (a breakdown line under one is no addend)."""
    [t] = read(FISCAL_SUMMARY_YUAN)
    codes = {i.code for i in table_identities(t, [])}
    assert {"accounts.year_balance", "accounts.side_total"} <= codes
    assert not t.checks
    [t] = read(FISCAL_SUMMARY_YUAN.replace("年末财政拨款结转和结余\t10\t70.00\t70.00", "年末财政拨款结转和结余\t10\t60.00\t60.00"))
    warnings = [(c.code, c.message) for c in t.checks if c.severity == "warning"]
    assert any(code == "accounts.year_balance" and "row 本年收入合计" in m and "+10.00" in m for code, m in warnings)
    assert any(code == "accounts.side_total" and "row 总计 column 合计" in m and "+10.00" in m for code, m in warnings)
    assert {code for code, _ in warnings} == {"accounts.year_balance", "accounts.side_total"}
    no_carry = [line for line in FISCAL_SUMMARY_YUAN.split("\n") if "结转" not in line and not line.startswith(("一般公共预算财政拨款\t5", "总计"))]
    [t] = read("\n".join(no_carry).replace("本年支出合计\t9\t980.00", "本年支出合计\t9\t990.00"))
    [balance] = [c for c in t.checks if c.code == "accounts.year_balance"]
    assert balance.severity == "warning" and "本年支出合计 990.00" in balance.message and "+10.00" in balance.message


THREE_PUBLIC_ROWS = "\n".join([
    "2023年度财政拨款“三公”经费支出决算表", "编制单位：某市审计局", "单位：万元",
    "项目\t预算数\t决算数",
    "合计\t20.00\t18.50",
    "1、因公出国（境）费\t2.00\t1.50",
    "2、公务用车购置及运行维护费\t15.00\t14.00",
    "其中：（1）公务用车购置费\t10.00\t10.00",
    "（2）公务用车运行维护费\t5.00\t4.00",
    "3、公务接待费\t3.00\t3.00",
])


def test_a_three_public_table_one_item_a_row_adds_its_items_up_to_its_total():
    [t] = read(THREE_PUBLIC_ROWS)
    assert [r.label for r in t.rows] == ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "其中：公务用车购置费",
                                         "公务用车运行维护费", "公务接待费"]
    assert [i.code for i in table_identities(t, [])].count("accounts.three_public") == 4  # 2 sums x 2 columns
    assert not t.checks
    [t] = read(THREE_PUBLIC_ROWS.replace("（2）公务用车运行维护费\t5.00\t4.00", "（2）公务用车运行维护费\t5.00\t4.50"))
    [warning] = [c for c in t.checks if c.severity == "warning"]
    assert warning.code == "accounts.three_public" and "公务用车购置及运行维护费" in warning.message
    assert "column 决算数" in warning.message and "-5000.00" in warning.message
    [t] = read(THREE_PUBLIC_ROWS.replace("合计\t20.00\t18.50", "合计\t21.00\t18.50"))
    [warning] = [c for c in t.checks if c.severity == "warning"]
    assert "row 合计 column 预算数" in warning.message and "+10000.00" in warning.message


def test_a_contents_list_set_apart_by_blank_lines_names_no_printed_table():
    from jixiao.pipelines.account_readings import CONTENTS_TITLES, printed_titles

    contents = ["目录", "", "一、收入支出决算总表", "", "二、收入决算表", "", "三、支出决算表", "", "第二部分 说明"]
    titles = printed_titles(normalize_text("\n".join(contents) + "\n\n" + EXPENDITURE_YUAN))
    # the contents entries are no titles the reader must find tables under; the table's own title is
    assert CONTENTS_TITLES <= 3 and titles == ["2023年度支出决算表"]
    # two title lines in a row (a title over its continuation's) are still titles
    pair = printed_titles(normalize_text("一、收入决算表\n\n二、支出决算表\n\n说明"))
    assert pair == ["收入决算表", "支出决算表"]
