"""Pictures of tables pasted onto an XLSX sheet: found by their anchors, OCR'd, their text put at their row.

A bureau that keeps its 自评表 in Excel sometimes pastes the signed, stamped scan onto a sheet (``xl/media``,
placed by an anchor in ``xl/drawings``) under a title cell, or alone on a sheet of its own. openpyxl reads the
pictures with their anchors (``ws._images``); each one that may hold a table (its printed size against the sheet's
paper, ``table_sized``; its pixels, ``printed_sheet``) is OCR'd (``table_pictures.read_stored``) and its blocks go
among the sheet's blocks of rows by the anchor's top row (``sheet_grid.add_sheet``): a picture under a title cell
reads after the title, a note row under the picture after the picture. A sheet holding only the picture reads as
the picture's table. The cells carry no box (a sheet has no page coordinates, as its own tables carry none).
"""

from __future__ import annotations

from jixiao.config import Settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.pipelines.document import Picture
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.ocr_layout import ocr_available
from jixiao.pipelines.sheet_grid import Hidden
from jixiao.pipelines.table_pictures import picture_state, printed_sheet, read_stored, table_sized, within_limit

EMU_PER_PIXEL = 9525
EMU_PER_POINT = 12700
# Excel's default column is 8.43 characters of the default font, 64 pixels; its default row 15 points.
DEFAULT_COL_PIXELS = 64
DEFAULT_ROW_POINTS = 15.0
# A column ``w`` characters wide shows about w * 7 + 5 pixels (7-pixel digits of the default font, 5 of padding).
CHAR_PIXELS, COL_PADDING = 7, 5
_MM = 36000  # EMU per millimetre
# The sheet's paper (page_setup.paperSize, portrait) in EMU; a sheet without one prints on A4, as Chinese offices do.
PAPER = {1: (216 * _MM, 279 * _MM), 8: (297 * _MM, 420 * _MM), 9: (210 * _MM, 297 * _MM), 11: (148 * _MM, 210 * _MM)}
A4 = PAPER[9]

Blocks = list[tuple[str, object]]


def hidden_rows(ws) -> list[tuple[int, int]]:
    """The hidden rows of an openpyxl worksheet as spans [lo, hi), 0-based."""
    return [(r - 1, r) for r, dim in ws.row_dimensions.items() if dim.hidden]


def paper(ws) -> tuple[int, int]:
    """The sheet's paper in EMU, turned when it prints landscape."""
    setup = getattr(ws, "page_setup", None)
    try:
        size = PAPER.get(int(setup.paperSize), A4) if setup is not None and setup.paperSize else A4
    except (TypeError, ValueError):
        size = A4
    landscape = setup is not None and setup.orientation == "landscape"
    return (size[1], size[0]) if landscape else size


def _col_emu(ws, lo: int, hi: int) -> int:
    """The width of columns [lo, hi) (0-based) in EMU: set widths where the sheet sets them, the default elsewhere."""
    from openpyxl.utils import column_index_from_string

    fmt = getattr(ws, "sheet_format", None)
    base = getattr(fmt, "defaultColWidth", None)
    default = int(base * CHAR_PIXELS + COL_PADDING) if base else DEFAULT_COL_PIXELS
    total, counted = 0, 0
    for dim in ws.column_dimensions.values():
        if not dim.width and not dim.hidden:
            continue
        first = dim.min or column_index_from_string(dim.index)  # a dimension set in code has no range yet
        a, b = max(lo, first - 1), min(hi, dim.max or first)
        if a < b:
            total += (b - a) * (0 if dim.hidden else int((dim.width or 0) * CHAR_PIXELS + COL_PADDING))
            counted += b - a
    return (total + (hi - lo - counted) * default) * EMU_PER_PIXEL


