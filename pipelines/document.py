"""The internal document every loader produces and every later stage reads.

One shape for all sources: ``text`` is the reading-order text and every
offset in the pipeline (and every ``Provenance`` in the output) points into
it. Structured loaders (PDF, DOCX, XLSX, OCR) also fill ``pages`` and
``tables``; cell offsets point at the cell's text inside ``text``, which a
loader renders one table row per line with cells separated by tabs, so the
text parser reads every source the same way.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SourceFormat = Literal["text", "pdf", "docx", "xlsx", "image"]


class Cell(BaseModel):
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str
    start: int = Field(description="offset of the cell text in Document.text")
    end: int
    bbox: tuple[float, float, float, float] | None = None


class Table(BaseModel):
    page: int | None = None
    cells: list[Cell] = Field(default_factory=list)
    start: int = 0
    end: int = 0
    bbox: tuple[float, float, float, float] | None = None


class Page(BaseModel):
    number: int = Field(description="1-based")
    start: int
    end: int
    width: float | None = None
    height: float | None = None


class Document(BaseModel):
    doc_id: str
    source: str | None = None
    format: SourceFormat = "text"
    encoding: str | None = None
    text: str
    pages: list[Page] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None
