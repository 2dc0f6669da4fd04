"""The collapsed-text reader (``flat``) on a table printed one cell a line with nothing that tells its rows apart
(pipe-terminated cells whose filler lines are lone '|' lines, like its empty cells). Invented example."""

import pytest


ROWS = [
    ["项目支出绩效自评表"], ["项目名称", "牧区饮水安全巡检"], ["主管部门", "示例旗水利局", "实施单位", "示例旗水务站"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "30", "30", "27", "10", "90%", "9"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值", "度量单位", "实际完成值", "分值",
     "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "指标1:巡检水井数量(眼)", "正向", "大于等于", "140", "眼", "131", "40", "36", "部分牧点冬季无法进入"],
    ["指标2:", "", "", "", "", "", "", "", ""],
    ["效益指标", "社会效益指标", "指标1:饮水安全保障人口", "正向", "大于等于", "5000", "人", "5200", "40", "40", ""],
    ["总分", "100", "94"],
]


def test_a_remark_before_a_numbered_empty_slot_is_no_indicator(extractor):
    """'部分牧点冬季无法进入' (the row's 偏差原因) then '指标2:' (an empty template slot): neither opens a row."""
    text = "\n".join("\n".join(f"{c} |" if c else "|" for c in row) + "\n|" for row in ROWS)
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "指标1:巡检水井数量(眼)", "大于等于140眼", "131", 40, 36),
        ("社会效益指标", "指标1:饮水安全保障人口", "大于等于5000人", "5200", 40, 40),
    ]


SCORED = [
    "项目名称 城乡环卫运营补助", "主管部门 示例县城市管理局 实施单位 示例县环卫所",
    "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 60 60 57 10 95% 9.5",
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 评分标准 偏差原因分析及改进措施",
    "产出指标 数量指标 清运乡镇数量 12个 12个 20 20 完成得满分",
    "时效指标 日产日清率 100% 98% 10 9 按比例扣分 节假日清运量大",
    "效益指标 社会效益指标 人居环境改善 明显改善 明显改善 20 20 定性指标",
    "总分 100 98.5",
]


def test_text_cells_after_the_scores_are_no_row(extractor):
    """Read as collapsed text (one line): the 评分标准 and 偏差原因 cells after a row's scores, up to the next category
    word, are that row's, not a row of their own."""
    p, = extractor.extract_text("  ".join(SCORED), doc_id="t", mode="parser").projects
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "清运乡镇数量", "12个", "12个", 20, 20),
        ("时效指标", "日产日清率", "100%", "98%", 10, 9),
        ("社会效益指标", "人居环境改善", "明显改善", "明显改善", 20, 20),
    ]


@pytest.mark.parametrize("unit,factor", [("万元", 10000.0), ("元", 1.0)])
def test_a_summary_table_over_prose_read_collapsed(extractor, unit, factor):
    """A report's small summary table (the funds row's label cell blank) over indicators stated in sentences: with its
    line breaks lost, the amounts right after the funds header are its row, and the sentences after the table (inside
    the collapsed reading's span, which no line end bounds) are its indicators."""
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "示例县第一小学2023年度项目绩效自评报告", "一、项目基本情况",
        "项目名称\t校园书屋运行经费", "主管部门\t示例县教育局\t实施单位\t示例县第一小学",
        f"项目资金（{unit}）\t年初预算数\t全年预算数\t全年执行数\t执行率", "\t50\t50\t48\t96%", "",
        "二、绩效目标完成情况", "（1）数量指标：新建书屋数量≥6个，实际完成6个，得10分。",
        "（2）质量指标：图书验收合格率100%，实际完成100%，得10分。", "三、自评结论", "该项目自评得分为95分，等级为优。", ""])
    for t in (text, collapse(text)):
        (p,) = extractor.extract_text(t, mode="parser").projects
        assert (p.name, p.funds.annual_budget, p.funds.executed) == ("校园书屋运行经费", 50 * factor, 48 * factor)
        assert [(i.name, i.target, i.actual) for i in p.indicators] == [
            ("新建书屋数量", "≥6个", "6个"), ("图书验收合格率", "100%", "100%")]


