"""Tables a text browser laid out on a fixed grid (lynx -dump, links -dump): no rules, columns one space apart or
more, each cell's text wrapped inside its column, as tab rows.

Every cell starts at its column's start, so across the table's lines word starts fall on a few display columns:
a block where they do (and an indicator header stands) is such a grid. A line continues the row above where each
of its words sits under a cell the line above filled to its column's edge (the text wrapped there); otherwise it
starts a row. A row's cells are its columns' pieces joined in reading order; a merged cell (rowspan) reads in the
first row it prints on. Display columns count a CJK glyph two wide, on the original characters. One pass."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.vocab import INDICATOR_HEADERS
from jixiao.pipelines.text_width import char_width

_WORD = re.compile(r"\S++")
# a grid block has at least this many lines, and this share of its word starts on columns that this many lines use
GRID_MIN_LINES = 8
GRID_ALIGNED_SHARE = 0.9
GRID_COLUMN_LINES = 3
# the indicator header shows at least this many header words
GRID_HEADER_WORDS = 4


def _width(norm: NormalizedText, i: int) -> int:
    orig = norm.original
    if not orig:
        return char_width(norm.text[i])
    return char_width(orig[norm.offsets[i]])


def _line_words(norm: NormalizedText, a: int, b: int) -> list[tuple[int, int, int, int]]:
    """(display start, display end, text start, text end) of each word of the line ``text[a:b]``."""
    out = []
    col, k = 0, a
    for m in _WORD.finditer(norm.text, a, b):
        for i in range(k, m.start()):
            col += _width(norm, i)
        start = col
        for i in range(m.start(), m.end()):
            col += _width(norm, i)
        out.append((start, col, m.start(), m.end()))
        k = m.end()
    return out


def _header_line(text: str) -> bool:
    words = text.split()
    return sum(any(rx.search(w) for _, rx in INDICATOR_HEADERS) for w in words) >= GRID_HEADER_WORDS


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of each run of non-blank lines that holds an indicator header."""
    out, k = [], 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        j = k
        while j + 1 < len(lines) and lines[j + 1].strip():
            j += 1
        # (a text browser lays its grid out with spaces: a block of tab rows is another reader's)
        tabbed = sum("\t" in lines[q] for q in range(k, j + 1)) * 2 > j - k + 1
        if j - k + 1 >= GRID_MIN_LINES and not tabbed and any(_header_line(lines[q]) for q in range(k, j + 1)):
            out.append((k, j))
        k = j + 1
    return out


def _columns(words: list[list[tuple[int, int, int, int]]]) -> list[int] | None:
    """The grid's column starts, or None where the block's words do not line up on a few columns."""
    starts = Counter(w[0] for line in words for w in line)
    cols = sorted(c for c, n in starts.items() if n >= GRID_COLUMN_LINES)
    total = sum(starts.values())
    aligned = sum(starts[c] for c in cols)
    if len(cols) < GRID_HEADER_WORDS or not total or aligned < GRID_ALIGNED_SHARE * total:
        return None
    # a text browser packs the columns one blank apart where a cell fills its column; a PDF text layer laid out by
    # position leaves wider gaps everywhere (column_rows reads those)
    ends = Counter()
    for line in words:
        for w in line:
            c = max(0, bisect_right(cols, w[0]) - 1)
            ends[c] = max(ends[c], w[1])
    if min((cols[c + 1] - ends[c] for c in range(len(cols) - 1) if c in ends), default=2) > 1:
        return None
    return cols


def grid_rows(norm: NormalizedText) -> NormalizedText:
    """``norm`` with its fixed-grid tables written as tab rows (unchanged where it lays out none)."""
    lines = norm.text.split("\n")
    blocks = _blocks(lines)
    if not blocks:
        return norm
    starts = norm.line_starts()
    rewritten: dict[int, tuple[int, list[list[list[int]]]]] = {}  # first line -> (last line, rows of cells)
    for first, last in blocks:
        words = [_line_words(norm, starts[k], starts[k] + len(lines[k])) for k in range(first, last + 1)]
        cols = _columns(words)
        if cols is not None:
            rewritten[first] = (last, _grid(words, cols))
    if not rewritten:
        return norm
    chars: list[str] = []
    offs: list[int] = []
    k = 0
    while k < len(lines):
        if k in rewritten:
            last, rows = rewritten[k]
            for cells in rows:
                _write_row(norm, cells, chars, offs)
            k = last + 1
            continue
        a = starts[k]
        chars.extend(lines[k])
        offs.extend(norm.offsets[a:a + len(lines[k])])
        if k < len(lines) - 1:
            chars.append("\n")
            offs.append(norm.offsets[a + len(lines[k])])
        k += 1
    if chars and chars[-1] == "\n" and not norm.text.endswith("\n"):
        chars.pop()
        offs.pop()
    return norm.rewritten(chars, offs)


def _grid(words: list[list[tuple[int, int, int, int]]], cols: list[int]) -> list[list[list[int]]]:
    """The block's rows: per row, per column, the text positions of its words."""
    def column(start: int) -> int:
        return max(0, bisect_right(cols, start) - 1)
    # a column's edge: the next column's start less the one space between them
    right = max((w[1] for line in words for w in line if column(w[0]) == len(cols) - 1), default=0)
    edge = [cols[c + 1] - 1 for c in range(len(cols) - 1)] + [right]  # the last column ends at the table's edge
    rows: list[list[list[int]]] = []
    full: set[int] = set()  # columns whose cell the line above filled to the edge
    for line in words:
        placed = [(column(w[0]), w) for w in line]
        starts_row = not rows or any(c not in full for c, _ in placed)
        if starts_row:
            rows.append([[] for _ in cols])
        full = set()
        for c, w in placed:
            rows[-1][c].extend(range(w[2], w[3]))
            # a cell spanning columns reaches the edge of the last column it covers
            last_col = column(max(w[1] - 1, w[0]))
            if w[1] >= edge[last_col] - 1:
                full.update(range(c, last_col + 1))
    return rows


def _write_row(norm: NormalizedText, cells: list[list[int]], chars: list[str], offs: list[int]) -> None:
    while cells and not cells[-1]:
        cells = cells[:-1]
    anchor = next((pos[0] for pos in cells if pos), None)
    if anchor is None:
        return
    for c, pos in enumerate(cells):
        if c:
            chars.append("\t")
            offs.append(norm.offsets[pos[0]] if pos else norm.offsets[anchor])
        chars.extend(norm.text[i] for i in pos)
        offs.extend(norm.offsets[i] for i in pos)
    chars.append("\n")
    offs.append(norm.offsets[anchor])
