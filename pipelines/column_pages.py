"""An indicator block printed column by column that runs onto the next page without its header: the next page
prints the same columns again, each top to bottom (level-1 cells and the 总分 label, level-2 cells, names,
targets, actuals, 分值 then 得分 each ending in the total's, the remarks). No header word says where a column
ends: the 分值 and 得分 columns are the run of plain numbers before the remarks, so their count gives the rows.
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import squeeze

_Line = tuple[int, int]
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# the columns a continuation is read for: the rest (a remark column) is left where it is printed
_READ = ("l1", "l2", "name", "target", "actual", "weight", "score")


def _word(text: str, line: _Line) -> str:
    return squeeze(text[line[0]:line[1]])


def continued_rows(text: str, lines: list[_Line], k: int, slots: list[str]
                   ) -> tuple[list[list[list[_Line]]], list[list[_Line]], int] | None:
    """The rows (cells by ``slots``, merged level cells left empty but the first) of a headless continuation
    opening at line ``k`` with a level-1 word, the total row's cells, and the line after the columns read; None
    where the lines do not split into such columns."""
    if [s for s in slots if s in _READ] != [s for s in _READ if s in slots] or not {"weight", "score"} <= set(slots):
        return None
    words = [_word(text, ln) for ln in lines]
    j = k
    l1, total = [], None
    while j < len(lines) and (V.fallback_level1(words[j]) or V.TOTAL_SCORE_LABEL.match(words[j])):
        if V.fallback_level1(words[j]) and total is None:
            l1.append(j)
        else:
            total = j
        j += 1
    l2 = []
    while j < len(lines) and V.fallback_level2(words[j]) and not V.fallback_level1(words[j]):
        l2.append(j)
        j += 1
    rest = j
    while j < len(lines) and not V.INDICATOR_END.match(words[j]) and not V.TABLE_TITLE.search(words[j]):
        j += 1
    body = list(range(rest, j))
    numbers = 0
    while numbers < len(body) and _NUMBER.match(words[body[len(body) - 1 - numbers]]) is None:
        numbers += 1  # (the remarks after the scores)
    remarks = numbers
    while numbers < len(body) and _NUMBER.match(words[body[len(body) - 1 - numbers]]):
        numbers += 1
    scored = numbers - remarks - (2 if total is not None else 0)
    n = scored // 2
    texts = body[:len(body) - numbers]
    if not l1 or n < 1 or scored % 2 or len(texts) != 3 * n or len(l2) > n or len(l1) > n:
        return None
    nums = body[len(texts):len(texts) + scored + (2 if total is not None else 0)]
    half = len(nums) // 2
    columns = {"name": texts[:n], "target": texts[n:2 * n], "actual": texts[2 * n:],
               "weight": nums[:n], "score": nums[half:half + n]}
    rows: list[list[list[_Line]]] = [[[] for _ in slots] for _ in range(n)]
    for c, slot in enumerate(slots):
        for r, line in enumerate(columns.get(slot, [])):
            rows[r][c] = [lines[line]]
    _levels(text, lines, rows, slots, l1, l2)
    total_row = [[lines[total]], [lines[nums[n]]], [lines[nums[-1]]]] if total is not None else []
    return rows, total_row, body[len(body) - remarks] if remarks else j


def _levels(text: str, lines: list[_Line], rows: list[list[list[_Line]]], slots: list[str],
            l1: list[int], l2: list[int]) -> None:
    """Level-2 cells one a row where they are as many as the rows; each level-1 cell at the first row whose
    level-2 belongs under it."""
    c1, c2 = (slots.index(s) if s in slots else None for s in ("l1", "l2"))
    if c2 is not None and len(l2) == len(rows):
        for r, line in enumerate(l2):
            rows[r][c2] = [lines[line]]
    if c1 is None:
        return
    r = 0
    for line in l1:
        parent = V.fallback_level1(_word(text, lines[line]))
        while r < len(rows) and c2 is not None and rows[r][c2] and \
                V.LEVEL2_PARENT.get(V.fallback_level2(_word(text, rows[r][c2][0])) or "") != parent:
            r += 1
        if r < len(rows):
            rows[r][c1] = [lines[line]]
