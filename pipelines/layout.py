"""Layout stage: normalized text -> rows of cells, for the two text renderings of tables.

- tab rows: one table row per line, cells separated by tabs (what loaders of
  PDF/DOCX/XLSX write, and seeds like 002/004);
- one cell per line: a row is a block of lines separated by a blank line,
  each line starting with a tab opens a cell and a line without one continues
  the cell above (vertical headings such as 产\\n出\\n指\\n标 stay one cell).

Pipe-delimited rows (``| 项目名称 | X |``) arrive here as tab rows: normalize turns them into
tabs (``pipe_tables.pipe_rows``). Both come out as ``Row``s whose ``Cell`` offsets index the
normalized text.
A line without any tab is a ``text`` row of one cell (prose, titles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import add
from typing import Literal

from jixiao.pipelines.glued_row_cells import glued_header, glued_parts, may_hold_glued, spaced_values
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.printed_numbers import is_slipped_number
from jixiao.pipelines.vocab import HEADER_WORDS as _HEADER_WORDS, VERTICAL_HEADING_CHARS
from jixiao.pipelines.vocab import (
    INDICATOR_HEADER_WORDS, INDICATOR_HEADERS, LABEL_CACHE_SIZE, MARGIN_MARK, NAME_LABEL, OPERATORS, TABLE_TITLE, any_label, field_label, repair_label,
)

_PLAIN_NUMBER = re.compile(r"^\d+(?:\.\d+)?%?$")
CLEAN_CACHE_SIZE = 65536  # distinct cell texts whose clean form is kept (a 200 KB document has ~60k cells)


@lru_cache(maxsize=CLEAN_CACHE_SIZE)
def _clean(text: str) -> str:
    """A cell's ``clean`` text; cached: a document repeats most of its cells (blank cells, numbers, labels)."""
    return repair_label(squeeze(text))


@dataclass(slots=True, init=False)
class Cell:
    """One cell: raw text and its offsets in the normalized text.

    ``clean`` has all whitespace removed and an OCR-slipped label word put right (项目名祢 -> 项目名称);
    parsers match labels on ``clean`` and take values from ``text``.
    """

    col: int
    start: int
    end: int
    text: str
    clean: str

    # (written out, not generated with a __post_init__: a 100,000-character document builds ~34,000 cells)
    def __init__(self, col: int, start: int, end: int, text: str) -> None:
        self.col = col
        self.start = start
        self.end = end
        self.text = text
        self.clean = _clean(text)


@dataclass(slots=True)
class Row:
    # dataclasses, not pydantic: a 200 KB document has ~60k cells and validation would dominate the stage
    index: int
    kind: Literal["tabs", "cells", "text"]
    start: int
    end: int
    cells: list[Cell]
    texts: list[str] = field(init=False)
    joined: str = field(init=False)
    filled: tuple[Cell, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.texts = [c.clean for c in self.cells]
        self.joined = "".join(self.texts)
        self.filled = tuple(compress(self.cells, self.texts))  # (the readers ask a row's filled cells many times)

    def nonempty(self) -> list[Cell]:
        return list(self.filled)


def _without_stray_blanks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines without a single blank line after a tab row: a stray break before a line's end (a scan, a PDF
    export) leaves one inside a table's row (项目名称\t事业运 | | 行经费). Blank lines between one-cell-per-line
    blocks (one tab a line), between paragraphs (none) and before a table's title stay: there they end a row, a
    paragraph or a table."""
    def tabs(k: int) -> int:
        return text[lines[k][0]:lines[k][1]].count("\t")

    def blank(k: int) -> bool:
        return not text[lines[k][0]:lines[k][1]].strip()

    def title(k: int) -> bool:
        return bool(TABLE_TITLE.search(squeeze(text[lines[k][0]:lines[k][1]])))

    return [line for k, line in enumerate(lines)
            if not (0 < k < len(lines) - 1 and blank(k) and not blank(k - 1) and not blank(k + 1)
                    and tabs(k - 1) >= 2 and not title(k + 1))]


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` (``text.split("\\n")``): asked of whole documents, so summed in C, not
    a Python step per line."""
    lengths = list(map(len, text.split("\n")))
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))
    return list(zip(starts, map(add, starts, lengths)))


