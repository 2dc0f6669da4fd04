"""XLSX loader (openpyxl): every worksheet, merged ranges as spans.

A sheet is one page; ``sheet_grid`` reads it (hidden rows, columns and sheets left out, blocks of rows as
paragraphs and tables), the same way ``load_xls`` reads an XLS / ET through xlrd.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EmptyInputError, InputLimitError, InputTooLargeError, unreadable
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.number_format import MAX_FORMAT_CHARS, shown
from jixiao.pipelines.sheet_grid import add_sheet, shown_grid
from jixiao.pipelines.table_pictures import picture_meta
from jixiao.pipelines.xlsx_pictures import SheetPictures, hidden_rows

_DECIMALS = re.compile(r"0\.(0+)")


def format_value(value, number_format: str | None = None) -> str:
    """The value as a reader sees it: 1.0 in a percent format reads 100%, 26.0 reads 26."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    printed = shown(value, number_format)  # a unit or a date the format prints ("320.00万元", "2023年10月28日")
    if printed is not None:
        return printed
    if isinstance(value, (int, float)):
        # a format longer than Excel allows reads as General: its decimals would be counted per cell
        fmt = number_format if number_format and len(number_format) <= MAX_FORMAT_CHARS else "General"
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


def _sheet_grid(ws, max_cells: int | None = None, deadline: Deadline = NO_DEADLINE, source: str | None = None):
    """``shown_grid`` of an openpyxl worksheet, over the cells it stores.

    The stored cells, not ``iter_rows()``: that walks the whole used range, and two cells at A1 and XFD1048576
    make it 17 billion.
    """
    stored = getattr(ws, "_cells", None)
    cells = stored.values() if isinstance(stored, dict) else (cell for row in ws.iter_rows() for cell in row)

    def text_of(cell):
        return lambda: format_value(cell.value, cell.number_format)

    hidden_cols = [(dim.min - 1, dim.max) for dim in ws.column_dimensions.values() if dim.hidden and dim.min and dim.max]
    merged = [(rng.min_row - 1, rng.min_col - 1, rng.max_row, rng.max_col) for rng in ws.merged_cells.ranges]
    return shown_grid(((cell.row - 1, cell.column - 1, text_of(cell)) for cell in cells), merged, hidden_rows(ws), hidden_cols,
                      name=ws.title, max_cells=max_cells, deadline=deadline, source=source)


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=[\"']([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})[\"']")
_CHUNK = 1 << 20


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")


def scan_sheets(data: bytes) -> tuple[int, int]:
    """(stored cells, positions covered by merged ranges) over every sheet, read from the XML in one streaming
    pass before openpyxl loads it: openpyxl holds about 2 kB per cell and makes one object per covered
    position, so ``A1:XFD1048576`` (17 billion) would never load."""
    import zipfile

    cells = area = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            tail = b""
            with archive.open(name) as f:
                while chunk := f.read(_CHUNK):
                    buf = tail + chunk
                    keep = len(buf) - 256  # a tag cut by the chunk boundary is read whole with the next chunk
                    cells += len(_CELL_TAG.findall(buf, 0, keep)) if keep > 0 else 0
                    last = 0
                    for m in _MERGE_REF.finditer(buf):
                        c0, r0, c1, r1 = _column(m[1]), int(m[2]), _column(m[3]), int(m[4])
                        area += (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1)
                        last = m.end()
                    tail = buf[max(last, keep, 0):]
                cells += len(_CELL_TAG.findall(tail))
    return cells, area


def load_xlsx(data: bytes, *, doc_id: str, source: str | None, settings: Settings | None = None,
              deadline: Deadline = NO_DEADLINE) -> Document:
    import openpyxl

    settings = settings or get_settings()
    try:
        cells, area = scan_sheets(data)
    except Exception:  # a damaged container: openpyxl says how below
        cells = area = 0
    if cells > settings.max_xlsx_cells:
        raise InputLimitError(f"the workbook stores {cells} cells, over the limit of {settings.max_xlsx_cells}",
                              limit="max_xlsx_cells", source=source)
    if area > settings.max_text_chars:  # each covered position renders a tab at least
        raise InputTooLargeError(f"merged cells cover {area} positions, over the limit of {settings.max_text_chars} "
                                 "(JIXIAO_MAX_TEXT_CHARS)", source=source)

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except MemoryError:  # the worker's memory limit: the caller answers input.memory_limit
        raise
    except Exception as exc:  # openpyxl raises InvalidFileException, KeyError, BadZipFile … on damaged files
        raise unreadable(exc, "not a readable XLSX", source=source) from exc
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="xlsx", max_chars=settings.max_text_chars, deadline=deadline)
    pictures = SheetPictures(settings, source=source, deadline=deadline)
    try:
        for number, ws in enumerate(workbook.worksheets, start=1):
            if ws.sheet_state != "visible" and any(w.sheet_state == "visible" for w in workbook.worksheets):
                continue  # a hidden sheet (a draft, a lookup list) is not what the workbook shows or prints
            texts, merges, covered = _sheet_grid(ws, settings.max_text_chars, deadline, source)
            add_sheet(builder, number, texts, merges, covered, settings.max_text_chars, pictures.read(builder, ws, number))
    finally:
        workbook.close()
    result = builder.build()
    if not result.text.strip():
        unread = picture_meta(result.pictures)[1]
        raise EmptyInputError("the workbook has no cell values" + (f"; {unread[0]}" if unread else ""), source=source)
    return result
