"""The collapsed-text reader (``flat``) on a table printed one cell a line with nothing that tells its rows apart
(pipe-terminated cells whose filler lines are lone '|' lines, like its empty cells). Invented example."""

import pytest

from jixiao.pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings(load_tagger=False)


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
