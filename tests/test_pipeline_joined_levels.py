"""Tables that print 一级 and 二级 in one cell (产出指标-数量指标): read as if they had a column each."""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines import vocab as V
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.tables import joined_levels_at, split_joined_levels

JOINED = "\n".join([
    "项目支出绩效自评表",
    "项目名称\t2024年示例养老服务补贴",
    "主管部门\t示例市民政局\t实施单位\t示例市养老服务中心",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t40\t40\t36\t10\t90%\t9",
    "一级指标-二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标-数量指标\t补贴发放人数\t≥800人\t812人\t20\t20",
    "产 出 指 标—质量指标\t发放准确率\t100%\t100%\t20\t20",
    "效益指标/社会效益指标\t老年人生活保障水平\t有效提升\t有效提升\t30\t28",
    "满意度指标-服务对象满意度\t老年人满意度\t≥90%\t93%\t20\t20",
    "总分\t\t\t\t\t97",
    "",
])


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings(load_tagger=False)


def _rows(record):
    [p] = record.projects
    return {i.name: (i.level1, i.level2, i.target, i.actual, i.weight, i.score) for i in p.indicators}


def test_joined_level_cells_are_read_as_two_columns(extractor):
    rows = _rows(extractor.extract_text(JOINED, mode="parser"))
    assert rows == {
        "补贴发放人数": ("产出指标", "数量指标", "≥800人", "812人", 20.0, 20.0),
        "发放准确率": ("产出指标", "质量指标", "100%", "100%", 20.0, 20.0),
        "老年人生活保障水平": ("效益指标", "社会效益指标", "有效提升", "有效提升", 30.0, 28.0),
        "老年人满意度": ("满意度指标", "服务对象满意度指标", "≥90%", "93%", 20.0, 20.0),
    }


def test_joined_level_cells_are_read_when_the_layout_is_gone(extractor):
    rows = _rows(extractor.extract_text(collapse(JOINED), mode="parser"))
    assert rows["补贴发放人数"][:2] == ("产出指标", "数量指标")
    assert rows["老年人满意度"][:2] == ("满意度指标", "服务对象满意度指标")
    assert len(rows) == 4


def test_the_split_keeps_offsets_and_moves_later_cells_right():
    text = "产 出 指 标—质量指标\t发放准确率"
    row = Row(0, "tabs", 0, len(text), [Cell(0, 0, 12, text[:12]), Cell(1, 13, len(text), text[13:])])
    [split] = split_joined_levels([row], V.Categories())
    assert [(c.col, c.clean, text[c.start:c.end].strip()) for c in split.cells] == [
        (0, "产出指标", "产 出 指 标"), (1, "质量指标", "质量指标"), (2, "发放准确率", "发放准确率")]


@pytest.mark.parametrize("cell", ["2023-2024年度", "产出指标", "受益对象-数量", "数量指标-产出指标", "一级指标/三级指标"])
def test_other_cells_with_a_dash_are_left_alone(cell):
    assert joined_levels_at(Cell(0, 0, len(cell), cell), V.Categories()) is None
