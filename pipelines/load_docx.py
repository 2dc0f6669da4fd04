"""DOCX loader (python-docx): body paragraphs and tables in document order.

python-docx repeats a merged cell's text in every position it covers; the
table grid is therefore read from the XML (``gridSpan``, ``vMerge``), so a
merged cell is one anchor with its span and its text appears once.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import (
    ArchiveDepthError,
    EmptyInputError,
    JixiaoError,
    UnreadableFileError,
    UnsupportedFormatError,
    unreadable,
)
from jixiao.pipelines.docx_content import ALT_CHUNK, TBL, blocks, cell_text, paragraph_text, rows
from jixiao.pipelines.docx_content import cells as row_cells
from jixiao.pipelines.docx_parts import as_document, chunk_kind, chunk_part, text_lines
from jixiao.pipelines.docx_pictures import DocxPictures
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder, GridCell


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _grid_before(tr) -> int:
    trPr = tr.trPr
    if trPr is None:
        return 0
    node = trPr.find(_qn("w:gridBefore"))
    return int(node.get(_qn("w:val"), 0)) if node is not None else 0


def table_cells(tbl) -> list[GridCell]:
    """Anchors of a ``w:tbl``: horizontal merges from gridSpan, vertical from vMerge."""
    owner: dict[tuple[int, int], GridCell] = {}
    cells: list[GridCell] = []
    for r, tr in enumerate(rows(tbl)):
        col = _grid_before(tr)
        for tc in row_cells(tr):
            span = max(1, tc.grid_span)
            above = owner.get((r - 1, col))
            if tc.vMerge == "continue" and above is not None and above.col == col:
                above.rowspan = r - above.row + 1
                cell = above
            else:
                cell = GridCell(row=r, col=col, colspan=span, text=cell_text(tc))
                cells.append(cell)
            for c in range(col, col + span):
                owner[(r, c)] = cell
            col += span
    return cells


# Layout tables nest at most a few levels deep; past this the inner tables are read as cell text (no deep recursion).
_MAX_FRAME_DEPTH = 8


def _nested_tables(tbl) -> list:
    """Tables nested directly in TBL's cells (a table inside a nested table is that table's business)."""
    return [t for tr in rows(tbl) for tc in row_cells(tr) for t in blocks(tc) if t.tag == TBL]


def add_paragraph(builder: DocumentBuilder, p, pictures: DocxPictures | None = None) -> None:
    """A paragraph's text, then what OCR reads of the table pictures in it (``docx_pictures``)."""
    builder.add_paragraph(paragraph_text(p))
    if pictures is not None:
        pictures.add(builder, p)


def add_table(builder: DocumentBuilder, tbl, depth: int = 0, pictures: DocxPictures | None = None) -> None:
    """Add a ``w:tbl``; a layout frame around the real table is unwrapped.

    Word users put a table inside a one-cell (or few-cell) table to draw a frame or to keep a caption beside it. When
    the nested tables hold more cells than the table around them, the outer table is layout: its cells' own paragraphs
    and its nested tables are read in order, each nested table as a table. Otherwise a nested table stays text of its
    cell (a small sub-table inside a real row). A table whose cells hold a picture of a table (a frame around a
    pasted scan, ``docx_pictures``) is read the same way, the picture's text where it sits."""
    inner = _nested_tables(tbl)
    outer_cells = table_cells(tbl)
    framed = pictures is not None and depth < _MAX_FRAME_DEPTH and pictures.holds_table_picture(tbl)
    if not framed and (not inner or depth >= _MAX_FRAME_DEPTH or sum(len(table_cells(t)) for t in inner) <= len(outer_cells)):
        builder.add_table(outer_cells)
        return
    for tr in rows(tbl):
        for tc in row_cells(tr):
            for child in blocks(tc):
                if child.tag == TBL:
                    add_table(builder, child, depth + 1, pictures)
                elif child.tag != ALT_CHUNK:  # a chunk is imported at body level only
                    add_paragraph(builder, child, pictures)


def _page_size(document) -> tuple[int, int] | None:
    """The first section's page size in EMU (what a picture's printed size is measured against), None if unset."""
    try:
        section = document.sections[0]
        width, height = section.page_width, section.page_height
    except Exception:  # noqa: BLE001 - no section properties, or damaged ones: pictures are judged by pixels alone
        return None
    return (int(width), int(height)) if width and height else None


