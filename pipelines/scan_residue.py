"""What a scanned form leaves in its table rows when OCR reads it line by line: the characters of a vertical merged
cell (产 / 出 / 指 / 标) at the start of rows or glued to a category cell, and a page's running header repeated
between two rows of a table carried over a page. The indicator reader skips them."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Row

# a vertical heading's characters OCR reads at the start of a row: one character, or two of a level-1 word (指标)
HEADING_RESIDUE_CHARS = 2


def heading_residue(text: str) -> bool:
    """A cell holding what a vertical merged cell left at a row's start when a scan was read line by line (with the
    ruling read before it: |指)."""
    text = text.lstrip("|")
    if not text:
        return False
    return (len(text) == 1 and not text.isdigit()) or (
        len(text) <= HEADING_RESIDUE_CHARS and all(ch in V.VERTICAL_HEADING_CHARS for ch in text))


def category_after_residue(text: str, category: Callable[[str], tuple[str | None, str | None]]
                           ) -> tuple[str | None, str | None]:
    """The category of a cell that a vertical heading's characters were glued to (指时效指标, 标满意度)."""
    for k in range(1, HEADING_RESIDUE_CHARS + 1):
        if len(text) - k < 2 or text[k - 1] not in V.VERTICAL_HEADING_CHARS:
            break
        l1, l2 = category(text[k:])
        if l1 or l2:
            return l1, l2
    return None, None


def running_header(r: Row) -> bool:
    """A page's running header between two rows of a table a scan carried over a page (…自评报告  附件1)."""
    cells = [c.clean for c in r.cells if c.clean]
    return (1 <= len(cells) <= 2 and bool(V.RUNNING_HEADER.search(cells[0]))
            and all(V.RUNNING_HEADER_MARK.match(t) for t in cells[1:]))
