"""PDF loader (pdfplumber): page text and ruled tables, merged cells as spans."""

from __future__ import annotations

import io
import re
from bisect import bisect_left
from dataclasses import replace

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EncryptedInputError, JixiaoError, TooManyPagesError, unreadable
from jixiao.pipelines import pdf_objects
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder, GridCell
from jixiao.pipelines.pdf_pictures import PdfPictures, in_reading_order
from jixiao.pipelines.pdf_scans import ScanPages

# Cell edges closer than this (points) are the same grid line: ruling is drawn with finite width.
_EDGE_TOLERANCE = 2.0


def _edges(values: list[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    i = bisect_left(edges, value - _EDGE_TOLERANCE)
    return min(i, len(edges) - 1)


def table_cells(table) -> list[GridCell]:
    """Grid cells of a pdfplumber table; a merged cell's box spans several grid lines.

    ``extract()`` returns None under a merge and is aligned with ``rows[i].cells``,
    so text comes from there and spans from the cell boxes.
    """
    texts = table.extract()
    boxes = [(box, text) for row, row_text in zip(table.rows, texts) for box, text in zip(row.cells, row_text) if box is not None]
    if not boxes:
        return []
    xs = _edges([v for box, _ in boxes for v in (box[0], box[2])])
    ys = _edges([v for box, _ in boxes for v in (box[1], box[3])])
    cells = []
    for (x0, top, x1, bottom), text in boxes:
        col, row = _index(xs, x0), _index(ys, top)
        cells.append(
            GridCell(
                row=row,
                col=col,
                rowspan=max(1, _index(ys, bottom) - row),
                colspan=max(1, _index(xs, x1) - col),
                text=text or "",
                bbox=(float(x0), float(top), float(x1), float(bottom)),
            )
        )
    return cells


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_blocks(page):
    """Text lines outside tables and the tables themselves, in reading order (top to bottom)."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    blocks = [(line["top"], line["x0"], "line", line["text"]) for line in outside.extract_text_lines(strip=True)]
    blocks += [(t.bbox[1], t.bbox[0], "table", t) for t in tables]
    blocks.sort(key=lambda b: (round(b[0], 1), b[1]))
    return blocks


_NUMBER = re.compile(r"[≥≤<>=＝]*\s*-?[\d,.]+\s*%?")


def join_page_split_row(above: list[GridCell], below: list[GridCell]) -> tuple[list[GridCell], list[GridCell]] | None:
    """``above`` and ``below`` with the row a page break split joined again, or None when nothing was split.

    Word and LibreOffice let a table row break across pages: what did not fit goes on at the top of the next
    page, and the cells that fit (numbers always do) are empty there. So the next page's first table row is
    the remainder of the previous table's last row when the two tables share their columns, its filled
    cells all lie under filled cells of that row, and a number of that row has nothing under it. The
    remainder's text is appended to the cells above it (provenance: the upper part's page and box).
    """
    if not above or not below:
        return None
    last = max(c.row for c in above)
    upper = {c.col: c for c in above if c.row == last}
    lower = {c.col: c for c in below if c.row == 0}
    if set(upper) != set(lower) or any(upper[k].colspan != lower[k].colspan for k in upper):
        return None
    if any(upper[k].bbox and lower[k].bbox and abs(upper[k].bbox[0] - lower[k].bbox[0]) > _EDGE_TOLERANCE for k in upper):
        return None
    filled_up = {k for k, c in upper.items() if c.text.strip()}
    filled_low = {k for k, c in lower.items() if c.text.strip()}
    numbers_left = any(_NUMBER.fullmatch(upper[k].text.strip()) and k not in filled_low for k in filled_up)
    if not filled_low or not filled_low <= filled_up or not numbers_left:
        return None
    joined = [replace(c, text=c.text + lower[c.col].text) if c.row == last and c.col in filled_low else c for c in above]
    rest = [replace(c, row=c.row - 1) for c in below if c.row > 0]
    return joined, rest


def page_count(pdf) -> int:
    """The page count the PDF's page tree declares (no page is parsed), else the pages pdfplumber finds."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        if isinstance(count, int) and count >= 0:
            return count
    except Exception:  # a damaged page tree: count the pages themselves
        pass
    return len(pdf.pages)


def _read_pages(pdf, deadline: Deadline = NO_DEADLINE, scans: ScanPages | None = None,
                pictures: PdfPictures | None = None) -> list[tuple[int, float, float, list[tuple[str, object, tuple | None]]]]:
    """Each page's blocks in reading order: ("line", text, None) or ("table", cells, bbox); a page whose text
    layer cannot serve is OCR'd by ``scans`` (``pdf_scans``); a text page's table pictures by ``pictures``
    (``pdf_pictures``)."""
    pages = []
    for number, page in enumerate(pdf.pages, start=1):
        deadline.check(f"reading page {number} of the PDF")
        pdf_objects.page_objects(page)  # pdfplumber's reading of the page, the same objects faster
        state = scans.state(number, page) if scans is not None else None
        if state == "read":
            blocks = scans.blocks(number)
        else:
            own = [(top, x0, (kind, item, None) if kind == "line" else (kind, table_cells(item), tuple(float(v) for v in item.bbox)))
                   for top, x0, kind, item in _page_blocks(page)]
            # a table pasted on the page as a picture (a scanned 自评表) reads where it sits
            blocks = in_reading_order(own, pictures.blocks(number, page) if pictures is not None and state is None else [])
        pages.append((number, float(page.width), float(page.height), blocks))
        page.flush_cache()
    for (_, _, _, before), (_, _, _, after) in zip(pages, pages[1:]):
        if before and after and before[-1][0] == after[0][0] == "table":
            joined = join_page_split_row(before[-1][1], after[0][1])
            if joined:
                before[-1] = ("table", joined[0], before[-1][2])
                after[0] = ("table", joined[1], after[0][2])
    return pages


def _encrypted(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors (``PdfminerException(PDFPasswordIncorrect())``): look inside."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        stack += [a for a in e.args if isinstance(a, BaseException)]
        stack += [c for c in (e.__cause__, e.__context__) if c is not None]
    return False


def load_pdf(data: bytes, *, doc_id: str, source: str | None, settings: Settings | None = None,
             deadline: Deadline = NO_DEADLINE) -> Document:
    import pdfplumber

    settings = settings or get_settings()
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="pdf", max_chars=settings.max_text_chars, deadline=deadline)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf, ScanPages(data, settings, source=source, deadline=deadline) as scans:
            pages = page_count(pdf)
            if pages > settings.max_pdf_pages:
                raise TooManyPagesError(f"the PDF has {pages} pages, over the limit of {settings.max_pdf_pages}",
                                        limit="max_pdf_pages", source=source)
            pictures = PdfPictures(scans)
            for number, width, height, blocks in _read_pages(pdf, deadline, scans, pictures):
                builder.start_page(number, width=width, height=height, ocr=scans.states.get(number))
                for kind, item, bbox in blocks:
                    if kind == "line":
                        builder.add_paragraph(item)
                    else:
                        builder.add_table(item, page=number, bbox=bbox)
            for picture in pictures.pictures:
                builder.add_picture(picture)
    except JixiaoError:
        raise
    except MemoryError:  # the worker's memory limit: the caller answers input.memory_limit
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        if _encrypted(exc):
            raise EncryptedInputError("the PDF is password-protected; remove the password and retry", source=source) from exc
        raise unreadable(exc, "not a readable PDF", source=source) from exc
    document = builder.build()
    if not document.text.strip():
        raise scans.empty_error()
    return document
