"""Tables pulled out of a web page or a Word file one cell per paragraph (a blank line between cells): the cells
come in HTML reading order, an empty cell is a lone space or vanishes, merged labels print once before the rows
they span. Every example is invented."""

import pytest

from jixiao.pipelines.cell_stream import cell_stream_rows
from jixiao.pipelines.normalize import normalize_text
from tests.cell_pages import BLANK, page, read


def rows(p):
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


FIELDS = ("项目名称", "2024年示例镇垃圾分类设施补助", "主管部门", "示例县城市管理局", "实施单位", "示例县环境卫生所")
FUNDS = ("项目资金(万元)", BLANK, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
         "年度资金总额", "40", "48", "45.6", "10", "95%", "9.5")
NATURE_HEADER = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "权重", "完成值", "得分", "偏差原因")
# a 指标性质 column (正向/反向), the reason cells blank: each printed as a lone space
NATURE_ROWS = ("产出指标", "数量指标", "新建分类投放点数量", "正向", "≥30个", "20", "32个", "20", BLANK,
               "配发分类垃圾桶数量", "正向", "600个", "10", "600个", "10", BLANK,
               "成本指标", "单个投放点建设成本", "反向", "≤1.5万元", "10", "1.4万元", "10", BLANK,
               "满意度指标", "服务对象满意度指标", "居民满意度", "正向", "≥90%", "10", "93%", "9", "宣传不足")


def test_lone_space_cells_keep_a_rows_place(extractor):
    """A blank reason cell printed as a lone space ends its row: the next row's name (printed without its merged
    category cells) is no remark of the row above."""
    p = read(extractor, page(*FIELDS, *FUNDS, *NATURE_HEADER, *NATURE_ROWS, "总分", "100", "98.5"))
    assert rows(p) == [
        ("产出指标", "数量指标", "新建分类投放点数量", "≥30个", "32个", 20.0, 20.0),
        ("产出指标", "数量指标", "配发分类垃圾桶数量", "600个", "600个", 10.0, 10.0),
        ("产出指标", "成本指标", "单个投放点建设成本", "≤1.5万元", "1.4万元", 10.0, 10.0),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", 10.0, 9.0)]
    assert p.score == 98.5


def test_lone_space_cells_only_count_inside_indicator_rows():
    """Elsewhere a lone-space cell (the funds header's blank corner) is dropped, as a vanished one would be."""
    norm = normalize_text(page(*FIELDS, *FUNDS, *NATURE_HEADER, *NATURE_ROWS))
    lines = cell_stream_rows(norm).text.split("\n")
    assert "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分" in lines
    assert "配发分类垃圾桶数量\t正向\t600个\t10\t600个\t10\t" in lines


TRANSFER = ("转移支付(项目)名称", "2023年示例市城乡供水保障资金")
TRANSFER_FUNDS = ("资金情况(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
                  "年度资金总额:", "500", "450", "90%", "其中:中央补助", "400", "400", "100%",
                  "地方资金", "100", "50", "50%")
TRANSFER_HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "偏差原因分析")
TRANSFER_ROWS = ("产出指标", "数量指标", "新建供水管网长度", "≥20公里", "21公里", BLANK,
                 "效益指标", "社会效益指标", "新增受益人口", "≥1.5万人", "1.2万人", "部分管网未通水")


def test_labels_printed_as_a_row_with_their_values_below(extractor):
    """中央主管部门 / 地方主管部门 / 资金使用单位 as a header row, their values on the next row in the same order: the
    department is the local one, the implementer the 资金使用单位."""
    labels = ("中央主管部门", "地方主管部门", "资金使用单位", "水利部", "示例市水务局", "示例市供水服务中心")
    p = read(extractor, page(*TRANSFER, *labels, *TRANSFER_FUNDS, *TRANSFER_HEADER, *TRANSFER_ROWS))
    assert (p.department, p.implementer) == ("示例市水务局", "示例市供水服务中心")
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (5000000.0, 4500000.0, 90.0)
    assert [r[2:5] for r in rows(p)] == [("新建供水管网长度", "≥20公里", "21公里"),
                                         ("新增受益人口", "≥1.5万人", "1.2万人")]


