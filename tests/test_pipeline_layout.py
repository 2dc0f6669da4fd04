"""Layout stage: both text renderings of tables give the same rows of cells."""

from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text

CELL_PER_LINE = "标题行\n\t项目名称\n\t示例项目\n\n\t\n\t产\n出\n指\n标\n\t数量指标\n\t受益人数\n\t≥100人\n\n正文一段。\n"
TAB_ROWS = "项目名称\t\t示例项目\t\t\n\t产出指标\t数量指标\t受益人数\t≥100人\n"


def test_one_cell_per_line_blocks_become_rows_and_continuations_stay_in_cell():
    rows = parse_rows(normalize_text(CELL_PER_LINE))
    assert [r.kind for r in rows] == ["text", "cells", "cells", "text"]
    assert rows[1].texts == ["项目名称", "示例项目"]
    assert rows[2].texts == ["", "产出指标", "数量指标", "受益人数", "≥100人"]


def test_tab_rows_keep_empty_cells_as_columns():
    rows = parse_rows(normalize_text(TAB_ROWS))
    assert [r.kind for r in rows] == ["tabs", "tabs"]
    assert rows[0].texts == ["项目名称", "", "示例项目", "", ""]
    assert rows[1].cells[3].col == 3 and rows[1].texts[3] == "受益人数"


def test_cell_offsets_index_the_normalized_text():
    norm = normalize_text(TAB_ROWS)
    for row in parse_rows(norm):
        for cell in row.cells:
            assert norm.text[cell.start:cell.end] == cell.text


def test_a_one_tab_title_line_does_not_swallow_the_tab_table_below():
    # a title printed in the first cell, then the table as tab rows, with no blank line between
    text = "\t绩效自评表\n(2024年度)\n项目名称\t示例项目\n主管单位\t某局\t实施单位\t某中心\n\t产出指标\t数量指标\t受益人数\n"
    rows = parse_rows(normalize_text(text))
    assert [r.kind for r in rows] == ["cells", "tabs", "tabs", "tabs"]
    assert rows[0].texts == ["绩效自评表(2024年度)"]  # the tab-less line still continues the cell
    assert rows[1].texts == ["项目名称", "示例项目"]
    assert rows[3].texts == ["", "产出指标", "数量指标", "受益人数"]


# the header carries a caption cell (绩效指标) the rows above lack, and its 一级指标 cell wraps: the two
# lines do not add up to the row above's tab count, so only the cut word says they are one row; the
# vertical heading below then adds up to the joined header, not to the header's second line
WRAPPED_HEADER = (
    "其他资金\t\t\t\t\t\t\n"
    "绩效指标\t一级\n指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\n"
    "\t\t产\n出\n指\n标\t数量指标\t受益人数\t≥100人\t120人\t20\t20\n"
)


def test_a_header_word_cut_by_a_line_break_joins_its_lines():
    rows = parse_rows(normalize_text(WRAPPED_HEADER))
    assert [r.texts for r in rows] == [
        ["其他资金", "", "", "", "", "", ""],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
        ["", "", "产出指标", "数量指标", "受益人数", "≥100人", "120人", "20", "20"],
    ]


def test_a_title_line_is_not_joined_to_the_row_below():
    rows = parse_rows(normalize_text("其他资金\t\t\t\t\t\t\n绩效指标\t说明\n指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\n"))
    assert [len(r.cells) for r in rows] == [7, 2, 7]


def test_a_wrapped_last_header_cell_and_a_page_footer_do_not_break_the_table():
    text = ("资金总额\t1\t1\t1\t10\t100%\t10\n"
            "\t绩效指标\t一级\n指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\t偏差原因分析及改\n进措施\n"
            "- 3 -\n"
            "\t产\n出\n指\n标\n(10分)\t数量指标\t受益人数\t≥100人\t120人\t20\t20\t/\n")
    rows = parse_rows(normalize_text(text))
    assert [r.kind for r in rows] == ["tabs", "tabs", "tabs"]
    assert rows[1].texts[-1] == "偏差原因分析及改进措施" and rows[1].texts[2] == "一级指标"
    assert rows[2].texts[:3] == ["", "产出指标(10分)", "数量指标"]


def test_a_field_label_cut_by_a_line_break_joins_its_lines():
    rows = parse_rows(normalize_text("项目\n(政策)名称\t城乡居民养老保险工作经费\n主管部门\t某区民政局\t实施单位(盖\n章)\t某区养老中心\n"))
    assert [r.texts for r in rows] == [["项目(政策)名称", "城乡居民养老保险工作经费"],
                                       ["主管部门", "某区民政局", "实施单位(盖章)", "某区养老中心"]]


def test_a_line_opening_with_a_field_label_starts_its_own_row():
    text = "\t项目支出绩效自评表\n\t项 目 ( 政 策 ) 名 称\t重大传染病防控经费\n主管部门\t某区商务局\t预算单位\t某区商务局\n"
    rows = parse_rows(normalize_text(text))
    assert [r.texts for r in rows] == [["", "项目支出绩效自评表"], ["", "项目(政策)名称", "重大传染病防控经费"],
                                       ["主管部门", "某区商务局", "预算单位", "某区商务局"]]


