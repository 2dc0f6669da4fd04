"""Pipe tables (``| 项目名称 | X |``, one cell per line closed by ``|``, rows run into one line) as the tab rows the
layout stage reads; every kept character keeps its offset into the text before (the normalize stage's map).
The scans here are linear in the text: a hostile run of blanks or tabs is read once (issue 21)."""

from __future__ import annotations

import re

# a pipe with the spaces around it: one cell boundary (the blanks before it taken only from where their run
# opens: a match tried inside a long run of tabs would rescan the run to its end at every tab, quadratic)
_PIPE = re.compile(r"(?:(?<![ \t])[ \t]*+)?\|[ \t]*")
# a wrapped pipe row runs on for at most this many lines before its closing '|'
PIPE_ROW_LINES = 12


# What OCR reads for a table's vertical ruling line besides '|': the CJK stroke 丨 anywhere it stands alone, and a
# lone Latin I or l standing between cells of a line that already shows this many pipes (a letter alone between
# two spaces in a Chinese form's row is no word).
RULING_GLYPH = "丨"
# (and a bracket: a ruling's foot read as '[' by Tesseract, at a row's start or between two cells)
RULING_LETTERS = "Il[]"
RULING_LINE_PIPES = 2
# a line of a scan ruled only by lone letters (``项目资金 l 全年预算数(A) l 全年执行数(B) l 分值``): this many lone
# ruling glyphs and no pipe at all (no Chinese row prints three lone Latin letters or brackets as words)
RULING_LONE_GLYPHS = 3
_LONE_GLYPH = re.compile(rf"(?<![^ \t\n])[{RULING_GLYPH}{re.escape(RULING_LETTERS)}](?![^ \t\n])")
# 丨 is no word of modern Chinese: at a cell's edge (a blank or the line's end on one side) it is a ruling even where
# the OCR glued it to the cell on its other side (``丨项目名称 丨2023年…``)
_EDGE_GLYPH = re.compile(rf"(?<![^ \t\n]){RULING_GLYPH}|{RULING_GLYPH}(?![^ \t\n])")
# a thin inner ruling read as I, l or a bracket glued to the CJK cell after it (``I年度资金总额``, ``]指标``), on a ruled
# line only (``l5`` before a digit is a slipped 15, not a ruling; ``[2023]`` a bracket)
_GLUED_LETTER = re.compile(r"(?<![^ \t\n])[Il\[\]](?=[\u4e00-\u9fff（(])")
_ANY_RULING_GLYPH = re.compile(rf"[{RULING_GLYPH}{re.escape(RULING_LETTERS)}]")


def _ruled(line: str) -> bool:
    """The line shows the rulings of a scanned form: two pipes or 丨, or (a bracket-ruled scan) it opens with a lone
    '[' and shows one more lone ruling glyph (``[ 转移支付名称 ] 2023年…``; ``附件 [ 2 ]`` stays text)."""
    if line.count("|") + line.count(RULING_GLYPH) >= RULING_LINE_PIPES:
        return True
    if _ANY_RULING_GLYPH.search(line) is None:
        return False  # (most lines: no glyph a ruling is read as)
    s = line.lstrip(" \t")
    if len(_LONE_GLYPH.findall(s)) + len(_GLUED_LETTER.findall(s)) + s.count(RULING_GLYPH) >= RULING_LONE_GLYPHS:
        return True
    return s[:2] in ("[ ", "[\t") and len(_LONE_GLYPH.findall(s)) >= 2


def ruling_glyphs(text: str) -> str:
    """``text`` with the glyphs OCR read for ruling lines written as '|' (one character for one: offsets stay)."""
    if RULING_GLYPH not in text and "|" not in text and "[" not in text:
        return text
    out = list(text)
    pos = 0
    for line in text.split("\n"):
        if RULING_GLYPH in line:
            for m in _EDGE_GLYPH.finditer(line):
                out[pos + m.start()] = "|"
        if _ruled(line):
            for m in _LONE_GLYPH.finditer(line):
                out[pos + m.start()] = "|"
            for m in _GLUED_LETTER.finditer(line):
                out[pos + m.start()] = "|"
        pos += len(line) + 1
    return "".join(out)


def _is_pipe_rule(line: str) -> bool:
    """``|---|:---:|``: the markdown header rule, no content."""
    s = line.strip(" \t")
    return "|" in s and "-" in s and not s.strip("|-: \t")


