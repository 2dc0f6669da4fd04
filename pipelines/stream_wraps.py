"""Indicator rows of a one-cell-a-line table whose name or value cells were printed as several paragraphs (an
HTML cell with a <br>: 2021年11月 / 底前, 收到资金30日内 / 分解下达, 补贴资金兑付 / 到户率): which paragraphs make
which cell.

The row's end is found from the header: where its value columns are the text ones (年度指标值, 实际完成值) then the
number ones (分值, 得分), the row's paragraphs run up to its run of numbers; where it prints no number column, up to
its blank reason cell (a lone space). Paragraphs beyond the columns' count are joined onto their neighbours
where the printed words say a new cell starts (a value opens with a number or an operator; a clause ending in a
comma goes on).
"""

from __future__ import annotations

import re
from itertools import combinations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.stream_cells import StreamCell, cell_kind

_TEXT_SLOTS = ("target", "actual")
_NUMBER_SLOTS = ("weight", "score")
_HEADER_ONLY = ("serial", "l1", "l2", "name")
# a paragraph ending so goes on in the next one (部分完成， / 其余延期; 详见（ / 附件）)
_GOES_ON = frozenset("，,、(（")
# a cell ending so is a sentence (a remark, a reason), never a name or a value; the stream readers share it
CELL_SENTENCE_END = frozenset("。；;!！")
_CLAUSE = frozenset("，,；;。")


def valueish(clean: str) -> bool:
    """A target, actual, weight or score as printed: a number or an operator first (≥120公里, 96%, 20); or a
    指标性质 cell (正向, 定性), which a row prints before its target; a frequency (每月1次)."""
    return (bool(V.VALUE_START.match(clean)) or bool(V.OPERATORS.match(clean)) or clean in V.NATURE_WORDS
            or bool(V.FREQUENCY_VALUE.match(clean)))


def text_and_number_columns(slots: list[str | None]) -> tuple[int, int] | None:
    """(text columns, number columns) right of the name, where the header prints its text value columns first and
    its number columns after them (a reason column may close it); else None (unit, operator or other columns)."""
    if "name" not in slots or "serial" in slots:
        return None  # (under a 序号 column the next row's number follows a row's score: its numbers end nothing)
    after = list(slots[slots.index("name") + 1:])
    while after and after[-1] == "reason":
        after.pop()
    if None in after:
        return None  # (a column printed without its word: what its cells hold is not known)
    m = 0
    while m < len(after) and after[m] in _TEXT_SLOTS:
        m += 1
    if m == 0 or any(s not in _NUMBER_SLOTS for s in after[m:]):
        return None
    return m, len(after) - m


def _remark(c: StreamCell) -> bool:
    """A blank reason cell, or a sentence: a remark, never a value."""
    return c.empty or (not c.line and c.clean[-1:] in CELL_SENTENCE_END)


def _piece(c: StreamCell) -> bool:
    """A paragraph that may be (part of) a value cell: words or a number; also a column word (完成, 分值) as a
    row prints it under a header, but not a category, a field label or a word only a header prints (一级指标)."""
    if c.empty or c.line or _remark(c):
        return False
    if V.INDICATOR_END.match(c.clean) or V.TOTAL_SCORE_LABEL.match(c.clean):
        return False  # (总分 after the last row: the rows end there)
    kind = cell_kind(c.clean)
    return kind in ("text", "num") or kind in ("ih", "fh") and V.indicator_column(c.clean) not in _HEADER_ONLY


def _paragraphs(cells: list[StreamCell], k: int, m: int, n: int, reason: bool) -> int | None:
    """How many paragraphs from cell ``k`` fill the row's ``m`` text columns: those before its run of ``n`` numbers
    (and no number after that run; at most one paragraph more per column), or with no number columns, those before
    its blank reason cell (printed: a lone space; at most one paragraph more, none a clause of a remark). None
    where no such end is in reach."""
    most = 2 * m if n else m + 1
    for p in range(m, most + 1):
        if not all(_piece(c) for c in cells[k:k + p]):
            break
        end = k + p
        if n:
            run = cells[end:end + n]
            after = cells[end + n] if end + n < len(cells) else None
            # (a dash after the run is the row's blank remark where a reason column closes the header)
            if (len(run) == n and all(not c.empty and cell_kind(c.clean) == "num" for c in run)
                    and (after is None or cell_kind(after.clean) != "num" or reason and V.BLANK_VALUE.match(after.clean) is not None)):
                return p
        elif any(ch in _CLAUSE for c in cells[k:end] for ch in c.clean):
            return None  # (a remark printed without its full stop: 部分设施进水浓度偏低，正在排查)
        elif reason and end < len(cells) and cells[end].empty:
            return p
    return _short_of_one(cells, k, m, n)


