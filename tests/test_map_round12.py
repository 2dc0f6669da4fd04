"""Issue 19, round 12 (docs/decisions/mapping-round12.md): the manner of a payment, what an insurer underwrites, units
supported, cases counted, a standard or an area made by the word before it, trainees' and a people's satisfaction, and
a verb misread before an on-time rate; each with the guard's other side. Every name here is invented."""

import pytest

from jixiao.pipelines.indicator_names import made_noun_kept, qualifiers_agree, supported_count
from jixiao.pipelines.indicator_readings import counted_case_held, satisfaction_group
from jixiao.pipelines.map import Mapper


@pytest.fixture(scope="module")
def mapper():
    return Mapper.from_taxonomy()


def _answer(mapper, name, level2=None, unit=None):
    r = mapper.map(name, "indicator", level2=level2, unit=unit)
    return r.entry.name if r.entry else None


# ---- how a payment is made is not whether it was made (MEANING_QUALIFIERS) --------------------------------------
@pytest.mark.parametrize("name", ["救灾款社会化发放率", "低保金实名制发放率", "救灾款按标准发放率"])
def test_a_manner_of_payment_is_no_payment_rate(mapper, name):
    assert _answer(mapper, name, "质量指标", "%") is None
    assert not qualifiers_agree(name, "发放率", "rate", head=True)


@pytest.mark.parametrize("name, entry", [("低保金发放率", "发放率"), ("救灾款按时发放率", "按时发放率"),
                                         ("取暖补贴足额发放率", "足额发放率")])
def test_a_payment_rate_without_a_manner_is_still_read(mapper, name, entry):
    assert _answer(mapper, name, "质量指标", "%") == entry


# ---- what an insurer underwrites is no count of what is planted or kept ---------------------------------------
@pytest.mark.parametrize("name, unit", [("玉米种植保险承保面积", "亩"), ("肉牛养殖保险投保头数", "头"),
                                        ("果苗种植保险面积", "亩")])
def test_an_insured_quantity_is_not_the_quantity(mapper, name, unit):
    assert _answer(mapper, name, "数量指标", unit) is None


def test_a_planted_area_is_still_read(mapper):
    assert _answer(mapper, "玉米种植面积", "数量指标", "亩") == "种植面积"


# ---- units supported are not things built or kept ------------------------------------------------------------
@pytest.mark.parametrize("name", ["扶持乡村旅游示范村建设数量", "支持村级光伏电站改扩建数量"])
def test_units_supported_are_not_things_built(mapper, name):
    assert _answer(mapper, name, "数量指标", "个") is None


def test_things_built_and_projects_supported_are_still_read(mapper):
    assert _answer(mapper, "新建乡村旅游示范村建设数量", "数量指标", "个") == "建设数量"
    assert _answer(mapper, "支持农产品加工项目个数", "数量指标", "个") == "项目数量"


def test_supported_count_function():
    assert supported_count("扶持乡村旅游示范村建设数量", "建设数量")
    assert not supported_count("支持农产品加工项目数量", "项目数量")
    assert not supported_count("新建乡村旅游示范村建设数量", "建设数量")


# ---- cases counted are cases -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["商标侵权纠纷案件数", "受理消费维权投诉案件数"])
def test_cases_counted_are_not_the_words_before_them(mapper, name):
    assert _answer(mapper, name, "数量指标", "件") is None


def test_a_rate_of_cases_and_a_count_of_patents_are_still_read(mapper):
    assert _answer(mapper, "侵权纠纷案件结案率", "质量指标", "%") == "办结率"
    assert _answer(mapper, "发明专利数", "数量指标", "件") == "专利数量"


def test_counted_case_held_function():
    assert not counted_case_held("商标侵权纠纷案数量", "专利数量")  # 件数 folded to 数量 in the key
    assert not counted_case_held("景区安全事故数", "景区数")
    assert counted_case_held("景区安全事故数", "安全事故数")
    assert counted_case_held("授权发明专利数量", "专利数量")


