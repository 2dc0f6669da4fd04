"""A one-cell-per-line block that holds several rows: rows whose ends lost their marks.

A web page that prints each cell on a line ending in ' |' prints a pipe-only filler line after a row short of the
table's width; a row as wide as the table gets none (a header then runs into the first row under it), and some
pages print none between the indicator rows at all (merged cells repeated on every row) or none in a whole table. The layout stage reads the run of cells up to the next filler as one row. Such a block is grouped
into rows by its words, as ``cell_stream`` groups cells printed one a line with nothing between rows; its blank
cells (a bare '|') keep their columns' places there.
"""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.stream_row_grouper import stream_rows
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.stream_cells import CELL_CHARS, StreamCell, cell_kind

# No table row of the templates prints more cells (the widest seen: 13, a 绩效指标 caption before twelve columns);
# a block wider than this holds several rows.
MAX_ROW_CELLS = 16


# a header run is at least this many header words (年初预算数 全年预算数 全年执行数; 一级指标 二级指标 三级指标)
HEADER_RUN_WORDS = 3


def _header_then_row(r: Row) -> bool:
    """The block opens with a header run and goes on into a row: a category word (产出指标) or the funds total's
    label (年度资金总额) after the header words."""
    kinds = [cell_kind(c.clean) for c in r.cells]
    heads = [k for k, kind in enumerate(kinds) if kind in ("fh", "ih")]
    if len(heads) < HEADER_RUN_WORDS:
        return False
    return any(kinds[k] == "cat" or V.FUNDS_TOTAL_AMOUNT_LABEL.match(r.cells[k].clean)
               for k in range(heads[HEADER_RUN_WORDS - 1] + 1, len(r.cells)))


def _several_rows(r: Row) -> bool:
    return r.kind == "cells" and (len(r.cells) > MAX_ROW_CELLS or _header_then_row(r))


def regroup_wide_blocks(rows: list[Row], text: str) -> list[Row]:
    """``rows`` with each one-cell-per-line block that holds several rows (wider than a row, ``MAX_ROW_CELLS``, or a
    header run going on into a row) split into the rows its words make; ``text`` is the normalized text the cells
    index."""
    several = [_several_rows(r) for r in rows]
    if not any(several):
        return rows
    out: list[Row] = []
    for r, split in zip(rows, several):
        if not split:
            out.append(Row(len(out), r.kind, r.start, r.end, r.cells))
            continue
        stream = [StreamCell(c.start, c.end, c.clean, line=len(c.clean) > CELL_CHARS, empty=not c.clean)
                  for c in r.cells]
        for group in stream_rows(stream):
            cells = [Cell(k, c.start, c.end, text[c.start:c.end]) for k, c in enumerate(group)]
            out.append(Row(len(out), "cells", group[0].start, group[-1].end, cells))
    return out
