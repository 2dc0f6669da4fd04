"""DOCX loader (python-docx): body paragraphs and tables in document order.

python-docx repeats a merged cell's text in every position it covers; the
table grid is therefore read from the XML (``gridSpan``, ``vMerge``), so a
merged cell is one anchor with its span and its text appears once.
"""

from __future__ import annotations

import io

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EmptyInputError, UnreadableFileError, cause, out_of_memory
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder, GridCell


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(_qn("w:t"), _qn("w:tab"), _qn("w:br"), _qn("w:cr")):
        if node.tag == _qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == _qn("w:tab"):
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc) -> str:
    # Every paragraph below the cell, nested tables included, in order.
    return "\n".join(_paragraph_text(p) for p in tc.iter(_qn("w:p")))


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
    for r, tr in enumerate(tbl.tr_lst):
        col = _grid_before(tr)
        for tc in tr.tc_lst:
            span = max(1, tc.grid_span)
            above = owner.get((r - 1, col))
            if tc.vMerge == "continue" and above is not None and above.col == col:
                above.rowspan = r - above.row + 1
                cell = above
            else:
                cell = GridCell(row=r, col=col, colspan=span, text=_cell_text(tc))
                cells.append(cell)
            for c in range(col, col + span):
                owner[(r, c)] = cell
            col += span
    return cells


def load_docx(data: bytes, *, doc_id: str, source: str | None, settings: Settings | None = None,
              deadline: Deadline = NO_DEADLINE) -> Document:
    import docx
    from docx.table import Table as DocxTable

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except MemoryError:  # the worker's memory limit: the caller answers input.memory_limit
        raise
    except Exception as exc:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError … on damaged files
        if out_of_memory(exc):  # a native library's bad_alloc under the worker's limit
            raise MemoryError(cause(exc)) from exc
        raise UnreadableFileError(f"not a readable DOCX ({cause(exc)})", source=source) from exc
    settings = settings or get_settings()
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="docx", max_chars=settings.max_text_chars, deadline=deadline)
    for block in blocks:
        if isinstance(block, DocxTable):
            builder.add_table(table_cells(block._tbl))
        else:
            builder.add_paragraph(_paragraph_text(block._p))
    result = builder.build()
    if not result.text.strip():
        raise EmptyInputError("the DOCX has no text", source=source)
    return result