# ---- a standard or an area is of the word printed right before it (MADE_NOUNS) ----------------------------------
@pytest.mark.parametrize("name", ["村医工资补帖标准", "护林队员工资补帖标准"])
def test_another_word_before_a_standard_is_no_answer(mapper, name):
    assert _answer(mapper, name, "成本指标", "元/人·月") is None


def test_standards_read_before_still_are(mapper):
    assert _answer(mapper, "护林员工资补贴标准", "成本指标", "元/人·月") == "补助标准"
    assert _answer(mapper, "护林员工资标准", "成本指标", "元/人·月") == "工资标准"
    assert _answer(mapper, "村医补助人均标准", "成本指标", "元/人") == "补助标准"  # a per-head mark qualifies


def test_made_noun_kept_function():
    assert not made_noun_kept("村医工资补帖标准", "工资标准")
    assert not made_noun_kept("玉米种植保险承保面积", "种植面积")
    assert made_noun_kept("人均补标准", "补助标准")  # one character left out
    assert made_noun_kept("村医补助人均标准", "补助标准")
    assert made_noun_kept("苹果种植面积", "种植面积")
    assert made_noun_kept("苹果种植数量", "种植面积")  # the name does not end with the noun: not this guard's


# ---- whose satisfaction (SATISFACTION_GROUPS) -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["参训村医满意度", "参训乡村医生对培训的满意程度", "受训护林员满意度"])
def test_those_trained_are_trainees(mapper, name):
    assert _answer(mapper, name, "服务对象满意度指标", "%") == "受训学员满意度"


def test_a_people_named_in_four_characters_is_the_public(mapper):
    assert _answer(mapper, "边境地区群众对项目的满意程度", "社会公众满意度指标", "%") == "群众满意度"
    assert satisfaction_group("边境地区群众满意度") == "群众满意度"


def test_a_group_a_programme_defines_at_length_is_not_the_public(mapper):
    assert satisfaction_group("享受城乡居民医疗保险待遇城乡居民满意度") is None
    assert _answer(mapper, "享受城乡居民医疗保险待遇的城乡居民满意度", "服务对象满意度指标", "%") == "服务对象满意度"


# ---- a verb misread before an on-time rate -----------------------------------------------------------------------
def test_a_misread_verb_the_taxonomy_names_is_read_as_that_verb(mapper):
    # 戍 for 成: the verb is 完成, whose rate the taxonomy names; not a new verb's 及时率, nor the qualitative 完成及时性
    assert _answer(mapper, "消防演练按期完戍率", "时效指标", "%") == _answer(mapper, "消防演练按期完成率", "时效指标", "%")
    assert _answer(mapper, "消防演练按期完戍率", "时效指标", "%") == "项目完成及时率"


def test_other_verbs_on_time_are_still_their_timeliness(mapper):
    assert _answer(mapper, "标志牌按期安装率", "时效指标", "%") == "及时率"


# ---- within the set time limit is on time; money made good (兑现) is money paid out (兑付) ----------------------
@pytest.mark.parametrize("name", ["奖补资金在规定时限内兑现的比例", "奖补资金按时兑现率"])
def test_money_made_good_on_time_is_paid_on_time(mapper, name):
    assert _answer(mapper, name, "时效指标", "%") == "发放及时率"


def test_a_time_limit_keeps_the_rate_it_qualifies(mapper):
    assert _answer(mapper, "信访事项在规定时限内办结的比例", "质量指标", "%") == "办结率"
    # 规定时间内 is no fold: the taxonomy names an entry with it
    assert _answer(mapper, "资金在规定时间内下达率", "时效指标", "%") == "资金在规定时间内下达率"
    # without a time mark a share made good is no timeliness
    assert _answer(mapper, "奖补资金兑现率", "质量指标", "%") != "发放及时率"
