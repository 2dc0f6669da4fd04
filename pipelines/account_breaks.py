"""Final-accounts tab rows broken by a line break inside a cell (a Word table whose cells hold line breaks).

Pulled out as text with a row's cells joined by tabs, a cell printed over two lines (机关事业单位基本养 / 老保险缴费支出,
本年支出 / 合计) breaks its row into two lines: the first ends in the cell's first piece, the second starts with
the rest. Every row of a table still holds as many tabs as the table has columns less one, so between one
title and the next the lines that hold fewer are put together until their tabs add up to the row's (the line
break between them left out: the broken cell's pieces are one cell again). A short piece on a line of its own
after such a row (出 under 对附属单位补助支) ends that row's last cell. A table whose short lines do not add up
to whole rows is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import NormalizedText

# a table's rows hold this many tabs at least (a row of three cells), on this many lines at least
MIN_TABS = 2
MIN_FULL_ROWS = 3
# a piece on a line of its own that ends the broken row before it: a few characters of words, no number
PIECE_CHARS = 8
_PIECE = re.compile(r"^[\u4e00-\u9fff()（）、]+$")


def _piece(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= PIECE_CHARS and bool(_PIECE.match(text)) and not V.ACCOUNT_TABLE_END.match(text)


def _joins(lines: list[str], tabs: list[int]) -> list[int]:
    """Indices of the lines (of one table's region) that go on the line before them; [] where the region's short
    lines do not add up to whole rows."""
    full = Counter(t for t in tabs if t >= MIN_TABS).most_common(1)
    if not full or full[0][1] < MIN_FULL_ROWS:
        return []
    width = full[0][0]
    out: list[int] = []
    gathered: int | None = None  # the tabs of the broken row being put together
    after_broken = False  # the last row was put together from pieces: a lone piece may end its last cell
    for k, (line, t) in enumerate(zip(lines, tabs)):
        if gathered is not None:
            if t >= width or gathered + t > width:
                return []  # a whole row, or too many tabs, inside a broken one: no such layout
            out.append(k)
            gathered += t
            if gathered == width:
                gathered, after_broken = None, True
        elif 0 < t < width:
            gathered = t
        elif t == 0 and after_broken and _piece(line):
            out.append(k)
        else:
            after_broken = False
    return [] if gathered is not None else out


def _broken_pair(tabs: list[int]) -> bool:
    """Two tab lines whose tabs add up to a whole row's, a whole row above or below them (a row broken in two)."""
    return any(a and b and a != b and a + b in (before, after)
               for before, a, b, after in zip(tabs, tabs[1:], tabs[2:], tabs[3:]))


def broken_rows(norm: NormalizedText, is_title: Callable[[NormalizedText, int, int], bool]) -> NormalizedText | None:
    """The text with the rows its cells' line breaks broke put together again; None where no table has such rows."""
    if "\t" not in norm.text:
        return None
    lines = norm.text.split("\n")
    tabs = [line.count("\t") for line in lines]
    if not _broken_pair(tabs):
        return None  # no row broken in two (most texts): told at once
    starts = norm.line_starts()
    titles = [k for k, (line, t) in enumerate(zip(lines, tabs))
              if t == 0 and "表" in line and is_title(norm, starts[k], starts[k] + len(line))]
    joined: set[int] = set()
    for a, b in zip(titles, [*titles[1:], len(lines)]):
        joined.update(a + 1 + k for k in _joins(lines[a + 1:b], tabs[a + 1:b]))
    if not joined:
        return None
    chars: list[str] = []
    offsets: list[int] = []
    for k, (line, start) in enumerate(zip(lines, starts)):
        if k and k not in joined:
            chars.append("\n")
            offsets.append(norm.offsets[start - 1])
        chars.extend(line)
        offsets.extend(norm.offsets[start:start + len(line)])
    return norm.rewritten(chars, offsets)
