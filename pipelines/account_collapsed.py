"""The final-accounts tables in text whose line breaks and tabs ran together into spaces.

Where every newline and tab became one space, a run of k spaces between two cells still says how many cells
it crossed (k - 1 of them blank); a single space between two words of text is one cell's own (社会保障和就
业支出 wrapped). So the text is cut into cells, and rows are found again at their anchors: a row of a coded
table starts at its code (or at 合计) and runs to the next; a 总表's row is found by its two 行次 (1 and 32, 2
and 33 …); a 相关信息统计表 row by its 行次. Each table is read under the standard header of its kind
(vocab's ``ACCOUNT_STANDARD_HEADERS``), the tab reader's ``read_rows`` doing the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_fragments import ORDER, TITLES, header_rows, width_of
from jixiao.pipelines.account_grid import GridCell, GridRow, code_of, columns, is_amount_cell
from jixiao.pipelines.account_placement import place
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.record import AccountRow, FinalAccountsTable

_TOKEN = re.compile(r"\S+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CODE = re.compile(r"\d{3,7}")
TWO_SIDED = ("summary", "fiscal_summary")
CODED = ("income", "expenditure", "general_budget_expenditure", "government_funds", "state_capital")


def cells_of(norm: NormalizedText, start: int, end: int) -> list[GridCell]:
    """Cells of [start, end): a run of k spaces ends a cell and crosses k - 1 blank ones; two words of text
    one space apart are one cell (a line break between them, where the text kept its rows a line, ends it).
    One pass: a cell of many words keeps its words and is joined and read once."""
    spans: list[tuple[list[str], int, int]] = []  # (words, start, end); a blank cell has no words
    prev_end = None
    cell = _OpenCell([], False, "", 0)
    for m in _TOKEN.finditer(norm.text, start, end):
        tok = m.group(0)
        gap = m.start() - prev_end if prev_end is not None else 1
        if spans and spans[-1][0] and gap == 1 and norm.text[m.start() - 1] != "\n" and cell.takes(tok):
            words, a, _ = spans[-1]
            spans[-1] = (words, a, m.end())
        else:
            spans += [([], m.start(), m.start())] * (gap - 1 if spans else 0)
            spans.append(([], m.start(), m.end()))
            cell = _OpenCell(spans[-1][0], False, "", 0)
        cell.add(tok)
        prev_end = m.end()
    return [GridCell("".join(w), norm.printed(a, b), a, b) if w else GridCell("", "", a, a) for w, a, b in spans]


@dataclass
class _OpenCell:
    """The cell words are being added to, with what the join test reads of it kept as it grows."""

    words: list[str]
    cjk: bool  # holds a CJK character
    tail: str  # its last two characters
    length: int

    def add(self, tok: str) -> None:
        self.words.append(tok)
        self.cjk = self.cjk or bool(_CJK.search(tok))
        self.tail = (self.tail + tok)[-2:]
        self.length += len(tok)

    def takes(self, tok: str) -> bool:
        """Whether TOK, one space after this cell, goes on it: two words of text (not a row's ordinal, not past a
        total or a header cell), or the words after a bare ordinal token."""
        short = "".join(self.words) if self.length <= SHORT_CELL_CHARS else None
        if self.tail.endswith(",") and short and _SEPARATOR_CUT.match(short) and _SEPARATOR_REST.match(tok):
            return True  # 1, 080.20: a scan's or a typesetter's space after a thousands separator
        if (self.cjk and _CJK.search(tok) and not V.ACCOUNT_ROW_ORDINAL.match(tok)
                and not V.ACCOUNT_TOTAL.search(self.tail)
                and tok not in V.ACCOUNT_HEADER_CELLS and short not in V.ACCOUNT_HEADER_CELLS):
            return True
        return short is not None and bool(V.ACCOUNT_ORDINAL_TOKEN.match(short))


# an amount cut after a thousands separator (1, | 080.20): the part before the space and the part after it
_SEPARATOR_CUT = re.compile(r"^-?\d{1,3}(?:,\d{3})*,$")
_SEPARATOR_REST = re.compile(r"^\d{3}(?:,\d{3})*(?:\.\d+)?$")
# a cell's text is tested whole (a header cell, a bare ordinal token) only up to this length: longer ones are neither
SHORT_CELL_CHARS = 12


def _row(cells: list[GridCell], width: int) -> GridRow:
    """A row of exactly ``width`` cells; numbers past the last column (a label merged over the panels to its
    right) fold into the last one when it is blank."""
    row = list(cells[:width]) + [GridCell("", "", 0, 0)] * max(0, width - len(cells))
    extra = [c for c in cells[width:] if is_amount_cell(c.text)]
    if extra and not row[-1].text:
        row[-1] = extra[-1]
    return GridRow(row, row[0].start, row[-1].end)


def _after_stub(cells: list[GridCell]) -> int:
    """The first cell after the 栏次 run (栏次 1 2 3 …), or 0."""
    stub = next((i for i, c in enumerate(cells) if c.text == V.ACCOUNT_STUB_ROW), None)
    if stub is None:
        return 0
    i = stub + 1
    while i < len(cells) and (not cells[i].text or cells[i].text.isdigit()) and cells[i].text != str(len(cells)):
        if cells[i].text and i + 1 < len(cells) and cells[i + 1].text and not cells[i + 1].text.isdigit():
            return i + 1
        i += 1
    return i


def coded_rows(cells: list[GridCell], width: int) -> list[GridRow]:
    """The rows of a coded table; a total row whose amount follows its word with no blank cell between (the
    blank cells lost: 合计 628.45 …; or an amount's blank printed as a dash: 合计 - 300.00 …) gets its blank name
    cell back (合计 is printed over code and name)."""
    out = []
    for r in coded_cells(cells):
        if len(r) > 1 and code_of(r[0].text) is None and (is_amount_cell(r[1].text) or _dash(r[1].text)):
            r = [r[0], GridCell("", "", r[0].end, r[0].end), *r[1:]]
        out.append(_row(r, width))
    return out


def _dash(text: str) -> bool:
    """A blank amount printed as a dash (-, ——): never a row's name."""
    return bool(text) and bool(V.ACCOUNT_BLANK.match(text))


def coded_cells(cells: list[GridCell]) -> list[list[GridCell]]:
    """Rows that start at a code followed by its name, or at a total word (合计) with a number after it."""
    skip = _after_stub(cells)

    def total(i: int) -> bool:
        """合计 with a number after it before the next words (a header cell 本年收入合计 has words next)."""
        if not (V.ACCOUNT_TOTAL.search(cells[i].text) and _CJK.search(cells[i].text)):
            return False
        for j in range(i + 1, len(cells)):  # (no copy of the rest: a slice a call was quadratic in a long row)
            c = cells[j]
            if _CJK.search(c.text):
                return False
            if is_amount_cell(c.text):
                return True
        return False

    starts = [i for i in range(skip, len(cells))
              if (_CODE.fullmatch(cells[i].text) and code_of(cells[i].text) and i + 1 < len(cells)
                  and _CJK.search(cells[i + 1].text) and not V.ACCOUNT_TOTAL.search(cells[i + 1].text))
              or total(i)]
    return [cells[a:b] for a, b in zip(starts, [*starts[1:], len(cells)])]


def sided_rows(cells: list[GridCell], width: int) -> list[GridRow]:
    """A 总表's rows: the 收入 行次 n at cell j, the 支出 行次 n + k three cells on; the label before them."""
    texts = [c.text for c in cells]
    stub = max((i for i, t in enumerate(texts) if t == V.ACCOUNT_STUB_ROW), default=-1)
    # the first row: 行次 1 (or, on a table's later page, any n) with the 支出 side's 行次 three cells on
    first = next((i for i in range(max(stub + 1, 1), len(texts) - 3) if texts[i].isdigit() and texts[i + 3].isdigit()
                  and int(texts[i + 3]) > int(texts[i]) and (texts[i] == "1" or stub < 0)), None)
    if first is None:
        return []
    line = int(texts[first])
    offset, rows, j = int(texts[first + 3]) - line, [], first
    while j is not None:
        rows.append(_row(cells[j - 1:j - 1 + width], width))
        line += 1
        j = next((i for i in range(j + 1, len(texts) - 3)
                  if texts[i] == str(line) and texts[i + 3] == str(line + offset)), None)
    return rows


def _line_pair(cells: list[GridCell], offset: int | None) -> tuple[int, int] | None:
    """(left, right) index of a 总表 line's two 行次: integer cells ``offset`` apart (any, the first time: the
    right one after its label)."""
    ints = [k for k, c in enumerate(cells) if c.text.isdigit()]
    for a in ints:
        for b in ints:
            if b <= a:
                continue
            if offset is not None and int(cells[b].text) - int(cells[a].text) == offset:
                return a, b
            if offset is None and int(cells[b].text) > int(cells[a].text) and _CJK.search(cells[b - 1].text):
                return a, b
    return None


def lined_sides(norm: NormalizedText, start: int, end: int, width: int) -> list[GridRow]:
    """A 总表 printed a row a line with its blank cells lost (one space between cells, 三、国防支出 34 with no
    amount): each line's two 行次 (a constant distance apart) cut it into its sides, each side its label before
    its 行次 and its amounts after it, in the side's amount columns from the first on (a blank printed as a dash holds its
    column)."""
    rows, offset, pos = [], None, start
    for line in norm.text[start:end].split("\n"):
        a, b, pos = pos, pos + len(line), pos + len(line) + 1
        cells = [c for c in cells_of(norm, a, b) if c.text]
        pair = _line_pair(cells, offset) if not any(c.text == V.ACCOUNT_STUB_ROW for c in cells) else None
        if pair is None:
            continue
        i, j = pair
        offset = int(cells[j].text) - int(cells[i].text)
        blank = GridCell("", "", cells[i].start, cells[i].start)
        left = [cells[i - 1] if i and _CJK.search(cells[i - 1].text) else blank, cells[i]]
        right = [cells[j - 1] if j - 1 > i and _CJK.search(cells[j - 1].text) else blank, cells[j]]
        left_amounts = [c for c in cells[i + 1:j] if is_amount_cell(c.text)][:1] or [blank]
        # a blank printed as a dash keeps its column (300.00 — 300.00 —); only blanks printed as nothing are lost
        right_amounts = [c if is_amount_cell(c.text) else GridCell("", "", c.start, c.start)
                         for c in cells[j + 1:] if is_amount_cell(c.text) or _dash(c.text)]
        rows.append(_row([*left, *left_amounts, *right, *right_amounts], width))
    return rows


def lined_rows(cells: list[GridCell], width: int) -> list[GridRow]:
    """Rows found by their 行次 (1, 2, 3 …), the label before it."""
    texts = [c.text for c in cells]
    rows, line, j = [], 1, 0
    while True:
        j = next((i for i in range(max(j, 1), len(texts)) if texts[i] == str(line) and _CJK.search(texts[i - 1])), None)
        if j is None:
            return rows
        rows.append(_row(cells[j - 1:j - 1 + width], width))
        line, j = line + 1, j + 1


INFORMATION_HEADER = (("项目", "行次", "统计数"),)


def _vertical(cells: list[GridCell]) -> bool:
    texts = [c.text for c in cells]
    return any(texts[i:i + 2] == list(V.ACCOUNT_THREE_PUBLIC_VERTICAL[1:]) for i in range(len(texts) - 1))


def _vertical_header(cells: list[GridCell]) -> tuple[str, ...]:
    """The header of a table of one item a row: 项目 | 预算数 | 决算数, with 项目 | 行次 | … where the 行次 is printed
    before the amounts."""
    texts = [c.text for c in cells]
    at = next(i for i in range(len(texts) - 1) if texts[i:i + 2] == list(V.ACCOUNT_THREE_PUBLIC_VERTICAL[1:]))
    lined = at > 0 and texts[at - 1] == V.ACCOUNT_LINE_HEADER
    head = V.ACCOUNT_THREE_PUBLIC_VERTICAL
    return (head[0], V.ACCOUNT_LINE_HEADER, *head[1:]) if lined else head


def item_rows(cells: list[GridCell], width: int) -> list[GridRow]:
    """A table of one item a row (项目 | 预算数 | 决算数): each cell of words after the header starts a row."""
    texts = [c.text for c in cells]
    head = next(i for i in range(len(texts) - 1) if texts[i:i + 2] == list(V.ACCOUNT_THREE_PUBLIC_VERTICAL[1:])) + 2
    starts = [i for i in range(head, len(cells)) if _CJK.search(texts[i])]
    return [_row(cells[a:b], width) for a, b in zip(starts, [*starts[1:], len(cells)])]


def read_collapsed(norm: NormalizedText, start: int, end: int, kind: str, factor: float, read_rows):
    """The rows of one table's span [start, end) of collapsed text (``read_rows`` is the tab reader's)."""
    cells = cells_of(norm, start, end)
    if kind in TWO_SIDED:
        width = len(V.ACCOUNT_STANDARD_HEADERS[kind][-1])
        rows = sided_rows(cells, width)
        by_line = lined_sides(norm, start, end, width) if "\n" in norm.text[start:end] else []
        rows = by_line if len(by_line) > len(rows) else rows
    elif kind in CODED:
        width = len(V.ACCOUNT_STANDARD_HEADERS[kind][-1])
        rows = coded_rows(cells, width)
    elif kind == "basic_expenditure":
        printed = _leaf_run(cells)  # the column variant (合计 | 人员经费 | 公用经费), else the panels' 决算数
        width = len(printed) if printed else 3
        rows = coded_rows(cells, width)
    elif kind == "information":
        width = 3
        rows = lined_rows(cells, width)
    elif kind == "three_public" and (grouped := _item_groups(norm, cells)) is not None:
        header, row = grouped  # the items are columns: one row of amounts under the header
        return read_rows(norm, [row], factor, header=header)
    elif kind == "three_public" and _vertical(cells):
        vertical = _vertical_header(cells)
        width = len(vertical)
        rows = item_rows(cells, width)
    else:
        return [], []
    header = header_rows(kind, width) if kind not in ("information", "basic_expenditure", "three_public") else [
        GridRow([GridCell(t, t, 0, 0) for t in r], 0, 0)
        for r in ((vertical,) if kind == "three_public" else INFORMATION_HEADER if kind == "information"
                  else (printed or V.ACCOUNT_STANDARD_HEADERS[kind][-1],))]
    if kind in CODED and header and (leaves := _printed_leaves(norm.text[start:end], width)):
        header = [*header[:-1], GridRow([GridCell(t, t, 0, 0) for t in leaves], 0, 0)]  # 合计 where it says so
    out, sums = read_rows(norm, rows, factor, header=header)
    if kind in CODED and not _spaced_rows(norm.text[start:end]) and not _blanks_printed(rows, width):
        # one space a cell: the blank cells are lost (unless every row prints its blanks as dashes)
        keys = [c.key for p in columns(header)[:1] for c in p.role("value") if c.key]
        placed(out, keys, sums)
    return out, sums


def _item_groups(norm: NormalizedText, cells: list[GridCell]) -> tuple[list[GridRow], GridRow] | None:
    """A 三公 table whose items are columns, its header one run of words before the 栏次 row: each item (合计,
    因公出国(境)费 …) over 预算数 | 决算数 (the items, then the pairs), or 预算数 and 决算数 each over the items: the
    two header rows and the one row of amounts after the 栏次 run (a blank amount printed as a dash kept)."""
    texts = [c.text for c in cells]
    stub = next((i for i, t in enumerate(texts) if t.startswith(V.ACCOUNT_STUB_ROW)
                 and t[len(V.ACCOUNT_STUB_ROW):].isdigit()), None)  # 栏次, or its run closed up (栏次123…)
    pair = list(V.ACCOUNT_THREE_PUBLIC_VERTICAL[1:])
    if stub is None:
        return None
    words = [(m.start(), m.end()) for c in cells[:stub] if c.text
             for m in _TOKEN.finditer(norm.text, c.start, c.end)]  # the words one space apart a cell joined
    run = [squeeze(norm.text[a:b]) for a, b in words]
    printed = {t: norm.printed(a, b) for t, (a, b) in zip(run, words)}
    at = next((i for i in range(len(run) - 1) if run[i:i + 2] == pair), None)
    if at is None:
        return None
    k = (len(run) - at) // 2
    if 2 <= k <= at and run[at:] == pair * k:  # the items, then 预算数 决算数 under each
        leaves = run[at:]
        top = [x for g in run[at - k:at] for x in (g, "")]
    elif at + 2 < len(run) and len(rest := run[at + 2:]) % 2 == 0 and rest[:len(rest) // 2] == rest[len(rest) // 2:]:
        leaves, half = rest, len(rest) // 2  # 预算数 and 决算数 each over the items
        top = [pair[0], *[""] * (half - 1), pair[1], *[""] * (half - 1)]
    else:
        return None
    first = _after_stub(cells) if texts[stub] == V.ACCOUNT_STUB_ROW else stub + 1
    amounts = [c for c in cells[first:] if c.text][:len(leaves)]
    if len(amounts) != len(leaves) or not all(is_amount_cell(c.text) or _dash(c.text) for c in amounts):
        return None
    header = [GridRow([GridCell(t, printed.get(t, t), 0, 0) for t in r], 0, 0) for r in (top, leaves)]
    return header, GridRow(amounts, amounts[0].start, amounts[-1].end)


def _leaf_run(cells: list[GridCell]) -> tuple[str, ...] | None:
    """The header printed as one run of words from its code header to the 栏次 row (科目编码 科目名称 合计 人员经费
    公用经费 栏次 …), where it heads one panel (one code header) with at least one value column."""
    texts = [c.text for c in cells if c.text]
    start = next((i for i, t in enumerate(texts) if V.ACCOUNT_CODE_HEADER.match(t)), None)
    if start is None or V.ACCOUNT_STUB_ROW not in texts[start:]:
        return None
    run = tuple(texts[start:texts.index(V.ACCOUNT_STUB_ROW, start)])
    if (len(run) < 3 or sum(bool(V.ACCOUNT_CODE_HEADER.match(t)) for t in run) != 1
            or any(is_amount_cell(t) or not V.ACCOUNT_HEADER_WORD.search(t) and not V.ACCOUNT_LABEL_HEADER.match(t)
                   for t in run)):
        return None
    return run


# an amount as a table row prints it (8,264,310.52, 963348.12)
_ROW_AMOUNT = re.compile(r"\d\.\d{2}(?!\d)")


def _printed_leaves(span: str, width: int) -> tuple[str, ...] | None:
    """The header's leaf row as printed, one word a column (科目代码 科目名称 合计 基本支出 项目支出): the keys of the
    values (contract: the leaf header cell as printed), where the standard header says 小计."""
    for line in span.split("\n"):
        words = tuple(line.split())
        if len(words) == width and words[0] in ("科目代码", "科目编码") and not _ROW_AMOUNT.search(line):
            return words
    return None


def _spaced_rows(span: str) -> bool:
    """The table's rows print runs of spaces between cells (a blank cell is a wider gap, not lost); a line of the
    header (部门：…      金额单位：元) may be spaced out either way."""
    return any("  " in line.strip() for line in span.split("\n") if _ROW_AMOUNT.search(line))


def _blanks_printed(rows: list[GridRow], width: int) -> bool:
    """Every row prints all its cells (a blank one as - or 0.00): its code (or 合计) and every amount; then no
    blank cell was lost and the amounts stand in their columns as read."""
    return all(r.cells[0].text and all(c.text for c in r.cells[2:width]) for r in rows)


def placed(rows: list[AccountRow], keys: list[str], sums: list[tuple[str, list[str]]]) -> None:
    """Rows whose amounts were read into the first value columns (their blank cells lost) moved to the columns
    the identities choose (``account_placement``), each amount's provenance with it."""
    shifted = [i for i, r in enumerate(rows) if 0 < len(r.values) < len(keys)]
    if not shifted:
        return
    before = {i: [rows[i].provenance.get(k) for k in keys if k in rows[i].values] for i in shifted}
    for p in place(FinalAccountsTable(title="", rows=rows), keys, shifted, sums):
        row = rows[p.row]
        for k in keys:
            row.provenance.pop(k, None)
        for c, prov in zip(p.columns, before[p.row]):
            if prov is not None:
                row.provenance[keys[c]] = prov


def _title_matches(text: str) -> Iterator[re.Match[str]]:
    """``ACCOUNT_TITLE_INLINE.finditer(text)``: each match is a whole token (whitespace or the text's edge around it),
    so it is tried only at the start of the tokens that end with a title word (a scan tries 40 characters at every
    token's start)."""
    for end in V.ACCOUNT_TITLE_INLINE_END.finditer(text):
        start = end.start()
        while start > 0 and not text[start - 1].isspace():  # (\s is what str.isspace tells)
            start -= 1
        if (m := V.ACCOUNT_TITLE_INLINE.match(text, start)) is not None:
            yield m


def title_spans(norm: NormalizedText, table_kind) -> list[tuple[int, int, str, str]]:
    """(start, end, title as printed, kind) of each title in collapsed text: a whole token ending in 决算表 /
    统计表 that names a standard table, not a contents entry (dots after it)."""
    out = []
    for m in _title_matches(norm.text):
        title = V.ACCOUNT_TITLE_ORDINAL.sub("", m.group(1))
        kind = table_kind(title)
        after = norm.text[m.end():m.end() + 8]
        if kind is None or V.ACCOUNT_PART_HEADING.match(title) or "..." in after or "…" in after:
            continue
        out.append((m.start(1), m.end(1), V.ACCOUNT_TITLE_ORDINAL.sub("", norm.printed(m.start(1), m.end(1))), kind))
    return out


def ran_together(norm: NormalizedText, table_kind, min_chars: int) -> bool:
    """A table's title on a line longer than ``min_chars`` (a collapsed text's lines: its table ran into one
    line), in a text whose other lines kept their breaks (a preview site's title and footer lines)."""
    for start, end, _, _ in title_spans(norm, table_kind):
        a = norm.text.rfind("\n", 0, start) + 1
        b = norm.text.find("\n", end)
        if (b if b >= 0 else len(norm.text)) - a > min_chars:
            return True
    return False


def read_all(norm: NormalizedText, table_kind, meta_of, read_rows) -> list[FinalAccountsTable]:
    """Every standard table of collapsed text; ``meta_of(text)`` gives (number, entity, year, unit)."""
    spans = title_spans(norm, table_kind)
    found: list[tuple[FinalAccountsTable, int, int]] = []  # the table, its title's start, where its rows end
    for n, (s, e, title, kind) in enumerate(spans):
        stop = spans[n + 1][0] if n + 1 < len(spans) else len(norm.text)
        head = V.ACCOUNT_HEADER_START.search(norm.text, e, stop)
        meta = squeeze(norm.text[e:head.start() if head else min(stop, e + 200)])
        number, entity, year, unit = meta_of(meta)
        body_end = _body_end(norm, e, stop)
        no_data = bool(V.ACCOUNT_NO_DATA.search(squeeze(norm.text[e:stop])))
        table = FinalAccountsTable(title=title or TITLES[kind], number=number, entity=entity, year=year, unit=unit,
                                   kind=kind)
        table.rows, _ = read_collapsed(norm, e, body_end, kind, V.ACCOUNT_UNIT_FACTOR.get(unit or "", 1.0), read_rows)
        table.no_data = no_data and not table.rows
        if table.rows or no_data or number:  # a contents entry names a table too, with none under it
            found.append((table, s, body_end))
    printed = {t.kind or "" for t, _, _ in found}
    tables: list[FinalAccountsTable] = []
    for n, (table, _, body_end) in enumerate(found):
        tables.append(table)
        if n + 1 < len(found):
            nxt, stop, _ = found[n + 1]
            if not V.ACCOUNT_PART_INLINE.search(norm.text, body_end, stop):
                tables += fragments(norm, body_end, stop, table.kind or "", nxt.kind, printed, table.unit,
                                    table.year, read_rows)
    return tables


def fragments(norm: NormalizedText, start: int, stop: int, after: str, before: str | None, printed: set[str],
              unit: str | None, year: int | None, read_rows) -> list[FinalAccountsTable]:
    """Tables whose first page is lost (rows with no title or header after a table's notes): the next kind
    in the printed order, not printed elsewhere, whose standard width the rows have (``account_fragments``)."""
    out: list[FinalAccountsTable] = []
    cuts = [m.start() for m in V.ACCOUNT_NOTE_INLINE.finditer(norm.text, start, stop)]
    lo = ORDER.index(after) + 1 if after in ORDER else 0
    hi = ORDER.index(before) if before in ORDER else len(ORDER)
    for a, b in zip([start, *cuts], [*cuts, stop]):
        cells = cells_of(norm, a, b)
        if not any(is_amount_cell(c.text) for c in cells):
            continue
        raw = coded_cells(cells)
        for kind in [k for k in ORDER[lo:hi] if k not in printed]:
            width = len(V.ACCOUNT_STANDARD_HEADERS.get(kind, ((),))[-1])
            if kind in TWO_SIDED:
                rows = sided_rows(cells, width)
            elif kind in CODED and len(raw) >= 2 and width_of([GridRow(r, 0, 0) for r in raw]) == width:
                rows = [_row(r, width) for r in raw]
            else:
                continue
            if len(rows) < 2:
                continue
            table = FinalAccountsTable(title=TITLES[kind], year=year, unit=unit, kind=kind, headless=True)
            table.rows, _ = read_rows(norm, rows, V.ACCOUNT_UNIT_FACTOR.get(unit or "", 1.0), header=header_rows(kind, width))
            out.append(table)
            printed = printed | {kind}
            lo = ORDER.index(kind) + 1
            break
    return out


def _body_end(norm: NormalizedText, start: int, stop: int) -> int:
    """Where a table's rows end: its note (注：…) or a part heading (第三部分), else the next title."""
    ends = [m.start() for rx in (V.ACCOUNT_NOTE_INLINE, V.ACCOUNT_PART_INLINE) if (m := rx.search(norm.text, start, stop))]
    return min(ends, default=stop)
