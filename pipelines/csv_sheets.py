"""Tables published as comma-separated values (a workbook saved as CSV and put up as text): final-accounts sheets
and project self-evaluation forms alike.

Such a text prints every row of the sheet as one line, its cells split by ASCII commas, empty cells kept
(``,,``) and a cell holding a comma, a quote or a line break quoted (``"1,250,000.00"``, ``"普惠性学前教育
保障机制"``: a quoted cell may span lines). A block of such rows (at least ``MIN_LINES`` in a row, each with
``MIN_CELLS`` cells at least, most of them as many: the sheet's width) is written back as tab rows for the tab
reader: commas outside quotes become tabs, a quoted cell loses its quotes (a doubled quote inside it is one) and
its line breaks, a line of empty cells only becomes a blank line.
Offsets are kept (a tab points at its comma). Not a boundary: a full-width comma (，, prose punctuation,
though normalizing made it ASCII) and an unquoted thousands separator (a digit, the comma, three digits: a
space-laid table's ``1,250,000.00``).
"""

from __future__ import annotations

import re

from jixiao.pipelines.normalize import NormalizedText

# a block of sheet lines: this many lines in a row, each this many cells at least
MIN_LINES = 3
MIN_CELLS = 3
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")
_MARKS = re.compile(r'[",]')
# a quoted cell spans at most this many lines (a remark or a target of a few lines typed with Alt+Enter)
MAX_CELL_LINES = 6


def _commas(norm: NormalizedText, start: int, line: str) -> list[int] | None:
    """Positions (in the line) of the commas that split its cells, or None where a quote is left open."""
    out, quoted = [], False
    for m in _MARKS.finditer(line):  # (only the quotes and commas: a prose line is long)
        k = m.start()
        if line[k] == '"':
            quoted = not quoted
        elif not quoted and _ascii_comma(norm, start + k) and not _thousands(line, k):
            out.append(k)
    return None if quoted else out


def _thousands(line: str, k: int) -> bool:
    """The comma at ``k`` groups a number's thousands (1,250,000.00): one to three digits before it, not the
    decimals of a number (``120.00,130.00`` is two cells), three digits after it."""
    j = k
    while j > 0 and k - j <= 3 and line[j - 1].isdigit():
        j -= 1
    return 1 <= k - j <= 3 and (j == 0 or line[j - 1] != ".") and _THOUSANDS.match(line, k - 1) is not None


def _ascii_comma(norm: NormalizedText, pos: int) -> bool:
    """The comma was printed as an ASCII comma (normalizing folds ， into one)."""
    if not norm.original:
        return True
    o = norm.offsets[pos]
    return o < len(norm.original) and norm.original[o] == ","


def _printed_tab(norm: NormalizedText, start: int, line: str) -> bool:
    """The line holds a tab printed as one (a tab row is no sheet line); normalizing writes a run of spaces as a
    tab too (a cell indented with spaces after its comma, ``21301,  农业农村``), which is part of the cell."""
    k = line.find("\t")
    if k < 0 or not norm.original:
        return k >= 0
    while k >= 0:  # (the tabs only: a line is long, most of it no tab)
        o = norm.offsets[start + k]
        if o >= len(norm.original) or norm.original[o] == "\t":
            return True
        k = line.find("\t", k + 1)
    return False


def _rows(norm: NormalizedText) -> list[tuple[int, str, list[int] | None]]:
    """The text's rows: (start, text, the positions of its cell-splitting commas or None), a quoted cell that
    spans lines joining them into one row."""
    lines = norm.text.split("\n")
    starts = norm.line_starts()
    rows: list[tuple[int, str, list[int] | None]] = []
    i = 0
    while i < len(lines):
        line, start, j = lines[i], starts[i], i
        tabbed = _printed_tab(norm, start, line)
        splits = _commas(norm, start, line) if "," in line and not tabbed else None
        if splits is None and line.count('"') % 2 and not tabbed:
            for j in range(i + 1, min(i + MAX_CELL_LINES, len(lines))):
                joined = norm.text[start:starts[j] + len(lines[j])]
                if (splits := _commas(norm, start, joined)) is not None:
                    line = joined
                    break
            else:
                j = i
        rows.append((start, line, splits))
        i = (j if splits is not None else i) + 1
    return rows


