"""Indicators a small unit states as a pledge and its result in one clause (invented examples)."""

from jixiao.pipelines.prose_indicators import indicator_sentences
from jixiao.pipelines.prose_pledges import pledged_indicators


def _read(text: str) -> list[tuple]:
    return [(p.indicator.name.text, p.indicator.target[0].text, p.indicator.actual.text)
            for p in pledged_indicators(text, 0, len(text))]


def test_pledged_targets_and_results_after_yi_leiji_gongji():
    text = ("数量指标方面，乡村道路硬化里程确保不少于8km，已完成8.4km（其中：东村3.1km、西村5.3km），完成率105%；"
            "新建垃圾收集点确保达到12座，已建成12座；改造供水管网力争达到3.5km，截至12月底已完成3.2km，主要是冬季停工；"
            "受益农户户数不少于600户，累计受益642户；群众满意度确保≥90%，经问卷调查实际为93.5%。\n")
    assert _read(text) == [("乡村道路硬化里程", "不少于8km", "8.4km"), ("新建垃圾收集点", "12座", "12座"),
                           ("改造供水管网", "3.5km", "3.2km"), ("受益农户户数", "不少于600户", "642户"),
                           ("群众满意度", "≥90%", "93.5%")]
    # (the lead heads the clauses after it)
    assert [(i.level1, i.level2) for i in indicator_sentences(text, 0, len(text))][:2] == [("产出指标", "数量指标")] * 2


def test_bare_figures_comparisons_dates_and_marks():
    text = ("1、完成校舍维修面积确保不少于3000m²，已完成3120m²（分值10分，得分10分）；"
            "2、助餐点数量6家，已运营6家（分值10分，得分10分）；"
            "3、维修完工时间确保2023年8月31日前，实际9月10日完工（分值10分，得分8分）。\n"
            "效益指标共1项，其中：植被覆盖率较上年提高3个百分点，实际提高2.6个百分点。\n")
    got = pledged_indicators(text, 0, len(text))
    assert [(p.indicator.name.text, p.indicator.target[0].text, p.indicator.actual.text) for p in got] == [
        ("校舍维修面积", "不少于3000m²", "3120m²"), ("助餐点数量", "6家", "6家"),
        ("维修完工时间", "2023年8月31日前", "9月10日"), ("植被覆盖率", "较上年提高3个百分点", "提高2.6个百分点")]
    assert [(p.indicator.weight.text, p.indicator.score.text) for p in got[:3]] == [("10", "10"), ("10", "10"),
                                                                                    ("10", "8")]
    assert got[3].level is not None and got[3].level.text == "效益指标"


def test_funds_and_plain_counts_are_no_pledge():
    text = ("项目年初预算450万元，截至12月底已执行427.5万元，执行率95%。\n"
            "项目年初预算1,150万元，调整后预算1,080万元，截至12月底实际支出1,036.8万元。\n"
            "经考核鉴定，合格1515人次，培训合格率为93.5%。\n"
            "本项目共设置三级指标9个，其中：产出指标5个，效益指标3个。\n")
    assert _read(text) == []


def test_marks_after_a_comma_and_cued_targets_left_to_the_cued_forms():
    text = "（1）数量指标：开展活动项目数≥12个，实际完成14个，得10分；巡护里程计划完成≥1500公里，实际完成1620公里。\n"
    got = pledged_indicators(text, 0, len(text))
    assert [(p.indicator.name.text, p.indicator.score.text) for p in got] == [("开展活动项目数", "10")]


def test_dates_bounds_marks_and_latin_units_open_no_name():
    text = ("截至2023年12月31日，已支出97.35万元。\n平均救助成本：控制在1500元/人次以内，实际1386元/人次。\n"
            "城市PM2.5平均浓度≤30微克/立方米，实际26微克/立方米。\n"
            "路面面积（满分10分）：年度目标值≥12000平方米，实际完成12650平方米。\n")
    assert _read(text) == []


def test_a_cue_word_opens_no_name():
    text = "预期新增灌溉面积1.8万亩，实际达到1.71万亩。\n年度目标值较上年缩短2天，实际缩短3天。\n"
    assert _read(text) == []


def test_a_target_cue_is_no_level_word_leading_a_name():
    # (年度指标值每月10日前: 年度指标 opens the cue, it leads no name 值每月)
    assert _read("救助资金按月发放：年度指标值每月10日前，实际完成每月10日前。\n") == []


def test_a_change_verb_the_name_ends_with_is_not_repeated_in_the_actual():
    assert _read("社会效益指标:亩均产能提高≥50公斤,实际提高58公斤。\n") == [("亩均产能提高", "≥50公斤", "58公斤")]
    assert _read("社会效益指标:亩均产能≥50公斤,实际提高58公斤。\n") == [("亩均产能", "≥50公斤", "提高58公斤")]
