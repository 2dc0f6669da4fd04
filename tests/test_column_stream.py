"""An indicator table a PDF text layer prints column by column, one cell a line (``pdftotext`` without
``-layout`` on a table drawn column by column): every example invented."""

from jixiao.pipelines.column_stream import columns_as_rows
from jixiao.pipelines.normalize import normalize_text

COLUMNS = ["一级指标", "产出指标", "效益指标",
           "二级指标", "数量指标", "时效指标", "社会效益指标",
           "三级指标", "道路养护里程", "养护资金按月拨付及", "时率", "沿线群众出行条件",
           "年度指标值", "≥120公里", "100%", "改善",
           "实际完成值", "126公里", "100%", "明显改善",
           "分值", "20", "10", "20",
           "得分", "20", "10", "20",
           "偏差原因分析及改进措施",
           "总分", "100", "99"]


def _lines(lines: list[str]) -> list[str]:
    out = columns_as_rows(normalize_text("\n".join(lines) + "\n"))
    assert out is not None
    return [line for line in out.text.split("\n") if line]


def test_columns_are_rewritten_row_by_row_with_wrapped_names_joined():
    got = _lines(["项目名称", "示例乡村道路养护经费", *COLUMNS])
    start = got.index("偏差原因分析及改进措施") + 1
    assert got[start:start + 17] == [
        "产出指标", "数量指标", "道路养护里程", "≥120公里", "126公里", "20", "20",
        "时效指标", "养护资金按月拨付及时率", "100%", "100%", "10", "10",
        "效益指标", "社会效益指标", "沿线群众出行条件", "改善"]
    assert got[-3:] == ["总分", "100", "99"]


def test_a_merged_level_one_cell_heads_the_first_row_its_level_two_belongs_under():
    got = _lines(COLUMNS)
    assert got.index("效益指标") == got.index("社会效益指标") - 1  # not on the 时效指标 row, the second


def test_a_header_printed_one_word_a_line_before_its_rows_is_no_column_block():
    row_major = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "产出指标", "数量指标", "道路养护里程", "≥120公里", "126公里", "20", "20"]
    assert columns_as_rows(normalize_text("\n".join(row_major) + "\n")) is None
