"""What a scanned form leaves in its table rows when OCR reads it line by line: the characters of a vertical merged
cell (产 / 出 / 指 / 标) at the start of rows or glued to a category cell, and a page's running header repeated
between two rows of a table carried over a page. The indicator reader skips them. And the name label misread in two
characters (项日名祢), which the readers take as the label where the labels around it confirm it."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

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


# OCR of a scanned form may slip two of the four characters of 项目名称 (项日名祢: 日 for 目, 祢 for 称). Such a cell
# is the label where it keeps the word's length and at least half its characters in place and is no other printed
# word: 项目编码, 项目类型, 单位名称 are two substitutions from it too. The readers take it only where a 主管部门 /
# 实施单位 label follows at once and no name label stands above within this many rows (cells in a stream): a row
# that near below a name row is another field (项目地点), never a second table.
NAME_LABEL_SLIPS = 2
NAME_ROW_REACH = 4
_KNOWN_WORDS = frozenset([*V.LABEL_WORDS, *V.ANCHOR_WORDS])


@lru_cache(maxsize=V.LABEL_CACHE_SIZE)  # asked of a row's first cell by the table finders; a document repeats them
def slipped_name_label(label: str) -> str | None:
    """The name label (项目名称 …) ``label`` is with up to two characters misread, or None."""
    if label in _KNOWN_WORDS or not label or not all("\u4e00" <= ch <= "\u9fff" for ch in label):
        return None
    return next((w for w in V.NAME_LABEL_WORDS if len(w) == len(label)
                 and sum(a != b for a, b in zip(w, label)) <= min(NAME_LABEL_SLIPS, len(w) // 2)), None)