def test_a_label_row_whose_values_did_not_all_print_is_not_paired():
    """Two labels followed by one value and a funds caption: the caption is no label's value."""
    norm = normalize_text(page(*TRANSFER, "地方主管部门", "资金使用单位", "示例市水务局", "项目资金",
                               "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", "年度资金总额", "500", "450", "90%",
                               *TRANSFER_HEADER, *TRANSFER_ROWS))
    assert "示例市水务局\t项目资金" not in cell_stream_rows(norm).text


def test_a_code_label_row(extractor):
    p = read(extractor, page(FIELDS[0], FIELDS[1], "项目编码", "4306012024000031", *FIELDS[2:], *FUNDS,
                             *NATURE_HEADER, *NATURE_ROWS))
    assert p.code == "4306012024000031"


@pytest.mark.parametrize("blanks", [True, False])
def test_a_row_cut_off_by_the_end_of_the_text(extractor, blanks):
    """The excerpt stops after the last row's target: that row is no indicator, whether blank cells print as a
    lone space or vanish."""
    body = [*FIELDS, *FUNDS, *NATURE_HEADER, *NATURE_ROWS[:18], "效益指标", "社会效益指标", "生活垃圾回收利用率",
            "正向", "≥35%"]
    text = page(*(c for c in body if blanks or c != BLANK))
    assert [r[2] for r in rows(read(extractor, text))] == ["新建分类投放点数量", "配发分类垃圾桶数量"]


def test_a_last_row_with_its_actual_stands_where_blanks_vanish(extractor):
    """Where blank cells vanish, a last row printing its target and actual but no score may be whole: kept."""
    cells = [*TRANSFER, "地方主管部门", "示例市水务局", *TRANSFER_FUNDS, *TRANSFER_HEADER,
             *(c for c in TRANSFER_ROWS if c != BLANK)][:-1]
    assert [r[2] for r in rows(read(extractor, page(*cells)))] == ["新建供水管网长度", "新增受益人口"]


def test_the_page_footer_after_the_table_is_no_indicator(extractor):
    """说明：… and the form's signature fields (填报单位, 联系电话) close the indicator rows."""
    footer = ("说明:请在“偏差原因分析”栏说明未完成原因。", "填报单位(盖章):示例市水务局", "联系电话:0000-0000000",
              "示例市水务局", "2024年3月1日")
    p = read(extractor, page(*TRANSFER, "地方主管部门", "示例市水务局", *TRANSFER_FUNDS, *TRANSFER_HEADER,
                             *TRANSFER_ROWS, *footer))
    assert [r[2] for r in rows(p)] == ["新建供水管网长度", "新增受益人口"]


def test_a_column_printed_without_its_header_word(extractor):
    """A blank header cell right of 实际完成值 over plain numbers: the rows keep their place and the numbers are
    the scores (the form added a 得分 column without its word); a placeholder row (指标2:) is no indicator."""
    header = ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", BLANK)
    body = ("产出指标", "数量指标", "指标1:新建供水管网长度", "≥20公里", "21公里", "30",
            "指标2:", BLANK, BLANK, BLANK,
            "满意度指标", "服务对象满意度指标", "指标1:用水户满意度", "≥90%", "95%", "10")
    p = read(extractor, page(*TRANSFER, "地方主管部门", "示例市水务局", *TRANSFER_FUNDS, *header, *body))
    assert rows(p) == [("产出指标", "数量指标", "指标1:新建供水管网长度", "≥20公里", "21公里", None, 30.0),
                       ("满意度指标", "服务对象满意度指标", "指标1:用水户满意度", "≥90%", "95%", None, 10.0)]


@pytest.mark.parametrize("total", [("年度资金总额", "小计"), ("年度资金总额:",)])
def test_funds_labels_merged_over_rows(extractor, total):
    """年度资金总额 merged over its 小计 and 其中 rows, a bare 其中: merged over the source rows: printed once before
    the first row they span, whose own label and amounts follow."""
    funds = ("资金情况(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", *total, "500", "450", "90%",
             "其中:", "中央补助", "400", "400", "100%", "地方资金", "100", "50", "50%")
    p = read(extractor, page(*TRANSFER, "地方主管部门", "示例市水务局", *funds, *TRANSFER_HEADER, *TRANSFER_ROWS))
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (5000000.0, 4500000.0, 90.0)


