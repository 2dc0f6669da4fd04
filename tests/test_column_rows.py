"""An indicator table in a PDF text layer laid out in columns (``pdftotext -layout``): every example invented."""

import pytest

from jixiao.pipelines.column_rows import column_rows, display_width
from jixiao.pipelines.layout import parse_rows, space_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.vocab import Categories

HEAD = ["项目名称      乡村道路养护示例经费",
        "主管部门      示例县交通运输局          实施单位     示例县公路站",
        "              年初预算数   全年预算数   全年执行数   分值   执行率   得分",
        "年度资金总额  50.00        50.00        48.00        10     96%      9.6"]
COLUMNS = "    一级指标  二级指标      三级指标          年度指标值   实际完成值   分值  得分  偏差原因分析及改进措施"


def _at(cells: list[tuple[int, str]]) -> str:
    """A line with each word printed at its display column (a CJK glyph two wide), as the layer prints it."""
    line = ""
    for col, word in cells:
        line += " " * max(1, col - display_width(line)) + word
    return line


def _col(word: str) -> int:
    """The display column where the header word ``word`` starts."""
    return display_width(COLUMNS[:COLUMNS.index(word)])


L1, L2, NAME, TGT, ACT, W, S, DEV = (_col(w) for w in
                                     ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差"))


def _rows(lines: list[str]) -> list[list[str]]:
    norm = normalize_text("\n".join(lines) + "\n")
    rows = column_rows(norm, parse_rows(space_rows(norm), one_row_per_line=True), Categories())
    return [r.texts for r in rows]


def _indicators(extractor, lines):
    (p,) = extractor.extract_text("\n".join(HEAD + lines) + "\n", doc_id="t", mode="parser").projects
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


def test_a_level_cell_printed_between_rows_heads_the_rows_around_it(extractor):
    # 数量指标 spans two rows and prints at their middle, on a line of its own; 产出指标 likewise over three
    lines = [COLUMNS,
             _at([(NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"), (W + 1, "20"), (S + 1, "20")]),
             _at([(L2, "数量指标")]),
             _at([(NAME - 4, "桥梁检查次数"), (TGT + 2, "≥12次"), (ACT + 2, "12次"), (W + 1, "10"), (S + 1, "10")]),
             _at([(L1 + 2, "产出指标")]),
             _at([(L2, "质量指标"), (NAME - 4, "路面优良率"), (TGT + 2, "≥85%"), (ACT + 2, "88%"), (W + 1, "20"), (S + 1, "20")]),
             _at([(L1 + 2, "效益指标"), (L2, "社会效益"), (NAME - 4, "群众出行满意度"), (TGT + 2, "≥90%"), (ACT + 2, "93%"),
                  (W + 1, "20"), (S + 1, "20")]),
             _at([(L2, "指标")]),
             _at([(L1 + 14, "总分"), (W, "100"), (S, "100")])]
    got = _indicators(extractor, lines)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("产出指标", "数量指标", "道路养护里程"), ("产出指标", "数量指标", "桥梁检查次数"),
        ("产出指标", "质量指标", "路面优良率"), ("效益指标", "社会效益指标", "群众出行满意度")]
    assert [g[5] for g in got] == [20.0, 10.0, 20.0, 20.0]


def test_a_wrapped_level_word_joins_its_pieces_and_stops_at_a_complete_one():
    # 可持续影 / 响指标 is one cell; 时效指标 on the row above is a cell of its own, not 时效指标可持续影
    lines = [COLUMNS,
             _at([(L2, "时效指标"), (NAME - 4, "养护完成时间"), (TGT + 2, "11月底前"), (ACT + 2, "11月20日"), (W + 1, "10"), (S + 1, "10")]),
             _at([(L2, "可持续影"), (NAME - 4, "养护机制运行"), (TGT + 2, "长期"), (ACT + 2, "长期"), (W + 1, "10"), (S + 1, "10")]),
             _at([(L2, "响指标")])]
    rows = _rows(lines)
    assert [r[1] for r in rows[1:]] == ["时效指标", "可持续影响指标"]


def test_deviation_text_wrapping_above_and_below_its_row_belongs_to_that_row():
    # the reason cell is centered on its row: its first line prints above the row's line, its last below
    lines = [COLUMNS,
             _at([(NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"), (W + 1, "20"), (S + 1, "20")]),
             _at([(DEV, "雨季较长部分")]),
             _at([(NAME - 4, "桥梁检查次数"), (TGT + 2, "≥12次"), (ACT + 2, "10次"), (W + 1, "10"), (S + 1, "8"), (DEV, "桥梁检查")]),
             _at([(DEV, "顺延至次年")])]
    rows = _rows(lines)
    assert [r[7] for r in rows[1:]] == ["", "雨季较长部分桥梁检查顺延至次年"]


def test_a_header_wrapping_above_the_first_row_stays_the_header():
    head = _at([(L1, "一级指标"), (L2, "二级指标"), (NAME, "三级指标"), (TGT, "年度指标值"), (ACT, "实际完成值"), (W, "分值"),
                (S, "得分"), (DEV, "偏差原因分析")])
    lines = [head, _at([(DEV + 1, "及改进措施")]),
             _at([(L1, "产出指标"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"),
                  (W + 1, "20"), (S + 1, "20")]),
             _at([(NAME - 4, "桥梁检查次数"), (TGT + 2, "≥12次"), (ACT + 2, "12次"), (W + 1, "10"), (S + 1, "10")]),
             _at([(NAME - 4, "(含涵洞)")])]
    rows = _rows(lines)
    assert rows[0][7] == "偏差原因分析及改进措施"
    assert [r[2] for r in rows[1:]] == ["道路养护里程", "桥梁检查次数(含涵洞)"]


def test_web_text_one_space_apart_and_rows_on_one_line_each_are_left_as_they_are():
    web = ["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
           "产出指标 数量指标 道路养护里程 ≥120公里 126公里 20 20",
           "质量指标",
           "路面优良率 ≥85% 88% 20 20"]
    norm = normalize_text("\n".join(web) + "\n")
    rows = parse_rows(space_rows(norm), one_row_per_line=True)
    assert column_rows(norm, rows, Categories()) is rows
    one_a_line = [COLUMNS,
                  _at([(L1, "产出指标"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"),
                       (W + 1, "20"), (S + 1, "20")])]
    norm = normalize_text("\n".join(one_a_line) + "\n")
    rows = parse_rows(space_rows(norm), one_row_per_line=True)
    assert [r.texts for r in column_rows(norm, rows, Categories())] == [r.texts for r in rows]


def test_a_name_wrapping_around_its_centred_values_is_one_row(extractor):
    # 设施设备完好 / 率: the row's one-line cells (数量 level, values) print on a line between the name's two pieces,
    # which belong to that line, not to the row above
    lines = [COLUMNS,
             _at([(L1 + 2, "产出指标"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"),
                  (W + 1, "20"), (S + 1, "20")]),
             _at([(NAME - 4, "养护设施设备完")]),
             _at([(L2, "质量指标"), (TGT + 2, "≥95%"), (ACT + 2, "97%"), (W + 1, "10"), (S + 1, "8")]),
             _at([(NAME - 4, "好率")]),
             _at([(L2, "时效指标"), (NAME - 4, "养护完成时间"), (TGT + 2, "11月底前"), (ACT + 2, "11月20日"), (W + 1, "10"),
                  (S + 1, "10")])]
    assert _indicators(extractor, lines) == [
        ("产出指标", "数量指标", "道路养护里程", "≥120公里", "126公里", 20.0, 20.0),
        ("产出指标", "质量指标", "养护设施设备完好率", "≥95%", "97%", 10.0, 8.0),
        ("产出指标", "时效指标", "养护完成时间", "11月底前", "11月20日", 10.0, 10.0)]


def test_header_cells_wrapped_above_and_below_the_header_line_are_stacked_by_column():
    # a centred three-line header: 运算 / 符号 and 度量 / 单位 print above and below the header's one-line words, 一级 /
    # 指标 top-aligned over two lines; each column's pieces join into one header word
    op, unit = TGT - 8, ACT - 4
    lines = [_at([(op, "运算"), (unit, "度量"), (DEV + 3, "偏差原因分析及")]),
             _at([(L1, "一级"), (L2, "二级指标"), (NAME, "三级指标"), (TGT, "指标值"), (ACT + 4, "实际"), (W + 2, "分值"),
                  (S + 2, "得分")]),
             _at([(L1, "指标"), (op, "符号"), (unit, "单位"), (ACT + 4, "完成值"), (DEV + 3, "改进措施")]),
             _at([(L1, "产出指标"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (op, "≥"), (TGT + 2, "120"), (unit, "公里"),
                  (ACT + 4, "126"), (W + 2, "20"), (S + 2, "20")]),
             _at([(NAME - 4, "桥梁检查次数"), (op, "≥"), (TGT + 2, "12"), (unit, "次"), (ACT + 4, "12"), (W + 2, "10"),
                  (S + 2, "10")])]
    rows = _rows(lines)
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "运算符号", "指标值", "度量单位", "实际完成值", "分值", "得分",
                       "偏差原因分析及改进措施"]
    assert [r[2:5] for r in rows[1:]] == [["道路养护里程", "≥", "120"], ["桥梁检查次数", "≥", "12"]]


def test_a_remark_under_the_header_is_no_header_piece():
    # the first row's remark starts on the line under the header: a cell of the row, not 偏差原因分析 + 雨季…
    lines = [COLUMNS,
             _at([(L1, "产出指标"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "110公里"),
                  (W + 1, "20"), (S + 1, "18"), (DEV, "雨季较长部分")]),
             _at([(DEV, "顺延至次年")])]
    rows = _rows(lines)
    assert rows[0][7] == "偏差原因分析及改进措施"
    assert rows[1][7] == "雨季较长部分顺延至次年"


def test_a_wrapped_cell_and_value_tail_under_a_top_aligned_row_is_no_row_of_its_own():
    # 设计招标完成时 / 间 and 7月中 / 旬 continue their row on the next line; that line prints no 分值 / 得分
    lines = [COLUMNS,
             _at([(L1, "产出指"), (L2, "时效指标"), (NAME - 4, "设计招标完成时"), (TGT + 2, "6月底前"), (ACT + 2, "7月中"),
                  (W + 1, "5"), (S + 1, "4")]),
             _at([(L1, "标"), (NAME - 4, "间"), (ACT + 2, "旬")]),
             _at([(L2, "成本指标"), (NAME - 4, "亩均管理费用"), (TGT + 2, "≤21元"), (ACT + 2, "20元"), (W + 1, "10"), (S + 1, "10")])]
    rows = _rows(lines)
    assert [(r[0], r[2], r[4]) for r in rows[1:]] == [("产出指标", "设计招标完成时间", "7月中旬"), ("", "亩均管理费用", "20元")]


def test_a_level_word_printed_one_character_a_line_among_the_rows_is_one_cell(extractor):
    # Excel's vertical text: 产 / 出 / 指 / 标 land beside and between the rows of the merged cell
    lines = [COLUMNS,
             _at([(L1 + 2, "产"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"),
                  (W + 1, "20"), (S + 1, "20")]),
             _at([(L1 + 2, "出")]),
             _at([(L1 + 2, "指"), (L2, "质量指标"), (NAME - 4, "路面优良率"), (TGT + 2, "≥85%"), (ACT + 2, "88%"), (W + 1, "20"),
                  (S + 1, "20")]),
             _at([(L1 + 2, "标")]),
             _at([(L1 + 2, "满"), (L2, "服务对象满意度指标"), (NAME - 4, "群众满意度"), (TGT + 2, "≥90%"), (ACT + 2, "93%"),
                  (W + 1, "20"), (S + 1, "20")]),
             _at([(L1 + 2, "意")]),
             _at([(L1 + 2, "度")])]
    got = _indicators(extractor, lines)
    assert [(g[0], g[2]) for g in got] == [("产出指标", "道路养护里程"), ("产出指标", "路面优良率"),
                                           ("满意度指标", "群众满意度")]


def test_a_table_runs_on_over_a_page_break_and_its_repeated_header(extractor):
    # the footer (第 1 页 共 2 页) and a form feed end page 1; page 2 repeats the header (print titles) and the rows
    # go on; the first row there prints no level-1 (the merged cell's text stayed on page 1)
    lines = [COLUMNS,
             _at([(L1, "产出指标"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"),
                  (W + 1, "20"), (S + 1, "20")]),
             "", _at([(NAME, "第 1 页 共 2 页")]), "\f" + COLUMNS,
             _at([(L2, "质量指标"), (NAME - 4, "路面优良率"), (TGT + 2, "≥85%"), (ACT + 2, "88%"), (W + 1, "20"), (S + 1, "20")]),
             _at([(L1, "效益指标"), (L2, "社会效益"), (NAME - 4, "群众出行满意度"), (TGT + 2, "≥90%"), (ACT + 2, "93%"),
                  (W + 1, "20"), (S + 1, "20")])]
    got = _indicators(extractor, lines)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("产出指标", "数量指标", "道路养护里程"), ("产出指标", "质量指标", "路面优良率"),
        ("效益指标", "社会效益指标", "群众出行满意度")]


def _row(l1, l2, name, target, actual):
    return _at(([(L1 + 2, l1)] if l1 else []) + ([(L2, l2)] if l2 else [])
               + [(NAME - 4, name), (TGT + 2, target), (ACT + 2, actual), (W + 1, "10"), (S + 1, "10")])


@pytest.mark.parametrize("running", ["示例县交通运输局2023年度项目支出绩效自评表", "项目支出绩效自评表（续）"])
def test_the_next_pages_running_title_does_not_end_the_table(extractor, running):
    # page 2 opens with the form's title printed again (a Word header), the repeated header, and rows whose level-1
    # cells stand one character a line (Excel's vertical text), the first row's still on page 1
    lines = [COLUMNS, _row("产", "数量指标", "道路养护里程", "≥120公里", "126公里"), _at([(L1 + 2, "出")]),
             _row("指", "质量指标", "路面优良率", "≥85%", "88%"), _at([(L1 + 2, "标")]),
             "", _at([(NAME, "第 1 页 共 2 页")]), "\f" + _at([(L2, running)]), COLUMNS,
             _row(None, "成本指标", "每公里养护成本", "≤1.2万元", "1.1万元"),
             _row("效", "社会效益指标", "群众出行满意度", "≥90%", "93%"), _at([(L1 + 2, "益")]),
             _row("指", "生态效益指标", "道路扬尘投诉数", "≤3件", "1件"), _at([(L1 + 2, "标")])]
    assert [(g[0], g[2]) for g in _indicators(extractor, lines)] == [
        ("产出指标", "道路养护里程"), ("产出指标", "路面优良率"), ("产出指标", "每公里养护成本"),
        ("效益指标", "群众出行满意度"), ("效益指标", "道路扬尘投诉数")]


def test_a_blank_gap_without_a_page_break_before_other_text_ends_the_table():
    # text after a blank line that starts left of the table's columns is not a row
    lines = [COLUMNS,
             _at([(L1, "产出指标"), (L2, "数量指标"), (NAME - 4, "道路养护里程"), (TGT + 2, "≥120公里"), (ACT + 2, "126公里"),
                  (W + 1, "20"), (S + 1, "20")]),
             _at([(NAME - 4, "(含桥梁)")]),
             "", "说明：本表金额单位为万元 2023年 10 10"]
    rows = _rows(lines)
    assert rows[-1] == ["说明:本表金额单位为万元", "2023年", "10", "10"] or "说明" in "".join(rows[-1])
    assert [r[2] for r in rows[1:2]] == ["道路养护里程(含桥梁)"]
