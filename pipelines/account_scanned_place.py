"""An OCR'd final-accounts table's rows as grid rows: each segment's cells in its panel's columns, a row printing
fewer amounts than value columns placed by the table's identities (``account_placement``).

The header's sums (小计 = 基本支出 + 项目支出 …, ``account_grid.sum_groups``), the rows' (类 = Σ款, 合计 = Σ类) and,
where the header prints them, 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (a blank cell is 0) choose where
a row's amounts go. A table of several panels (a two-sided 总表, a 基本支出 table) prints one value column a panel:
its amounts go in order.
"""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_checks import PRINTED_PLACE
from jixiao.pipelines.account_grid import GridCell, GridRow, columns, sum_groups
from jixiao.pipelines.account_placement import place
from jixiao.pipelines.account_scanned_header import Header, header_rows
from jixiao.pipelines.printed_numbers import parse_number
from jixiao.pipelines.text_width import display_width
from jixiao.record import AccountRow, FinalAccountsTable

Cell = list  # the tokens (objects with start / end) a grid cell prints, in order; empty: a blank cell


def _grid(rows: list[list]) -> list[GridRow]:
    return [GridRow([GridCell(c.text, c.text, c.start, c.end) if c is not None else GridCell("", "", 0, 0)
                     for c in r], 0, 0) for r in rows]


def balance(keys: list[str], factor: float):
    """A row test: 年末 = 年初 + 本年收入 − 本年支出 where the header prints all four (else None)."""
    def find(rx) -> str | None:
        return next((k for k in keys if rx.match(k.rsplit("/", 1)[-1])), None)

    opening, closing, income = find(V.ACCOUNT_OPENING_KEY), find(V.ACCOUNT_CLOSING_KEY), find(V.ACCOUNT_INCOME_KEY)
    spent = next((k for k in keys[keys.index(income) + 1:] if V.ACCOUNT_SPENT_KEY.match(k.rsplit("/", 1)[-1])),
                 None) if income else None
    if not (opening and closing and income and spent):
        return None
    # each printed figure may be off by half its last place
    slack = 4 * PRINTED_PLACE * factor / 2

    def fits(values: dict[str, float]) -> bool:
        expected = values.get(opening, 0.0) + values.get(income, 0.0) - values.get(spent, 0.0)
        return abs(values.get(closing, 0.0) - expected) <= slack

    return fits


def _fronts(seg, panel_at: int, panel) -> list[Cell]:
    out: list[Cell] = []
    if panel.code:
        out.append([seg.code] if seg.code else [])
    if panel.label:
        out.append(list(seg.label) if panel.code or not seg.code else [seg.code, *seg.label])
    elif seg.label:
        return []
    if panel.line:
        out.append([seg.line] if seg.line else [])
    return out


def placed(header: Header, rows: list[list], title: str, meta: str) -> list[list[Cell]] | None:
    """Header rows and body rows as grid rows of cells; None where a row prints more amounts than its panel
    has columns or the header does not lay out."""
    head = header_rows(header)
    if not head:
        return None
    panels = columns(_grid(head))
    if len(panels) != len(header.panels) or any(len(p.role("value")) != len(h.values)
                                                for p, h in zip(panels, header.panels)):
        return None
    offsets, col = [], 0
    for h in header.panels:
        offsets.append(col)
        col += h.code + h.label + h.line + len(h.values)
    body: list[list[Cell]] = []
    amounts: list[list] = []
    for segs in rows:
        row: list[Cell] = [[] for _ in range(header.width)]
        for seg in segs:
            h = header.panels[seg.panel]
            front = _fronts(seg, offsets[seg.panel], h)
            if len(seg.amounts) > len(h.values) or (seg.label and not h.label and not front):
                return None
            for k, cell in enumerate(front):
                row[offsets[seg.panel] + k] = cell
            first = offsets[seg.panel] + len(front)
            for k, t in enumerate(seg.amounts):
                row[first + k] = [t]
        body.append(row)
        amounts.append(segs[0].amounts if len(header.panels) == 1 else [])
    if len(header.panels) == 1:
        _place(header, panels[0], head, panels, body, amounts, title, meta)
    return [[[c] if c is not None else [] for c in r] for r in head] + body


def _place(header: Header, panel, head, panels, body: list[list[Cell]], amounts: list[list], title: str,
           meta: str) -> None:
    """Moves the amounts of each row printing fewer than the value columns to where the identities put them."""
    values = panel.role("value")
    keys = [c.key for c in values]
    width = len(keys)
    shifted = [i for i, a in enumerate(amounts) if 0 < len(a) < width]
    if not shifted or len(set(keys)) != width:
        return
    unit = V.ACCOUNT_UNIT.search(meta.replace(" ", ""))
    factor = V.ACCOUNT_UNIT_FACTOR.get(unit.group(1) if unit else "", 1.0)
    front = values[0].index
    table = FinalAccountsTable(title=title, unit=unit.group(1) if unit else None, rows=[
        AccountRow(code=next((t.text for t in body[i][0]), None) if header.panels[0].code else None,
                   label="".join(t.text for c in body[i][:front] for t in c) or None,
                   values={keys[k]: round(parse_number(t.text) * factor, 2) for k, t in enumerate(a)})
        for i, a in enumerate(amounts)])
    centers = [leaf.center for leaf in header.panels[0].values]
    for p in place(table, keys, shifted, sum_groups(_grid(head), panels), balance(keys, factor),
                   lambda i, cols: _off(cols, amounts[i], centers)):
        row = body[p.row]
        row[front:] = [[] for _ in range(width)]
        for at, t in zip(p.columns, amounts[p.row]):
            row[front + at] = [t]


def _off(cols: tuple[int, ...], tokens: list, centers: list[float]) -> float:
    """How far a placement puts a row's amounts from their columns' header cells: where the identities fit
    several placements alike (a column blank on every row can take any row's amounts), the position decides."""
    return sum(abs(t.x + display_width(t.text) / 2 - centers[c]) for c, t in zip(cols, tokens))
