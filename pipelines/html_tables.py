"""An HTML ``<table>`` as a sheet grid: the HTML table layout places the cells, ``sheet_grid`` does the rest.

Cells are placed as a browser places them: left to right in their row, skipping the positions a ``rowspan`` from a
row above covers; ``rowspan="0"`` and a rowspan past its row group reach to the group's last row; ``<thead>`` rows
come first and ``<tfoot>`` rows last. A hidden row (``display:none``) is a hidden row of the grid, a hidden cell
takes no position. The result (stored cells, merged ranges, hidden rows) is what ``shown_grid`` takes from openpyxl
or xlrd, so a table reads exactly like the same table in a workbook.

Bounds: the positions merged cells cover are counted against a budget for the whole page (each costs a character of
the rendered text at least), before any position is marked.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.errors import InputTooLargeError
from jixiao.pipelines.html_text import cell_text, shown, tag_of

# the HTML standard clamps spans to these
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
_SECTIONS = ("thead", "tbody", "tfoot")


class AreaBudget:
    """Positions merged cells may still cover on this page (``max_text_chars`` at the start)."""

    def __init__(self, limit: int, source: str | None) -> None:
        self.left = limit
        self.limit = limit
        self.source = source

    def spend(self, positions: int) -> None:
        self.left -= positions
        if self.left < 0:
            raise InputTooLargeError(f"merged cells of the page's tables cover over {self.limit} positions "
                                     "(JIXIAO_MAX_TEXT_CHARS)", source=self.source)


def row_groups(table) -> list[list]:
    """The table's own rows (not a nested table's) in display order, grouped as the rowspan="0" rule groups them."""
    head, body, foot = [], [], []
    loose: list = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            loose.append(child)
            continue
        if loose:
            body.append(loose)
            loose = []
        if tag in _SECTIONS:
            rows = [tr for tr in child if tag_of(tr) == "tr"]
            if rows:
                {"thead": head, "tbody": body, "tfoot": foot}[tag].append(rows)
    if loose:
        body.append(loose)
    return head + body + foot


def row_cells(tr) -> list:
    return [td for td in tr if tag_of(td) in ("td", "th")]


def _span(td, name: str, most: int) -> int:
    try:
        value = int((td.get(name) or "1").strip().split(".")[0])
    except ValueError:
        return 1
    return max(0, min(value, most))


def table_layout(table, budget: AreaBudget, text_of: Callable = cell_text):
    """``(cells, merged, hidden_rows)`` for ``shown_grid``: cells as (row, col, text callable), 0-based; merged
    ranges (r0, c0, r1, c1) exclusive; hidden rows as spans."""
    cells, merged, hidden_rows = [], [], []
    pending: dict[int, int] = {}  # column -> first row a rowspan from above no longer covers
    r = 0
    for group in row_groups(table):
        end = r + len(group)
        for tr in group:
            if not shown(tr):
                hidden_rows.append((r, r + 1))
            col = 0
            for td in row_cells(tr):
                if not shown(td):
                    continue  # a hidden cell takes no position: the next one moves into its place
                while pending.get(col, 0) > r:
                    col += 1
                rowspan = _span(td, "rowspan", _MAX_ROWSPAN) or end - r
                rowspan = min(rowspan, end - r)
                colspan = _span(td, "colspan", _MAX_COLSPAN) or 1
                if rowspan > 1 or colspan > 1:
                    budget.spend(rowspan * colspan)
                    merged.append((r, col, r + rowspan, col + colspan))
                if rowspan > 1:
                    for c in range(col, col + colspan):
                        pending[c] = r + rowspan
                cells.append((r, col, lambda td=td: text_of(td)))
                col += colspan
            r += 1
    return cells, merged, hidden_rows


def nested_tables(table) -> list:
    """Tables directly inside TABLE's cells (a table inside one of those is that table's business)."""
    found = []
    for group in row_groups(table):
        for tr in group:
            for td in row_cells(tr):
                found += [t for t in td.iter("table") if _owner(t) is table]
    return found


def _owner(t):
    parent = t.getparent()
    while parent is not None and tag_of(parent) != "table":
        parent = parent.getparent()
    return parent


def own_cells(table) -> int:
    return sum(len(row_cells(tr)) for group in row_groups(table) for tr in group)


def is_layout(table) -> bool:
    """A table drawn to lay the page out (a menu cell beside a content cell, a frame around a form): the tables
    nested in its cells hold more cells than it does, the rule the .docx loader applies to Word's frame tables."""
    inner = nested_tables(table)
    return bool(inner) and sum(own_cells(t) for t in inner) > own_cells(table)
