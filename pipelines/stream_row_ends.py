"""Where an indicator row of a table printed one cell a paragraph ends when its header's count of columns does not
say it: a right-most number column the header printed no word for (not even a lone-space cell), and a row whose
分值 / 得分 cells were merged over from the row above (a rowspan printed once, in its group's first row).

Both read the cells in HTML reading order, as ``stream_row_grouper.RowGrouper`` groups them; they only read
the grouper's state, which the grouper alone changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jixiao.pipelines import vocab as V
from jixiao.pipelines.stream_cells import StreamCell, cell_kind
from jixiao.pipelines.stream_wraps import CELL_SENTENCE_END, text_and_number_columns, valueish

if TYPE_CHECKING:
    from jixiao.pipelines.stream_row_grouper import RowGrouper


def unlabeled_score(g: RowGrouper, c: StreamCell, kind: str) -> bool:
    """A bare number right after a full indicator row, where the header names no 得分 column and no reason column:
    a number never opens a row (no 序号 column), so it is the row's cell in a column the header printed without
    its word (its cell vanished, where blanks print nothing). The grouper gives its header that column, unnamed
    (the table reader reads an unlabeled right-most number as the 得分: ``RowGrouper.add_unnamed_column``), and the
    row takes the number."""
    if (kind != "num" or g.state != "ih_body" or g.tiers or g.reason or g.values <= 0 or g.since_name != g.values
            or g.next_is_value or not g.header_slots or g.header_slots[-1] is None):
        return False
    return not {"score", "serial", "reason"} & set(g.header_slots)


def opens_after_merged_numbers(g: RowGrouper, cells: list[StreamCell], k: int) -> bool:
    """The open row has its target and actual and awaits its 分值 / 得分, and cell ``k`` is words that no number
    column holds (no number, no dash, no remark or sentence) followed by a row's own target and actual: the open
    row's number cells were merged over from the row above (printed once, in the group's first row), so it ended,
    and cell ``k`` is the next row's name (its merged category cells dropped)."""
    if g.state != "ih_body" or g.tiers or g.values <= 0 or g.since_name < 1 or g.after_reason:
        return False
    if not g.cur or cell_kind(g.cur[0].clean) == "cat":
        return False  # (a row opening its group prints its own 分值 / 得分: nothing above it merges over it)
    cols = text_and_number_columns(g.header_slots)
    if cols is None or not cols[1] or not cols[0] <= g.since_name < sum(cols):
        return False
    m = cols[0]
    c = cells[k]
    if not _words(c) or valueish(c.clean) or V.REMARK.match(c.clean):
        return False
    after = cells[k + 1:k + 1 + m]
    # (the next row's target opens with a number or an operator: a remark's words never do)
    return len(after) == m and all(_words(x) or valueish(x.clean) for x in after) and valueish(after[0].clean)


def _words(c: StreamCell) -> bool:
    """A cell of plain words: not blank, no paragraph, no dash, no sentence, no category or header word."""
    return (not c.empty and not c.line and cell_kind(c.clean) == "text" and V.BLANK_VALUE.match(c.clean) is None
            and c.clean[-1] not in CELL_SENTENCE_END)


def opens_next(c: StreamCell) -> bool:
    """Cell ``c`` opens a row (a paragraph, a category word or a name), so a page break before it split no cell."""
    return c.line or cell_kind(c.clean) in ("cat", "text") and not valueish(c.clean)
