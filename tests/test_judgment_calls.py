"""Judgment calls of records.md section 1 as other bureaus print them (the invbd probes): a 实施(主管)单位 cell
fills both department and implementer, 环境效益 / 效果指标 headings map by meaning (also inside a flattened run),
单项得分 / 权重占比 / 折算得分 columns, and a prose grant handed down with nothing said of its spending gives no
funds. Every example is invented."""

from pathlib import Path

from jixiao.pipelines import vocab as V
from jixiao.pipelines.vocab.tables import fallback_level1, fallback_level2


def test_joint_unit_label_names_both_fields():
    for word in ("实施(主管)单位", "主管(实施)单位:"):
        assert V.DEPT_LABEL.match(word) and V.IMPL_LABEL.match(word)
    assert not V.DEPT_LABEL.match("实施单位")


def test_headings_map_by_meaning():
    assert fallback_level2("环境效益") == "生态效益指标"
    assert fallback_level2("环境效益指标") == "生态效益指标"
    assert fallback_level1("效果指标") == "效益指标"


def test_several_score_columns():
    assert V.indicator_column("单项得分") == "score"
    assert V.indicator_column("权重占比") == "weight"
    assert V.indicator_column("折算得分") == "other"


def test_run_together_rows_read_the_joint_unit(extractor):
    # a row-per-line table whose cells run together (rla12-like), 实施（主管）单位 one cell for both fields
    text = (Path(__file__).parents[1] / "data/invented-layouts/invbd13.txt").read_text(encoding="utf-8")
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    assert (p.department, p.implementer) == ("云门县交通运输局", "云门县交通运输局")


def test_grant_handed_down_without_spending_gives_no_funds(extractor):
    text = ("2023年度示例检定能力提升项目绩效自评报告\n一、项目概况\n为提升检定能力，市财政下达示例检定能力提升项目资金85万元，"
            "用于购置标准器具。\n二、绩效指标完成情况\n1、数量指标\n1)新建计量标准数量(项),目标值3,完成值3,分值10,得分10。\n"
            "三、自评结论\n项目自评得分为92分。\n")
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    assert p.funds.annual_budget is None and p.funds.executed is None


def test_grant_with_its_spending_keeps_its_budget(extractor):
    text = ("2023年度示例检定能力提升项目绩效自评报告\n一、项目概况\n市财政下达示例检定能力提升项目资金85万元，全年执行80万元，"
            "执行率94.12%。\n三、自评结论\n项目自评得分为92分。\n")
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    assert p.funds.annual_budget == 850000.0 and p.funds.executed == 800000.0
