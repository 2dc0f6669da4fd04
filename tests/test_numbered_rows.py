"""A numbered table whose line breaks were lost is re-lined at its header's count of words (numbered_rows.py)."""

from __future__ import annotations

import re

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.numbered_rows import relined_numbered

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
    got = relined_numbered(_collapse(SUMMARY))
    assert len(got) == len(SUMMARY)
    assert got.split("\n")[1:6] == SUMMARY.split("\n")[2:7]
    assert got.split("\n")[6] == "说明：自评得分90分以上为优。 "  # the total row's figures end it


def test_rows_that_do_not_count_are_left_alone() -> None:
    # a row with a word more (a name printed with a space) leaves one row only at the count: no table believed
    ragged = _collapse(SUMMARY).replace("城区公厕改造项目", "城区公厕 改造项目").replace("乡村学校", "乡村 学校")
    assert relined_numbered(ragged) == ragged
    assert relined_numbered(SUMMARY) == SUMMARY  # printed: unchanged
    prose = "序号 为项目的顺序，1 为第一项，2 为第二项。"
    assert relined_numbered(prose) == prose


def test_collapsed_summary_reads_as_printed() -> None:
    printed = Extractor().extract_text(SUMMARY, mode="parser")
    collapsed = Extractor().extract_text(_collapse(SUMMARY), mode="parser")
    assert len(printed.projects) == 3
    assert [(p.name, p.funds.executed) for p in collapsed.projects] == \
        [(p.name, p.funds.executed) for p in printed.projects]
