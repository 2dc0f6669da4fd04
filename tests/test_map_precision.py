"""Issue 19, round 9: guards that make the mapper abstain rather than guess (docs/decisions/mapping-round9.md): a
fuzzy answer with a word put for one of the form's, a slipped head where the name ends with a measure word of its
own, a generic head where the name prints a specific form with one character of its qualifier changed."""

import pytest

from jixiao.pipelines.indicator_readings import word_swapped


def _answer(mapper, name, level2=None, unit=None):
    r = mapper.map(name, "indicator", level2=level2, unit=unit)
    return r.entry.name if r.entry else None


@pytest.mark.parametrize("key, surface", [
    ("城镇调查失业率", "城镇登记失业率"), ("补助企业数量", "检查企业数量"), ("档案管理制度健全性", "长效管理机制健全性"),
])
def test_a_word_put_for_one_of_the_forms_is_swapped(key, surface):
    assert word_swapped(key, surface)


@pytest.mark.parametrize("key, surface", [
    ("资金拔付及时率", "资金拨付及时率"),  # one character slipped
    ("经费使用效益", "资金使用效益"),  # words of one meaning (SPECIFIC_FOLDS)
    ("人均培训费用", "人均培训成本"),  # the ending changed: the measure guard's
    ("工程验收合格率", "验收合格率"),  # a word added
    ("城镇登记失业率", "城镇登记失业率"),
])
def test_slips_synonyms_endings_and_added_words_are_not_swaps(key, surface):
    assert not word_swapped(key, surface)


def test_a_fuzzy_answer_between_two_rates_of_different_qualifiers_abstains(mapper):
    assert _answer(mapper, "城镇调查失业率", unit="%") is None
    assert _answer(mapper, "城镇登记失业率", unit="%") == "城镇登记失业率"
    assert _answer(mapper, "资金拔付及时率", unit="%") == "资金拨付及时率"
    assert _answer(mapper, "经费使用效益") == "资金使用效益"


def test_a_name_ending_in_a_measure_word_of_its_own_is_no_slipped_head(mapper):
    # 批次 is a word the taxonomy ends names with (抽检批次): not 人次 read wrong
    assert _answer(mapper, "农贸市场快速检测批次") != "检测人数"
    assert _answer(mapper, "苗木成活卒") == "成活率"  # a slip that makes no word still reads


def test_a_specific_form_one_character_away_wins_over_the_generic_head(mapper):
    # 资金拨忖及时率: 资金拨付及时率 with 付 read as 忖, a qualifier of four characters
    assert _answer(mapper, "项目资金拨忖及时率", unit="%") == "资金拨付及时率"


def test_a_two_character_qualifier_one_character_away_leaves_the_name_unmatched(mapper):
    # 质检合格率: 质量合格率 with another word (检 is no look-alike of 量), or a slip; not the generic 合格率 either way.
    # A glyph OCR reads for one of nearly its shape is a slip (round 10: 验牧 is 验收, tests/test_map_round10.py)
    assert _answer(mapper, "数字化成果质检合格率", unit="%") is None
    assert _answer(mapper, "养护工程验收合格率", unit="%") == "验收合格率"
    assert _answer(mapper, "食品抽检合格率", unit="%") == "合格率"  # no specific form near: the generic head


@pytest.mark.parametrize("name", ["档案利用者满意度", "平台使用者满意度"])
def test_users_satisfaction_is_their_groups(mapper, name):
    assert _answer(mapper, name, level2="服务对象满意度指标") == "使用人员满意度"


def test_a_form_of_the_heads_own_entry_one_character_away_keeps_the_head(mapper):
    # 亩均补贴标准: 人均补贴标准 is a form of 补助标准, the entry its head 补贴标准 gives
    assert _answer(mapper, "亩均补贴标准") == "补助标准"


@pytest.mark.parametrize("name, unit, expected", [
    ("发生重大食品安全事故", "起", "事故发生起数"),  # counted in a unit of incidents: no zero mark needed
    ("全年未发生重特大森林火灾", None, "事故发生起数"),  # a zero mark, no unit
    ("发生重大食品安全事故", None, None),  # neither
    ("发生重大食品安全事故", "%", None),
])
def test_an_incident_counted_in_incidents_is_the_incident_count(mapper, name, unit, expected):
    assert _answer(mapper, name, unit=unit) == expected


@pytest.mark.parametrize("name", ["档案查阅利用人次", "图书借阅人次"])
def test_people_served_by_consulting_or_borrowing_are_beneficiaries(mapper, name):
    assert _answer(mapper, name, unit="人次") == "受益对象数量"
