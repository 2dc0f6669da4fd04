"""Cells of a table printed one a line, reordered where a PDF tool sorted them by their top edge: every example
invented."""

from jixiao.pipelines.stream_cells import StreamCell, levels_before_names


def _cells(words: list[str]) -> list[StreamCell]:
    out, pos = [], 0
    for w in words:
        out.append(StreamCell(pos, pos + len(w), w))
        pos += len(w) + 1
    return out


def _order(words: list[str]) -> list[str]:
    return [c.clean for c in levels_before_names(_cells(words))]


def test_a_two_line_name_sorted_before_its_row_level_cells_goes_back_after_them():
    # PyMuPDF sort=True on a vertically centred sheet: the taller name cell starts higher than its row's level cell
    words = ["10", "养护资金按月拨付及时", "率", "时效指标", "100%", "100%", "10", "10"]
    assert _order(words) == ["10", "时效指标", "养护资金按月拨付及时", "率", "100%", "100%", "10", "10"]


def test_a_two_line_level_two_sorted_before_its_level_one_swaps_back():
    words = ["10", "社会公众满意度指标", "满意度指标", "群众满意度", "≥90%", "93%", "10", "10"]
    assert _order(words)[:3] == ["10", "满意度指标", "社会公众满意度指标"]


def test_a_remark_after_a_score_and_a_one_line_name_stay_where_they_are():
    # the remark is followed by the next row's level and name, not by a value; a one-line name never sorts first
    remark = ["8", "雨季较长部分路段", "顺延至次年", "质量指标", "路面优良率", "≥85%", "88%", "10", "10"]
    assert _order(remark) == remark
    one_line = ["10", "质量指标", "路面优良率", "≥85%"]
    assert _order(one_line) == one_line
