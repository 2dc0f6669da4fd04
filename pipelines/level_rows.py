"""A level-2 category word broken over two rows (web text of a table wraps a narrow category cell: 服务对象 on the
row of its level-1, 满意度指标 opening the next row) put back into one cell before the indicator rows are read."""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row


def _head_piece(row: Row, categories: V.Categories) -> Cell | None:
    """The last cell of a row that prints only category words and, after them, one piece of a word (no value)."""
    filled = row.nonempty()
    if row.kind == "text" or len(filled) < 2 or any(ch.isdigit() for c in filled for ch in c.clean):
        return None
    *cats, piece = filled
    if not all(categories.level1(c.clean) or categories.level2(c.clean) for c in cats):
        return None
    return None if (categories.level1(piece.clean) or categories.level2(piece.clean)) else piece


def join_wrapped_level2(rows: list[Row], categories: V.Categories) -> list[Row]:
    """``rows`` with each level-2 word broken over two rows (…\t服务对象 / 满意度指标\t患者家属满意度\t…) joined
    into the lower row's first cell, where the two pieces make a level-2 that the lower piece alone is not."""
    out = list(rows)
    for k in range(len(out) - 1):
        piece = _head_piece(out[k], categories)
        below = out[k + 1]
        first = next(iter(below.nonempty()), None)
        if piece is None or first is None or below.kind == "text" or first.start < piece.end:
            continue
        joined = categories.level2(piece.clean + first.clean)
        if joined is None or categories.level2(first.clean) == joined:
            continue
        # the joined cell spans both pieces; the blanks between them stand for the line break
        cell = Cell(first.col, piece.start, first.end, piece.text + " " * (first.start - piece.end) + first.text)
        out[k] = Row(out[k].index, out[k].kind, out[k].start, out[k].end, [c for c in out[k].cells if c is not piece])
        out[k + 1] = Row(below.index, below.kind, below.start, below.end,
                         [cell if c is first else c for c in below.cells])
    return out
