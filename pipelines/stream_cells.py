"""The cells of a table printed one cell per line: what a cell's words make it, and the cells the layout broke
(a long cell wrapped over lines, a category word over two paragraphs) or glued (a preview's jump) put right."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.pipelines import vocab as V
from jixiao.pipelines.glued_cells import CHUNK_MARKER, split_glued
from jixiao.pipelines.printed_numbers import is_amount, is_slipped_number
from jixiao.pipelines.page_headers import page_counters, repeated_page_headers
from jixiao.pipelines.scan_residue import NAME_ROW_REACH, slipped_name_label

# a cell is one line of at most this many characters: longer lines are paragraphs
CELL_CHARS = 60
# a name sorted before its row's level cells is one of two or three lines (a one-line name starts no higher than
# the cells beside it); the level cells there are one or two (一级, 二级)
MIN_SORTED_NAME_PIECES, MAX_SORTED_NAME_PIECES, SORTED_LEVEL_CELLS = 2, 3, 2
_NUMBERISH = frozenset("-—/")


@dataclass(slots=True)
class StreamCell:
    start: int
    end: int
    clean: str
    line: bool = False  # a whole line that is no cell (a paragraph, a tab row)
    empty: bool = False  # a lone-space cell (between blank lines)
    cut: tuple[int, int] | None = None  # a stretch inside the cell that is none of it (a preview's chunk marker)


def joined_cell(part: list[StreamCell], at: int) -> StreamCell:
    """One cell of a value's paragraphs; none: an empty cell at ``at``."""
    if not part:
        return StreamCell(at, at, "", empty=True)
    return StreamCell(part[0].start, part[-1].end, "".join(c.clean for c in part))


def cell_kind(clean: str) -> str:
    """label | fh (funds header) | ih (indicator header) | cat | num | text | empty (a lone-space cell)"""
    if not clean:
        return "empty"
    core = V.header_core(clean)
    if V.any_label(clean.rstrip(":")) or V.CODE_LABEL.match(clean) or V.GRADE_LABEL.match(clean):
        return "label"
    if any(rx.match(t) for t in (clean, core) for _, rx in V.INDICATOR_HEADERS[:-1]):  # not the reason column
        return "ih"
    if any(rx.match(t) for t in (clean, core) for _, rx in V.FUNDS_HEADERS if _ != "reason"):
        return "fh"
    if V.fallback_level1(clean) or V.fallback_level2(clean):
        return "cat"
    if is_amount(clean.rstrip("%")) or clean in _NUMBERISH or is_slipped_number(clean):
        return "num"  # a misread number (1O, 9.S) still stands in its number column
    return "text"


_MARGIN = re.compile(V.MARGIN_MARK)


def _whole(clean: str) -> bool:
    """A line that is a cell of its own even without a blank line before or after it: a field label, a page
    marker or the page's chrome (a wrapped cell's pieces are no such thing)."""
    return bool(_MARGIN.search(clean)) or bool(V.PAGE_CHROME.match(clean)) or V.any_label(clean.rstrip(":"))


def join_wrapped(cells: list[StreamCell], after_blank: list[bool]) -> list[StreamCell]:
    out: list[StreamCell] = []
    for c, fresh in zip(cells, after_blank):
        prev = out[-1] if out else None
        if (not fresh and prev is not None and not prev.line and not c.line and not prev.empty
                and len(prev.clean) + len(c.clean) <= CELL_CHARS and not _whole(prev.clean) and not _whole(c.clean)):
            out[-1] = StreamCell(prev.start, c.end, V.repair_label(prev.clean + c.clean))
        else:
            out.append(c)
    return out


def _is_category(clean: str) -> bool:
    return bool(V.fallback_level1(clean) or V.fallback_level2(clean))


def _head_only(head: str, tail: str) -> bool:
    """``head`` is no category of its own, or only the short form of the one it makes with ``tail`` (服务对象, read
    as 服务对象满意度指标 where the cell wrapped onto two lines, is the head of 服务对象 / 满意度指标)."""
    return not _is_category(head) or V.fallback_level2(head) == V.fallback_level2(head + tail)


def join_split_categories(cells: list[StreamCell]) -> list[StreamCell]:
    """A category word a cell broke into two paragraphs (可持续影响 / 指标, 可持续影 / 响指标, 服务对象 / 满意度指标; blank
    lines between the cells): the two cells as one, where together they are a category word and the second alone is
    none, or a level-2 of which neither piece alone is one."""
    out: list[StreamCell] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and not prev.line and not c.line and not prev.empty and not c.empty
                and _is_category(prev.clean + c.clean)
                and (not _is_category(c.clean) or (_head_only(prev.clean, c.clean) and V.fallback_level2(prev.clean + c.clean)))
                and cell_kind(prev.clean) in ("cat", "text")):
            out[-1] = StreamCell(prev.start, c.end, prev.clean + c.clean)
        else:
            out.append(c)
    return out