def test_a_field_value_wrapped_before_the_next_label_stays_in_its_row():
    text = "项目名称:\t残疾人两项补贴\n主管部门及代码\t船山区信\n访局\t实施单位\t船山区信访局\n"
    rows = parse_rows(normalize_text(text))
    assert [r.texts for r in rows] == [["项目名称:", "残疾人两项补贴"], ["主管部门及代码", "船山区信访局", "实施单位", "船山区信访局"]]


def test_a_field_value_whose_end_wrapped_onto_a_line_of_its_own_stays_in_its_row():
    text = ("\t项目名称:\t事业运\n行经费\n主管部门及代码\t平遥县档案馆\t实施单位\t平遥县\n档案馆\n"
            "\t年度预算数(万元)\t年初预算\t全年执行数\n")
    rows = parse_rows(normalize_text(text))
    assert [r.texts for r in rows][:2] == [["", "项目名称:", "事业运行经费"],
                                           ["主管部门及代码", "平遥县档案馆", "实施单位", "平遥县档案馆"]]


def test_a_fragment_that_is_a_cut_label_or_a_stamp_is_not_a_field_value():
    # 主管部 | 门: the rest of a label on the next line; (盖章) is printed beside the value, not part of it
    text = "\t项目名称\t路灯维护专项资金\n主管部\n门\t某区城管局\t实施单位\t某区路灯所\n(盖章)\n\t年度预算数(万元)\t年初预算\n"
    rows = parse_rows(normalize_text(text))
    assert rows[0].texts == ["", "项目名称", "路灯维护专项资金"]
    assert all("(盖章)" not in r.texts[-1] or r.texts == ["(盖章)"] for r in rows)


def test_a_one_cell_per_line_row_split_by_a_stray_blank_line_is_one_row():
    header = "\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t完成值\n\t分值\n\t得分\n\n"
    row = "\t产出指标\n\t数量指标\n\t救助人数\n\t≥500人\n\n\t510人\n\t50\n\t50\n\n"  # the blank line after ≥500人
    rows = parse_rows(normalize_text("\t项目支出绩效自评表\n\n\t(2024年度)\n\n" + header + row + row.replace("\n\n\t510", "\n\t510")))
    assert [r.texts for r in rows][:2] == [["项目支出绩效自评表"], ["(2024年度)"]]  # title blocks stay apart
    assert rows[3].texts == rows[4].texts == ["产出指标", "数量指标", "救助人数", "≥500人", "510人", "50", "50"]


def test_a_field_row_wrapped_over_several_lines_with_empty_cells_after_the_value_is_one_row():
    text = ("项目名称\t\t2024年城乡居民基本养老保险\n代办员补助\t\t\t\t\n"
            "主管部门及代码\t\t407-汾\n阳市人力资源和社会保障局\t\t\t预算单位\t407002-汾阳市社会保险中\n心\t\t\n"
            "项目资金(元)\t年初预算数\t全年预算数\t全年执行数\n")
    rows = parse_rows(normalize_text(text))
    assert [r.joined for r in rows] == ["项目名称2024年城乡居民基本养老保险代办员补助",
                                        "主管部门及代码407-汾阳市人力资源和社会保障局预算单位407002-汾阳市社会保险中心",
                                        "项目资金(元)年初预算数全年预算数全年执行数"]


def test_a_project_name_wrapped_onto_one_or_two_lines_of_its_own_stays_in_its_row():
    text = ("项目名称\t困\n难群众救助专项资金\n\t主管部门\t某区统计局\t实施单位\t某区统计局\n"
            "项目\n(政策)名称\t数据系统\n维\n护费 项目\n主管单位\t某区法院\t实施单位\t某区林业站\n"
            "项目名称\t老字号工作经费\n(2024年度)\n主管部门\t某区商务局\n")
    rows = parse_rows(normalize_text(text))
    names = [r.texts[1] for r in rows if r.texts and r.texts[0] in ("项目名称", "项目(政策)名称")]
    assert names == ["困难群众救助专项资金", "数据系统维护费项目", "老字号工作经费"]  # a year line is no name's end


def test_a_stray_blank_line_inside_a_tab_table_does_not_cut_its_row():
    text = ("\t项目名称:\t事业运\n\n行经费\n主管部门\t某县档案馆\t实施单位\t某县档案馆\n"
            "一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\n\n产出指标\t数量指标\t归档数量\t≥500卷\t520卷\t20\t20\n"
            "总分\t\t\t\t\t100\t95\n\n2024年某项目支出绩效自评表\n项目名称\t某项目\n")
    rows = parse_rows(normalize_text(text))
    assert [r.joined for r in rows] == ["项目名称:事业运行经费", "主管部门某县档案馆实施单位某县档案馆",
                                        "一级指标二级指标三级指标指标值完成值分值得分",
                                        "产出指标数量指标归档数量≥500卷520卷2020", "总分10095",
                                        "2024年某项目支出绩效自评表", "项目名称某项目"]  # the blank before a title stays
