"""A table printed twice on one page is one project; two tables of one name that differ are two. Invented, small."""

from jixiao.pipelines.extract import Extractor

TABLE = "\n".join([
    "项目名称\t社区养老服务补助",
    "主管部门\t示例县民政局\t实施单位\t示例县养老服务中心",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t{budget}\t{budget}\t45\t10\t90%\t9",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标\t数量指标\t服务老人人数\t≥500人\t520人\t20\t20",
    "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t93%\t10\t10",
    "总分\t\t\t\t\t100\t95",
])


def _projects(text):
    return Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects


def test_a_table_printed_twice_is_one_project():
    table = TABLE.format(budget=50)
    [p] = _projects(f"{table}\n\n附件预览\n\n{table}")
    assert p.name == "社区养老服务补助" and len(p.indicators) == 2 and p.score == 95


def test_two_tables_of_one_name_with_other_amounts_are_two_projects():
    assert len(_projects(f"{TABLE.format(budget=50)}\n\n{TABLE.format(budget=60)}")) == 2


# a 绩效目标申报表 printed beside its 自评表, whose indicator header prints no 年度指标值 (invented)
TARGETS = "\n".join([
    "一、项目支出绩效目标申报表",
    "项目名称\t村卫生室设备配备",
    "主管部门\t示例县卫生健康局\t实施单位\t示例县卫生健康服务中心",
    "项目资金（万元）\t年度资金总额\t120",
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
    "\t产出指标\t数量指标\t配备设备数量\t≥40套",
    "\t满意度指标\t服务对象满意度指标\t村民满意度\t≥90%",
])
EVALUATED = "\n".join([
    "二、项目支出绩效自评表",
    "项目名称 | 村卫生室设备配备",
    "主管部门 | 示例县卫生健康局 | 实施单位 | 示例县卫生健康服务中心",
    "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
    "年度资金总额 | 120 | 110 | 99 | 10 | 90% | 9",
    "一级指标 | 二级指标 | 三级指标 | 实际完成值 | 分值 | 得分",
    "产出指标 | 数量指标 | 配备设备数量 | 42套 | 50 | 50",
    "满意度指标 | 服务对象满意度指标 | 村民满意度 | 93% | 40 | 40",
])


def test_a_target_table_beside_its_self_evaluation_is_one_project_lending_its_targets():
    """The 申报表's reading (targets, nothing spent, no actual or score) is no second project: its targets fill the
    self-evaluation's rows of the same names."""
    [p] = _projects(f"{TARGETS}\n\n{EVALUATED}\n")
    assert (p.funds.annual_budget, p.funds.executed) == (1100000.0, 990000.0)
    assert [(i.name, i.target, i.actual, i.score) for i in p.indicators] == [
        ("配备设备数量", "≥40套", "42套", 50.0), ("村民满意度", "≥90%", "93%", 40.0)]


def test_a_target_table_of_another_project_stays_a_project():
    """A target table naming another project is that project's (nothing to fold it into)."""
    other = TARGETS.replace("村卫生室设备配备", "乡村医生培训")
    assert sorted(p.name for p in _projects(f"{other}\n\n{EVALUATED}\n")) == ["乡村医生培训", "村卫生室设备配备"]
