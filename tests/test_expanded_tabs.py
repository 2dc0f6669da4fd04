"""Tab rows whose tabs a terminal or an editor expanded to spaces read as the tab rows they were; a table laid out
with spaces by hand keeps its spaces. Invented examples."""

from jixiao.pipelines.expanded_tabs import expanded_tab_runs
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.normalize import normalize_text

# an .xls sheet saved as tab-separated text: merged cells repeated, empty cells kept, a cell of seven characters
# ("其中：财政拨款") that a tab stop of eight follows with one space only, a lone cell between empty ones
ROWS = [["项目名称", "2023年城区河道保洁经费"], ["主管部门", "江浦区水务局", "实施单位", "江浦区河道管理所"],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["项目资金（万元）", "年度资金总额", "80.00", "80.00", "76.00", "10", "95%", "9.5"],
        ["项目资金（万元）", "其中：财政拨款", "80.00", "80.00", "76.00", "—", "—", "—"],
        ["", "其他资金", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "保洁河道长度", "≥", "45公里", "46公里", "20", "20"],
        ["产出指标", "质量指标", "水面漂浮物清理及时率", "≥", "95%", "97%", "20", "20"],
        ["效益指标", "生态效益指标", "河道水质达标率", "≥", "90%", "92%", "20", "19"],
        ["满意度指标", "满意度指标", "沿河居民满意度", "≥", "90%", "93%", "10", "10"],
        ["总分", "", "", "", "", "", "100", "98.5"]]
SHEET = "项目支出绩效自评表（2023年度）\n" + "\n".join("\t".join(row) for row in ROWS) + "\n填报人：王敏   审核人：李强\n"


def _read(text: str) -> list[tuple]:
    return [(i.name, i.target, i.actual) for p in Extractor().extract_text(text, mode="parser").projects
            for i in p.indicators]


def test_tabs_expanded_at_eight_or_four_read_as_tabs():
    for size in (8, 4):
        expanded = SHEET.expandtabs(size)
        norm = normalize_text(expanded)
        assert norm.text == normalize_text(SHEET).text  # the lone 其他资金 row and the 7-character cell included
        assert "其中:财政拨款\t80.00" in norm.text
        # each tab maps back to the first space of its run
        assert all(expanded[o] == " " for o, ch in zip(norm.offsets, norm.text) if ch == "\t")
    assert _read(SHEET.expandtabs(8)) == _read(SHEET) and len(_read(SHEET)) == 4


def test_spaces_laid_out_by_hand_stay_spaces():
    # the same rows padded to columns by display width (a PDF's text layer): runs end anywhere, not at tab stops
    laid_out = "\n".join("  ".join(row) for row in ROWS)
    assert expanded_tab_runs(laid_out) == []
    assert expanded_tab_runs(SHEET) == []  # no spaces to read as tabs
    # a tab-expanded text's prose line keeps a single space that happens to end at a stop
    prose = SHEET.expandtabs(8) + "说明：本表金额 单位为万元。\n"
    assert "本表金额 单位" in normalize_text(prose).text
