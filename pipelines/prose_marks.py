"""Marks a prose report states outside the sentence reader's reach: an indicator's 分值 after clauses on its result,
the total row of a summary table of marks.

``1.急救站点新建数量（数量指标）：年度目标6个，实际建成5个，1个站点因选址调整未建成，分值10分，扣2分。`` prints the 分值
after a clause the sentence form does not skip; a deduction (扣2分, 未扣分) is no score (records.md: what is printed;
invr04). A summary ``合计　100　94.5`` (or ``合计 | 100 | 94.5``) is the project's score out of 100 where no sentence
states it.
"""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.vocab import PROSE_DEDUCTION, PROSE_TOTAL_ROW, PROSE_WEIGHT_CUE

_DEDUCTION = re.compile(PROSE_DEDUCTION)
_WEIGHT = re.compile(r"(?:" + PROSE_WEIGHT_CUE + r")(?:为|[:：])?[ \t]*(?P<w>\d+(?:\.\d+)?)[ \t]*分")
_SENTENCE_END = re.compile(r"[。；;\n]")
# the rest of an indicator's sentence is read at most this far (bounded: linear on a long line)
MARKS_REACH = 80
_TOTAL_ROW = re.compile(r"^[ \t|]*+" + PROSE_TOTAL_ROW + r"[ \t|]+100(?:\.0+)?分?[ \t|]+(?P<s>\d+(?:\.\d+)?)分?[ \t|]*$",
                        re.M)


def fill_deducted_weights(text: str, indicators: list[ParsedIndicator]) -> None:
    """The 分值 of each indicator read without one whose sentence prints it right before a deduction (…，分值10分，
    扣2分。): the deduction marks the clause as the item's marks, not a figure of its result."""
    for ind in indicators:
        if ind.weight is not None or ind.score is not None:
            continue
        last = ind.actual or (ind.target[-1] if ind.target else ind.name)
        stop = _SENTENCE_END.search(text, last.end, last.end + MARKS_REACH)
        end = stop.start() if stop else min(len(text), last.end + MARKS_REACH)
        weight = next(_WEIGHT.finditer(text, last.end, end), None)
        if weight is not None and _DEDUCTION.match(text, weight.end() + 1, end):  # (分值W分，扣D分 / 分值W分，未扣分)
            ind.weight = Span.of(weight, "w")


def total_row(text: str, s: int, e: int) -> Span | None:
    """The score a summary table's total row of [s, e) prints after the full marks (合计 100 94.5)."""
    m = _TOTAL_ROW.search(text, s, e)
    return Span.of(m, "s") if m is not None else None