# a column's letter or formula a header cell prints as a paragraph of its own under its word (全年预算数 / (A),
# 执行率 / (B/A)): a <p> inside the cell, no column
_COLUMN_MARK = re.compile(r"^\([A-Z](?:[/+\-×*][A-Z])*(?:[×*]100%)?\)$")


def join_column_marks(cells: list[StreamCell]) -> list[StreamCell]:
    """A header word's column mark printed as the next paragraph ((A) after 全年预算数): one cell with its word."""
    out: list[StreamCell] = []
    for c in cells:
        prev = out[-1] if out else None
        if (prev is not None and not prev.line and not prev.empty and not c.empty and _COLUMN_MARK.match(c.clean)
                and cell_kind(prev.clean) in ("fh", "ih")):
            out[-1] = StreamCell(prev.start, c.end, prev.clean + c.clean)
        else:
            out.append(c)
    return out


# a header word is short: two paragraphs longer than this together are no header word broken in two
HEADER_WORD_CHARS = 14
_WORD_HALF = re.compile(r"[\u4e00-\u9fff]{1,6}")


def _header_slot(clean: str) -> str | None:
    """The column a header word names (funds and indicator headers apart), or None."""
    for prefix, headers in (("f", V.FUNDS_HEADERS), ("i", V.INDICATOR_HEADERS)):
        for slot, rx in headers:
            if rx.search(clean) if slot == "reason" else rx.fullmatch(V.header_core(clean)):
                return f"{prefix}:{slot}"
    return None


def join_split_header_words(cells: list[StreamCell]) -> list[StreamCell]:
    """A header word a cell broke into two paragraphs (年度 / 指标值, 实际 / 完成值, 偏差原因分析 / 及改进措施): one cell,
    where together they name a column and a piece alone names none, or both name that same column (a column is not
    printed twice side by side; a reason column's second piece opens with 及 / 和)."""
    out: list[StreamCell] = []
    for c in cells:
        prev = out[-1] if out else None
        whole = None if (prev is None or prev.line or c.line or prev.empty or c.empty
                         or len(prev.clean) + len(c.clean) > HEADER_WORD_CHARS) else _header_slot(prev.clean + c.clean)
        if whole is not None:
            a, b = _header_slot(prev.clean), _header_slot(c.clean)
            if whole.endswith("reason"):  # (a remark's words hold 原因 too: only a reason word's second half joins)
                joins = c.clean[0] in "及和与" and a == whole
            else:  # (a piece naming no column is a word's half: a few characters, no bracket, no sentence)
                joins = (a == b == whole or a is None and _WORD_HALF.fullmatch(prev.clean) is not None
                         or b is None and _WORD_HALF.fullmatch(c.clean) is not None)
            if joins:
                out[-1] = StreamCell(prev.start, c.end, prev.clean + c.clean)
                continue
        out.append(c)
    return out


def join_headers(cells: list[StreamCell]) -> list[StreamCell]:
    """Header cells a Word table printed as two paragraphs: split words, then column marks."""
    return join_column_marks(join_split_header_words(cells))


# the full category word (with its allotment, 效益指标(30分)) a preview's jump can glue a cut cell onto; the
# leftmost match is the longest word (服务对象满意度指标, not 满意度指标)
_GLUED_TAIL = re.compile("(?:" + "|".join(sorted((*V.LEVEL2_PARENT, *V.LEVEL1), key=len, reverse=True))
                         + r")(?:\(\d+(?:\.\d+)?分\))?$")


def glued_category(c: StreamCell) -> tuple[StreamCell, StreamCell] | None:
    """A cell a preview's jump cut and glued to the next cell, where that one is a category word (其他资 + 质量指标):
    the two cells, or None."""
    if c.line or c.end - c.start != len(c.clean) or cell_kind(c.clean) != "text":
        return None  # (a cell with inner spaces or repaired words has no one-to-one offsets)
    m = _GLUED_TAIL.search(c.clean)
    if m is None or not m.start() or cell_kind(c.clean[:m.start()]) != "text":
        return None
    cut = c.start + m.start()
    return StreamCell(c.start, cut, c.clean[:m.start()]), StreamCell(cut, c.end, m.group())



