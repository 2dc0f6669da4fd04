"""The internal document every loader produces and every later stage reads.

One shape for all sources: ``text`` is the reading-order text and every
offset in the pipeline (and every ``Provenance`` in the output) points into
it. Structured loaders (PDF, DOCX, XLSX, OCR) also fill ``pages`` and
``tables``; cell offsets point at the cell's text inside ``text``, which a
loader renders one table row per line with cells separated by tabs, so the
text parser reads every source the same way.

``cells`` is the map back from the text to the source: the rendered cells as
sorted, disjoint offset ranges, each with its page, table, row, column and
box, so that ``cells.at(offset)`` answers in O(log n) where a value was
printed. Plain text has no cells and no pages.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SourceFormat = Literal["text", "pdf", "docx", "xlsx", "doc", "xls", "html", "image"]
# How a page's text was got when its text layer could not serve (none, or garbage): "read" by OCR; not read
# because the OCR engine is not installed ("not_installed") or PDF OCR is turned off ("off"); or the page is a
# "searchable" scan (a page image under an invisible OCR text layer) whose text layer was read ("text_layer")
PageOcr = Literal["read", "not_installed", "off", "text_layer"]
BBox = tuple[float, float, float, float]
# What became of a picture that may hold a table (``table_pictures``): "read" by OCR and its text kept; "empty"
# (OCR found too little to keep); not read because the engine is not installed, OCR is off, or the document
# held more such pictures than are read ("over_limit")
PictureOcr = Literal["read", "empty", "not_installed", "off", "over_limit"]


class Cell(BaseModel):
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str
    start: int = Field(description="offset of the cell text in Document.text")
    end: int
    bbox: BBox | None = Field(default=None, description="x0, top, x1, bottom in page coordinates (PDF points, image pixels)")


class Table(BaseModel):
    page: int | None = None
    cells: list[Cell] = Field(default_factory=list)
    start: int = 0
    end: int = 0
    bbox: BBox | None = None


class Page(BaseModel):
    number: int = Field(description="1-based")
    start: int
    end: int
    width: float | None = None
    height: float | None = None
    ocr: PageOcr | None = Field(default=None, description="None: the text layer was read (or the source has none)")


class Picture(BaseModel):
    """A picture in a text document that may hold a table (``table_pictures``): where it sits and what OCR did."""

    index: int = Field(description="1-based, among the document's pictures that may hold a table, in reading order")
    page: int | None = Field(default=None, description="PDF page or XLSX sheet; None in a DOCX")
    bbox: BBox | None = Field(default=None, description="x0, top, x1, bottom in PDF points")
    ocr: PictureOcr

    def where(self) -> dict:
        out: dict = {"index": self.index}
        if self.page is not None:
            out["page"] = self.page
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        return out

    def label(self) -> str:
        return f"page {self.page}" if self.page is not None else f"picture {self.index}"


class CellPlace(BaseModel):
    """Where one rendered cell came from: its page, table (index in ``Document.tables``), top-left row and
    column (merged cells are anchored there), and box on the page when the source has one."""

    model_config = ConfigDict(frozen=True)

    page: int | None = None
    table: int
    row: int
    col: int
    bbox: BBox | None = None


class CellMap(BaseModel):
    """Text offsets -> cells: ``starts``/``ends`` are sorted, disjoint ranges ``[start, end)`` of rendered cell
    text (empty cells left out), ``places[i]`` where range ``i`` came from."""

    starts: list[int] = Field(default_factory=list)
    ends: list[int] = Field(default_factory=list)
    places: list[CellPlace] = Field(default_factory=list)

    @classmethod
    def from_tables(cls, tables: list[Table]) -> CellMap:
        ranges = sorted(
            ((cell.start, cell.end, CellPlace(page=table.page, table=t, row=cell.row, col=cell.col, bbox=cell.bbox))
             for t, table in enumerate(tables)
             for cell in table.cells
             if cell.end > cell.start),
            key=lambda r: r[0],
        )
        return cls(starts=[r[0] for r in ranges], ends=[r[1] for r in ranges], places=[r[2] for r in ranges])

    def __len__(self) -> int:
        return len(self.starts)

    def index(self, offset: int) -> int | None:
        """The range holding ``offset``, or None when it falls outside every cell."""
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else None

    def at(self, offset: int) -> CellPlace | None:
        i = self.index(offset)
        return None if i is None else self.places[i]

    def covering(self, start: int, end: int) -> list[CellPlace]:
        """The cells that ``[start, end)`` overlaps, in text order."""
        lo = bisect_right(self.ends, start)
        hi = bisect_right(self.starts, max(start, end - 1))
        return self.places[lo:hi]


class Document(BaseModel):
    doc_id: str
    source: str | None = None
    format: SourceFormat = "text"
    encoding: str | None = None
    text: str
    pages: list[Page] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    pictures: list[Picture] = Field(default_factory=list, description="pictures that may hold a table (text documents)")
    cells: CellMap = Field(default_factory=CellMap, description="offsets -> source cells; built from tables when not given")

    @model_validator(mode="after")
    def _map_cells(self) -> Document:
        if self.tables and not self.cells.starts:
            self.cells = CellMap.from_tables(self.tables)
        return self

    def page_at(self, offset: int) -> int | None:
        i = bisect_right(self.pages, offset, key=lambda p: p.start) - 1
        if i >= 0 and offset < self.pages[i].end:
            return self.pages[i].number
        return None