def test_a_blank_rate_leaves_the_amounts_to_the_budget_columns(extractor):
    """全年预算数(A) / 全年执行数(B) / 执行率(B/A) with the rate left blank: two amounts are budget and spending."""
    funds = ("资金情况(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", "年度资金总额", "86.4", "86.4", BLANK)
    p = read(extractor, page(*TRANSFER, "地方主管部门", "示例市水务局", *funds, *TRANSFER_HEADER, *TRANSFER_ROWS))
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (864000.0, 864000.0, None)


@pytest.mark.parametrize("closing,score,grade", [
    (("总分", "100", "98.5", BLANK, "评价等级", "优秀"), 98.5, "优"),
    (("自评得分", "98.5", "自评等级", "合格"), 98.5, "中"),
    (("绩效自评总得分", "98.5"), 98.5, None),
])
def test_score_and_grade_rows_after_the_indicator_rows(extractor, closing, score, grade):
    """The total and grade printed as cells after the last row: a score and a grade (优秀/良好/合格 -> 优/良/中), no
    indicator."""
    p = read(extractor, page(*FIELDS, *FUNDS, *NATURE_HEADER, *NATURE_ROWS, *closing))
    assert (len(p.indicators), p.score, p.grade) == (4, score, grade)


@pytest.mark.parametrize("amounts,funds", [
    (("40", "48", "45.6", "10", BLANK, BLANK), (400000.0, 480000.0, 456000.0, None)),
    ((BLANK, "48", "45.6", "10", "95%", "9.5"), (None, 480000.0, 456000.0, 95.0)),
])
def test_blank_amounts_keep_their_column(extractor, amounts, funds):
    """A funds row printing its blank cells as lone spaces: each amount stands under its own column."""
    p = read(extractor, page(*FIELDS, *FUNDS[:8], "年度资金总额", *amounts, *NATURE_HEADER, *NATURE_ROWS))
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == funds


@pytest.mark.parametrize("blanks", [True, False])
def test_a_remark_printed_as_several_paragraphs(extractor, blanks):
    """A remark cell holding two paragraphs prints as two cells: the second sentence is no name of the next row."""
    remark = NATURE_ROWS[:8] + ("超额完成。", "因新增两处集中投放点。") + NATURE_ROWS[9:]
    cells = [*FIELDS, *FUNDS, *NATURE_HEADER, *remark]
    p = read(extractor, page(*(c for c in cells if blanks or c != BLANK)))
    assert [r[2:5] for r in rows(p)][:2] == [("新建分类投放点数量", "≥30个", "32个"), ("配发分类垃圾桶数量", "600个", "600个")]


