"""Assemble a ``Document`` from paragraphs and tables, in the tab-row layout.

Every structured loader (PDF, DOCX, XLSX, OCR) feeds blocks in reading order
to a ``DocumentBuilder``; it renders them into one text so that the text
parser reads every source the same way: a paragraph is a line, a table is one
line per row with its cells separated by tabs, and a cell covered by a merge
is an empty field (the merged text appears once, in its top-left cell).
Offsets of pages, tables and cells point into that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import InputTooLargeError
from jixiao.pipelines.document import Cell, Document, Page, PageOcr, Picture, SourceFormat, Table

# blocks (paragraphs, tables) between two looks at the deadline
DEADLINE_BATCH = 256

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
# A line break between two CJK characters is a wrap inside a cell (可持续影\n响指标):
# joining without a space restores the word; elsewhere it becomes one space.
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]*[\r\n]+[ \t\u3000]*(?=[{_CJK}])")
_WS_RUN = re.compile(r"[\t\r\n\v\f\u2028\u2029]+")
_SPACES = re.compile(r" {2,}")


def flatten_cell_text(text: str | None) -> str:
    """One line of cell text: no tabs or newlines, which would break the row layout."""
    if not text:
        return ""
    text = _CJK_BREAK.sub("", text)
    text = _WS_RUN.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def flatten_line(text: str | None) -> str:
    """A paragraph as one line (a tab inside a paragraph would read as a cell boundary)."""
    if not text:
        return ""
    return _SPACES.sub(" ", _WS_RUN.sub(" ", text)).strip()


@dataclass
class GridCell:
    """A cell as a loader found it: its top-left grid position and span."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    bbox: tuple[float, float, float, float] | None = None


class DocumentBuilder:
    """Collects pages, paragraphs and tables; ``build()`` returns the Document.

    ``max_chars``: the text may not grow past it (``InputTooLargeError`` as soon as it does, so a bomb of text
    stops at the limit, not after the whole file was rendered); ``deadline`` is checked at every page and every
    ``DEADLINE_BATCH`` blocks.
    """

    def __init__(self, *, doc_id: str, source: str | None, format: SourceFormat, max_chars: int | None = None,
                 deadline: Deadline = NO_DEADLINE):
        self._max_chars = max_chars
        self._deadline = deadline
        self._blocks = 0
        self._doc_id = doc_id
        self._source = source
        self._format = format
        self._parts: list[str] = []
        self._length = 0
        self._pages: list[Page] = []
        self._tables: list[Table] = []
        self._pictures: list[Picture] = []
        self._page: dict | None = None
        self._tail = ""

    # -- low level -------------------------------------------------------
    def _append(self, piece: str) -> int:
        start = self._length
        if piece:
            self._parts.append(piece)
            self._length += len(piece)
            if self._max_chars is not None and self._length > self._max_chars:
                raise InputTooLargeError(f"the text grows past the limit of {self._max_chars} characters (JIXIAO_MAX_TEXT_CHARS)",
                                         source=self._source)
            self._tail = (self._tail + piece)[-2:]
        return start

    def _blank_line(self) -> None:
        """End the text with an empty line, so that a table stands apart from what surrounds it."""
        if not self._length:
            return
        while not self._tail.endswith("\n\n"):
            self._append("\n")

    # -- pages -----------------------------------------------------------
    @property
    def source(self) -> str | None:
        return self._source

    def check_deadline(self, where: str = "reading the document") -> None:
        self._deadline.check(where)

    def _block(self) -> None:
        self._blocks += 1
        if self._blocks % DEADLINE_BATCH == 0:
            self._deadline.check(f"reading block {self._blocks} of the document")

    def start_page(self, number: int, *, width: float | None = None, height: float | None = None,
                   ocr: PageOcr | None = None) -> None:
        self._deadline.check(f"reading page {number} of the document")
        self.end_page()
        if self._parts:
            self._blank_line()
        self._page = {"number": number, "start": self._length, "width": width, "height": height, "ocr": ocr}

    def end_page(self) -> None:
        if self._page is not None:
            self._pages.append(Page(end=self._length, **self._page))
            self._page = None

    # -- blocks ----------------------------------------------------------
    def add_paragraph(self, text: str | None) -> None:
        self._block()
        line = flatten_line(text)
        if not line:
            return
        if self._tables and self._tables[-1].end == self._length:
            self._blank_line()
        self._append(line + "\n")

    def add_table(self, cells: list[GridCell], *, page: int | None = None, bbox: tuple[float, float, float, float] | None = None) -> Table | None:
        """Render a table; ``cells`` are the anchors (top-left) of every cell, merged or not."""
        self._block()
        if not cells:
            return None
        n_rows = max(c.row + c.rowspan for c in cells)
        n_cols = max(c.col + c.colspan for c in cells)
        anchors = {(c.row, c.col): c for c in cells}
        self._blank_line()
        table_start = self._length
        out_cells: list[Cell] = []
        for r in range(n_rows):
            for c in range(n_cols):
                if c:
                    self._append("\t")
                cell = anchors.get((r, c))
                if cell is None:
                    continue
                text = flatten_cell_text(cell.text)
                start = self._append(text)
                out_cells.append(
                    Cell(
                        row=cell.row,
                        col=cell.col,
                        rowspan=cell.rowspan,
                        colspan=cell.colspan,
                        text=text,
                        start=start,
                        end=start + len(text),
                        bbox=cell.bbox,
                    )
                )
            self._append("\n")
        table = Table(page=page, cells=out_cells, start=table_start, end=self._length, bbox=bbox)
        self._tables.append(table)
        return table

    def add_picture(self, picture: Picture) -> None:
        """Record a picture that may hold a table and what OCR did with it (its text is added as blocks)."""
        self._pictures.append(picture)

    @property
    def pictures(self) -> list[Picture]:
        return list(self._pictures)

    @property
    def picture_count(self) -> int:
        return len(self._pictures)

    def build(self) -> Document:
        self.end_page()
        text = "".join(self._parts)
        return Document(
            doc_id=self._doc_id,
            source=self._source,
            format=self._format,
            text=text,
            pages=self._pages,
            tables=self._tables,
            pictures=self._pictures,
        )
