"""The collapsed-text reader (``flat``) on a table printed one cell a line with nothing that tells its rows apart
(pipe-terminated cells whose filler lines are lone '|' lines, like its empty cells). Invented example."""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines.flat import FlatParser
from jixiao.pipelines.scan_text import normalize_scanned


def _read_collapsed(text: str):
    """The one project the collapsed-text reader finds in ``text`` with its lines run together."""
    (p,) = FlatParser().parse(normalize_scanned(collapse(text)))
    return p


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

    text = ("项目名称 示例项目 项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率 50 50 "
            "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 书屋数量 ≥6个 6个 10 10 ")
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert p.funds.annual_budget is None


def test_a_unit_note_and_page_labels_run_into_a_collapsed_sheet(extractor):
    """Collapsed, the unit note between the title and the table (单位：元) still gives the amounts' unit, and a preview's
    page labels run into the rows (1 / 3 … 2 / 3) are no cells: the total row's score is not the page count."""

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

    text = "\n".join([
        "项目名称", "示例路灯维护经费", "主管部门", "示例县城市管理局", "项目资金（万元）", "年初预算数", "全年预算数",
        "全年执行数", "分值", "执行率", "得分", "年度资金总额", "60", "60", "57", "10", "95%", "9.5",
        "质量指标", "路灯亮灯率", "≥98%", "99%", "20", "20",
        "时效指标", "故障修复时限", "24小时内", "24小时内", "10", "10", "总分", "100", "95.5", ""])
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("质量指标", "路灯亮灯率", "≥98%", "99%", 20.0, 20.0), ("时效指标", "故障修复时限", "24小时内", "24小时内", 10.0, 10.0)]


def test_rows_under_no_header_after_the_goal_row_and_a_funds_total_collapsed(extractor):
    """No indicator header and no funds header (年度资金总额 opens the funds block): collapsed, the rows after the
    template's goal row (年度总体目标 and its sentences) are read under the national template's columns."""

    text = "\n".join([
        "示例县交通运输局2023年度项目支出绩效自评结果", "根据县财政局《关于做好2023年度预算绩效自评工作的通知》要求，"
        "我局对本年度的项目开展了绩效自评，对照年初设定的绩效目标逐项核对了完成情况、资金使用和群众满意度，"
        "自评结果如下：", "附件：示例渡口安全管理经费绩效自评表", "项目支出绩效自评表", "（2023年度）",
        "项目名称 | 示例渡口安全管理经费", "主管部门 | 示例县交通运输局 | 实施单位 | 示例县渡口管理站",
        "项目资金（万元） | 年度资金总额 | 30 | 30 | 28.5 | 10 | 95% | 9.5",
        "年度总体目标 | 预期目标 | 实际完成情况",
        "| 完成12处渡口安全巡查，保障群众安全出行。 | 巡查渡口12处，全年未发生安全事故。",
        "产出指标 | 数量指标 | 巡查渡口数量 | ≥12处 | 12处 | 30 | 30",
        "时效指标 | 隐患整改及时率 | 100% | 100% | 20 | 20",
        "满意度指标 | 服务对象满意度指标 | 过渡群众满意度 | ≥90% | 93% | 20 | 20",
        "总分 | 100 | 99.5", "填报人：示例 联系电话：0000-0000000",
        "说明：本表资金单位为万元，指标值与实际完成值按年度统计口径填列，满意度指标以问卷调查结果为准，"
        "偏差原因分析及改进措施一栏在未完成年度目标时填写。"])
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "巡查渡口数量", "≥12处", "12处", 30.0, 30.0), ("时效指标", "隐患整改及时率", "100%", "100%", 20.0, 20.0),
        ("服务对象满意度指标", "过渡群众满意度", "≥90%", "93%", 20.0, 20.0)]


def test_a_table_printed_column_by_column_is_no_template_row_collapsed(extractor):
    """一级指标 followed by its categories (the table printed a column at a time): no row is read under the template's
    columns (a row there would pair a category with the next column's header)."""

    text = "\n".join([
        "项目名称", "示例渡口安全管理经费", "主管部门", "示例县交通运输局", "年度资金总额", "30", "30", "28.5", "10", "95%",
        "9.5", "一级指标", "产出指标", "满意度指标", "二级指标", "数量指标", "服务对象满意度指标", "三级指标", "巡查渡口数量",
        "过渡群众满意度", "年度指标值", "≥12处", "≥90%", "实际完成值", "12处", "93%", "分值", "30", "20", "得分", "30", "20"])

    p = _read_collapsed(text)
    assert p.indicators == []


def test_a_preview_jump_marker_between_the_funds_and_the_rows_is_no_sentence_collapsed():
    """The preview hid the indicator header (……此处隐藏：1286字，全部文档内容请下载后查看。): its marker is no sentence of
    a report, and the rows after it are read under the template's columns; the cut row's values before the first
    category open no row."""

    text = "\n".join([
        "项目名称", "示例渡口安全管理经费", "主管部门", "示例县交通运输局", "项目资金（万元）", "年初预算数", "全年预算数",
        "全年执行数", "分值", "执行率", "得分", "年度资金总额", "30", "30", "28.5", "10", "95%", "9.5",
        "此处隐藏：1286字，全部文档内容请下载后查看。喜欢就下载吧 ……", "≥98%", "99%", "10", "10",
        "时效指标", "隐患整改及时率", "100%", "100%", "20", "20",
        "满意度指标", "服务对象满意度指标", "过渡群众满意度", "≥90%", "93%", "20", "20"])
    p = _read_collapsed(text)
    assert [(i.level2, i.name.text, "".join(s.text for s in i.target), i.actual.text) for i in p.indicators] == [
        ("时效指标", "隐患整改及时率", "100%", "100%"), ("服务对象满意度指标", "过渡群众满意度", "≥90%", "93%")]


