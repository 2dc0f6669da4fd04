"""Space-separated rows (web text of a table) whose narrow level-2 cell wraps: its head on the row of its level-1,
its tail opening the next row. Invented examples."""

import pytest

from jixiao.pipelines.layout import parse_rows, space_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.tables import TableParser
from jixiao.pipelines.vocab import Categories


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


@pytest.mark.parametrize("head, tail, level1, level2", [
    ("可持续影", "响指标", "效益指标", "可持续影响指标"),
    ("社会效益", "指标", "效益指标", "社会效益指标"),
    ("服务对象满意", "度指标", "满意度指标", "服务对象满意度指标"),
])
def test_the_head_of_a_level2_word_on_a_line_of_its_own(head, tail, level1, level2):
    """The level-1 cell lost (only '(30分)' left), the level-2 cell wraps: its head alone on a line (the table
    reader on the space rows, as the space-rows reader hands them over)."""
    text = "\n".join(HEAD + ["(30分)", head, f"{tail} 学校食堂规范化管理 持续规范 持续规范 10 10"])
    rows = parse_rows(space_rows(normalize_text(text)), one_row_per_line=True)
    p, = TableParser(Categories()).parse(rows)
    last = p.indicators[-1]
    assert (last.level1, last.level2, last.name.text, [t.text for t in last.target]) == (
        level1, level2, "学校食堂规范化管理", ["持续规范"])
