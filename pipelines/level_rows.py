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


# a level-2 word broken where the head stays on its row, before the row's name (可持续影 指标1:… 10 9 / 响指标): the
# tail opens the next line, after the row's cells; it is looked for this many cells back at most (one row's cells)
BROKEN_TAIL_REACH = 10
# the tail of such a word (指标, 响指标, 意度指标) is this short at most
BROKEN_TAIL_CHARS = 5


def join_broken_level_tokens(toks: list[Cell], categories: V.Categories) -> list[Cell]:
    """``toks`` (a collapsed text's cells) with each level-2 word whose tail landed after its row's cells joined back
    into its head: the head takes the whole word and the tail goes (a reader of collapsed text would read the tail as
    the next row's name's start). The head is a cell with no digit that is no level-1 and, joined with the tail,
    makes a level-2 it is not already another of."""
    out = list(toks)
    j = 0
    while j < len(out):
        tail = out[j].clean
        if (not tail or len(tail) > BROKEN_TAIL_CHARS or any(map(str.isdigit, tail)) or categories.level2(tail)
                or categories.level1(tail)):
            j += 1
            continue
        head = next((k for k in range(j - 1, max(-1, j - 1 - BROKEN_TAIL_REACH), -1) if _head_of(out[k], tail, categories)),
                    None)
        if head is None:
            j += 1
            continue
        h = out[head]
        out[head] = Cell(h.col, h.start, h.end, h.text + tail)
        del out[j]
    return out


def _head_of(cell: Cell, tail: str, categories: V.Categories) -> bool:
    head = cell.clean
    if not head or len(head) > HEAD_CHARS or any(map(str.isdigit, head)) or categories.level1(head):
        return False
    joined = categories.level2(head + tail)
    return joined is not None and categories.level2(head) in (None, joined)
