"""Scanned, stamped 项目支出绩效自评表 as OCR engines print them (the invbb round): rulings glued to the cell beside them
(丨项目名称, I年度资金总额, ]指标) or drawn only with lone letters, a handwritten 得分 the OCR left blank between its
rulings, narrow level cells wrapped (服务对象 / 满意度指标, 社会效益 / 指标) in ruled rows and in one-box-a-line output,
the wrapped level cells' second lines read after the last row. Invented examples."""

from jixiao.pipelines.pipe_tables import ruling_glyphs
from jixiao.pipelines.vocab import fallback_level2


def test_a_cjk_stroke_at_a_cells_edge_is_a_ruling_even_glued_to_the_cell():
    assert ruling_glyphs("丨项目名称   丨2022年河堤巡护经费") == "|项目名称   |2022年河堤巡护经费"
    assert ruling_glyphs("项目名称 丨2022年河堤巡护经费") == "项目名称 |2022年河堤巡护经费"


def test_letters_and_brackets_glued_to_a_cjk_cell_are_rulings_on_a_ruled_line_only():
    line = "丨项目资金 I   I年初预算数 I全年预算数 I全年执行数"
    assert ruling_glyphs(line) == "|项目资金 |   |年初预算数 |全年预算数 |全年执行数"
    # l before a digit is a slipped 1 (l5), kept for the number reader
    assert ruling_glyphs("| 效益指标 | 受益人数 | 20 | l5 |").endswith("| 20 | l5 |")
    assert ruling_glyphs("[    ]          ]指标     ]       ]") == "|    |          |指标     |       |"
    # outside a ruled line nothing changes
    assert ruling_glyphs("附件 [ 2 ]") == "附件 [ 2 ]"
    assert ruling_glyphs("Il型钢材 采购") == "Il型钢材 采购"


def test_a_line_ruled_with_lone_letters_only_is_a_ruled_line_on_a_ruled_scan():
    text = "项目名称 丨2023年山塘清淤经费\n项目资金 l             l 全年预算数(A) l 全年执行数(B) l 分值\n"
    assert ruling_glyphs(text).splitlines()[1].count("|") == 4
    # two lone letters are no ruling of their own
    assert ruling_glyphs("项目名称 丨X\nA l B l C\n").splitlines()[1] == "A l B l C"


def test_the_first_line_of_a_wrapped_satisfaction_level_cell_names_its_group():
    assert fallback_level2("服务对象") == "服务对象满意度指标"
    assert fallback_level2("社会公众") == "社会公众满意度指标"


HEAD = (
    "项目支出绩效自评表\n"
    "丨项目名称 丨2023年山塘清淤经费\n"
    "丨主管部门 丨北溪县水利局      丨实施单位 丨北溪县水利工程站\n"
    "丨项目资金 I          I年初预算数 I全年预算数 I全年执行数 I分值 I执行率 I得分\n"
    "丨(万元)   I年度资金总额 I 40     I 40       I 38        I 10   I 95%    I 9.5\n"
    "丨一级指标 丨二级指标 丨三级指标 丨年度指标值 丨实际完成值 丨分值 丨得分 丨偏差原因分析及改进措施\n"
)


def test_glued_rulings_read_the_fields_and_funds_of_a_scanned_form(extractor):
    body = "丨产出指标 丨数量指标 丨清淤山塘数量 丨≥12座 丨13座 丨20 丨20 丨\n"
    p = extractor.extract_text(HEAD + body).projects[0]
    assert (p.name, p.department, p.implementer) == ("2023年山塘清淤经费", "北溪县水利局", "北溪县水利工程站")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        400000.0, 400000.0, 380000.0, 95.0)


def test_an_unread_handwritten_score_between_rulings_leaves_the_weight_in_its_column(extractor):
    body = (
        "丨产出指标 丨数量指标 丨清淤山塘数量 丨≥12座 丨13座 丨20 丨 丨\n"
        "丨 丨质量指标 丨清淤验收合格率 丨100% 丨100% 丨20 丨18 丨\n"
    )
    got = [(i.name, i.weight, i.score) for i in extractor.extract_text(HEAD + body).projects[0].indicators]
    assert got == [("清淤山塘数量", 20.0, None), ("清淤验收合格率", 20.0, 18.0)]


