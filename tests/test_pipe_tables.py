"""Pipe-terminated cells one a line ('X |') with pipe-only filler lines, an operator in words, value and unit
in columns of their own (the Inner-Mongolia-style 指标方向 / 指标值 / 度量单位 header). Invented examples."""

import pytest

from jixiao.pipelines.pipe_tables import padded_pipe_rows, pipe_cell_lines, pipe_rows


def _table(filler: str) -> str:
    cells = [
        ["项目支出绩效自评表"], ["项目名称", "边境巡逻道路养护"], ["主管部门", "示例旗交通运输局", "实施单位", "示例旗公路养护站"],
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "50", "50", "45", "10", "90%", "9"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值", "度量单位", "实际完成值", "分值",
         "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "指标1:养护道路里程(公里)", "正向", "大于等于", "86", "公里", "88", "20", "20", ""],
        ["时效指标", "指标1:路面病害处置时限", "反向", "小于等于", "7", "天", "6", "20", "20", ""],
        ["总分", "100", "99"],
    ]
    return "\n".join("\n".join(f"{c} |" if c else "|" for c in row) + "\n" + filler for row in cells)


@pytest.mark.parametrize("filler", ["| |", "|  |  |", "||||||"])
def test_filler_lines_with_or_without_blanks_end_rows(extractor, filler):
    p, = extractor.extract_text(_table(filler), doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("边境巡逻道路养护", "示例旗交通运输局", "示例旗公路养护站")
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (500000, 450000, 90)
    # the operator in words, the value and the unit are one target; 指标性质 (正向/反向) is no part of it
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "指标1:养护道路里程(公里)", "大于等于86公里", "88", 20, 20),
        ("时效指标", "指标1:路面病害处置时限", "小于等于7天", "6", 20, 20),
    ]


def test_a_spaced_filler_line_is_a_row_end_not_text():
    text = "项目名称 |\n示例项目 |\n| |\n主管部门 |\n示例局 |\n| |\n" * 3
    out, offsets = pipe_cell_lines(text, list(range(len(text) + 1)))
    assert "| |" not in out  # each filler line became a row's end
    assert len(offsets) == len(out) + 1


@pytest.mark.parametrize("spanned", [[], ["", ""]])
def test_a_sub_header_row_without_the_merged_cells(extractor, spanned):
    """年度指标值 spans 运算符号 / 指标值 / 度量单位 on the next row, which prints only those three (an HTML export leaves
    merged cells out); with or without blank cells under the span on the header row."""
    rows = [
        ["项目支出绩效自评表"], ["项目名称", "牧区防疫物资储备"], ["主管部门", "示例旗农牧局", "实施单位", "示例旗动物防疫站"],
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "45", "45", "43.2", "10", "96%", "9.6"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", *spanned, "实际完成值", "分值", "得分", "偏差原因"],
        ["运算符号", "指标值", "度量单位"],
        ["产出指标", "数量指标", "储备疫苗数量", "定量", "≧", "12", "万头份", "12.5万头份", "30", "30", ""],
        ["质量指标", "疫苗合格率", "定量", "=", "100", "%", "100%", "30", "28", ""],
        ["总分", "100", "97.6"],
    ]
    text = "\n".join("\n".join(f"{c} |" if c else "|" for c in row) + "\n||||||||" for row in rows)
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("储备疫苗数量", "≧12万头份", "12.5万头份", 30, 30),
        ("疫苗合格率", "=100%", "100%", 30, 28),
    ]


def test_a_cell_of_several_lines_has_its_pipe_on_the_last_only():
    """A cell holding line breaks (a <br> or several <p>) prints its inner lines without a pipe: the lines up to the
    pipe are one cell, however many there are."""
    text = ("年度总体目标 |\n预期目标 |\n实际完成情况 |\n||||\n"
            "完成示例河道巡查48次 |\n全年巡查52次，\n发现问题9处，\n整改9处。 |\n||||\n") * 3
    out, offsets = pipe_cell_lines(text, list(range(len(text) + 1)))
    assert "\t完成示例河道巡查48次\n\t全年巡查52次， 发现问题9处， 整改9处。\n" in out
    assert len(offsets) == len(out) + 1


