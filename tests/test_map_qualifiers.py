"""Issue 19, round 3: the guards that keep a level-3 answer to what the name means (qualifiers, the target's unit,
short names one slip away, a level-1 heading printed in the level-2 column)."""

import pytest

from jixiao.pipelines.indicator_names import qualifiers_agree, short_slip_ok



def _answer(mapper, name, level2=None, unit=None):
    r = mapper.map(name, "indicator", level2=level2, unit=unit)
    return r.entry.name if r.entry else None


@pytest.mark.parametrize("name, unit", [
    ("新增参保人数", "人"), ("人均种植面积", "亩"), ("户均养殖数量", "只"), ("未办结率", "%"), ("不合格率", "%"),
    ("苗木未成活率", "%"), ("逾期发放率", "%"), ("发放差错率", "%"), ("违约率", "%"),
])
def test_a_qualifier_the_form_lacks_abstains(mapper, name, unit):
    assert _answer(mapper, name, unit=unit) is None


@pytest.mark.parametrize("name, expected", [
    ("未成年人救助补助发放到位率", "发放到位率"), ("新增耕地补助资金到位率", "资金到位率"),
    ("病虫害防控覆盖率", "覆盖率"), ("遗属补助人均标准", "补助标准"), ("生猪养殖数量", "养殖数量"),
])
def test_a_qualifier_of_the_subject_or_of_the_form_itself_keeps_the_answer(mapper, name, expected):
    assert _answer(mapper, name) == expected


def test_qualifiers_agree_reads_a_misread_qualifier_and_refuses_a_missing_one():
    assert qualifiers_agree("复盖率", "覆盖率", "rate")
    assert not qualifiers_agree("培训人数", "新增培训人数", "count")
    assert not qualifiers_agree("新增培训人数", "培训人数", "count")
    assert qualifiers_agree("培训人数", "培训人数", "count")


def test_a_short_name_is_a_slip_only_in_its_ending_or_by_one_character_left_out():
    assert short_slip_ok("参堡率", "参保率") and short_slip_ok("存拦率", "存栏率")
    assert not short_slip_ok("出栏率", "存栏率") and not short_slip_ok("代办率", "办结率")
    assert short_slip_ok("培训成木费", "培训成本费")  # longer names are the threshold's business


def test_the_target_unit_rules_out_a_contradicting_measure(mapper):
    assert _answer(mapper, "取暖补助", unit="元") == "补助金额"
    assert _answer(mapper, "养殖补贴", unit="户") is None  # counts households paid, not an amount
    assert _answer(mapper, "参保职工满意庋", unit="%") == "参保职工满意度"  # a percentage scores a satisfaction


def test_a_level1_heading_in_the_level2_column_reads_the_name_with_every_guard(mapper):
    assert _answer(mapper, "退保率", level2="效益指标", unit="%") is None
    assert _answer(mapper, "参保率", level2="效益指标", unit="%") == "参保率"
