"""The final-accounts reader: the standard tables of a 部门决算 (contract section 6) from tab rows.

A table starts at its title line (``account_titles``: 收入支出决算总表, 一般公共预算财政拨款支出决算表 …, vocab's
``ACCOUNT_TITLE`` and ``ACCOUNT_TABLE_KINDS``); the lines between the title and the first tab row carry
its 表号, entity, year and unit; the tab rows are its header (up to the 栏次 row or the first row with a
number) and its rows, up to a note (注：…), a part heading, prose or the next title. A title printed
again (续表, or the same title and 表号 after a page break) continues the table before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_checks import check_document, check_table
from jixiao.pipelines.account_collapsed import read_all as collapsed_tables
from jixiao.pipelines.account_continued import continue_rows
from jixiao.pipelines.account_fragments import TITLES, fragment_kind, header_rows, standard_width, width_of
from jixiao.pipelines.account_slips import number_text
from jixiao.pipelines.account_titles import table_kind, title_parts
from jixiao.pipelines.account_grid import (
    GridRow,
    Panel,
    code_of,
    columns,
    has_amount,
    header_sections,
    is_amount_cell,
    joined_codes,
    is_stub_row,
    spanned_totals,
    sum_groups,
    tab_row,
    unwrapped,
)
from jixiao.pipelines.layout import line_spans as _lines
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.printed_numbers import parse_number
from jixiao.record import AccountRow, FinalAccountsTable, Provenance

SOURCE = "final_accounts"
# prose lines in a row that end a table (one stray line, a page's running head, does not)
PROSE_LINES_END = 2
_CN = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


@dataclass
class _Title:
    line: int  # index into the lines
    title: str
    kind: str
    continued: bool
    number: str | None


def facts(tables: list[FinalAccountsTable]) -> int:
    """The values a reading found on rows it named (a code or a label: a row of bare numbers may be a
    misreading, such as a table printed one cell a line read as tab rows); and the one row of a 三公 table whose
    items are its columns (预算数 | 决算数 over the items: the row has no label cell)."""
    return sum(len(r.values) for t in tables for r in t.rows
               if r.code or r.label or (t.kind == "three_public" and len(t.rows) == 1))




def _cn_int(s: str) -> int | None:
    """一 .. 九十九 as a number."""
    if not s or any(c not in _CN and c != "十" for c in s):
        return None
    if "十" not in s:
        return _CN[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    return (_CN.get(tens, 0) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)


def _ordinal(label: str) -> int | None:
    m = V.ACCOUNT_ROW_ORDINAL.match(label)
    if not m:
        return None
    digits = re.sub(r"[、.．()（）]", "", m.group(0))
    return int(digits) if digits.isdigit() else _cn_int(digits)


def clean_labels(raw: list[str]) -> list[str]:
    """Labels without their leading ordinal; a bare numeral (八社会保障… where the 、 was lost) goes only
    where a neighbouring label prints the ordinal before or after it in full."""
    out = []
    for i, label in enumerate(raw):
        if (m := V.ACCOUNT_OF_WHICH.match(label)) and V.ACCOUNT_ROW_ORDINAL.match(label[m.end():]):
            out.append(label[:m.end()] + V.ACCOUNT_ROW_ORDINAL.sub("", label[m.end():]))  # 其中：（1）… keeps 其中：
            continue
        if V.ACCOUNT_ROW_ORDINAL.match(label):
            out.append(V.ACCOUNT_ROW_ORDINAL.sub("", label))
            continue
        m = V.ACCOUNT_BARE_ORDINAL.match(label)
        n = _cn_int(m.group(0)) if m else None
        prev = next((_ordinal(x) for x in reversed(raw[:i]) if x), None)
        nxt = next((_ordinal(x) for x in raw[i + 1:] if x), None)
        if n is not None and (prev == n - 1 or nxt == n + 1):
            out.append(label[m.end():])
        else:
            out.append(label)
    return out


class FinalAccountsReader:
    """Reads every standard final-accounts table of a normalized text; stateless, safe to share."""

    def read_collapsed(self, norm: NormalizedText) -> list[FinalAccountsTable]:
        """The tables of text whose newlines and tabs ran together into spaces (``account_collapsed``)."""
        doc_year = _doc_year(norm, len(norm.text))
        tables = collapsed_tables(norm, table_kind, lambda meta: _meta(meta, doc_year), read_rows)
        for table in tables:
            table.checks = check_table(table, [])
        check_document(tables)
        return tables

    def read(self, norm: NormalizedText) -> list[FinalAccountsTable]:
        lines = _lines(norm.text)
        titles = []
        for i, (s, e) in enumerate(lines):
            found = title_parts(norm, s, e)
            if found:
                text, number, continued = found
                titles.append(_Title(i, text, table_kind(squeeze(norm.text[s:e])) or "", continued, number))
        doc_year = _doc_year(norm, lines[titles[0].line][0] if titles else len(norm.text))
        found: list[tuple[int, FinalAccountsTable, list[tuple[str, list[str]]], int]] = []
        for k, t in enumerate(titles):
            stop = titles[k + 1].line if k + 1 < len(titles) else len(lines)
            read = self._table(norm, lines, t, stop, doc_year, found[-1][1] if found else None)
            if read is not None:  # a contents line names a table too, with none under it
                found.append((k, *read))
        printed = {table.kind or "" for _, table, _, _ in found}
        tables: list[FinalAccountsTable] = []
        sums: list[list[tuple[str, list[str]]]] = []
        for n, (k, table, table_sums, end) in enumerate(found):
            if tables and _continues(tables[-1], table, titles[k]):
                continue_rows(tables[-1], table, sums[-1])
            else:
                tables.append(table)
                sums.append(table_sums)
            if n + 1 < len(found):  # rows between two tables: a table whose first page is lost
                k2, after = found[n + 1][0], found[n + 1][1]
                for frag, frag_sums in _fragments(norm, lines, end, titles[k2].line, tables, after.kind or "",
                                                  printed, doc_year):
                    tables.append(frag)
                    sums.append(frag_sums)
        for table, table_sums in zip(tables, sums):
            table.checks = check_table(table, table_sums)
        check_document(tables)
        return tables

    def _table(self, norm: NormalizedText, lines: list[tuple[int, int]], t: _Title, stop: int,
               doc_year: int | None, prev: FinalAccountsTable | None
               ) -> tuple[FinalAccountsTable, list[tuple[str, list[str]]], int] | None:
        first_row = t.line + 1
        while first_row < stop and ("\t" not in norm.text[slice(*lines[first_row])]
                                    or _meta_line(norm.text[slice(*lines[first_row])])):
            first_row += 1
        meta = number_text(squeeze(norm.text[lines[t.line][1]:lines[first_row][0] if first_row < stop
                                             else lines[stop - 1][1]]))
        rows, end = _tab_rows(norm, lines, first_row, stop)
        tail = norm.text[lines[t.line][0]:lines[min(_part_end(norm, lines, end, stop), len(lines) - 1)][1]]
        no_data = bool(V.ACCOUNT_NO_DATA.search(squeeze(tail)))
        number = t.number or _search(V.ACCOUNT_NUMBER, meta, 0) or _number_above(norm, lines, t.line)
        if not rows and not no_data and number is None:
            return None  # a heading that names a table, with no table under it
        year = _search(V.ACCOUNT_YEAR, meta, 1) or _search(V.ACCOUNT_YEAR, squeeze(t.title), 1)
        unit = _search(V.ACCOUNT_UNIT, meta, 1)
        entity = _search(V.ACCOUNT_ENTITY, meta, 1)
        s, e = lines[t.line]
        if prev is not None and unit is None and squeeze(prev.title) == squeeze(t.title):
            unit = prev.unit  # a continuation prints its unit once, on the first page
        table = FinalAccountsTable(
            title=t.title, number=number, entity=entity or None, year=int(year) if year else doc_year, unit=unit,
            kind=t.kind, no_data=no_data, provenance={"title": _prov(norm, s, e)})
        table.rows, sums = read_rows(norm, rows, V.ACCOUNT_UNIT_FACTOR.get(unit or "", 1.0))
        table.no_data = no_data and not table.rows
        if not table.rows and not no_data and number is None:
            return None  # a heading over something that is no table (chart data)
        return table, sums, end


def _blocks(norm: NormalizedText, lines: list[tuple[int, int]], start: int, stop: int
            ) -> list[tuple[list[GridRow], str | None]]:
    """Runs of tab rows in lines [start, stop) (blank lines inside a run keep it going: a page break), each
    with the unit the notes under it name (or None)."""
    out: list[list] = []
    current: list | None = None
    for i in range(start, stop):
        s, e = lines[i]
        line = norm.text[s:e]
        if "\t" in line:
            if current is None:
                current = [[], None]
                out.append(current)
            current[0].append(tab_row(norm, s, e))
            continue
        text = squeeze(line)
        if V.ACCOUNT_PART_HEADING.match(text):
            break
        if text:
            if out:
                out[-1][1] = out[-1][1] or _search(V.ACCOUNT_NOTE_UNIT, text, 1)
            current = None
    return [(rows, unit) for rows, unit in out]


def _fragments(norm: NormalizedText, lines: list[tuple[int, int]], start: int, stop: int,
               tables: list[FinalAccountsTable], before: str, printed: set[str], doc_year: int | None
               ) -> list[tuple[FinalAccountsTable, list[tuple[str, list[str]]]]]:
    out = []
    for rows, unit in _blocks(norm, lines, start, stop):
        after = tables[-1].kind if tables and not out else (out[-1][0].kind if out else None)
        kind = fragment_kind(rows, after, before, printed | {t.kind for t, _ in out})
        if kind is None:
            continue
        unit = unit or (tables[-1].unit if tables else None)
        table = FinalAccountsTable(title=TITLES[kind], year=doc_year, unit=unit, kind=kind, headless=True,
                                   provenance={"title": _prov(norm, rows[0].start, rows[0].end)})
        header = header_rows(kind, width_of(rows)) or header_rows(kind, standard_width(kind))
        table.rows, sums = read_rows(norm, rows, V.ACCOUNT_UNIT_FACTOR.get(unit or "", 1.0), header=header)
        out.append((table, sums))
    return out


def _meta(meta: str, doc_year: int | None) -> tuple[str | None, str | None, int | None, str | None]:
    """(表号, entity, year, unit) printed above a table (squeezed text)."""
    year = _search(V.ACCOUNT_YEAR, meta, 1)
    return (_search(V.ACCOUNT_NUMBER, meta, 0), _search(V.ACCOUNT_ENTITY, meta, 1) or None,
            int(year) if year else doc_year, _search(V.ACCOUNT_UNIT, meta, 1))


def _number_above(norm: NormalizedText, lines: list[tuple[int, int]], at: int) -> str | None:
    """The 表号 printed alone on the nearest printed line above the title (公开01表 over 收入支出决算总表)."""
    above = next((squeeze(norm.printed(*lines[i])) for i in range(at - 1, max(at - 3, -1), -1)
                  if squeeze(norm.text[slice(*lines[i])])), "")
    return m.group(1) if (m := V.ACCOUNT_NUMBER_ABOVE.match(above)) else None


def _meta_line(line: str) -> bool:
    """A line above the header that carries the table's entity, unit, year or 表号 (in cells or not)."""
    text = squeeze(line)
    return bool(V.ACCOUNT_ENTITY.search(text) or V.ACCOUNT_UNIT.search(text)
                or V.ACCOUNT_NUMBER.fullmatch(text) or V.ACCOUNT_YEAR.fullmatch(text))


