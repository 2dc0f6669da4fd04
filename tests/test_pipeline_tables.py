"""Table parser on small invented excerpts of each printed layout."""

import pytest

from jixiao.pipelines.vocab import indicator_column

# tab rows, shifted and merged columns, 目标申报数/预算编制数 and 年初/调整后指标值 pairs
SHIFTED = "\n".join([
    "2024年示例补贴项目支出绩效自评表",
    "(2024年度)",
    "",
    "项目名称\t\t2024年示例补贴\t\t\t\t\t\t",
    "主管部门及代码\t\t101-示例市民政局\t\t\t\t预算单位\t101002-示例市救助中心\t\t",
    "项目资金预算安排及执行进度(万元)\t\t\t年初预算数\t\t全年预算数\t全年执行数\t资金结(转)余\t执行率\t得分\t偏差原因",
    "\t目标申报数\t预算编制数\t\t\t\t\t\t\t\t",
    "\t资金总额:\t50\t50\t42.5\t42.5\t0\t100\t10\t\t",
    "市县区财政资金\t50\t50\t42.5\t42.5\t0\t100.00\t10.00\t\t",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年初指标值\t调整后指标值\t实际完成值\t定性值情况说明\t分值\t得分\t偏差原因分析及改进措施",
    "\t产出指标\t数量指标\t救助人数\t≥人\t≥500人\t≥430人\t\t10\t8\t部分对象迁出。",
    "\t\t\t走访次数\t=次\t=12次\t=12次\t\t10\t10\t",
    "\t\t质量指标\t发放准确率\t=%\t=100%\t=100%\t\t\t10\t10\t",
    "\t时效指标\t发放及时性\t\t按月发放\t\t达成预期指标\t\t10\t10\t\t",
    "\t成本指标\t补贴金额\t=元\t=500000元\t=425000元\t\t10\t9\t人数减少。\t",
    "\t效益指标\t社会效益\t困难群众生活保障\t\t有效保障\t达成预期指标\t\t30\t30\t",
    "满意度指标\t服务对象满意度\t服务对象满意度\t≥%\t≥95%\t≥96%\t\t10\t10\t\t",
    "总分\t\t\t\t\t\t\t\t\t97\t优",
    "",
])

# wide rows: separate 运算符号 / 内容 / 度量单位 columns, funds as label/value pairs
WIDE = "\n".join([
    "预算项目(政策)绩效自评表 (2024 年度)\t\t\t\t\t\t\t\t\t\t",
    "项目(政策)名称\t\t\t\t示例培训经费\t\t\t\t\t\t",
    "主管部门\t\t\t\t示例市人社局-\t\t\t\t\t\t",
    "实施单位\t\t\t\t示例市培训中心-\t\t\t\t\t\t",
    "项目预算金额(万元)\t\t\t\t80\t\t\t全年执行数\t\t\t72\t\t\t执行率\t\t\t90%\t",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度目标值\t\t\t全年完成值\t完成程度\t分值\t得分\t未完成原因分析",
    "\t\t\t\t运算符号\t内容\t度量单位\t\t\t\t\t经费保障",
    "\t产出指标\t数量指标\t培训人数\t>=\t300\t人\t320\t100%\t40\t40\t",
    "\t\t\t培训课时\t\t48\t学时\t全部或基本达成预期指标\t100%\t20\t20\t",
    "\t效益指标\t社会效益指标\t培训后就业率\t>=\t60\t%\t55\t90%\t20\t18\t",
    "指标自评得分小计\t\t\t78\t\t\t预算执行率得分\t\t\t9\t\t减分项\t\t0\t\t绩效自评总得分\t\t87",
    "",
])