def test_a_direction_column_headed_like_an_operator(extractor):
    """Some bureaus head their 正向 / 反向 column 指标方向, the word others use for the operator in words: a
    direction is no part of the target, the 指标值 cell carries its own operator, and a remark of several lines
    stays in its row."""
    rows = [
        ["项目支出绩效自评表"], ["项目名称", "示例区桥梁检测经费"], ["主管部门", "示例区城市管理局", "实施单位", "示例区市政所"],
        ["项目资金(万元)", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
        ["年度资金总额", "80", "76", "95%", "10", "9.5"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "桥梁检测座数", "定量", "正向", "≥40座", "40座", "40", "40", ""],
        ["效益指标", "社会效益指标", "隐患处置及时率", "定量", "正向", "≥95%", "92%", "40", "36",
         "两处病害须待枯水期处置，\n已列入下年计划。"],
        ["时效指标", "检测完成时限", "定量", "反向", "≤10月底", "10月20日", "10", "10", ""],
        ["总分", "100", "95.5"],
    ]
    text = "\n".join("\n".join(f"{c} |" if c else "|" for c in row) + "\n|||||||" for row in rows)
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("桥梁检测座数", "≥40座", "40座", 40, 40),
        ("隐患处置及时率", "≥95%", "92%", 40, 36),
        ("检测完成时限", "≤10月底", "10月20日", 10, 10),
    ]


def test_second_header_rows_on_rows_of_their_own(extractor):
    """Pipe rows keep a two-row header's rows apart: 年初预算数 / 全年预算数 (under 预算数) and 一级 / 二级 / 三级指标
    (under 绩效指标) come on the row after the first; they stand where their caption does, not after 得分."""
    rows = [
        ["项目支出绩效自评表"], ["项目名称", "示例旗草原监测经费"], ["主管部门", "示例旗林草局", "实施单位", "示例旗草原站"],
        ["项目资金(万元)", "预算数", "全年执行数", "分值", "执行率", "得分"], ["年初预算数", "全年预算数"],
        ["年度资金总额", "30", "32", "30.4", "10", "95%", "9.5"],
        ["绩效指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施"], ["一级指标", "二级指标", "三级指标"],
        ["产出指标", "数量指标", "草原监测样地数量", "20", "≥120个", "126个", "20", ""],
        ["效益指标", "生态效益指标", "草原综合植被盖度", "30", "≥45%", "44%", "28", "干旱少雨"],
        ["总分", "100", "97.5"],
    ]
    text = "\n".join("\n".join(f"{c} |" if c else "|" for c in row) + "\n||||||||" for row in rows)
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (300000, 320000, 304000)
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "草原监测样地数量", "≥120个", "126个", 20, 20),
        ("生态效益指标", "草原综合植被盖度", "≥45%", "44%", 30, 28),
    ]


def _markdown(rows: list[list[str]], width: int) -> list[str]:
    return ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]


def test_markdown_rows_ending_in_a_blank_cell_stay_rows(extractor):
    """A document-to-markdown export: the form's title as the table's first row, a ``|---|`` rule under it, merged cells
    as blank cells (so most rows end ``|  |``, like a web export's padding), and a page break that starts a second
    table at an indicator row, ruled again below it. Each line is one row: the rule and a header ending in its word's
    pipe are no row broken in two."""
    w = 8
    head = _markdown([["项目支出绩效自评表"]], w) + ["|" + "---|" * w] + _markdown([
        ["项目名称", "示例县河湖巡查经费"], ["主管部门", "示例县水利局", "", "", "实施单位", "示例县河湖中心"],
        ["项目资金(元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "200,000.00", "200,000.00", "190,000.00", "10", "95%", "9.5"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "河道巡查次数", "≥48次", "52次", "20", "20"],
        ["", "", "问题整改数量", "≥9处", "9处", "20", "20"]], w)
    tail = _markdown([["", "质量指标", "问题整改合格率", "100%", "100%", "20", "20"]], w) + ["|" + "---|" * w] + _markdown([
        ["效益指标", "社会效益指标", "群众投诉下降率", "≥10%", "12%", "30", "30"], ["总分", "", "", "", "", "100", "99.5"]], w)
    text = "\n".join([*head, "", "— 1 —", "", *tail])
    assert padded_pipe_rows(text) == text  # no line break inside a row: none is joined to the next
    doc = extractor.extract_text(text, doc_id="t", mode="parser")
    assert not any("collapsed" in n for n in doc.meta.get("notes") or [])  # read as rows, not as text whose layout is lost
    p, = doc.projects
    assert (p.funds.initial_budget, p.funds.executed, p.funds.execution_rate) == (200000, 190000, 95)
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("产出指标", "数量指标", "河道巡查次数", "≥48次", "52次", 20, 20),
        ("产出指标", "数量指标", "问题整改数量", "≥9处", "9处", 20, 20),
        ("产出指标", "质量指标", "问题整改合格率", "100%", "100%", 20, 20),
        ("效益指标", "社会效益指标", "群众投诉下降率", "≥10%", "12%", 30, 30),
    ]
    assert p.score == 99.5


