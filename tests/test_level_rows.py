"""Space-separated rows (web text of a table) whose narrow level-2 cell wraps: its head on the row of its level-1,
its tail opening the next row. Invented examples."""

import pytest

from jixiao.pipelines.extract import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings(load_tagger=False)


HEAD = [
    "项目名称 农村学校营养餐补助",
    "主管部门 示例县教育局 实施单位 示例县学生资助中心",
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 80 80 80 10 100% 10",
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
    "产出指标 数量指标 受益学生人数 ≥3000人 3120人 40 40",
]


def _rows(extractor, lines):
    p, = extractor.extract_text("\n".join(HEAD + lines), doc_id="t", mode="parser").projects
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


@pytest.mark.parametrize("head, tail, level2", [
    ("服务对象", "满意度指标", "服务对象满意度指标"),
    ("社会公众", "满意度指标", "社会公众满意度指标"),
])
def test_a_level2_word_wrapped_onto_the_next_row(extractor, head, tail, level2):
    assert _rows(extractor, [f"满意度指标 {head}", f"{tail} 学生家长满意度 ≥90% 95% 10 10"])[-1] == (
        "满意度指标", level2, "学生家长满意度", "≥90%", "95%", 10, 10)


def test_a_row_ending_in_a_name_without_values_is_no_wrapped_word(extractor):
    """A row ending with a piece that makes no level-2 with the next row's first cell stays as printed."""
    rows = _rows(extractor, ["效益指标 社会效益指标 营养改善", "满意度指标 服务对象满意度指标 学生满意度 ≥90% 93% 10 10"])
    assert rows[-1] == ("满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", "93%", 10, 10)
