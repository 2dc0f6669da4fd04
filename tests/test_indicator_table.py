"""The indicator table reader: where its rows end (invented examples)."""

from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.tables import TableParser

HEADER = "一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分"
HEAD = [
    "项目名称\t乡镇卫生院设备购置补助", "主管部门\t示例县卫生健康局", "实施单位\t示例县中心卫生院",
    "年度绩效目标1(50分)", HEADER,
    "产出指标\t数量指标\t购置设备台数\t≥12台\t12台\t25",
    "效益指标\t社会效益指标\t门诊检查开展率\t≥90%\t94%\t25",
]


def _names(lines: list[str]) -> list[tuple[str | None, str]]:
    rows = parse_rows(normalize_text("\n".join(lines) + "\n"), one_row_per_line=True)
    (p,) = TableParser().parse(rows)
    return [(i.level1, i.name.text) for i in p.indicators]


def test_a_caption_over_the_header_printed_again_opens_the_next_block():
    """年度绩效目标2 on a line of its own, the header again, then rows: one table in two target blocks."""
    lines = [*HEAD, "年度绩效目标2(50分)", HEADER, "数量指标\t培训医护人员人次\t≥60人次\t64人次\t25",
             "满意度指标\t服务对象满意度指标\t患者满意度\t≥90%\t92%\t25"]
    assert _names(lines) == [("产出指标", "购置设备台数"), ("效益指标", "门诊检查开展率"),
                             ("产出指标", "培训医护人员人次"), ("满意度指标", "患者满意度")]


def test_a_line_of_text_with_no_header_or_row_after_it_still_ends_the_table():
    lines = [*HEAD, "说明：本表数据来源于单位台账。", "附件：设备清单", "购置设备清单\t示例型号"]
    assert _names(lines) == [("产出指标", "购置设备台数"), ("效益指标", "门诊检查开展率")]


TARGET_ONLY = [
    "项目名称\t乡镇污水处理设施运维经费", "主管部门\t示例县住建局", "实施单位\t示例县排水站",
    "一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t未完成原因和改进措施",
]


def _values(lines: list[str]) -> list[tuple[str, str | None]]:
    rows = parse_rows(normalize_text("\n".join(lines) + "\n"), one_row_per_line=True)
    (p,) = TableParser().parse(rows)
    return [("".join(s.text for s in i.target), i.actual.text if i.actual else None) for i in p.indicators]


def test_a_verdict_in_the_remark_column_of_a_row_that_lost_cells_is_no_actual():
    """No score columns, the remark column last: a row printing a target and 达成预期指标 (its blank 全年完成值
    vanished) is aligned from the right, the verdict in the remark column; a row printing both values keeps them."""
    lines = [*TARGET_ONLY, "产出指标\t数量指标\t运维站点数量\t≥18个\t达成预期指标",
             "质量指标\t出水达标率\t100%\t100%"]
    assert _values(lines) == [("≥18个", None), ("100%", "100%")]


def test_a_verdict_in_a_row_keeping_every_cell_stays_where_it_is_printed():
    """The same header, the row's blank remark cell kept: the verdict stands in 全年完成值 (LABELING R7.4)."""
    lines = [*TARGET_ONLY, "产出指标\t数量指标\t运维站点数量\t≥18个\t达成预期指标\t"]
    assert _values(lines) == [("≥18个", "达成预期指标")]


def _space_values(lines: list[str]) -> list[tuple[str, str, str | None]]:
    from jixiao.pipelines.layout import space_rows
    rows = parse_rows(space_rows(normalize_text("\n".join(lines) + "\n")), one_row_per_line=True)
    (p,) = TableParser().parse(rows)
    return [(i.name.text, "".join(s.text for s in i.target), i.actual.text if i.actual else None) for i in p.indicators]


def test_a_verdict_past_a_target_only_header_leaves_a_row_without_level_cells_readable():
    """Hubei 2021 target-only form in space rows: 一级 二级 三级 指标值 over rows ending in an unheaded 达成预期指标.
    A row that lost its level cells (name, target, verdict) is narrower than the header, not a row of other words."""
    lines = ["项目名称 示例县老年活动中心改造", "主管部门 示例县老干部局 实施单位 示例县老年活动中心",
             "一级指标 二级指标 三级指标 指标值",
             "产出指标 数量指标 改造无障碍坡道 3处 达成预期指标",
             "加装安全扶手 ≥120米 达成预期指标",
             "质量指标 改造工程验收合格率 100% 达成预期指标",
             "满意度指标 服务对象满意度指标 老干部满意度 ≥95% 达成预期指标", "填报单位（盖章）：示例县老干部局"]
    assert _space_values(lines) == [("改造无障碍坡道", "3处", None), ("加装安全扶手", "≥120米", None),
                                    ("改造工程验收合格率", "100%", None), ("老干部满意度", "≥95%", None)]


def test_a_verdict_in_the_last_completion_column_of_a_scoreless_header_is_no_actual():
    """Hubei 2021 form 年度指标值 | 完成情况, no 分值/得分, the completion column last: a verdict (达成预期指标,
    部分达成, 未达成) there says whether the target was met, not what was done -> target only; a value is kept."""
    lines = ["项目名称\t示例县防火物资储备经费", "主管部门\t示例县应急管理局", "实施单位\t示例县物资保障中心",
             "一级指标\t二级指标\t三级指标\t年度指标值\t完成情况",
             "产出指标\t数量指标\t采购灭火机数量\t≥60台\t达成预期指标",
             "时效指标\t物资分发完成时间\t2021年10月底前\t部分达成",
             "效益指标\t社会效益指标\t森林火灾受害率\t≤0.9‰\t未达成",
             "满意度指标\t服务对象满意度指标\t护林员满意度\t≥90%\t93%"]
    assert _values(lines) == [("≥60台", None), ("2021年10月底前", None), ("≤0.9‰", None), ("≥90%", "93%")]


def test_a_row_named_like_a_signature_field_is_a_row_and_the_signature_ends_the_table():
    """经办人 / 负责人 sign the form under its last row; 经办人员培训人次 (a merged level cell's row, name first) is an
    indicator."""
    lines = [*HEAD[:-1], "经办人员业务培训人次\t≥120人次\t136人次\t25", "负责人数\t≥3人\t3人\t10",
             "经办人：张某\t负责人：李某"]
    assert _names(lines) == [("产出指标", "购置设备台数"), ("产出指标", "经办人员业务培训人次"), ("产出指标", "负责人数")]