def _continues(prev: FinalAccountsTable, table: FinalAccountsTable, t: _Title) -> bool:
    if squeeze(prev.title) != squeeze(table.title):
        return False
    return t.continued or table.number is None or table.number == prev.number


def _search(rx: re.Pattern, text: str, group: int) -> str | None:
    m = rx.search(text)
    return m.group(group).rstrip(":：") if m else None


def _doc_year(norm: NormalizedText, before: int) -> int | None:
    m = V.ACCOUNT_YEAR.search(norm.text[:before])
    return int(m.group(1)) if m else None


def _prov(norm: NormalizedText, start: int, end: int) -> Provenance:
    s, e = norm.span(start, end)
    return Provenance(start=s, end=e, source=SOURCE)


def _part_end(norm: NormalizedText, lines: list[tuple[int, int]], start: int, stop: int) -> int:
    """The line where the table's notes end: a part heading, else the next title."""
    for i in range(start, stop):
        if V.ACCOUNT_PART_HEADING.match(squeeze(norm.text[slice(*lines[i])])):
            return i
    return stop - 1 if stop > start else start


def _tab_rows(norm: NormalizedText, lines: list[tuple[int, int]], first: int, stop: int) -> tuple[list[GridRow], int]:
    """The table's tab rows from line ``first``: up to a note, a part heading or prose; and the line it ended at."""
    rows: list[GridRow] = []
    prose = 0
    i = first
    for i in range(first, stop):
        s, e = lines[i]
        line = norm.text[s:e]
        if "\t" in line:
            rows.append(tab_row(norm, s, e))
            prose = 0
            continue
        text = squeeze(line)
        if not text:
            continue
        if V.ACCOUNT_TABLE_END.match(text) or V.ACCOUNT_NO_DATA.search(text):
            break
        prose += 1
        if prose >= PROSE_LINES_END:
            break
    return rows, i