def test_an_indicator_completion_rate_column_is_a_column_of_its_own(extractor):
    """指标完成率 (the actual over the target) between 实际完成值 and 分值: a column, not the end of the header."""
    cells = ["项目名称", "示例区社区图书室运行经费", "主管部门", "示例区文化旅游委", "实施单位", "示例区图书馆",
             "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "指标完成率", "分值", "得分",
             "产出指标", "数量指标", "图书室开放天数", "≥300天", "306天", "100%", "20", "20",
             "满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "93%", "100%", "10", "10"]
    (p,) = extractor.extract_text("\n\n".join(cells) + "\n", doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("图书室开放天数", "≥300天", "306天", 20.0, 20.0), ("读者满意度", "≥90%", "93%", 10.0, 10.0)]


# the 2020 national columns, every blank cell a lone space
PLAIN_HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
LONG_REMARK = ("偏差原因：一是部分跨区域案件需协查外地企业，协查函件往返时间较长；二是三件涉检案件需等待第三方机构出具检验报告，"
               "超出预定办结期限。")


def test_a_long_remark_and_its_next_paragraphs_stay_in_the_row(extractor):
    """A remark longer than a cell line (a paragraph of its own) and the paragraphs after it are the row's reason
    cell: the rows below are still read."""
    cells = [*FIELDS, *FUNDS, *PLAIN_HEADER,
             "产出指标", "时效指标", "案件按期办结率", "≥95%", "91.6%", "10", "8", LONG_REMARK,
             "改进措施：建立协查台账，实行专人督办。", "下一步将纳入年度考核。",
             "成本指标", "办案经费支出控制", "≤66万元", "58.08万元", "5", "5", BLANK,
             "效益指标", "社会效益指标", "市场秩序", "持续向好", "持续向好", "15", "15", BLANK]
    p = read(extractor, page(*cells))
    assert [r[2:] for r in rows(p)] == [("案件按期办结率", "≥95%", "91.6%", 10.0, 8.0),
                                        ("办案经费支出控制", "≤66万元", "58.08万元", 5.0, 5.0),
                                        ("市场秩序", "持续向好", "持续向好", 15.0, 15.0)]


@pytest.mark.parametrize("blanks", [True, False])
def test_a_score_before_a_remark_is_no_serial_number(extractor, blanks):
    """Under a 序号 column, a row's 得分 (8, after row 7) followed by its remark is the score, not the next row's 序号;
    and a remark followed by the next row's 序号 is still the remark."""
    cells = [*FIELDS, *FUNDS, "序号", *PLAIN_HEADER[1:],
             "6", "效益指标", "社会效益指标", "城区道路整洁度", "明显改善", "明显改善", "20", "19", "雨季积水点保洁难度大。",
             "7", "满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "88%", "10", "8", "老旧公厕异味投诉较多。",
             "8", "社会公众满意度指标", "游客满意度", "≥85%", "90%", "10", "10", BLANK,
             "总分", "100", "97", BLANK]
    p = read(extractor, page(*(c for c in cells if blanks or c != BLANK)))
    assert [r[2:] for r in rows(p)] == [("城区道路整洁度", "明显改善", "明显改善", 20.0, 19.0),
                                        ("市民满意度", "≥90%", "88%", 10.0, 8.0),
                                        ("游客满意度", "≥85%", "90%", 10.0, 10.0)]


def test_a_name_or_a_category_broken_into_two_paragraphs(extractor):
    """A cell of two paragraphs (补贴资金兑付 / 到户率; 可持续影响 / 指标; 服务对象 / 满意度指标) is one cell: the name goes on where the row
    would otherwise run a cell past its columns, the category where the two pieces make one category word."""
    cells = [*FIELDS, *FUNDS, *PLAIN_HEADER,
             "产出指标", "质量指标", "补贴资金兑付", "到户率", "100%", "100%", "10", "10", BLANK,
             "效益指标", "社会效益指标", "农民耕地保护意识", "明显提高", "明显提高", "10", "10", BLANK,
             "可持续影响", "指标", "补贴政策持续实施年限", "≥3年", "3年", "10", "9", BLANK,
             "满意度指标", "服务对象", "满意度指标", "种粮农户满意度", "≥90%", "93%", "10", "10", BLANK]
    p = read(extractor, page(*cells))
    assert rows(p) == [("产出指标", "质量指标", "补贴资金兑付到户率", "100%", "100%", 10.0, 10.0),
                       ("效益指标", "社会效益指标", "农民耕地保护意识", "明显提高", "明显提高", 10.0, 10.0),
                       ("效益指标", "可持续影响指标", "补贴政策持续实施年限", "≥3年", "3年", 10.0, 9.0),
                       ("满意度指标", "服务对象满意度指标", "种粮农户满意度", "≥90%", "93%", 10.0, 10.0)]


def test_a_goal_label_before_a_header_that_starts_with_its_weight(extractor):
    """实际完成情况 (the goal block's label) is no indicator header: the header after it, 分值 first and its level
    columns printed last (a two-row header in reading order), is read; 绩效自评等级 is a grade label."""
    cells = [*FIELDS, *FUNDS, "年度总体目标", "预期目标", "实际完成情况", "全年培训学员300人次。", "全年培训学员326人次。",
             "绩效指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施", "一级指标", "二级指标", "三级指标",
             "产出指标", "数量指标", "培训学员人次", "20", "≥300人次", "326人次", "20", BLANK,
             "总分", "100", BLANK, BLANK, "98", BLANK, "绩效自评等级", "优"]
    p = read(extractor, page(*cells))
    assert rows(p) == [("产出指标", "数量指标", "培训学员人次", "≥300人次", "326人次", 20.0, 20.0)]
    assert (p.score, p.grade) == (98.0, "优")


def test_a_spanning_target_column_is_no_value_column_where_blanks_vanish(extractor):
    """年度指标值 over 指标值 / 度量单位, printed in reading order (the leaves after 偏差原因), with blank cells
    vanished: a row ends after its name's five values, so the next name opens the next row."""
    cells = [*FIELDS, *FUNDS,
             "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "指标值", "度量单位",
             "产出指标", "数量指标", "年接待读者人次", "≥12", "万人次", "12.6万人次", "15", "15",
             "举办公益讲座场次", "≥40", "场", "42场", "10", "10",
             "效益指标", "社会效益指标", "全民阅读氛围", "有效提升", "有效提升", "20", "19", "总分", "100", "53.5"]
    p = read(extractor, "\n".join(cells) + "\n")
    assert rows(p) == [("产出指标", "数量指标", "年接待读者人次", "≥12万人次", "12.6万人次", 15.0, 15.0),
                       ("产出指标", "数量指标", "举办公益讲座场次", "≥40场", "42场", 10.0, 10.0),
                       ("效益指标", "社会效益指标", "全民阅读氛围", "有效提升", "有效提升", 20.0, 19.0)]


def test_a_column_without_a_word_right_of_the_reason_column(extractor):
    """A header whose last cell (after 未完成原因和改进措施) prints no word: each row's number after its remark is
    that column's, not the next row's name, and a remark before it is no name either."""
    cells = [*TRANSFER, *TRANSFER_FUNDS, "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年实际完成值",
             "未完成原因和改进措施", BLANK,
             "产出指标", "数量指标", "食品安全抽检批次", "≥1200批次", "1236批次", BLANK, "10",
             "特种设备检验台数", "≥300台", "318台", BLANK, "10",
             "效益指标", "社会效益指标", "食品安全状况", "持续向好", "持续向好", "宣传覆盖面不足", "9"]
    rows_ = cell_stream_rows(normalize_text(page(*cells))).text.split("\n")
    assert "食品安全抽检批次\t≥1200批次\t1236批次\t\t10" in "\n".join(rows_)
    assert "特种设备检验台数\t≥300台\t318台\t\t10" in rows_
    p = read(extractor, page(*cells))
    assert [r[2:5] for r in rows(p)] == [("食品安全抽检批次", "≥1200批次", "1236批次"), ("特种设备检验台数", "≥300台", "318台"),
                                         ("食品安全状况", "持续向好", "持续向好")]


# columns some provinces print beside the template's, whose cells are no target, actual, weight or score
WIDE_HEADER = ("一级指标", "二级指标", "三级指标", "指标值", "目标值设定依据", "上年实际完成值", "分值", "评分规则", "佐证材料",
               "指标实际完成值", "完成率", "指标得分", "偏差原因分析及改进措施")


def test_columns_of_no_field_keep_a_rows_width(extractor):
    """A province's wide template (the target's basis, last year's value, the scoring rule, the evidence, a completion
    rate), one cell a paragraph in HTML reading order: the header reads on past those words, each row holds a cell in
    each of their columns, and their cells are no target, actual, weight or score (last year's 118个 is no actual)."""
    cells = [*FIELDS, *FUNDS, *WIDE_HEADER, "年度绩效指标完成情况",
             "产出指标", "数量指标", "新增分类投放点", "≥120个", "年度计划", "118个", "20", "完成得满分", "验收单", "126个",
             "100%", "20", BLANK,
             "分类收运车辆", "=6辆", "采购合同", "4辆", "10", "按比例得分", "购置发票", "6辆", "100%", "10", BLANK,
             "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "往年水平", "88%", "10", "≥90%得满分，每低1%扣0.5分",
             "问卷", "87%", "96.7%", "8.5", "入户宣传不足", "总分", "100", "98"]
    p = read(extractor, page(*cells))
    assert rows(p) == [
        ("产出指标", "数量指标", "新增分类投放点", "≥120个", "126个", 20.0, 20.0),
        ("产出指标", "数量指标", "分类收运车辆", "=6辆", "6辆", 10.0, 10.0),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "87%", 10.0, 8.5)]


