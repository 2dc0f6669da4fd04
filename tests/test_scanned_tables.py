"""A scanned 项目支出绩效自评表 as OCR engines print it: rulings read as brackets, a row whose text cells wrapped onto a
line of blanks, two value cells a lost ruling merged, boxes of one row read out of order, slipped label words."""

from jixiao.pipelines.merged_values import split_merged_values, unswap_values
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.label_slips import slipped_labels
from jixiao.pipelines.pipe_tables import ruling_glyphs

HEAD = (
    "项目支出绩效自评表\n"
    "| 项目名称 | 2023年河道保洁经费\n"
    "[ 主管部门 | 丰水县水利局      l 实旌单位 | 丰水县河道管理站\n"
    "| 项目资金 | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
    "| (万元) | 年度资金总頟 | 50 | 50 | 48 | 10 | 96% | 9.6\n"
    "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析\n"
)


def _indicators(extractor, body: str):
    return extractor.extract_text(HEAD + body).projects[0].indicators


def test_a_bracket_read_for_a_ruling_is_a_cell_boundary():
    line = "| 时效指标 | 保洁完成时间 [ 2023年10月底前 | 2023年10月 |"
    assert ruling_glyphs(line) == "| 时效指标 | 保洁完成时间 | 2023年10月底前 | 2023年10月 |"
    assert ruling_glyphs("[ 主管部门 | 丰水县水利局 l 实施单位 |").startswith("| 主管部门")
    # outside a ruled line a bracket is text
    assert ruling_glyphs("附件 [ 2 ]") == "附件 [ 2 ]"


def test_slipped_label_characters_of_a_scan_are_read_as_the_words():
    assert slipped_labels("实旌单位 甲") == {1: "施"} and slipped_labels("年度资金总頟 1") == {5: "额"}
    assert slipped_labels("项目名祢 甲") == {3: "称"} and slipped_labels("实际支岀数") == {3: "出"}


def test_a_row_whose_name_and_date_wrapped_onto_a_line_of_blanks_reads_as_one_row(extractor):
    body = (
        "|  | 产出指标 | 数量指标 | 河道保洁 | ≥120公里 | 126公里 | 10 | 10 |\n"
        "|  |          |          | 长度     |          |         |    |    |\n"
        "|  |          | 时效指标 | 保洁完成时间 | 2023年11月30日前 | 2023年12月 | 10 | 8 | 汛期\n"
        "|  |          |          |              |                  | 25日       |    |   | 延后\n"
        "|  | 满意度指标 | 服务对象满意度指标 | 沿河群众满意度 | ≥90% | 94% | 10 | 10 |\n"
        "| 总分 | | | | | | 100 | 97.6 |\n"
    )
    got = [(i.name, i.target, i.actual, i.weight, i.score) for i in _indicators(extractor, body)]
    assert got == [("河道保洁长度", "≥120公里", "126公里", 10.0, 10.0),
                   ("保洁完成时间", "2023年11月30日前", "2023年12月25日", 10.0, 8.0),
                   ("沿河群众满意度", "≥90%", "94%", 10.0, 10.0)]


def test_two_values_merged_by_a_lost_ruling_are_split_back(extractor):
    body = (
        "|  | 产出指标 | 数量指标 | 清理河道面积 | ≥3000平方米3120平方米 | 10 | 10 |\n"
        "|  |          | 质量指标 | 保洁验收合格率 | 100% 100% | 10 | 10 |\n"
        "|  |          | 时效指标 | 巡查频次 | 每周2次 | 每周2次 | 10 | 10 |\n"
    )
    got = [(i.name, i.target, i.actual, i.weight) for i in _indicators(extractor, body)]
    assert got[:2] == [("清理河道面积", "≥3000平方米", "3120平方米", 10.0), ("保洁验收合格率", "100%", "100%", 10.0)]


def _row(*texts: str) -> Row:
    cells, at = [], 0
    for k, t in enumerate(texts):
        cells.append(Cell(k, at, at + len(t), t))
        at += len(t) + 1
    return Row(0, "cells", 0, at, cells)


def test_a_date_or_a_cells_two_bounds_are_not_two_values():
    for kept in (_row("", "时效", "发放时间", "2023年12", "2023年12", "10"), _row("", "时效", "通报时限", "≤48小时 ≤48小时", "10")):
        assert split_merged_values(kept, 8) is kept


def test_a_bound_read_after_the_figure_is_the_target():
    r = _row("98.6%", "≥95%")
    assign = {"target": r.cells[0], "actual": r.cells[1]}
    unswap_values(assign)
    assert (assign["target"].text, assign["actual"].text) == ("≥95%", "98.6%")
    # a figure under an operator column (no unit of its own) and a row in the right order stay
    for target, actual in (("12", "≥12"), ("≥95%", "98.6%"), ("96%", "≥12次")):
        r = _row(target, actual)
        assign = {"target": r.cells[0], "actual": r.cells[1]}
        unswap_values(assign)
        assert assign["target"].text == target


def test_a_name_split_in_two_boxes_and_a_rows_boxes_out_of_order_read_as_printed(extractor):
    boxes = "\n".join([
        "项目支出绩效自评表", "项目名称", "城区绿化养护经费", "主管部门", "丰水县住建局", "实施单位", "丰水县园林所",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "绿地养护面积", "≥320万平方米", "326万平方米", "10", "10",
        "质量指标", "绿地植物成活", "率达标情况", "98.6%", "≥95%", "10", "10",
        "时效指标", "养护任务完成时间", "2023年12月底前", "2023年12月", "10", "10",
    ])
    got = [(i.name, i.target, i.actual) for i in extractor.extract_text(boxes).projects[0].indicators]
    assert ("绿地植物成活率达标情况", "≥95%", "98.6%") in got
