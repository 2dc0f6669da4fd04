"""Mapping by meaning (issue 19): measure types, heads, abstaining, and the level and framework of a free name."""

import json

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.pipelines.map import Mapper, measure_of, same_meaning_kind
from jixiao.pipelines.taxonomy import load_taxonomy



@pytest.mark.parametrize("name, unit, measure", [
    ("城镇新增就业人数", None, "count"), ("就业率", None, "rate"), ("培训成本", None, "amount"),
    ("服务对象满意率", None, "satisfaction"), ("发放时间", None, "duration"), ("经费支出合规性", None, "qualitative"),
    ("参保人数1000人—2000人村", None, None), ("经费足额拨付", "%", "rate"), ("补贴", "元/人", "amount"),
])
def test_measure_of_a_name(name, unit, measure):
    assert measure_of(name, unit) == measure


def test_every_level3_entry_of_the_project_framework_has_a_category_and_a_measure():
    entries = [e for e in load_taxonomy().of_kind("indicator", "3") if e.family == "A"]
    assert len(entries) >= 110
    assert all(e.category in {"数量", "质量", "时效", "成本", "效益", "满意度"} for e in entries)
    assert all(e.measure in {"count", "rate", "amount", "duration", "satisfaction", "qualitative"} for e in entries)


def test_no_alias_joins_a_count_and_a_rate_or_an_amount_and_a_rate():
    tax = load_taxonomy()
    bad = [(a.printed, tax.by_id[a.target].name) for a in tax.aliases_of("indicator")
           if not same_meaning_kind(a.printed, measure_of(a.printed), tax.by_id[a.target])]
    assert not bad


@pytest.mark.parametrize("name, expected", [
    ("城镇新增就业人数", "城镇新增就业人数"),  # a count, never 就业率 (its own entry since round 5)
    ("培训成本", None),                    # a total, never 人均培训成本
    ("社会保险补贴发放准确率", "发放准确率"),  # the head of the name
    ("代办员的满意度", "服务对象满意度"),
    ("赍金到位率", "资金到位率"),            # an OCR slip: the close spelling wins over the head 到位率
    ("立项依据充分性", None),              # the evaluation framework's name, not a project table's
    ("教师满意度", "服务对象满意度"),        # another subject, not a slip of 学生满意度: the head answers
    ("人均接待成本", "单位成本"),            # a per-unit cost (issue 19, fourth round)
    ("每平方米建设造价", "单位成本"),
    ("接待成本", None),                    # a total: no per-unit mark
    ("居民收入增幅", "收入增长率"),        # a growth rate, not the qualitative 带动增收 one slip from 收入增加
    # round 5: sector entries, same-meaning merges, the group of a satisfaction, a loose guess abstains
    ("森林覆盖率", "森林覆盖率"),           # land under forest, not the generic reach 覆盖率
    ("农村公路养护里程", "养护里程"),
    ("补贴标准", "补助标准"),               # merged: one meaning
    ("经费支出及时率", "资金拨付及时率"),     # merged: one meaning
    ("游客对景区服务满意度", "服务对象满意度"),  # whose satisfaction, not with what
    ("公众对执法工作满意度", "群众满意度"),
    ("服务对象对窗口服务的满意度", "服务对象满意度"),  # 对象 is a word, not this 对
    ("特殊教育学生资助复盖率", "覆盖率"),     # 复盖 is a spelling of 覆盖
    ("群众安全意识", None),                 # says nothing of what it measures: 72.7 from 群众安全感 is a guess
])
def test_mapping_by_meaning(mapper, name, expected):
    r = mapper.map(name, "indicator")
    assert (r.entry.name if r.entry else None) == expected


def test_a_slipped_ending_is_read_with_the_unit():
    # 发放及时宰 is one slip from both 发放及时率 and 发放及时性; the unit % says which
    assert Mapper.from_taxonomy().map("临时救助金发放及时宰", "indicator", unit="%").entry.name == "发放及时率"


def test_measure_words_of_the_fourth_round():
    assert (measure_of("收入增幅"), measure_of("受益人口"), measure_of("单处工程造价")) == ("rate", "count", "amount")


def test_a_target_unit_tells_a_name_without_a_measure(mapper):
    # 经费足额拨付 says nothing by its ending; with a % target it is a rate
    assert measure_of("经费足额拨付") is None and measure_of("经费足额拨付", "%") == "rate"


@pytest.mark.parametrize("text, level, name", [
    ("社会效益", "2", "社会效益指标"),                 # the project framework's, not 部门整体's 社会效益
    ("产\n出\n指\n标\n(50分)", "1", "产出指标"),
    ("服务对象满意度指标", "2", "服务对象满意度指标"),  # a level-2, not a level-3 entry
    ("成本节约率", "3", "成本节约率"),                 # 72 from 成本指标: not a heading slip
])
def test_resolve_a_free_name(mapper, text, level, name):
    r = mapper.resolve(text)
    assert (r.level, r.entry.name, r.framework) == (level, name, "target")


def test_resolve_in_a_department_wide_table(mapper):
    r = mapper.resolve("社会效益", table="dept")
    assert r.entry is not None and r.entry.family == "C" and r.framework == r.entry.framework


def test_map_command_says_level_and_framework():
    out = CliRunner().invoke(app, ["map", "社会效益", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.stdout)
    assert (d["level"], d["framework"], d["entry"]["name"]) == ("2", "target", "社会效益指标")
    text = CliRunner().invoke(app, ["map", "社会效益"]).stdout
    assert "level 2, framework target, project table" in text.replace("\n", " ") or "level 2" in text


@pytest.mark.parametrize("printed", ["★资金到位率", "①资金到位率", "1.1资金到位率", "（一）资金到位率", "资 金 到 位 率",
                                     "資金到位率", "资金到位率*", "·资金到位率"])
def test_marks_numbering_spaces_and_traditional_script_do_not_change_a_name(mapper, printed):
    r = mapper.map(printed, "indicator")
    assert (r.entry.name, r.method) == ("资金到位率", "exact")


@pytest.mark.parametrize("name, expected", [
    ("享受城乡居民基本养老保险待遇的城乡居民人数", "享受待遇人数"),   # qualifiers put between a name's words
    ("有效减轻贫困人口缴费负担", "减轻缴费负担"),
    ("维持中心工作正常开展费用", "工作经费"),                       # through the alias 工作费用
    ("台式电脑采购台数", "采购数量"),                               # a count by its measure word is …数量
    ("享受城乡居民基本养老保险待遇比率", None),                      # a rate: never the count 享受待遇人数
])
def test_a_name_spread_over_a_longer_one(mapper, name, expected):
    r = mapper.map(name, "indicator")
    assert (r.entry.name if r.entry else None) == expected


def test_spread_in_needs_the_end_and_pieces_of_two():
    from jixiao.pipelines.indicator_names import spread_in

    assert spread_in("享受待遇人数", "享受城乡居民待遇城乡居民人数")
    assert not spread_in("享受待遇人数", "享受城乡居民待遇人员")   # the end differs
    assert not spread_in("发放人数", "发城乡居民放人数")            # 发 alone is no piece


@pytest.mark.parametrize("name, expected", [
    ("成果应用率", "成果应用率"), ("研究性成果被引用次数", "研究性成果被引用次数"),  # the rate and the count apart
    ("政府采购节支率", "政府采购节支率"), ("人均会议成本", "人均会议成本"), ("会议次数", "组织召开会议次数"),
])
def test_entries_split_from_the_framework_sources_alternates(mapper, name, expected):
    assert mapper.map(name, "indicator").entry.name == expected
