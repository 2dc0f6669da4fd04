"""XLSX loader (openpyxl): every worksheet, merged ranges as spans.

A sheet is one page. Inside it, blocks of rows separated by empty rows are
read separately; a block's leading and trailing rows holding a single value
(a title, a unit line, a footnote) become paragraphs, the rest a table.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from jixiao.errors import EmptyInputError, UnreadableFileError
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder, GridCell

_DECIMALS = re.compile(r"0\.(0+)")


def format_value(value, number_format: str | None = None) -> str:
    """The value as a reader sees it: 1.0 in a percent format reads 100%, 26.0 reads 26."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        fmt = number_format or "General"
        if "%" in fmt:
            match = _DECIMALS.search(fmt)
            return f"{value * 100:.{len(match.group(1)) if match else 0}f}%"
        if isinstance(value, float):
            if value.is_integer() and abs(value) < 1e15:
                return str(int(value))
            return repr(round(value, 10))
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _sheet_grid(ws):
    """Cell texts and merge anchors of a sheet, 0-based, over its used range."""
    texts: dict[tuple[int, int], str] = {}
    for row in ws.iter_rows():
        for cell in row:
            text = format_value(cell.value, cell.number_format).strip()
            if text:
                texts[(cell.row - 1, cell.column - 1)] = text
    merges: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        r0, c0 = rng.min_row - 1, rng.min_col - 1
        merges[(r0, c0)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
        covered.update((r, c) for r in range(r0, rng.max_row) for c in range(c0, rng.max_col) if (r, c) != (r0, c0))
    return texts, merges, covered


def _row_blocks(texts, merges) -> list[list[int]]:
    """Rows grouped into blocks separated by empty rows; a vertical merge holds its rows together."""
    rows = {r for r, _ in texts}
    for (r, _), (rowspan, _) in merges.items():
        rows.update(range(r, r + rowspan))
    blocks: list[list[int]] = []
    for r in sorted(rows):
        if blocks and r == blocks[-1][-1] + 1:
            blocks[-1].append(r)
        else:
            blocks.append([r])
    return blocks


def _add_block(builder: DocumentBuilder, rows: list[int], texts, merges, covered, page: int) -> None:
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, c), t in sorted(texts.items()):
        by_row.setdefault(r, []).append((c, t))

    def anchors(r):
        return by_row.get(r, [])

    def single_line(r):
        # One value and no merge reaching into the next row: a title or a note, not a table row.
        return len(anchors(r)) == 1 and all(merges.get((r, c), (1, 1))[0] == 1 for c, _ in anchors(r))

    head = []
    while rows and single_line(rows[0]):
        head.append(rows.pop(0))
    tail = []
    while rows and single_line(rows[-1]):
        tail.insert(0, rows.pop())
    for r in head:
        builder.add_paragraph(anchors(r)[0][1])
    if any(anchors(r) for r in rows):
        first, last = rows[0], rows[-1]
        cols = [c for r in rows for c, _ in anchors(r)]
        cols += [c + span[1] - 1 for (r, c), span in merges.items() if first <= r <= last]
        c_min, c_max = min(cols), max(cols)
        cells = []
        for r in rows:
            for c in range(c_min, c_max + 1):
                if (r, c) in covered:
                    continue
                rowspan, colspan = merges.get((r, c), (1, 1))
                cells.append(
                    GridCell(
                        row=r - first,
                        col=c - c_min,
                        rowspan=max(1, min(rowspan, last - r + 1)),
                        colspan=max(1, min(colspan, c_max - c + 1)),
                        text=texts.get((r, c), ""),
                    )
                )
        builder.add_table(cells, page=page)
    for r in tail:
        builder.add_paragraph(anchors(r)[0][1])


def load_xlsx(data: bytes, *, doc_id: str, source: str | None) -> Document:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises InvalidFileException, KeyError, BadZipFile … on damaged files
        raise UnreadableFileError(f"not a readable XLSX ({type(exc).__name__}: {exc})", source=source) from exc
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="xlsx")
    try:
        for number, ws in enumerate(workbook.worksheets, start=1):
            builder.start_page(number)
            texts, merges, covered = _sheet_grid(ws)
            for rows in _row_blocks(texts, merges):
                _add_block(builder, rows, texts, merges, covered, number)
    finally:
        workbook.close()
    result = builder.build()
    if not result.text.strip():
        raise EmptyInputError("the workbook has no cell values", source=source)
    return result
