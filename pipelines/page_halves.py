"""A sheet too wide for its page, printed in two: the left columns of every row on one page, the right columns of
the same rows, in the same order, on the next (an .xlsx printed to PDF: 三级指标 年度指标值 on page 1, 实际完成值
分值 得分 on page 2). Each right-half row is put back at the end of its left-half row, so the rows read whole.

A left header is a line of header words without the 得分 column; its right half is a line of header words only,
with 得分, after a page break; the rows under each pair up from the top (a row with no right-hand cells prints no
line there: 其他资金). Offsets stay true: the text is rewritten, not retyped.
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import NormalizedText

_CELL = re.compile(r"\S+")
_CELL_BREAK = re.compile(r"\s{2,}|\t")
_NUMBER = re.compile(r"\d")
_PAGE = re.compile(r"^(?:第\s*\d+\s*页[,，]?\s*(?:共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*/\s*\d+)$")
_BLANK = re.compile(r"^(?:[-—–/]+|无)$")  # a blank cell as printed
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]")  # a page's field line (打印时间:…, 制表人:…), no row
_Line = tuple[int, int]
_FUNDS_ONLY = frozenset(("declared", "compiled", "initial", "annual", "executed", "rate", "balance"))
# a right half prints at least this many rows (a lone line after a page break is no half of a sheet)
MIN_ROWS = 2


def _cells(line: str) -> list[str]:
    return [c.replace(" ", "") for c in _CELL_BREAK.split(line.strip()) if c.strip()]


def _slot(word: str) -> str | None:
    core = V.header_core(word)
    if slot := V.indicator_column(word):
        return slot
    return next((f for f, rx in V.FUNDS_HEADERS for t in (word, core) if rx.match(t)), None)


def _header(line: str) -> list[str] | None:
    """The columns a line of header words names (a caption first, 项目资金(万元), allowed), else None."""
    cells = _cells(line)
    if len(cells) < 2:
        return None
    slots = []
    for cell in cells[1:]:  # (most lines: their second cell is no header word, and nothing more is matched)
        if (slot := _slot(cell)) is None:
            return None
        slots.append(slot)
    first = _slot(cells[0])
    if first is None and not (V.any_label(cells[0]) or V.UNIT_CAPTION.search(cells[0])):
        return None
    return [first, *slots] if first is not None else slots


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _right_rows(text: str, lines: list[_Line], k: int, width: int) -> list[int]:
    """The lines under a right-half header at line ``k``: each prints a number and no more cells than it has."""
    rows = []
    for j in range(k + 1, len(lines)):
        line = text[slice(*lines[j])]
        cells = _cells(line)
        printed = _NUMBER.search(line) or all(_BLANK.match(c) for c in cells)
        if _PAGE.match(line.strip()) or _FIELD.match(line.strip()) or not printed or len(cells) > width or _header(line):
            break
        rows.append(j)
    return rows


_SCORE_WORD = re.compile(r"[得评]\s*分")


def _right_header(line: str) -> bool:
    cols = _header(line)
    return cols is not None and "score" in cols and not {"l1", "l2", "name"} & set(cols)


def _kind(cols: list[str]) -> str:
    return "funds" if set(cols) & _FUNDS_ONLY else "indicators"


def _pairs(text: str, lines: list[_Line]) -> list[tuple[int, int]]:
    """(left line, right line) pairs: headers and the rows under them. A right half follows its left half's rows
    (the page break between may be printed or not: normalizing drops page counters)."""
    # a right half's header prints the score column and no 一级/二级/三级指标: find those first (most texts print none,
    # and then no line's header words need reading)
    rights = [k for k, (a, b) in enumerate(lines) if _SCORE_WORD.search(text, a, b) and _right_header(text[a:b])]
    if not rights:
        return []
    pairs: list[tuple[int, int]] = []
    lefts: list[tuple[int, str]] = []  # left headers waiting for their right halves, in order, with their kind
    for k, (a, b) in enumerate(lines[:rights[-1] + 1]):
        cols = _header(text[a:b])
        if cols is None:
            continue
        if "score" not in cols:
            lefts.append((k, _kind(cols)))
            continue
        kind = _kind(cols)
        left = next(((h, kh) for h, kh in lefts if kh == kind), None)
        if left is None or {"l1", "l2", "name"} & set(cols):
            continue
        lefts.remove(left)
        rows = _right_rows(text, lines, k, len(cols))
        if len(rows) >= MIN_ROWS and left[0] + len(rows) < k:
            pairs += [(left[0], k), *((left[0] + 1 + r, j) for r, j in enumerate(rows))]
    return pairs


def joined_page_halves(norm: NormalizedText) -> NormalizedText | None:
    """The text with each right-half row moved to the end of its left-half row, or None where no sheet is split."""
    text = norm.text
    lines = _lines(text)
    pairs = _pairs(text, lines)
    if not pairs:
        return None
    tail = {left: right for left, right in pairs}
    moved = set(tail.values())
    chars: list[str] = []
    offs: list[int] = []

    def copy(a: int, b: int) -> None:
        chars.extend(text[a:b])
        offs.extend(norm.offsets[a:b])

    pos = 0
    for k, (a, b) in enumerate(lines):
        if k in moved:
            copy(pos, a)
            pos = b + 1 if b < len(text) else b  # (the moved line and its break)
            continue
        if k in tail:
            copy(pos, b)
            ra, rb = lines[tail[k]]
            chars.extend("    ")
            offs.extend([norm.offsets[ra]] * 4)
            copy(ra, rb)
            pos = b
    copy(pos, len(text))
    return norm.rewritten(chars, offs)
