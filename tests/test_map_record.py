"""map_record fills canonical level1/level2 and Indicator.canonical without touching the rest."""

from __future__ import annotations

from jixiao.pipelines.map import Mapper
from jixiao.pipelines.map_record import map_record
from jixiao.record import DocumentRecord, Indicator, Project


def _record(*indicators):
    return DocumentRecord(doc_id="d", projects=[Project(name="p", indicators=list(indicators))])


def test_map_record_canonicalises_levels_and_names():
    m = Mapper.from_taxonomy()
    rec = _record(
        Indicator(level1="产\n出\n指\n标\n(50分)", level2="质量指标", name="经费支出合规律", target="100%"),
        Indicator(level1=None, level2="服务对象满意度", name="群众满意度"),
        Indicator(level1="效益指标", level2="服务对象满意度指标", name="工作满意度"),
        Indicator(level1="成本指标", level2="成本指标", name="项目成本控制率"),
        Indicator(level1="项目决策", level2=None, name="立项依据充分性"),
        Indicator(level1="效益指标", level2="社会效益", name="台式电脑"),
    )
    out = map_record(rec, m)
    inds = out.projects[0].indicators
    assert [(i.level1, i.level2) for i in inds] == [
        ("产出指标", "质量指标"),
        ("满意度指标", "服务对象满意度指标"),   # lost level-1 cell: the level-2's parent
        ("满意度指标", "服务对象满意度指标"),   # a canonical level-2 takes its own parent
        ("成本指标", "成本指标"),
        (None, None),                          # not one of the four categories
        ("效益指标", "社会效益指标"),
    ]
    assert inds[0].canonical.name == "经费支出合规性" and inds[0].canonical.method == "fuzzy"
    assert inds[0].name == "经费支出合规律" and inds[0].target == "100%"  # printed values stay as printed
    assert inds[5].canonical.method == "unmatched" and inds[5].canonical.id == ""
    checks = out.projects[0].checks
    assert [c.code for c in checks] == ["indicator.level_parent_mismatch"]
    assert checks[0].field == "indicators[2].level1"
    # the input record is not modified
    assert rec.projects[0].indicators[0].level1.startswith("产\n")
