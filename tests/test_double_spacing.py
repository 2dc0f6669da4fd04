"""Double-spaced table rows lose their blank lines; a one-cell-per-paragraph page keeps them. Invented examples."""

from jixiao.pipelines.double_spacing import CELL_CHARS, double_spacing_breaks
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


# a self-evaluation report copied from a PDF: its lines broken at the page's edge, 30 characters a line
_BODY = ("一、项目概况：城区河道保洁经费用于全区四十六公里河道的水面保洁和岸坡垃圾清理，由江浦区河道管理所负责实施，"
         "全年预算八十万元，实际支出七十六万元，预算执行率百分之九十五。二、绩效目标完成情况：保洁河道长度年度指标值"
         "四十五公里以上，实际完成四十六公里；沿河居民满意度年度指标值百分之九十以上，实际完成百分之九十三。")
REPORT = "江浦区水务局2023年度城区河道保洁经费绩效自评报告\n" + "\n".join(
    _BODY[i:i + 30] for i in range(0, len(_BODY), 30)) + "\n"


def test_a_double_spaced_page_of_lines_longer_than_cells_is_read_as_its_lines():
    doubled = REPORT.replace("\n", "\n\n")
    assert double_spacing_breaks(doubled)
    norm = normalize_text(doubled)
    assert norm.text == normalize_text(REPORT).text
    assert "由江浦区河道管理所负责实施" in norm.text  # the page's edge joined once the lines stand together again


def test_a_double_spaced_one_cell_per_paragraph_page_gets_its_own_blank_lines_back():
    cells = "\n\n".join(c if c else " " for row in ROWS for c in row[:3])
    doubled = cells.replace("\n", "\n\n")
    assert normalize_text(doubled).text == normalize_text(cells).text
    # its line breaks inside a cell (<br>) come back as single breaks
    with_br = cells.replace("水面漂浮物清理", "水面漂浮物\n清理")
    assert normalize_text(with_br.replace("\n", "\n\n")).text == normalize_text(with_br).text


def test_a_mirror_page_one_cell_a_paragraph_keeps_its_blank_lines_pinyin_and_all():
    # inline pinyin makes its paragraphs longer than cells, not its cells
    cells = ["項(xiàng)目名稱(chēng)", "城區(qū)河道保潔(jié)經(jīng)費(fèi)", "主管部門(mén)", "江浦區(qū)水務(wù)局(jú)",
             "實(shí)施單(dān)位", "江浦區(qū)河道管理所(suǒ)", "項(xiàng)目資(zī)金(jīn)", "年初預(yù)算數(shù)",
             "全年預(yù)算數(shù)", "全年執(zhí)行數(shù)", "分值(zhí)", "執(zhí)行率(lǜ)", "得分", "年度資(zī)金總(zǒng)額(é)",
             "80.00", "80.00", "76.00", "10", "95%", "9.5", "其中(zhōng)：財(cái)政撥(bō)款(kuǎn)", " "]
    assert sorted(map(len, cells))[len(cells) // 2] > CELL_CHARS
    assert double_spacing_breaks("\n\n".join(cells)) == []


def test_a_table_run_into_one_line_between_title_and_footer_double_spaced():
    flat = "项目支出绩效自评表\n" + " ".join(c for row in ROWS for c in row if c) + "\n第1页 共1页\n"
    doubled = flat.replace("\n", "\n\n")
    assert normalize_text(doubled).text == normalize_text(flat).text
