"""Two value cells that a lost ruling line merged into one (a scan's table read by OCR where a thin rule between
年度指标值 and 实际完成值 did not print: ``≥3000平方米3120平方米``, ``100% 100%``): split back into the target and the
actual where the row is a cell short of its header. And a target and an actual an OCR engine's text boxes read in
the wrong order (a box a few pixels lower comes later: ``98.6%`` before ``≥95%``) put back."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row

# a value: an operator, a figure and its unit (≥3000平方米, 100%, 2.5万元); two of them, a space between or none
_VALUE = r"(?:[≥≤<>=＞＜]|>=|<=)?\d[\d,.]*(?:%|‰|[\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,2})?)"
_TWO_VALUES = re.compile(rf"(?P<a>{_VALUE})(?P<gap>\s*)(?P<b>(?:[≥≤<>=＞＜]|>=|<=)?\d[\d,.]*(?:%|‰|[\u4e00-\u9fff]{{1,4}}(?:/[\u4e00-\u9fff]{{1,2}})?)?)")


def _unit(value: str) -> str:
    return re.sub(r"^[^\d]*\d[\d,.]*", "", value)


def split_merged_values(r: Row, width: int) -> Row:
    """``r`` with its first cell holding two values of one unit (no operator opening the second: ``≤48小时 ≤48小时``
    is one cell's two readings no more than a date ``2023年12`` is two) split in two, where ``r`` prints fewer cells
    than its header's ``width`` or leaves the cell after it blank (columns laid out by position)."""
    if r.kind == "text":
        return r
    short = len(r.cells) < width
    for k, c in enumerate(r.cells):
        blank_after = k + 1 < len(r.cells) and not r.cells[k + 1].clean
        m = _TWO_VALUES.fullmatch(c.text.strip()) if c.clean and (short or blank_after) else None
        if m is None:
            continue
        a, b = m["a"], m["b"]
        if not _unit(a) or _unit(a) != _unit(b) or b[0] in "≥≤<>=＞＜":
            continue
        at = c.start + len(c.text) - len(c.text.lstrip())
        first = Cell(c.col, at + m.start("a"), at + m.end("a"), a)
        second = Cell(c.col + 1, at + m.start("b"), at + m.end("b"), b)
        rest = r.cells[k + 2:] if blank_after and not short else \
            [Cell(x.col + 1, x.start, x.end, x.text) for x in r.cells[k + 1:]]
        return Row(r.index, r.kind, r.start, r.end, [*r.cells[:k], first, second, *rest])
    return r


# a 分值 and an 得分 a lost ruling merged: two points a space apart (15 15, 20 18.5), or the same two digits twice with
# none (1010, 1515: a differing pair run together, 109, is as well 10|9 as 1|09 and is left alone)
_TWO_POINTS = re.compile(r"(?P<a>\d{1,3}(?:\.\d+)?)(?P<gap>[ \t\u3000]+)(?P<b>\d{1,3}(?:\.\d+)?)|(?P<c>[1-9]\d)(?P=c)")
MAX_POINTS = 100
_POINTS = re.compile(r"\d{1,3}(?:\.\d+)?")


def split_merged_points(r: Row, width: int) -> Row:
    """``r`` with its last filled cell holding a weight and a score (``15 15``, ``1010``) split in two, where ``r``
    prints fewer cells than its header's ``width`` (the score column it lacks is the one merged into the weight's)."""
    filled = [k for k, c in enumerate(r.cells) if c.clean]
    if r.kind == "text" or not filled or len(r.cells) >= width:
        return r
    k = filled[-1]
    c = r.cells[k]
    m = _TWO_POINTS.fullmatch(c.text.strip())
    if m is None or (len(filled) > 1 and _POINTS.fullmatch(r.cells[filled[-2]].clean)):
        return r  # (points already before it: that was the weight, this the score, spaced: 1 0 is 10)
    at = c.start + len(c.text) - len(c.text.lstrip())
    if m["c"]:
        a_span, b_span = (m.start("c"), m.end("c")), (m.end("c"), m.end())
    else:
        a_span, b_span = (m.start("a"), m.end("a")), (m.start("b"), m.end("b"))
    a, b = c.text.strip()[slice(*a_span)], c.text.strip()[slice(*b_span)]
    if not float(b) <= float(a) <= MAX_POINTS:
        return r  # a score above its weight: no such pair
    first = Cell(c.col, at + a_span[0], at + a_span[1], a)
    second = Cell(c.col + 1, at + b_span[0], at + b_span[1], b)
    rest = [Cell(x.col + 1, x.start, x.end, x.text) for x in r.cells[k + 1:]]
    return Row(r.index, r.kind, r.start, r.end, [*r.cells[:k], first, second, *rest])


# two figures of a funds row a lost ruling merged: two amounts a space apart (85 85; not 1 500, a thousands group's
# shape), or the execution rate run into the 得分 after it (98%9.8)
_TWO_AMOUNTS = re.compile(r"(?P<a>\d[\d,]*(?:\.\d+)?)\s+(?P<b>\d[\d,]*(?:\.\d+)?)|(?P<r>\d+(?:\.\d+)?%)(?P<s>\d+(?:\.\d+)?)")
_GROUP_SHAPE = re.compile(r"\d{1,3}\s+\d{3}(?:\.\d+)?")


def split_merged_amounts(r: Row, after: int, columns: int) -> Row:
    """``r`` (a funds total row, its label in cell ``after``) with each cell holding two of its figures split in two,
    while the row prints fewer figures than its header's ``columns``."""
    cells = list(r.cells)
    k = after + 1
    while k < len(cells) and sum(bool(c.clean) for c in cells[after + 1:]) < columns:
        c = cells[k]
        text = c.text.strip()
        m = _TWO_AMOUNTS.fullmatch(text)
        if m is None or _GROUP_SHAPE.fullmatch(text):
            k += 1
            continue
        at = c.start + len(c.text) - len(c.text.lstrip())
        a, b = ("a", "b") if m["a"] else ("r", "s")
        pair = [Cell(c.col, at + m.start(a), at + m.end(a), m[a]), Cell(c.col + 1, at + m.start(b), at + m.end(b), m[b])]
        cells = [*cells[:k], *pair, *(Cell(x.col + 1, x.start, x.end, x.text) for x in cells[k + 1:])]
        k += 2
    return r if len(cells) == len(r.cells) else Row(r.index, r.kind, r.start, r.end, cells)


# a bound the target sets (≥95%, ≤2小时); an actual is what was reached: a figure
_BOUND = re.compile(r"^(?:[≥≤<>＞＜]|>=|<=)\d")
_FIGURE = re.compile(r"^\d[\d,.]*\D{0,6}$")


def unswap_values(assign: dict[str, Cell]) -> None:
    """Swap the row's target and actual cells where the actual column holds the bound (≥95%) and the target column a
    figure of the same unit (98.6%): the boxes of one row were read out of order."""
    target, actual = assign.get("target"), assign.get("actual")
    if target is None or actual is None or not _FIGURE.match(target.clean) or not _BOUND.match(actual.clean):
        return
    # (a unit on both: a bare figure under an operator column is that column's value, joined to it later)
    if _unit(target.clean) and _unit(target.clean) == _unit(actual.clean.lstrip("≥≤<>＞＜=")):
        assign["target"], assign["actual"] = actual, target


def split_target_actual(assign: dict[str, Cell]) -> None:
    """Cut a target cell printing the actual too (目标≥18处，实际完成18处: one 年度指标值及完成情况 column) into the
    target and the actual, where the row has no actual cell of its own."""
    target = assign.get("target")
    m = V.TARGET_ACTUAL_CELL.match(target.text) if target is not None and "actual" not in assign else None
    if m is None:
        return
    assign["target"] = Cell(target.col, target.start + m.start("t"), target.start + m.end("t"), m["t"])
    assign["actual"] = Cell(target.col, target.start + m.start("a"), target.start + m.end("a"), m["a"])

