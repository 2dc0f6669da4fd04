"""The spaces an OCR export printed between the digit groups of an amount (2 800 000.00) in a table whose columns
stand apart by runs of spaces: found, so that normalization drops them and the amount reads as one cell.

A layout-keeping export (ABBYY, ``pdftotext -layout``) separates a row's cells by two spaces or more; inside a cell a
single space between a group of one to three digits and groups of exactly three (the thousands, a slipped O or l among
them), the cents after them, is the printed amount's own grouping, not a column. Rows one space apart (10 100 98)
and figures without cents (总分 100 100) are left alone: there a space is the cells' separator.
"""

from __future__ import annotations

import re

# digits and the glyphs OCR reads for them inside a group (8OO, l00): a group with one stays a group, the amount then
# does not parse and is null
_GROUP_CHARS = "0-9OolI"
# (with its cents: 100 100 on a 总分 row is a weight and a score; an amount in 元 prints .00; and where only two groups
# stand, the first shorter than a group: 100 100.00 is as well a weight and a score, 15 000.00 one amount)
_GROUPED = re.compile(rf"(?<![^ \t\n])(?:[0-9]{{1,3}}(?: [{_GROUP_CHARS}]{{3}}){{2,}}|[0-9]{{1,2}} [{_GROUP_CHARS}]{{3}})"
                      rf"[.][{_GROUP_CHARS}]{{2}}(?![^ \t\n])")


def digit_group_gaps(text: str) -> list[int]:
    """Offsets of the single spaces inside space-grouped amounts standing as whole cells of a wide-spaced row."""
    if "  " not in text:
        return []
    out: list[int] = []
    for m in _GROUPED.finditer(text):
        if not (_edge_before(text, m.start()) and _edge_after(text, m.end())):
            continue
        out.extend(m.start() + k for k, ch in enumerate(m.group()) if ch == " ")
    return out


# (a cell boundary of such an export: two blanks or more, a tab, or the line's edge)
def _edge_before(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in "\n\t" or text[max(0, at - 2):at] == "  "


def _edge_after(text: str, at: int) -> bool:
    return at == len(text) or text[at] in "\n\t" or text[at:at + 2] == "  "
