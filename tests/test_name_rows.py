"""An indicator's name broken over two rows of web text, joined before the rows are read (invented examples)."""

import pytest


HEAD = [
    "项目名称 示例县社区养老服务补助",
    "主管部门 示例县民政局 实施单位 示例县养老服务中心",
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率",
    "年度资金总额 80 80 78 97.5%",
    "一级指标 二级指标 三级指标 年度指标值 实际完成值",
    "产出指标 数量指标 助餐服务老人数 ≥300人 320人",
]


def _rows(extractor, lines):
    (p,) = extractor.extract_text("\n".join(HEAD + lines), doc_id="t", mode="parser").projects
    return [(i.level1, i.level2, i.name, i.target, i.actual) for i in p.indicators]


@pytest.mark.parametrize("head, tail", [("上门助浴服务覆盖", "率"), ("社区老年食堂服务", "人次")])
def test_a_name_whose_tail_opens_the_next_row(extractor, head, tail):
    rows = _rows(extractor, [f"效益指标 社会效益指标 {head}", f"{tail} ≥80% 85%"])
    assert rows[-1] == ("效益指标", "社会效益指标", head + tail, "≥80%", "85%")


def test_a_row_without_values_then_a_long_name_stays_two_rows(extractor):
    """The next row's first cell is a name of its own (longer than a wrapped tail): the upper row is no broken name."""
    rows = _rows(extractor, ["效益指标 社会效益指标 老人生活质量", "老年人居家安全保障率 ≥95% 97%"])
    assert rows[-1][2:] == ("老年人居家安全保障率", "≥95%", "97%")
    assert all(r[2] != "老人生活质量老年人居家安全保障率" for r in rows)


def test_a_next_row_opening_with_a_category_is_no_tail(extractor):
    rows = _rows(extractor, ["效益指标 社会效益指标 服务覆盖", "满意度指标 服务对象满意度指标 老人满意度 ≥90% 93%"])
    assert rows[-1] == ("满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "93%")
