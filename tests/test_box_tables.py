"""Tables drawn with box-drawing rules (w3m -dump of an HTML table): wrapped cells, merged cells at their group's
middle row. Invented examples."""


from jixiao.pipelines.box_tables import box_rows
from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text

BOX = """\
┌────────┬──────────┬──────────┬────┬────┐
│项目名称│示例街道路灯维护经费                  │
├────────┼──────────┬──────────┼────┴────┤
│主管部门│示例区城市│实施单位  │示例区市政│
│        │管理局    │          │所        │
├────────┼──────────┼──────────┼────┬────┤
│年度资金│年初预算数│全年预算数│执行│执行│
│        │          │          │数  │率  │
├────────┼──────────┼──────────┼────┼────┤
│年度资金│30        │32        │28.8│90% │
│总额    │          │          │    │    │
├────────┼──────────┼──────────┼────┼────┤
│二级指标│三级指标  │年度指标值│分值│得分│
├────────┼──────────┼──────────┼────┼────┤
│        │维护路灯数│≥800盏    │20  │20  │
│数量指标│量        │          │    │    │
│        ├──────────┼──────────┼────┼────┤
│        │新装路灯数│≥60盏     │10  │10  │
├────────┼──────────┼──────────┼────┼────┤
│质量指标│路灯亮灯率│≥98%      │10  │9   │
└────────┴──────────┴──────────┴────┴────┘
"""


def _rows(text):
    return [r.texts for r in parse_rows(normalize_text(text))]


def test_wrapped_cells_are_joined_per_column_and_merged_cells_go_to_their_first_row():
    rows = _rows(BOX)
    assert ["主管部门", "示例区城市管理局", "实施单位", "示例区市政所"] in rows
    assert ["年度资金总额", "30", "32", "28.8", "90%"] in rows
    # 数量指标 printed on the middle line of its two-row group (3 lines): read in the group's first row, blank below
    assert ["数量指标", "维护路灯数量", "≥800盏", "20", "20"] in rows
    assert ["", "新装路灯数", "≥60盏", "10", "10"] in rows


def test_a_text_without_box_rules_is_left_alone():
    norm = normalize_text("项目名称 示例\n│ 一条竖线 │\n")
    assert box_rows(norm) is norm


def test_a_box_table_reads_as_a_record(extractor):
    text = BOX.replace("│年度资金│年初", "│项目资金│年初")
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("示例街道路灯维护经费", "示例区城市管理局", "示例区市政所")
    assert [(i.level2, i.name, i.target, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "维护路灯数量", "≥800盏", 20, 20), ("数量指标", "新装路灯数", "≥60盏", 10, 10),
        ("质量指标", "路灯亮灯率", "≥98%", 10, 9)]


def test_the_same_table_drawn_in_ascii():
    """w3m -no-graph and console grids draw ``+----+`` rules and ``|`` bars: read the same way."""
    ascii_box = BOX.translate(str.maketrans({**{c: "+" for c in "┌┐└┘├┤┬┴┼"}, "─": "-", "│": "|"}))
    assert _rows(ascii_box) == _rows(BOX)


def test_a_markdown_table_is_no_box_table():
    """A markdown table's ``|---|---|`` rule has no junction: its rows stay pipe rows, one a line."""
    text = "| 项目名称 | 示例 |\n|---|---|\n| 主管部门 | 示例局 |\n| 实施单位 | 示例所 |\n"
    assert _rows(text) == [["项目名称", "示例"], ["主管部门", "示例局"], ["实施单位", "示例所"]]


def test_a_content_line_with_no_cell_between_bars_is_no_row():
    """A stray line break (a scan, damaged text) leaves a line holding a single bar inside a table: it makes no row
    (it had raised an IndexError that lost the whole document); the other rows read as before."""
    damaged = BOX.replace("│质量指标│路灯亮灯率│", "│ \n质量指标│路灯亮灯率│")
    rows = _rows(damaged)
    assert ["年度资金总额", "30", "32", "28.8", "90%"] in rows
