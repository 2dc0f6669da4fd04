"""Rows `pdftotext` (default mode) printed as two flows, names then figures: every example invented."""

from jixiao.pipelines.flow_rows import flow_rows
from jixiao.pipelines.layout import parse_rows, space_rows
from jixiao.pipelines.normalize import normalize_text

NAMES = ["一级指标 二级指标 三级指标", "产出指标 数量指标 道路养护里程", "桥梁检查次数", "满意度指标 服务对象满意度指标 群众满意度",
         "总分"]
FIGURES = ["年度指标值 实际完成值 分值 得分", "≥120公里 126公里 20 20", "≥12次 12次 10 10", "≥90% 93% 10 10", "100 99"]
FIELDS = ["项目名称", "主管部门", "", "示例县道路养护经费", "示例县交通运输局", ""]


def _rows(lines: list[str]) -> list[list[str]]:
    norm = normalize_text("\n".join(lines) + "\n")
    return [r.texts for r in flow_rows(norm, parse_rows(space_rows(norm), one_row_per_line=True))]


def test_a_names_flow_and_its_figures_flow_are_put_side_by_side_in_a_page_text():
    rows = _rows([*FIELDS, *NAMES, "", *FIGURES, "\f"])
    assert rows[0] == ["项目名称", "示例县道路养护经费"]
    assert rows[2] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    assert rows[4] == ["桥梁检查次数", "≥12次", "12次", "10", "10"]
    assert rows[-1] == ["总分", "100", "99"]


def test_a_figures_header_printed_above_the_figures_opens_the_block():
    labels = ["年度资金总额", "其中:当年财政拨款"]
    amounts = ["年初预算数 全年预算数 全年执行数", "50.00 50.00 48.00", "50.00 50.00 48.00"]
    rows = _rows([*labels, "", *amounts, "\f"])
    assert rows == [["年初预算数", "全年预算数", "全年执行数"], ["年度资金总额", "50.00", "50.00", "48.00"],
                    ["其中:当年财政拨款", "50.00", "50.00", "48.00"]]


def test_web_text_and_columns_printed_one_value_a_line_are_left_as_they_are():
    # no form feed: two paragraphs of a web page stay two paragraphs
    assert _rows([*NAMES, "", *FIGURES]) == [[c for c in line.split(" ")] for line in [*NAMES, *FIGURES]]
    # one figure a line is a column printed top to bottom, not a row's figures; field labels alone change nothing
    column = ["三级指标", "道路养护里程", "桥梁检查次数", "", "分值", "20", "10", "", *FIELDS, "\f"]
    assert _rows(column)[0] == ["三级指标"]
    assert ["项目名称"] in _rows(column)
