"""Spaces inside one cell of a space-separated row (layout families 1 and 2), where a blind round (invbr) found
values in the wrong field: a value typed with spaces between operator, number and unit (≥ 180 公里, 2023年 5月),
an indicator name with spaces in it, before the values or before 分值. Invented examples."""

from jixiao.pipelines.spaced_cells import SpacedRows

HEADER = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施".split()


def _gaps(*lines: str, header: list[str] = HEADER) -> list[set[int]]:
    rows = SpacedRows()
    rows.inner_gaps(header)
    return [rows.inner_gaps(line.split()) for line in lines]


def test_a_values_unit_and_a_dates_pieces_stay_in_their_value():
    [unit, date] = _gaps("产出指标 数量指标 清淤河段长度 ≥ 12 公里 12.5 公里 10 10",
                         "时效指标 完工时间 2023年 5月 31日前 2023年 5月 25日 10 10")
    assert unit == {4, 6}  # 12 公里, 12.5 公里 (the operator's own gap is layout.space_rows')
    assert date == {2, 3, 5, 6}


def test_a_names_words_are_joined_up_to_its_values():
    [spaced, worded, broken_level] = _gaps(
        "社会效益指标 老年人 居家照护 需求满足率 ≥85% 83% 20 18 部分村服务半径大",
        "时效指标 补贴按季度 发放 按季度 按季度 15 15",  # a worded target and actual before weight and score
        "指标 指标 供餐学校数量 86所 86所 10 10",  # the tails of broken level words are no name
    )
    assert spaced == {1, 2}
    assert worded == {1}
    assert broken_level == set()


def test_a_name_before_the_weight_when_the_header_prints_the_weight_first():
    header = "一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分".split()
    [pm, lone] = _gaps("生态效益指标 PM2.5 年均浓度 15 ≤42微克/立方米 44微克/立方米 12",
                       "质量指标 监测 有效 15 合格", header=header)
    assert pm == {1}
    assert lone == set()  # a number then words: nothing tells where the name ends


def test_an_explanation_column_between_name_and_target_stays_a_cell():
    header = "一级指标 二级指标 三级指标 指标解释 年度目标值 实际完成值 得分".split()
    [row] = _gaps("产出指标 数量指标 配置设备数量 为卫生院新购设备 6家 6家 15", header=header)
    assert row == set()


WEIGHT_ONLY = "\n".join([
    "项目名称:城区管网清疏维护",
    "主管部门:示例县城市管理局 实施单位:示例县市政设施维护中心",
    "项目资金(万元) 年初预算数 全年预算数 全年执行数",
    "年度资金总额 100 96 90",
    "一级指标 二级指标 三级指标 指标值 完成值 分值 是否核心指标 数据来源",
    "产出指标 数量指标 清疏管网 长度 ≥ 180 公里 186.5 公里 40 是 养护单位提供的月度台账",
    " 时效指标 汛前完成时间 2023年 5月 31日前 2023年 5月 25日 30 否 工作记录",
    "满意度指标 服务对象满意度指标 市民满意度 ≥ 90 % 92.6 % 20 是 问卷",
    "合计 90",
    "自评结论:项目绩效目标全部完成。",
])


def test_spaced_values_read_whole_where_another_reading_cut_them_into_rows(extractor):
    [p] = extractor.extract_text(WEIGHT_ONLY, mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("清疏管网长度", "≥180公里", "186.5公里", 40, None),
        ("汛前完成时间", "2023年5月31日前", "2023年5月25日", 30, None),
        ("市民满意度", "≥90%", "92.6%", 20, None),
    ]
