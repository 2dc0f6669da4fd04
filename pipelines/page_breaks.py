"""Cells a page break split in two: a document site's page counter (第2页 / 共3页) removed between two lines of one
table cell (2021年11月 | 30日前). Normalizing drops the counter; the original text still shows where it stood."""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.stream_cells import StreamCell

# a page counter in words as a preview prints it between pages (第2页, 第 2 頁 / 共 3 頁)
_COUNTER = re.compile(r"第\s*\d{1,3}\s*[页頁]")


def after_page_break(norm: NormalizedText, cells: list[StreamCell]) -> set[int]:
    """Indexes of the cells printed right after a page counter that normalizing removed (the original text between
    the cell before and this one holds it)."""
    if not norm.original:
        return set()
    out: set[int] = set()
    for k in range(1, len(cells)):
        a, b = cells[k - 1], cells[k]
        if a.empty or b.empty or a.end <= a.start or b.end <= b.start:
            continue
        gap = norm.original[norm.offsets[a.end - 1] + 1:norm.offsets[b.start]]
        if _COUNTER.search(gap):
            out.add(k)
    return out


def value_goes_on(cells: list[StreamCell], k: int, missing: int, valueish: Callable[[str], bool],
                  opens_next: Callable[[StreamCell], bool]) -> bool:
    """Cell ``k``, after a page break inside an indicator row's value cell, is the rest of that cell: the row still
    lacks ``missing`` value cells (``k`` counted as one), the cells after ``k`` fill them with values
    (``valueish``) and the cell after those is no value (the row's remark, a blank, the next row: ``opens_next``).
    Read as a value of its own, the row would run one cell too long."""
    vals = cells[k + 1:k + missing]
    if missing < 2 or len(vals) < missing - 1 or any(v.empty or v.line or not valueish(v.clean) for v in vals):
        return False
    after = cells[k + missing] if k + missing < len(cells) else None
    return after is None or after.empty or opens_next(after)