# one cell per line, 指标性质/指标值/度量单位, code before the name, a department-wide table first
CELLS = "\n".join([
    "\t部门整体支出绩效自评表", "",
    "\t一级指标", "\t二级指标", "\t三级指标", "\t指标分值", "",
    "\t项目决策", "\t目标设定", "\t绩效目标合理性", "\t5", "",
    "\t部门预算项目支出绩效自评表（2024年度）", "",
    "\t项目名称", "\t51000000T000000000001-示例督查经费", "",
    "\t主管部门", "\t[155]示例办公室", "\t实施单位 （盖章）", "\t示例办公室", "",
    "\t预算执行情况（10分）", "\t年度预算数（万元）", "\t年初预算", "\t调整后预算数", "\t预算执行数", "\t预算执行率", "\t权重", "\t得分", "\t原因", "",
    "\t", "\t总额", "\t20.00", "\t18.50", "\t18.50", "\t100.00%", "\t10", "\t10", "\t", "",
    "\t绩效指标（90分）", "\t一级指标", "\t二级指标", "\t三级指标", "\t指标性质", "\t指标值", "\t度量单位", "\t完成值", "\t权重", "\t得分", "\t未完成原因分析", "",
    "\t", "\t产出指标", "\t数量指标", "\t督查次数", "\t≥", "\t12", "\t次", "\t≥12", "\t45", "\t45", "\t", "",
    "\t", "\t满意度指标", "\t服务对象满意度指标", "\t满意度", "\t定性", "\t较满意", "\t", "\t较满意", "\t45", "\t43", "\t", "",
    "\t合计", "\t100", "\t98", "\t", "",
])


def _one(extractor, text):
    record = extractor.extract_text(text, mode="parser")
    assert len(record.projects) == 1
    return record.projects[0], text


def test_shifted_tab_rows(extractor):
    p, _ = _one(extractor, SHIFTED)
    assert p.name == "2024年示例补贴"
    assert (p.department, p.implementer) == ("示例市民政局", "示例市救助中心")
    assert p.funds.initial_budget == 500000.0  # 预算编制数 under 年初预算数
    assert p.funds.annual_budget == 425000.0 and p.funds.executed == 425000.0
    assert p.funds.execution_rate == 100.0
    assert (p.score, p.grade) == (97.0, "优")
    by_name = {i.name: i for i in p.indicators}
    assert len(p.indicators) == 7
    first = by_name["救助人数"]
    assert (first.target, first.actual, first.weight, first.score) == ("≥500人", "≥430人", 10.0, 8.0)
    assert by_name["发放准确率"].weight == 10.0 and by_name["发放准确率"].score == 10.0
    assert (by_name["发放及时性"].target, by_name["发放及时性"].actual) == ("按月发放", "达成预期指标")
    cost = by_name["补贴金额"]
    assert (cost.level1, cost.level2, cost.target, cost.actual, cost.score) == ("产出指标", "成本指标", "=500000元", "=425000元", 9.0)
    # scores + funds score = total, weights + funds weight = 100 (the cost row under its target scored 9 of 10 is
    # an attainment finding, not a sum)
    assert [c.code for c in p.checks] == ["attainment.met_not_full"]
    sat = by_name["服务对象满意度"]  # a name that is also a category word
    assert (sat.level1, sat.level2, sat.target) == ("满意度指标", "服务对象满意度指标", "≥95%")


def test_wide_rows_concatenate_operator_value_unit(extractor):
    p, _ = _one(extractor, WIDE)
    assert (p.department, p.implementer) == ("示例市人社局", "示例市培训中心")
    assert p.funds.annual_budget == 800000.0 and p.funds.executed == 720000.0 and p.funds.execution_rate == 90.0
    assert p.funds.initial_budget is None
    assert p.score == 87.0
    targets = {i.name: (i.target, i.actual, i.weight, i.score) for i in p.indicators}
    assert targets["培训人数"] == (">=300人", "320", 40.0, 40.0)
    assert targets["培训课时"] == ("48学时", "全部或基本达成预期指标", 20.0, 20.0)
    assert targets["培训后就业率"][0] == ">=60%"


