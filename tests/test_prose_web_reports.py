"""Prose self-evaluation reports as government web pages publish them (invented excerpts of the invaz forms): the
clause forms of their indicators, and the page's parts around the report (a 部门整体 part, attached tables, chrome)."""

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.prose_goal_forms import goal_form_indicators
from jixiao.pipelines.prose_indicators import indicator_sentences
from jixiao.pipelines.prose_shared import split_shared


def _read(text: str) -> list[tuple]:
    return [(i.level1, i.level2, i.name.text, [t.text for t in i.target], i.actual.text if i.actual else None,
             i.weight.text if i.weight else None, i.score.text if i.score else None)
            for i in indicator_sentences(text, 0, len(text))]


def _project(text: str):
    [project] = Extractor().extract_text(text, mode="parser").projects
    return project


def test_goal_first_clauses_name_the_indicator_inside_the_goal():
    text = ("1.产出数量。年度目标为扶持建设示范镇6个，实际扶持6个，完成率100%；年度目标为新建加工生产线不少于18条，"
            "实际建成15条，完成率83.3%。\n2.产出质量。年度目标为项目验收合格率100%，实际合格率100%。\n"
            "3.服务对象满意度。年度目标为受益农户满意度≥90%，实际91.5%。\n")
    assert _read(text) == [
        ("产出指标", "数量指标", "扶持建设示范镇", ["6个"], "6个", None, None),
        ("产出指标", "数量指标", "新建加工生产线", ["不少于18条"], "15条", None, None),
        ("产出指标", "质量指标", "项目验收合格率", ["100%"], "100%", None, None),
        ("满意度指标", "服务对象满意度指标", "受益农户满意度", ["≥90%"], "91.5%", None, None),
    ]


def test_a_goal_with_no_single_result_and_a_level_word_closing_its_sentence_is_no_indicator():
    text = "3.产出时效。年度目标为2023年12月底前完成主体工程，实际有5个镇按期完成，1个镇延期。\n"
    assert _read(text) == []


def test_result_first_clauses_with_the_goal_after_and_the_full_mark_in_brackets():
    text = ("1.产出数量：日常保洁面积，完成52万平方米，年度目标≥50万平方米，得分10分（满分10分）；"
            "清运垃圾量，完成1.1万吨，年度目标1.2万吨，得分8分（满分10分）。\n"
            "2.社会效益：市容环境改善程度，完成明显改善，年度目标有效改善，得分8分（满分8分）。\n")
    assert _read(text) == [
        ("产出指标", "数量指标", "日常保洁面积", ["≥50万平方米"], "52万平方米", "10", "10"),
        ("产出指标", "数量指标", "清运垃圾量", ["1.2万吨"], "1.1万吨", "10", "8"),
        ("效益指标", "社会效益指标", "市容环境改善程度", ["有效改善"], "明显改善", "8", "8"),
    ]


def test_a_funds_clause_is_no_result_first_indicator():
    text = "项目预算资金，完成支付120万元，年度目标120万元，得分10分。\n"
    assert [x.indicator.name.text for x in goal_form_indicators(text, 0, len(text))] == []


def test_a_quoted_name_after_its_level_word_and_a_full_mark_scored():
    text = ("（一）产出指标（50分）。产出指标中的数量指标“改造危房户数”年度目标值为300户，实际完成312户，得满分15分；"
            "质量指标“改造房屋安全达标率”年度目标值为100%，实际完成100%，扣1分，得9分（该指标分值10分）。\n"
            "（1）时效指标“病害处置时限”：年度目标值≤48小时，实际完成36小时，分值10分，得分10分。\n")
    assert _read(text) == [
        ("产出指标", "数量指标", "改造危房户数", ["300户"], "312户", "15", "15"),
        ("产出指标", "质量指标", "改造房屋安全达标率", ["100%"], "100%", "10", "9"),
        ("产出指标", "时效指标", "病害处置时限", ["≤48小时"], "36小时", "10", "10"),
    ]


def test_a_sentence_chained_after_the_actual_before_it_by_a_comma():
    text = ("质量指标：城市低保标准年增长率目标值≥3%，完成值4.1%，农村低保标准占城市标准比例目标值≥70%，完成值76.3%。\n"
            "时效指标：资金下达及时率目标值100%，实际完成值100%，项目开工率目标值≥95%，实际完成值97%。\n")
    assert [(r[1], r[2], r[3], r[4]) for r in _read(text)] == [
        ("质量指标", "城市低保标准年增长率", ["≥3%"], "4.1%"),
        ("质量指标", "农村低保标准占城市标准比例", ["≥70%"], "76.3%"),
        ("时效指标", "资金下达及时率", ["100%"], "100%"),
        ("时效指标", "项目开工率", ["≥95%"], "97%"),
    ]


def test_a_result_in_brackets_after_a_comma_opens_no_sentence():
    text = "生态效益指标：草原植被覆盖度（目标≥45%，实际完成46.3%）和鲜草产量目标≥42公斤/亩，实际43.5公斤/亩。\n"
    assert not any(r[2].startswith("实际") for r in _read(text))


def test_names_sharing_one_value_are_one_indicator_each():
    text = "质量指标：工程质量合格率、项目竣工验收合格率目标值均为100%，实际完成值均为100%。\n"
    assert [(r[2], r[3], r[4]) for r in _read(text)] == [
        ("工程质量合格率", ["100%"], "100%"), ("项目竣工验收合格率", ["100%"], "100%")]
    # (a name that lists no names, or values not said of all, stays one indicator)
    single = indicator_sentences("质量指标：验收合格率目标值100%，实际完成值100%。\n", 0, 30)
    assert [i.name.text for i in split_shared(single)] == ["验收合格率"]


