"""Final-accounts tables printed one cell per line (a PDF's or a web page's text export), as tab rows.

Under a table's title each cell stands on a line of its own (``X``, ``X |`` or ``| X |``), with or without
blank lines between cells. The printed column header tells the grid: its cells come row by row, a group
(本年支出 over 小计 / 基本支出 / 项目支出, 项目 over 科目代码 / 科目名称, 收入 / 支出 over a 总表's sides) first and
its leaves on the next header row, so the leaves are the columns. The body's cells are then cut into rows:
N cells a row where the blank cells show (an empty ``|`` cell, a longer run of blank lines, a dash), else a
row at each code (or label) with its amounts in the columns from the first value column on. The rows are
written back as tab rows (offsets kept) for the tab reader.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_grid import GridCell, GridRow, code_of, columns, is_amount_cell, sum_groups
from jixiao.pipelines.account_placement import ambiguity, place
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.printed_numbers import parse_number
from jixiao.record import AccountRow, Check, FinalAccountsTable

# a table's cells, one a line: at least this many in a run
MIN_CELLS = 6
_PIPES = re.compile(r"^[|｜\s]*$")
_CODE = re.compile(r"^\d{3,7}$")
_PART = re.compile(r"^\d{2}$")


@dataclass
class Cell:
    text: str  # squeezed
    start: int  # offsets in the normalized text ([start, end) = the printed cell; equal for a blank cell)
    end: int
    gap: int = 0  # blank lines before it


def _role(text: str) -> str:
    if V.ACCOUNT_CODE_HEADER.match(text) or text in V.ACCOUNT_CODE_PARTS:
        return "code"
    if V.ACCOUNT_LABEL_HEADER.match(text):
        return "label"
    if text == V.ACCOUNT_LINE_HEADER:
        return "line"
    return "value"


def _blank(text: str) -> bool:
    return not text or bool(V.ACCOUNT_BLANK.match(text))


def _cells(norm: NormalizedText, lines: list[tuple[int, int]]) -> list[Cell] | None:
    """The cells of lines, one a line (a pipe-only line a blank cell); None when a line holds several."""
    out: list[Cell] = []
    gap = 0
    for s, e in lines:
        raw = norm.text[s:e]
        if not raw.strip():
            if raw and "\t" in raw:  # ``X |`` cells: an empty one is a lone tab once normalized
                out.append(Cell("", s, s, gap))
                gap = 0
            else:
                gap += 1
            continue
        if "\t" in raw.strip("\t"):
            return None  # a tab row: the tab reader's
        if _PIPES.match(raw):
            out.append(Cell("", s, s, gap))
            gap = 0
            continue
        a = s + len(raw) - len(raw.lstrip("\t |｜"))
        b = e - (len(raw) - len(raw.rstrip("\t |｜")))
        out.append(Cell(squeeze(norm.text[a:b]), a, b, gap))
        gap = 0
    return out


def _header_end(cells: list[Cell], start: int) -> tuple[int, int]:
    """(end of the header cells, first body cell): the 栏次 run ends the header, else the first row anchor."""
    for i in range(start, len(cells)):
        t = cells[i].text
        if t == V.ACCOUNT_STUB_ROW:
            j = i + 1
            while j < len(cells) and (not cells[j].text or cells[j].text.isdigit()) and not _anchor(cells, j):
                j += 1
            return i, j
        if _anchor(cells, i):
            return i, i
    return len(cells), len(cells)


def _anchor(cells: list[Cell], i: int) -> bool:
    """A row starts here: a code with a name after it (past its 款/项 parts), or a total word or an ordinal
    label with an amount after it."""
    t = cells[i].text
    rest = [c.text for c in cells[i + 1:i + 6] if c.text]
    while rest and _PART.match(rest[0]):
        rest = rest[1:]
    nxt = rest[0] if rest else ""
    if _CODE.match(t) and nxt and not is_amount_cell(nxt) and not _CODE.match(nxt):
        return True
    return bool(V.ACCOUNT_TABLE_TOTAL.match(t) or V.ACCOUNT_ROW_ORDINAL.match(t)) and is_amount_cell(nxt)


def leaves(header: list[str]) -> tuple[list[int], list[int]]:
    """(group row, leaf row) of a header printed cell by cell, row by row, as indices into it (-1: blank).
    The second row starts at its first code or label header after a value header; the first code or label
    header of the first row (项目, 科目编码) heads the code and label headers that open the second; each group
    the vocabulary knows (本年支出, 预算数, 收入 …) an equal share of the value leaves left (the last one the
    rest); a first-row header with nothing under it is a leaf of its own."""
    roles = [_role(t) for t in header]
    second = next((k for k in range(1, len(header)) if roles[k] in ("code", "label")
                   and any(r == "value" for r in roles[:k])), None)
    if second is None:
        return [-1] * len(header), list(range(len(header)))
    top, low = list(range(second)), list(range(second, len(header)))
    lead = 0
    while lead < len(low) and roles[low[lead]] in ("code", "label"):
        lead += 1
    owner = next((k for k in top if roles[k] in ("code", "label")), None) if lead else None
    if owner is None:
        lead = 0
    value_groups = [k for k in top if header[k] in V.ACCOUNT_HEADER_GROUPS]
    rest = low[lead:]
    share = len(rest) // len(value_groups) if value_groups and len(rest) % len(value_groups) == 0 else 0
    g_row: list[int] = []
    l_row: list[int] = []
    pos = 0
    for k in top:
        if k == owner:
            kids = low[:lead]
        elif k in value_groups and share:
            kids = rest[pos:pos + share]
            pos += share
        elif k in value_groups and k == value_groups[-1]:
            kids = rest[pos:]
            pos = len(rest)
        else:
            g_row.append(k)
            l_row.append(-1)
            continue
        g_row += [k] + [-1] * (len(kids) - 1)
        l_row += kids
    if pos < len(rest) and not share and not value_groups:  # a second row under no group known: leaves at the end
        g_row += [-1] * len(rest)
        l_row += rest
    return g_row, l_row


def _fits(row: list[Cell], roles: list[str]) -> bool:
    for cell, role in zip(row, roles):
        t = cell.text
        if _blank(t):
            continue
        if role == "value" and not is_amount_cell(t):
            return False
        if role == "code" and code_of(t) is None and (is_amount_cell(t) or not V.ACCOUNT_TOTAL.search(t)):
            return False
        if role == "label" and is_amount_cell(t) and not _CODE.match(t):
            return False
        if role == "line" and not t.isdigit():
            return False
    return True


def _blank_cells(body: list[Cell]) -> list[Cell]:
    """The body with a blank cell for each blank line beyond the usual gap between two cells."""
    usual = Counter(c.gap for c in body[1:]).most_common(1)[0][0] if len(body) > 1 else 0
    out: list[Cell] = []
    for n, c in enumerate(body):
        extra = (c.gap - usual) // (usual + 1) if n and c.gap > usual else 0
        out += [Cell("", c.start, c.start)] * extra
        out.append(c)
    return out


def _cut(cells: list[Cell], roles: list[str], blanks: bool) -> list[list[Cell]] | None:
    """The cells cut into rows of the header's width, a total word in the code column (合计 merged over 科目代码
    and 科目名称: one cell where the row has two) taking the label column too; None where they do not come out
    even (``blanks``: the blank cells are shown, so a short last row lost only its trailing blank ones)."""
    n, rows, i = len(roles), [], 0
    merges = roles[:2] == ["code", "label"]
    while i < len(cells):
        cell = cells[i]
        nxt = cells[i + 1].text if i + 1 < len(cells) else ""
        if (merges and cell.text and code_of(cell.text) is None and V.ACCOUNT_TOTAL.search(cell.text)
                and (_blank(nxt) or is_amount_cell(nxt))):
            rows.append([cell, Cell("", cell.end, cell.end), *cells[i + 1:i + n - 1]])
            i += n - 1
        else:
            rows.append(cells[i:i + n])
            i += n
    if rows and len(rows[-1]) < n and blanks:  # the last row's blank cells: no cell after them shows their lines
        end = rows[-1][-1].end
        rows[-1] += [Cell("", end, end)] * (n - len(rows[-1]))
    return rows if rows and len(rows[-1]) == n else None


def body_rows(body: list[Cell], roles: list[str]) -> tuple[list[list[Cell]], list[int]]:
    """The body cut into rows of the header's width: N a row where that fits every row (the blank cells
    shown), else a row at each anchor with its amounts from the first value column on; and the rows whose
    amounts were so shifted (fewer than the value columns: where they belong is the identities' to say)."""
    gaps = Counter(c.gap for c in body[1:]).most_common(1)[0][0] if len(body) > 1 else 0
    for cells, blanks in ((_blank_cells(body), gaps > 0), (body, False)):
        rows = _cut(cells, roles, blanks)
        if rows and all(_fits(r, roles) for r in rows):
            return rows, []
    cells = [c for c in body if c.text]
    starts = [i for i in range(len(cells)) if _anchor(cells, i) or (i and not is_amount_cell(cells[i].text)
                                                                       and not _CODE.match(cells[i - 1].text)
                                                                       and not _PART.match(cells[i - 1].text))]
    rows = [_anchored(cells[a:b], roles) for a, b in zip(starts, [*starts[1:], len(cells)])]
    width = roles.count("value")
    shifted = [j for j, r in enumerate(rows)
               if 0 < sum(bool(c.text) for c, role in zip(r, roles) if role == "value") < width]
    return rows, shifted


def _anchored(part: list[Cell], roles: list[str]) -> list[Cell]:
    """One row found at its anchor, blank cells not shown: its code (and 款/项 parts) in the code columns, its
    words in the label column, its amounts in the value columns from the first one on."""
    def blank() -> Cell:
        return Cell("", part[0].start, part[0].start)

    row: list[Cell] = []
    k = 0
    for role in roles:
        if role == "value":
            break
        cell = part[k] if k < len(part) else None
        if cell is not None and role == "code" and (_CODE.match(cell.text) or _PART.match(cell.text)):
            row.append(cell)
            k += 1
        elif cell is not None and role == "label" and not is_amount_cell(cell.text):
            row.append(cell)
            k += 1
        elif cell is not None and role == "line" and cell.text.isdigit():
            row.append(cell)
            k += 1
        else:
            row.append(blank())
    words = [c for c in part[k:] if not is_amount_cell(c.text)]
    if words and "label" in roles[:len(row)]:  # a label cell printed across two lines (a two-sided table: the first side)
        at = roles.index("label")
        first = row[at] if row[at].text else words[0]
        row[at] = Cell(first.text + "".join(c.text for c in words if c is not first), first.start, words[-1].end)
    amounts = [c for c in part[k:] if is_amount_cell(c.text)]
    return (row + amounts + [blank()] * len(roles))[:len(roles)]


def _meta(text: str) -> bool:
    """A cell above the header that carries the table's entity, unit, year or 表号."""
    return bool(V.ACCOUNT_ENTITY.search(text) or V.ACCOUNT_UNIT.search(text) or V.ACCOUNT_NUMBER.fullmatch(text)
                or V.ACCOUNT_YEAR.fullmatch(text))


def _grid(cells: list[Cell]) -> _Grid | None:
    """One table's cells cut into its header rows and body rows."""
    start = next((i for i, c in enumerate(cells) if c.text and not _meta(c.text)
                  and V.ACCOUNT_HEADER_WORD.search(c.text)), None)
    if start is None:
        return None
    end_header, body_start = _header_end(cells, start)
    header = [c for c in cells[start:end_header] if c.text]
    body_end = next((i for i in range(body_start, len(cells))
                     if V.ACCOUNT_TABLE_END.match(cells[i].text) or V.ACCOUNT_NO_DATA.search(cells[i].text)), len(cells))
    if not header or len(cells) - start < MIN_CELLS:
        return None
    group, leaf = leaves([c.text for c in header])
    roles = [_role(header[leaf[k] if leaf[k] >= 0 else group[k]].text) for k in range(len(leaf))]
    at = header[0].start

    def row(indices: list[int]) -> list[Cell]:
        return [header[k] if k >= 0 else Cell("", at, at) for k in indices]

    rows, shifted = body_rows(cells[body_start:body_end], roles) if body_start < body_end else ([], [])
    header_rows = [row(group), row(leaf)] if any(k >= 0 for k in group) else [row(leaf)]
    return _Grid(start, header_rows, rows, body_end, roles, shifted)


@dataclass
class _Grid:
    start: int  # the first header cell
    header: list[list[Cell]]
    rows: list[list[Cell]]
    end: int  # the first cell after the body
    roles: list[str]
    shifted: list[int]  # rows whose amounts went into the value columns from the first on


@dataclass
class CellText:
    """The text with its one-cell-a-line tables written as tab rows, and the checks their reading raised
    ((original offset of the row, check): a row whose amounts fit several placements alike)."""

    norm: NormalizedText
    notes: list[tuple[int, Check]]


def _account_row(row: list[Cell], roles: list[str], keys: dict[int, str], factor: float) -> AccountRow:
    """The cells of a row as a line item (amounts in yuan), for the identities to weigh its placement."""
    code = "".join(code_of(c.text) or "" for c, role in zip(row, roles) if role == "code") or None
    label = next((c.text for c, role in zip(row, roles) if role == "label" and c.text), None)
    if label is None:  # 合计 printed in the code column
        label = next((c.text for c, role in zip(row, roles) if role == "code" and c.text and code_of(c.text) is None
                      and not is_amount_cell(c.text)), None)
    values = {keys[k]: round(parse_number(row[k].text) * factor, 2) for k in keys if is_amount_cell(row[k].text)}
    return AccountRow(code=code, label=label, values=values)


def _placed(grid: _Grid, norm: NormalizedText, title: str, unit: str | None) -> list[tuple[int, Check]]:
    """Moves each shifted row's amounts to the columns the identities choose (``account_placement``); the
    notes for the rows that fit several placements alike. Tables of one panel only (code / label / 行次, then
    the value columns)."""
    front = grid.roles.index("value") if "value" in grid.roles else len(grid.roles)
    if not grid.shifted or any(r != "value" for r in grid.roles[front:]):
        return []
    header = [GridRow([GridCell(c.text, c.text, c.start, c.end) for c in r], 0, 0) for r in grid.header]
    panels = columns(header)
    values = panels[0].role("value") if len(panels) == 1 else []
    if [c.index for c in values] != list(range(front, len(grid.roles))) or not all(c.key for c in values):
        return []
    keys = {c.index: c.key for c in values}
    factor = V.ACCOUNT_UNIT_FACTOR.get(unit or "", 1.0)
    table = FinalAccountsTable(title=title, unit=unit,
                               rows=[_account_row(r, grid.roles, keys, factor) for r in grid.rows])
    order = list(keys.values())
    notes = []
    for p in place(table, order, grid.shifted, sum_groups(header, panels)):
        row = grid.rows[p.row]
        amounts = [c for c in row[front:] if c.text]
        blank = Cell("", amounts[0].start, amounts[0].start)
        cells = [blank] * len(order)
        for at, cell in zip(p.columns, amounts):
            cells[at] = cell
        grid.rows[p.row] = row[:front] + cells
        if (check := ambiguity(table, order, p)) is not None:
            notes.append((norm.span(row[0].start, row[0].start)[0], check))
    return notes


def cell_tables(norm: NormalizedText, is_title) -> CellText | None:
    """The text with each final-accounts table printed one cell per line written as tab rows (None when it
    has none), a row's amounts placed by the identities where its blank cells are lost; ``is_title(norm,
    start, end)`` says whether a line is a table's title."""
    lines, pos = [], 0
    for line in norm.text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    titles = [i for i, (s, e) in enumerate(lines) if is_title(norm, s, e)]
    chars: list[str] = []
    offsets: list[int] = []
    done, changed = 0, False
    notes: list[tuple[int, Check]] = []
    for n, t in enumerate(titles):
        stop = titles[n + 1] if n + 1 < len(titles) else len(lines)
        cells = _cells(norm, lines[t + 1:stop])
        found = _grid(cells) if cells else None
        if found is None:
            continue
        start, header, rows, body_end = found.start, found.header, found.rows, found.end
        unit = V.ACCOUNT_UNIT.search("".join(c.text for c in cells[:start]))
        notes += _placed(found, norm, squeeze(norm.text[slice(*lines[t])]), unit.group(1) if unit else None)
        _emit(norm, lines[done][0], lines[t][1] + 1, chars, offsets)  # the text up to the title's line
        for cell in cells[:start]:
            if cell.text:
                _emit(norm, cell.start, cell.end, chars, offsets)
                _put(norm, "\n", cell.end, chars, offsets)
        for row in [*header, *rows]:
            for k, cell in enumerate(row):
                if k:
                    _put(norm, "\t", cell.start, chars, offsets)
                _emit(norm, cell.start, cell.end, chars, offsets)
            _put(norm, "\n", row[-1].end, chars, offsets)
        after = cells[body_end].start if body_end < len(cells) else lines[stop - 1][1]
        done = next((i for i in range(t + 1, stop) if lines[i][1] >= after), stop - 1)
        _put(norm, "\n", after, chars, offsets)
        changed = True
    if not changed:
        return None
    _emit(norm, lines[done][0], len(norm.text), chars, offsets)
    return CellText(norm.rewritten(chars, offsets), notes)


def _emit(norm: NormalizedText, a: int, b: int, chars: list[str], offsets: list[int]) -> None:
    chars.extend(norm.text[a:b])
    offsets.extend(norm.offsets[a:b])


def _put(norm: NormalizedText, ch: str, at: int, chars: list[str], offsets: list[int]) -> None:
    """A tab or newline the layout lost, pointing at the character at ``at``."""
    chars.append(ch)
    offsets.append(norm.offsets[min(at, len(norm.offsets) - 1)])