def test_a_narrower_pipe_table_further_down_keeps_its_rows():
    """Two markdown tables on one page, the second narrower (a 三公 table of three columns under a 功能分类 table of
    seven): the second's rows are as wide as each other, so none is a broken piece of a wider row."""
    wide = ["| 科目编码 |  |  | 科目名称 | 本年支出 |  |  |", "| --- | --- | --- | --- | --- | --- | --- |",
            *[f"| 201 | 0{k} |  | 事务{k} | 1.00 |  |  |" for k in range(1, 7)]]
    narrow = ["| 项目 | 预算数 | 决算数 |", "| --- | --- | --- |", "| 合计 | 9.50 | 7.86 |", "| 1.公务接待费 | 3.50 | 2.66 |"]
    text = "\n".join([*wide, "", "说明", "", *narrow])
    assert padded_pipe_rows(text) == text


def test_a_header_row_without_a_leading_pipe_is_not_joined_to_the_row_below(extractor):
    # padded pipe rows (a mirror page): the header's first cell has no pipe before it and its last pipe ends it
    text = "\n".join([
        "项目名称 | 黑土地保护补助 | |||||||",
        "主管部门 | 示例县农业农村局 | 实施单位 | 示例县农技中心 | |||||",
        "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||",
        "年度资金总额 | 100 | 100 | 98 | 10 | 98% | 9.8 | ||",
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |",
        "| 产出指标 | 数量指标 | 保护性耕作面积 | ≥52万亩 | 53.6万亩 | 15 | 15 | |",
        "| | | 补助机具数量 | ≥1800台 | 1856台 | 10 | 10 | |",
        "| 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% | 93% | 5 | 5 | |",
        "总分 | 100 | 97.8 | ||||||",
    ])
    [p] = extractor.extract_text(text, mode="parser").projects
    assert [(i.level1, i.level2, i.name, i.target) for i in p.indicators] == [
        ("产出指标", "数量指标", "保护性耕作面积", "≥52万亩"), ("产出指标", "数量指标", "补助机具数量", "≥1800台"),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%")]
# ---- HTML tables as web converters print them (invw): merged cells left out, so rows under them are shorter ----

_WEB_ROWS = [
    ["项目名称", "", "2024年示例社区助老服务经费", "", "", "", "", ""],
    ["主管部门", "", "示例区民政局", "", "实施单位", "示例区养老服务中心", "", ""],
    ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "40", "40", "36", "10", "90%", "9"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "助餐服务人次", "≥1万人次", "1.2万人次", "20", "20"],
    ["上门探访次数", "≥500次", "520次", "10", "10"],
    ["质量指标", "服务投诉办结率", "100%", "100%", "10", "10"],
    ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "93%", "10", "10"],
]


def _web_indicators(extractor, text):
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (400000, 360000, 90)
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight) for i in p.indicators]