def _row_emu(ws, lo: int, hi: int) -> int:
    """The height of rows [lo, hi) (0-based) in EMU."""
    fmt = getattr(ws, "sheet_format", None)
    default = getattr(fmt, "defaultRowHeight", None) or DEFAULT_ROW_POINTS
    total, counted = 0.0, 0
    for r, dim in ws.row_dimensions.items():
        if lo < r <= hi and (dim.ht is not None or dim.hidden):
            total += 0 if dim.hidden else dim.ht
            counted += 1
    return int((total + (hi - lo - counted) * default) * EMU_PER_POINT)


def _row_at(ws, y: int) -> int:
    """The row (0-based) an absolute offset ``y`` in EMU from the sheet's top falls in."""
    row, top = 0, 0
    heights = {r - 1: dim.ht for r, dim in ws.row_dimensions.items() if dim.ht is not None}
    default = int((getattr(getattr(ws, "sheet_format", None), "defaultRowHeight", None) or DEFAULT_ROW_POINTS) * EMU_PER_POINT)
    while True:
        step = int(heights[row] * EMU_PER_POINT) if row in heights else default
        if top + step > y or step <= 0:
            return row
        if not heights or row > max(heights):  # past the set heights: the rest by the default
            return row + max(0, (y - top) // default)
        top += step
        row += 1


def anchor_place(ws, anchor) -> tuple[int, int, tuple[int, int] | None]:
    """(top row, left column, printed size in EMU or None) of a picture's anchor: a two-cell anchor spans cells,
    a one-cell anchor starts in one and has an extent, an absolute anchor has a position and an extent."""
    kind = type(anchor).__name__
    if kind == "TwoCellAnchor":
        start, end = anchor._from, anchor.to
        width = _col_emu(ws, start.col, end.col) - start.colOff + end.colOff
        height = _row_emu(ws, start.row, end.row) - start.rowOff + end.rowOff
        return start.row, start.col, (width, height)
    ext = getattr(anchor, "ext", None)
    size = (int(ext.cx), int(ext.cy)) if ext is not None and ext.cx is not None and ext.cy is not None else None
    if kind == "OneCellAnchor":
        return anchor._from.row, anchor._from.col, size
    pos = getattr(anchor, "pos", None)
    if kind == "AbsoluteAnchor" and pos is not None:
        return _row_at(ws, int(pos.y or 0)), 0, size
    return 0, 0, None  # a cell reference given when the picture was added in code: judged by its pixels


class SheetPictures:
    """The table pictures of one workbook's sheets, OCR'd sheet by sheet."""

    def __init__(self, settings: Settings, *, source: str | None = None, deadline: Deadline = NO_DEADLINE):
        self._settings = settings
        self._source = source
        self._deadline = deadline
        self._state = picture_state(settings, ocr_available())

    def read(self, builder: DocumentBuilder, ws, number: int) -> list[tuple[int, Blocks]]:
        """Sheet ``number``'s table pictures, top to bottom: (the anchor's shown row, OCR blocks), each recorded on
        ``builder`` with what OCR did with it; a picture that read to nothing is left out."""
        placed = []
        for image in getattr(ws, "_images", ()):
            row, col, size = anchor_place(ws, getattr(image, "anchor", None))
            placed.append((row, col, size, image))
        page = paper(ws)
        rows = Hidden(hidden_rows(ws))
        out = []
        for row, _, size, image in sorted(placed, key=lambda p: (p[0], p[1])):
            if size is not None and not table_sized(size[0], size[1], *page):
                continue
            try:
                blob = image._data()
            except Exception:  # noqa: BLE001 - a picture openpyxl cannot hand back: nothing to read
                continue
            if not printed_sheet(blob, self._settings.max_image_pixels):
                continue
            state = within_limit(self._state, builder.pictures)
            index = builder.picture_count + 1
            blocks: Blocks = []
            if state == "read":
                blocks = read_stored(blob, self._settings, self._deadline, f"picture {index} on sheet {number} of the "
                                     "XLSX", self._source)
                state = "read" if blocks else "empty"
            builder.add_picture(Picture(index=index, page=number, ocr=state))
            if blocks:
                out.append((rows.next_shown(row), blocks))
        return out
