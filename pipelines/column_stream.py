"""Column stream: an indicator table whose cells a PDF text layer prints column by column, one cell a line.

``pdftotext`` without ``-layout`` writes cells in content-stream order; a table drawn column by column (a sheet's
export) comes out as each column's header word followed by its cells: 一级指标 / 产出指标 / 效益指标 … 二级指标 /
数量指标 / 数量指标 … 三级指标 / … 分值 / 20 / 10 … The 分值 and 得分 columns give the row count (a plain number a
row); a text column printing more lines than rows holds wrapped cells (a full-width line joins the next); a
level column printing fewer is merged cells, each heading the first row whose level-2 it can hold. The block is
rewritten row by row, one cell a line, as ``cell_stream`` reads tables printed that way.
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.column_pages import continued_rows
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.wrapped_cells import width

_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_ORDER = [slot for slot, _ in V.INDICATOR_HEADERS]
_FIRST = ("l1", "l2", "name")
_HEADER_WORDS = frozenset(w for words in V.INDICATOR_HEADER_WORDS.values() for w in words)
MIN_COLUMNS = 4
# the 分值 of a whole table (its indicators' and its funds' together)
TOTAL_WEIGHT = 100.0
# lines after the block where the total's label (总分, a text box of its own) may print
TOTAL_LABEL_REACH = 8
_MARGIN = re.compile(V.MARGIN_MARK)  # a page counter or a stamp ends the last column

_Line = tuple[int, int]  # (start, end) of a line in the text


def _slot(text: str) -> str | None:
    return next((slot for slot, rx in V.INDICATOR_HEADERS if rx.search(text)), None)


_FIRST_HEADERS = [rx for slot, rx in V.INDICATOR_HEADERS if slot in _FIRST]


def _opens_block(word: str) -> bool:
    """``_slot(word) in _FIRST``; the first columns' patterns asked first (most lines match none: no need to try them
    all, the unanchored 偏差原因 one included)."""
    return any(rx.search(word) for rx in _FIRST_HEADERS) and _slot(word) in _FIRST


def content_lines(text: str) -> list[_Line]:
    """(start, end) of each line with content, its edge spaces left out."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            a = pos + len(line) - len(line.lstrip())
            out.append((a, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def _block(text: str, lines: list[_Line], i: int) -> tuple[list[tuple[str, list[_Line]]], list[list[_Line]], int] | None:
    """The columns (slot, cell lines) of a block opening at line ``i``, their header lines, and the line after
    it; None where none opens there (its header words must come one column after another, with cells between)."""
    cols: list[tuple[str, list[_Line]]] = []
    heads: list[list[_Line]] = []  # each header cell's lines
    k = i
    while k < len(lines):
        word = squeeze(text[lines[k][0]:lines[k][1]])
        slot = _slot(word)
        if cols and cols[-1][1] and (two := _wrapped_header(text, lines, k)) is not None \
                and _ORDER.index(two) > _ORDER.index(cols[-1][0]):
            cols.append((two, []))  # a header word wrapped in its cell (年度 / 指标值, 实际 / 完成值)
            heads.append(lines[k:k + 2])
            k += 2
            continue
        if slot is not None and (not cols or _ORDER.index(slot) > _ORDER.index(cols[-1][0]) and cols[-1][1]):
            cols.append((slot, []))
            heads.append([lines[k]])
        elif slot is not None and cols and slot == cols[-1][0] and not cols[-1][1]:
            pass  # a header word wrapped onto a second line (偏差原因分析 / 及改进措施): the header's own
        elif not cols or slot is not None or V.INDICATOR_END.match(word) or V.TABLE_TITLE.search(word) \
                or _MARGIN.match(word) or (cols[-1][0] not in _FIRST and V.fallback_level1(word)):
            break  # (a header word out of order ends the block: each line is read once; a level-1 word after the
            # last column opens the next page's columns)
        else:
            cols[-1][1].append(lines[k])
        k += 1
    if len(cols) < MIN_COLUMNS or cols[0][0] not in _FIRST or "name" not in dict(cols):
        return None
    return cols, heads, k


def _wrapped_header(text: str, lines: list[_Line], k: int) -> str | None:
    """The column a header word wrapped over lines ``k`` and ``k + 1`` names, where neither line names it alone
    (the first names none alone: 偏差原因分析 / 及改进措施 is the reason column's own), else None."""
    if k + 1 >= len(lines):
        return None
    first, second = (squeeze(text[a:b]) for a, b in lines[k:k + 2])
    if _slot(first) is not None or first + second not in _HEADER_WORDS:
        return None
    return _slot(first + second)


def _joined(text: str, cells: list[_Line], n: int) -> list[list[_Line]] | None:
    """``cells`` grouped into ``n`` cells: the lines to join are the shortest of those under a full-width line
    (a wrapped cell fills its lines but its last: the tail is a remainder)."""
    if len(cells) < n:
        return None
    widths = [width(text[a:b]) for a, b in cells]
    widest = max(widths, default=0)
    tails = sorted((k for k in range(1, len(cells)) if widths[k - 1] >= widest), key=lambda k: (widths[k], -k))
    if len(tails) < len(cells) - n:
        return None
    joined = set(tails[:len(cells) - n])
    groups: list[list[_Line]] = []
    for k, c in enumerate(cells):
        if k in joined:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _category(text: str, slot: str) -> bool:
    return bool(V.fallback_level1(text) if slot == "l1" else V.fallback_level2(text))


def _category_cells(text: str, cells: list[_Line], slot: str) -> list[list[_Line]]:
    """A level column's lines grouped into its cells: a line that is no category word on its own joins the next
    ones until they make one (a cell wrapped at its column's width: 可持续影 / 响指标, 满意度 / 指标); a tail that
    completes the cell above (社会效益 / 指标) joins it."""
    out: list[list[_Line]] = []
    open_cell: list[_Line] = []
    for line in cells:
        word = squeeze(text[line[0]:line[1]])
        if open_cell:
            open_cell.append(line)
            if _category(_text(text, open_cell), slot):
                out.append(open_cell)
                open_cell = []
            continue
        if out and not _category(word, slot) and _category(_text(text, out[-1]) + word, slot):
            out[-1] = [*out[-1], line]
        elif _category(word, slot):
            out.append([line])
        else:
            open_cell = [line]
    if open_cell:
        out.append(open_cell)
    return out


def _table(text: str, cols: list[tuple[str, list[_Line]]]) -> list[list[list[_Line]]] | None:
    """The block's rows (each a list of cells, each a list of lines) under its columns, or None."""
    numbers = [cells for slot, cells in cols if slot in ("weight", "score")
               and cells and all(_NUMBER.match(squeeze(text[a:b])) for a, b in cells)]
    if not numbers:
        return None
    n = len(numbers[0]) - _total_lines(text, cols)
    rows: list[list[list[_Line]]] = [[[] for _ in cols] for _ in range(n)]
    levels: dict[int, list[list[_Line]]] = {}
    for j, (slot, cells) in enumerate(cols):
        if slot in ("l1", "l2"):
            words = _category_cells(text, cells, slot)
            if len(words) < n:
                levels[j] = words
                continue
            if len(words) == n:
                for r, cell in enumerate(words):
                    rows[r][j] = cell
                continue
        grouped = _joined(text, cells[:n] if slot in ("weight", "score") else cells, n)
        if grouped is None:
            if slot in ("name", "weight", "score"):
                return None
            continue  # a column whose cells cannot be told apart (remarks of some rows) is left out
        for r, cell in enumerate(grouped):
            rows[r][j] = cell
    _merged(text, cols, rows, levels)
    return rows


def _total_lines(text: str, cols: list[tuple[str, list[_Line]]]) -> int:
    """1 where the 分值 column ends in the table's total (100, more than its rows' sum) printed in the same column
    box as the rows (a PDF tool's text box of one column: the 总分 row's figures are its last lines), else 0."""
    weights = next((cells for slot, cells in cols if slot == "weight"), None)
    if not weights or len(weights) < 3:
        return 0
    values = [float(squeeze(text[a:b])) for a, b in weights]
    return 1 if values[-1] == TOTAL_WEIGHT and sum(values[:-1]) < TOTAL_WEIGHT else 0


def total_row(text: str, cols: list[tuple[str, list[_Line]]], n: int) -> list[list[_Line]]:
    """The 分值 / 得分 lines after the block's ``n`` rows (the total's), one cell each."""
    return [[cells[n]] for slot, cells in cols if slot in ("weight", "score") and len(cells) > n]


def _merged(text: str, cols: list[tuple[str, list[_Line]]], rows: list[list[list[_Line]]],
            levels: dict[int, list[list[_Line]]]) -> None:
    """Merged level-1 cells, each at the first row whose level-2 (carried down) belongs under it."""
    l2 = next((j for j, (slot, _) in enumerate(cols) if slot == "l2"), None)
    for j, cells in levels.items():
        if cols[j][0] != "l1" or l2 is None:
            continue
        r = 0
        for cell in cells:
            l1 = V.fallback_level1(_text(text, cell))
            while r < len(rows) and V.LEVEL2_PARENT.get(V.fallback_level2(_text(text, rows[r][l2])) or "") != l1:
                r += 1
            if r < len(rows):
                rows[r][j] = cell


def _text(text: str, cell: list[_Line]) -> str:
    return "".join(squeeze(text[a:b]) for a, b in cell)


def columns_as_rows(norm: NormalizedText) -> NormalizedText | None:
    """The text with each indicator block printed column by column rewritten row by row, one cell a line (None
    where it prints none)."""
    text = norm.text
    lines = content_lines(text)
    chars: list[str] = []
    offs: list[int] = []
    done = 0  # text offset written so far
    i = 0
    found = False
    while i < len(lines):
        block = _block(text, lines, i) if _opens_block(squeeze(text[lines[i][0]:lines[i][1]])) else None
        table = _table(text, block[0]) if block else None
        if block is None or table is None:
            i += 1
            continue
        cols, heads, k = block
        _copy(norm, done, lines[i][0], chars, offs)
        cells = heads + [cell for row in table for cell in row if cell]
        total = total_row(text, cols, len(table))
        label = next((ln for ln in lines[k:k + TOTAL_LABEL_REACH] if V.TOTAL_LABEL.match(squeeze(text[ln[0]:ln[1]]))), None)
        if total and label is not None:
            cells += [[label], *total]  # (its label, a box of its own, prints after the block)
        if (more := continued_rows(text, lines, k, [slot for slot, _ in cols])) is not None:
            rows, total, k = more  # (the block runs onto the next page without its header)
            cells += [cell for row in rows for cell in row if cell] + total
        for cell in cells:
            for a, b in cell:
                _copy(norm, a, b, chars, offs)
            chars.append("\n")
            offs.append(norm.offsets[cell[-1][1]])
        done = lines[k - 1][1]
        i = k
        found = True
    if not found:
        return None
    _copy(norm, done, len(text), chars, offs)
    return norm.rewritten(chars, offs)


def _copy(norm: NormalizedText, a: int, b: int, chars: list[str], offs: list[int]) -> None:
    chars.extend(norm.text[a:b])
    offs.extend(norm.offsets[a:b])