_WEB_EXPECTED = [
    ("产出指标", "数量指标", "助餐服务人次", "≥1万人次", "1.2万人次", 20),
    ("产出指标", "数量指标", "上门探访次数", "≥500次", "520次", 10),
    ("产出指标", "质量指标", "服务投诉办结率", "100%", "100%", 10),
    ("满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "93%", 10),
]


def test_markdown_rows_under_merged_cells_are_rows_of_their_own(extractor):
    """markdownify / jina-reader: every row closed by pipes under a `| --- |` rule, the rows under a merged level cell
    one or two cells shorter; a short closed row is never the piece of a broken row."""
    lines = ["| " + " | ".join(r) + " |" for r in _WEB_ROWS]
    text = "\n".join([lines[0], "| " + " | ".join(["---"] * 8) + " |", *lines[1:]]) + "\n"
    assert _web_indicators(extractor, text) == _WEB_EXPECTED


def test_html2text_rows_with_pipes_glued_to_their_cells(extractor):
    """html2text: no outer pipes, each pipe glued to its cell (``项目名称| X``), a last empty cell closed by a pipe."""
    lines = ["| ".join(r) + ("|   " if r[-1] == "" else "  ") for r in _WEB_ROWS]
    text = "\n".join([lines[0], "---|---", *lines[1:]]) + "\n"
    assert _web_indicators(extractor, text) == _WEB_EXPECTED


def test_a_text_with_one_glued_pipe_is_no_html2text_table():
    """A pipe glued to a word in a line or two of prose (a link bar) does not make every such line a row."""
    text = "首页| 政务公开\n项目名称 示例项目\n"
    out, _ = pipe_rows(text, list(range(len(text) + 1)))
    assert out == text


# A news site's slice of a 部门决算 article (invented): rows joined with ' | ' and no outer pipes, where only a row that
# ends in empty cells shows them (``总分 | 100 | 98 | |||||``) and a row whose last cell is filled ends on that cell; an
# indicator row opened by a pipe (its merged 绩效指标 cell) follows a header that ends on its last word.
JOINED = "\n".join([
    "项目名称 | 示例区校园安保服务经费 | ||||||",
    "主管部门 | 示例区教育局 | 实施单位 | 示例区第一中学 | ||||",
    "项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
    "年度资金总额 | 60.00 | 64.00 | 62.72 | 10 | 98.00% | 9.8",
    "其中：财政拨款 | 60.00 | 64.00 | 62.72 | — | — | —",
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
    "| 产出指标 | 数量指标 | 驻校保安人数 | ≥24人 | 24人 | 30 | 30 | |",
    "| 效益指标 | 社会效益指标 | 校园治安案件发生数 | 0起 | 0起 | 30 | 30 | |",
    "| 满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥90% | 88% | 30 | 28 | 门岗高峰时段通行慢，已增设通道",
    "总分 | 100 | 97.8 | |||||",
])


def test_a_row_ending_on_a_filled_cell_is_not_joined_to_the_next_row(extractor):
    """A line and the next holding more pipes together than the widest line are two rows, not one row broken in
    two: the funds header stays apart from the total row, the header from the first indicator row, the last row
    (its remark filled) from the 总分 row."""
    assert padded_pipe_rows(JOINED) == JOINED
    p, = extractor.extract_text(JOINED, doc_id="t", mode="parser").projects
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        600000, 640000, 627200, 98)
    assert p.score == 97.8
    assert [(i.level1, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("产出指标", "驻校保安人数", "≥24人", "24人", 30, 30),
        ("效益指标", "校园治安案件发生数", "0起", "0起", 30, 30),
        ("满意度指标", "师生满意度", "≥90%", "88%", 30, 28),
    ]


def test_a_row_broken_inside_a_cell_is_still_joined():
    """The pieces of one broken row hold no more pipes together than the widest line: still one row."""
    row = "| 产出指标 | 数量指标 | 驻校保安人数 | ≥24人 | 24人 | 30 | 30 | |"
    text = JOINED.replace(row, "| 产出指标 | 数量指标 | 驻校保安人数 | ≥24人\n| 24人 | 30 | 30 | |")
    assert text != JOINED and padded_pipe_rows(text) == JOINED.replace(row, row.replace("≥24人 | ", "≥24人\n| ").replace("\n", " "))


def test_a_navigation_bar_of_many_pipes_does_not_widen_the_table():
    """The table's width is its padded rows' (a site's bar of a dozen links with pipes is no row of it)."""
    bar = "首页 | 新闻 | 政务 | 民生 | 视频 | 专题 | 图片 | 访谈 | 公告 | 下载 | 互动 | 英文 | 网站地图 | 无障碍 |"
    assert padded_pipe_rows(bar + "\n" + JOINED) == bar + "\n" + JOINED


PADDED_ROWS = "\n".join([
    "项目名称 | 庭院经济奖补项目 | ||||||",
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | ||",
    "产出指标 | 数量指标 | 补助果蔬种植面积 | 20 | 36亩 | 36亩 | 20 | ||||",
    "其中葡萄种植面积 | 4亩 | 4亩 | ||||||||",
    "其中梨树种植面积 | 6亩 | 6亩 | ||||||||",
    "质量指标 | 苗木成活率 | 5 | 90% | 93% | 5 | ||||||",
])


def test_a_padded_row_broken_inside_its_cells_is_one_row_again():
    # a scan's stray line breaks: inside a cell twice (补助果蔬 / 种植 / 面积) and inside a row's first cell (其中梨树 / 种植面积)
    broken = (PADDED_ROWS.replace("补助果蔬种植面积", "补助果蔬\n种植\n面积")
              .replace("其中梨树种植面积", "其中梨树\n种植面积"))
    rows = padded_pipe_rows(broken).split("\n")
    assert [r.replace(" ", "") for r in rows] == [r.replace(" ", "") for r in PADDED_ROWS.split("\n")]
