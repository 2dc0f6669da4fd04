"""A category cell printing both levels (产出指标-数量指标, 一级指标/二级指标), as some bureaus print 一级 and 二级 in one
column: found, and split into the cell each that the national template prints (the indicator and collapsed-text
readers expect one a level)."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.normalize import squeeze
from jixiao.pipelines.vocab import LEVEL_HEADERS as _LEVEL_HEADERS

_LEVEL_JOIN = re.compile(r"^(.+?)[-/—－–](.+)$")
_JOINER = re.compile(r"[-/—－–]")


def joined_levels_at(cell: Cell, categories: V.Categories) -> int | None:
    """Where in ``cell.text`` the joiner of a "一级-二级" cell (产出指标-数量指标, 一级指标/二级指标) is, if it is one."""
    if not _JOINER.search(cell.text):  # no joiner, no joined cell: most cells end here, before squeezing
        return None
    m = _LEVEL_JOIN.match(squeeze(cell.text))
    if m is None:
        return None
    left, right = m.groups()
    if (left, right) != _LEVEL_HEADERS and not (categories.level1(left) and categories.level2(right)):
        return None
    seen = 0
    for i, ch in enumerate(cell.text):  # the joiner is the first character after the level-1's letters
        if not ch.isspace():
            if seen == len(left):
                return i
            seen += 1
    return None


def split_joined_levels(rows: list[Row], categories: V.Categories) -> list[Row]:
    """Rows whose category cell holds both levels (产出指标-数量指标) with that cell split in two.

    Some bureaus print 一级 and 二级 in one column; the indicator reader expects a cell each, as the
    national template prints them. Cells after the split move one column right, header and data rows alike.
    """
    out = []
    for r in rows:
        if r.kind == "text" or not _JOINER.search("".join([c.text for c in r.cells])):  # one test a row, not a cell
            out.append(r)
            continue
        cuts = {k: joined_levels_at(c, categories) for k, c in enumerate(r.cells)}
        cuts = {k: i for k, i in cuts.items() if i is not None}
        if not cuts:
            out.append(r)
            continue
        cells, shift = [], 0
        for k, c in enumerate(r.cells):
            if k not in cuts:
                cells.append(Cell(c.col + shift, c.start, c.end, c.text))
                continue
            i = cuts[k]
            cells.append(Cell(c.col + shift, c.start, c.start + i, c.text[:i]))
            shift += 1
            cells.append(Cell(c.col + shift, c.start + i + 1, c.end, c.text[i + 1:]))
        out.append(Row(r.index, r.kind, r.start, r.end, cells))
    return out
