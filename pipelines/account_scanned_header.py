"""The column header of an OCR'd final-accounts table: its columns in left-to-right order.

A scan's header cells stand roughly where the print put them: a group (本年支出, 预算数, 人员经费) over its leaves,
a leaf merged down over two header lines (05表's 合计 and 项目支出) printed on the upper line with nothing under it.
A header cell with a cell of a lower header line under it (display columns overlapping) is a group; the others are
the leaves, ordered by where they stand. Each group heads the leaves nearest to it below. The panels of a
two-sided or multi-panel table start at a code or label header after a value leaf.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_grid import is_amount_cell
from jixiao.pipelines.account_slips import cell_text
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.text_width import display_width

# a header cell is set apart from the next by at least this many spaces (one space is inside a cell)
_CELL_GAP = re.compile(r" {2,}")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
# a scanned header prints its words on a few lines (a group over its leaves, a word wrapped in its cell): more lines
# than this before the first body line are no header (its tree compares every cell with every other, cubic in lines)
MAX_HEADER_LINES = 12
# and a header of more cells than this (a few panels of a few dozen columns print a hundred or two) is none either
MAX_HEADER_CELLS = 400


@dataclass
class HeadCell:
    text: str
    start: int
    end: int
    x0: int  # display columns [x0, x1)
    x1: int
    line: int  # index among the header lines
    role: str = "value"
    parent: HeadCell | None = None
    column: int = -1  # the leftmost leaf column under it (a leaf: its own)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Panel:
    x: int  # where its first header cell stands
    code: bool = False
    label: bool = False
    line: bool = False
    values: list[HeadCell] = field(default_factory=list)


@dataclass
class Header:
    first: int  # the first header line (text line index)
    body: int  # the first body line
    cells: list[HeadCell]  # every header cell, columns set
    rows: int  # header lines that print cells
    panels: list[Panel]
    width: int  # columns


def _role(text: str) -> str:
    if V.ACCOUNT_CODE_HEADER.match(text):
        return "code"
    if V.ACCOUNT_LABEL_HEADER.match(text):
        return "label"
    return "line" if text == V.ACCOUNT_LINE_HEADER else "value"


def _cells(norm: NormalizedText, line: str, start: int, n: int) -> list[HeadCell]:
    """The line's cells at runs of two spaces; single characters spaced out (项    目, 收     入) joined."""
    out: list[HeadCell] = []
    pos = done = x0 = 0  # (each cell's column counted on from the one before, not from the line's start)
    for part in _CELL_GAP.split(line):
        at = line.index(part, pos) if part else pos
        pos = at + len(part)
        text = squeeze(part)
        if not text:
            continue
        x0 += display_width(line[done:at])
        done = at
        cell = HeadCell(text, start + at, start + pos, x0, x0 + display_width(part), n)
        if out and len(out[-1].text) == 1 and len(text) == 1 and not text.isdigit():
            prev = out.pop()
            cell = HeadCell(prev.text + text, prev.start, cell.end, prev.x0, cell.x1, n)
        out.append(cell)
    for c in out:
        c.role = _role(c.text)
    return out


def _is_body(line: str) -> bool:
    """A line that prints a row: an amount (slips undone) or a code at its start."""
    tokens = line.split()
    return bool(tokens) and (any("." in (t := cell_text(x)) and is_amount_cell(t) for x in tokens)
                             or bool(_CODE.match(cell_text(tokens[0]))))


def _meta(text: str) -> bool:
    return bool(V.ACCOUNT_ENTITY.search(text) or V.ACCOUNT_UNIT.search(text) or V.ACCOUNT_NUMBER.search(text)
                or not V.ACCOUNT_HEADER_WORD.search(text))


def _stub(text: str) -> bool:
    """The 栏次 row, or the row of column numbers under the header (l 2 3 4 S 6: slips undone)."""
    return text.startswith(V.ACCOUNT_STUB_ROW) or all(cell_text(t).isdigit() for t in text.split())


def _tree(cells: list[HeadCell]) -> list[HeadCell]:
    """The leaves (cells with no cell of a lower line under them), each cell's parent set."""
    def under(a: HeadCell, b: HeadCell) -> bool:
        return b.line > a.line and min(a.x1, b.x1) > max(a.x0, b.x0)

    # a cell wrapped over two header lines (年末结转 over 和结余) heads its own second line only: a leaf of the
    # next column its scan laid it over (项目支出) belongs to the group beside it
    wrapped = {id(c): d for c in cells for d in cells
               if d.line == c.line + 1 and under(c, d) and c.text + d.text in V.ACCOUNT_STANDARD_LEAVES}
    last = max(c.line for c in cells)
    groups = {id(c) for c in cells if (any(under(c, d) for d in cells) and not _leaf_name(c.text))
              or (c.text in V.ACCOUNT_SIDE_HEADS and c.line < last)}
    fronts = [c for c in cells if c.role in ("code", "label")]

    def across(g: HeadCell, c: HeadCell) -> bool:
        """A code / label header stands between them: the group heads another side or panel."""
        lo, hi = sorted((g.center, c.center))
        return any(f.line > g.line and lo < f.center < hi for f in fronts)

    for c in cells:
        above = [g for g in cells if id(g) in groups and g.line < c.line and (g.role == "value") == (c.role == "value")
                 and wrapped.get(id(g), c) is c and not across(g, c)]
        if above:
            nearest = max(g.line for g in above)
            c.parent = min((g for g in above if g.line == nearest), key=lambda g: abs(g.center - c.center))
    _repeats(cells)
    leaves = sorted((c for c in cells if id(c) not in groups), key=lambda c: c.center)
    # the value leaves in their tree's order, in the places value leaves take (code / label / 行次 stay put)
    values = iter(sorted((c for c in leaves if c.role == "value"), key=_order))
    return [next(values) if c.role == "value" else c for c in leaves]


