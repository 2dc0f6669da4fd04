"""An indicator table an OCR engine's page segmentation printed as two text columns (Tesseract's automatic mode on a
ruled form): first the left half, the header's level and name words over one line per row (category cells and the
name), down to the 总分 row; further on the right half, the value header (年度指标值 实际完成值 分值 得分) over one line
of values per row. Put back side by side, line by line, so the table reads as rows.

The halves are taken as such only where they match: every word of the left header names a level or name column and
every word of the right one a value column, and the right half prints exactly one value line per left line, each
ending in a number (the row's 得分 or, on the 总分 row, the total).
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.printed_numbers import is_number

_LEFT_SLOTS = frozenset(("serial", "l1", "l2", "name"))
_RIGHT_SLOTS = frozenset(("init_target", "adj_target", "op", "nature", "unit", "target", "actual", "degree", "weight",
                          "score", "reason"))
_LEFT_HEADER_CHARS = re.compile("[序级指]")
# the right half follows the left within this many lines (a funds row's half and a remark between them)
HALF_GAP_LINES = 12


def _slot(word: str) -> str | None:
    core = V.header_core(word)
    return next((slot for slot, rx in V.INDICATOR_HEADERS
                 if (rx.search(core) if slot == "reason" else rx.fullmatch(core))), None)


def _half_header(line: str, slots: frozenset[str]) -> bool:
    # (word by word, stopping at the first that heads no such column: most lines of a text fail on their first)
    words = line.split()
    return len(words) >= 2 and all(_slot(w) in slots for w in words)


def _value_line(line: str) -> bool:
    words = line.split()
    return bool(words) and is_number(words[-1].rstrip("分"))


def rejoined_halves(norm: NormalizedText) -> NormalizedText:
    """``norm`` with an indicator table printed as two text columns put back side by side (see the module)."""
    lines = norm.text.split("\n")
    # (every word of a left header is 序号 or a level's or a name's header: each holds 序, 级 or 指)
    left = next((k for k, line in enumerate(lines)
                 if _LEFT_HEADER_CHARS.search(line) and _half_header(line, _LEFT_SLOTS)), None)
    if left is None:
        return norm
    end = next((k for k in range(left + 1, len(lines)) if not lines[k].strip()
                or V.TOTAL_SCORE_LABEL.match(lines[k].split()[0])), None)
    if end is None:
        return norm
    if lines[end].strip():
        end += 1  # the 总分 line is a row of the left half
    rows = end - left  # the header and each row
    right = next((k for k in range(end, min(len(lines), end + HALF_GAP_LINES))
                  if _half_header(lines[k], _RIGHT_SLOTS)), None)
    if right is None or right + rows > len(lines) or not all(_value_line(lines[right + j]) for j in range(1, rows)):
        return norm
    starts = norm.line_starts()
    chars: list[str] = []
    offs: list[int] = []

    def keep(k: int) -> None:
        chars.extend(lines[k])
        offs.extend(norm.offsets[starts[k]:starts[k] + len(lines[k])])

    for k in range(len(lines)):
        if right <= k < right + rows:
            continue  # (written after its left line)
        keep(k)
        if left <= k < end:
            j = right + (k - left)
            chars.append(" ")
            offs.append(norm.offsets[starts[j]])
            keep(j)
        if k < len(lines) - 1:
            chars.append("\n")
            offs.append(norm.offsets[starts[k] + len(lines[k])])
    return norm.rewritten(chars, offs)
