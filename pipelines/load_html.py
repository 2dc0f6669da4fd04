"""HTML loader (lxml.html): a web page, an HTML "Excel" or "Word" export, a Word web page or MHTML archive.

What a browser shows, in document order: text outside tables as paragraphs (a ``<br>`` or a block element ends a
line), each data table as a grid through ``sheet_grid`` (the code the .xlsx / .xls loaders use: rowspan / colspan
as merges, blocks of rows, a table's title row and note row as paragraphs). A layout table (the page's frame: a
menu cell beside a content cell, tables nested in its cells holding more cells than it has) is unwrapped, its cells
read as flow in row order. Scripts, styles, the head and hidden elements show nothing.

Bounds, before the parser runs: at most ``max_xlsx_cells`` table cells (counted on the decoded page, linear time); the
positions merged cells cover within ``max_text_chars`` for the whole page; the builder's ``max_text_chars``. A page
nested past the parser's fixed depth (``PARSER_MAX_DEPTH``) is refused, never read as the blank page libxml2 leaves.
"""

from __future__ import annotations

import re

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EmptyInputError, InputLimitError, InputTooLargeError, JixiaoError, unreadable
from jixiao.pipelines.document import Document
from jixiao.pipelines.html_format import decode_html, looks_mhtml, mhtml_page
from jixiao.pipelines.html_tables import AreaBudget, is_layout, row_cells, row_groups, table_layout
from jixiao.pipelines.html_text import BLOCK, MAX_DEPTH, Lines, collect, shown, tag_of
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.sheet_grid import add_grid, shown_grid

_CELL_TAG = re.compile(r"<t[dh][\s>/]", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Layout tables nest a few levels deep; past this the inner ones are read as grids (no deep unwrapping).
_MAX_FRAME_DEPTH = 8
# libxml2's nesting limit with huge_tree (XML_PARSE_HUGE; 256 without), fixed in the library: a page nested deeper is
# refused (input.too_large), as the parser stops there. Real pages (Word's exports included) nest a few dozen levels.
PARSER_MAX_DEPTH = 2048


def check_cells(text: str, settings: Settings, source: str | None) -> None:
    """Refuse a page with more table cells than a workbook may store, before lxml builds a node each. Counted on
    the decoded page: the bytes of a UTF-16 page or of a MHTML archive's base64 part hide its tags."""
    cells = sum(1 for _ in _CELL_TAG.finditer(text))
    if cells > settings.max_xlsx_cells:
        raise InputLimitError(f"the page holds {cells} table cells, over the limit of {settings.max_xlsx_cells}",
                              limit="max_xlsx_cells", source=source)


class _Page:
    """Walks the body in document order, feeding paragraphs and tables to the builder."""

    def __init__(self, builder: DocumentBuilder, settings: Settings, deadline: Deadline) -> None:
        self.builder = builder
        self.settings = settings
        self.deadline = deadline
        self.lines = Lines()
        self.budget = AreaBudget(settings.max_text_chars, builder.source)

    def flush(self) -> None:
        for line in self.lines.take():
            self.builder.add_paragraph(line)

    def walk(self, el, depth: int = 0, frames: int = 0) -> None:
        if depth > MAX_DEPTH:
            collect(el, self.lines, depth)
            return
        self.lines.add(el.text)
        for child in el:
            if shown(child):
                tag = tag_of(child)
                if tag == "br":
                    self.lines.br()
                elif tag == "table":
                    self.flush()
                    self.table(child, depth + 1, frames)
                elif tag in BLOCK:
                    self.lines.br()
                    self.walk(child, depth + 1, frames)
                    self.lines.br()
                else:
                    self.walk(child, depth + 1, frames)
            self.lines.add(child.tail)

    def table(self, table, depth: int, frames: int) -> None:
        for caption in table:
            if tag_of(caption) == "caption" and shown(caption):
                collect(caption, self.lines, depth)
                self.lines.br()
        self.flush()
        if frames < _MAX_FRAME_DEPTH and is_layout(table):
            for group in row_groups(table):
                for tr in group:
                    if not shown(tr):
                        continue
                    for td in row_cells(tr):
                        if shown(td):
                            self.walk(td, depth + 1, frames + 1)
                            self.lines.br()
                            self.flush()
            return
        self.deadline.check("reading a table of the page")
        cells, merged, hidden_rows = table_layout(table, self.budget)
        texts, merges, covered = shown_grid(cells, merged, hidden_rows, [], name="table", deadline=self.deadline,
                                            source=self.builder.source)
        add_grid(self.builder, texts, merges, covered, None, self.settings.max_text_chars)


def _parse(text: str, source: str | None):
    import lxml.html

    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that declares its own encoding
    if not text.strip():
        raise EmptyInputError("the page is empty", source=source)
    # huge_tree lifts libxml2's fixed limits (256 levels, 10 MB of text in one node), which it enforces by stopping
    # the parse and dropping the rest of the page; jixiao's own limits bound the page (max_input_bytes, the cells)
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except MemoryError:
        raise
    except Exception as exc:  # lxml raises ParserError ("Document is empty"), ValueError … on what it cannot read
        _check_halted(parser, source)
        raise unreadable(exc, "not a readable HTML page", source=source) from exc
    _check_halted(parser, source)
    return root


def _check_halted(parser, source: str | None) -> None:
    """Refuse a page the parser stopped reading at one of its fixed limits: what follows is lost, and a page cut
    there would read as a shorter (or blank) page."""
    from lxml.etree import ErrorTypes

    for error in parser.error_log:
        if error.type != ErrorTypes.ERR_RESOURCE_LIMIT and "excessive depth" not in error.message.lower():
            continue
        if "depth" in error.message.lower():
            raise InputTooLargeError(f"the page nests elements over {PARSER_MAX_DEPTH} levels deep, past the HTML "
                                     "parser's limit: the text inside and after them cannot be read", source=source)
        raise InputTooLargeError("the page is past the HTML parser's limits (a text or name too long): the rest of "
                                 "it cannot be read", source=source)


def add_page(builder: DocumentBuilder, data: bytes, settings: Settings, deadline: Deadline = NO_DEADLINE) -> str:
    """A page (HTML or MHTML bytes) read into BUILDER where it stands: a Word file's imported HTML chunk
    (``w:altChunk``) is read this way inside the Word document. Returns the page's encoding."""
    source = builder.source
    text, encoding = mhtml_page(data, source=source) if looks_mhtml(data) else decode_html(data, source=source)
    check_cells(text, settings, source)
    root = _parse(text, source)
    page = _Page(builder, settings, deadline)
    try:
        page.walk(root)
        page.flush()
    except (JixiaoError, MemoryError):
        raise
    except Exception as exc:  # an attribute lxml kept that the layout cannot use …
        raise unreadable(exc, "not a readable HTML page", source=source) from exc
    return encoding


def load_html(data: bytes, *, doc_id: str, source: str | None, settings: Settings | None = None,
              deadline: Deadline = NO_DEADLINE) -> Document:
    settings = settings or get_settings()
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="html", max_chars=settings.max_text_chars,
                              deadline=deadline)
    encoding = add_page(builder, data, settings, deadline)
    result = builder.build()
    if not result.text.strip():
        raise EmptyInputError("the page shows no text", source=source)
    result.encoding = encoding
    return result
