"""A numbered table whose line breaks were lost is re-lined at its header's count of words (numbered_rows.py)."""

from __future__ import annotations

import re

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.numbered_rows import numbered_breaks
from jixiao.pipelines.relined_tables import with_breaks


def _relined(text: str) -> str:
    return with_breaks(text, numbered_breaks(text))

SUMMARY = """现将部分项目自评结果公开如下：
单位：万元
序号 项目名称 主管部门 全年预算 全年执行 执行率 自评得分
1 城区公厕改造项目 青禾县城市管理局 300 291 97% 95
2 乡村学校营养餐补助 青禾县教育局 120 120 100% 98
3 农机购置补贴 青禾县农业农村局 80 72 90% 88
合计 500 483 96.6%
说明：自评得分90分以上为优。
"""


def _collapse(text: str) -> str:
    return re.sub(r"[\n\t]", " ", text)


def test_numbered_rows_relined_at_the_header_count() -> None:
    got = _relined(_collapse(SUMMARY))
    assert len(got) == len(SUMMARY)
    assert got.split("\n")[1:6] == SUMMARY.split("\n")[2:7]
    assert got.split("\n")[6] == "说明：自评得分90分以上为优。 "  # the total row's figures end it


def test_rows_that_do_not_count_are_left_alone() -> None:
    # a row with a word more (a name printed with a space) leaves one row only at the count: no table believed
    ragged = _collapse(SUMMARY).replace("城区公厕改造项目", "城区公厕 改造项目").replace("乡村学校", "乡村 学校")
    assert _relined(ragged) == ragged
    assert _relined(SUMMARY) == SUMMARY  # printed: unchanged
    prose = "序号 为项目的顺序，1 为第一项，2 为第二项。"
    assert _relined(prose) == prose


def test_collapsed_summary_reads_as_printed() -> None:
    printed = Extractor().extract_text(SUMMARY, mode="parser")
    collapsed = Extractor().extract_text(_collapse(SUMMARY), mode="parser")
    assert len(printed.projects) == 3
    assert [(p.name, p.funds.executed) for p in collapsed.projects] == \
        [(p.name, p.funds.executed) for p in printed.projects]


REPORT = """示例市农业农村局2023年度部门整体支出绩效自评报告
一、项目支出绩效自评结果
单位：万元
序号  项目名称  预算数  执行数  执行率  自评得分
1  高标准农田建设项目  2,400.00  2,328.00  97%  95
2  农产品质量安全监测经费  86.00  79.12  92%  90.5
合计  2,486.00  2,407.12  96.83%  —
二、各项目绩效指标完成情况
1.高标准农田建设项目
产出指标：新建高标准农田面积（万亩），年度指标值3.2，实际完成值3.26；项目工程验收合格率，年度指标值100%，实际完成值100%。
满意度指标：受益农户满意度，年度指标值≥90%，实际完成值96%。
2.农产品质量安全监测经费
产出指标：农产品定量检测样品数（批次），年度指标值≥1500，实际完成值1562。
三、存在问题
无。
"""


def test_the_report_around_a_relined_table_is_still_read_as_collapsed_prose() -> None:
    # (the table's breaks put back, the report's paragraphs still run together: the prose reader puts theirs back)
    printed = Extractor().extract_text(REPORT, mode="parser")
    collapsed = Extractor().extract_text(_collapse(REPORT), mode="parser")
    assert [(p.name, len(p.indicators)) for p in printed.projects] == \
        [("高标准农田建设项目", 3), ("农产品质量安全监测经费", 1)]
    assert [(p.name, len(p.indicators)) for p in collapsed.projects] == \
        [(p.name, len(p.indicators)) for p in printed.projects]