def read_rows(norm: NormalizedText, rows: list[GridRow], factor: float, header: list[GridRow] | None = None
              ) -> tuple[list[AccountRow], list[tuple[str, list[str]]]]:
    """The line items of the tab rows: the header rows (up to the 栏次 row or the first row with a number;
    or the standard ``header`` of a table that lost its own) give the columns, each panel of each later row
    gives a row."""
    k = 0
    if header is None:
        header = []
        while k < len(rows) and not has_amount(rows[k]) and not is_stub_row(rows[k]):
            header.append(rows[k])
            k += 1
    if k < len(rows) and is_stub_row(rows[k]):
        k += 1
    if not any(V.ACCOUNT_HEADER_WORD.search(c.text) for r in header for c in r.cells):
        return [], []  # no column header: no table (chart data under a heading)
    out: list[AccountRow] = []
    sums: list[tuple[str, list[str]]] = []
    for head, body in header_sections(header, [r for r in rows[k:] if not is_stub_row(r)]):
        panels = columns(head)
        # (a section headed as one before it adds no sums: each is checked on every row of the table, once)
        sums += [g for g in sum_groups(head, panels) if g not in sums]
        out += _body_rows(norm, unwrapped(spanned_totals(body, panels), panels), panels, factor)
    return out, sums


