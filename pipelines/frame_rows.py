"""Tables a crawler parsed with ``pandas.read_html`` and logged with ``DataFrame.to_string()``, as tab rows.

Such a frame prints a header line (the column labels, or 0 1 2 … where the table had no header row), then one
line per row opened by its index (0, 1, 2 … counting up by one from 0), the columns padded to their widths and
two spaces or more between them, ``NaN`` for an empty cell. read_html copies a merged cell into every position
it covers: a run of one text over several columns is that cell once (a colspan), the positions after it blank.
A pair of equal cells is a colspan only where it holds a label (项目名称 项目名称); two equal values side by side
(健全 健全, a target and its actual; 20 20, a weight and its score) stay. A frame logged with ``to_markdown()``
(a pipe table, its pipes tab rows once normalized) prints the same index and header, cells between tabs and ``nan``
for an empty one. Offsets stay true; one pass."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import NormalizedText, squeeze

# a frame shows at least this many index lines
FRAME_MIN_ROWS = 3
EMPTY = "NaN"
# what an empty cell prints: to_string's NaN, to_markdown's nan (tabulate writes str(value))
_EMPTY = frozenset({EMPTY, "nan"})
_INDEX = re.compile(r"[ \t]*(\d{1,4})(?:[ \t]{2,}|\t)")
_TAB_CELL = re.compile(r"[^\t]++")
_WORD = re.compile(r"\S++")
_CELL = re.compile(r"\S++(?: \S++)*+")  # cells are two spaces or more apart; one space stays inside a cell


def _index(line: str) -> int | None:
    m = _INDEX.match(line)
    return int(m.group(1)) if m and m.end() < len(line) else None


def _frames(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of each frame's rows: index lines counting up by one from 0."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if _index(lines[k]) != 0:
            k += 1
            continue
        j = k
        while j + 1 < len(lines) and _index(lines[j + 1]) == j + 1 - k:
            j += 1
        if j - k + 1 >= FRAME_MIN_ROWS:
            out.append((k, j))
        k = j + 1
    return out


def _is_label(text: str) -> bool:
    """A label cell (项目名称, 总分, a header word): two equal ones side by side are one merged cell."""
    t = squeeze(text)
    return (V.any_label(t) or t in V.HEADER_WORDS or bool(V.TOTAL_SCORE_LABEL.match(t))
            or bool(V.GRADE_LABEL.match(t)))


def frame_rows(norm: NormalizedText) -> NormalizedText:
    """``norm`` with its logged data frames written as tab rows (unchanged where it prints none)."""
    if EMPTY not in norm.text and "  " not in norm.text and "\tnan" not in norm.text:
        return norm
    lines = norm.text.split("\n")
    frames = _frames(lines)
    if not frames:
        return norm
    header = {first - 1 for first, _ in frames if first > 0}
    rows = {k for first, last in frames for k in range(first, last + 1)}
    starts = norm.line_starts()
    chars: list[str] = []
    offs: list[int] = []
    for k, line in enumerate(lines):
        a = starts[k]
        if k in rows or k in header:
            if k in rows:
                index = _INDEX.match(line)
                # a markdown frame's cells are cut at tabs (one space may stand inside a cell: 2023-12-26 00:00:00)
                cell = _TAB_CELL if index.group().endswith("\t") else _CELL
                cells = [(a + m.start(), a + m.end()) for m in cell.finditer(line, index.end())]
            else:
                # the column labels, each right-aligned over its column: one space may part two (年度指标值 实际完成值)
                cells = [(a + m.start(), a + m.end()) for m in _WORD.finditer(line)]
                if all(norm.text[s:e].isdigit() for s, e in cells):
                    cells = []  # the column numbers of a frame read without a header row
            _write_cells(norm, cells, chars, offs)
        else:
            chars.extend(line)
            offs.extend(norm.offsets[a:a + len(line)])
        if k < len(lines) - 1:
            chars.append("\n")
            offs.append(norm.offsets[a + len(line)])
    return norm.rewritten(chars, offs)


def _write_cells(norm: NormalizedText, cells: list[tuple[int, int]], chars: list[str], offs: list[int]) -> None:
    texts = [norm.text[s:e] for s, e in cells]
    keep = [True] * len(texts)
    i = 0
    while i < len(texts):
        j = i
        while j + 1 < len(texts) and texts[j + 1] == texts[i]:
            j += 1
        if texts[i].strip() in _EMPTY:
            keep[i:j + 1] = [False] * (j + 1 - i)
        elif j - i >= 2 or (j > i and _is_label(texts[i])):
            keep[i + 1:j + 1] = [False] * (j - i)
        i = j + 1
    for c, ((s, e), kept) in enumerate(zip(cells, keep)):
        if c:
            chars.append("\t")
            offs.append(norm.offsets[s - 1])
        if kept:
            chars.extend(norm.text[s:e])
            offs.extend(norm.offsets[s:e])
