"""Rows for a table printed one cell per line with nothing between rows (a Word table in a document preview,
a web table copied cell by cell, blank lines between cells or none).

The printed words say where rows start: a field label opens a field row (label, value); a run of funds or
indicator header words is a header row; under a funds header a label opens a row of amounts; under an
indicator header a category word opens a row, and a row without one (its merged category cells dropped)
ends once its name has as many values after it as the header has value columns (``stream_row_grouper``). The rows
come back as tab rows of a new ``NormalizedText`` (offsets stay true) for the table reader.
"""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.page_breaks import after_page_break
from jixiao.pipelines.stream_cells import (
    CELL_CHARS, StreamCell, drop_repeated_page_headers, join_headers, join_split_categories, join_vertical_words,
    levels_before_names, join_wrapped, printed_blanks, slipped_name_labels, split_glued_cells,
)
from jixiao.pipelines.stream_row_grouper import stream_rows

# A text is read this way when at least this many lines are single cells and they are this share of its
# non-blank lines (a table printed with tabs or pipes, or prose paragraphs, is not).
MIN_CELL_LINES = 20
# ... or this many from the first field label on, where blank lines separate them (an excerpt cut after its funds
# block: a paragraph a cell is no prose and no tab row)
MIN_BLANK_CELLS = 10
CELL_LINE_SHARE = 0.8
# Cells are separated by blank lines when at least this share of them follow one; then consecutive lines are one
# cell broken by its column's width (a PDF or Word export wraps long cells)
BLANK_SEPARATED_SHARE = 0.6


def _cells(norm: NormalizedText) -> tuple[list[StreamCell], bool] | None:
    """Every non-blank line; a paragraph or a tab row is a cell of kind ``line`` (a row of its own). Where blank
    lines separate the cells (the second of the pair says so), the lines between two blank lines are one cell
    wrapped (新建污水收集 / 管网长度)."""
    text = norm.text
    cells: list[StreamCell] = []
    after_blank: list[bool] = []  # a blank line stands before the cell
    other = 0
    pos = 0
    blank = True
    lines = text.split("\n")
    for k, line in enumerate(lines):
        stripped = line.strip()
        if not stripped and line and blank and k + 1 < len(lines) and not lines[k + 1].strip():
            # a lone space between blank lines: an empty cell a web page or a converter printed (kept, since it
            # holds its column's place in an indicator row; the grouper drops it elsewhere)
            cells.append(StreamCell(pos, pos, "", empty=True))
            after_blank.append(True)
        elif stripped:
            a = pos + line.index(stripped[0])
            whole = "\t" in stripped or len(stripped) > CELL_CHARS
            other += whole
            # an OCR-slipped label or header word (三级指摽) is read as the word, as the table reader reads it
            cells.append(StreamCell(a, a + len(stripped), V.repair_label(squeeze(stripped)), whole))
            after_blank.append(blank)
        blank = not stripped
        pos += len(line) + 1
    # paragraphs above the table (a summary, the page's chrome) are not the table's lines
    fresh = [b for b, c in zip(after_blank, cells) if not c.empty]
    blank_separated = sum(fresh[1:]) >= BLANK_SEPARATED_SHARE * (len(fresh) - 1)
    if not blank_separated:
        cells = [c for c in cells if not c.empty]
        # an OCR engine gives a box per line: a category word wrapped in its box comes as two lines (服务对象 / 满意度指标)
        cells = join_split_categories(cells)
    cells = slipped_name_labels(cells)  # 项日名祢 before its value and a 主管部门 label: 项目名称
    printed = [c for c in cells if not c.empty]
    first = next((k for k, c in enumerate(printed) if not c.line and V.any_label(c.clean.rstrip(":"))), 0)
    single = len(printed) - first - sum(c.line for c in printed[first:])
    if single < (MIN_BLANK_CELLS if blank_separated else MIN_CELL_LINES) or single < CELL_LINE_SHARE * (len(printed) - first):
        return None
    if not blank_separated:
        return drop_repeated_page_headers(join_headers(levels_before_names(split_glued_cells(join_vertical_words(cells))))), False
    return drop_repeated_page_headers(join_headers(join_split_categories(split_glued_cells(join_wrapped(cells, after_blank))))), True


def cell_stream_rows(norm: NormalizedText) -> NormalizedText | None:
    """The text with its one-cell lines grouped into tab rows, or None when it is not printed that way."""
    found = cell_stream(norm)
    return found[0] if found is not None else None


def cell_stream(norm: NormalizedText) -> tuple[NormalizedText, bool] | None:
    """``cell_stream_rows``, and whether the layout is beyond doubt: blank lines separate the cells, or empty cells
    print as lone-space lines between them."""
    found = _cells(norm)
    if found is None:
        return None
    cells, blank_separated = found
    chars: list[str] = []
    offs: list[int] = []
    for row in stream_rows(cells, blank_separated, frozenset(after_page_break(norm, cells))):
        for k, c in enumerate(row):
            if k:
                chars.append("\t")
                offs.append(norm.offsets[c.start])
            for i in range(c.start, c.end):  # a wrapped cell's line breaks are dropped: the row stays one line
                if norm.text[i] != "\n" and not (c.cut and c.cut[0] <= i < c.cut[1]):
                    chars.append(norm.text[i])
                    offs.append(norm.offsets[i])
        chars.append("\n")
        offs.append(norm.offsets[row[-1].end])
    return norm.rewritten(chars, offs), blank_separated or printed_blanks(norm.text)