def csv_rows(norm: NormalizedText, *, marked_share: float = 0.0) -> NormalizedText | None:
    """The text with its comma-separated blocks written as tab rows; None when it has none. A block counts only
    where ``marked_share`` of its rows at least show a sheet's marks: an empty cell or a quoted one."""
    if norm.original and norm.original.count(",") < MIN_LINES * (MIN_CELLS - 1):
        return None  # (too few ASCII commas printed for a sheet's rows: most texts, told at once)
    rows = _rows(norm)
    blocks = _blocks(rows, marked_share)
    if not blocks:
        return None  # (the text is written out only where a block changes it)
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(rows):
        if i in blocks:
            for start, line, commas in rows[i:blocks[i]]:
                _emit_row(norm, line, start, commas or [], chars, offsets)
            i = blocks[i]
            continue
        start, line, _ = rows[i]
        end = start + len(line) + (1 if i + 1 < len(rows) else 0)
        chars.extend(norm.text[start:end])
        offsets.extend(norm.offsets[start:end])
        i += 1
    return norm.rewritten(chars, offsets)


def _blocks(rows: list[tuple[int, str, list[int] | None]], marked_share: float) -> dict[int, int]:
    """The sheet blocks among the rows: the first row of each, to the row after it. In a run of sheet lines the
    block is the longest tail of the run that is padded (most of its lines, half at least, have the same number of
    cells: the sheet's width; an export pads its rows, one that drops trailing empty cells still pads the rows whose
    last cell is filled) and marked (``_marked_row``) in ``marked_share`` of its lines at least."""
    width = [len(c) + 1 if c is not None and len(c) + 1 >= MIN_CELLS else 0 for _, _, c in rows]
    blocks: dict[int, int] = {}
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and width[j]:
            j += 1
        if j - i >= MIN_LINES and (start := _tail_block(width, [_marked_row(line) for _, line, _ in rows[i:j]], i, j,
                                                         marked_share)) is not None:
            blocks[start] = j
        i = max(j, i + 1)
    return blocks


def _tail_block(width: list[int], marked: list[bool], i: int, j: int, marked_share: float) -> int | None:
    """The first row from which the run ``i``..``j`` is a block, or None: the tails are tried in order with their
    counts kept up to date as each drops its first row (tried anew from each row, a long run was quadratic)."""
    count: dict[int, int] = {}
    for w in width[i:j]:
        count[w] = count.get(w, 0) + 1
    with_count = [0] * (j - i + 1)  # how many widths are printed so many times
    for c in count.values():
        with_count[c] += 1
    top, n_marked = max(count.values(), default=0), sum(marked)
    for k in range(i, j - MIN_LINES + 1):
        if top * 2 >= j - k and n_marked >= marked_share * (j - k):  # (padded, marked)
            return k
        c = count[width[k]]
        with_count[c] -= 1
        with_count[c - 1] += 1
        count[width[k]] = c - 1
        top -= top == c and not with_count[c]
        n_marked -= marked[k - i]
    return None


def _marked_row(line: str) -> bool:
    """A row with an empty cell (two commas together, a comma ending the row) or a quoted cell."""
    return ",," in line or line.rstrip().endswith(",") or '"' in line


def _emit_row(norm: NormalizedText, line: str, start: int, commas: list[int], chars: list[str],
              offsets: list[int]) -> None:
    bounds = [-1, *commas, len(line)]
    cells = [line[a + 1:b] for a, b in zip(bounds, bounds[1:])]
    if any(c.strip().strip('"') for c in cells):
        for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
            if n:
                chars.append("\t")
                offsets.append(norm.offsets[start + a])
            _emit_cell(norm, line, start, a + 1, b, chars, offsets)
    chars.append("\n")
    offsets.append(norm.offsets[min(start + len(line), len(norm.offsets) - 1)])


def _emit_cell(norm: NormalizedText, line: str, start: int, a: int, b: int, chars: list[str],
               offsets: list[int]) -> None:
    """A cell's characters; a quoted cell without its quotes ("" inside it is one quote)."""
    keep: list[int] = list(range(a, b))
    if b - a >= 2 and line[a] == '"' and line[b - 1] == '"':
        keep, k = [], a + 1
        while k < b - 1:
            keep.append(k)
            k += 2 if line[k] == '"' and line[k + 1] == '"' else 1
    for k in keep:
        if line[k] != "\n":  # a line break inside a quoted cell: the cell goes on
            chars.append(" " if line[k] == "\t" else line[k])  # (a run of spaces normalized: no cell boundary)
            offsets.append(norm.offsets[start + k])
