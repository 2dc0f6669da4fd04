"""A level-2 category word broken over two rows (web text of a table wraps a narrow category cell: 服务对象 on the
row of its level-1 or on a line of its own, 满意度指标 opening the next row) put back into one cell before the
indicator rows are read."""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row


# a head of a category word on a line of its own (可持续影, 服务对象满意) is at most this long
HEAD_CHARS = 8


def _head_piece(row: Row, categories: V.Categories) -> Cell | None:
    """The last cell of a row that prints only category words and, after them, the head of a word (no value); or
    the head alone on its line."""
    filled = row.nonempty()
    if not filled or any(map(str.isdigit, row.joined)):  # (joined: the filled cells' text)
        return None
    if row.kind == "text" and (len(filled) > 1 or len(filled[0].clean) > HEAD_CHARS):
        return None
    if not all(categories.level1(c.clean) or categories.level2(c.clean) for c in filled[:-1]):
        return None
    return filled[-1]


def _joined(piece: Cell, first: Cell, categories: V.Categories) -> str | None:
    """The level-2 the two pieces make, where the lower piece alone is not it and the upper piece is no other
    category (可持续影 + 响指标, 服务对象 + 满意度指标, 社会效益 + 指标)."""
    joined = categories.level2(piece.clean + first.clean)
    if joined is None or categories.level2(first.clean) == joined:
        return None
    upper = categories.level1(piece.clean) or categories.level2(piece.clean)
    return joined if upper is None or categories.level2(piece.clean) == joined else None


def join_wrapped_level2(rows: list[Row], categories: V.Categories) -> list[Row]:
    """``rows`` with each level-2 word broken over two rows (…\t服务对象 / 满意度指标\t患者家属满意度\t…) joined
    into the lower row's first cell; an upper row left with no cell goes."""
    rows = list(rows)
    out: list[Row] = []
    for k, row in enumerate(rows):
        below = rows[k + 1] if k + 1 < len(rows) else None
        piece = _head_piece(row, categories) if below is not None else None
        # (the row below is looked at only under a head piece: most rows are none)
        first = next(iter(below.nonempty()), None) if piece is not None and below.kind != "text" else None
        if below is None or piece is None or first is None or first.start < piece.end or not _joined(piece, first, categories):
            out.append(row)
            continue
        # the joined cell spans both pieces; the blanks between them stand for the line break
        cell = Cell(first.col, piece.start, first.end, piece.text + " " * (first.start - piece.end) + first.text)
        rest = [c for c in row.cells if c is not piece]
        if any(c.clean for c in rest):
            out.append(Row(row.index, row.kind, row.start, row.end, rest))
        rows[k + 1] = Row(below.index, below.kind, below.start, below.end,
                          [cell if c is first else c for c in below.cells])
    return out