def test_a_line_of_a_level_and_its_level2_stem_heads_the_sentences_under_it():
    text = "（一）项目产出情况\n1.产出成本\n（1）校舍改造平均单价：预期≤1600元/平方米，实际1520元/平方米。\n"
    assert _read(text) == [("产出指标", "成本指标", "校舍改造平均单价", ["≤1600元/平方米"], "1520元/平方米", None, None)]


PAGE_OF_TWO_REPORTS = "\n".join([
    "首页 > 信息公开 > 部门信息公开 > 县卫生健康局",
    "示例县卫生健康局2023年度部门整体支出及项目支出绩效自评报告",
    "第一部分　部门整体支出绩效自评报告",
    "2023年部门全年预算数8826.5万元，执行数8601.3万元，执行率97.45%。",
    "1.履职效能：监督检查户次目标≥500户次，实际完成612户次。",
    "部门整体支出绩效自评得分93分，等级为优。",
    "第二部分　项目支出绩效自评报告",
    "根据县财政局统一部署，我局对2023年基本公共卫生服务补助资金项目开展了绩效自评。",
    "项目全年预算数1280万元，全年执行1251.84万元，执行率97.8%。",
    "1.数量指标",
    "1）老年人健康管理率，目标值≥62%，完成值68.4%，分值8分，得分8分；",
    "经评价，该项目自评得分94.5分，评价等级为优。",
    "附件1：2023年度部门整体支出绩效自评表",
    "",
])


def test_a_page_of_a_department_report_then_a_project_report_reads_the_projects_part():
    project = _project(PAGE_OF_TWO_REPORTS)
    assert project.name == "基本公共卫生服务补助资金项目"
    assert project.department == "示例县卫生健康局"  # (the unit before the two reports' generic title)
    assert [i.name for i in project.indicators] == ["老年人健康管理率"]  # (the department's results are not its)
    assert (project.funds.annual_budget, project.funds.execution_rate, project.score) == (12800000.0, 97.8, 94.5)


def test_funds_an_adjusted_budget_after_the_years_first_one_and_a_spending_rate():
    project = _project("\n".join([
        "关于2023年度市级示例专项资金绩效自评情况的报告",
        "我局对2023年度市级示例专项资金开展了绩效自评。",
        "2023年市级财政年初安排示例专项资金预算3600万元，年中追加420万元，调整后预算4020万元。"
        "实际支出3868.04万元，支出率96.22%。",
        "",
    ]))
    assert (project.funds.initial_budget, project.funds.annual_budget) == (36000000.0, 40200000.0)
    assert project.funds.execution_rate == 96.22


def test_the_budget_of_the_executions_sentence_is_the_projects():
    project = _project("\n".join([
        "示例省民政厅2023年度困难群众救助补助资金绩效自评报告",
        "我厅对2023年度困难群众救助补助资金开展了绩效自评。",
        "2023年中央财政下达我省困难群众救助补助资金预算186520万元。",
        "截至2023年12月31日，困难群众救助补助资金预算227900万元，已执行225621万元，执行率99%。",
        "",
    ]))
    assert (project.funds.annual_budget, project.funds.executed) == (2279000000.0, 2256210000.0)


def test_a_part_score_a_conclusions_grade_and_a_unit_referring_to_itself():
    project = _project("\n".join([
        "示例镇2023年度示例村建设项目绩效自评报告",
        "我镇对示例村建设项目开展了绩效自评。项目实施单位：本镇",
        "预算执行率指标权重10分，自评分9.69分；产出、效益指标权重合计90分，自评分85.3分。经自评，本项目总得分95分。",
        "自评结论：良（自评得分95分）。",
        "（三）实施单位：本院",
        "",
    ]))
    assert (project.score, project.grade, project.implementer) == (95.0, "良", None)


def test_a_cut_attached_table_takes_the_reports_other_indicators():
    text = "\n".join([
        "2023年度示例改善项目支出绩效自评报告",
        "1.项目名称：示例改善项目",
        "三、项目绩效情况",
        "1.产出数量",
        "（1）改造校舍面积：预期8000平方米，实际8260平方米。",
        "2.产出成本",
        "（1）校舍改造平均单价：预期≤1600元/平方米，实际1520元/平方米。",
        "附件",
        "| 项目名称 | 示例改善项目 | | | | | |",
        "| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| | 年度资金总额 | 560 | 642 | 615.04 | 10 | 95.8% | 9.58 |",
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "| | 产出指标 | 数量指标 | 改造校舍面积 | 8000平方米 | 8260平方米 | 10 | 10 |",
        "",
    ])
    project = _project(text)
    assert [(i.name, i.weight) for i in project.indicators] == [("改造校舍面积", 10.0), ("校舍改造平均单价", None)]


def test_a_state_reached_with_its_goal_in_brackets_among_actual_first_items():
    text = "效益指标：受益农户数1260户（目标值≥1200户），长效管护机制已建立（目标值建立）；满意度指标：村民满意度96.5%（目标值≥90%）。\n"
    assert [(r[0], r[2], r[3], r[4]) for r in _read(text)] == [
        ("效益指标", "受益农户数", ["≥1200户"], "1260户"),
        ("效益指标", "长效管护机制", ["建立"], "已建立"),
        ("满意度指标", "村民满意度", ["≥90%"], "96.5%"),
    ]