def _is_pipe_row(line: str, scanned: bool = False, glued: bool = False) -> bool:
    s = line.strip(" \t")
    if s.count("|") >= 2 and (s.startswith("|") or s.endswith("|")):
        return True
    if glued and _glued_pipe(s):
        return True
    # a two-cell row of a ruled form read by OCR (``项目名称  |  X``): one pipe between content, spaced (by one
    # space where the whole text reads as such a scan)
    # (on a scan, a ruling glued to the cell on one side: ``项目名称 |2023年…``, ``主管部门 |X   | 实施单位 |Y``)
    if scanned and len(_EDGE_PIPE.findall(s)) >= 2:
        return True
    return line.count(" | ") >= 2 or (s.count("|") == 1 and ("  |  " in s or (scanned and (" |" in s or "| " in s)))
                                      and not s.startswith("|") and not s.endswith("|"))


# a pipe with a blank on at least one side: a ruling between two cells, not a pipe inside a word
_EDGE_PIPE = re.compile(r"[ \t]\||\|[ \t]")


# html2text prints a table's rows without outer pipes, each pipe glued to the cell before it and a space after
# (``项目名称| 2023年…``), under a ``---|---`` rule: a text with at least this many such lines prints its rows so.
GLUED_PIPE_LINES = 3


def _glued_pipe(s: str) -> bool:
    """The line shows a pipe glued to a cell's end and followed by a space or its end (``年度资金总额| 120|``)."""
    k = s.find("|")
    while k >= 0:
        if k > 0 and s[k - 1] not in " \t|" and (k + 1 == len(s) or s[k + 1] == " "):
            return True
        k = s.find("|", k + 1)
    return False


def _glued(lines: list[str]) -> bool:
    return sum(_glued_pipe(line.strip(" \t")) for line in lines) >= GLUED_PIPE_LINES


# A scanned ruled form read by OCR prints its rows with the rulings between cells and seldom at the left edge: at
# least this many lines with two or more inner pipes that do not open with one, and no row padded at its end
# (``| 10 | ||||``, a web export). Its lines without pipes print their cells apart by runs of spaces.
SCANNED_ROW_LINES = 3


def _scanned(lines: list[str]) -> bool:
    inner = 0
    for line in lines:
        s = line.strip(" \t")
        if s.endswith("||"):
            return False
        inner += s.count(" | ") >= 2 and not s.startswith("|")
    return inner >= SCANNED_ROW_LINES


def _closed(s: str) -> bool:
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _widest_row(lines: list[str]) -> int:
    """Pipes in the document's widest closed row (``| a | b |`` on one line): no row has more."""
    return max((s.count("|") for s in (line.strip(" \t") for line in lines) if _closed(s)), default=0)


def _pipe_row_end(lines: list[str], i: int, width: int = 0) -> int:
    """Last line of the pipe row opening at line ``i``: a row opened by '|' and not closed on its
    line (a cell with line breaks: 产\\n出\\n指\\n标) runs to the next line ending with '|'.

    A line opening with '|' starts a row of its own, unless the row so far and that line together
    have no more pipes than ``width`` (the widest closed row): then the row was broken just before
    a pipe (``| 产出指标 | 数量 | 10\\n| 10 |``, or a lone ``|`` line) and runs on.
    """
    s = lines[i].strip(" \t")
    if not s.startswith("|") or _closed(s):
        return i
    pipes = s.count("|")
    for k in range(i + 1, min(len(lines), i + 1 + PIPE_ROW_LINES)):
        t = lines[k].strip(" \t")
        if not t:
            return i
        if t.startswith("|") and pipes + t.count("|") > width:
            return i
        if s.count("|") >= 2 and not t.startswith("|"):
            # the opening line shows its cells already (OCR of a ruled form: ``| 建设3个… | 建成…``): a line that
            # opens without a pipe is the next row, not the rest of a cell broken over lines (``| 产`` / ``出``)
            return i
        pipes += t.count("|")
        if t.endswith("|"):
            return k
    return i


# One cell per line closed by a pipe (``政务服务中心运维经费 |``), rows ended by pipe-only filler lines
# (``|||||||``, or ``| |`` with blanks between the pipes): a web table exported cell by cell. Read as one-cell-per-line blocks when such lines are
# at least this many and this share of the lines that hold a pipe (pipe-row documents have a few too).
PIPE_CELL_LINES = 10
PIPE_CELL_SHARE = 0.5
_PIPE_FILLER = re.compile(r"^[ \t]*\|(?:[ \t]*\|)+[ \t]*$")