class _Chunks:
    """What the imported chunks of one document have read: each part once (a pointer is a few bytes, the part it
    imports up to the package's size: a part imported again and again would cost its size per pointer), and how
    deep a Word chunk sits in Word chunks (each one a ZIP inside a ZIP, bounded as archives are)."""

    def __init__(self, settings: Settings, deadline: Deadline, read_page):
        self.settings, self.deadline, self.read_page = settings, deadline, read_page
        self.seen: set[int] = set()


def _add_chunk(builder: DocumentBuilder, part, element, chunks: _Chunks, depth: int = 1) -> None:
    """An imported chunk (``w:altChunk``, ``docx_parts``) read where it stands; ``chunks.read_page`` reads an HTML
    chunk into the builder (``load_html.add_page``, handed over by ``ingest``: the HTML loader sits beside this one).
    DEPTH: how many Word packages hold this pointer (1: the document itself)."""
    target = chunk_part(part, element, builder.source)
    if id(target) in chunks.seen:
        raise UnreadableFileError(f"the imported chunk {str(getattr(target, 'partname', ''))!r} is pointed at more than "
                                  "once (w:altChunk): each imported part is read once", source=builder.source)
    chunks.seen.add(id(target))
    kind = chunk_kind(getattr(target, "content_type", ""), str(getattr(target, "partname", "")), builder.source)
    if kind == "html":
        if chunks.read_page is None:
            raise UnsupportedFormatError("an imported HTML chunk (w:altChunk) holds the document's content and no HTML "
                                         "reader was given", source=builder.source)
        chunks.read_page(builder, target.blob, chunks.settings, chunks.deadline)
    elif kind == "text":
        for line in text_lines(target.blob):
            builder.add_paragraph(line)
    else:
        _add_docx_chunk(builder, target.blob, chunks, depth + 1)


def _add_docx_chunk(builder: DocumentBuilder, blob: bytes, chunks: _Chunks, depth: int) -> None:
    """A Word document imported as a chunk: a ZIP inside the ZIP, checked against the bomb limits (its own members
    were not seen by ``ingest``'s check of the outer package) and against ``max_archive_depth``."""
    import zipfile

    import docx

    from jixiao.pipelines.zip_limits import check_zip

    if depth > chunks.settings.max_archive_depth:
        raise ArchiveDepthError(f"a Word document imported as a chunk (w:altChunk) {depth} Word packages deep, over the "
                                f"limit of {chunks.settings.max_archive_depth}", limit="max_archive_depth",
                                source=builder.source)
    try:
        check_zip(zipfile.ZipFile(io.BytesIO(blob)), chunks.settings, builder.source)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableFileError(f"an imported Word chunk (w:altChunk) is a damaged ZIP: {exc}",
                                  source=builder.source) from exc
    inner = docx.Document(io.BytesIO(as_document(blob)))
    for block in blocks(inner.element.body):
        if block.tag == TBL:
            add_table(builder, block)
        elif block.tag == ALT_CHUNK:
            _add_chunk(builder, inner.part, block, chunks, depth)
        else:
            add_paragraph(builder, block)


def load_docx(data: bytes, *, doc_id: str, source: str | None, settings: Settings | None = None,
              deadline: Deadline = NO_DEADLINE, read_page: Callable | None = None) -> Document:
    """A DOCX (or .docm / .dotx / .dotm) as a Document; READ_PAGE reads an imported HTML chunk (``load_html.add_page``)."""
    import docx

    try:
        document = docx.Document(io.BytesIO(as_document(data)))
        body = list(blocks(document.element.body))
    except MemoryError:  # the worker's memory limit: the caller answers input.memory_limit
        raise
    except Exception as exc:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError … on damaged files
        raise unreadable(exc, "not a readable DOCX", source=source) from exc
    settings = settings or get_settings()
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="docx", max_chars=settings.max_text_chars, deadline=deadline)
    try:
        pictures = DocxPictures(document.part, _page_size(document), settings, source=source, deadline=deadline)
        chunks = _Chunks(settings, deadline, read_page)
        for block in body:
            if block.tag == TBL:
                add_table(builder, block, pictures=pictures)
            elif block.tag == ALT_CHUNK:
                _add_chunk(builder, document.part, block, chunks)
            else:
                add_paragraph(builder, block, pictures)
    except (JixiaoError, MemoryError):  # the builder's limits and the deadline; the worker's memory limit
        raise
    except Exception as exc:  # a damaged table (a merge attribute that is not a number …) parses only when read
        raise unreadable(exc, "not a readable DOCX", source=source) from exc
    result = builder.build()
    if not result.text.strip():
        raise EmptyInputError("the DOCX has no text", source=source)
    return result
