"""Where a project table opens: a 项目名称 label OCR misread in two characters, in rows and in a table run into one
line (invented examples)."""

import pytest

from jixiao.pipelines.scan_residue import slipped_name_label


@pytest.mark.parametrize("label", ["项日名祢", "顶目名祢", "项目各称"])
def test_name_labels_misread_in_at_most_two_characters(label):
    assert slipped_name_label(label) == "项目名称"


@pytest.mark.parametrize("label", ["项目编码", "项目类型", "单位名称", "部门名称", "项目名称", "日名祢", "项日名祢称", "A目名称"])
def test_other_words_are_no_slipped_name_label(label):
    """Printed labels two characters away (项目编码, 单位名称), the label itself, another length, a letter."""
    assert slipped_name_label(label) is None


SCAN = [
    "丨 {label} 丨 2023年示例县饮水安全巡查项目 丨",
    "丨 主 管 部 门 丨 示例县水利局 丨 实 施 单 位 丨 示例县水务站 丨",
    "丨 项目资金 丨 丨 年初预算数 丨 全年预算数 丨 全年执行数 丨 执行率 丨",
    "丨 （万元） 丨 年度资金总额 丨 20 丨 20 丨 19 丨 95% 丨",
    "丨 一级指标 丨 二级指标 丨 三级指标 丨 年度指标值 丨 实际完成值 丨 分值 丨 得分 丨",
    "丨 产出指标 丨 数量指标 丨 巡查水源地次数 丨 ≥24次 丨 26次 丨 50 丨 50 丨",
    "丨 总 分 丨 丨 丨 丨 丨 100 丨 98 丨",
]


def test_a_scanned_table_whose_name_label_slipped_twice_is_read(extractor):
    text = "\n".join(SCAN).replace("{label}", "项 日 名 祢")
    (p,) = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer, p.funds.annual_budget) == (
        "2023年示例县饮水安全巡查项目", "示例县水利局", "示例县水务站", 200000.0)


def test_a_twice_slipped_label_below_a_name_row_opens_no_second_table(extractor):
    """项目名称 printed right, then a row labeled two edits from it (项目地点): one project, named by the first row."""
    lines = [SCAN[0].replace("{label}", "项目名称"), "丨 项目地点 丨 示例县城关镇 丨", *SCAN[1:]]
    (p,) = extractor.extract_text("\n".join(lines), doc_id="t", mode="parser").projects
    assert p.name == "2023年示例县饮水安全巡查项目"


def test_a_twice_slipped_label_in_a_table_run_into_one_line(extractor):
    """The same scan with its line breaks lost (pipes between cells on one line): the cell stream reads the label too."""
    text = " ".join(SCAN).replace("{label}", "项 日 名 祢")
    (p,) = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.funds.annual_budget) == ("2023年示例县饮水安全巡查项目", "示例县水利局", 200000.0)


# a third-party evaluation's summary (invented): cover lines, a results sentence, a tab 评分表 (评价指标 / 权重 /
# 评分标准 / 得分) whose level-1 cells print their allotment without 分 and merge over the rows below
SCORE_SHEET = "\n".join([
    "示例县农村公路提质改造项目绩效评价报告（摘要）", "示例会计师事务所有限公司",
    "一、项目基本情况", "项目名称：示例县农村公路提质改造项目", "主管部门：示例县交通运输局", "实施单位：示例县公路中心",
    "2023年度项目预算资金1,260万元，实际支出1,178.1万元，预算执行率93.5%。",
    "二、评价结论", "经综合评价，该项目绩效评价得分为84.5分，评价等级为“良”。", "三、评分表",
    "一级指标\t二级指标\t评价指标\t权重\t评分标准\t得分",
    "决策（20）\t项目立项\t立项依据充分性\t20\t依据充分得20分，否则酌情扣分\t18",
    "产出（50）\t产出数量\t改造里程完成率\t30\t完成率100%得满分，每低1%扣0.5分\t27",
    "\t产出质量\t交工验收合格率\t20\t合格率100%得满分\t20",
    "效益（30）\t社会效益\t群众出行条件改善情况\t20\t明显改善得20分\t15",
    "\t服务对象满意度\t沿线群众满意度\t10\t满意度≥90%得满分，每低1%扣0.5分\t4.5",
    "合计\t\t\t100\t\t84.5", "四、存在的问题", "项目进度滞后。", ""])


def test_a_third_party_score_sheet_under_cover_lines_is_the_projects_table(extractor):
    """The 评分表's 产出 / 效益 rows are the indicators (weight 权重, score 得分, no target or actual: 评分标准 is a
    scoring rule); 决策 rows are none; the funds and the grade come from the report's sentences."""
    (p,) = extractor.extract_text(SCORE_SHEET, mode="parser").projects
    assert (p.name, p.department, p.implementer, p.score, p.grade) == (
        "示例县农村公路提质改造项目", "示例县交通运输局", "示例县公路中心", 84.5, "良")
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (12600000.0, 11781000.0, 93.5)
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("产出指标", "数量指标", "改造里程完成率", None, None, 30.0, 27.0),
        ("产出指标", "质量指标", "交工验收合格率", None, None, 20.0, 20.0),
        ("效益指标", "社会效益指标", "群众出行条件改善情况", None, None, 20.0, 15.0),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", None, None, 10.0, 4.5)]


def test_cover_lines_over_a_cover_page_and_the_forms_own_name_row_open_one_table(extractor):
    """A cover page's 项目名称 line with its 主管部门 line, then the form with its own 项目名称 row: the form names the
    project (the cover lines open no table of their own)."""
    form = ["项目名称\t示例项目", "主管部门\t示例局\t实施单位\t示例中心",
            "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t10\t10\t9\t10\t90%\t9", "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
            "产出指标\t数量指标\t培训人数\t≥100人\t105人\t90\t90"]
    text = "\n".join(["项目名称：示例项目", "主管部门（盖章）：示例局", "填报日期：2024年4月", *form, ""])
    assert [(p.name, len(p.indicators)) for p in extractor.extract_text(text, mode="parser").projects] == [("示例项目", 1)]


def test_a_results_notice_with_one_category_column_and_a_year_target_header(extractor):
    """A finance bureau's results notice: cover lines, then rows ' | ' apart under 指标类别 / 指标名称 / 年度目标 /
    实际完成 / 分值 / 得分; the category words merge level-1 and level-2 (产出数量), 满意度 alone is a level-1."""
    text = "\n".join([
        "示例县财政局关于2023年度重点项目绩效评价结果的公开", "项目名称：幼儿园运转经费补助",
        "项目主管部门：示例县教育局", "项目实施单位：示例县学前教育中心", "综合评分92分，评价等级：优秀。",
        "指标类别 | 指标名称 | 年度目标 | 实际完成 | 分值 | 得分",
        "产出数量 | 补助幼儿园数量 | 8所 | 8所 | 40 | 40", "社会效益 | 普惠性学前教育覆盖率 | ≥90% | 91.2% | 30 | 30",
        "满意度 | 家长满意度 | ≥90% | 94.5% | 30 | 22", "四、存在的主要问题", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.department, p.implementer, p.score, p.grade) == ("示例县教育局", "示例县学前教育中心", 92.0, "优")
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in p.indicators] == [
        ("产出指标", "数量指标", "补助幼儿园数量", "8所", "8所"),
        ("效益指标", "社会效益指标", "普惠性学前教育覆盖率", "≥90%", "91.2%"),
        ("满意度指标", None, "家长满意度", "≥90%", "94.5%")]
