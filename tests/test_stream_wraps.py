"""Indicator rows of a one-cell-a-paragraph table whose name or value cells print as several paragraphs (an HTML
cell with a <br>), as government pages give them once their text is pulled out; a 项目编码 row above the name row;
a total row whose lone number is the weights' total under a summary stating the score. Every example is invented."""

import pytest

from jixiao.pipelines.stream_cells import StreamCell
from jixiao.pipelines.stream_wraps import paragraph_groups

BLANK = " "  # a lone-space cell
FIELDS = ("项目名称", "示例县2021年河道整治项目", "主管部门", "示例县水利局", "实施单位", "示例县河道管理站")
FUNDS = ("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
         "年度资金总额", BLANK, "200", "190", "10", "95%", "9.5")
HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
SLOTS = ["l1", "l2", "name", "target", "actual", "weight", "score"]


def page(*cells: str, blanks: bool = True) -> str:
    """Blank lines between the cells, or none (an empty cell still a lone space line)."""
    return ("\n\n" if blanks else "\n").join(cells) + "\n"


def read(extractor, text):
    (p,) = extractor.extract_text(text, doc_id="t", mode="parser").projects
    return p


def values(p):
    return [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


def cells(*texts: str) -> list[StreamCell]:
    return [StreamCell(0, 0, "", empty=True) if t == BLANK else StreamCell(0, 0, t) for t in texts]


@pytest.mark.parametrize("blanks", [True, False])
def test_a_target_and_an_actual_of_two_paragraphs_each(extractor, blanks):
    """2021年11月 / 底前 and 2021年12月 / 中旬: four paragraphs before the row's 分值 and 得分 make two cells; a new
    cell starts where a value's number does. Without blank lines the lone-space cells still mark the layout, so
    this reading is kept over the collapsed text's (whose '中旬' row counts more facts)."""
    rows = ("产出指标", "数量指标", "新建堤防长度", "≥6公里", "6.2公里", "20", "20", BLANK,
            "时效指标", "主体工程完工时间", "2021年11月", "底前", "2021年12月", "中旬", "10", "8",
            "汛期延长，无法施工。", "今后在汛前完成征地。",
            "满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥90%", "93%", "10", "10", BLANK, "填表人：张某")
    p = read(extractor, page(*FIELDS, *FUNDS, *HEADER, *rows, blanks=blanks))
    assert values(p) == [("新建堤防长度", "≥6公里", "6.2公里", 20.0, 20.0),
                         ("主体工程完工时间", "2021年11月底前", "2021年12月中旬", 10.0, 8.0),
                         ("沿河群众满意度", "≥90%", "93%", 10.0, 10.0)]


def test_a_paragraph_ending_in_a_comma_goes_on():
    """15所按期完成， / 3所9月上旬完成: the second opens with a number, yet the first stops mid-clause."""
    row = cells("暑期维修完工时间", "2021年8月底前", "完成", "15所按期完成，", "3所9月上旬完成", "5", "3", "延期。")
    assert paragraph_groups(row, 1, SLOTS, True) == [1, 2, 2]


def test_a_two_paragraph_remark_does_not_lengthen_the_name(extractor):
    """A row printing one paragraph a value cell (明显提升 / 有效提升 / 5 / 4.5) whose remark has two sentences: its
    target is no second paragraph of its name."""
    rows = ("效益指标", "社会效益指标", "扑火队伍快速反应能力", "明显提升", "有效提升", "5", "4.5",
            "部分队员为季节性聘用，训练时间不足。", "下一步将开展实战演练。",
            "森林火灾受害率", "≤0.9‰", "0.3‰", "10", "10", BLANK)
    p = read(extractor, page(*FIELDS, *FUNDS, *HEADER, *rows))
    assert values(p) == [("扑火队伍快速反应能力", "明显提升", "有效提升", 5.0, 4.5),
                         ("森林火灾受害率", "≤0.9‰", "0.3‰", 10.0, 10.0)]


def test_a_region_table_without_score_columns_joins_a_target_before_its_blank_remark(extractor):
    """No 分值 / 得分 columns: the row ends at its blank remark (a lone space); three paragraphs make the target and
    the actual, the one with a number opening no cell of its own after a name that is complete."""
    header = ("一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施")
    rows = ("产出指标", "时效指标", "资金下达及时性", "收到中央资金30日内", "分解下达", "按时分解下达", BLANK,
            "质量指标", "验收合格率", "≥95%", "100%", BLANK)
    region = ("转移支付（项目）名称", "示例资金", "地方主管部门", "示例市自然资源局", "资金使用单位", "示例市整治中心",
              "资金情况（万元）", "全年预算数（A）", "全年执行数（B）", "执行率（B/A）", "年度资金总额：", "100", "90", "90%")
    p = read(extractor, page(*region, *header, *rows))
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [
        ("资金下达及时性", "收到中央资金30日内分解下达", "按时分解下达"), ("验收合格率", "≥95%", "100%")]


def test_a_remark_without_its_full_stop_is_no_value_paragraph():
    row = cells("设施出水达标率", "≥90%", "86.4%", "部分设施进水浓度偏低，正在排查", BLANK)
    assert paragraph_groups(row, 1, ["name", "target", "actual"], True) is None


def test_a_name_of_two_paragraphs_before_its_values():
    """补贴资金兑付 / 到户率 / 100% / 98%: the values open with numbers, so the extra paragraph is the name's."""
    row = cells("补贴资金兑付", "到户率", "100%", "98%", "10", "9.8", BLANK)
    assert paragraph_groups(row, 1, SLOTS, True) == [2, 1, 1]


def test_a_wrapped_value_equal_to_its_neighbour():
    """持续运行 / 持续 / 运行: the target and the actual print the same words; the actual wrapped, not the name."""
    row = cells("运营机制", "持续运行", "持续", "运行", "10", "10", BLANK)
    assert paragraph_groups(row, 1, SLOTS, True) == [1, 1, 2]


@pytest.mark.parametrize("slots", [["serial", *SLOTS], ["l1", "l2", "name", "target", "actual", None],
                                   ["l1", "l2", "name", "nature", "target", "unit", "actual", "weight", "score"]])
def test_headers_whose_columns_say_nothing_about_a_rows_end(slots):
    """A 序号 column (the next row's number follows a score), an unlabeled column, unit or nature columns: no
    regrouping."""
    row = cells("新建护岸长度", "≥3公里", "3.2公里", "10", "10", "2", "质量指标")
    assert paragraph_groups(row, 1, slots, True) is None


def test_a_code_row_above_the_name_row(extractor):
    p = read(extractor, page("项目编码", "500117210000000018723", *FIELDS, *FUNDS, *HEADER,
                             "产出指标", "数量指标", "新建堤防长度", "≥6公里", "6.2公里", "20", "20", BLANK))
    assert (p.code, p.name) == ("500117210000000018723", "示例县2021年河道整治项目")


SUMMARY = "经自评，该项目综合得分{score}分，评价等级为“优”。具体情况见下表。"
SCORED = ("产出指标", "数量指标", "新建堤防长度", "≥6公里", "6.2公里", "40", "40", BLANK,
          "质量指标", "工程合格率", "100%", "100%", "20", "20", BLANK,
          "效益指标", "社会效益指标", "防洪安全感", "明显提升", "有所提升", "20", "16", "部分堤段未完工。",
          "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "88%", "10", "8", "宣传不足。")


@pytest.mark.parametrize(("stated", "score"), [("93.5", 93.5), ("96", 100.0)])
def test_a_lone_total_that_is_the_weights_total_gives_way_to_the_summary(extractor, stated, score):
    """总分 | 100 | (blank): 100 is what the 分值 add up to (with the funds row's 10); the summary's 93.5 is what the
    得分 add up to (with its 9.5), so it is the score. A summary stating a score the 得分 do not add up to is not
    taken over the table's number."""
    text = SUMMARY.format(score=stated) + "\n\n" + page(*FIELDS, *FUNDS, *HEADER, *SCORED, "总分", "100", BLANK, BLANK)
    assert read(extractor, text).score == score


def test_where_blank_remarks_vanish_a_cell_followed_by_a_rows_values_is_the_next_name(extractor):
    """No lone space for the blank remark: 扑火队伍快速反应能力 after a row's 10 / 10 is followed by exactly a target,
    an actual, 分值 and 得分, so it opens the next row (a remark would leave one paragraph more)."""
    rows = ("效益指标", "社会效益指标", "森林火灾受害率", "≤0.9‰", "0.3‰", "10", "10",
            "扑火队伍快速反应能力", "明显提升", "有效提升", "5", "4.5", "部分队员为季节性聘用。",
            "森林覆盖率", "≥61%", "61.5%", "10", "10", "无",
            "生态效益指标", "林地保有量", "≥30万亩", "30.2万亩", "5", "5")
    p = read(extractor, page(*FIELDS, *FUNDS, *HEADER, *rows))
    assert values(p) == [("森林火灾受害率", "≤0.9‰", "0.3‰", 10.0, 10.0),
                         ("扑火队伍快速反应能力", "明显提升", "有效提升", 5.0, 4.5),
                         ("森林覆盖率", "≥61%", "61.5%", 10.0, 10.0), ("林地保有量", "≥30万亩", "30.2万亩", 5.0, 5.0)]
