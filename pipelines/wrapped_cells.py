"""What a wrapped table's cell can hold: the matching of a line's pieces to the header's columns.

A line of a table whose cells wrap inside their rows (``wrapped_rows``) is a sequence of pieces in column order
with blank cells dropped, so its pieces go to columns in increasing order: ``assign`` finds the order-keeping
assignment of highest score (a dynamic program over pieces x columns, linear in the line's length for a fixed
header). The scores say what a column's cell can hold: a level column a category word or a piece of one, a
number column a plain number, a target or actual column a measure (operator, number, unit), the name and
remark columns text; a continuation piece the tail its cell lacks (a date's 31日前 after 2023年12月, a
bracket's close, the text of a cell whose last line was full).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from jixiao.pipelines import vocab as V
from jixiao.pipelines.text_width import display_width

T = TypeVar("T")

_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_MEASURE = re.compile(r"\d|%|[≥≤<>=＞＜]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a measure cut inside: a number, a date's 年/月, an open bracket, an operator or a slash at its end
_CUT_MEASURE = re.compile(r"(?:[\dA-Za-z]|年|月|[(（/.\-~～≥≤<>=])$")
# a measure printed whole: a percentage, or a number and a short unit after it (3处, 12.8公里, 2.63万人)
_DONE_MEASURE = re.compile(r"(?:%|‰|\d[\u4e00-\u9fff]{1,2})$")
_UNIT_TAIL = 2  # a unit's tail on the next line is a glyph or two (米, 套))
# text cut at a comma or an enumeration mark goes on
_CUT_TEXT = re.compile(r"[，,、；;：:(（]$")
_KINDS = {
    "l1": "l1", "l2": "l2", "name": "name", "target": "measure", "init_target": "measure", "adj_target": "measure",
    "actual": "measure", "degree": "measure", "weight": "number", "score": "number", "serial": "number",
    "op": "short", "unit": "short", "nature": "short", "reason": "text", "note": "text", "other": "text",
}
# a line's row must fill its name cell: a large bonus makes every row-line assignment give it a piece
_NAME_BONUS = 10.0


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Line:
    """A line of the table: its pieces (the words between spaces) in order."""

    start: int
    end: int
    pieces: list[Piece]


def width(text: str) -> int:
    """Display width (a CJK glyph is two wide): a wrapped cell's full lines are about its column's width."""
    return display_width(text)


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def column_kinds(slots: list[str | None]) -> list[str]:
    """The kind of each header column; a column before the first known one is the margin's caption (绩效指标)."""
    first = next((k for k, s in enumerate(slots) if s is not None), len(slots))
    return ["margin" if k < first else _KINDS.get(s or "", "text") for k, s in enumerate(slots)]


def assign(pieces: list[T], n: int, score: Callable[[T, int], float | None]) -> list[int] | None:
    """The columns (strictly increasing) of ``pieces`` with the highest total ``score`` (None: a piece may not
    go there); ties go to the later column. None where no assignment places every piece."""
    if not pieces:
        return []
    best: list[list[float | None]] = []
    back: list[list[int]] = []
    for i, piece in enumerate(pieces):
        row: list[float | None] = [None] * n
        arg = [-1] * n
        run: float | None = None
        run_at = -1
        for j in range(n):
            if i > 0 and j > 0:
                prev = best[i - 1][j - 1]
                if prev is not None and (run is None or prev >= run):
                    run, run_at = prev, j - 1
            s = score(piece, j)
            if s is None or (i > 0 and run is None):
                continue
            row[j] = s + (run if i > 0 and run is not None else 0.0)
            arg[j] = run_at
        best.append(row)
        back.append(arg)
    last = [(v, j) for j, v in enumerate(best[-1]) if v is not None]
    if not last:
        return None
    j = max(last)[1]
    places = [j]
    for i in range(len(pieces) - 1, 0, -1):
        j = back[i][j]
        places.append(j)
    return places[::-1]


def _anchor_score(text: str, kind: str) -> float | None:
    """How well a piece of a row line fits a column of this kind (None: it cannot be there)."""
    if kind == "margin":
        return 1.0 if text in V.MARGIN_STARTS and len(text) > 1 else None
    if kind in ("l1", "l2"):
        if len(text) < 2 or text not in V.LEVEL_PIECES:
            return None
        return 3.5 if text in level_starts(kind) else 2.5  # 效益指标 heads the level-1 column, 社会效益 the level-2
    if kind == "number":
        return 3.0 if _NUMBER.match(text) else None
    if kind == "name":
        return _NAME_BONUS if _HAN.search(text) and not _NUMBER.match(text) else None
    if kind == "measure":
        return 2.5 if _MEASURE.search(text) else 1.0
    return 0.3 if _NUMBER.match(text) else 1.0


def level_starts(kind: str) -> frozenset[str]:
    return V.LEVEL1_STARTS if kind == "l1" else V.LEVEL2_STARTS


def extends(kind: str, cell: str, piece: str) -> bool:
    """Whether ``piece`` is the tail of the level word ``cell`` begins (产出 + 指标), not a word of its own."""
    starts = level_starts(kind)
    return bool(cell) and cell + piece in starts and piece not in starts


def anchor_kinds(kinds: list[str], pieces: list[str], levels: dict[int, str] | None = None) -> list[int] | None:
    """The columns of a row line's pieces, or None where the line is no row line: it holds a plain number in a
    number column and a name. ``levels``: the open level cells above, whose tails a row line may carry."""
    if not any(_NUMBER.match(p) for p in pieces) or "number" not in kinds:
        return None
    opened = levels or {}

    def score(t: str, j: int) -> float | None:
        if j in opened and extends(kinds[j], opened[j], t):
            return 4.0
        return _anchor_score(t, kinds[j])
    places = assign(pieces, len(kinds), score)
    if places is None or kinds.index("name") not in places or not any(kinds[j] == "number" for j in places):
        return None
    return places


def continuation_score(piece: str, kind: str, cell: str, last: str | None, col_width: int) -> float | None:
    """How well ``piece`` on a continuation line continues a cell of this kind whose text so far is ``cell``;
    ``last`` is the cell's piece on the line above (None: it printed nothing there, so it ended above)."""
    if kind in ("number", "margin"):
        return None
    if kind in ("l1", "l2"):
        starts = level_starts(kind)
        if extends(kind, cell, piece):
            return 4.0
        return 2.0 if piece in starts and len(piece) > 1 else None
    if last is None:
        return 0.1 if kind != "short" else None
    # a line as wide as the column's widest is full; one glyph short, nearly (a glyph did not fit)
    full = 1.0 if width(last) >= col_width else 0.5 if width(last) >= col_width - 2 else 0.0
    score = _text_score(piece, kind, cell, full)
    if len(piece) > 1 and piece in V.LEVEL1_STARTS | V.LEVEL2_STARTS:
        return min(score, 0.5)  # a level word's start (服务对象) opens a level cell rather than continue a text
    return score


def _text_score(piece: str, kind: str, cell: str, full: float) -> float:
    if kind == "measure":
        if _CUT_MEASURE.search(cell) or cell.count("（") + cell.count("(") > cell.count("）") + cell.count(")"):
            return 3.0
        if _DONE_MEASURE.search(cell):
            return 0.3  # 100%, 3处 … printed whole
        return (1.0 if len(piece) <= _UNIT_TAIL else 0.5) + full
    return 1.0 + full + bool(_CUT_TEXT.search(cell))