def _body_rows(norm: NormalizedText, body: list[GridRow], panels: list[Panel], factor: float) -> list[AccountRow]:
    per_panel = [[_cell(r, p, "label") for r in body] for p in panels]
    labels = [clean_labels(raw) for raw in per_panel]
    counts = [count_rows(raw) for raw in per_panel]
    codes = [joined_codes(body, p) for p in panels]
    out: list[AccountRow] = []
    for j, row in enumerate(body):
        items = [_panel_row(norm, row, p, labels[n][j], 1.0 if counts[n][j] else factor, codes[n][j])
                 for n, p in enumerate(panels)]
        _merge_across(items)
        for n, item in enumerate(items):
            if item is not None and item.row.values:
                item.row.panel = n
                out.append(item.row)
    return out


def _level(label: str) -> int | None:
    """The outline level of a label's ordinal: 一、 1, (一) 2, 1. 3; None without one."""
    m = V.ACCOUNT_ROW_ORDINAL.match(label)
    if not m:
        return None
    mark = m.group(0)
    return 2 if mark[0] in "(（" else 3 if mark[0].isdigit() else 1


def count_rows(raw: list[str]) -> list[bool]:
    """Rows that count (车辆数合计(辆)) rather than sum money: a label naming a count unit, and the rows
    under it in the outline (1. 主要负责人用车 under (一) 车辆数合计(辆)), whose amounts stay as printed."""
    out, scope = [], None  # the level of the row that named the unit
    for label in raw:
        level = _level(label)
        if scope is not None and level is not None and level <= scope:
            scope = None
        if label and V.ACCOUNT_COUNT_UNIT.search(label):
            scope = level if level is not None else 0
            out.append(True)
            continue
        out.append(scope is not None and scope > 0 and level is not None)
    return out


