"""Final-accounts tables printed with spaces for cell boundaries (a PDF's text laid out by position).

Where a table's cells are separated by runs of spaces, a blank cell is only a wider gap. The columns are
found again by position: in each block of such lines, the line with the most cells (the 栏次 row, the
header row) gives the columns' centres, in display width (a CJK character is two columns wide); every
cell of the other lines goes to the nearest column to its right of the one before. The lines are written
back as tab rows (offsets kept: an inserted tab points at the character after it) for the tab reader.
"""

from __future__ import annotations

import re
from collections import Counter

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_slips import cell_text, slips_undone
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.text_width import char_width as _char_width

# a cell boundary: two or more spaces (one space is a cell's own: 社会保障和就 业支出)
_GAP = re.compile(r" {2,}")
# a block of lines laid out so: at least this many cells a line
MIN_CELLS = 3
# a position inside a column: a cell there in this many rows
COMMON = 2
# two or more amounts a scan ran together without their gap (300.00300.00, 957,300.00812,300.00): each ends at
# its point and two decimals, and the next begins with a digit (slipped letters read as digits first)
_RUN_TOGETHER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}(?:(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2})+$")
_RUN_PIECE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}")


def run_together(text: str) -> list[tuple[int, int]]:
    """(start, end) of each amount in a cell a scan ran together (``300.00300.00``); [] for any other cell."""
    fixed = slips_undone(text)
    if not _RUN_TOGETHER.match(fixed) or cell_text(text) not in (text, fixed):  # 1.234.56 is one amount slipped
        return []
    return [m.span() for m in _RUN_PIECE.finditer(fixed)]


def line_widths(norm: NormalizedText, start: int, line: str) -> list[int]:
    """Display width of each character of a line, as printed (a full-width bracket NFKC made narrow is wide)."""
    if not norm.original:
        return [_char_width(ch) for ch in line]
    return [_char_width(norm.original[norm.offsets[start + k]]) if norm.offsets[start + k] < len(norm.original)
            else _char_width(ch) for k, ch in enumerate(line)]


