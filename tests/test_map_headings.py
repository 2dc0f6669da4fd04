"""Canonical level-1/level-2 recognition of printed table headings."""

from __future__ import annotations

import pytest

from jixiao.pipelines.map import heading_core, split_code



@pytest.mark.parametrize("printed, expected", [
    ("产\n出\n指\n标\n(50分)", "产出指标"),
    ("产出指标(50分)", "产出指标"),
    ("效益指标（30分）", "效益指标"),
    ("满意度指标\n(10分)", "满意度指标"),
    ("成本指标", "成本指标"),
    ("项目产出", "产出指标"),
    ("项目效益", "效益指标"),
    ("效 益 指 标", "效益指标"),
])
def test_level1_forms(mapper, printed, expected):
    assert mapper.canonical_level1(printed) == expected


@pytest.mark.parametrize("printed", ["项目决策", "项目管理", "过程", "履职效能", "决策", "一级指标", "绩效指标（90分）",
                                     "社会效益", "数量指标", "产出指标完成情况分析。", "", "管理效 率"])
def test_level1_rejects_other_headings(mapper, printed):
    assert mapper.canonical_level1(printed) is None


@pytest.mark.parametrize("printed, expected", [
    ("社会效益", "社会效益指标"),
    ("服务对象满意度", "服务对象满意度指标"),
    ("服务对象\n满意度指标", "服务对象满意度指标"),
    ("可持续影\n响指标", "可持续影响指标"),
    ("可持续发展", "可持续影响指标"),
    ("社会公众 满意度指 标", "社会公众满意度指标"),
    ("成本指标", "成本指标"),
    ("产出数量", "数量指标"),
])
def test_level2_forms(mapper, printed, expected):
    assert mapper.canonical_level2(printed) == expected


@pytest.mark.parametrize("printed", ["项目决策", "预算执 行效率", "产出指标", "满意度指标", "二级指标", "满意度"])
def test_level2_rejects(mapper, printed):
    assert mapper.canonical_level2(printed) is None


def test_level2_implies_its_framework_parent(mapper):
    assert mapper.level1_of_level2("服务对象满意度") == "满意度指标"
    assert mapper.level1_of_level2("社会效益") == "效益指标"
    assert mapper.level1_of_level2("经济成本指标") == "成本指标"
    # 成本指标 as a level 2 sits under 产出指标 (A1) or under the level-1 成本指标 (post-2021 tables)
    assert mapper.allowed_level1("成本指标") == ("产出指标", "成本指标")


def test_equally_close_headings_are_not_guessed(mapper):
    # one OCR slip away from both 数量指标 and 质量指标
    assert mapper.canonical_level2("贡量指标") is None


def test_normalisation_helpers():
    assert heading_core("产\n出\n指\n标\n(50分)") == "产出"
    assert heading_core("（一）效益指标：") == "效益"
    # a run of trailing punctuation goes whole (stripped, not by a regex that retries along the run)
    assert heading_core("数量指标，，；：") == "数量"
    assert heading_core("，" * 5000 + "得分") == "," * 5000 + "得分"  # NFKC: ， -> ,
    assert split_code("2080109 社会保险经办 机构") == ("2080109", "社会保险经办 机构")
    assert split_code("[30101]基本工资") == ("30101", "基本工资")
    assert split_code("基本工资") == (None, "基本工资")
