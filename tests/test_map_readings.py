"""Readings that beat a name's bare head (issue 19, round 6): whose satisfaction, a more specific entry spelt with
words of one meaning, counts of those paid, incidents with a target of zero, per-unit costs, volumes and other rates.
Names here are invented for the rules, not taken from a labelled split."""

import pytest

from jixiao.pipelines.indicator_readings import recipient_count, satisfaction_group, specific_fold, zero_incident
from jixiao.pipelines.map import Mapper, measure_of



def _answer(mapper, name, unit=None, level2=None):
    r = mapper.map(name, "indicator", level2=level2, unit=unit)
    return r.entry.name if r.entry else None


@pytest.mark.parametrize("name, expected", [
    ("社区居民满意度", "群众满意度"), ("辖区群众满意度", "群众满意度"), ("受益农户满意度", "受益群体满意度"),
    ("救助家庭满意度", "补助对象满意度"), ("受资助学生家长满意度", "补助对象满意度"),
    ("受益农户满意虔", "受益群体满意度"),  # the ending slipped: the group still decides
    ("受助学生满意度", "学生满意度"),  # a group with its own entry keeps it
    ("游客满意度", "服务对象满意度"),  # no group word: the generic
    ("享受医疗救助待遇的城乡困难居民满意度", "补助对象满意度"),  # recipients named before residents
])
def test_a_satisfaction_is_read_as_its_group(mapper, name, expected):
    assert _answer(mapper, name) == expected


def test_the_public_is_a_short_subject_not_a_group_a_programme_defines():
    # 居民 far into a long subject (享受…待遇的城乡居民) is the served group, not the public
    assert satisfaction_group("享受城乡居民基本养老保险待遇城乡居民满意度") is None
    assert satisfaction_group("周边居民满意度") == "群众满意度"


@pytest.mark.parametrize("name, expected", [
    ("专项经费支付及时率", "资金拨付及时率"), ("垃圾无害化处置率", "无害化处理率"), ("运维费用支付及时率", "资金拨付及时率"),
    ("生活补贴到位率", "补助到位率"),
])
def test_a_more_specific_entry_of_the_same_meaning_wins_over_the_generic_head(mapper, name, expected):
    assert _answer(mapper, name) == expected


def test_two_specific_entries_that_fit_alike_abstain():
    # 补贴 -> 补助到位率 and 资金 -> 资金到位率 both fit: a guess either way
    assert _answer(Mapper.from_taxonomy(), "困难补贴资金按时到位率") is None
    assert specific_fold("运营费支付") == "运营资金拨付"


def test_a_volume_is_a_count_and_another_rate_is_not_answered(mapper):
    assert measure_of("日均供水量") == "count" and measure_of("水质质量") == "qualitative"
    for unit in ("万吨/日", None):
        r = mapper.map("城镇污水处理量", "indicator", unit=unit)
        assert r.entry is None or r.entry.measure != "rate"  # a volume reaches no 污水处理率 (one slip from it)
    r = mapper.map("乡镇污水处理厂负荷率", "indicator", unit="%")  # 66.7 from 污水处理率: another rate
    assert r.entry is None or r.entry.name.endswith("负荷率")


@pytest.mark.parametrize("name, unit", [("临时救助补贴户数", "户"), ("护理补贴人次", "人次"), ("教育资助人数", "人"),
                                        ("贷款贴息户数", "户")])
def test_a_count_of_those_paid_is_the_number_paid(mapper, name, unit):
    assert recipient_count(name)
    assert _answer(mapper, name, unit) == "发放人数"


def test_a_count_of_those_paid_keeps_its_qualifiers(mapper):
    assert _answer(mapper, "新增补贴人数", "人") != "发放人数"  # 新增 counts the newly added
    assert not recipient_count("培训人数")


@pytest.mark.parametrize("name, unit, expected", [
    ("全年未发生重大安全生产事故", "起", "事故发生起数"), ("杜绝校园欺凌事件", None, "事故发生起数"),
    ("未发生重大安全生产事故", "%", None),  # a share is no count of incidents
])
def test_an_incident_that_did_not_happen_is_counted(mapper, name, unit, expected):
    assert zero_incident(name, unit) == (expected is not None)
    assert _answer(mapper, name, unit) == expected


@pytest.mark.parametrize("name, unit, expected", [
    ("吨垃圾处理成本", "元/吨", "单位成本"), ("单次检测费用", "元/次", "单位成本"), ("亩均建设投入", "元/亩", "单位成本"),
    ("检测费用", "万元", None), ("人均培训费用", None, "人均培训成本"),
])
def test_per_unit_costs(mapper, name, unit, expected):
    got = _answer(mapper, name, unit)
    assert got == expected if expected else got != "单位成本"


def test_a_quality_noun_is_not_read_over_words_put_before_it(mapper):
    assert _answer(mapper, "老年人生活照料水平") != "生活水平"
