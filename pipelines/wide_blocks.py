"""A one-cell-per-line block wider than any table row: several rows whose ends lost their marks.

A web page that prints each cell on a line ending in ' |' prints a pipe-only filler line after a row short of the
table's width; a row as wide as the table gets none (the indicator header then runs into the first row under
it), and some pages print none between the indicator rows at all (merged cells repeated on every row) or none in
a whole table. The layout stage reads the run of cells up to the next filler as one row. Such a block is grouped
into rows by its words, as ``cell_stream`` groups cells printed one a line with nothing between rows; its blank
cells (a bare '|') keep their columns' places there.
"""

from __future__ import annotations

from jixiao.pipelines.cell_stream import stream_rows
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.stream_cells import CELL_CHARS, StreamCell

# No table row of the templates prints more cells (the widest seen: 13, a 绩效指标 caption before twelve columns);
# a block wider than this holds several rows.
MAX_ROW_CELLS = 16


def regroup_wide_blocks(rows: list[Row], text: str) -> list[Row]:
    """``rows`` with each one-cell-per-line block wider than a row (``MAX_ROW_CELLS``) split into the rows its words
    make; ``text`` is the normalized text the cells index."""
    if not any(r.kind == "cells" and len(r.cells) > MAX_ROW_CELLS for r in rows):
        return rows
    out: list[Row] = []
    for r in rows:
        if r.kind != "cells" or len(r.cells) <= MAX_ROW_CELLS:
            out.append(Row(len(out), r.kind, r.start, r.end, r.cells))
            continue
        stream = [StreamCell(c.start, c.end, c.clean, line=len(c.clean) > CELL_CHARS, empty=not c.clean)
                  for c in r.cells]
        for group in stream_rows(stream):
            cells = [Cell(k, c.start, c.end, text[c.start:c.end]) for k, c in enumerate(group)]
            out.append(Row(len(out), "cells", group[0].start, group[-1].end, cells))
    return out