def _order(cell: HeadCell) -> tuple[float, ...]:
    """Where a leaf stands in the header's tree, its groups' places first: a scan may lay a group's last leaf
    (公务用车运行费) past the next group's own leaf (公务接待费), the tree keeps them apart."""
    path = [cell.center]
    p = cell.parent
    while p is not None:
        path.append(p.center)
        p = p.parent
    return tuple(reversed(path))


def _leaf_name(text: str) -> bool:
    """A 三公 item that has no parts (因公出国（境）费, 公务接待费): a scan may lay it over the vehicle item's last
    part (公务用车运行费), and it heads nothing."""
    return any(rx.match(text) for rx in V.ACCOUNT_THREE_PUBLIC_ITEMS if rx is not V.ACCOUNT_VEHICLE_ITEM)


def _repeats(cells: list[HeadCell]) -> None:
    """A header line whose value cells print one run of names k times under k groups (预算数 | 决算数 over 合计 …
    公务接待费 twice): the i-th run under the i-th group, whatever the scan's positions say."""
    for n in range(1, max(c.line for c in cells) + 1):
        line = sorted((c for c in cells if c.line == n and c.role == "value"), key=lambda c: c.x0)
        parents = sorted({id(c.parent): c.parent for c in line if c.parent is not None}.values(), key=lambda g: g.x0)
        k = len(parents)
        if k < 2 or len(line) % k or len(line) == k:
            continue
        size = len(line) // k
        names = [c.text for c in line]
        if any(names[i * size:(i + 1) * size] != names[:size] for i in range(k)):
            continue
        for i, c in enumerate(line):
            c.parent = parents[i // size]


def _panels(leaves: list[HeadCell]) -> list[Panel] | None:
    # a table with no code or label column (the 三公 table's one row of amounts): one panel of values
    panels: list[Panel] = [] if any(leaf.role != "value" for leaf in leaves) else [Panel(leaves[0].x0)]
    for leaf in leaves:
        if leaf.role != "value" and (not panels or panels[-1].values):
            panels.append(Panel(leaf.x0))
        if not panels:
            return None  # a value column before any code or label header
        p = panels[-1]
        if leaf.role == "value":
            p.values.append(leaf)
        else:
            setattr(p, leaf.role, True)
    return panels if panels and all(p.values for p in panels) else None


def read_header(norm: NormalizedText, lines: list[str], starts: list[int], first: int, stop: int) -> Header | None:
    """The header between the title line's next line and the first body line, or None."""
    k = first
    while k < stop and (not lines[k].strip() or _meta(squeeze(lines[k]))) and not _is_body(lines[k]):
        k += 1
    top, cells, n = k, [], 0
    while k < stop and not _is_body(lines[k]):
        text = squeeze(lines[k])
        if text and not _stub(text):
            cells += _cells(norm, lines[k], starts[k], n)
            n += 1
        k += 1
    if not cells or k >= stop or n > MAX_HEADER_LINES or len(cells) > MAX_HEADER_CELLS:
        return None
    leaves = _tree(cells)
    panels = _panels(leaves)
    if panels is None:
        return None
    col = 0
    for p in panels:  # the columns: each panel's code, label, 行次, then its value leaves
        col += p.code + p.label + p.line
        for leaf in p.values:
            leaf.column, col = col, col + 1
    for c in cells:
        if c.role == "value" and c.column < 0:
            below = [d.column for d in cells if d.column >= 0 and _descends(d, c)]
            c.column = min(below, default=-1)
    return Header(top, k, cells, n, panels, col)


def _descends(cell: HeadCell, group: HeadCell) -> bool:
    p = cell.parent
    while p is not None:
        if p is group:
            return True
        p = p.parent
    return False


def header_rows(header: Header) -> list[list[HeadCell | None]]:
    """The header as grid rows (a cell in the column of its leftmost leaf), the code / label / 行次 headers of
    each panel on the last row."""
    rows: list[list[HeadCell | None]] = [[None] * header.width for _ in range(header.rows)]
    for c in header.cells:
        if c.role == "value" and c.column >= 0:
            if rows[c.line][c.column] is not None:
                return []
            rows[c.line][c.column] = c
    rows = [r for r in rows if any(r)] or [[None] * header.width]
    fronts = [c for c in header.cells if c.role != "value"]
    col = 0
    for p in header.panels:
        for role in ("code", "label", "line"):
            if getattr(p, role):
                # the header cell of that role nearest the body in this panel's part of the line
                mine = [c for c in fronts if c.role == role and _panel_at(header, c.x0) is p]
                rows[-1][col] = max(mine, key=lambda c: c.line) if mine else None
                col += 1
        col += len(p.values)
    return rows


# a scan's header cell may stand this many display columns left of where its panel starts
_PANEL_SLACK = 2


def _panel_at(header: Header, x: int) -> Panel:
    """The panel a header cell at display column ``x`` stands in: the last one starting at or before it (a
    side's 行次 stands nearer the next side's 项目 than its own where its label column is wide)."""
    return next((p for p in reversed(header.panels) if p.x <= x + _PANEL_SLACK), header.panels[0])
