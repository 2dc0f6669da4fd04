"""Double-spaced table rows lose their blank lines; a one-cell-per-paragraph page keeps them. Invented examples."""

from jixiao.pipelines.double_spacing import double_spacing_breaks
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.text_width import display_width

WIDTHS = [14, 16, 24, 12, 12, 6, 6]
ROWS = [["项目名称", "2023年城区河道保洁经费"], ["主管部门", "江浦区水务局", "实施单位", "江浦区河道管理所"],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"],
        ["（万元）", "年度资金总额", "80.00", "80.00", "76.00", "10", "9.5"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "保洁河道长度", "≥45公里", "46公里", "20", "20"],
        ["", "质量指标", "水面漂浮物清理", "≥95%", "97%", "20", "20"],
        ["", "", "及时率"],  # a cell wrapped onto the next line of the fixed-width page
        ["", "时效指标", "问题整改完成时限", "接报后48小", "48小时内", "10", "10"],
        ["", "", "", "时内"],
        ["效益指标", "生态效益指标", "河道水质达标率", "≥90%", "92%", "20", "19"],
        ["满意度指标", "满意度指标", "沿河居民满意度", "≥90%", "93%", "10", "10"],
        ["总分", "", "", "", "", "100", "98.5"]]
TABLE = "项目支出绩效自评表（2023年度）\n" + "\n".join(
    "  " + "".join(c + " " * (w - display_width(c)) for c, w in zip(row, WIDTHS)).rstrip() for row in ROWS)


def _read(text: str) -> list[tuple]:
    return [(i.name, i.target) for p in Extractor().extract_text(text, mode="parser").projects for i in p.indicators]


def test_rows_printed_a_paragraph_each_read_as_rows_wrapped_cells_joined():
    doubled = TABLE.replace("\n", "\n\n")
    norm = normalize_text(doubled)
    assert norm.text == normalize_text(TABLE).text
    assert [doubled[o] for o in norm.offsets[:-1] if doubled[o] == "\n"] == ["\n"] * TABLE.count("\n")
    assert _read(doubled.replace("\n", "\r\n")) == _read(TABLE)
    assert ("水面漂浮物清理及时率", "≥95%") in _read(doubled) and ("问题整改完成时限", "接报后48小时内") in _read(doubled)


def test_a_paragraph_break_between_double_spaced_rows_stays_one_blank_line():
    doubled = TABLE.replace("\n", "\n\n").replace("\n\n  总分", "\n\n\n\n  总分")  # a blank line before the last row
    assert "10    10\n\n  总分" in normalize_text(doubled).text  # three blank lines were one


def test_cells_printed_a_paragraph_each_keep_their_blank_lines():
    cells = "\n\n".join(c for row in ROWS for c in row if c)
    assert double_spacing_breaks(cells) == []
    assert double_spacing_breaks(TABLE) == []  # single-spaced: nothing to drop