def test_wrapped_level_cells_and_a_name_of_a_form_without_scores_join_their_row(extractor):
    text = (
        "中央对地方转移支付区域绩效自评表\n"
        "[ 转移支付名称 ] 2023年渔业发展补助资金\n"
        "[ 地方主管部门 ] 南湾县农业农村局   [ 资金使用单位 ] 南湾县渔业站\n"
        "[ 资金情况 ] [ 全年预算数(A) ] 全年执行数(B) ] 执行率(B/A) ]\n"
        "[ (万元) ] 年度资金总额: [ 300 ] 285 ] 95% ]\n"
        "[ 一级指标 ] 二级指标 ] 三级指标 ] 指标值 ] 全年实际完成值 ]\n"
        "[ 产出指标 ] 数量指标 ] 更新渔船数量 ] ≥40艘 ] 42艘 ]\n"
        "[ 效益指标 ] 社会效益 ] 渔民人均增收幅 ] ≥5% ] 6.1% ]\n"
        "[          ] 指标     ] 度           ]       ]       ]\n"
        "[ 满意度   ] 服务对象 ] 渔民满意度 ] ≥90% ] 93% ]\n"
        "[ 指标     ] 满意度指标 ]          ]       ]       ]\n"
    )
    p = extractor.extract_text(text).projects[0]
    assert (p.department, p.implementer, p.funds.annual_budget, p.funds.executed) == (
        "南湾县农业农村局", "南湾县渔业站", 3000000.0, 2850000.0)
    got = [(i.level1, i.level2, i.name, i.target, i.actual) for i in p.indicators]
    assert got == [("产出指标", "数量指标", "更新渔船数量", "≥40艘", "42艘"),
                   ("效益指标", "社会效益指标", "渔民人均增收幅度", "≥5%", "6.1%"),
                   ("满意度指标", "服务对象满意度指标", "渔民满意度", "≥90%", "93%")]


def test_one_box_a_line_with_wrapped_level_cells_after_the_row_reads_no_extra_row(extractor):
    boxes = [
        "项目支出绩效自评表", "项目名称", "社区调解补贴经费", "主管部门", "东坪县司法局", "实施单位", "东坪县司法局",
        "项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "20", "20", "20", "10", "100%", "10",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出", "数量指标", "调解案件数", "≥300件", "312件", "40", "40",
        "指标", "满意度", "服务对象", "当事人满意度", "≥90%", "92%", "50", "45", "少数当事人对", "调解时限有意见",
        "指标", "满意度指标", "总分", "100", "95",
    ]
    p = extractor.extract_text("\n".join(boxes) + "\n").projects[0]
    got = [(i.level1, i.level2, i.name, i.weight, i.score) for i in p.indicators]
    assert got == [("产出指标", "数量指标", "调解案件数", 40.0, 40.0),
                   ("满意度指标", "服务对象满意度指标", "当事人满意度", 50.0, 45.0)]


def test_space_grouped_amounts_of_a_wide_spaced_export_read_as_one_cell():
    from jixiao.pipelines.digit_groups import digit_group_gaps

    text = "年度资金总额   1 200 000.00      1 150 000.00      10\n总分 10 100 98\n"
    assert [text[g - 1:g + 2] for g in digit_group_gaps(text)] == ["1 2", "0 0", "1 1", "0 0"]
    # rows one space apart keep their separators (10 100 is two cells), and so do figures without cents
    assert digit_group_gaps("总分 10 100 98\n指标 1 000 2\n") == []
    assert digit_group_gaps("总分                100 100\n") == []
    assert digit_group_gaps("总分   100 100.00  \n") == []
    assert len(digit_group_gaps("合计   15 000.00   \n")) == 1


def test_space_grouped_amounts_give_the_funds_and_a_slipped_group_gives_null(extractor):
    text = (
        "项 目 支 出 绩 效 自 评 表                     单 位 : 元\n"
        "项 目 名 称    2023年乡村学校食堂改造资金\n"
        "主 管 部 门    西岭县教育局                  实 施 单 位    西岭县教育后勤服务中心\n"
        "项 目 资 金    年 初 预 算 数    全 年 预 算 数    全 年 执 行 数    分 值    执 行 率    得 分\n"
        "年度资金总额   1 2OO OOO.OO      1 200 000.00      1 164 000.00      10       97%         9.7\n"
    )
    f = extractor.extract_text(text).projects[0].funds
    assert (f.initial_budget, f.annual_budget, f.executed, f.execution_rate) == (None, 1200000.0, 1164000.0, 97.0)


def test_the_ticked_box_of_a_grade_row_is_the_grade_whatever_glyph_the_scan_read():
    from jixiao.pipelines.layout import Cell
    from jixiao.pipelines.scores import ticked_grade

    def cells(*texts):
        return [Cell(k, 10 * k, 10 * k + len(t), t) for k, t in enumerate(texts)]

    assert ticked_grade(cells("口优", "团良", "口中", "口差")).text == "良"
    assert ticked_grade(cells("□优 □良 ☑中 □差")).text == "中"
    # no box differs, or two do: no grade
    assert ticked_grade(cells("口优", "口良", "口中", "口差")) is None
    assert ticked_grade(cells("团优", "回良", "口中", "口差")) is None


def test_closed_ruled_rows_of_varying_width_and_merged_weight_and_score_cells(extractor):
    text = (
        "| 项目名称 | 2023年老年助餐补贴                        |\n"
        "| 主管部门 | 北坪县民政局 | 实施单位 | 北坪县养老服务中心 |\n"
        "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        "| 年度资金总额   | 30 | 30 | 29.4 | 10 | 98% | 9.8 |\n"
        "| 其中:财政拨款  | 30 | 30 | 29.4 |  |  |  |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 | 未完成原因分析 |\n"
        "| 产出指标 | 数量指标 | 助餐服务人次 | ≥6000人次 | 6120人次 | 3030 |  |\n"
        "|          | 质量指标 | 食品抽检合格率 | 100% | 100% | 30 30 |  |\n"
        "| 满意度指标 | 服务对象满意度指标 | 老年人满意度 | ≥90% | 93% | 30 | 28 |  |\n"
    )
    p = extractor.extract_text(text).projects[0]
    assert (p.department, p.funds.annual_budget, p.funds.executed) == ("北坪县民政局", 300000.0, 294000.0)
    got = [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]
    assert got == [("助餐服务人次", "≥6000人次", "6120人次", 30.0, 30.0),
                   ("食品抽检合格率", "100%", "100%", 30.0, 30.0),
                   ("老年人满意度", "≥90%", "93%", 30.0, 28.0)]


