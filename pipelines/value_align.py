"""A row's value cells put under the header's columns by what they hold, where blank cells were dropped.

A table exported one cell per line, or with its spaces squeezed, loses its blank cells: ``明显提升 30 明显提升 28``
under 指标性质 运算符号 指标值 度量单位 权重 完成值 得分 has four cells for seven columns. Each cell goes to one
column, left to right, and a column may stay blank; among the alignments every cell fits, the one whose cells fit
their columns best is kept (an operator under 运算符号, a bare number under 权重 or 得分, a unit under 度量单位,
a value under 指标值 or 完成值). Ties go to the earlier column, as a row read cell by cell would.
"""

from __future__ import annotations


from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import is_number_cell, is_plain_number
from jixiao.pipelines.layout import Cell

_NATURE = V.NATURE_WORDS
_VALUE_COLUMNS = frozenset(("init_target", "adj_target", "target", "actual"))
# fit of a cell to a column; None: the cell cannot stand there
_EARLIER = 1e-3  # the tie-break: per column index, an earlier column wins an equal fit


def op_cell(text: str) -> bool:
    """What a 运算符号 / 指标方向 / 指标性质 column prints: an operator (≥, 大于等于), or the indicator's kind or
    direction (定量, 正向 / 反向: some bureaus head their direction column 指标方向)."""
    return bool(V.OPERATORS.match(text)) or text in _NATURE


def fit(text: str, slot: str) -> float | None:
    """How well a cell's text fits a column (higher is better), or None where it cannot stand there."""
    if slot in ("op", "nature"):
        # either column may print an operator or a direction word (正向 / 反向 under 指标方向)
        return 3.0 if op_cell(text) else None
    if slot == "unit":
        return 2.0 if text in V.MEASURE_UNITS or V.UNIT_CELL.match(text) else None
    if slot in ("weight", "score"):
        return 2.0 if is_number_cell(text) else None
    if slot == "degree":
        return 1.0 if text.endswith("%") else None
    if slot in _VALUE_COLUMNS:
        if V.OPERATORS.match(text):
            return None
        if is_plain_number(text):
            return 1.0
        return 2.0 if V.VALUE_START.match(text) else 1.5
    if slot == "note":
        return 1.0 if not is_plain_number(text) else None
    if slot == "reason":
        return 0.5 if not is_plain_number(text) else None
    return None


def align(cells: list[Cell], slots: list[str]) -> dict[str, Cell] | None:
    """Cells (in order) -> {column: cell}, every cell placed, columns in printed order; None if they cannot all
    fit (more cells than columns take them)."""
    n, m = len(cells), len(slots)
    if n == 0 or n > m:
        return None
    neg = float("-inf")
    # best[i][j]: the best fit of the first i cells within the first j columns
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    took = [[False] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[0][j] = 0.0
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            skip = best[i][j - 1]
            f = fit(cells[i - 1].clean, slots[j - 1])
            place = best[i - 1][j - 1] + f - _EARLIER * j if f is not None and best[i - 1][j - 1] > neg else neg
            if place > skip:  # an equal fit stays in the earlier column (the penalty per column index)
                best[i][j], took[i][j] = place, True
            else:
                best[i][j] = skip
    if best[n][m] == neg:
        return None
    out: dict[str, Cell] = {}
    i, j = n, m
    while i > 0:
        if took[i][j]:
            out[slots[j - 1]] = cells[i - 1]
            i -= 1
        j -= 1
    return out
