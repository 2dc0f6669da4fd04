"""Where an indicator row printed one cell a paragraph (HTML reading order) ends when the header's count of columns
does not say it: a right-most number column printed without its header word, and 分值 / 得分 cells merged over the
rows of a level-2 group (printed once, in the group's first row). Every example is invented."""

from jixiao.pipelines.stream_row_ends import opens_next
from jixiao.pipelines.stream_cells import StreamCell
from tests.cell_pages import BLANK, page, read


def rows(p):
    return [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


FIELDS = ("项目名称", "2024年示例县农村道路养护补助", "主管部门", "示例县交通运输局", "实施单位", "示例县公路养护站")
FUNDS = ("资金情况(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率",
         "年度资金总额", "100", "120", "114", "95%")


def test_an_unlabeled_right_most_number_is_the_rows_score(extractor):
    """The header names only the target and the actual (its third value column printed no word, not even a lone
    space), yet every row carries a number after its actual: the number is the row's 得分, never the next row's
    name, and the rows below (their merged category cells dropped) stay whole."""
    text = page(*FIELDS, *FUNDS,
                "绩效指标", "一级指标", "二级指标", "三级指标", "预期指标值", "实际完成值",
                "产出指标", "数量指标", "养护道路里程", "≥80公里", "82公里", "20",
                "修补坑槽面积", "≥3000平方米", "已完成", "10",
                "质量指标", "养护路段优良率", "≥85%", "88%", "10",
                "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "5")
    assert rows(read(extractor, text)) == [
        ("养护道路里程", "≥80公里", "82公里", None, 20.0),
        ("修补坑槽面积", "≥3000平方米", "已完成", None, 10.0),
        ("养护路段优良率", "≥85%", "88%", None, 10.0),
        ("沿线群众满意度", "≥90%", "93%", None, 5.0),
    ]


def test_scores_merged_over_a_group_belong_to_its_first_row(extractor):
    """分值 and 得分 merged over a level-2 group print once, in its first row; the rows below print name, target,
    actual and a remark that is a lone space in one row and vanishes in the next: each of those rows ends at its
    actual (a name is never a 分值), and the merged numbers stay with the first row."""
    text = page(*FIELDS, *FUNDS,
                "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                "产出指标", "数量指标", "养护道路里程", "≥80公里", "82公里", "20", "20", BLANK,
                "更换警示标志数量", "40块", "40块", BLANK,
                "清理边沟长度", "≥25公里", "26公里",
                "质量指标", "养护路段优良率", "≥85%", "88%", "10", "10", BLANK,
                "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "10", "9", BLANK)
    assert rows(read(extractor, text)) == [
        ("养护道路里程", "≥80公里", "82公里", 20.0, 20.0),
        ("更换警示标志数量", "40块", "40块", None, None),
        ("清理边沟长度", "≥25公里", "26公里", None, None),
        ("养护路段优良率", "≥85%", "88%", 10.0, 10.0),
        ("沿线群众满意度", "≥90%", "93%", 10.0, 9.0),
    ]


def test_a_row_missing_its_numbers_keeps_a_remark_of_words(extractor):
    """Where a row's 分值 / 得分 are blank and its remark is words followed by the next row's name (no target after
    it), the remark is not taken for a name: the rows read as before."""
    text = page(*FIELDS, *FUNDS,
                "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
                "产出指标", "数量指标", "养护道路里程", "≥80公里", "82公里", "20", "20", BLANK,
                "修补坑槽面积", "≥3000平方米", "2800平方米", "受雨季影响",
                "清理边沟长度", "≥25公里", "26公里", "10", "10", BLANK,
                "质量指标", "养护路段优良率", "≥85%", "88%", "10", "10", BLANK,
                "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "10", "9", BLANK)
    assert rows(read(extractor, text)) == [
        ("养护道路里程", "≥80公里", "82公里", 20.0, 20.0),
        ("修补坑槽面积", "≥3000平方米", "2800平方米", None, None),
        ("清理边沟长度", "≥25公里", "26公里", 10.0, 10.0),  # (受雨季影响 is 修补坑槽面积's remark, no name's start)
        ("养护路段优良率", "≥85%", "88%", 10.0, 10.0),
        ("沿线群众满意度", "≥90%", "93%", 10.0, 9.0),
    ]


def test_a_page_break_splits_no_cell_before_a_row_opener():
    assert opens_next(StreamCell(0, 4, "质量指标"))
    assert not opens_next(StreamCell(0, 3, "95%"))


def test_the_grouper_widens_its_own_closed_header_row():
    """``unlabeled_score`` only reads the grouper; the grouper gives its closed header row the unnamed column."""
    from jixiao.pipelines.stream_row_grouper import RowGrouper

    g = RowGrouper()
    assert not g.add_unnamed_column()  # no header row closed yet: nothing changes
    header = [StreamCell(0, 4, "三级指标"), StreamCell(5, 10, "实际完成值")]
    g.rows, g.header_slots, g.values = [header, [StreamCell(11, 15, "养护里程")]], ["name", "actual"], 1
    assert g.add_unnamed_column()
    assert len(header) == 3 and header[-1].empty and (header[-1].start, header[-1].end) == (10, 10)
    assert g.header_slots == ["name", "actual", None] and g.values == 2
