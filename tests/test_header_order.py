"""Two-row headers printed in HTML reading order (the first row whole, then the second row's leaves), put back in
the order their columns stand. Invented examples."""


from jixiao.pipelines.header_order import funds_visual_order, indicator_visual_order


def test_level_leaves_under_a_spanning_caption_go_first():
    # 绩效指标 (colspan 3) / 分值 / 年度指标值 / 实际完成值 / 得分 / 偏差原因, then 一级 / 二级 / 三级
    printed = [None, "weight", "target", "actual", "score", "reason", "l1", "l2", "name"]
    assert indicator_visual_order(printed) == ["l1", "l2", "name", "weight", "target", "actual", "score", "reason"]
    # the caption not printed (a grouper dropped it): the leaves still go first
    assert indicator_visual_order(printed[1:]) == ["l1", "l2", "name", "weight", "target", "actual", "score", "reason"]


def test_target_parts_take_the_spanning_target_columns_place():
    # 年度指标值 (colspan 2) over 指标值 / 度量单位
    printed = ["l1", "l2", "name", "target", "actual", "weight", "score", "reason", "target", "unit"]
    assert indicator_visual_order(printed) == ["l1", "l2", "name", "target", "unit", "actual", "weight", "score",
                                               "reason"]


def test_value_leaves_printed_after_the_score_columns_take_their_captions_place():
    # 指标完成情况 (colspan 2, read as an actual's word) / 分值 / 得分 / 偏差原因, then 年度指标值 / 实际完成值
    printed = [None, "l1", "l2", "name", "actual", "weight", "score", "reason", "target", "actual"]
    assert indicator_visual_order(printed) == [None, "l1", "l2", "name", "target", "actual", "weight", "score",
                                               "reason"]
    # a caption that names no column (完成情况 spanning 年初 / 调整后 / 实际), no remark column
    printed = ["l1", "l2", "name", None, "weight", "score", "init_target", "adj_target", "actual"]
    assert indicator_visual_order(printed) == ["l1", "l2", "name", "init_target", "adj_target", "actual", "weight",
                                               "score"]
    # a value column already before the scores: the trailing words are no leaves of a caption
    assert indicator_visual_order(["l1", "l2", "name", "target", "actual", "weight", "score", "target",
                                   "actual"]) is None
    # 分值 printed first, then the values and no score after them: visual order already
    assert indicator_visual_order(["l1", "l2", "name", "weight", "target", "actual"]) is None


def test_a_header_in_visual_order_is_left_alone():
    assert indicator_visual_order(["l1", "l2", "name", "op", "target", "unit", "actual", "weight", "score"]) is None
    assert indicator_visual_order(["l1", "l2", "name", "nature", "target", "weight", "actual", "score"]) is None
    assert funds_visual_order(["initial", "annual", "executed", "weight", "rate", "score"]) is None
    assert funds_visual_order(["annual", "executed", "rate"]) is None


def test_budget_leaves_under_a_budget_caption():
    # 预算数 (colspan 2) / 全年执行数 / 分值 / 执行率 / 得分, then 年初预算数 / 全年预算数
    printed = ["annual", "executed", "weight", "rate", "score", "initial", "annual"]
    assert funds_visual_order(printed) == ["initial", "annual", "executed", "weight", "rate", "score"]
    # no caption word for them: they stand just before 全年执行数
    assert funds_visual_order(["executed", "rate", "initial", "annual"]) == ["initial", "annual", "executed", "rate"]


def _page(*cells: str) -> str:
    return "\n\n".join(cells) + "\n"


def test_two_row_headers_read_cell_by_cell(extractor):
    """A web table one cell a paragraph whose funds and indicator headers are two rows deep: amounts and target
    parts land under their columns, and the 分值 printed before the target stays the weight."""
    text = _page(
        "项目名称", "2024年示例县文化馆免费开放补助", "主管部门", "示例县文化旅游局", "实施单位", "示例县文化馆",
        "项目资金(万元)", "预算数", "全年执行数", "分值", "执行率", "得分", "年初预算数", "全年预算数",
        "年度资金总额", "18", "20", "19", "10", "95%", "9.5",
        "绩效指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施", "一级指标", "二级指标", "三级指标",
        "产出指标", "数量指标", "举办公益培训班次", "20", "≥24期", "26期", "20", " ",
        "质量指标", "培训学员结业率", "20", "≥90%", "93%", "18", "两期学员缺课较多。",
        "总分", "100", " ", " ", "47.5", " ")
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (180000, 200000, 190000)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("举办公益培训班次", "≥24期", "26期", 20, 20), ("培训学员结业率", "≥90%", "93%", 20, 18)]


def test_value_leaves_after_the_remark_column_read_cell_by_cell(extractor):
    """指标完成情况 spanning 年度指标值 / 实际完成值, printed before 分值 得分 偏差原因分析及改进措施 with its leaves after
    them; lone-space remark cells: each row's target, actual, weight and score land in their columns."""
    text = _page(
        "项目名称", "示例区农贸市场提质改造补助", "主管部门", "示例区商务局", "实施单位", "示例区市场服务中心",
        "项目资金\n(万元)", "预算数", "全年执行数", "分值", "执行率", "得分", "年初预算数", "全年预算数",
        "年度资金总额", "50", "60", "57", "10", "95%", "9.5",
        "绩效指标", "一级指标", "二级指标", "三级指标", "指标完成情况", "分值", "得分", "偏差原因分析\n及改进措施",
        "年度指标值", "实际完成值",
        "产出指标", "数量指标", "改造市场个数", "≥4个", "4个", "30", "30", " ",
        "质量指标", "改造验收合格率", "100%", "100%", "30", "30", " ",
        "满意度指标", "服务对象满意度指标", "商户满意度", "≥90%", "88%", "30", "27", "部分商户对摊位调整有意见。",
        "总分", "100", "96.5")
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (500000, 600000, 570000)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("改造市场个数", "≥4个", "4个", 30, 30), ("改造验收合格率", "100%", "100%", 30, 30),
        ("商户满意度", "≥90%", "88%", 30, 27)]


