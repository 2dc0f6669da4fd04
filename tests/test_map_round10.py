"""Issue 19, round 10: readings that recover names the taxonomy has under another wording (docs/decisions/
mapping-round10.md): a rate of work done on time, a bare time of completion, people examined, a payment per head, an
event that happened, a purchase's cost per unit, a per-head work fee, OCR look-alike glyphs, a harm a remedy treats;
and the guards that keep each off what it is not."""

import pytest

from jixiao.pipelines.indicator_names import per_unit
from jixiao.pipelines.indicator_readings import per_head_allowance, zero_incident
from jixiao.pipelines.indicator_roles import head_synonyms, on_time_rate, purchase_cost, unit_fee


def _answer(mapper, name, level2=None, unit=None):
    r = mapper.map(name, "indicator", level2=level2, unit=unit)
    return r.entry.name if r.entry else None


# ---- on-time rates (map_heads._printed_head, indicator_roles.on_time_rate) ---------------------------------------
@pytest.mark.parametrize("key, read", [
    ("地名标志按期安装率", "地名标志安装及时率"), ("监测报告按时提交率", "监测报告提交及时率"),
    ("项目按计划开工率", "项目开工及时率"), ("救助资金按时结算率", "救助资金结算及时率"),
])
def test_an_on_time_mark_and_a_verb_before_rate_read_as_that_verbs_timeliness(key, read):
    assert on_time_rate(key) == read


@pytest.mark.parametrize("key", [
    "资金按时发放率",  # 按时发放率 is an entry of its own
    "工程按期完成率", "禁毒宣传活动按计划完成率",  # 按期完成率: labels split it by whose work it is
    "窗口事项按时办结率", "补助资金按时足额到位率", "按标准发放率", "项目开工率", "按时到岗",
])
def test_verbs_the_taxonomy_names_and_names_without_the_pattern_are_not_rewritten(key):
    assert on_time_rate(key) is None


@pytest.mark.parametrize("name", ["地名标志按期安装率", "监测报告按时提交率", "筛查信息按时上报率", "项目按时开工率",
                                  "项目按计划开工率", "交货准时率"])
def test_work_done_on_time_is_its_timeliness(mapper, name):
    assert _answer(mapper, name, level2="时效指标", unit="%") == "及时率"


def test_funds_settled_on_time_are_funds_paid_on_time(mapper):
    # 结算 folds to 拨付 (SPECIFIC_FOLDS): the specific entry, not the generic 及时率
    assert _answer(mapper, "救助资金按时结算率", level2="时效指标", unit="%") == "资金拨付及时率"


def test_on_time_rates_the_taxonomy_names_keep_their_entries(mapper):
    assert _answer(mapper, "资金按时发放率", unit="%") == "按时发放率"
    assert _answer(mapper, "政务服务事项按时办结率", unit="%") == "办结率"
    assert _answer(mapper, "项目按期完工率", unit="%") == "项目完成及时率"
    assert _answer(mapper, "按标准发放率", unit="%") != "及时率"


# ---- a bare time of completion (indicator_roles.duration_role) -------------------------------------------------
@pytest.mark.parametrize("name, unit", [("增殖放流活动完成时间", "月"), ("培训任务完成时间", "天"),
                                        ("河长公示牌信息更新完成时间", None)])
def test_a_bare_completion_time_is_the_planned_one(mapper, name, unit):
    assert _answer(mapper, name, level2="时效指标", unit=unit) == "计划完成时间"


def test_a_response_time_is_still_a_response_time(mapper):
    assert _answer(mapper, "接警后出动时间", unit="分钟") == "响应时间"


# ---- head synonyms: people examined, events that happened (vocab.HEAD_SYNONYMS) --------------------------------
@pytest.mark.parametrize("key, folded", [
    ("宫颈癌检查人数", "宫颈癌检测人数"), ("吸毒人员尿检人次", "吸毒人员检测人次"), ("交货准时率", "交货及时率"),
    ("学校食物中毒事件发生次数", "学校食物中毒事故发生次数"), ("检查企业数量", "检查企业数量"),
])
def test_head_synonyms_fold_in_one_pass(key, folded):
    assert head_synonyms(key) == folded


@pytest.mark.parametrize("name, unit", [("宫颈癌检查人数", "人"), ("乳腺癌检查人数", None), ("吸毒人员尿检人次", "人次")])
def test_people_examined_or_urine_tested_are_those_tested(mapper, name, unit):
    assert _answer(mapper, name, level2="数量指标", unit=unit) == "检测人数"


def test_an_examination_count_is_never_a_rate(mapper):
    assert _answer(mapper, "宫颈癌检查人数", unit="%") != "检测人数"


def test_an_event_that_happened_is_counted_as_an_incident(mapper):
    assert _answer(mapper, "学校食物中毒事件发生次数", level2="质量指标", unit="次") == "事故发生起数"


# ---- a case is no incident without a zero mark (indicator_readings.zero_incident) ------------------------------
def test_a_counted_case_is_no_incident_but_a_zero_case_is():
    assert not zero_incident("登记错误引发赔偿案件", "起")
    assert zero_incident("未发生重大刑事案件", "起")
    assert zero_incident("发生重大食品安全事故", "起")


