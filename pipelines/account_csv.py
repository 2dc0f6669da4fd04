"""Final-accounts tables published as comma-separated values (a workbook saved as CSV and put up as text).

Such a text prints every row of the sheet as one line, its cells split by ASCII commas, empty cells kept
(``,,``) and a cell holding a comma quoted (``"1,250,000.00"``). A block of such lines (at least
``MIN_LINES`` in a row, each with ``MIN_CELLS`` cells at least, most of them as many: the sheet's width) is
written back as tab rows for the tab reader: commas outside quotes become tabs, a quoted cell loses its
quotes (a doubled quote inside it is one), a line of empty cells only becomes a blank line.
Offsets are kept (a tab points at its comma). Not a boundary: a full-width comma (，, prose punctuation,
though normalizing made it ASCII) and an unquoted thousands separator (a digit, the comma, three digits: a
space-laid table's ``1,250,000.00``).
"""

from __future__ import annotations

import re

from jixiao.pipelines.normalize import NormalizedText

# a block of sheet lines: this many lines in a row, each this many cells at least
MIN_LINES = 3
MIN_CELLS = 3
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")


def _padded(widths: list[int]) -> bool:
    """Most lines of the block (half at least) have the same number of cells: the sheet's width (an export pads
    its rows; one that drops trailing empty cells still pads the rows whose last cell is filled)."""
    return max(widths.count(w) for w in set(widths)) * 2 >= len(widths)


def _commas(norm: NormalizedText, start: int, line: str) -> list[int] | None:
    """Positions (in the line) of the commas that split its cells, or None where a quote is left open."""
    out, quoted = [], False
    for k, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted and _ascii_comma(norm, start + k) and not (k and _THOUSANDS.match(line, k - 1)):
            out.append(k)
    return None if quoted else out


def _ascii_comma(norm: NormalizedText, pos: int) -> bool:
    """The comma was printed as an ASCII comma (normalizing folds ， into one)."""
    if not norm.original:
        return True
    o = norm.offsets[pos]
    return o < len(norm.original) and norm.original[o] == ","


def csv_rows(norm: NormalizedText) -> NormalizedText | None:
    """The text with its comma-separated blocks written as tab rows; None when it has none."""
    lines = norm.text.split("\n")
    starts = norm.line_starts()
    splits = [_commas(norm, s, line) if "," in line and "\t" not in line else None for line, s in zip(lines, starts)]
    width = [len(c) + 1 if c is not None and len(c) + 1 >= MIN_CELLS else 0 for c in splits]
    chars: list[str] = []
    offsets: list[int] = []
    i, changed = 0, False
    while i < len(lines):
        j = i
        while j < len(lines) and width[j]:
            j += 1
        if j - i >= MIN_LINES and _padded(width[i:j]):
            for k in range(i, j):
                _emit_row(norm, lines[k], starts[k], splits[k] or [], chars, offsets)
            changed = True
            i = j
            continue
        end = starts[i] + len(lines[i]) + (1 if i + 1 < len(lines) else 0)
        chars.extend(norm.text[starts[i]:end])
        offsets.extend(norm.offsets[starts[i]:end])
        i += 1
    if not changed:
        return None
    return norm.rewritten(chars, offsets)


def _emit_row(norm: NormalizedText, line: str, start: int, commas: list[int], chars: list[str],
              offsets: list[int]) -> None:
    bounds = [-1, *commas, len(line)]
    cells = [line[a + 1:b] for a, b in zip(bounds, bounds[1:])]
    if any(c.strip().strip('"') for c in cells):
        for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
            if n:
                chars.append("\t")
                offsets.append(norm.offsets[start + a])
            _emit_cell(norm, line, start, a + 1, b, chars, offsets)
    chars.append("\n")
    offsets.append(norm.offsets[min(start + len(line), len(norm.offsets) - 1)])


def _emit_cell(norm: NormalizedText, line: str, start: int, a: int, b: int, chars: list[str],
               offsets: list[int]) -> None:
    """A cell's characters; a quoted cell without its quotes ("" inside it is one quote)."""
    keep: list[int] = list(range(a, b))
    if b - a >= 2 and line[a] == '"' and line[b - 1] == '"':
        keep, k = [], a + 1
        while k < b - 1:
            keep.append(k)
            k += 2 if line[k] == '"' and line[k + 1] == '"' else 1
    for k in keep:
        chars.append(line[k])
        offsets.append(norm.offsets[start + k])