# a 分值 / 得分 cell: a bare number of points (no percentage, no unit)
_POINTS = re.compile(r"\d{1,3}(?:\.\d+)?")


def _short_of_one(cells: list[StreamCell], k: int, m: int, n: int) -> int | None:
    """A row one text cell short where blanks print nothing (a blank target vanished): one paragraph a text cell
    but one, then its run of ``n`` plain numbers (分值 / 得分: no percentage, which an actual prints) and no number
    after it."""
    p = m - 1
    # (≥85% opens a target, never an actual: a row whose actual vanished is no such row)
    if not p or not n or not all(_piece(c) and c.clean[:1] not in V.TARGET_GLYPHS for c in cells[k:k + p]):
        return None
    run, after = cells[k + p:k + p + n], cells[k + p + n] if k + p + n < len(cells) else None
    ends = after is None or cell_kind(after.clean) != "num"
    return p if len(run) == n and all(_POINTS.fullmatch(c.clean) for c in run) and ends else None


def _boundary(prev: StreamCell, c: StreamCell) -> int:
    """How surely a new cell starts at paragraph ``c``: a value opens with a number or an operator, words with a
    number may be one; a paragraph ending mid-clause goes on."""
    score = 2 if valueish(c.clean) else 1 if any(ch.isdigit() for ch in c.clean) else 0
    return score - 3 if prev.clean and prev.clean[-1] in _GOES_ON else score


def paragraph_groups(cells: list[StreamCell], k: int, slots: list[str | None], reason: bool) -> list[int] | None:
    """For an indicator row whose name is cell ``k - 1``: how many paragraphs make its name and each of its text
    value cells (``[1, 2, 1]``: a target of two paragraphs), all ones where the row prints one paragraph a cell;
    None where the header or the row gives no answer."""
    cols = text_and_number_columns(slots)
    if cols is None or k < 1:
        return None
    m, n = cols
    p = _paragraphs(cells, k, m, n, reason)
    if p is None:
        return None
    if p == m:
        return [1] * (m + 1)
    if p < m:
        return [1, *[0] * (m - p), *[1] * p]  # (aligned from the right: the target is the blank one)
    pieces = cells[k - 1:k + p]
    # the split points that start the m value cells among the paragraphs after the name; ties go to the split
    # that leaves the earlier cells longer (a name or target wraps more often than an actual)
    best = max(combinations(range(1, len(pieces)), m), key=lambda cut: (_likelihood(pieces, cut), cut))
    if best[0] > 1 and (pieces[0].clean in V.LEVEL1_STARTS or pieces[0].clean in V.LEVEL2_STARTS):
        return None  # (the "name" is a broken category's first piece, 服务对象: the row went wrong before it)
    edges = [0, *best, len(pieces)]
    return [b - a for a, b in zip(edges, edges[1:])]


def _likelihood(pieces: list[StreamCell], cut: tuple[int, ...]) -> int:
    """How well the paragraphs split at ``cut`` read as a name and its values: new cells start where values
    start; and a target and an actual printing the same words (持续运行 / 持续 / 运行) say how a wrapped one joins."""
    edges = [0, *cut, len(pieces)]
    values = ["".join(c.clean for c in pieces[a:b]) for a, b in zip(edges[1:], edges[2:])]
    same = SAME_VALUES_WEIGHT if len(set(values)) < len(values) else 0
    return sum(_boundary(pieces[i - 1], pieces[i]) for i in cut) + same


# a target and an actual printing the same words weigh as much as a value's number opening a cell
SAME_VALUES_WEIGHT = 2


def row_follows(cells: list[StreamCell], k: int, slots: list[str | None]) -> bool:
    """Whether cell ``k`` opens a row of its own: words, no sentence, followed by exactly as many paragraphs as the
    header's text value columns and then its number columns (a remark would leave one paragraph more)."""
    cols = text_and_number_columns(slots)
    if cols is None or not cols[1] or k >= len(cells) or cell_kind(cells[k].clean) != "text" or not _piece(cells[k]):
        return False
    m, n = cols
    return _paragraphs(cells, k + 1, m, n, True) == m