def test_target_leaves_take_the_spanning_target_columns_place():
    # 年度指标值 (colspan 2) / 实际完成值 / 分值 / 得分 / 偏差原因, then 年初指标值 / 调整后指标值
    printed = ["l1", "l2", "name", "target", "actual", "weight", "score", "reason", "init_target", "adj_target"]
    assert indicator_visual_order(printed) == ["l1", "l2", "name", "init_target", "adj_target", "actual", "weight",
                                               "score", "reason"]
    # no spanning target word in the first row: no place to put them
    assert indicator_visual_order(["l1", "l2", "name", "actual", "weight", "score", "init_target",
                                   "adj_target"]) is None


def test_score_leaves_take_their_unnamed_captions_place():
    # 自评 (colspan 2, no column word) / 未完成原因分析, then 分值 / 得分
    printed = [None, "l1", "l2", "name", "target", "actual", None, "reason", "weight", "score"]
    assert indicator_visual_order(printed) == [None, "l1", "l2", "name", "target", "actual", "weight", "score",
                                               "reason"]
    # 评分 (read as a 得分 word) over 分值 / 得分: the caption is that word
    assert indicator_visual_order(["l1", "l2", "name", "target", "actual", "score", "reason", "weight",
                                   "score"]) == ["l1", "l2", "name", "target", "actual", "weight", "score", "reason"]
    # two score words in the first row already: the trailing words are no leaves
    assert indicator_visual_order(["l1", "l2", "name", "weight", "score", None, "reason", "weight", "score"]) is None
    # no caption cell right of the name column
    assert indicator_visual_order(["l1", "l2", "name", "target", "actual", "reason", "weight", "score"]) is None


def test_caption_over_score_columns_read_cell_by_cell(extractor):
    """A web table one cell a paragraph whose indicator header prints 自评 (colspan 2) and 未完成原因分析 on its first
    row and 分值 / 得分 alone on the second; level cells merged over rows print once: every row's values land."""
    text = _page(
        "项目名称", "示例县农村公路养护补助", "主管部门", "示例县交通运输局", "实施单位", "示例县公路事务中心",
        "项目资金(万元)", " ", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "40", "50", "45", "10", "90%", "9",
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "自评", "未完成原因分析",
        "分值", "得分",
        "产出指标", "数量指标", "养护农村公路里程", "≥120公里", "126公里", "30", "30", " ",
        "桥梁检测座数", "≥8座", "6座", "20", "15", "两座桥梁检测顺延至次年。",
        "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", "30", "30", " ",
        "总分", "100", "84", " ")
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "养护农村公路里程", "≥120公里", "126公里", 30, 30), ("数量指标", "桥梁检测座数", "≥8座", "6座", 20, 15),
        ("服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 30, 30)]


def test_initial_and_adjusted_target_leaves_read_cell_by_cell(extractor):
    """年度指标值 spanning 年初指标值 / 调整后指标值, its leaves printed after the remark column: the target is the
    adjusted one (contract), the actual, weight and score stay in their columns."""
    text = _page(
        "项目名称", "示例区学生营养改善补助", "主管部门", "示例区教育局", "实施单位", "示例区学生资助中心",
        "项目资金(万元)", " ", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "80", "90", "90", "10", "100%", "10",
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "年初指标值", "调整后指标值",
        "产出指标", "数量指标", "受助学生人数", "≥3000人", "≥3200人", "3260人", "40", "40", " ",
        "时效指标", "补助发放时间", "6月底前", "6月底前", "7月", "20", "16", "资金下达较晚。",
        "总分", "100", "86", " ")
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("受助学生人数", "≥3200人", "3260人", 40, 40), ("补助发放时间", "6月底前", "7月", 20, 16)]


def test_level_and_score_leaves_of_two_captions():
    # 绩效指标 (colspan 3) / 年度指标值 / 实际完成值 / 评分 (colspan 2) / 偏差原因, then 一级 二级 三级 分值 得分
    printed = [None, "target", "actual", "score", "reason", "l1", "l2", "name", "weight", "score"]
    assert indicator_visual_order(printed) == ["l1", "l2", "name", "target", "actual", "weight", "score", "reason"]
    # the 绩效指标 caption dropped, the score caption naming no column
    assert indicator_visual_order(["target", "actual", None, "reason", "l1", "l2", "name", "weight", "score"]) == [
        "l1", "l2", "name", "target", "actual", "weight", "score", "reason"]


def test_level_and_score_leaves_read_cell_by_cell(extractor):
    """绩效指标 spanning the level columns and 评分 spanning 分值 / 得分, both groups' leaves on the header's second row:
    level cells merged over rows print once, and each row's values land in their columns."""
    text = _page(
        "项目名称", "示例市职业技能培训补贴", "主管部门", "示例市人社局", "实施单位", "示例市就业服务中心",
        "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额:", "50", "60", "54", "10", "90%", "9",
        "绩效指标", "年度指标值", "实际完成值", "评分", "偏差原因分析及改进措施", "一级指标", "二级指标", "三级指标",
        "分值", "得分",
        "产出指标", "数量指标", "培训人数", "≥300人", "320人", "20", "20", " ",
        "举办场次", "≥6场", "5场", "10", "8", "一期培训因场地原因顺延。",
        "总分", "100", "37", " ")
    p, = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "培训人数", "≥300人", "320人", 20, 20), ("数量指标", "举办场次", "≥6场", "5场", 10, 8)]
