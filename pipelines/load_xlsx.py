"""XLSX loader (openpyxl): every worksheet, merged ranges as spans.

A sheet is one page. Inside it, blocks of rows separated by empty rows are
read separately; a block's leading and trailing rows holding a single value
(a title, a unit line, a footnote) become paragraphs, the rest a table.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import re

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EmptyInputError, InputLimitError, InputTooLargeError, unreadable
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


# cells between two looks at the deadline
_DEADLINE_CELLS = 65536


def _sheet_grid(ws, max_cells: int | None = None, deadline: Deadline = NO_DEADLINE, source: str | None = None):
    """Cell texts and merge anchors of a sheet, 0-based, over the cells it stores.

    The stored cells, not ``iter_rows()``: that walks the whole used range, and two cells at A1 and XFD1048576
    make it 17 billion. Merged ranges may cover at most ``max_cells`` positions in all (each costs a character
    of the rendered text at least).
    """
    texts: dict[tuple[int, int], str] = {}
    shown = _Shown(ws)
    stored = getattr(ws, "_cells", None)
    cells = stored.values() if isinstance(stored, dict) else (cell for row in ws.iter_rows() for cell in row)
    for n, cell in enumerate(cells, start=1):
        if n % _DEADLINE_CELLS == 0:
            deadline.check(f"reading cell {n} of sheet {ws.title!r}")
        at = shown.position(cell.row - 1, cell.column - 1)
        text = format_value(cell.value, cell.number_format).strip() if at else ""
        if text:
            texts[at] = text
    merges: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    area = sum((rng.max_row - rng.min_row + 1) * (rng.max_col - rng.min_col + 1) for rng in ws.merged_cells.ranges)
    if max_cells is not None and area > max_cells:
        raise InputTooLargeError(f"merged cells of sheet {ws.title!r} cover {area} positions, over the limit of {max_cells} "
                                 "(JIXIAO_MAX_TEXT_CHARS)", source=source)
    for rng in ws.merged_cells.ranges:
        found = shown.span(rng.min_row - 1, rng.min_col - 1, rng.max_row, rng.max_col)
        if found is None:  # the whole range is hidden
            continue
        (r0, c0), (r1, c1) = found
        if shown.position(rng.min_row - 1, rng.min_col - 1) is None:  # the anchor hidden, its text shows in the rest
            anchor = rng.start_cell
            text = format_value(anchor.value, anchor.number_format).strip()
            if text:
                texts[(r0, c0)] = text
        merges[(r0, c0)] = (r1 - r0, c1 - c0)
        covered.update((r, c) for r in range(r0, r1) for c in range(c0, c1) if (r, c) != (r0, c0))
    return texts, merges, covered


class _Hidden:
    """Hidden positions of one axis as sorted, merged spans [lo, hi) (0-based), with the count hidden before each,
    so that moving a position back is a binary search: a sheet may hide a row at a time, a hundred thousand of them
    (a scan over the spans per cell made 2,000 cells below 100,000 hidden rows take ~45 s)."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self.lo = [lo for lo, _ in merged]
        self.hi = [hi for _, hi in merged]
        self.through: list[int] = []  # positions hidden up to the end of each span
        for lo, hi in merged:
            self.through.append((self.through[-1] if self.through else 0) + hi - lo)

    def shift(self, x: int) -> int | None:
        """X moved back by the hidden positions before it; None where X itself is hidden."""
        i = bisect.bisect_right(self.lo, x) - 1
        if i < 0:
            return x
        return None if x < self.hi[i] else x - self.through[i]


class _Shown:
    """The grid as Excel shows it: hidden rows and columns taken out, the positions after them moved up / left.

    A bureau hides a withdrawn indicator row, a helper column or the unused columns of a template; what the sheet
    shows (and prints) is the table. Hidden ranges are kept as spans, not sets: a template may hide columns to XFD."""

    def __init__(self, ws) -> None:
        self.rows = _Hidden((r - 1, r) for r, dim in ws.row_dimensions.items() if dim.hidden)
        self.cols = _Hidden((dim.min - 1, dim.max) for dim in ws.column_dimensions.values()
                            if dim.hidden and dim.min and dim.max)

    def position(self, r: int, c: int) -> tuple[int, int] | None:
        row, col = self.rows.shift(r), self.cols.shift(c)
        return None if row is None or col is None else (row, col)

    @staticmethod
    def _range(hidden: _Hidden, lo: int, hi: int) -> tuple[int, int] | None:
        shown = [x for x in (hidden.shift(x) for x in range(lo, hi)) if x is not None]
        return (shown[0], shown[-1] + 1) if shown else None

    def span(self, r0: int, c0: int, r1: int, c1: int):
        """The shown part of a merged range [r0, r1) x [c0, c1): its top-left and bottom-right (exclusive), or None."""
        rows, cols = self._range(self.rows, r0, r1), self._range(self.cols, c0, c1)
        return None if rows is None or cols is None else ((rows[0], cols[0]), (rows[1], cols[1]))


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


def _by_row(texts) -> dict[int, list[tuple[int, str]]]:
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, c), t in sorted(texts.items()):
        by_row.setdefault(r, []).append((c, t))
    return by_row


def _merged_down(merges) -> set[int]:
    """Rows a vertical merge reaches into from a row above (bounded by the merged area, checked before loading)."""
    return {r for (r0, _), (rowspan, _) in merges.items() for r in range(r0 + 1, r0 + rowspan)}


def _add_block(builder: DocumentBuilder, rows: list[int], texts, merges, covered, page: int,
               by_row: dict[int, list[tuple[int, str]]] | None = None, max_cells: int | None = None,
               merged_down: set[int] | None = None) -> None:
    """``by_row``: ``_by_row(texts)``, ``merged_down``: ``_merged_down(merges)``, computed once per sheet (here when
    not given)."""
    if by_row is None:
        by_row = _by_row(texts)
    if merged_down is None:
        merged_down = _merged_down(merges)

    def anchors(r):
        return by_row.get(r, [])

    def single_line(r):
        # One value, no merge reaching into the next row and none reaching down into this one (a table's last row
        # under a merged level cell holds only its name): a title or a note, not a table row.
        return (len(anchors(r)) == 1 and all(merges.get((r, c), (1, 1))[0] == 1 for c, _ in anchors(r))
                and r not in merged_down)

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
        positions = len(rows) * (c_max - c_min + 1)
        if max_cells is not None and positions > max_cells:  # every grid position renders a tab or a newline at least
            raise InputTooLargeError(f"a table of {len(rows)} rows x {c_max - c_min + 1} columns renders past the limit of "
                                     f"{max_cells} characters (JIXIAO_MAX_TEXT_CHARS)", source=builder.source)
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
    try:
        for number, ws in enumerate(workbook.worksheets, start=1):
            if ws.sheet_state != "visible" and any(w.sheet_state == "visible" for w in workbook.worksheets):
                continue  # a hidden sheet (a draft, a lookup list) is not what the workbook shows or prints
            builder.start_page(number)
            texts, merges, covered = _sheet_grid(ws, settings.max_text_chars, deadline, source)
            by_row, merged_down = _by_row(texts), _merged_down(merges)
            for rows in _row_blocks(texts, merges):
                _add_block(builder, rows, texts, merges, covered, number, by_row, settings.max_text_chars, merged_down)
    finally:
        workbook.close()
    result = builder.build()
    if not result.text.strip():
        raise EmptyInputError("the workbook has no cell values", source=source)
    return result
