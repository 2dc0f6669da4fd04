"""Readings of what a name is for (issue 19, round 8: indicator_roles.py, map_heads._role_reading), the order-free
reading of a taxonomy form's words, head synonyms and the rate/state guard. Names here are invented for the rules,
not taken from a labelled split."""

import pytest

from jixiao.pipelines.indicator_roles import (activity_count, benefit_phrase, duration_role, served_count,
                                              swapped_ending, unit_fee, unit_price)
from jixiao.pipelines.map import Mapper



def _answer(mapper, name, unit=None, level2=None):
    r = mapper.map(name, "indicator", level2=level2, unit=unit)
    return r.entry.name if r.entry else None


@pytest.mark.parametrize("name, unit", [
    ("社区康复服务人数", "人"), ("文化馆接待观众人次", "人次"), ("困难老人上门帮扶户数", "户"),
    ("政府购买托育服务对象人数", None),
])
def test_people_a_service_serves_are_its_beneficiaries(mapper, name, unit):
    assert _answer(mapper, name, unit) == "受益对象数量"


@pytest.mark.parametrize("name", ["康复服务人员人数", "志愿服务人次", "新增签约服务人数", "服务技能培训人次"])
def test_staff_volunteers_new_ones_and_trainees_are_not_the_served(mapper, name):
    assert _answer(mapper, name) != "受益对象数量"


def test_those_paid_stay_recipients():
    assert not served_count("困难群众救助服务人次")  # a payment word: 发放人数 reads it first


@pytest.mark.parametrize("name, unit, expected", [
    ("设备故障响应时间", "小时", "响应时间"), ("救护车到达现场时间", "分钟", "响应时间"),
    ("接报出警", "分钟", "响应时间"),  # the unit says a time where the name does not
    ("信访件答复时限", "天", "办理时限"), ("不动产登记受理时间", "工作日", "办理时限"),
])
def test_a_time_to_respond_or_to_process(mapper, name, unit, expected):
    assert _answer(mapper, name, unit) == expected


def test_a_time_of_money_is_no_response():
    assert duration_role("专项资金到达时间") is None
    assert duration_role("应急物资到达") is None  # no time word and no time unit


@pytest.mark.parametrize("name", ["政策宣讲次数", "组织业务技能比武场次", "入户走访次数"])
def test_times_an_activity_was_held(mapper, name):
    assert _answer(mapper, name, "次") == "开展次数"


@pytest.mark.parametrize("name", ["设备故障次数", "群众投诉次数", "超标排放次数", "安全事故发生次数"])
def test_an_event_that_happened_is_no_activity(mapper, name):
    assert not activity_count(name)
    assert _answer(mapper, name, "次") != "开展次数"


@pytest.mark.parametrize("name, unit, expected", [
    ("应急物资采购费用", "万元", "采购项目总成本"), ("防汛设备购置费", "万元", "采购项目总成本"),
    ("污水处理单价", "元/吨", "单位成本"), ("护林员人均经费", "元", "单位成本"),
    ("设备采购单价", "元", "单位成本"),  # a unit price is no total
])
def test_purchase_costs_and_per_unit_prices(mapper, name, unit, expected):
    assert _answer(mapper, name, unit) == expected


def test_a_fee_per_person_only_with_the_mark_next_to_it():
    assert unit_fee("护林员人均经费") and unit_fee("每户费用")
    assert not unit_fee("人均办公经费")  # a use per person: perhaps an entry's, perhaps none
    assert unit_price("清运单价") and not unit_price("单价")


@pytest.mark.parametrize("name, expected", [
    ("社区服务能力明显增强", "公共服务水平提升情况"), ("困难群众生活条件持续改善", "生活水平"),
    ("务工人员月均收入提高", "带动增收"), ("设施管护机制建立", "长效管理机制健全性"),
    ("按期完成年度建设任务", "完成及时性"), ("全年未发生汛期险情", "事故发生起数"),
])
def test_a_benefit_said_as_a_change(mapper, name, expected):
    assert _answer(mapper, name) == expected


@pytest.mark.parametrize("name", ["居住环境改善", "群众文明意识提升", "服务能力未提升"])
def test_a_change_of_a_subject_no_entry_names_is_none(mapper, name):
    assert _answer(mapper, name) is None


def test_a_collective_income_is_not_the_households_increase():
    assert benefit_phrase("村集体收入增长") is None


def test_a_measured_change_is_not_a_state():
    assert benefit_phrase("服务能力提升率") is None
    assert _answer(Mapper.from_taxonomy(), "设施管护机制建立率", "%") is None


@pytest.mark.parametrize("name, unit, expected", [
    ("项目资金及时拨付率", "%", "资金拨付及时率"), ("培训人均成本", "元", "人均培训成本"),
    ("法院执行案件结案率", "%", "办结率"), ("违法线索查处率", "%", "处置率"),
])
def test_a_form_in_other_words_or_order(mapper, name, unit, expected):
    assert _answer(mapper, name, unit) == expected


def test_words_in_another_order_keep_the_word_next_to_the_ending(mapper):
    # 污水处理 is printed, but the rate is of 负荷: no 污水处理率
    assert _answer(mapper, "污水处理站设备负荷率", "%") != "污水处理率"


def test_a_rate_meets_a_state_only_through_a_form_that_prints_it(mapper):
    assert _answer(mapper, "档案管理机制建立率", "%") is None  # a rate is no 健全性
    assert _answer(mapper, "经费支出合规率", "%") == "经费支出合规性"  # the taxonomy's own rate form
    assert _answer(mapper, "资金拨付及时性") == "资金拨付及时率"  # one word, its measure word spelt as a state
    assert swapped_ending("发放到位性", "发放到位率") and not swapped_ending("及时性", "及时率")


@pytest.mark.parametrize("name, unit, expected", [
    ("满意度(受益农户)", "%", "受益群体满意度"), ("群众满意度（受益）", None, "受益群体满意度"),
    ("满意度（救助对象）", "%", "补助对象满意度"),
    ("受益群众满意度（%）", "%", "受益群体满意度"), ("群众满意度（分）", None, "群众满意度"),  # a unit note is dropped
])
def test_a_satisfactions_note_of_words_names_its_group(mapper, name, unit, expected):
    assert _answer(mapper, name, unit) == expected