# a preview that jumps resumes within this many cells with the table's words (its page counter, a repeated
# header and the rest of a cut row come first)
JUMP_LOOKAHEAD = 12
# the cells a table resumes with after a jump: a category, a header word, a field label
_RESUMES = frozenset(("cat", "ih", "fh", "label"))


def preview_jumps(cells: list[StreamCell]) -> set[int]:
    """Indexes of a preview's jump markers (点击查看更多, 剩余内容已隐藏, 此处隐藏 …) where the table goes on after
    them, of the values right after each (the tail of a row whose name the jump cut: contract, no indicator without
    its name) and of a category cell right before one (its row cut). Where nothing of the table follows, the
    marker is the preview's end."""
    drop: set[int] = set()
    for k, c in enumerate(cells):
        if c.line or c.empty or not V.PREVIEW_END.match(c.clean):
            continue
        if not any(not a.line and cell_kind(a.clean) in _RESUMES for a in cells[k + 1:k + 1 + JUMP_LOOKAHEAD]):
            continue
        drop.add(k)
        if k and not cells[k - 1].line and cell_kind(cells[k - 1].clean) == "cat":
            drop.add(k - 1)  # a category cell the jump cut its row after (质量 / ……此处隐藏): it opens no row left
        j = k + 1
        while j < len(cells) and not cells[j].line and (V.VALUE_START.match(cells[j].clean) or cells[j].empty):
            drop.add(j)
            j += 1
    return drop


# the most amounts a funds total row prints (年初预算数 全年预算数 全年执行数 分值 执行率 得分)
FUNDS_ROW_CELLS = 6


def cuts_funds_row(cells: list[StreamCell], k: int) -> bool:
    """Whether the jump marker at ``k`` cuts a funds total row: amounts stand before it back to the total's label,
    or the label holds one (年度资金总额:85 / 85 / ……此处隐藏…)."""
    j = k - 1
    while j >= 0 and k - j <= FUNDS_ROW_CELLS and not cells[j].line and cell_kind(cells[j].clean) == "num":
        j -= 1
    if j < 0 or cells[j].line or not (m := V.FUNDS_TOTAL_LABEL.match(cells[j].clean)):
        return False
    return j < k - 1 or is_amount(cells[j].clean[m.end():].strip())


def drop_repeated_page_headers(cells: list[StreamCell]) -> list[StreamCell]:
    """The cells without the page headers a preview repeats between the rows of one table, its page counters
    (``page_headers``) and its jump markers (``preview_jumps``); a jump marker that cuts a funds total row stays
    (``cuts_funds_row``): the funds reader reads the row's amounts under its first columns only."""
    texts = [("" if c.line or c.empty else c.clean) for c in cells]
    jumps = preview_jumps(cells)
    drop = repeated_page_headers(texts) | page_counters(texts) | jumps
    drop -= {k for k in jumps if V.PREVIEW_END.match(cells[k].clean) and cuts_funds_row(cells, k)}
    return [c for k, c in enumerate(cells) if k not in drop] if drop else cells


# a preview's chunk markers (1、 2、 3、 opening its chunks) stand at least this many cells apart; closer, numbered
# lines are a list in one cell (1、… 2、… of a 年度目标)
CHUNK_MARKER_GAP = 10


def chunk_markers(cells: list[StreamCell]) -> set[int]:
    """Indexes of the cells a preview's chunk markers open: numbered 1、 2、 3、 in order from 1, far apart."""
    found = [(k, int(m.group(1))) for k, c in enumerate(cells)
             if not c.line and not c.empty and (m := CHUNK_MARKER.match(c.clean))]
    run: list[int] = []
    for k, n in found:
        if n == len(run) + 1 and (not run or k - run[-1] >= CHUNK_MARKER_GAP):
            run.append(k)
    return set(run) if len(run) >= 2 else set()


def _cut_by_marker(c: StreamCell, prev: StreamCell | None) -> StreamCell | None:
    """The cell a chunk marker cut in two (实训基地设备 / 3、购置项目, 效益 / 2、指标) joined again: the words after the
    marker are no label, category or value of their own, and the cell before them is words too."""
    m = CHUNK_MARKER.match(c.clean)
    rest = c.clean[m.end():] if m else ""
    if (prev is None or prev.line or prev.empty or not rest or cell_kind(rest) != "text"
            or cell_kind(prev.clean) not in ("text", "cat") or V.VALUE_START.match(rest)):
        return None
    return StreamCell(prev.start, c.end, prev.clean + rest, cut=(c.start, c.start + m.end()))