_lines = line_spans


def _opens_cell(line: str) -> bool:
    # ' \t附表2': stray spaces before the tab still open a cell
    return line.lstrip(" ").startswith("\t")


def _whole(part: str) -> list[tuple[int, int]]:
    return [(0, len(part))]


def _cell_row(line: str, glued: bool) -> bool:
    """Whether ``line`` is a row of cells: it holds a tab, or, where ``glued`` (a table of spaced values), it is a
    header or head row an OCR engine glued together (glued_row_cells); else it is one cell, a text line."""
    return "\t" in line or (glued and bool(glued_header(line)))


def _split_tabs(text: str, start: int, end: int, col0: int = 0, cell_row: bool | None = None) -> list[Cell]:
    cells = []
    pos = start
    col = col0
    # a line without tabs is one cell (a row of space-separated cells, one a line, may be a header or head row an OCR
    # engine glued: ``parse_rows``'s one_row_per_line reading tells, ``cell_row``, glued_row_cells)
    line = text[start:end]
    split = glued_parts if ("\t" in line if cell_row is None else cell_row) and may_hold_glued(line) else _whole
    for part in line.split("\t"):
        for a, b in split(part):  # category words an OCR engine glued to the name (glued_row_cells)
            cells.append(Cell(col, pos + a, pos + b, part[a:b]))
            col += 1
        pos += len(part) + 1
    return cells


