"""Cells a document site's preview glued together where it lost a line break, split apart again (one cell a line,
nothing between them: the break was all that told two cells apart), and the chunk markers it left (``2、``).

Only splits the printed words make certain are made: a full category word (数量指标, 效益指标; never a bare 数量 or
质量, which start names) at one end of the cell, a number before a category word (15满意度指标: a row's 得分, then
the next block), a name before an operator glyph that opens its target (面积≥1.2万亩), a funds total label before
its first amount (年度资金总额:600, 年度资金总额4,860,000.00), whole header words glued (执行率得分).
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
# an amount glued to its label without a colon: digits with thousands separators or a decimal part, or a whole
# number that is no year (年度资金总额128: a doc site's preview prints a whole 万元 figure bare; 年度资金总额2023 is the
# label and the next title's year run together), nothing after
_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d+$|^(?!(?:19|20)\d\d$)\d+$")
# a cell of glued header words is at most this long (偏差原因分析及改进措施 + 得分 …)
GLUED_HEADER_MAX_CHARS = 24


@lru_cache(maxsize=1)
def _category_head() -> re.Pattern[str]:
    """A full category word (level-1 or level-2, longest first: 服务对象满意度指标 before 满意度指标) opening a cell."""
    words = sorted({*V.LEVEL2_PARENT, *V.LEVEL1}, key=len, reverse=True)
    return re.compile("^(?:" + "|".join(map(re.escape, words)) + ")")


def _is_category(text: str) -> bool:
    return text in V.LEVEL2_PARENT or text in V.LEVEL1


def split_glued(text: str, in_header: bool = False) -> list[tuple[int, int]] | None:
    """The (start, end) pieces of a cell (its clean text, no whitespace) glued from several, or None when it is one
    cell. A chunk marker is left out of the pieces (a marker alone gives no piece: ``[]``). ``in_header``: the cell
    before is a header word, so glued header words are two columns (alone, 预算执行率得分 is one label: the score of
    the execution rate)."""
    start = 0
    m = CHUNK_MARKER.match(text)
    if m is not None:
        rest = text[m.end():]
        if not rest:
            return []
        if not (_category_head().match(rest) or _is_category(rest)):
            return None  # (1、加强管理: a numbered item, not a preview's marker)
        start = m.end()
    pieces = _pieces(text, start, in_header)
    return pieces if (start or len(pieces) > 1) else None


def _pieces(text: str, start: int, in_header: bool = False) -> list[tuple[int, int]]:
    rest = text[start:]
    head = _category_head().match(rest)
    if head is not None and head.end() < len(rest) and rest[head.end()] not in "(（:：":
        # 数量指标送戏下乡场次, 效益指标社会效益指标: the category word, then what follows it
        return [(start, start + head.end()), *_pieces(text, start + head.end(), in_header)]
    tail = next((w for w in sorted({*V.LEVEL2_PARENT, *V.LEVEL1}, key=len, reverse=True) if rest.endswith(w)), None)
    if tail is not None and _NUMBER.match(rest[:-len(tail)]):
        cut = start + len(rest) - len(tail)
        return [(start, cut), (cut, len(text))]  # 15满意度指标: a row's last number, then the next block's word
    target = _TARGET.search(rest)
    if (target is not None and target.start() >= MIN_NAME_CHARS and "\u4e00" <= rest[target.start() - 1] <= "\u9fff"
            and not any(ch.isdigit() for ch in rest[:target.start()])
            and not rest.startswith(tuple(V.VALUE_COMPARED_BASES))):  # (较上年下降≥5%: one target, its size after)
        cut = start + target.start()
        return [(start, cut), (cut, len(text))]  # 新建高标准农田面积≥1.2万亩: the name, then its target
    total = V.FUNDS_TOTAL_AMOUNT_LABEL.match(rest)
    if total is not None and (_NUMBER.match(rest[total.end():]) if rest[total.end() - 1:total.end()] == ":"
                              else _AMOUNT.match(rest[total.end():])):
        # 年度资金总额:600, 年度资金总额4,860,000.00: the total's label, then its first amount
        cut = start + total.end()
        return [(start, cut), (cut, len(text))]
    words = _header_words(rest) if in_header else None
    if words is not None:
        # 执行率得分, 全年执行数分值: two header cells whose break was lost
        cuts = [start + sum(map(len, words[:k])) for k in range(len(words) + 1)]
        return list(zip(cuts, cuts[1:]))
    return [(start, len(text))]


def _header_words(text: str) -> list[str] | None:
    """``text`` as two or more whole header words of the funds or indicator table (执行率 + 得分), or None: a header
    word itself (年度指标值, 实际完成值) or anything else stays one cell."""
    if text in V.HEADER_WORDS or len(text) > GLUED_HEADER_MAX_CHARS:
        return None
    # ways[k]: the words that spell text[:k] (the fewest: a longer word wins over two shorter ones)
    ways: list[list[str] | None] = [[]] + [None] * len(text)
    for k in range(1, len(text) + 1):
        for w in (text[j:k] for j in range(max(0, k - GLUED_HEADER_MAX_CHARS), k)):
            prev = ways[k - len(w)]
            if w in V.HEADER_WORDS and prev is not None and (ways[k] is None or len(prev) + 1 < len(ways[k])):
                ways[k] = [*prev, w]
    found = ways[len(text)]
    return found if found is not None and len(found) >= 2 else None
