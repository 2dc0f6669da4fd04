"""Cells a document site's preview glued together where it lost a line break, split apart again (one cell a line,
nothing between them: the break was all that told two cells apart), and the chunk markers it left (``2、``).

Only splits the printed words make certain are made: a full category word (数量指标, 效益指标; never a bare 数量 or
质量, which start names) at one end of the cell, a number before a category word (15满意度指标: a row's 得分, then
the next block), a name before an operator glyph that opens its target (面积≥1.2万亩), a funds total label before
its first amount (年度资金总额:600).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.pipelines import vocab as V

# a preview chunk's marker: alone on a line, or glued before the chunk's first cell (2、质量指标)
CHUNK_MARKER = re.compile(r"^(\d{1,2})、")
# an indicator name is at least this long before its glued target (a shorter head is part of the value: ≥, 约)
MIN_NAME_CHARS = 3
_TARGET = re.compile(r"[≥≤](?=\d)")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


@lru_cache(maxsize=1)
def _category_head() -> re.Pattern[str]:
    """A full category word (level-1 or level-2, longest first: 服务对象满意度指标 before 满意度指标) opening a cell."""
    words = sorted({*V.LEVEL2_PARENT, *V.LEVEL1}, key=len, reverse=True)
    return re.compile("^(?:" + "|".join(map(re.escape, words)) + ")")


def _is_category(text: str) -> bool:
    return text in V.LEVEL2_PARENT or text in V.LEVEL1


def split_glued(text: str) -> list[tuple[int, int]] | None:
    """The (start, end) pieces of a cell (its clean text, no whitespace) glued from several, or None when it is one
    cell. A chunk marker is left out of the pieces (a marker alone gives no piece: ``[]``)."""
    start = 0
    m = CHUNK_MARKER.match(text)
    if m is not None:
        rest = text[m.end():]
        if not rest:
            return []
        if not (_category_head().match(rest) or _is_category(rest)):
            return None  # (1、加强管理: a numbered item, not a preview's marker)
        start = m.end()
    pieces = _pieces(text, start)
    return pieces if (start or len(pieces) > 1) else None


def _pieces(text: str, start: int) -> list[tuple[int, int]]:
    rest = text[start:]
    head = _category_head().match(rest)
    if head is not None and head.end() < len(rest) and rest[head.end()] not in "(（:：":
        # 数量指标送戏下乡场次, 效益指标社会效益指标: the category word, then what follows it
        return [(start, start + head.end()), *_pieces(text, start + head.end())]
    tail = next((w for w in sorted({*V.LEVEL2_PARENT, *V.LEVEL1}, key=len, reverse=True) if rest.endswith(w)), None)
    if tail is not None and _NUMBER.match(rest[:-len(tail)]):
        cut = start + len(rest) - len(tail)
        return [(start, cut), (cut, len(text))]  # 15满意度指标: a row's last number, then the next block's word
    target = _TARGET.search(rest)
    if (target is not None and target.start() >= MIN_NAME_CHARS and "\u4e00" <= rest[target.start() - 1] <= "\u9fff"
            and not any(ch.isdigit() for ch in rest[:target.start()])):
        cut = start + target.start()
        return [(start, cut), (cut, len(text))]  # 新建高标准农田面积≥1.2万亩: the name, then its target
    total = V.FUNDS_TOTAL_AMOUNT_LABEL.match(rest)
    if total is not None and rest[total.end() - 1:total.end()] == ":" and _NUMBER.match(rest[total.end():]):
        cut = start + total.end()
        return [(start, cut), (cut, len(text))]  # 年度资金总额:600: the total's label, then its first amount
    return [(start, len(text))]