# Web text of a table whose cells are separated by spaces, one table row per line: a space run between
# two cells becomes a tab, except between single characters (a spaced-out word: 产 出 指 标, 全 部 或 基 本)
# and, on a field row (项目名称 X Y 主管部门 ...), inside a value: there only a label opens a cell.
_WORD = re.compile(r"[^ \u3000]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def space_rows(norm: NormalizedText) -> NormalizedText:
    """The text with each line's space runs read as cell boundaries (one character for one: offsets stay)."""
    out = list(norm.text)
    pos = 0
    # a lone ≥ / ≤ / = may be a cell of its own where the header prints an operator column (运算符号, or 指标性质
    # holding ≥ / ≤), else it was typed with a space before its number (≤ 30日)
    op_column = any(w in norm.text for w in (*INDICATOR_HEADER_WORDS["op"], *INDICATOR_HEADER_WORDS["nature"]))
    for line in norm.text.split("\n"):
        toks = [(m.start(), m.end()) for m in _WORD.finditer(line)] if "\t" not in line else []
        labels = [any_label(line[a:b]) for a, b in toks]
        field_row = bool(labels) and labels[0]
        for k, ((a0, a1), (b0, b1)) in enumerate(zip(toks, toks[1:])):
            if a1 - a0 == 1 and b1 - b0 == 1 and _HAN.match(line[a0]) and _HAN.match(line[b0]):
                continue  # a spaced-out word stays one cell (not digits: 8 8 is a weight and a score)
            if field_row and not (labels[k] or labels[k + 1]):
                continue  # a value with a space in it (伊州财行(2022)26号 农产品…)
            if OPERATORS.match(line[a0:a1]) and line[b0].isdigit() and (a1 - a0 > 1 or line[a0] in "><" or not op_column):
                continue  # an operator OCR spaced off its number (> 8000株, >= 45处) is the value's start
            out[pos + a1] = "\t"
        pos += len(line) + 1
    return NormalizedText.model_construct(text="".join(out), offsets=norm.offsets, original_length=norm.original_length,
                                          original=norm.original, in_print=norm.in_print)


def parse_rows(norm: NormalizedText, one_row_per_line: bool = False) -> list[Row]:
    """Rows of the document in reading order; ``one_row_per_line``: every line is a row of its own (cells
    separated by spaces, where nothing tells a broken row from two rows)."""
    text = norm.text
    if one_row_per_line:
        glued = spaced_values(text)  # (a head or header row glued, read in a table of spaced values only)
        spans = [span for span in _lines(text) if text[span[0]:span[1]].strip()]
        cell_rows = [_cell_row(text[s:e], glued) for s, e in spans]  # (glued_header asked once a line)
        return [Row(index=k, kind="tabs" if row else "text", start=s, end=e, cells=_split_tabs(text, s, e, cell_row=row))
                for k, ((s, e), row) in enumerate(zip(spans, cell_rows))]
    lines = _without_stray_blanks(text, _lines(text))
    rows: list[Row] = []
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        line = text[s:e]
        if not line.strip(" "):
            i += 1
            continue
        prev = rows[-1] if rows and rows[-1].kind == "tabs" and i > 0 and rows[-1].end == lines[i - 1][1] else None
        if _opens_cell(line) and line.count("\t") == 1 and _is_cell_block(text, lines, i) and not (prev and len(prev.cells) > 2):
            # one cell per line: the block runs to the next empty line
            cells, j = _cell_block(text, lines, i)
            nxt = _block_after(text, lines, j)
            if nxt is not None:
                more, j2 = _cell_block(text, lines, nxt)
                after = _block_after(text, lines, j2)
                widths = {len(rows[-1].cells) if rows and rows[-1].kind == "cells" else 0,
                          len(_cell_block(text, lines, after)[0]) if after is not None else 0}
                if len(cells) + len(more) in widths and len(cells) + len(more) >= MIN_SPLIT_WIDTH:
                    # a blank line inside a row (a scan's stray break before a line end) split it in two blocks
                    # that together have the width of the row above or below: one row
                    cells = cells + [Cell(col=len(cells) + k, start=c.start, end=c.end, text=c.text) for k, c in enumerate(more)]
                    j = j2
            rows.append(Row(index=len(rows), kind="cells", start=s, end=lines[j - 1][1], cells=cells))
            i = j
            continue
        last = _broken_row_end(text, lines, i, above=len(prev.cells) - 1 if prev is not None else None)
        if last != i:
            # a tab row broken by line breaks inside its cells: one row, the breaks stay inside cells
            e = lines[last][1]
            rows.append(Row(index=len(rows), kind="tabs", start=s, end=e, cells=_split_tabs(text, s, e)))
            i = last + 1
            continue
        if "\t" in line:
            rows.append(Row(index=len(rows), kind="tabs", start=s, end=e, cells=_split_tabs(text, s, e)))
        else:
            rows.append(Row(index=len(rows), kind="text", start=s, end=e, cells=[Cell(col=0, start=s, end=e, text=line)]))
        i += 1
    return rows


def _cell_block(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[Cell], int]:
    """The cells of the one-cell-per-line block opening at line ``i``, and the line after it."""
    cells: list[Cell] = []
    j = i
    n = len(lines)
    while j < n:
        s2, e2 = lines[j]
        l2 = text[s2:e2]
        if l2 == "" or (j > i and (l2.count("\t") >= 2 or ("\t" in l2 and not _opens_cell(l2)))):
            # a blank line ends the block, and so does a tab row (cells after a first one, or two or
            # more tabs): the table below is not one cell a line
            break
        if _opens_cell(l2):
            tab = s2 + l2.index("\t")
            cells.extend(_split_tabs(text, tab + 1, e2, col0=len(cells)))
        else:
            last = cells[-1]
            cells[-1] = Cell(col=last.col, start=last.start, end=e2, text=text[last.start:e2])
        j += 1
    return cells, j


def _block_after(text: str, lines: list[tuple[int, int]], j: int) -> int | None:
    """The first line of the one-cell-per-line block after the single blank line ``j``, if one follows."""
    if j + 1 >= len(lines) or text[lines[j][0]:lines[j][1]] != "":
        return None
    s, e = lines[j + 1]
    line = text[s:e]
    return j + 1 if _opens_cell(line) and line.count("\t") == 1 else None


def _is_cell_block(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A line '\\tX' opens a one-cell-per-line block unless it sits among multi-tab rows."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(lines):
            s, e = lines[k]
            if text[s:e].count("\t") >= 2:
                return False
    return True


# a line that is no wrapped value's end: another field or a unit note (单位:万元), a title's end, a margin mark
_NOT_VALUE_END = re.compile(r":|万元|表\d*$|" + MARGIN_MARK)
# a project name's end wrapped onto a line of its own is at most this long (项目名称\t困 | 难群众救助专项资金)
NAME_WRAP_CHARS = 30
# a one-cell-per-line row split by a stray blank line is re-joined only in tables at least this wide
# (title blocks of one or two cells stand alone)
MIN_SPLIT_WIDTH = 5
# a field row (项目名称 …, 主管部门 …) whose values wrapped runs over at most this many more lines
FIELD_ROW_LINES = 3
# a line without tabs is glued to a neighbouring broken row only when it is this short
FRAGMENT_CHARS = 12
# a vertical heading runs over at most this many lines of at most this many characters each
VERTICAL_LINES = 12
VERTICAL_CHARS = 6
# a report's numbered heading over a table (三、评分表, （二）绩效指标): its own line, never a wrapped cell's start
_NUMBERED_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")


def _tabs(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    """Tab count of line ``k``; None when it is blank or out of range."""
    if not 0 <= k < len(lines):
        return None
    s, e = lines[k]
    line = text[s:e]
    return line.count("\t") if line.strip() else None


def _glued(text: str, lines: list[tuple[int, int]], i: int, j: int) -> bool:
    """Lines ``i..j`` read as cells broken over lines: every line break falls inside a cell (the
    line ends, and the next starts, with cell text rather than a tab), and the tab-less lines
    between are short fragments (产 / 出 / 指 / 标)."""
    for k in range(i, j):
        a = text[lines[k][0]:lines[k][1]].rstrip(" ")
        b = text[lines[k + 1][0]:lines[k + 1][1]].lstrip(" ")
        if not a or a.endswith("\t") or not b or b.startswith("\t"):
            return False
        if k > i and "\t" not in a and len(a.strip()) > FRAGMENT_CHARS:
            return False
    return True


def _wrapped_word(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """The break after line ``i`` cuts a label in two (一级 | 指标, 实施单位(盖 | 章)): the lines are one row."""
    (s1, e1), (s2, e2) = lines[i], lines[i + 1]
    a = squeeze(text[s1:e1].rsplit("\t", 1)[-1])
    b = squeeze(text[s2:e2].split("\t", 1)[0])
    return bool(a and b) and _header_word(a + b) and not _header_word(b)


def _leaves_row(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Line ``i`` holds only header words (年初预算数 / 全年预算数, 指标值 / 度量单位: the leaves under a spanning
    header cell, printed on a row of their own where an HTML export leaves the merged cells out) and the next
    line opens with something else: it is a whole row, not a piece of a row broken over lines."""
    s, e = lines[i]
    if not all((c := squeeze(cell)) and _header_word(c) for cell in text[s:e].split("\t")):
        return False  # (most lines: a data cell, found at once)
    nxt = squeeze(text[lines[i + 1][0]:lines[i + 1][1]].split("\t", 1)[0]) if i + 1 < len(lines) else ""
    return not _header_word(nxt)


@lru_cache(maxsize=LABEL_CACHE_SIZE)  # asked of most lines' first cells, which a document repeats
def _header_word(word: str) -> bool:
    # whole words only: the 偏差原因 column's pattern finds the word anywhere, so it is left out
    return (word in _HEADER_WORDS or field_label(word)
            or any(rx.match(word) for slot, rx in INDICATOR_HEADERS if slot != "reason"))


def _opens_with_label(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Line ``k`` opens with a field label (项目名称, 主管部门及代码 …): it starts a row of its own."""
    first = _first_cell(text, lines, k, k)
    return bool(first) and field_label(first)


def _opens_row(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Line ``k`` starts a row: it is the end, or opens with a tab, a field label or a header word."""
    if k >= len(lines):
        return True
    s, e = lines[k]
    line = text[s:e]
    return _opens_cell(line) or _opens_with_label(text, lines, k) or _header_word(squeeze(line.split("\t", 1)[0]))


def _broken_row_end(text: str, lines: list[tuple[int, int]], i: int, nested: bool = False,
                    above: int | None = None) -> int:
    """``_row_end``, except that a line opening with a field label is never the continuation of another,
    and a field row whose value wrapped (主管部门\t船山区信 | 访局\t实施单位\t…) is one row."""
    if _opens_with_label(text, lines, i):
        j = _field_value_end(text, lines, i, i)
        if j > i:
            return j
    j = _row_end(text, lines, i, nested, above)
    if any(_opens_with_label(text, lines, k) for k in range(i + 1, j + 1)):
        return i
    if j > i and field_label(_first_cell(text, lines, i, j)):
        # a label the break cut (项目 | (政策)名称\t数据系统 | 维 | 护费项目): its value may wrap too
        return _field_value_end(text, lines, i, j)
    return j


def _first_cell(text: str, lines: list[tuple[int, int]], i: int, j: int) -> str:
    """The first non-empty cell of lines ``i..j`` read as one row, whitespace removed."""
    return next((squeeze(c) for c in text[lines[i][0]:lines[j][1]].split("\t") if c.strip()), "")


def _field_value_end(text: str, lines: list[tuple[int, int]], i: int, j: int) -> int:
    """Last line of the field row on lines ``i..j`` with the lines its wrapped value runs onto."""
    name_row = bool(NAME_LABEL.match(_first_cell(text, lines, i, j)))
    start = j
    while j + 1 < len(lines) and j - start < FIELD_ROW_LINES and _glued(text, lines, j, j + 1):
        s, e = lines[j + 1]
        cells = [squeeze(c) for c in text[s:e].split("\t")]
        head, rest = cells[0], [c for c in cells[1:] if c]
        if not head or _header_word(head) or _NOT_VALUE_END.search(head):
            break
        if len(cells) >= 2 and len(head) <= FRAGMENT_CHARS and (not rest or field_label(rest[0])):
            # the value's end, then empty cells or the row's next label (主管部门\t船山区信 | 访局\t实施单位\t…)
            j += 1
            continue
        if len(cells) == 1 and len(head) <= (NAME_WRAP_CHARS if name_row else VERTICAL_CHARS):
            # the value's end alone on its line (项目名称\t事业运 | 行经费), and a row of its own after it (not
            # the rest of a label the break cut: 主管部 | 门\t…); a name may wrap twice (数据系统 | 维 | 护费项目)
            if _opens_row(text, lines, j + 2):
                j += 1
            elif name_row and _tabs(text, lines, j + 2) == 0 and _glued(text, lines, j + 1, j + 2):
                j += 1
                continue
        break
    return j


def _wrapped_end(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Line ``i + 1``, a short fragment, is the end of line ``i``'s last cell (…\t10\t1 / 0); not a vertical heading's
    character read between two rows (326人 / 指 / 标\t…), nor words after a number (9.5 / 梅岭县水利局: a stamp's)."""
    s, e = lines[i + 1]
    frag = squeeze(text[s:e]).strip("|")
    last = squeeze(text[lines[i][0]:lines[i][1]].rsplit("\t", 1)[-1])
    number = bool(_PLAIN_NUMBER.match(last)) or is_slipped_number(last)
    return (len(text[s:e].strip()) <= FRAGMENT_CHARS and frag not in VERTICAL_HEADING_CHARS
            and not (number and not any(ch.isdigit() for ch in frag)))


def _row_end(text: str, lines: list[tuple[int, int]], i: int, nested: bool = False,
             above: int | None = None) -> int:
    """Last line of the tab row starting at line ``i`` when line breaks inside cells split it (else ``i``).

    Rows of one table print the same number of tabs. Lines ``i..j`` are one row when each has
    fewer tabs than the neighbouring row (the one above, or the one below) and together they
    have exactly as many; a short tab-less fragment (a cell's wrapped end or start) joins the
    row it completes when the rows around it have the same tab count. Where every line break
    falls inside a cell (``_glued``: a vertical heading 产\\n出\\n指\\n标), the count may differ by
    one, since rows of one table do not always print the same empty edge cells.
    """
    t0 = _tabs(text, lines, i)
    if t0 is None:
        return i
    if above is None:
        # the tab count of the row above (given when that row was itself joined from broken lines)
        above = _tabs(text, lines, i - 1)
    j = i
    while _tabs(text, lines, j + 1) is not None and _glued(text, lines, j, j + 1) and _wrapped_word(text, lines, j):
        j += 1
    if j > i:
        # a label cut by the break (一级 | 指标, 偏差原因分析及改 | 进措施) is evidence enough, whatever
        # the rows around count (a header often carries a caption cell the rows above lack)
        return j
    if t0 and _leaves_row(text, lines, i):
        return i
    need_glue = False
    if t0 == 0:
        # the first cell's start wrapped onto its own line: 产出\n指标\t数量指标\t…
        s, e = lines[i]
        below = _tabs(text, lines, i + 1)
        if above and above >= 2 and below == above and len(text[s:e].strip()) <= FRAGMENT_CHARS:
            return i + 1
        short = len("".join(text[s:e].split())) <= VERTICAL_CHARS and not _NUMBERED_HEADING.match(text[s:e])
        if short and below and below >= 2 and below == _tabs(text, lines, i + 2) and _glued(text, lines, i, i + 1):
            # a header cell wrapped at the table's top (项目资\n金（元）\t年初预算数…): the rows below agree
            return i + 1
        if not (short and above and above >= 2):
            return i
        # a vertical heading one character a line (产\n出\n指\n标\n(50分)\t数量指标\t…)
        need_glue = True
    elif above and above >= 2 and t0 == above:
        # the last cell's end wrapped onto its own line: …\t10\t1\n0
        nxt = _tabs(text, lines, i + 1)
        after = _tabs(text, lines, i + 2)
        return i + 1 if nxt == 0 and after == above and _wrapped_end(text, lines, i) else i
    acc = t0
    j = i
    while True:
        nxt = _tabs(text, lines, j + 1)
        if nxt is None:
            return i
        acc += nxt
        j += 1
        if above and above >= 2:
            # the row above fixes the count: the pieces must add up to it exactly, or within one
            # tab when the pieces are glued by a cell broken over lines (a row may carry one more
            # or one fewer empty edge cell than its neighbour: '\t产\n出…' under '\t\t\t数量指标…')
            if (acc == above and t0 < above and nxt < above and not need_glue
                    and (nested or _broken_row_end(text, lines, j, True) == j)):
                # (unless the last piece opens a broken row of its own: '…\t无偏差' then '\t效\n益\n指\n标\t…')
                return j
            if (nxt and abs(acc - above) <= 1 and t0 < above and nxt <= above
                    and (j > i + 1 or nxt < above or _wrapped_word(text, lines, i)) and _glued(text, lines, i, j)):
                return j
            if acc >= above:
                return i
            continue
        below = _tabs(text, lines, j + 1)
        if below and below >= 2 and acc == below and t0 < below and nxt < below:
            return j
        if not below or acc >= below:
            return i
