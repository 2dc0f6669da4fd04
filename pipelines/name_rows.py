"""An indicator's name broken over two rows (web text of a table wraps a long name cell: the row's category cells and
the name's head on one line, the name's tail and the row's values on the next) put back into one row before the
indicator rows are read."""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row

# the tail a wrapped name cell leaves on the next line (人次, 覆盖率) is at most this long; a longer first cell is a
# name of its own
NAME_TAIL_CHARS = 4
# the tail's line holds at least this many value cells after it (a target, and an actual or a verdict)
TAIL_VALUES = 2


def _name_head(row: Row, categories: V.Categories) -> Cell | None:
    """The last cell of a row printing category words, then one cell of text and nothing after it: a name whose
    values are not on its line."""
    filled = row.nonempty()
    if row.kind == "text" or len(filled) < 2 or row.cells[-1] is not filled[-1]:
        return None
    head = filled[-1].clean
    if not all(categories.level1(c.clean) or categories.level2(c.clean) for c in filled[:-1]):
        return None
    if categories.level1(head) or categories.level2(head) or any(ch.isdigit() for ch in head) \
            or V.PLACEHOLDER.match(head) or V.VALUE_PHRASE.match(head):
        return None
    return filled[-1]


def _name_tail(row: Row, categories: V.Categories) -> Cell | None:
    """The first cell of a row printed from its first column (no blank level cells before it, as web text prints a
    row) holding a short word that is no category, value or operator, with the row's values after it."""
    if row.kind == "text" or not row.cells or not row.cells[0].clean:
        return None
    tail = row.cells[0].clean
    if (len(tail) > NAME_TAIL_CHARS or categories.level1(tail) or categories.level2(tail)
            or any(ch.isdigit() for ch in tail) or V.OPERATORS.match(tail) or V.PLACEHOLDER.match(tail)
            or V.VALUE_PHRASE.match(tail) or V.INDICATOR_END.match(tail)):
        return None
    return row.cells[0] if len(row.nonempty()) > TAIL_VALUES else None


def join_wrapped_names(rows: list[Row], categories: V.Categories) -> list[Row]:
    """``rows`` with each name broken over two rows (产出指标 数量指标 老干部活动参与 / 人次 ≥8000人次 …) joined: the
    upper row's category cells, the name joined over the line break, then the lower row's values, as one row."""
    out: list[Row] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        below = rows[k + 1] if k + 1 < len(rows) else None
        head = _name_head(row, categories)
        tail = _name_tail(below, categories) if below is not None and head is not None else None
        if head is None or tail is None or below is None or tail.start < head.end:
            out.append(row)
            k += 1
            continue
        # the joined cell spans both pieces; the blanks between them stand for the line break
        name = Cell(head.col, head.start, tail.end, head.text + " " * (tail.start - head.end) + tail.text)
        cells = [c for c in row.cells if c is not head] + [name]
        cells += [Cell(len(cells) + j, c.start, c.end, c.text) for j, c in enumerate(below.cells[1:])]
        out.append(Row(row.index, row.kind, row.start, below.end, cells))
        k += 2
    return out


def _number_like(text: str) -> bool:
    """A cell a row's own 分值 / 得分 / amount would fill (10, 9.5, 1O): the start of a row, not a wrapped tail."""
    return bool(text) and text[0].isdigit() and len(text) <= NAME_TAIL_CHARS and not any(
        "\u4e00" <= ch <= "\u9fff" for ch in text)


def _category_tail(head: str, tail: str, categories: V.Categories) -> bool:
    """``tail`` is the wrapped end of the level cell ``head`` (社会效益 / 指标, 服务对象 / 满意度指标): joined they name a
    category, as the head alone does not or names it only in short."""
    if tail not in ("指标", "满意度指标") or not head:
        return False
    return bool(categories.level1(head + tail) or categories.level2(head + tail))


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _continues(row: Row, below: Row, categories: V.Categories) -> bool:
    """Whether ``below`` holds only the wrapped tails of ``row``'s cells: a scan read a row whose cells wrap (a name,
    a date, a remark) as two lines, the second with blanks in every column but the wrapped ones (| | 提升幅度 | | |)."""
    if row.kind == "text" or below.kind != row.kind or len(below.cells) != len(row.cells):
        return False
    filled = row.nonempty()
    # (a level cell's wrapped tail, 社会效益 / 指标, may stand under the row's first cell: set apart, then the rest)
    tails = [c for c in below.nonempty() if not _category_tail(row.cells[c.col].clean, c.clean, categories)]
    # (a tail stands right of the row's first cell, see the end: most lines below open at or left of it, told at once)
    if not tails or len(filled) < 2 or tails[0].col <= filled[0].col:
        return False
    if not any(_number_like(c.clean) for c in filled) and not (
            any(_has_digit(c.clean) for c in filled) and not any(_has_digit(c.clean) for c in tails)):
        # a form without 分值 / 得分 columns (a 区域 transfer table): its row shows a measure (≥78%), and the line
        # below, wrapped tails only, none (the next row would print its own target)
        return False
    if any(V.any_label(c.clean.rstrip(":：")) or c.clean in V.HEADER_WORDS for c in filled):
        return False  # a field or funds row (执行率 100% 得分 …): the line below is a value of its own
    first = filled[0].col
    # (each tail under a cell of text its line broke: a figure's cell, 100 of a 总分 row, takes no tail)
    return all(c.col > first and row.cells[c.col].clean and not _number_like(row.cells[c.col].clean)
               and not _number_like(c.clean)
               and not (categories.level1(c.clean) or categories.level2(c.clean))
               and not V.OPERATORS.match(c.clean) and not V.INDICATOR_END.match(c.clean) for c in tails)


def join_continued_cells(rows: list[Row], categories: V.Categories) -> list[Row]:
    """``rows`` with each row whose cells wrapped onto a line of their own (a scan's ruled table read line by line)
    joined: every wrapped tail after its cell's head, in reading order (contract: a cell split by the layout)."""
    out: list[Row] = []
    for row in rows:
        above = out[-1] if out else None
        if above is None or not _continues(above, row, categories):
            out.append(row)
            continue
        cells = [Cell(c.col, c.start, t.end, c.text + " " * (t.start - c.end) + t.text) if t.clean else c
                 for c, t in zip(above.cells, row.cells)]
        out[-1] = Row(above.index, above.kind, above.start, row.end, cells)
    return out