def _cells(line: str, widths: list[int] | None = None) -> list[tuple[int, int, int, int]]:
    """(start, end, visual left, visual right) of each cell of a line."""
    widths = widths or [_char_width(ch) for ch in line]
    prefix = [0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    out, pos = [], 0
    for part in _GAP.split(line):
        start = line.index(part, pos) if part else pos
        end = start + len(part)
        if part.strip():
            a = start + len(part) - len(part.lstrip())
            b = end - (len(part) - len(part.rstrip()))
            pieces = run_together(line[a:b]) or [(0, b - a)]
            out.extend((a + x, a + y, prefix[a + x], prefix[a + y]) for x, y in pieces)
        pos = end
    return out


def _cell_count(line: str) -> int:
    """How many cells ``_cells`` finds on the line (without measuring them)."""
    return sum(1 for part in _GAP.split(line) if part.strip())


def _runs(covered: list[bool]) -> list[tuple[int, int]]:
    out, start = [], None
    for x, on in enumerate([*covered, False]):
        if on and start is None:
            start = x
        elif not on and start is not None:
            out.append((start, x))
            start = None
    return out


def _columns(rows: list[list[tuple[int, int, int, int]]]) -> list[tuple[int, int]]:
    """The columns of a block, from its rows that print a number: where two or more rows have a cell (a
    cell spanning columns, a total row's label, is one row), then where a lone cell stands clear of them."""
    width = max((x1 for cells in rows for *_, x1 in cells), default=0)
    count = [0] * width
    for cells in rows:
        for _, _, x0, x1 in cells:
            for x in range(x0, x1):
                count[x] += 1
    columns = _runs([c >= COMMON for c in count])
    for cells in rows:
        for _, _, x0, x1 in cells:
            if not any(x0 < b and a < x1 for a, b in columns):
                columns.append((x0, x1))
    return sorted(columns)


def _clear_headers(columns: list[tuple[int, int]], others: list[list[tuple[int, int, int, int]]]) -> list[tuple[int, int]]:
    """The columns with a column for each header cell that stands clear of them all (a column no row prints a
    number in: 事业收入 over blanks), so the header cells right of it keep their own columns; a header cell whose
    row leaves the next column to its right uncovered heads that column (科目名称 printed left of the names)."""
    out = list(columns)
    for cells in others:
        for _, _, x0, x1 in cells:
            if any(x0 < b and a < x1 for a, b in out):
                continue
            right = next((k for k, (a, _) in enumerate(out) if a >= x1), None)
            if right is not None and not any(c[2] < out[right][1] and out[right][0] < c[3] for c in cells):
                out[right] = (x0, out[right][1])  # a header printed left of its column (nothing else of its row over it)
            else:
                out.append((x0, x1))
            out.sort()
    return sorted(out)


def _assign(cells: list[tuple[int, int, int, int]], columns: list[tuple[int, int]]) -> list[int]:
    """Each cell's column: the first it overlaps (a merged header cell prints in its first column), else the
    nearest; never the column of the cell before it."""
    cols, last = [], -1
    for _, _, x0, x1 in cells:
        over = [k for k, (a, b) in enumerate(columns) if x0 < b and a < x1]
        col = over[0] if over else min(range(len(columns)), key=lambda k: abs((columns[k][0] + columns[k][1]) / 2 - (x0 + x1) / 2))
        col = max(col, last + 1)
        cols.append(col)
        last = col
    return cols


_NUMBER = re.compile(r"^-?[\d,]+(?:\.\d+)?$")
# a code printed as a cell of its own (208, 20805, 208 05 05) and one printed one space before its name
_BARE_CODE = re.compile(r"^\d{3}(?: ?\d{2}){0,2}$")
_CODE_LEAD = re.compile(r"^(\d{3}(?: ?\d{2}){0,2}) (?=[^\d\s])")


def _codes_apart(block: list, lines: list[str]) -> list:
    """Where some rows of a block print their code as a cell of its own, a row whose code stands one space
    before its name (a long code, 201 99 99, leaves the layout one space) is cut there too, so that its name
    goes to the names' column and its amounts stay in theirs."""
    if not any(len(cells) > 1 and _BARE_CODE.match(line[cells[0][0]:cells[0][1]]) for cells, line in zip(block, lines)):
        return block
    out = []
    for cells, line in zip(block, lines):
        if cells and (m := _CODE_LEAD.match(line[cells[0][0]:cells[0][1]])):
            a, b, x0, x1 = cells[0]
            k = m.end(1)
            cells = [(a, a + k, x0, x0 + k), (a + k + 1, b, x0 + k + 1, x1), *cells[1:]]
        out.append(cells)
    return out


def _code_only(parsed: list[list], lines: list[str], j: int) -> bool:
    """A line printing only a code (a row whose amounts are all blank in this block: the other columns of a table
    too wide for its page, printed on a page of their own under the rows' codes): the block goes on past it."""
    return (len(parsed[j]) == 1 and bool(_BARE_CODE.match(lines[j].strip())) and j + 1 < len(parsed)
            and len(parsed[j + 1]) >= 1)


def _coded_amount(line: str, cells) -> bool:
    """A row of two cells, a code (or a total word) and one amount: a row of such a page."""
    if len(cells) != 2:
        return False
    first, second = line[cells[0][0]:cells[0][1]], line[cells[1][0]:cells[1][1]]
    return bool((_BARE_CODE.match(first) or V.ACCOUNT_TABLE_TOTAL.match(first)) and _NUMBER.match(second)
                and "." in second)


def _numeric(line: str, cells) -> bool:
    return any(_NUMBER.match(line[a:b]) for a, b, _, _ in cells)


def _bare_run(line: str, cells) -> bool:
    """The 栏次 row printed without its word (1 2 3 … 12, each centred over its column): no data row, or its
    centred numbers stand columns of their own beside the right-aligned amounts."""
    return _counts_up([line[a:b] for a, b, _, _ in cells])


def _counts_up(texts: list[str]) -> bool:
    """``texts`` are numbers counting up by one, ``MIN_CELLS`` of them at least (a 栏次 run)."""
    return len(texts) >= MIN_CELLS and all(t.isdigit() for t in texts) \
        and [int(t) for t in texts] == list(range(int(texts[0]), int(texts[0]) + len(texts)))


def _meta(line: str) -> bool:
    """A line above the header with the table's entity or unit (单位名称：… 2024年度 单位：元): its cells are
    no columns."""
    text = squeeze(line)
    return bool(V.ACCOUNT_ENTITY.search(text) or V.ACCOUNT_UNIT.search(text))


def _stub(line: str) -> bool:
    """The 栏次 row whose spaced-out numbers normalizing closed up (栏次 1 2 3): one cell, still the header's."""
    text = squeeze(line)
    return text.startswith(V.ACCOUNT_STUB_ROW) and text[len(V.ACCOUNT_STUB_ROW):].isdigit()


def _headed(row, block: list, kinds: list[str], lines: list[str]) -> bool:
    """A lone row of numbers (a table whose only row is 合计 0.00 0.00 0.00) under a header line of the block
    with as many cells and header words in them, or under a header over the bare 栏次 run as wide (1 2 … 12)."""
    heads = [(h, line) for h, kind, line in zip(block, kinds, lines) if kind == "head"]
    return any(len(h) >= len(row) and V.ACCOUNT_HEADER_WORD.search(line) for h, line in heads) or (
        any(len(h) >= len(row) and _bare_run(line, h) for h, line in heads)
        and any(V.ACCOUNT_HEADER_WORD.search(line) for _, line in heads))


def _groups_at_first(block: list, assigned: list[list[int]], kinds: list[str], lines: list[str]) -> None:
    """A header row's lone cell over the amount columns, above a header row with several there, is a group
    merged over them all (本年支出 over 合计 | 基本支出 | 项目支出), wherever in their span the layout printed it
    (right-aligned, centred): it goes to the first of them, where a merged cell stands in a tab row."""
    first = min((c for cells, cols, line, kind in zip(block, assigned, lines, kinds) if kind == "data"
                 for (a, b, _, _), c in zip(cells, cols) if _NUMBER.match(line[a:b]) and "." in line[a:b]),
                default=None)  # an amount (a code is digits alone)
    if first is None:
        return
    over = [[n for n, c in enumerate(cols) if c >= first] if kind == "head" else []
            for cols, kind in zip(assigned, kinds)]
    wide_below = False  # a header row with several cells over the amounts below this one
    for k in range(len(assigned) - 1, -1, -1):
        if len(over[k]) == 1 and wide_below:
            assigned[k][over[k][0]] = first
        wide_below = wide_below or len(over[k]) >= 2


def _centred_groups(block: list, assigned: list[list[int]], kinds: list[str], columns: list[tuple[int, int]]) -> None:
    """A header cell a layout centred over the columns it was merged across (预算数 over six, 公务用车购置及运行费
    over 小计 | 购置费 | 运行费) goes to the first of them, where a merged cell stands in a tab row. Its columns: the
    widest run between its row's neighbour cells whose middle is its middle (within a third of the columns'
    spacing), where a header row below it, above the first row with numbers, prints two cells or more in them (a
    leaf over one column stays)."""
    if len(columns) < 2:
        return
    mids = [(a + b) / 2 for a, b in columns]
    slack = min(b - a for a, b in zip(mids, mids[1:])) / 3
    first_data = kinds.index("data") if "data" in kinds else len(kinds)
    heads = [k for k, kind in enumerate(kinds) if kind == "head" and k < first_data]  # (a name's wrapped piece is none)
    for k in reversed(heads):
        cells, cols = block[k], assigned[k]
        for n, (_, _, x0, x1) in enumerate(cells):
            lo = cells[n - 1][3] if n else float("-inf")
            hi = cells[n + 1][2] if n + 1 < len(cells) else float("inf")
            inside = [c for c, m in enumerate(mids) if lo < m < hi]
            runs = [(i, j) for i in inside for j in inside if j > i and abs((mids[i] + mids[j]) / 2 - (x0 + x1) / 2)
                    <= slack]
            runs = [(i, j) for i, j in runs if any(sum(i <= c <= j for c in assigned[m]) >= 2 for m in heads if m > k)]
            if runs:
                first = min(runs, key=lambda r: r[0] - r[1])[0]
                if (n == 0 or cols[n - 1] < first) and (n + 1 == len(cols) or first < cols[n + 1]):
                    cols[n] = first


def _header_gap(parsed: list[list], lines: list[str], j: int) -> bool:
    """A one-cell line inside a block (the header's second row under its first: 科目编码 科目名称 one space apart,
    under 项目 of a table whose code and name share a cell): the block goes on where the line after it does."""
    return len(parsed[j]) == 1 and j + 1 < len(parsed) and (len(parsed[j + 1]) >= 2 or _stub(lines[j + 1]))


def _edges(block: list[list[tuple[int, int, int, int]]], lines: list[str]) -> int:
    """How many distinct right edges the block's numbers have (few where the columns line up)."""
    return len({x1 for cells, line in zip(block, lines) for a, b, _, x1 in cells if _NUMBER.match(line[a:b])})


def _aligned(wide, narrow, lines: list[str]):
    """The block's cells measured in display width (a CJK character two columns), or one column a character
    where that lines its numbers up better (a layout that counted characters, not their width)."""
    return narrow if _edges(narrow, lines) < _edges(wide, lines) else wide


# a block whose amounts do not line up: its amounts end at more than this share of places (one a column where
# they line up), and at more than twice as many places as a row has amounts
SCATTER_SHARE = 0.5
# … over at least this many rows with numbers (fewer say nothing)
SCATTER_ROWS = 4


def _scattered(block: list, kinds: list[str], lines: list[str]) -> bool:
    """The block's cells are runs of spaces apart without lining up (a web page's cells joined by spaces, not
    laid out by position): its amounts end at many more places than a row has amounts."""
    edges = [[x1 for a, b, _, x1 in cells if _NUMBER.match(line[a:b]) and "." in line[a:b]]
             for cells, kind, line in zip(block, kinds, lines) if kind == "data"]
    edges = [e for e in edges if e]
    most = max((len(e) for e in edges), default=0)
    distinct = len({x for e in edges for x in e})
    return len(edges) >= SCATTER_ROWS and distinct > SCATTER_SHARE * sum(map(len, edges)) and distinct > 2 * most


def _leading(text: str) -> bool:
    """A header cell that heads the columns left of the amounts (项目, 科目编码, 科目名称, 栏次)."""
    return bool(V.ACCOUNT_CODE_HEADER.match(text) or V.ACCOUNT_LABEL_HEADER.match(text)
                or text in (V.ACCOUNT_STUB_ROW, V.ACCOUNT_LINE_HEADER))


def _ordered(block: list, kinds: list[str], lines: list[str]) -> list[list[int]]:
    """The columns of a scattered block's cells by their order: a data row's cell one column on from the one
    before, and one more for each blank cell the run of spaces between them crossed (the block's usual run
    between two cells, and the least extra a wider run adds, one blank cell's width); an amount never in a
    column left of the amounts. A header row with fewer cells than columns keeps its 项目 / 科目… cells at the
    left and its others at the right (项目 over code and name, then the leaves)."""
    kinds = ["stub" if squeeze(line).startswith(V.ACCOUNT_STUB_ROW) else kind for kind, line in zip(kinds, lines)]
    gaps = [cells[k][0] - cells[k - 1][1] for cells, kind in zip(block, kinds) if kind == "data"
            for k in range(1, len(cells))]
    usual = Counter(gaps).most_common(1)[0][0] if gaps else 2
    unit = min((g - usual for g in gaps if g > usual), default=usual)
    heads = [[squeeze(line[a:b]) for a, b, _, _ in cells] for cells, line in zip(block, lines)]
    widest = max((h for h, kind in zip(heads, kinds) if kind == "head"), key=len, default=[])
    data_cols: list[list[int]] = []
    for cells in block:
        cols: list[int] = []
        for k, cell in enumerate(cells):
            gap = cell[0] - cells[k - 1][1] if k else 0
            cols.append(cols[-1] + 1 + (round((gap - usual) / unit) if gap > usual and unit else 0) if k else 0)
        data_cols.append(cols)
    width = max([len(widest)] + [c[-1] + 1 for c, kind in zip(data_cols, kinds) if kind == "data" and c])
    lead = next((k for k, t in enumerate(widest) if not _leading(t)), len(widest))
    first_value = width - (len(widest) - lead) if widest else 0
    out = []
    for cells, kind, line, cols, head in zip(block, kinds, lines, data_cols, heads):
        if kind == "data":
            shift = 0
            for k, (a, b, _, _) in enumerate(cells):
                cols[k] += shift
                if _NUMBER.match(line[a:b]) and "." in line[a:b] and cols[k] < first_value:
                    shift += first_value - cols[k]  # 合计 printed over code and name: its amounts from the first column
                    cols[k] = first_value
            out.append(cols)
            continue
        if kind == "head" and all(t in V.ACCOUNT_HEADER_GROUPS for t in head) and width % len(head) == 0:
            out.append([k * width // len(head) for k in range(len(head))])  # 收入 | 支出 over the two sides
            continue
        left = next((k for k, t in enumerate(head) if not _leading(t)), len(head))
        out.append(list(range(left)) + list(range(width - (len(head) - left), width))
                   if kind == "head" and 1 < len(head) < width else list(range(len(head))))
    return out


def spaced_rows(norm: NormalizedText) -> NormalizedText | None:
    """The text with its space-laid table blocks written as tab rows; None when it has none."""
    lines = norm.text.split("\n")
    if not any("  " in line and "\t" not in line and _cell_count(line) >= MIN_CELLS for line in lines):
        return None  # no line prints a row's cells (a block's data rows have MIN_CELLS): most texts, told at once
    starts = norm.line_starts()
    parsed = [_cells(line, line_widths(norm, start, line)) if "\t" not in line and line.strip() else []
              for line, start in zip(lines, starts)]
    narrow = [_cells(line, [1] * len(line)) if cells else [] for line, cells in zip(lines, parsed)]
    chars: list[str] = []
    offsets: list[int] = []
    i, changed = 0, False
    while i < len(lines):
        j = i
        while j < len(lines) and (len(parsed[j]) >= 2 or (j > i and (_stub(lines[j]) or _header_gap(parsed, lines, j)
                                                                    or _code_only(parsed, lines, j)))):
            j += 1  # a blank line ends a block (a new page lays out anew); the 栏次 row normalized to one cell does not
        block = _codes_apart(_aligned([parsed[k] for k in range(i, j)], [narrow[k] for k in range(i, j)], lines[i:j]),
                             lines[i:j])
        kinds = ["data" if (len(cells) >= MIN_CELLS or _coded_amount(lines[k], cells)) and _numeric(lines[k], cells)
                 and not squeeze(lines[k]).startswith(V.ACCOUNT_STUB_ROW)  # 栏次 1 2 3: numbers centred, no amounts
                 and not _bare_run(lines[k], cells)
                 else "meta" if _meta(lines[k])
                 else "head" for k, cells in zip(range(i, j), block)]
        data = [cells for cells, kind in zip(block, kinds) if kind == "data"]
        if len(data) >= 2 or (data and _headed(data[0], block, kinds, lines[i:j])):
            # a block of laid-out lines, two of them rows with numbers (or one, under a header as wide)
            if _scattered(block, kinds, lines[i:j]):
                assigned = _ordered(block, kinds, lines[i:j])
            else:
                columns = _clear_headers(_columns(data), [cells for cells, kind in zip(block, kinds) if kind == "head"])
                assigned = [_assign(cells, columns) for cells in block]
                _groups_at_first(block, assigned, kinds, lines[i:j])
                _centred_groups(block, assigned, kinds, columns)
            for k, cells, cols in zip(range(i, j), block, assigned):
                _emit_row(norm, lines[k], starts[k], cells, cols, chars, offsets)
            changed = True
            i = j
            continue
        _emit(norm, starts[i], starts[i] + len(lines[i]) + (1 if i + 1 < len(lines) else 0), chars, offsets)
        i += 1
    if not changed:
        return None
    return norm.rewritten(chars, offsets)


def _emit(norm: NormalizedText, a: int, b: int, chars: list[str], offsets: list[int]) -> None:
    chars.extend(norm.text[a:b])
    offsets.extend(norm.offsets[a:b])


def _emit_row(norm: NormalizedText, line: str, start: int, cells, cols, chars, offsets) -> None:
    """The line as a tab row; a one-cell line of the block (a header row, the closed-up 栏次 row) ends in a tab,
    so that it stays a row of the table."""
    col = 0
    for (a, b, _, _), c in zip(cells, cols):
        for _ in range(c - col):
            chars.append("\t")
            offsets.append(norm.offsets[start + a])
        col = c
        if len(cells) == 1 and _counts_up(line[a:b].split()):
            # the bare 栏次 run that normalizing closed up (1 2 3 4 5 6): a cell a number, as the 栏次 row reads
            chars.extend("\t" if ch == " " else ch for ch in line[a:b])
            offsets.extend(norm.offsets[start + a:start + b])
            return _end_row(norm, line, start, chars, offsets)
        _emit(norm, start + a, start + b, chars, offsets)
    if len(cells) == 1:
        chars.append("\t")
        offsets.append(norm.offsets[start + cells[0][1] - 1])
    _end_row(norm, line, start, chars, offsets)


def _end_row(norm: NormalizedText, line: str, start: int, chars: list[str], offsets: list[int]) -> None:
    chars.append("\n")
    offsets.append(norm.offsets[min(start + len(line), len(norm.offsets) - 1)])
