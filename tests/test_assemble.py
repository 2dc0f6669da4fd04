"""The project record assembled from a reading: here, an execution rate printed as a fraction. Invented example."""

import pytest


def _funds(extractor, header, total):
    text = "\n".join([
        "项目名称 社区文化活动经费", "主管部门 示例区文化和旅游局 实施单位 示例区文化馆", header, total,
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 举办文化活动场次 ≥40场 42场 50 50",
    ])
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    return p.funds


def test_a_fraction_rate_against_a_lone_initial_budget(extractor):
    """Only 年初预算数(A) is printed: the fraction 0.96 is executed / that budget, so it is 96%."""
    f = _funds(extractor, "项目资金(万元) 年初预算数(A) 全年执行数(B) 执行率(B/A) 分值 得分", "年度资金总额 25 24 0.96 10 9.6")
    assert (f.initial_budget, f.annual_budget, f.executed, f.execution_rate) == (250000, None, 240000, 96)


def test_a_fraction_that_is_no_share_of_the_budget_stays(extractor):
    """0.5 printed where executed / budget is 0.96: not a fraction of the budget, left as printed."""
    f = _funds(extractor, "项目资金(万元) 年初预算数(A) 全年执行数(B) 执行率(B/A) 分值 得分", "年度资金总额 25 24 0.5 10 9.6")
    assert f.execution_rate == 0.5


@pytest.mark.parametrize(("printed", "grade"), [("优秀", "优"), ("合格", "中"), ("良好(85分)", "良"), ("差", "差"), ("不合格", None), ("", None)])
def test_record_grade_reads_printed_grades_and_their_tails(printed, grade):
    from jixiao.pipelines.vocab import record_grade

    assert record_grade(printed) == grade
