"""XLS / ET loader (xlrd): Excel 97-2003 (BIFF) workbooks, and WPS 表格 files saved in that format.

xlrd 2.x reads BIFF only (the format Chinese bureaus still post as .xls, and WPS writes under .et in its
"Excel 97-2003 compatible" mode); with ``formatting_info`` it gives merged ranges, number formats and hidden rows,
columns and sheets, so a sheet reads exactly like its .xlsx counterpart: the cells go through the same
``format_value`` and ``sheet_grid`` as openpyxl's. A workbook is bounded before its cells are turned into text:
``max_xlsx_cells`` stored cells over all sheets (sheets are loaded one at a time and dropped), merged positions
within ``max_text_chars``.
"""

from __future__ import annotations

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EmptyInputError, EncryptedInputError, InputLimitError, JixiaoError, unreadable
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.load_xlsx import format_value
from jixiao.pipelines.sheet_grid import add_sheet, shown_grid

# BOUNDSHEET hidden state: 0 visible, 1 hidden, 2 "very hidden" (only VBA shows it)
_VISIBLE = 0
# what errors call the file: an .et xlrd cannot read is WPS's own format, which only WPS turns into XLSX
_WHAT = "XLS/ET workbook; save it as XLSX and retry"


def _open(data: bytes, source: str | None, what: str):
    import xlrd

    try:
        try:
            return xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
        except NotImplementedError:  # formatting_info is BIFF-only; xlrd says so for anything else
            return xlrd.open_workbook(file_contents=data, on_demand=True)
    except MemoryError:
        raise
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct.error, IndexError … on damaged files
        if "encrypted" in str(exc).lower():
            raise EncryptedInputError("the workbook is password-protected; remove the password and retry",
                                      source=source) from exc
        raise unreadable(exc, f"not a readable {what}", source=source) from exc


def _number_format(book, sheet, r: int, c: int) -> str | None:
    try:
        xf = book.xf_list[sheet.cell_xf_index(r, c)]
        return book.format_map[xf.format_key].format_str
    except (AttributeError, IndexError, KeyError):  # no formatting_info: General
        return None


def _cell_text(book, sheet, r: int, c: int) -> str:
    import xlrd

    cell = sheet.cell(r, c)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return format_value(cell.value, _number_format(book, sheet, r, c))
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return format_value(xlrd.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return format_value(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return format_value(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "")
    return str(cell.value) if cell.ctype == xlrd.XL_CELL_TEXT else ""


def _sheet_grid(book, sheet, settings: Settings, deadline: Deadline, source: str | None):
    import xlrd

    def cells():
        for r in range(sheet.nrows):
            for c, ctype in enumerate(sheet.row_types(r)):
                if ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    yield r, c, (lambda r=r, c=c: _cell_text(book, sheet, r, c))

    hidden_rows = [(r, r + 1) for r, info in getattr(sheet, "rowinfo_map", {}).items() if info.hidden]
    hidden_cols = [(c, c + 1) for c, info in getattr(sheet, "colinfo_map", {}).items() if info.hidden]
    merged = [(r0, c0, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
    return shown_grid(cells(), merged, hidden_rows, hidden_cols, name=sheet.name, max_cells=settings.max_text_chars,
                      deadline=deadline, source=source)


def load_xls(data: bytes, *, doc_id: str, source: str | None, settings: Settings | None = None,
             deadline: Deadline = NO_DEADLINE) -> Document:
    what = _WHAT
    settings = settings or get_settings()
    book = _open(data, source, what)
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="xls", max_chars=settings.max_text_chars, deadline=deadline)
    stored = 0
    try:
        states = [getattr(book, "_sheet_visibility", [_VISIBLE] * book.nsheets)[i] for i in range(book.nsheets)]
        any_visible = _VISIBLE in states
        for index in range(book.nsheets):
            if states[index] != _VISIBLE and any_visible:
                continue  # a hidden sheet (a draft, a lookup list) is not what the workbook shows or prints
            sheet = book.sheet_by_index(index)
            stored += sum(sheet.row_len(r) for r in range(sheet.nrows))
            if stored > settings.max_xlsx_cells:
                raise InputLimitError(f"the workbook stores over {settings.max_xlsx_cells} cells", limit="max_xlsx_cells",
                                      source=source)
            texts, merges, covered = _sheet_grid(book, sheet, settings, deadline, source)
            add_sheet(builder, index + 1, texts, merges, covered, settings.max_text_chars)
            book.unload_sheet(index)
    except (JixiaoError, MemoryError):
        raise
    except Exception as exc:  # a damaged record surfaces only when its sheet is read
        raise unreadable(exc, f"not a readable {what}", source=source) from exc
    finally:
        book.release_resources()
    result = builder.build()
    if not result.text.strip():
        raise EmptyInputError("the workbook has no cell values", source=source)
    return result
