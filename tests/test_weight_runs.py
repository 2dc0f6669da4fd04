"""A whole table run together with no separator under Shandong's column order (指标性质 指标值 度量单位 分值 实际完成值
得分): the 分值 runs into the actual after it, and a PDF's hard wrap breaks the run. Invented examples."""

import pytest

from jixiao.pipelines.weight_runs import weight_then_actual
from jixiao.pipelines.flat_run import values_to_end


def _is_value(v: str) -> bool:
    return values_to_end(v) is not None


@pytest.mark.parametrize("run,cut", [("1018条", 2), ("10100%", 2), ("104.8万元", 2), ("2038.6%", 2), ("5100%", 1),
                                     ("100100%", 3), ("109月底", 2)])
def test_a_weight_run_into_the_actual_splits_where_one_cut_reads(run, cut):
    assert weight_then_actual(run, _is_value) == cut


@pytest.mark.parametrize("run", ["0100%", "0.5", "达标"])
def test_no_split_where_no_weight_then_value_reads(run):
    """A leading zero is no 分值's first digit, nor is a word."""
    assert weight_then_actual(run, _is_value) is None


RUN = ("项目支出绩效自评表（2023年度）项目名称乡村小学课后服务补助主管部门示例县教育局项目单位示例县第二小学"
       "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分年度资金总额80807\n2.81091%9.1"
       "绩效指标一级指标二级指标三级指标指标性质指标值度量单位分值实际完成值得分偏差原因分析及改进措施"
       "产出指标数量指标参与课后服务学生数≥1200人301260人30时效指标课后服务开展时间≤9月底209月底20"
       "效益指标社会效益指标家长接送压力缓解≥80%3085%30满意度指标服务对象满意度指标家长满意度≥90%1088%8"
       "部分班级师资不足总分10097.1")


def test_a_run_with_a_hard_wrap_and_the_weight_before_the_actual(extractor):
    """The run broken inside an amount (7 / 2.8) is one run; 项目单位 is the implementer; each row's 分值 splits off
    the actual run into it; '≤9月底' keeps its operator; the last 得分 8 before the remark's 部 is a score."""
    p, = extractor.extract_text(RUN, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("乡村小学课后服务补助", "示例县教育局", "示例县第二小学")
    assert (p.funds.annual_budget, p.funds.executed) == (800000.0, 728000.0)
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "参与课后服务学生数", "≥1200人", "1260人", 30, 30),
        ("时效指标", "课后服务开展时间", "≤9月底", "9月底", 20, 20),
        ("社会效益指标", "家长接送压力缓解", "≥80%", "85%", 30, 30),
        ("服务对象满意度指标", "家长满意度", "≥90%", "88%", 10, 8),
    ]


def test_a_unit_note_after_a_name_ending_in_project_is_no_label(extractor):
    """'…建设项目单位:万元' in a run: 项目单位 cuts a run only as a label, not where 单位 opens a unit note (the
    name is not cut at 建设 with 万元 taken for the implementer)."""
    run = RUN.replace("项目名称乡村小学课后服务补助主管部门", "项目名称乡村小学课后服务建设项目单位：万元主管部门")
    p, = extractor.extract_text(run, doc_id="t", mode="parser").projects
    assert p.name.startswith("乡村小学课后服务建设项目")
    assert (p.department, p.implementer) == ("示例县教育局", "示例县第二小学")
