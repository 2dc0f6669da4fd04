"""Where a numbered row (序号) of a collapsed table ends: at the header printed again on the next page, or at the
next row's 序号 after the row's scores and its remark (``flat``)."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import is_plain_number
from jixiao.pipelines.layout import Cell
from jixiao.pipelines.printed_numbers import is_number

# a run of this many header words (序号 一级指标 二级指标 …) inside the rows is the header printed again
HEADER_RUN = 3
# a remark that is a sentence (未完成,已纳入下年计划)
_SENTENCE_MARK = re.compile("[,，。;；]")
# a remark without a sentence mark is at least this long (第三方机构排期延后); shorter text may be a value
REMARK_MIN_CHARS = 6


def header_run(toks: list[Cell], i: int) -> int:
    """The index past a run of indicator header words at token ``i`` (a spreadsheet repeats its header row on
    every printed page), or 0 where none starts there."""
    j = i
    while j < len(toks) and V.indicator_column(toks[j].clean) is not None:
        j += 1
    return j if j - i >= HEADER_RUN else 0


def scored_then_remark(cells: list[Cell], n_tail: int) -> bool:
    """A row that printed its 分值 and 得分 among its cells (权重 完成值 得分: not a run) and then a remark's text: a
    serial number after it opens the next row."""
    numbers = sum(is_plain_number(c.clean) for c in cells[1:])
    last = cells[-1].clean if len(cells) > 1 else ""
    remark = bool(_SENTENCE_MARK.search(last)) or (len(last) >= REMARK_MIN_CHARS and not V.VALUE_START.match(last))
    return numbers >= max(n_tail, 1) and not is_number(last) and remark
