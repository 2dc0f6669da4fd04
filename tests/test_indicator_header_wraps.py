"""An indicator header wrapped over two lines in every column (一级 / 指标, 是否核心 / 指标, 年度 / 指标值), with
columns a province adds (是否核心指标, 数据来源) that are no field. Invented examples, space rows."""

import pytest


HEAD = "\n".join([
    "项目支出绩效自评表",
    "项目名称 农村供水巡检维护经费",
    "主管部门 示例县水务局 实施单位 示例县农村供水管理所",
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 68.00 68.00 61.54 10 90.50% 9.05",
])
ROWS = "\n".join([
    "产出指标 数量指标 巡检供水工程处数 是 ≥86处 88处 10 10 巡检台账",
    "水质抽检批次 否 ≥172批次 176批次 10 10 检测报告",
    "质量指标 出厂水质达标率 是 ≥92% 90.8% 10 8.9 检测报告 部分消毒设施老化，已列入改造计划",
    "满意度指标 服务对象满意度指标 受益群众满意度 是 ≥90% 91.3% 10 10 问卷",
    "总分 100 97.9",
])


@pytest.mark.parametrize("header", [
    # wrapped in the level columns, the extra column and the value columns alike
    "绩效指标 一级 二级 三级指标 是否核心 年度 实际 分值 得分 数据来源 偏差原因分析\n指标 指标 指标 指标值 完成值 及改进措施",
])
def test_a_header_wrapped_in_every_column(extractor, header):
    [p] = extractor.extract_text(f"{HEAD}\n{header}\n{ROWS}", mode="parser").projects
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("产出指标", "数量指标", "巡检供水工程处数", "≥86处", "88处", 10, 10),
        ("产出指标", "数量指标", "水质抽检批次", "≥172批次", "176批次", 10, 10),
        ("产出指标", "质量指标", "出厂水质达标率", "≥92%", "90.8%", 10, 8.9),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "91.3%", 10, 10),
    ]


def test_a_tail_that_would_rename_a_column_does_not_join_it():
    from jixiao.pipelines.indicator_header import _wrapped_header_by_words
    from jixiao.pipelines.layout import parse_rows, space_rows
    from jixiao.pipelines.normalize import normalize_text

    rows = parse_rows(space_rows(normalize_text("一级 二级 三级指标 年度 实际 分值 得分 偏差原因分析\n指标 指标 指标值 完成值 "
                                                "及改进措施\n")), one_row_per_line=True)
    slots = {0: "l1", 1: "l2", 2: "name", 4: "actual", 5: "weight", 6: "score", 7: "reason"}
    got = _wrapped_header_by_words(rows[0], rows[1], slots)
    # 分值 + 及改进措施 would read as a reason column: the tail goes on to 偏差原因分析
    assert got == {**slots, 3: "target"}
