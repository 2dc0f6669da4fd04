"""Which printed column is the actual, the weight and the score, as other bureaus' templates print them (the invbi
round): a weight printed 20分 in a weight-only table whose 合计 is the weights' total, a 折算得分 that is the only score
column, 单项得分 beside a 折算得分 right of it, one 年度指标值及完成情况 column holding both values, an unheaded score
right of 分值, a row whose remark opens with a digit, a full pipe row ending in one pipe, and a 剩余N页未读 / 下载此文档
preview break. Every example is invented."""

from jixiao.pipelines import vocab as V
from jixiao.pipelines.pipe_tables import padded_pipe_rows
from jixiao.pipelines.stray_gaps import text_spaces

HEAD = "项目支出绩效自评表\n项目名称 示例道路养护补助\n主管部门 示例县交通局 实施单位 示例县公路站\n"


def _rows(extractor, text):
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    return p, [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


def test_weight_only_table_with_points_suffix(extractor):
    text = HEAD + (
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率\n年度资金总额 100 100 95 95%\n"
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 未完成原因\n"
        "产出指标 数量指标 指标1：养护里程 ≥50公里 52公里 40分\n"
        "    指标2：\n"
        "    质量指标 指标1：验收合格率 100% 100% 30分\n"
        "满意度指标 服务对象满意度指标 指标1：群众满意度 ≥90% 92% 30分\n"
        "合计 100分\n")
    p, rows = _rows(extractor, text)
    assert [r[3] for r in rows] == [40.0, 30.0, 30.0] and all(r[4] is None for r in rows)
    assert p.score is None  # 合计 100分 adds the weights up: no score is printed


def test_scaled_score_is_the_score_where_no_other_is_printed():
    assert V.indicator_column("折算得分") == "other"
    assert V.SCALED_SCORE_HEADER.match("折算得分")


def test_single_item_score_beside_a_scaled_score(extractor):
    text = HEAD + (
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 权重 单项得分 折算得分 偏差原因\n"
        "产出指标 数量指标 养护里程 ≥50公里 52公里 40 100 40\n"
        "质量指标 验收合格率 100% 98% 30 90 27 差2个百分点\n"
        "满意度指标 服务对象满意度指标 群众满意度 ≥90% 92% 30 100 30\n"
        "合计 100 97\n")
    _, rows = _rows(extractor, text)
    assert [(r[3], r[4]) for r in rows] == [(40.0, 100.0), (30.0, 90.0), (30.0, 100.0)]


def test_one_column_with_target_and_actual():
    m = V.TARGET_ACTUAL_CELL.match("目标≥18处,实际完成18处")
    assert (m["t"], m["a"]) == ("≥18处", "18处")
    m = V.TARGET_ACTUAL_CELL.match("目标建立,实际已建立")
    assert (m["t"], m["a"]) == ("建立", "已建立")
    assert V.indicator_column("年度指标值及完成情况") == "target"
    assert V.TARGET_ACTUAL_CELL.match("≥18处") is None


def test_paired_cells_and_an_unheaded_score_right_of_the_weight(extractor):
    text = HEAD.replace(" ", " | ") + (
        "一级指标 | 二级指标 | 三级指标 | 年度指标值及完成情况 | 分值 | ||\n"
        "产出指标 | 数量指标 | 新建站点 | 目标≥18处，实际完成18处 | 40 | 40 ||\n"
        "效益指标 | 社会效益指标 | 通车率 | 目标100%，实际98% | 30 | 28 ||\n"
        "满意度指标 | 服务对象满意度指标 | 群众满意度 | 目标≥90%，实际95% | 30 | 30 ||\n"
        "总分 | 98 | |||||\n")
    _, rows = _rows(extractor, text)
    assert rows[1] == ("通车率", "100%", "98%", 30.0, 28.0)
    assert rows[0][1:3] == ("≥18处", "18处")


def test_a_remark_opening_with_a_digit_stays_apart_from_the_score():
    text = ("表\n产出指标 数量指标 里程 ≥50公里 52公里 40\n质量指标 合格率 100% 100% 30\n时效指标 完工 10月 9月 10\n"
            "生态效益指标 达标排放 达标 基本达标 8 2个池塘未完工，明年完工\n")
    line = text.split("\n")[4]
    assert not [g for g in text_spaces(text) if text.index(line) <= g < text.index(line) + len(line)]


def test_a_full_pipe_row_ends_in_one_pipe():
    text = ("标题 | ||||||\n项目资金 | 年初 | 全年 | 执行 | 分值 | 执行率 | 得分 |\n年度资金总额 | 1 | 1 | 1 | 10 | 100% | 10 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | ||\n产出 | 数量 | 甲 | 1个 | 10 | 10 ||\n"
            "乙 | 2个 | 10 | 10 | |||\n丙 | 3个 | 10 | 10 | |||\n丁 | 4个 | 10 | 10 | |||\n")
    assert padded_pipe_rows(text).split("\n")[1:3] == text.split("\n")[1:3]


def test_remaining_pages_mark_a_preview_break():
    assert V.PREVIEW_END.match("剩余1页未读,继续阅读") and V.PREVIEW_END.match("还剩2页未读")
    assert V.PREVIEW_END.match("下载此文档") and V.PREVIEW_END.match("下载文档到电脑,方便使用")
