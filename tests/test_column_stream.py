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


# pdfminer's text boxes (a blank line after each): a level cell wrapped at its column's width (可持续影 / 响指标,
# 满意度 / 指标), two level cells in one box, the 分值 and 得分 columns each one box, a header wrapped over two lines
BOXES = ["一级指标", "产出指标", "效益指标", "满意度\n指标",
         "二级指标", "数量指标\n时效指标", "社会效益\n指标", "可持续影\n响指标", "服务对象\n满意度指标",
         "三级指标", "道路养护里程", "养护资金按月拨付及\n时率", "沿线群众出行条件", "养护机制运行", "群众满意度",
         "年度指标值", "≥120公里", "100%", "改善", "长期", "≥90%",
         "实际完成值", "126公里", "100%", "明显改善", "长期", "93%",
         "分值\n20\n10\n20\n10\n20",
         "得分\n20\n10\n20\n10\n19",
         "偏差原因分析\n及改进措施", "个别路段\n群众反映\n养护不及时",
         "总分", "90", "89"]


def test_pdfminer_boxes_group_wrapped_level_cells_by_their_words():
    got = [line for line in columns_as_rows(normalize_text("\n\n".join(BOXES) + "\n")).text.split("\n") if line]
    start = got.index("偏差原因分析") + 1
    assert got[start:start + 7] == ["产出指标", "数量指标", "道路养护里程", "≥120公里", "126公里", "20", "20"]
    assert ["效益指标", "可持续影响指标"] not in [got[k:k + 2] for k in range(len(got))]
    assert "可持续影响指标" in got and "满意度指标" in got and "服务对象满意度指标" in got
    # the wrapped header line and the remark column (its cells cannot be told apart) are not read as a row
    assert got[got.index("群众满意度") + 5:] == ["总分", "90", "89"]
    assert "及改进措施" not in got


def test_a_column_ordered_head_reads_as_a_record(extractor):
    head = ["项目支出绩效自评表", "单位：元", "项目名称", "主管部门", "项目资金\n（元）",
            "示例乡村道路养护经费", "示例县交通运输局", "年度资金总额\n其中：财政拨款\n其他资金",
            "实施单位", "示例县公路养护站", "全年预算数", "500,000.00\n500,000.00", "全年执行数", "480,000.00\n480,000.00",
            "执行率", "96.00%"]
    p, = extractor.extract_text("\n\n".join(head + BOXES) + "\n", doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("示例乡村道路养护经费", "示例县交通运输局", "示例县公路养护站")
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (500000, 480000, 96.0)
    assert p.score == 89
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in p.indicators] == [
        ("产出指标", "数量指标", "道路养护里程", 20, 20), ("产出指标", "时效指标", "养护资金按月拨付及时率", 10, 10),
        ("效益指标", "社会效益指标", "沿线群众出行条件", 20, 20), ("效益指标", "可持续影响指标", "养护机制运行", 10, 10),
        ("满意度指标", "服务对象满意度指标", "群众满意度", 20, 19)]


WRAPPED_HEADS = ["一级指标", "产出指标", "效益指标", "二级指标", "数量指标", "社会效益指标", "三级指标", "巡河次数",
                 "群众知晓率", "年度", "指标值", "≥120次", "≥90%", "实际", "完成值", "130次", "92%",
                 "分值", "50", "50", "得分", "50", "48", "偏差原因分析", "及改进措施", "部分村组宣传不足"]


def test_a_header_word_wrapped_in_its_cell_heads_one_column():
    """年度 / 指标值 and 实际 / 完成值 are one header cell each (a narrow column's header wrapped), not a cell of the
    column before; a score followed by 偏差原因分析 is no wrapped header."""
    out = columns_as_rows(normalize_text("\n".join(WRAPPED_HEADS) + "\n"))
    assert out is not None
    lines = [ln for ln in out.text.split("\n") if ln]
    assert "巡河次数" in lines and lines[lines.index("巡河次数") + 1:lines.index("巡河次数") + 5] == [
        "≥120次", "130次", "50", "50"]
    k = lines.index("群众知晓率")
    assert lines[k + 1:k + 5] == ["≥90%", "92%", "50", "48"]


CONTINUED = ["一级指标", "产出指标", "二级指标", "数量指标", "时效指标", "三级指标", "巡河次数", "整改完成时限",
             "年度指标值", "≥120次", "≤30天", "实际完成值", "130次", "25天", "分值", "30", "20", "得分", "30", "20",
             "偏差原因分析", "第 1 页 共 2 页",
             "效益指标", "满意度指标", "总分", "生态效益指标", "服务对象满意度指标", "河道水质达标率", "沿河群众满意度",
             "≥90%", "≥85%", "88%", "91%", "30", "20", "100", "27", "20", "97", "部分断面汛期超标"]


def test_a_column_block_runs_onto_the_next_page_without_its_header():
    """Page 2 prints the same columns again, headless: level-1 cells and 总分, level-2 cells, names, targets,
    actuals, then 分值 and 得分 each ending in the total's; the numbers' count gives the rows (2)."""
    out = columns_as_rows(normalize_text("\n".join(CONTINUED) + "\n"))
    assert out is not None
    lines = [ln for ln in out.text.split("\n") if ln]
    k = lines.index("河道水质达标率")
    assert lines[k - 2:k + 5] == ["效益指标", "生态效益指标", "河道水质达标率", "≥90%", "88%", "30", "27"]
    k = lines.index("沿河群众满意度")
    assert lines[k - 2:k + 5] == ["满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥85%", "91%", "20", "20"]
    k = lines.index("总分")
    assert lines[k:k + 3] == ["总分", "100", "97"]


def test_totals_printed_at_the_end_of_the_score_columns_are_the_total_row():
    # pdfminer's text boxes: each column's box holds its header, its rows and the 总分 row's figure last; the 总分 label
    # is a box of its own after the block. The 100 / 98 are no fourth row (the wrapped name stays one cell)
    boxes = ["一级指标", "产出指标", "效益指标",
             "二级指标", "数量指标", "时效指标", "社会效益指标",
             "三级指标", "道路养护里程", "养护资金按月拨付及", "时率", "沿线群众出行条件",
             "年度指标值", "≥120公里", "100%", "改善",
             "实际完成值", "126公里", "100%", "明显改善",
             "分值", "40", "20", "30", "100",
             "得分", "40", "18", "30", "98",
             "偏差原因分析及改进措施", "总分"]
    got = _lines(boxes)
    start = got.index("偏差原因分析及改进措施") + 1
    assert got[start + 7:start + 13] == ["时效指标", "养护资金按月拨付及时率", "100%", "100%", "20", "18"]
    assert got[-4:-1] == ["总分", "100", "98"]