def test_a_compensation_case_count_is_left_unmatched(mapper):
    assert _answer(mapper, "登记错误引发赔偿案件", level2="质量指标", unit="起") is None


# ---- a payment per head (indicator_readings.per_head_allowance) ------------------------------------------------
@pytest.mark.parametrize("key", ["河道保洁员人均补助", "职业培训补贴人均金额", "困难学生生均资助", "人均补助金额"])
def test_a_payment_per_head_is_an_allowance(key):
    assert per_head_allowance(key)


@pytest.mark.parametrize("key", ["人均补助人数", "失业保险补助", "补助资金", "人均培训成本"])
def test_a_payment_without_a_per_head_mark_or_not_at_the_end_is_not(key):
    assert not per_head_allowance(key)


def test_a_payment_per_head_maps_to_the_standard_and_not_to_a_count(mapper):
    assert _answer(mapper, "河道保洁员人均补助", level2="成本指标", unit="元/人·年") == "补助标准"
    assert _answer(mapper, "河道保洁员人均补助", unit="%") is None


# ---- a purchase's cost per unit, and 每 before a unit (indicator_roles.purchase_cost, indicator_names.per_unit) -
def test_a_purchase_cost_per_unit_and_its_total_are_two_entries():
    assert purchase_cost("每万尾鱼苗采购成本") == "单位购置成本"
    assert purchase_cost("疫苗采购成本") == "采购项目总成本"
    assert purchase_cost("每年药品采购成本") == "采购项目总成本"  # 每年: how often, a total
    assert purchase_cost("培训成本") is None


def test_every_before_a_unit_is_per_unit_and_before_a_period_is_not():
    assert per_unit("每万尾鱼苗采购成本") and per_unit("每公里养护成本")
    assert not per_unit("每月发放补贴金额") and not per_unit("每年补助金额")


def test_purchase_costs_map_by_whether_they_are_per_unit(mapper):
    assert _answer(mapper, "每万尾鱼苗采购成本", level2="成本指标", unit="元/万尾") == "单位购置成本"
    assert _answer(mapper, "疫苗采购成本", level2="成本指标", unit="万元") == "采购项目总成本"
    assert _answer(mapper, "每月发放补贴金额", level2="成本指标", unit="元") == "补助金额"


# ---- a per-head work fee (indicator_roles.unit_fee) ------------------------------------------------------------
def test_a_work_fee_with_a_per_head_mark_anywhere_is_a_unit_fee():
    assert unit_fee("人均矫正工作经费") and unit_fee("禁毒专干人均工作经费")
    assert not unit_fee("人均运维经费")  # a fee's named use per person: left to its entry or none
    assert not unit_fee("年度工作经费")


def test_a_per_head_work_fee_is_a_unit_cost(mapper):
    assert _answer(mapper, "人均矫正工作经费", level2="成本指标", unit="元/人") == "单位成本"


# ---- OCR look-alike glyphs (map_heads._glyph_head, _slipped_specific) ------------------------------------------
@pytest.mark.parametrize("name, unit, entry", [
    ("养老服务设施验收台格率", "%", "验收合格率"), ("补贴对象认定淮确率", "%", "准确率"), ("动态管理及吋率", "%", "及时率"),
    ("单个服务站建设朴助标准", "万元/个", "补助标准"), ("公租房保障受益入数", "人", "受益对象数量"),
    ("西瓜种值面积", None, "种植面积"), ("养护工程验牧合格率", "%", "验收合格率"),
])
def test_a_look_alike_glyph_is_read_back(mapper, name, unit, entry):
    assert _answer(mapper, name, unit=unit) == entry


def test_a_character_that_is_no_look_alike_is_not_read_back(mapper):
    assert _answer(mapper, "数字化成果质检合格率", unit="%") is None  # 检 for 量: another word
    assert _answer(mapper, "管护补助按月发放率", unit="%") is None  # 月 for 时
    assert _answer(mapper, "平台入驻企业数", unit="个") is None  # 入 read back makes no form


def test_a_glyph_read_back_keeps_the_measure_guard(mapper):
    assert _answer(mapper, "补贴对象认定淮确率", unit="人") is None  # a rate's form, a count's unit


# ---- whose satisfaction: 保障对象 (vocab.SATISFACTION_GROUPS) ---------------------------------------------------
def test_those_a_guarantee_scheme_covers_are_recipients(mapper):
    assert _answer(mapper, "保 障 对 象 满 意 度", level2="服务对象满意度指标", unit="%") == "补助对象满意度"
    assert _answer(mapper, "服务对象满意度", level2="服务对象满意度指标", unit="%") == "服务对象满意度"


# ---- a harm a remedy treats (indicator_names.qualifiers_agree, vocab.REMEDY_HEADS) -----------------------------
def test_a_harm_before_a_remedy_is_its_object_not_its_negation(mapper):
    assert _answer(mapper, "水土流失治理面积", level2="生态效益指标", unit="平方公里") == "治理面积"
    assert _answer(mapper, "参保人员流失率", unit="%") is None  # 失 before a rate that is no remedy still negates