def test_cell_per_line_with_code_and_department_table_skipped(extractor):
    p, _ = _one(extractor, CELLS)
    assert (p.name, p.code) == ("示例督查经费", "51000000T000000000001")
    assert p.department == "示例办公室"
    assert p.funds.initial_budget == 200000.0 and p.funds.annual_budget == 185000.0 and p.funds.executed == 185000.0
    assert p.score == 98.0
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [("督查次数", "≥12次", "≥12"), ("满意度", "较满意", "较满意")]


@pytest.mark.parametrize("text", [SHIFTED, WIDE, CELLS])
def test_provenance_points_at_the_printed_value(extractor, text):
    record = extractor.extract_text(text, mode="parser")
    seen = 0
    for p in record.projects:
        items = [(p, k) for k in ("name", "department", "implementer", "code")]
        items += [(i, k) for i in p.indicators for k in ("name", "target", "actual")]
        for obj, field in items:
            value = getattr(obj, field)
            if value is None or field not in obj.provenance:
                continue
            pv = obj.provenance[field]
            printed = "".join(text[pv.start:pv.end].split())
            if field == "target":
                assert printed.replace("\t", "") == value
            else:
                assert value in printed, (field, value, printed)
            seen += 1
        for field in ("funds.annual_budget", "funds.executed", "score"):
            if field in p.provenance:
                pv = p.provenance[field]
                assert text[pv.start:pv.end].strip()[0].isdigit()
    assert seen >= 5


# the 实施期/年度 "…自评表" variant: target-only, 得分 whose value wrapped onto the next line
TARGET_ONLY = "\n".join([
    "2024年示例代缴经费（追加）自评表",
    "(2024年度)",
    "",
    "项目名称\t\t2024年示例代缴经费（追加）\t\t\t",
    "主管部门及代码\t\t101-示例市民政局\t\t实施单位\t",
    "项目资金（元）\t\t实施期资金总额：64,200\t\t年度资金总额：64,200\t",
    "执行率\t\t100%\t\t得分\t",
    "\t\t\t\t100分\t",
    "",
    "实施期目标\t\t\t\t年度目标\t\t\t",
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值",
    "\t产出指标\t数量指标\t代办人数\t642人\t数量指标\t代办人数\t642人",
    "\t\t质量指标\t代办率\t100%\t质量指标\t代办率\t100%",
    "",
])


def test_target_only_variant_reads_a_wrapped_score(extractor):
    p, text = _one(extractor, TARGET_ONLY)
    assert p.name == "2024年示例代缴经费（追加）"
    assert p.implementer is None  # the label's value cell is empty
    assert p.funds.annual_budget == 64200.0 and p.funds.execution_rate == 100.0
    assert p.score == 100.0
    pv = p.provenance["score"]
    assert text[pv.start:pv.end] == "100分"
    assert [(i.name, i.target) for i in p.indicators] == [("代办人数", "642人"), ("代办率", "100%")]


def test_a_label_ending_its_row_does_not_take_an_unrelated_next_row(extractor):
    text = TARGET_ONLY.replace("\t\t\t\t100分\t", "\t100分\t\t备注\t")
    p, _ = _one(extractor, text)
    assert p.score is None


# tab rows of a wide provincial template: columns of no field (指标值设置依据, 上年完成值, 指标赋分规则, 佐证资料, 完成率)
# between the target and the score, the actual headed 指标实际完成值
BESIDE = "\n".join([
    "项目名称\t示例县草原防火物资储备",
    "主管部门\t示例县林草局\t实施单位\t示例县森林消防队",
    "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值权重\t执行率\t得分",
    "年度资金总额\t60\t60\t57\t10\t95%\t9.5",
    "一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t指标赋分规则\t佐证资料\t指标实际完成值\t完成率"
    "\t指标得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t储备防火物资种类\t≥12类\t储备规划\t10类\t40\t完成得满分\t入库单\t13类\t100%\t40\t",
    "效益指标\t生态效益指标\t草原火灾受害率\t≤0.5‰\t行业标准\t0.4‰\t50\t达标得满分\t统计报表\t0.3‰\t100%\t50\t",
    "总分\t100\t99.5",
])