def test_merged_points_split_only_into_a_weight_and_a_score_not_above_it():
    from jixiao.pipelines.layout import Cell, Row
    from jixiao.pipelines.merged_values import split_merged_points

    def row(*texts):
        return Row(0, "tabs", 0, 99, [Cell(k, 10 * k, 10 * k + len(t), t) for k, t in enumerate(texts)])

    assert [c.text for c in split_merged_points(row("名称", "≥6个", "6个", "1515"), 6).cells][-2:] == ["15", "15"]
    assert [c.text for c in split_merged_points(row("名称", "≥6个", "6个", "20 18.5"), 6).cells][-2:] == ["20", "18.5"]
    # a score above its weight, digits that differ, or a row as wide as its header: left alone
    assert split_merged_points(row("名称", "≥6个", "6个", "8 10"), 6).cells[-1].text == "8 10"
    assert split_merged_points(row("名称", "≥6个", "6个", "109"), 6).cells[-1].text == "109"
    assert split_merged_points(row("名称", "≥6个", "6个", "1010", ""), 5).cells[-2].text == "1010"
    # the weight already printed before it: the cell is the score, a space inside it (1 0 is 10), not two points
    assert split_merged_points(row("名称", "100%", "100%", "10", "1 0"), 8).cells[-1].text == "1 0"


def test_funds_figures_a_lost_ruling_merged_are_split_while_the_row_is_short():
    from jixiao.pipelines.layout import Cell, Row
    from jixiao.pipelines.merged_values import split_merged_amounts

    def row(*texts):
        return Row(0, "tabs", 0, 99, [Cell(k, 10 * k, 10 * k + len(t), t) for k, t in enumerate(texts)])

    got = split_merged_amounts(row("年度资金总额", "85 85", "83.3", "10", "98%9.8"), 0, 6)
    assert [c.text for c in got.cells] == ["年度资金总额", "85", "85", "83.3", "10", "98%", "9.8"]
    # a thousands group (1 500) is one amount; a row as wide as its header is left alone
    assert [c.text for c in split_merged_amounts(row("年度资金总额", "1 500", "1 450"), 0, 3).cells][1] == "1 500"
    assert split_merged_amounts(row("总额", "85 85", "83.3"), 0, 2).cells[1].text == "85 85"


def test_a_seal_printed_right_of_the_total_row_is_no_part_of_its_score_cell(extractor):
    body = (
        "丨产出指标 丨数量指标 丨清淤山塘数量 丨≥12座 丨13座 丨20 丨 丨\n"
        "丨总分 丨100 丨9l.5                                        北溪县水利局\n"
    )
    p = extractor.extract_text(HEAD + body).projects[0]
    # the handwritten total read 9l.5 is null, not the weights' 100 before it
    assert p.score is None


def test_a_table_printed_as_two_text_columns_is_put_back_side_by_side(extractor):
    text = (
        "项目支出绩效自评表\n项目名称 南坪镇河塘保洁经费\n主管部门 南坪镇人民政府\n实施单位 南坪镇农业服务中心\n"
        "项目资金 年初预算数 全年预算数 全年执行数\n(万元)\n年度资金总额 20.00 20.00 19.00\n"
        "一级指标 二级指标 三级指标\n"
        "产出指标 数量指标 保洁河塘数量\n"
        "满意度指标 服务对象满意度指标 村民满意度\n"
        "总分\n"
        "\n"
        "年度指标值 实际完成值 分值 得分\n"
        "≥30个 31个 50 50\n"
        "≥90% 93% 40 38\n"
        "100 97.5\n"
    )
    p = extractor.extract_text(text).projects[0]
    got = [(i.level1, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]
    assert got == [("产出指标", "保洁河塘数量", "≥30个", "31个", 50.0, 50.0),
                   ("满意度指标", "村民满意度", "≥90%", "93%", 40.0, 38.0)]
    assert p.score == 97.5


def test_two_halves_that_do_not_match_line_for_line_are_left_as_printed():
    from jixiao.pipelines.column_halves import rejoined_halves
    from jixiao.pipelines.normalize import normalize_text

    text = "一级指标 二级指标 三级指标\n产出指标 数量指标 保洁河塘数量\n总分\n\n年度指标值 实际完成值 分值 得分\n≥30个 31个 50 50\n"
    # two left lines (a row and 总分), one value line: no pairing
    assert rejoined_halves(normalize_text(text)).text == normalize_text(text).text
