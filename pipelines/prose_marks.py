"""Marks a prose report states other than as 分值/得分 pairs: a deduction after an indicator's 分值, the total row of a
summary table of marks.

``4.平均急救反应时间（时效指标）：年度目标≤12分钟，实际12.5分钟，分值10分，扣1分。`` states the score as the 分值 less
the deduction (9), ``…分值10分，未扣分。`` as the 分值 itself; a summary ``合计　100　94.5`` (or ``合计 | 100 | 94.5``) is
the project's score out of 100 where no sentence states it.
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


def fill_deductions(text: str, indicators: list[ParsedIndicator]) -> None:
    """The score (and the 分值 where the sentence's clauses kept it from the sentence reader) of each indicator whose
    sentence states a deduction after its 分值 and no score."""
    for ind in indicators:
        if ind.score is not None:
            continue
        last = ind.actual or (ind.target[-1] if ind.target else ind.name)
        stop = _SENTENCE_END.search(text, last.end, last.end + MARKS_REACH)
        end = stop.start() if stop else min(len(text), last.end + MARKS_REACH)
        deduction = _DEDUCTION.search(text, last.end, end)
        weight = ind.weight or next((Span.of(w, "w") for w in _WEIGHT.finditer(text, last.end, end)), None)
        if deduction is None or weight is None or (deduction.start() < weight.end and ind.weight is None):
            continue  # (a deduction before the 分值 it would be taken from is no indicator's)
        d = 0.0 if deduction["none"] else float(deduction["d"])
        ind.weight = weight
        ind.score = Span(text=f"{float(weight.text) - d:g}", start=deduction.start(), end=deduction.end())


def total_row(text: str, s: int, e: int) -> Span | None:
    """The score a summary table's total row of [s, e) prints after the full marks (合计 100 94.5)."""
    m = _TOTAL_ROW.search(text, s, e)
    return Span.of(m, "s") if m is not None else None