def test_a_scoring_rule_column_holding_numbers_and_operators(extractor):
    """One cell a line, an empty cell an empty line: a 评分标准 column between 实际完成值 and 分值 whose rules print
    numbers and operators (≥95%得满分) is a column of the row, not the end of the header nor a row of its own."""
    cells = ["项目名称", "示例市农机作业补助", "主管部门", "示例市农业农村局", "实施单位", "示例市农机站",
             "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "评分标准", "分值", "得分",
             "偏差原因分析及改进措施",
             "产出指标", "数量指标", "补助作业面积", "≥8万亩", "8.4万亩", "完成得满分，每少0.1万亩扣1分", "30", "30", "",
             "质量指标", "作业合格率", "≥95%", "96%", "≥95%得满分", "30", "30", "",
             "效益指标", "经济效益指标", "亩均节本", "≥40元", "36元", "按完成比例计分", "30", "27", "油价上涨",
             "总分", "100", "97"]
    p = read(extractor, "\n".join(cells) + "\n")
    assert rows(p) == [
        ("产出指标", "数量指标", "补助作业面积", "≥8万亩", "8.4万亩", 30.0, 30.0),
        ("产出指标", "质量指标", "作业合格率", "≥95%", "96%", 30.0, 30.0),
        ("效益指标", "经济效益指标", "亩均节本", "≥40元", "36元", 30.0, 27.0)]


