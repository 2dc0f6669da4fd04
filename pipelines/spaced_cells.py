"""Spaces inside one cell of a space-separated row (web text of a table, one row a line).

Such a row separates its cells by spaces, but a typist also puts spaces inside a cell: between a value's operator,
number and unit (``≥ 60 场次``, ``100 %``, ``2023年 12月``) and inside an indicator's name (``微型 空气 监测站 运维数量``,
``PM2.5 年均浓度``). ``inner_gaps`` finds those gaps on one line, so that ``layout.space_rows`` does not read them as
cell breaks. A name's inner gaps are told by where the row's values start: the words between the level cells and
the first value are the name, less the word columns the header prints there (指标解释) and, where the values open
with a weight and score pair, the header's columns before its weight (a worded target and actual).
"""

from __future__ import annotations

import re

from jixiao.pipelines.vocab import (
    INDICATOR_END, LEVEL2_PARENT, NUMBERED_SLOT, VALUE_UNITS, VALUE_START, Categories, indicator_column,
)

# a weight or score cell: a number, with its 分 where the table prints one (20分)
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?分?$")
# a word of a name holds a letter, a digit or a Han character (a lone | or — is a rule or a blank)
_NAME_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_NUMBER_END = re.compile(r"^[<>=≥≤≧≦＞＜]?\d+(?:\.\d+)?$")
# the pieces of a date a typist spaced apart: 2023年 12月, 12月 31日前
_YEAR = re.compile(r"^(19|20)\d{2}年$")
_MONTH_START = re.compile(r"^\d{1,2}月")
_MONTH_END = re.compile(r"\d{1,2}月$")
_DAY_START = re.compile(r"^\d{1,2}日")
# a merged level-1 cell's allotment printed on the row below its word: (50分); a heading ending in one: 产出(40分)
_ALLOTMENT = re.compile(r"^[(（]\d+(?:\.\d+)?分?[)）]$")
_ALLOTTED = re.compile(r"[(（]\d+(?:\.\d+)?分[)）]$")
# the level words a narrow merged cell breaks (可持续影 / 响指标, 满意度指 / 标): their heads and tails
_LEVEL_WORDS = tuple({*LEVEL2_PARENT, *LEVEL2_PARENT.values(), "服务对象满意度指标"})
# a shorter head or tail (标, 指) is too common a character to tell by prefix or suffix: those are listed
MIN_LEVEL_PIECE = 2


def _level_piece(tok: str, categories: Categories) -> bool:
    """A level-1 / level-2 cell (also with an OCR slip: 数量指摽), a heading with its (50分) allotment, or the head
    or tail of a level word a merged cell broke."""
    if (_ALLOTMENT.match(tok) or _ALLOTTED.search(tok) or categories.level1(tok) or categories.level2(tok)
            or tok in ("指标", "标", "指") or any(categories.tolerant(tok))):
        return True
    return len(tok) >= MIN_LEVEL_PIECE and any(w.startswith(tok) or w.endswith(tok) for w in _LEVEL_WORDS)


def _value_gap(a: str, b: str) -> bool:
    """Whether the gap between words ``a`` and ``b`` lies inside one value (number and unit, a date's pieces)."""
    if _NUMBER_END.match(a) and b in VALUE_UNITS:
        return True
    return bool((_YEAR.match(a) and _MONTH_START.match(b)) or (_MONTH_END.search(a) and _DAY_START.match(b)))


def _value_words(words: list[str], inner: set[int]) -> list[tuple[int, str]]:
    """The words of the line with the value gaps closed: (index of the first word, joined word)."""
    out: list[tuple[int, str]] = []
    for k, w in enumerate(words):
        if k - 1 in inner and out:
            out[-1] = (out[-1][0], out[-1][1] + w)
        else:
            out.append((k, w))
    return out


def _name_gaps(cells: list[tuple[int, str]], header: _Header, categories: Categories) -> set[int]:
    """Gaps inside the indicator's name of a row whose cells are ``cells`` (value gaps closed)."""
    k = 0
    while k < len(cells) and _level_piece(cells[k][1], categories):
        k += 1
    v = next((j for j in range(k, len(cells)) if VALUE_START.match(cells[j][1])), None)
    if v is None:
        return set()
    words = cells[k:v]
    after = cells[v + 1][1] if v + 1 < len(cells) else ""
    if _BARE_NUMBER.match(cells[v][1]) and _BARE_NUMBER.match(after):
        # a weight and score pair after worded values: the header's columns before the weight are not the name
        words = words[:len(words) - header.before_weight] if header.before_weight else []
    elif _BARE_NUMBER.match(cells[v][1]) and not VALUE_START.match(after):
        return set()  # a lone number then words: nothing tells the name's end
    else:
        words = words[:len(words) - header.word_columns]
    if len(words) < 2 or any(not _NAME_WORD.search(w) or w.endswith("指标") or NUMBERED_SLOT.match(w)
                             for _, w in words):
        return set()
    return {i - 1 for i, _ in words[1:]}


class _Header:
    """What the indicator header tells of a row's cells between its name and its numbers."""

    def __init__(self, words: list[str]):
        slots = [indicator_column(w) for w in words]
        name = slots.index("name") if "name" in slots else len(slots)
        rest = slots[name + 1:]
        # columns of words between the name and the values (指标解释)
        self.word_columns = next((n for n, s in enumerate(rest) if s != "other"), len(rest))
        # columns between the name and the weight or score (年度 / 实际 wrapped heads count: their tails are below)
        self.before_weight = next((n for n, s in enumerate(rest) if s in ("weight", "score")), 0)


class SpacedRows:
    """Reads a text's space-separated lines in order, keeping the indicator header's word columns in mind."""

    def __init__(self, categories: Categories | None = None) -> None:
        self.categories = categories or Categories()
        self.header: _Header | None = None

    def inner_gaps(self, words: list[str]) -> set[int]:
        """Indices k of the gaps (between ``words[k]`` and ``words[k + 1]``) that lie inside one cell."""
        if not words:
            return set()
        slots = [indicator_column(w) for w in words]
        if "name" in slots and sum(s is not None for s in slots) >= 3:
            self.header = _Header(words)
            return set()
        if INDICATOR_END.match(words[0]):
            self.header = None
        if self.header is None:
            return set()
        inner = {k for k, (a, b) in enumerate(zip(words, words[1:])) if _value_gap(a, b)}
        return inner | _name_gaps(_value_words(words, inner), self.header, self.categories)
