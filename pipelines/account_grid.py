"""The grid of a final-accounts table: its lines cut into cells, its header rows turned into columns.

A final-accounts table (contract section 6) prints one or more header rows whose cells span the columns
below them (a group such as 本年支出 over 小计 / 基本支出 / 项目支出, 预算数 over 合计 / 因公出国(境)费 …),
then the rows. Each column gets a role (code, its 类/款/项 part, label, 行次 or value) and, for a value
column, its key: the leaf header cell, or ``group/leaf`` where two leaves of one panel share a name.
A table printed side by side (收入 left, 支出 right; the four panels of 基本支出决算明细表) is cut into
panels, each with its own code/label/行次 columns; each panel's rows are rows of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_slips import cell_text, standard_leaf, trimmed
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.printed_numbers import parse_number


@dataclass(frozen=True)
class GridCell:
    text: str  # normalized, whitespace removed: what the rules read
    printed: str  # as printed, whitespace removed: what the record holds
    start: int  # offsets in the normalized text
    end: int


@dataclass
class GridRow:
    cells: list[GridCell]
    start: int
    end: int

    def text(self, col: int) -> str:
        return self.cells[col].text if col < len(self.cells) else ""


@dataclass
class Column:
    index: int
    role: str  # code | code_part | label | line | value
    key: str = ""  # a value column's key


@dataclass
class Panel:
    columns: list[Column] = field(default_factory=list)

    def role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]


def tab_row(norm: NormalizedText, start: int, end: int) -> GridRow:
    """The line [start, end) of the normalized text cut at tabs; each cell's text without whitespace (an amount
    or code with its scan slips put right, ``account_slips``)."""
    cells, pos = [], start
    for part in norm.text[start:end].split("\t"):
        a, b = trimmed(part)  # a scan's table rule (|) beside the cell is none of it
        text = cell_text(squeeze(part[a:b]))
        cells.append(GridCell(text, norm.printed(pos + a, pos + b) if text else "", pos, pos + len(part)))
        pos += len(part) + 1
    return GridRow(cells, start, end)


def is_amount_cell(text: str) -> bool:
    return parse_number(text) is not None and not text.endswith(("%", "％", "分"))


def is_stub_row(row: GridRow) -> bool:
    """The 栏次 row under the header (栏次, 1, 2, 3 … or the bare run 1 2 3 …): no line item."""
    texts = [c.text for c in row.cells if c.text]
    if not texts:
        return False
    if V.ACCOUNT_STUB_ROW in texts or (len(texts) == 1 and texts[0].startswith(V.ACCOUNT_STUB_ROW)
                                       and texts[0][len(V.ACCOUNT_STUB_ROW):].isdigit()):
        return True  # 栏次 | 1 | 2 …, or the run closed up into one cell (栏次123)
    if len(texts) >= 3 and all(t.isdigit() for t in texts):
        nums = [int(t) for t in texts]
        return all(b == a + 1 for a, b in zip(nums, nums[1:]))
    return False


def has_amount(row: GridRow) -> bool:
    return any(is_amount_cell(c.text) for c in row.cells)


def _role(text: str) -> str:
    if V.ACCOUNT_CODE_HEADER.match(text):
        return "code"
    if text in V.ACCOUNT_CODE_PARTS:
        return "code_part"
    if V.ACCOUNT_LABEL_HEADER.match(text):
        return "label"
    if text == V.ACCOUNT_LINE_HEADER:
        return "line"
    return "value"


def _spanning(header: list[list[str]], r: int, c: int) -> str:
    """The header cell of row ``r`` over column ``c``: the cell itself, else the nearest one to its left
    (a merged cell prints in its first column and leaves the ones it covers blank)."""
    row = header[r]
    for k in range(min(c, len(row) - 1), -1, -1):
        if row[k]:
            return row[k]
    return ""


def _leaf(header: list[list[str]], c: int) -> tuple[int, str]:
    """(row, text) of the lowest header cell printed in column ``c``; (-1, "") when none."""
    for r in range(len(header) - 1, -1, -1):
        if c < len(header[r]) and header[r][c]:
            return r, header[r][c]
    return -1, ""


def _wrapped(header: list[list[str]], r: int, c: int) -> bool:
    """The leaf in row ``r`` ends a cell wrapped over two header lines: the cell above it heads this column alone
    (the next column has a cell of its own there: no group merged over several) and the two make a standard
    leaf (年初结转 + 和结余; 本年支出 over 合计 | 基本支出 … is a group)."""
    if r < 1 or c >= len(header[r - 1]) or not header[r - 1][c]:
        return False
    above = header[r - 1]
    alone = bool(above[c + 1]) if c + 1 < len(above) else c + 1 >= max(len(row) for row in header)
    return alone and header[r - 1][c] + header[r][c] in V.ACCOUNT_STANDARD_LEAVES


def columns(header_rows: list[GridRow]) -> list[Panel]:
    """The table's panels, each with its columns' roles and keys, from its header rows."""
    header = [[c.text for c in row.cells] for row in header_rows]
    printed = [[c.printed for c in row.cells] for row in header_rows]
    width = max((len(r) for r in header), default=0)
    while width and not any(c < len(r) and r[c] for r in header for c in [width - 1]):
        width -= 1
    panels: list[Panel] = [Panel()]
    leaves: dict[int, tuple[int, str]] = {}
    for c in range(width):
        r, text = _leaf(header, c)
        key = standard_leaf(printed[r][c]) if text else ""
        if text and _wrapped(header, r, c):  # 年初结转 over 和结余 in one column: one cell wrapped
            text, key, r = header[r - 1][c] + text, printed[r - 1][c] + key, r - 1
        role = _role(text) if text else "value"
        seen_value = any(col.role == "value" for col in panels[-1].columns)
        if role in ("code", "label") and seen_value:
            panels.append(Panel())
        panels[-1].columns.append(Column(c, role, key))
        leaves[c] = (r, text)
    for panel in panels:
        _keys(panel, printed, leaves)
    return [p for p in panels if p.columns]


def _keys(panel: Panel, header: list[list[str]], leaves: dict[int, tuple[int, str]]) -> None:
    """``group/leaf`` for the value columns of a panel whose leaves repeat, with the nearest header row
    above the leaves at which their groups differ."""
    by_leaf: dict[str, list[Column]] = {}
    for col in panel.role("value"):
        by_leaf.setdefault(col.key, []).append(col)
    for leaf, cols in by_leaf.items():
        if len(cols) < 2 or not leaf:
            continue
        top = min(leaves[c.index][0] for c in cols)
        for r in range(top - 1, -1, -1):
            groups = [_spanning(header, r, c.index) for c in cols]
            if len(set(groups)) > 1:
                for col, group in zip(cols, groups):
                    col.key = f"{group}/{leaf}" if group else leaf
                break


_CODE = re.compile(r"[\[【(（]?(\d{3,})[\]】)）]?")
_PART = re.compile(r"\d{2}")
_FLOAT_CODE = re.compile(r"(\d{3,7})\.0")


def code_of(text: str) -> str | None:
    """A code cell as digits (208, 2080109, [30101]; a 款/项 part 01; 2010301.0, a code a script read as a float and
    wrote back), or None when it holds no code (合计 printed in the code column, an amount)."""
    m = _CODE.fullmatch(text) or _PART.fullmatch(text) or _FLOAT_CODE.fullmatch(text)
    return (m.group(1) if m.groups() else m.group(0)) if m else None


def _span(row: list[str], c: int, lo: int, hi: int) -> tuple[int, int]:
    """[first, last] columns of the header cell of ``row`` covering column ``c`` within [lo, hi]."""
    a = c
    while a > lo and not (a < len(row) and row[a]):
        a -= 1
    b = a + 1
    while b <= hi and not (b < len(row) and row[b]):
        b += 1
    return a, b - 1


def sum_groups(header_rows: list[GridRow], panels: list[Panel]) -> list[tuple[str, list[str]]]:
    """The column identities the header prints: a total leaf (合计, 小计, 本年支出合计) equals the sum of the
    columns beside it under the same group (小计 = 基本支出 + 项目支出 under 本年支出; 合计 = 因公出国(境)费 +
    公务用车购置及运行维护费 + 公务接待费 under 预算数, the middle one by its own 小计). (total key, addend keys)."""
    header = [[c.text for c in row.cells] for row in header_rows]
    out = []
    for panel in panels:
        values = [c for c in panel.role("value") if c.key]
        if len(values) < 2:
            continue
        key_at = {c.index: c.key for c in values}
        lo, hi = values[0].index, values[-1].index
        for col in values:
            r, text = _leaf(header, col.index)
            if not V.ACCOUNT_TOTAL.search(text):
                continue
            a, b = (lo, hi) if r == 0 else _span(header[r - 1], col.index, lo, hi)
            a, b = max(a, lo), min(b, hi)
            addends: list[str] = []
            x = a
            while x <= b:
                x0, x1 = _span(header[r], x, x, b)
                if x0 != col.index:
                    sub = [k for k in range(x0, x1 + 1) if k in key_at]
                    first = _leaf(header, x0)[1] if x0 in key_at else ""
                    addends += [key_at[x0]] if x1 > x0 and V.ACCOUNT_TOTAL.search(first) else \
                        [key_at[k] for k in sub]
                x = x1 + 1
            if addends and col.key not in addends:
                out.append((col.key, addends))
    return out


def joined_codes(rows: list[GridRow], panel: Panel) -> list[str | None]:
    """Each row's code where the panel splits it into 类/款/项 columns (None where it prints no part): the
    parts it prints after the ones printed above it that it leaves blank (a merged 类 cell, or a 款 row that
    prints only 01 under the 205 of its 类 row: 20501)."""
    cols = panel.role("code_part")
    if len(cols) < 2:
        return [None] * len(rows)
    above = [""] * len(cols)
    out: list[str | None] = []
    for row in rows:
        parts = [code_of(row.text(c.index)) or "" for c in cols]
        first = next((k for k, p in enumerate(parts) if p), None)
        if first is None:
            out.append(None)
            continue
        above = [*above[:first], *parts[first:]]
        out.append("".join(above))
    return out


def _new_header(row: GridRow, seen: dict[str, set[int]]) -> bool:
    """A row of header cells inside the body (no amount; a 项目 / 科目编码 cell and a 行次 or another header word
    beside it) that prints a cell the header already read does not (a section's own header), or prints one in
    another column (a page's header repeated where a space-laid page was laid out anew: its columns moved). A
    page's header repeated as it was, or a section's shorter one (项目 | | 统计数 under 项目 | 行次 | 统计数),
    is none."""
    placed = [(k, c.text) for k, c in enumerate(row.cells) if c.text]
    texts = [t for _, t in placed]
    if len(texts) < 2 or has_amount(row):
        return False
    heads = [t for t in texts if V.ACCOUNT_LABEL_HEADER.match(t) or V.ACCOUNT_CODE_HEADER.match(t)]
    if not heads or not any(t not in heads and V.ACCOUNT_HEADER_WORD.search(t) for t in texts):
        return False
    if set(texts) - seen.keys():
        return True
    moved = [t for k, t in placed if k not in seen[t]]
    return len(moved) == len(texts)  # (every cell moved: the page's columns, not one header cell printed twice)


def _printed_at(rows: list[GridRow]) -> dict[str, set[int]]:
    """Each header text, with the columns it is printed in."""
    seen: dict[str, set[int]] = {}
    for r in rows:
        for k, c in enumerate(r.cells):
            if c.text:
                seen.setdefault(c.text, set()).add(k)
    return seen


def header_sections(header: list[GridRow], body: list[GridRow]) -> list[tuple[list[GridRow], list[GridRow]]]:
    """The body cut where it prints a header of its own: (header rows, rows under them). A table printed in
    blocks one after the other (a 总表's 收入 block, then its 支出 block with 合计 / 一般公共预算财政拨款 …) heads
    each block with its own columns; a header repeated as it was (a page break) changes nothing."""
    out: list[tuple[list[GridRow], list[GridRow]]] = [(header, [])]
    seen = _printed_at(header)
    i = 0
    while i < len(body):
        if not _new_header(body[i], seen):
            out[-1][1].append(body[i])
            i += 1
            continue
        head = [body[i]]
        i += 1
        while i < len(body) and not has_amount(body[i]) and any(c.text for c in body[i].cells) \
                and all(V.ACCOUNT_HEADER_WORD.search(c.text) for c in body[i].cells if c.text):
            head.append(body[i])  # its further header rows
            i += 1
        out.append((head, []))
        seen = _printed_at(head)
    return out


def _only(row: GridRow, cols: set[int]) -> bool:
    """The row prints something, and only in the columns ``cols``."""
    filled = {k for k, c in enumerate(row.cells) if c.text}
    return bool(filled) and filled <= cols


def _wrap_piece(text: str) -> bool:
    """A label piece that can be the tail of a name wrapped in its cell (not a total, an ordinal line or 其中)."""
    return bool(text) and not (V.ACCOUNT_TOTAL.search(text) or V.ACCOUNT_ROW_ORDINAL.match(text)
                               or V.ACCOUNT_OF_WHICH.match(text) or is_amount_cell(text))


def _joined(row: GridRow, at: int, other: GridRow, first: bool) -> GridCell:
    a, b = (row.cells[at], other.cells[at]) if first else (other.cells[at], row.cells[at])
    return GridCell(a.text + b.text, a.printed + b.printed, a.start, b.end)


def unwrapped(rows: list[GridRow], panels: list[Panel]) -> list[GridRow]:
    """The rows of a one-panel coded table with each name wrapped inside its cell joined again (a PDF's text
    lays a long name out on two lines): a line printing only a name piece under a coded row with amounts is
    the end of that row's name; a coded row with a name and no amounts over a line with no code whose name
    piece has the amounts (the cell centred its numbers on the second line) is one row."""
    if len(panels) != 1 or not (codes := panels[0].role("code") + panels[0].role("code_part")) \
            or len(labels := panels[0].role("label")) != 1:
        return rows
    at, code_cols = labels[0].index, {c.index for c in codes}
    values = [c.index for c in panels[0].role("value")]

    def has_amount(row: GridRow) -> bool:  # in a value column (a code is digits too)
        return any(is_amount_cell(row.text(c)) for c in values)
    out: list[GridRow] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        prev = out[-1] if out else None
        coded = any(row.text(c) for c in code_cols)
        if (prev is not None and _only(row, {at}) and _wrap_piece(row.text(at)) and has_amount(prev)
                and any(prev.text(c) for c in code_cols) and prev.text(at)):
            cells = list(prev.cells)
            cells[at] = _joined(prev, at, row, True)
            out[-1] = GridRow(cells, prev.start, row.end)
            k += 1
            continue
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if (nxt is not None and coded and row.text(at) and not has_amount(row) and _only(row, code_cols | {at})
                and not any(nxt.text(c) for c in code_cols) and _wrap_piece(nxt.text(at)) and has_amount(nxt)):
            cells = list(nxt.cells) + [GridCell("", "", nxt.end, nxt.end)] * (len(row.cells) - len(nxt.cells))
            for c in code_cols:
                if c < len(row.cells):
                    cells[c] = row.cells[c]
            cells[at] = _joined(nxt, at, row, False)
            out.append(GridRow(cells, row.start, nxt.end))
            k += 2
            continue
        out.append(row)
        k += 1
    return out


def spanned_totals(rows: list[GridRow], panels: list[Panel]) -> list[GridRow]:
    """A total row whose 合计 cell spans the code and name columns (an HTML colspan copied cell by cell) prints
    one cell fewer before its amounts: the first amount stands in the name column. A blank cell goes back after
    the 合计, where the row has room for it (no amount is pushed past the table's last value column)."""
    if len(panels) != 1 or not (codes := panels[0].role("code")) or len(labels := panels[0].role("label")) != 1 \
            or labels[0].index != codes[0].index + 1:
        return rows
    at, last = labels[0].index, max((c.index for c in panels[0].role("value")), default=-1)
    out = []
    for row in rows:
        if (V.ACCOUNT_TOTAL.search(row.text(at - 1)) and code_of(row.text(at - 1)) is None
                and is_amount_cell(row.text(at))
                and not any(is_amount_cell(row.text(c)) for c in range(last, len(row.cells)))):
            blank = GridCell("", "", row.cells[at].start, row.cells[at].start)
            row = GridRow([*row.cells[:at], blank, *row.cells[at:]], row.start, row.end)
        out.append(row)
    return out