def _cell(row: GridRow, panel: Panel, role: str) -> str:
    """The printed cell of the panel's column in that role; a label printed in the code column (合计)."""
    cols = panel.role(role)
    text = row.cells[cols[0].index].printed if cols and cols[0].index < len(row.cells) else ""
    if role == "label" and not text:
        code = panel.role("code") or panel.role("code_part")
        if code and code[0].index < len(row.cells):
            cell = row.cells[code[0].index]
            if cell.text and code_of(cell.text) is None and not is_amount_cell(cell.text):
                return cell.printed
    return text


@dataclass
class _Item:
    row: AccountRow
    spill: list[float]  # amounts printed in this panel's code or label column (a merged cell's number)
    key: str | None  # the panel's last value column
    factor: float


def _panel_row(norm: NormalizedText, row: GridRow, panel: Panel, label: str, factor: float,
               joined: str | None = None) -> _Item | None:
    cells = row.cells
    item = AccountRow()
    spill = [v for c in panel.columns if c.role in ("code", "code_part", "label") and c.index < len(cells)
             and (v := _amount(cells[c.index].text)) is not None and code_of(cells[c.index].text) is None]
    if label and _amount(squeeze(label)) is not None:
        label = ""
    codes, values = panel.role("code"), panel.role("value")  # (asked once a row: each asks all the columns)
    code_cols = codes or panel.role("code_part")
    code = joined or "".join(code_of(cells[c.index].text) or "" for c in code_cols if c.index < len(cells)) or None
    if label and code is None and (m := V.ACCOUNT_LABEL_CODE.match(label)):
        code, label = m.group(1), label[m.end():].lstrip("-—:： ")
    item.code, item.label = code, label or None
    for c in panel.role("line"):
        if c.index < len(cells) and cells[c.index].text.isdigit():
            item.line = int(cells[c.index].text)
    if item.label is not None:  # the label's own cell, or the code column's (合计 printed there)
        col = next((c.index for c in [*panel.role("label"), *codes]
                    if c.index < len(cells) and cells[c.index].text), None)
        if col is not None:
            item.provenance["label"] = _prov(norm, cells[col].start, cells[col].end)
    for c in values:
        if c.index >= len(cells) or not c.key:
            continue
        cell = cells[c.index]
        value = _amount(cell.text)
        if value is not None:
            item.values[c.key] = round(value * factor, 2)
            item.provenance[c.key] = _prov(norm, cell.start, cell.end)
    keys = [c.key for c in values if c.key]
    if not (item.label or item.code or item.values or spill):
        return None
    return _Item(item, spill if not (item.label or item.code) else [], keys[-1] if keys else None, factor)


def _amount(text: str) -> float | None:
    if not text or V.ACCOUNT_BLANK.match(text):
        return None
    return parse_number(text) if is_amount_cell(text) else None


def _merge_across(items: list[_Item | None]) -> None:
    """A total row whose label cell spans the panels to its right (公用经费合计 over three panels) prints
    its number in a later panel that has no label of its own: the number is the labelled panel's."""
    for n, item in enumerate(items):
        if item is None or item.row.values or not item.row.label or item.key is None:
            continue
        for later in items[n + 1:]:
            if later is None:
                continue
            if later.row.label or later.row.code:
                break
            found = list(later.row.values.values())
            if found or later.spill:
                raw = found[-1] / later.factor if found else later.spill[-1]
                item.row.values[item.key] = round(raw * item.factor, 2)
                later.row.values, later.spill = {}, []
                break