def test_numbers_after_a_funds_header_shorter_than_it_are_no_row(extractor):
    """A number under each header word: two numbers after four header words are no funds row of theirs."""
    from jixiao.eval.variants import collapse

    text = ("项目名称 示例项目 项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率 50 50 "
            "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 书屋数量 ≥6个 6个 10 10 ")
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert p.funds.annual_budget is None


def test_a_unit_note_and_page_labels_run_into_a_collapsed_sheet(extractor):
    """Collapsed, the unit note between the title and the table (单位：元) still gives the amounts' unit, and a preview's
    page labels run into the rows (1 / 3 … 2 / 3) are no cells: the total row's score is not the page count."""
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "项目支出绩效自评表", "（2023年度）", "单位：元", "项目名称", "示例河道保洁经费", "主管部门", "示例县水利局",
        "项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "300,000.00", "320,000.00", "304,000.00", "10", "95.00%", "9.5", "1 / 3",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "产出指标", "数量指标", "保洁河道长度", "≥40公里", "42公里", "20", "20", "2 / 3",
        "总分", "100", "96.5", "3 / 3", ""])
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert (p.funds.annual_budget, p.funds.executed, p.score) == (320000.0, 304000.0, 96.5)


def test_a_lone_slash_between_numbers_is_no_page_label(extractor):
    from jixiao.pipelines.collapsed_tokens import drop_page_labels
    from jixiao.pipelines.layout import Cell

    def cells(words):
        return [Cell(col=0, start=k, end=k + 1, text=w) for k, w in enumerate(words)]

    row = cells(["总分", "10", "/", "10", "得分"])
    assert [t.text for t in drop_page_labels(row)] == ["总分", "10", "/", "10", "得分"]
    paged = cells(["甲", "1", "/", "2", "乙", "2", "/", "2"])
    assert [t.text for t in drop_page_labels(paged)] == ["甲", "乙"]


def test_a_preview_jumping_from_the_funds_into_the_indicator_rows_collapsed(extractor):
    """No indicator header printed (the preview jumped from the funds rows into the rows): collapsed, the rows after
    the funds block are read under the national template's columns, as the one-cell-a-line reader reads them."""
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "项目名称", "示例路灯维护经费", "主管部门", "示例县城市管理局", "项目资金（万元）", "年初预算数", "全年预算数",
        "全年执行数", "分值", "执行率", "得分", "年度资金总额", "60", "60", "57", "10", "95%", "9.5",
        "质量指标", "路灯亮灯率", "≥98%", "99%", "20", "20",
        "时效指标", "故障修复时限", "24小时内", "24小时内", "10", "10", "总分", "100", "95.5", ""])
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("质量指标", "路灯亮灯率", "≥98%", "99%", 20.0, 20.0), ("时效指标", "故障修复时限", "24小时内", "24小时内", 10.0, 10.0)]


def test_the_older_templates_funds_item_printed_as_a_level1_row_is_no_indicator(extractor):
    """The 50-point form (产出 50 / 效益 30 / 满意度 10 / 预算执行率 10) as space rows whose merged cells vanish: the
    '预算执行率（10分）' row is the funds item, not a satisfaction indicator; the rows with no level cell take the
    merged cells above; the report's funds sentence gives the funds, its stated rate over the row's 100% target."""
    text = "\n".join([
        "示例县2019年度农村供水工程项目绩效自评报告", "项目名称：农村供水工程", "主管部门：示例县水利局",
        "2019年度该项目预算资金共计500万元，实际支出460万元，预算执行率92%。",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标（50分） 数量指标 新建集中供水工程 6处 6处 30 30",
        "时效指标 工程完工时间 2019年11月底前 2019年12月20日 20 14",
        "效益指标（30分） 社会效益指标 受益人口 ≥3.2万人 3.35万人 30 30",
        "满意度指标（10分） 服务对象满意度指标 受益群众满意度 ≥85% 91% 10 10",
        "预算执行率（10分） 预算执行率 100% 92% 10 9.2", "合计 100 93.2", "四、自评结论", "本项目总得分93.2分。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert [(i.level1, i.level2, i.name) for i in p.indicators] == [
        ("产出指标", "数量指标", "新建集中供水工程"), ("产出指标", "时效指标", "工程完工时间"),
        ("效益指标", "社会效益指标", "受益人口"), ("满意度指标", "服务对象满意度指标", "受益群众满意度")]
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (5000000.0, 4600000.0, 92.0)

