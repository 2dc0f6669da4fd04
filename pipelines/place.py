"""Place stage: fills ``page``, ``table``, ``row``, ``col`` and ``bbox`` on every value's provenance.

Runs once, on the final record (parser, tagger or fused values alike), from the loader's map of the
rendered cells (``Document.cells``): the readers only see text, and offsets are all they report.

- A value whose start offset falls in a cell gets that cell's page, table, row and column (a merged
  cell's top-left), and as bbox the box of the cells it covers in that table (one cell's box, or the
  union when the value runs on into the next cells, as a target read from operator, value and unit
  columns does), where the loader has boxes (PDF, OCR).
- A value outside every cell (a paragraph, a title) gets its page alone, for paged sources.
- Plain text has neither cells nor pages: its record is returned untouched.
"""

from __future__ import annotations

from jixiao.pipelines.document import BBox, CellPlace, Document
from jixiao.record import DocumentRecord, Provenance


def _union(places: list[CellPlace]) -> BBox | None:
    boxes = [p.bbox for p in places]
    if not boxes or any(b is None for b in boxes):
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def locate(doc: Document, prov: Provenance) -> None:
    """Fill ``prov``'s layout fields from ``doc``'s cells and pages, in place."""
    cell = doc.cells.at(prov.start)
    if cell is None:
        prov.page = doc.page_at(prov.start)
        return
    prov.page = cell.page if cell.page is not None else doc.page_at(prov.start)
    prov.table, prov.row, prov.col = cell.table, cell.row, cell.col
    prov.bbox = _union([p for p in doc.cells.covering(prov.start, prov.end) if p.table == cell.table])


def place(record: DocumentRecord, doc: Document) -> DocumentRecord:
    """``record`` with the layout of every provenance filled from ``doc`` (in place; returned for chaining)."""
    if not doc.pages and not len(doc.cells):
        return record
    for project in record.projects:
        for prov in project.provenance.values():
            locate(doc, prov)
        for indicator in project.indicators:
            for prov in indicator.provenance.values():
                locate(doc, prov)
    for table in record.final_accounts:
        for prov in [*table.provenance.values(), *(p for row in table.rows for p in row.provenance.values())]:
            locate(doc, prov)
    return record
