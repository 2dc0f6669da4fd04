"""Word tables a script dumped with python-docx (``'\\t'.join(c.text for c in row.cells)``), as plain tab rows.

python-docx returns a merged cell once for every grid column and row it covers, so a row prints 项目名称 项目名称
then the name nine times, and a cell of two paragraphs prints a line break inside its row (``项目资金`` / ``（元）``).
Such a table shows itself by label cells repeated side by side; every row then has the grid's tab count. Lines
that together hold that many tabs, each fewer, are one row broken inside its cells: joined. A run of equal cells
side by side is one merged cell where it is a label, a run of three or more texts, a text after a label (主管部门
X局 X局), or stands under a header run (年初预算数 全年预算数 全年预算数 ...: the amounts under the two 全年预算数
are one, those under 年初预算数 and 全年执行数 stay, equal or not); two equal values
elsewhere (有效保障 有效保障, a target and its actual; 15 15, a weight and its score) stay two. Offsets stay
true; one pass.
"""

from __future__ import annotations

import re
from collections import Counter

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import NormalizedText, squeeze

# label cells printed twice side by side on at least this many rows: a dump that repeats merged cells
MIN_REPEATED_LABEL_ROWS = 2
# the grid's tab count is the commonest among at least this many lines
MIN_GRID_LINES = 4
# a row broken inside its cells spans at most this many lines
MAX_BROKEN_LINES = 6
# a column header row shows at least this many header words
HEADER_ROW_WORDS = 3
_TEXT = re.compile(r"[\u4e00-\u9fff]")


def _is_label(text: str) -> bool:
    t = squeeze(text)
    return bool(t) and (V.any_label(t) or t in V.HEADER_WORDS or bool(V.TOTAL_SCORE_LABEL.match(t))
                        or bool(V.GRADE_LABEL.match(t)))


def _runs(cells: list[str]) -> list[tuple[int, int]]:
    """(first, last) index of each run of two or more equal non-empty cells side by side."""
    out, i = [], 0
    while i < len(cells):
        j = i
        while j + 1 < len(cells) and cells[j + 1] == cells[i]:
            j += 1
        if j > i and cells[i].strip():
            out.append((i, j))
        i = j + 1
    return out


def _repeats_labels(line: str) -> bool:
    cells = line.split("\t")
    # (most rows print no filled cell twice, and a run repeats one: told in C before the runs are walked)
    filled = list(filter(str.strip, cells))
    if len(set(filled)) == len(filled):
        return False
    return any(_is_label(cells[i]) for i, _ in _runs(cells))


def merged_repeats(norm: NormalizedText) -> NormalizedText:
    """``norm`` with a python-docx dump's broken rows joined and its repeated merged cells printed once (unchanged
    where it prints no such dump)."""
    text = norm.text
    if "\t" not in text:
        return norm
    lines = text.split("\n")
    if sum(1 for line in lines if "\t" in line and _repeats_labels(line)) < MIN_REPEATED_LABEL_ROWS:
        return norm
    tabs = [line.count("\t") for line in lines]
    width, seen = Counter(t for t in tabs if t).most_common(1)[0]
    if seen < MIN_GRID_LINES:
        return norm
    starts = norm.line_starts()
    chars: list[str] = []
    offs: list[int] = []
    spans: dict[int, int] = {}  # the runs of the last column header row, first cell -> last
    k = 0
    while k < len(lines):
        end = _broken_row_end(tabs, k, width)
        # the row's characters with the line breaks inside it left out
        row_chars: list[str] = []
        row_offs: list[int] = []
        for m in range(k, end + 1):
            a = starts[m]
            row_chars.extend(lines[m])
            row_offs.extend(norm.offsets[a:a + len(lines[m])])
        if tabs[k] or end > k:
            spans = _write_row(row_chars, row_offs, spans, chars, offs)
        else:
            chars.extend(row_chars)
            offs.extend(row_offs)
        if end < len(lines) - 1:
            chars.append("\n")
            offs.append(norm.offsets[starts[end] + len(lines[end])])
        k = end + 1
    return norm.rewritten(chars, offs)


def _broken_row_end(tabs: list[int], k: int, width: int) -> int:
    """The last line of the row opening at line ``k``: the line itself, or the line where the tabs of lines k..
    (each fewer than the grid's) first add up to the grid's count."""
    if tabs[k] >= width:
        return k
    total = tabs[k]
    for m in range(k + 1, min(len(tabs), k + MAX_BROKEN_LINES)):
        if tabs[m] >= width:
            return k
        total += tabs[m]
        if total == width:
            return m
        if total > width:
            return k
    return k


def _write_row(row_chars: list[str], row_offs: list[int], spans: dict[int, int], chars: list[str],
               offs: list[int]) -> dict[int, int]:
    """Write one tab row with its repeated merged cells once; returns the header runs for the rows below."""
    cells: list[tuple[int, int]] = []  # (start, end) in row_chars
    a = 0
    for i, ch in enumerate([*row_chars, "\t"]):
        if ch == "\t":
            cells.append((a, i))
            a = i + 1
    texts = ["".join(row_chars[s:e]) for s, e in cells]
    runs = _runs(texts)
    # a column header row (一级指标 二级指标 三级指标 三级指标 …): its runs are merged cells, repeated by the rows below
    header = len({squeeze(t) for t in texts} & V.HEADER_WORDS) >= HEADER_ROW_WORDS
    drop: set[int] = set()
    for i, j in runs:
        t = texts[i]
        after_label = i > 0 and _is_label(texts[i - 1]) and _TEXT.search(t)
        if header or _is_label(t) or (j - i >= 2 and _TEXT.search(t)) or after_label:
            drop.update(range(i + 1, j + 1))
            continue
        for si in range(i, j):  # equal amounts side by side: one cell only where a header cell spans them
            sj = spans.get(si)
            if sj is not None and sj <= j:
                drop.update(range(si + 1, sj + 1))
    first = True
    for c, (s, e) in enumerate(cells):
        if c in drop:
            continue
        if not first:
            chars.append("\t")
            offs.append(row_offs[s - 1])
        first = False
        chars.extend(row_chars[s:e])
        offs.extend(row_offs[s:e])
    return dict(runs) if header else spans