def test_columns_of_no_field_between_target_and_score(extractor):
    """Last year's value (上年完成值, one edit from 全年完成值) is a column of no field, never the actual; the basis,
    the scoring rule and the evidence are read as nothing."""
    (p,) = extractor.extract_text(BESIDE, doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("储备防火物资种类", "≥12类", "13类", 40.0, 40.0), ("草原火灾受害率", "≤0.5‰", "0.3‰", 50.0, 50.0)]


@pytest.mark.parametrize(("word", "slot"), [
    ("指标值设置依据", "other"), ("目标值确定依据", "other"), ("上年完成值", "other"), ("上年度实际完成值", "other"),
    ("上年指标值", "other"), ("赋分规则", "other"), ("指标评分标准", "other"), ("计分方法", "other"),
    ("得分计算方法", "other"), ("佐证资料", "other"), ("佐证材料(附件)", "other"), ("指标解释", "other"),
    # the words of the record's columns stay theirs
    ("指标实际完成值", "actual"), ("全年完成值", "actual"), ("评分", "score"), ("指标得分", "score"), ("完成率", "degree"),
    ("指标值", "target"), ("指标分值权重", "weight"),
])
def test_header_words_of_columns_of_no_field(word, slot):
    assert indicator_column(word) == slot


@pytest.mark.parametrize(("closing", "grade"), [
    ("自评得分\t99.5\n自评结论\t优", "优"), ("自评得分\t99.5\n评价结论:\t良好", "良"),
    # a conclusion in words is no grade, even where it opens with a grade's character
    ("自评得分\t99.5\n评价结论\t中央资金全部到位，目标基本完成", None),
])
def test_a_conclusion_label_prints_the_grade(extractor, closing, grade):
    """Some forms print the grade beside 自评结论 / 评价结论 (no 等级): the grade where the cell is one."""
    text = BESIDE.rsplit("\n", 1)[0] + "\n" + closing
    (p,) = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.score, p.grade) == (99.5, grade)


def _levels(extractor, indicator_rows):
    text = "\n".join([
        "项目名称\t2024年示例网格服务经费", "主管部门\t示例区政府\t实施单位\t示例街道办事处",
        "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分", "年度资金总额\t50\t60\t58.8\t10\t98%\t9.8",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分", *indicator_rows]) + "\n"
    p, _ = _one(extractor, text)
    return [(i.level1, i.level2, i.name) for i in p.indicators]


def test_a_level1_printed_at_its_blocks_middle_row_keeps_the_level2_above(extractor):
    """An exporter that splits merged cells prints the level-1 word on a middle row of its block, the level-2 cell of
    that row blank: the level-2 printed above still holds."""
    assert _levels(extractor, [
        "\t\t数量\t配备网格员人数\t≥46人\t48人\t15\t15",
        "\t产出指标\t\t网格事件处置件数\t≥3000件\t3260件\t10\t10",
        "\t\t质量\t网格事件办结率\t≥98%\t99.2%\t15\t15",
    ]) == [("产出指标", "数量指标", "配备网格员人数"), ("产出指标", "数量指标", "网格事件处置件数"),
           ("产出指标", "质量指标", "网格事件办结率")]


def test_a_bare_cost_level2_is_a_category_not_heading_residue(extractor):
    """成本 printed without 指标 in a row shortened by merged cells is the level-2 成本指标 (its two characters are
    also those a vertical heading leaves, which a longer row would drop)."""
    assert _levels(extractor, [
        "\t产出\t时效\t设施故障修复时限\t≤24小时\t24小时内\t10\t10",
        "成本\t单座年均运维成本\t≤1.4万元\t1.37万元\t5\t5",
    ]) == [("产出指标", "时效指标", "设施故障修复时限"), ("产出指标", "成本指标", "单座年均运维成本")]
