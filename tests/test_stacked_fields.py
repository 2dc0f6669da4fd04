"""The head of a table a PDF text layer prints column by column (pdfminer boxes): stacked labels, funds columns.
Invented examples."""

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.stacked_fields import stacked_fields

HEAD = ["项目名称", "主管部门", "项目资金\n（元）", "年度总体\n目标",
        "示例社区养老助餐补助", "示例区民政局", "年度资金总额\n其中：财政拨款\n其他资金",
        "实施单位", "示例区养老服务中心",
        "全年预算数", "200,000.00\n200,000.00", "全年执行数", "190,000.00\n190,000.00", "执行率", "95.00%"]


def _cells(lines):
    out = stacked_fields(normalize_text("\n\n".join(lines) + "\n"))
    assert out is not None
    return [line for line in out.text.split("\n") if line]


def test_stacked_labels_take_the_values_after_the_stack_in_order():
    got = _cells(HEAD)
    assert got[:4] == ["项目名称", "示例社区养老助餐补助", "主管部门", "示例区民政局"]
    assert got[got.index("实施单位") + 1] == "示例区养老服务中心"


def test_funds_columns_become_rows_under_their_header_words():
    got = _cells(HEAD)
    k = got.index("年度资金总额")
    assert got[k - 3:k] == ["全年预算数", "全年执行数", "执行率"]
    assert got[k:k + 4] == ["年度资金总额", "200,000.00", "190,000.00", "95.00%"]
    assert got[k + 4:k + 7] == ["其中:财政拨款", "200,000.00", "190,000.00"]


def test_labels_each_beside_its_value_are_left_alone():
    text = "\n\n".join(["项目名称", "示例经费", "主管部门", "示例局", "实施单位", "示例中心"]) + "\n"
    assert stacked_fields(normalize_text(text)) is None


def test_a_stack_followed_by_another_label_is_no_column_of_labels():
    # 项目名称 / 主管部门 stacked (a blank cell vanished) but a label comes where the values should: not read so
    text = "\n\n".join(["项目名称", "主管部门", "实施单位", "示例中心"]) + "\n"
    assert stacked_fields(normalize_text(text)) is None


NATIONAL = ["项目名称", "主管部门及代码", "项目资金", "（万元）", "年度总", "体目标", "绩", "效", "指", "标",
            "河道保洁补助", "[208]示例县水利局", "实施单位", "示例县河道管理所",
            "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金",
            "年初预算数", "40", "40", "全年预算数", "50", "40", "10", "全年执行数", "48", "38", "10",
            "分值", "10", "—", "—", "—", "执行率", "96%", "—", "—", "—", "得分", "9.6", "—", "—", "—"]


def test_wrapped_block_labels_and_a_vertical_label_sit_between_the_stack_and_its_values():
    """年度总 / 体目标 (wrapped anywhere) and 绩 / 效 / 指 / 标 (a tall narrow cell) are label pieces: the stacked
    项目名称 and 主管部门及代码 still take the first lines after them."""
    got = _cells(NATIONAL)
    assert got[:4] == ["项目名称", "河道保洁补助", "主管部门及代码", "[208]示例县水利局"]


def test_funds_columns_with_dashes_for_blank_cells_and_their_own_score_columns():
    """分值 / 执行率 / 得分 head the funds block too (not the indicator header's), and their '—' cells are cells."""
    got = _cells(NATIONAL)
    k = got.index("年度资金总额")
    assert got[k:k + 7] == ["年度资金总额", "40", "50", "48", "10", "96%", "9.6"]