def test_an_empty_cell_printed_as_nbsp_and_a_remark_of_two_paragraphs():
    """A web page's empty cells keep the text ``&nbsp;``; a remark typed as two paragraphs is one cell, so the row
    after it keeps its columns."""
    from jixiao.pipelines.extract import Extractor

    cells = ["项目名称", "街巷整治经费", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "年度资金总额", "10", "10",
             "9", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "整治街巷条数", "≥42条", "44条", "10", "10", "&nbsp;",
             "质量指标", "检查达标率", "≥95%", "93.5%", "10", "8.5", "2条街巷因管线施工暂未达标。", "下一步加强巡查督导。",
             "办结件数", "≥300件", "287件", "10", "9", "部分诉求涉及跨部门协调，", "尚在办理中",
             "时效指标", "完成时间", "2023年11月前", "2023年11月", "10", "10", "&nbsp;", "总分", "100", "98.5"]
    [p] = Extractor.from_settings(load_tagger=False).extract_text("\n\n".join(cells), mode="parser").projects
    assert [(i.level2, i.name, i.target, i.score) for i in p.indicators] == [
        ("数量指标", "整治街巷条数", "≥42条", 10), ("质量指标", "检查达标率", "≥95%", 8.5),
        ("质量指标", "办结件数", "≥300件", 9),
        ("时效指标", "完成时间", "2023年11月前", 10)]


def test_under_a_serial_column_words_after_a_rows_values_are_its_remark():
    """A 序号 column: a row opens with its number, so a short remark (no full stop) before the next number is the
    row's, not a row of its own."""
    from jixiao.pipelines.extract import Extractor

    cells = ["项目名称", "边境巡诊经费", "序号", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "指标权重",
             "指标得分", "偏差原因分析及改进措施", "1", "产出指标", "数量指标", "巡诊次数", "≥48次", "52次", "15", "15",
             "2", "效益指标", "社会效益指标", "就医可及性", "有效提升", "有效提升", "20", "18", "部分村寨交通不便，覆盖仍有不足",
             "3", "满意度指标", "服务对象满意度指标", "边民满意度", "≥90%", "91%", "20", "20", "总分", "100", "97"]
    [p] = Extractor.from_settings(load_tagger=False).extract_text("\n\n".join(cells), mode="parser").projects
    assert [(i.name, i.score) for i in p.indicators] == [("巡诊次数", 15), ("就医可及性", 18), ("边民满意度", 20)]