def _pipe_cell(line: str) -> tuple[int, int] | None:
    """Where the cell of a cell line (``  X  |  ``: one pipe, nothing but blanks after it) lies in the line;
    None for any other line. (Found by hand, not by a pattern: a lazy cell before a run of blanks is retried
    at every character of a long line, quadratic.)"""
    k = line.find("|")
    if k < 0 or line[k + 1:].strip(" \t"):
        return None
    head = line[:k]
    a = k - len(head.lstrip(" \t"))
    return a, max(a, len(head.rstrip(" \t")))


def pipe_cell_lines(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Cell-per-line pipe tables as the layout stage's one-cell-per-line blocks: ``X |`` -> ``\\tX``
    (a lone ``|``: an empty cell), a filler line -> two blank lines (the row's end). Offsets stay true:
    the tab takes its pipe's offset."""
    lines = text.split("\n")
    cell = [_pipe_cell(line) is not None for line in lines]
    filler = [bool(_PIPE_FILLER.match(line)) for line in lines]
    piped = sum("|" in line for line in lines)
    n_cell = sum(cell)
    if n_cell < PIPE_CELL_LINES or n_cell + sum(filler) < PIPE_CELL_SHARE * piped:
        return text, offsets
    # without filler lines nothing marks a row's end: the cells are left one a line, bare, for the readers that
    # tell rows by their words (cell_stream)
    bare = not any(filler)
    chars: list[str] = []
    offs: list[int] = []
    # a run of lines with no pipe that a cell line closes: a cell's text broken over several lines (a <br> or
    # several <p> in one cell); only the run's last line carries the pipe
    closes_in_cell = [False] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        bare_line = not cell[k] and not filler[k] and "|" not in lines[k] and bool(lines[k].strip())
        closes_in_cell[k] = bare_line and k + 1 < len(lines) and (cell[k + 1] or closes_in_cell[k + 1])
    pos = 0
    wrapped = False  # the line before was the start of this line's cell (a break inside the cell)
    for k, line in enumerate(lines):
        end = pos + len(line)
        # a line with no pipe between cells, before a cell line: the cell's text broken over two lines or more
        fragment = closes_in_cell[k] and k > 0 and (cell[k - 1] or filler[k - 1] or wrapped)
        if filler[k]:
            # two blank lines: a row's end that the layout stage never takes for a stray break inside a row
            chars.append("\n")
            offs.append(offsets[pos])
        elif cell[k] or fragment:
            m = _pipe_cell(line)
            a, b = (pos + m[0], pos + m[1]) if m else (pos, end)
            if not wrapped and not bare:
                chars.append("\t")
                offs.append(offsets[pos + line.rindex("|")] if m else offsets[a])
            chars.extend(text[a:b])
            offs.extend(offsets[a:b])
        else:
            chars.extend(text[pos:end])
            offs.extend(offsets[pos:end])
        wrapped = bool(fragment)
        if k < len(lines) - 1:
            chars.append(" " if wrapped else "\n")
            offs.append(offsets[end])
        pos = end + 1
    offs.append(offsets[len(text)])
    return "".join(chars), offs


# A pipe table whose line breaks were lost (copied as one line) still shows where its rows ended: a run of
# empty cells (``| 10 | |||||``) pads a row to the table's width, and a pipe-only filler line separated rows.
# A line this long with this many pipes is such a table; after a run of at least PIPE_RUN_EMPTY empty cells
# the space before the next cell was a line break.
UNFOLD_LINE_CHARS = 300
UNFOLD_LINE_PIPES = 30
PIPE_RUN_EMPTY = 2


def _row_breaks(line: str) -> list[int]:
    """Positions in ``line`` of the space after each run of PIPE_RUN_EMPTY or more empty cells that a cell
    follows (one pass: a regex here would retry every pipe of a long run)."""
    out = []
    i, n = 0, len(line)
    while i < n:
        if line[i] != "|":
            i += 1
            continue
        pipes, j = 1, i + 1
        while j < n:
            k = j
            while k < n and line[k] in " \t":
                k += 1
            if k < n and line[k] == "|":
                pipes, j = pipes + 1, k + 1
            else:
                break
        if pipes > PIPE_RUN_EMPTY and j < n and line[j] in " \t":
            k = j
            while k < n and line[k] in " \t":
                k += 1
            if k < n:
                out.append(j)
        i = j
    return out


def unfold_pipe_runs(text: str) -> str:
    """Line breaks put back after the empty-cell runs of a pipe table run into one line (one character
    for one: the space before the next row becomes a newline)."""
    if "\n" in text and not any(len(line) >= UNFOLD_LINE_CHARS and line.count("|") >= UNFOLD_LINE_PIPES
                                 for line in text.split("\n")):
        return text
    out = list(text)
    pos = 0
    for line in text.split("\n"):
        if len(line) >= UNFOLD_LINE_CHARS and line.count("|") >= UNFOLD_LINE_PIPES:
            for k in _row_breaks(line):
                out[pos + k] = "\n"
        pos += len(line) + 1
    return "".join(out)


# Web exports that pad every row to the table's width end a complete row with a run of empty cells
# (``| 10 | 100% | 10 | |||||``); there a line ending in one pipe (``绩效指标 | 一级 指标 |``, a row-spanning
# ``产 出 指 标 (50分) |``) or ending with none before a line opening with one (``成本指标`` / ``| 规划...``)
# was broken inside its row. Such documents have at least this many padded lines and this share of pipe lines.
PADDED_ROW_LINES = 5
PADDED_ROW_SHARE = 0.3


def _padded_end(line: str) -> bool:
    """The line ends with two pipes (spaces between allowed): a row padded with empty cells."""
    t = line.rstrip(" \t")
    return t.endswith("|") and t[:-1].rstrip(" \t").endswith("|")


def _one_pipe_end(line: str) -> bool:
    """The line ends with one pipe after content: ``绩效指标 | 一级 指标 |``."""
    t = line.rstrip(" \t")
    return t.endswith("|") and bool(t[:-1].strip()) and not t[:-1].rstrip(" \t").endswith("|")


CLOSED_ROW_PIPES = 3


def _whole_row(line: str, width: int, nxt: str = "", markdown: bool = False) -> bool:
    """A line that is a row of its own: a ``|---|`` rule, or a row opened and closed by pipes with as many as the
    widest closed row (no piece of a broken row shows all the table's columns; a row whose first cell has no pipe
    before it too), or as many as the closed row after it (a narrower table further down the page: ``| 项目 | 预算数 |
    决算数 |`` over rows of its own width). In a markdown table (one with a ``|---|`` rule) every closed line is a
    row: a markdown row is never broken over lines, and one with fewer cells is a row under merged cells (an HTML
    rowspan the converter left out)."""
    s = line.strip(" \t")
    if width > 2 and s.endswith("|") and not s.startswith("|") and s.count("|") >= width:
        return True  # a row whose first cell stands before its first pipe (绩效指标 | 一级指标 | … |), as wide as any
    # (a scanned form's ruled rows are each closed on their line, as wide as their merged cells leave them: a closed
    # row of two cells or more before another closed row is a row)
    return _is_pipe_rule(line) or (_closed(s) and (markdown or s.count("|") >= width
                                                   or (_closed(nxt) and nxt.count("|") == s.count("|"))
                                                   or (_closed(nxt) and s.count("|") >= CLOSED_ROW_PIPES
                                                       and nxt.count("|") >= CLOSED_ROW_PIPES)))


def _ends_its_row(line: str, nxt: str, widest: int) -> bool:
    """A line whose last cell is filled (no pipe after it: ``年度资金总额 | 186 | … | 9.8``, a row joined with ' | '
    where only rows ending in empty cells show their padding) is a whole row when it and the next line together
    hold more pipes than the widest padded row: the pieces of one broken row never do."""
    return line.count("|") >= 2 and bool(nxt) and line.count("|") + nxt.count("|") > widest


def padded_pipe_rows(text: str) -> str:
    """Line breaks inside a padded pipe row become spaces, so that the row is one line (offsets are
    unchanged: one character for one)."""
    lines = text.split("\n")
    piped = [k for k, line in enumerate(lines) if "|" in line]
    padded = sum(_padded_end(lines[k]) for k in piped)
    if padded < PADDED_ROW_LINES or padded < PADDED_ROW_SHARE * len(piped):
        return text
    width = _widest_row(lines)
    markdown = any(_is_pipe_rule(lines[k]) for k in piped)
    # the table's width: its padded rows are padded to it (a site's navigation bar of many pipes is no row)
    widest = max(lines[k].count("|") for k in piped if _padded_end(lines[k]))
    out = list(text)
    pos = 0
    joined = False  # the line before ran on into this one
    for k, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[k + 1].strip(" \t")
        broken = "|" in line and not line.rstrip(" \t").endswith("|")  # a complete row ends with its pipes
        # (a row whose last cell is filled ends in one pipe: as many pipes as a padded row, or, a header row whose caption
        # cell merges over the rows below, one cell narrower than the padded rows: whole by the count with the next line)
        if (_whole_row(line, width, nxt, markdown) or (broken and _ends_its_row(line, nxt, widest))
                or (_one_pipe_end(line) and (line.count("|") >= widest or _ends_its_row(line, nxt, widest)))):
            joined = False  # (a markdown export ends every row with its last cell's pipe, a blank last cell too)
        elif nxt and line.strip() and (_one_pipe_end(line) or broken or ("|" not in line and joined)
                                     or ("|" not in line and "|" in nxt and k > 0 and "|" in lines[k - 1])):
            # (a line without pipes inside a row that ran on is a piece of a cell broken twice: 补助庭院 / 果蔬种 / 植面积 |;
            # one between two rows is the start of the next row's first cell: 其中梨树种植 / 面积 | 6亩 |)
            out[pos] = " "
            joined = True
        else:
            joined = False
        pos += 1
    return "".join(out)


# the last cell of a one-line ruled row, then this many blanks and more words: words printed beside the table (a seal
# right of the 总分 row: ``| 总分 | 100 | 96.5          梧川市园林局``), a cell of their own, not the cell's text
FAR_GAP = 8
_FAR_GAP = re.compile(rf"(?<=\S) {{{FAR_GAP},}}(?=\S)")


def _far_text(seg: str, pos: int) -> int | None:
    """Offset in ``seg`` of the first blank of a ``FAR_GAP`` run inside the row's unclosed last cell (from ``pos``)."""
    m = _FAR_GAP.search(seg, pos)
    return m.start() if m else None


_SPACE_RUN = re.compile(r"(?<=\S)  +(?=\S)")


def _space_run_cells(line: str) -> str:
    """A scanned form's line without pipes, its inner runs of two or more spaces opened by a tab (the gap between
    two cells: 项目名称   县域医共体… ; one character for one)."""
    return _SPACE_RUN.sub(lambda m: "\t" + m.group()[1:], line)


def pipe_rows(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Pipe-delimited rows (``| 项目名称 | X |``) as tab rows: inner pipes become tabs, the outer
    pipes, the spaces around pipes and ``|---|`` rule lines are dropped, and line breaks inside a
    wrapped row become spaces so that the row is one line, as the layout stage reads tab rows.
    Every kept character keeps its original offset; a tab takes the offset of its pipe."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    chars: list[str] = []
    offs: list[int] = []

    def keep(a: int, b: int) -> None:
        chars.extend(text[a:b])
        offs.extend(offsets[a:b])

    width = _widest_row(lines)
    scanned = _scanned(lines)
    glued = _glued(lines)
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        a = starts[i]
        if _is_pipe_rule(line):
            i += 1  # the rule line and its line break go
            continue
        j = _pipe_row_end(lines, i, width)
        # '| 产' opens a wrapped row with one pipe on its line: the row as a whole shows the pipes
        if not (_is_pipe_row(line, scanned, glued) or (j > i and sum(lines[k].count("|") for k in range(i, j + 1)) >= 3)):
            if scanned:
                chars.extend(_space_run_cells(line))
                offs.extend(offsets[a:a + len(line)])
                keep(a + len(line), a + len(line) + (1 if i < n - 1 else 0))
            else:
                keep(a, a + len(line) + (1 if i < n - 1 else 0))
            i += 1
            continue
        b = starts[j] + len(lines[j])
        seg = text[a:b]
        matches = list(_PIPE.finditer(seg))
        # html2text's row has no outer pipes: a last pipe closes an empty last cell (kept as a tab: the row ends
        # in a blank cell, so the layout stage never takes the line for a piece of a broken row)
        closing = not (glued and j == i and _glued_pipe(line.strip(" \t")) and not line.lstrip(" \t").startswith("|"))
        pos = 0
        for k, m in enumerate(matches):
            for q in range(pos, m.start()):
                chars.append(" " if seg[q] == "\n" else seg[q])
                offs.append(offsets[a + q])
            outer = (k == 0 and not seg[: m.start()].strip()) or (closing and k == len(matches) - 1
                                                                   and not seg[m.end():].strip())
            if not outer:
                chars.append("\t")
                offs.append(offsets[a + m.start() + m.group().index("|")])
            pos = m.end()
        far = _far_text(seg, pos) if j == i and matches else None
        for q in range(pos, len(seg)):
            chars.append("\t" if q == far else " " if seg[q] == "\n" else seg[q])
            offs.append(offsets[a + q])
        if j < n - 1:
            keep(b, b + 1)
        i = j + 1
    offs.append(offsets[len(text)])
    return "".join(chars), offs