def test_an_explanation_column_between_the_name_and_the_values_collapsed():
    """指标解释 (a text column of no field) between 三级指标 and 年度目标值: each row's explanation cell is read past, not
    run into the name or the target."""

    text = "\n".join([
        "项目名称　　示例档案维护经费", "主管部门　　示例县卫生健康局　　实施单位　　示例县疾控中心",
        "一级指标　　二级指标　　三级指标　　指标解释　　年度目标值　　实际完成值　　分值　　得分　　偏差原因",
        "产出指标　　数量指标　　维护档案数量　　反映年度维护更新的档案数量　　≥12万份　　12.6万份　　20　　20",
        "　　　　质量指标　　档案信息准确率　　反映抽查档案信息与实际相符的比例　　≥95%　　96.8%　　15　　15",
        "满意度指标　　服务对象满意度指标　　居民满意度　　反映居民的满意程度　　≥90%　　92%　　10　　10", "总分　　100　　100"])
    p = _read_collapsed(text)
    assert [(i.name.text, "".join(t.text for t in i.target), i.actual.text) for i in p.indicators] == [
        ("维护档案数量", "≥12万份", "12.6万份"), ("档案信息准确率", "≥95%", "96.8%"), ("居民满意度", "≥90%", "92%")]


def test_a_wrapped_header_with_text_columns_before_and_after_the_values_collapsed():
    """A two-line header of 16 words (是否核心 before the values, 数据来源 after the scores): its columns are read,
    是否核心 cells (是/否) are no value, and a 数据来源 cell (巡检台账) is no name of the next row; a 偏差原因 cell before
    the next category is the row's too."""

    text = "\n".join([
        "项目名称 示例供水巡检经费", "主管部门 示例县水务局 实施单位 示例县供水所",
        "绩效指标 一级 二级 三级指标 是否核心 年度 实际 分值 得分 数据来源 偏差原因分析",
        "指标 指标 指标 指标值 完成值 及改进措施",
        "产出指标 数量指标 巡检供水工程处数 是 ≥86处 88处 10 10 巡检台账",
        "水质抽检批次 否 ≥172批次 176批次 10 10 检测报告",
        "质量指标 出厂水质达标率 是 ≥92% 90.8% 10 8.9 检测报告 部分消毒设施老化，已列入2024年改造计划",
        "满意度指标 服务对象满意度指标 受益群众满意度 是 ≥90% 91.3% 10 10 问卷", "总分 100 98.9"])
    p = _read_collapsed(text)
    assert [(i.name.text, "".join(t.text for t in i.target), i.actual.text) for i in p.indicators] == [
        ("巡检供水工程处数", "≥86处", "88处"), ("水质抽检批次", "≥172批次", "176批次"),
        ("出厂水质达标率", "≥92%", "90.8%"), ("受益群众满意度", "≥90%", "91.3%")]


def test_a_comma_separated_sheet_collapsed_reads_its_cells(extractor):
    """A CSV export (rows of commas, quoted amounts "4,860,000.00") whose line breaks were lost: the commas outside
    quotes are its cell breaks."""
    from jixiao.pipelines.collapsed_tokens import csv_as_tabs

    rows = [
        "附件3,,,,,,,,", "示例县教育局2023年度项目支出绩效自评表,,,,,,,,", "项目名称,示例幼儿园公用经费补助,,,,,,,",
        "主管部门,示例县教育局,,,实施单位,示例县学前教育中心,,,",
        "项目资金(元),,年初预算数,全年预算数,全年执行数,分值,执行率,得分,",
        ',年度资金总额,"4,860,000.00","5,120,000.00","5,068,800.00",10,0.99,9.9,', ",上年结转资金,,,,—,,—,",
        "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施",
        ",产出指标,数量指标,补助幼儿园数量,≥46所,48所,10,10,", ",,,补助在园幼儿人数,≥12800人,13150人,10,10,",
        ",满意度指标,服务对象满意度指标,幼儿家长满意度,≥90%,89.2%,10,9.5,偏差原因:部分家长对收费标准有异议",
        "总分,,,,,,100,97.5,"]
    text = collapse("\n".join(rows))
    assert len(csv_as_tabs(normalize_scanned(text)).text) == len(normalize_scanned(text).text)
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.department, p.implementer, p.funds.annual_budget) == (
        "示例幼儿园公用经费补助", "示例县教育局", "示例县学前教育中心", 5120000.0)
    assert [(i.name, i.target, i.actual, i.score) for i in p.indicators] == [
        ("补助幼儿园数量", "≥46所", "48所", 10.0), ("补助在园幼儿人数", "≥12800人", "13150人", 10.0),
        ("幼儿家长满意度", "≥90%", "89.2%", 9.5)]
    report = "项目概况,主要内容,,,资金情况,,,完成情况" * 2  # (three commas twice: no sheet)
    assert csv_as_tabs(normalize_scanned(report)).text == normalize_scanned(report).text


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