def split_glued_cells(cells: list[StreamCell]) -> list[StreamCell]:
    """Cells a preview glued together split apart, its chunk markers left out (``glued_cells``); a cell a chunk
    marker cut in two joined again."""
    out: list[StreamCell] = []
    markers = chunk_markers(cells)
    for k, c in enumerate(cells):
        if k in markers and (joined := _cut_by_marker(c, out[-1] if out else None)) is not None:
            out[-1] = joined
            continue
        # (a cell with inner spaces or repaired words has no one-to-one offsets: left whole)
        in_header = bool(out) and out[-1].clean in V.HEADER_WORDS
        pieces = (split_glued(c.clean, in_header) if not c.line and not c.empty and c.end - c.start == len(c.clean)
                  else None)
        if pieces is None:
            out.append(c)
            continue
        out += [StreamCell(c.start + a, c.start + b, c.clean[a:b]) for a, b in pieces]
    return out


_CJK1 = re.compile(r"^[\u4e00-\u9fff]$")


def _known(text: str) -> bool:
    return _is_category(text) or bool(V.SECTION_CAPTION.match(text))


# the longest template word a merged cell spells one character a line (社会公众或服务对象满意度指标, 14): a longer run of
# single characters is no one word
VERTICAL_WORD_MAX_CHARS = 16


def join_vertical_words(cells: list[StreamCell]) -> list[StreamCell]:
    """A merged cell's label printed one character a line (产 / 出 / 指 / 标, 绩 / 效 / 指 / 标) as one cell, where the
    characters together are a category word or the 绩效指标 caption; and a category word broken before its last
    word (可持续影响 / 指标, 服务对象满意度 / 指标) as one. (Where nothing separates cells, only words the template
    prints make the join certain.)"""
    out: list[StreamCell] = []
    k = 0
    j = 0  # the end of the run of one-character cells k stands in (found once per run: linear on a long run)
    while k < len(cells):
        c = cells[k]
        if j <= k:
            j = k
            while j < len(cells) and not cells[j].line and _CJK1.match(cells[j].clean):
                j += 1
        if 2 <= j - k <= VERTICAL_WORD_MAX_CHARS and _known(word := "".join(x.clean for x in cells[k:j])):
            out.append(StreamCell(c.start, cells[j - 1].end, word))
            k = j
            continue
        prev = out[-1] if out else None
        if (c.clean == "指标" and prev is not None and not prev.line and not prev.clean.endswith("指标")
                and _is_category(prev.clean + c.clean)):
            out[-1] = StreamCell(prev.start, c.end, prev.clean + c.clean)
        else:
            out.append(c)
        k += 1
    return out


def levels_before_names(cells: list[StreamCell]) -> list[StreamCell]:
    """A row's level cells put back before its name where blocks sorted by their top edge (PyMuPDF's ``sort=True``
    on a sheet whose cells are vertically centred) printed a name of two lines first: after the previous row's score
    come the name's pieces, then the row's category words, then its first value (不合格…按时完 / 成率 / 时效指标 /
    100%); in cell order the category comes first. A remark after a score is followed by the next row's name, not a
    value, so it stays."""
    out = list(cells)
    k = 1
    while k < len(out):
        if cell_kind(out[k - 1].clean) != "num":
            k += 1
            continue
        lead = _run(out, k, "cat", SORTED_LEVEL_CELLS)  # (a merged level cell centred higher still)
        m = _run(out, k + lead, "text", MAX_SORTED_NAME_PIECES)
        c = _run(out, k + lead + m, "cat", SORTED_LEVEL_CELLS) if m else 0
        after = k + lead + m + c
        moved = bool(c) and after < len(out) and not out[after].line and _valueish(out[after].clean) \
            and m >= MIN_SORTED_NAME_PIECES
        if moved:
            a = k + lead
            out[a:after] = [*out[a + m:after], *out[a:a + m]]
        levels = lead + c if moved else lead
        if levels == SORTED_LEVEL_CELLS and (moved or k + 3 < len(out) and _valueish(out[k + 3].clean)) \
                and _parent(out[k].clean) and _parent(out[k].clean) == V.fallback_level1(out[k + 1].clean):
            out[k:k + 2] = [out[k + 1], out[k]]  # a level-2 of two lines before its one-line level-1
        k += 1
    return out


def _parent(clean: str) -> str | None:
    return V.LEVEL2_PARENT.get(V.fallback_level2(clean) or "")


def _valueish(clean: str) -> bool:
    """A row's first value as printed: a number or an operator first (≥420元, 100%)."""
    return bool(V.VALUE_START.match(clean)) or bool(V.OPERATORS.match(clean))