def test_a_level2_printed_with_an_empty_row_is_a_row_of_its_own(extractor):
    """社会成本指标 printed with every other cell of its row a lone space (the template's row left unfilled): the
    blanks are its row's, so the level-1 after them opens the next row instead of running into this one."""
    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
    body = ("成本指标", "经济成本指标", "单个投放点建设成本", "≤1.5万元", "1.4万元", "20", "20", BLANK,
            "社会成本指标", BLANK, BLANK, BLANK, BLANK, BLANK, BLANK,
            "效益指标", "社会效益指标", "垃圾分类知晓率", "≥85%", "88%", "30", "30", BLANK,
            "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", "40", "38", BLANK)
    p = read(extractor, page(*FIELDS, *FUNDS, *header, *body, "总分", "100", "97.5"))
    assert rows(p) == [
        ("成本指标", "经济成本指标", "单个投放点建设成本", "≤1.5万元", "1.4万元", 20.0, 20.0),
        ("效益指标", "社会效益指标", "垃圾分类知晓率", "≥85%", "88%", 30.0, 30.0),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", 40.0, 38.0)]


# a target-only sheet (Hubei's 2021 form): 指标值 then a 备注 column whose cells say 达成预期指标, no actual column
TARGET_ONLY_HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "备注")


def test_a_target_only_sheet_with_a_remark_column(extractor):
    """备注 is the header's reason column: each row is its name, its target and the 达成预期指标 verdict (no actual);
    a name broken into two paragraphs before its target is still one name."""
    cells = [*FIELDS, *FUNDS[:8], *FUNDS[8:14], *TARGET_ONLY_HEADER,
             "产出指标", "数量指标", "新增分类投放点", "≥30个", "达成预期指标",
             "质量指标", "分类投放点验收", "合格率", "100%", "达成预期指标",
             "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "未达成预期指标，宣传不足"]
    p = read(extractor, page(*cells))
    assert rows(p) == [("产出指标", "数量指标", "新增分类投放点", "≥30个", None, None, None),
                       ("产出指标", "质量指标", "分类投放点验收合格率", "100%", None, None, None),
                       ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", None, None, None)]


def test_a_value_cell_split_by_a_page_counter(extractor):
    """A preview's page counter between two lines of one cell (2024年11月 | 第2页 / 共3页 | 30日前): where the row
    would otherwise run one cell past its columns, the two lines are one value; a counter between two rows
    splits nothing."""
    header = PLAIN_HEADER[1:]
    lines = [*FIELDS, *FUNDS, *header,
             "产出指标", "时效指标", "设施建成时间", "2024年11月", "第2页 / 共3页", "30日前", "2024年11月20日", "10", "10",
             "按期完成",
             "效益指标", "社会效益指标", "垃圾分类知晓率", "≥85%", "88%", "10", "10", "无",
             "第3页 / 共3页",
             "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", "10", "9", "宣传不足"]
    p = read(extractor, "\n".join(lines) + "\n")
    assert rows(p) == [("产出指标", "时效指标", "设施建成时间", "2024年11月30日前", "2024年11月20日", 10.0, 10.0),
                       ("效益指标", "社会效益指标", "垃圾分类知晓率", "≥85%", "88%", 10.0, 10.0),
                       ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "93%", 10.0, 9.0)]


def test_field_lines_above_a_table_that_prints_only_its_name(extractor):
    """主管部门：X and 实施单位：Y printed as lines of the page above a table whose only field is 项目名称 fill the
    project's departments (the reader runs such lines together; they are read on the text as normalized)."""
    head = "项目编码：11010121T000000001234\n主管部门：示例县城市管理局\n实施单位：示例县环境卫生所\n\n"
    p = read(extractor, head + page(*FIELDS[:2], *FUNDS, *PLAIN_HEADER,
                                    "产出指标", "数量指标", "新建分类投放点数量", "≥30个", "32个", "20", "20", BLANK))
    assert (p.department, p.implementer) == ("示例县城市管理局", "示例县环境卫生所")


def test_field_lines_naming_two_departments_fill_nothing(extractor):
    """Two field lines naming different 主管部门 (a page listing several units) say nothing about this table's."""
    head = "主管部门：示例县城市管理局\n主管部门：示例县住房和城乡建设局\n\n"
    p = read(extractor, head + page(*FIELDS[:2], *FUNDS, *PLAIN_HEADER,
                                    "产出指标", "数量指标", "新建分类投放点数量", "≥30个", "32个", "20", "20", BLANK))
    assert p.department is None
