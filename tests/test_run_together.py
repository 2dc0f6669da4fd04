"""Rows whose cells run together with no separator, one row a line (``run_together``), as a mirror site prints a
score-only sheet: three amounts with ``.00`` before the rate, and a row's target, actual and 得分 run into its name.
Invented examples."""

import pytest

from jixiao.pipelines.run_together import split_rate_run

# a Hubei-style score-only sheet (年度指标值 / 实际完成值 / 得分, no 分值) on a zh-HK mirror with toneless pinyin
SCORE_ONLY = "\n".join([
    "項目名稱示例鎮農村供水保障工程",
    "主管部門示例縣水利局實施單位示例縣示例鎮人民政府",
    "項目資金(元)年初預算數全年預算數全年執行數執行率",
    "年度資金總額560000.00600000.00582000.0097%",
    "其中：財政撥款560000.00600000.00582000.0097%",
    "績效指標一級指標二級指標三級指標年度指標值實際完成值得分",
    "產(chan)出指標(biao)數(shu)量指標(biao)改造供水管綫長度≥18公里18.6公里15",
    "新建村級蓄水池6座6座10",
    "時(shi)效指標(biao)工程完工時間2023年11月底前2023年11月10",
    "滿(man)意度指標(biao)服務對象滿(man)意度指標(biao)受益羣眾滿意度≥90%92%9",
    "總分44",
])


def test_a_score_only_sheet_run_together_reads_funds_rows_and_scores(extractor):
    record = extractor.extract_text(SCORE_ONLY, doc_id="t", mode="parser")
    [p] = record.projects
    assert (p.name, p.department, p.implementer) == ("示例鎮農村供水保障工程", "示例縣水利局", "示例縣示例鎮人民政府")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        560000, 600000, 582000, 97)
    assert p.score == 44
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "改造供水管綫長度", "≥18公里", "18.6公里", None, 15),
        ("数量指标", "新建村級蓄水池", "6座", "6座", None, 10),
        ("时效指标", "工程完工時間", "2023年11月底前", "2023年11月", None, 10),
        ("服务对象满意度指标", "受益羣眾滿意度", "≥90%", "92%", None, 9),
    ]


@pytest.mark.parametrize("run, amounts, parts", [
    # three amounts printed with .00: the tail 0.0097 of the last one is no rate (two decimals at most)
    ("560000.00600000.00582000.0097%", (2, 3), ["560000.00", "600000.00", "582000.00", "97%"]),
    ("80807695%", (2, 3), ["80", "80", "76", "95%"]),
    ("12001200100%", (2, 3), ["1200", "1200", "100%"]),
    # a rate printed with two decimals still reads
    ("32030896.25%", (2,), ["320", "308", "96.25%"]),
])
def test_amounts_and_a_rate_split_where_one_split_agrees(run, amounts, parts):
    assert split_rate_run(run, amounts) == parts


# the same sheet as a few long lines, one a block, its indicator rows on one line broken by a page counter inside a
# name (a mirror's preview that printed 第2頁 between its pages)
PAGE_BROKEN = "\n".join([
    "項目名稱示例鎮農村供水保障工程",
    "主管部門示例縣水利局實施單位示例縣示例鎮人民政府",
    "項目資金(元)年初預算數全年預算數全年執行數執行率",
    "年度資金總額560000.00600000.00582000.0097%",
    "其中：財政撥款560000.00600000.00582000.0097%",
    "年度總體目標年度目標完成供水管綫改造18公里實際完成情況完成改造18.6公里",
    "績效指標一級指標二級指標三級指標年度指標值實際完成值得分",
    "產出指標數量指標改造供水管綫長度≥18公里18.6公里15新建村級蓄水池6座6座10時效指標工程完工時間2023年11月底前"
    "2023年11月10效益指標可持續影響指標供水設施長效",
    "第2頁",
    "管護機制健全健全10滿意度指標服務對象滿意度指標受益羣眾滿意度≥90%92%9",
    "總分54",
])


def test_a_long_line_broken_by_a_page_counter_inside_a_name_is_one_run(extractor):
    record = extractor.extract_text(PAGE_BROKEN, doc_id="t", mode="parser")
    [p] = record.projects
    rows = {i.name: (i.target, i.actual, i.score) for i in p.indicators}
    assert rows["供水設施長效管護機制"] == ("健全", "健全", 10)
    assert rows["受益羣眾滿意度"] == ("≥90%", "92%", 9)


# the few-long-lines form with the funds 得分 after the rate, a site's line inside a target and a 总分
SITE_BROKEN = "\n".join([
    "項目名稱示例鎮農機購置補貼",
    "主管部門示例縣農業農村局實施單位示例縣農機站",
    "項目資金(萬元)年初預算數全年預算數全年執行數執行率得分",
    "財政撥款30035034398%",
    "合計30035034398%9.8",
    "年度總體目標年度目標補貼農機具500台套實際完成情況補貼農機具536台套",
    "績效指標一級指標二級指標三級指標年度指標值實際完成值得分",
    "產出指標數量指標補貼農機具數量≥500台套536台套20效益指標經濟效益指標綜合機械化率較上年提高1個",
    "下載文檔到電腦，方便使用",
    "百分點提高1.3個百分點15滿意度指標服務對象滿意度指標購機農戶滿意度≥90%95%19",
    "總分63.8自評等級優",
])


def test_a_site_line_inside_a_target_of_a_long_line_and_the_funds_score(extractor):
    [p] = extractor.extract_text(SITE_BROKEN, doc_id="t", mode="parser").projects
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        3000000, 3500000, 3430000, 98)
    rows = {i.name: (i.target, i.actual, i.score) for i in p.indicators}
    assert rows["綜合機械化率"] == ("較上年提高1個百分點", "提高1.3個百分點", 15)
    assert (p.score, p.grade) == (63.8, "优")