def _run(cells: list[StreamCell], k: int, kind: str, most: int) -> int:
    """How many cells of ``kind`` (whole cells, not lines) stand from ``k`` on, at most ``most``."""
    n = 0
    while n < most and k + n < len(cells) and not cells[k + n].line and cell_kind(cells[k + n].clean) == kind:
        n += 1
    return n


def slipped_name_labels(cells: list[StreamCell]) -> list[StreamCell]:
    """``cells`` with a name label OCR misread in two characters (项日名祢) read as the label, where the cell after its
    value is a 主管部门 / 实施单位 label and no name label stands in the cells before it (``slipped_name_label``)."""
    out = list(cells)
    for k, c in enumerate(cells[:-2]):
        word = slipped_name_label(c.clean.rstrip(":"))
        if word is None or not (V.DEPT_LABEL.match(cells[k + 2].clean) or V.IMPL_LABEL.match(cells[k + 2].clean)):
            continue
        if not any(V.NAME_LABEL.match(x.clean.rstrip(":")) for x in out[max(0, k - 2 * NAME_ROW_REACH):k]):
            out[k] = StreamCell(c.start, c.end, word, c.line, c.empty, c.cut)
    return out


def label_runs(cells: list[StreamCell]) -> list[int]:
    """For each cell, how many field labels run from it (one pass from the end: a run is counted once, not again
    from each of its cells)."""
    runs = [0] * (len(cells) + 1)
    for k in range(len(cells) - 1, -1, -1):
        runs[k] = runs[k + 1] + 1 if not cells[k].line and cell_kind(cells[k].clean) == "label" else 0
    return runs


def label_run(cells: list[StreamCell], k: int, runs: list[int]) -> int:
    """How many field labels open a label row at cell ``k`` (中央主管部门 / 地方主管部门 / 资金使用单位, their values on
    the next row, in the same order): at least two labels, followed by as many plain cells; else 0."""
    n = runs[k]
    values = cells[k + n:k + 2 * n]
    if n < 2 or len(values) < n:
        return 0
    plain = all(not v.line and cell_kind(v.clean) in ("text", "num") and not V.UNIT_CAPTION.search(v.clean)
                for v in values)
    # a cell just before a header run is that header's caption (项目资金 | 年初预算数 …), not a label's value: the
    # labels' values then did not all print
    after = cells[k + 2 * n] if k + 2 * n < len(cells) else None
    captioned = after is not None and cell_kind(after.clean) in ("fh", "ih")
    return n if plain and not captioned else 0


# a web table's text prints its empty cells as lone-space lines between the cells' lines (an &nbsp; cell): this many
# say the text is one cell a line even where no blank line separates the others
MIN_PRINTED_BLANKS = 3


def printed_blanks(text: str) -> bool:
    """Whether at least ``MIN_PRINTED_BLANKS`` lines hold only spaces between two lines of words."""
    lines = text.split("\n")
    found = sum(1 for a, b, c in zip(lines, lines[1:], lines[2:]) if b and not b.strip() and a.strip() and c.strip())
    return found >= MIN_PRINTED_BLANKS


def is_funds_header(clean: str) -> bool:
    core = V.header_core(clean)
    return any(rx.match(t) for t in (clean, core) for name, rx in V.FUNDS_HEADERS if name != "reason")


def structural(clean: str) -> bool:
    """一级指标 / 二级指标 / 三级指标 / 指标名称 / 序号: a word only an indicator header prints, never a value."""
    core = V.header_core(clean)
    return any(rx.match(clean) or rx.match(core) for slot, rx in V.INDICATOR_HEADERS if slot in ("serial", "l1", "l2", "name"))


NOT_VALUE_SLOTS = ("serial", "l1", "l2", "name", "reason")


def is_value_slot(clean: str) -> bool:
    core = V.header_core(clean)
    for slot, rx in V.INDICATOR_HEADERS:
        if slot in NOT_VALUE_SLOTS:
            continue
        if rx.match(clean) or rx.match(core):
            return True
    return False


# a target printed whole in one cell: an operator, a number and a unit (≥18条, ≤5万元, =100%)
_WHOLE_TARGET = re.compile(r"^(?P<op>[<>=≥≤≧≦＞＜＝═]{1,2})\d+(?:\.\d+)?[^\d\s]{1,6}$")


def columns_a_target_fills(text: str, slots: list[str | None]) -> int:
    """How many columns besides 指标值 one cell fills where it prints the operator and the unit with its number
    (≥18条 under 指标性质 / 指标值 / 度量单位: 2), where the header has such columns; 0 otherwise."""
    if not _WHOLE_TARGET.match(text):
        return 0
    return sum(1 for s in slots if s in ("op", "nature")) + ("unit" in slots)
