"""Space and indented rows as web pages print them (layout families 1 and 2), and mirror runs (family 8), where a
blind round (invbf) found damage: a funds header wrapped inside every budget word, an indicator header whose
绩效 / 指标 caption wrapped too, a level-2 word broken after its head on the row of the name, a worded target
before a lone verdict, a compared target with its operator, a unit note run into the implementer. Invented examples."""

from jixiao.pipelines.layout import Cell

FUNDS_WRAPPED = "\n".join([
    "项目支出绩效自评表",
    "项目名称 渔港航道疏浚维护",
    "主管部门 示例县交通运输局 实施单位 示例县港航事务中心",
    "项目资金 年初 全年 全年 分值 执行率 得分",
    "(万元) 预算数 预算数 执行数",
    "年度资金总额: 90 80 76.4 10 0.955 9.55",
    "绩效 一级指标 二级指标 三级指标 年度指 实际完 分值 得分 偏差原因分析",
    "指标 标值 成值 及改进措施",
    "产出指标 数量指标 疏浚航道长度 ≥6公里 6.3公里 40 40",
    "效益指标 社会效益指标 通航保障天数 ≥330天 336天 40 40",
    "满意度指标 服务对象满意度指标 渔民满意度 ≥90% 93% 10 10",
    "总分 100 99.55",
])


def test_a_funds_header_wrapped_inside_each_budget_word(extractor):
    [p] = extractor.extract_text(FUNDS_WRAPPED, mode="parser").projects
    f = p.funds
    assert (f.initial_budget, f.annual_budget, f.executed, f.execution_rate) == (900000, 800000, 764000, 95.5)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("疏浚航道长度", "≥6公里", "6.3公里", 40, 40),
        ("通航保障天数", "≥330天", "336天", 40, 40),
        ("渔民满意度", "≥90%", "93%", 10, 10),
    ]


INDENTED = "\n".join([
    "    项目支出绩效自评表",
    "    项目名称 湿地巡护管理",
    "    主管部门 示例县林业局 实施单位 示例县湿地保护站",
    "    项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "    年度资金总额 50 50 49 10 98% 9.8",
    "    绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
    "    产出指标 数量指标 指标1:巡护里程 ≥800公里 820公里 40 40",
    "    (50分) 指标2:",
    "    效益指标 生态效益 指标1:湿地面积保有量 ≥3万亩 3.1万亩 20 20",
    "        指标",
    "        可持续影 指标1:巡护长效机制 长期 长期 20 19 人员流动较大",
    "        响指标",
    "    满意度指标 服务对象满 指标1:周边居民满意度 ≥90% 88% 10 8 宣传不足,下年加强",
    "    (10分) 意度指标",
    "    总分 100 96.8",
])


def test_level2_words_broken_after_their_head_on_the_names_row(extractor):
    [p] = extractor.extract_text(INDENTED, mode="parser").projects
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("产出指标", "数量指标", "指标1:巡护里程", "≥800公里", "820公里", 40, 40),
        ("效益指标", "生态效益指标", "指标1:湿地面积保有量", "≥3万亩", "3.1万亩", 20, 20),
        ("效益指标", "可持续影响指标", "指标1:巡护长效机制", "长期", "长期", 20, 19),
        ("满意度指标", "服务对象满意度指标", "指标1:周边居民满意度", "≥90%", "88%", 10, 8),
    ]


def test_a_broken_level_tail_joins_its_head_cells_back():
    from jixiao.pipelines.level_rows import join_broken_level_tokens
    from jixiao.pipelines.vocab import Categories
    words = ["可持续影", "指标1:机制", "长期", "长期", "10", "9", "响指标", "满意度指标"]
    cells, pos = [], 0
    for w in words:
        cells.append(Cell(0, pos, pos + len(w), w))
        pos += len(w) + 1
    assert [c.clean for c in join_broken_level_tokens(cells, Categories())] == [
        "可持续影响指标", "指标1:机制", "长期", "长期", "10", "9", "满意度指标"]


def test_a_worded_target_before_a_lone_verdict_in_a_flat_run():
    from jixiao.pipelines.flat_run import RowShape, row_cells
    shape = RowShape(values=2, numbers=0, weight_mid=False)
    for text, want in [("巡查机制常态化长期达成预期指标", ["巡查机制常态化", "长期", "达成预期指标"]),
                       ("巡查人数≥300人达成预期指标", ["巡查人数", "≥300人", "达成预期指标"])]:
        assert [text[a:b] for a, b in row_cells(text, shape)] == want


def test_a_compared_target_keeps_its_operator():
    from jixiao.pipelines.glued_cells import split_glued
    assert split_glued("较上年下降≥5%") is None
    assert split_glued("新建农田面积≥1.2万亩") == [(0, 6), (6, 12)]


def test_a_unit_note_run_into_the_implementer_is_left_out():
    from jixiao.pipelines.parsed import Span
    from jixiao.pipelines.project_fields import clean_org
    assert clean_org(Span(text="示例市农业科学院單位:萬元", start=10, end=23)).text == "示例市农业科学院"
    assert clean_org(Span(text="示例市计量单位管理所", start=0, end=10)).text == "示例市计量单位管理所"
