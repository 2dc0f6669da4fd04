"""A header two rows deep, printed in HTML reading order, put back in the order its columns stand.

A web table whose header is two rows deep (预算数 over 年初预算数 / 全年预算数, 年度指标值 over 指标值 / 度量单位,
绩效指标 over 一级 / 二级 / 三级指标) prints, cell by cell, the whole first row and then the second row's leaves:
the leaves come last although they stand under one cell of the first row (the caption they share). Data rows
keep the visual order. Each header reader names its columns; this puts the trailing leaves in their caption's
place, where their place is plain from the columns the first row prints before them.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.pipelines.stream_cells import NOT_VALUE_SLOTS
from jixiao.pipelines.vocab import indicator_column

# indicator header: the level and name columns (always leftmost), the parts of a target (运算符号 / 指标值 / 度量单位)
LEVEL_LEAVES = frozenset(("l1", "l2", "name"))
TARGET_PARTS = frozenset(("op", "nature", "target", "unit"))
# columns a target's parts stand left of
AFTER_TARGET = frozenset(("actual", "weight", "score", "reason", "degree"))
# funds header: the budget columns (under 预算数) and the columns they stand left of
BUDGET_LEAVES = frozenset(("declared", "compiled", "initial", "annual"))
AFTER_BUDGET = frozenset(("executed", "rate", "weight", "score"))
MIN_LEAVES = 2


def _trailing(slots: Sequence[str | None], leaves: frozenset[str]) -> int:
    """Where the run of leaf columns that ends the header starts (len(slots) when there is none)."""
    k = len(slots)
    while k > 0 and slots[k - 1] in leaves:
        k -= 1
    return k


def _replace(slots: list[str | None], at: int | None, leaves: list[str | None]) -> list[str | None]:
    """``slots`` with the caption at ``at`` replaced by ``leaves`` (``at`` None: the leaves go first)."""
    if at is None:
        return leaves + slots
    return slots[:at] + leaves + slots[at + 1:]


def indicator_visual_order(slots: Sequence[str | None]) -> list[str | None] | None:
    """An indicator header's columns (in printed order, None for a caption or an unknown word) in the order they
    stand, or None when the header is not a two-row header printed in reading order."""
    out = list(slots)
    k = _trailing(out, LEVEL_LEAVES)
    if len(out) - k >= MIN_LEAVES and k > 0 and not LEVEL_LEAVES & set(out[:k]):
        # 绩效指标 over 一级 / 二级 / 三级: its caption cell (no column word) is the first, else it was not printed
        leaves, head = out[k:], out[:k]
        return _replace(head, 0 if head[0] is None else None, leaves)
    k = _trailing(out, TARGET_PARTS)
    head = out[:k]
    if len(out) - k >= MIN_LEAVES and AFTER_TARGET & set(head) and "target" in head:
        # 年度指标值 over 运算符号 / 指标值 / 度量单位: the leaves take the spanning target column's place
        at = head.index("target")
        if not AFTER_TARGET & set(head[:at]):
            return _replace(head, at, out[k:])
    return (_value_leaves(out) or _caption_word_leaves(out) or _target_leaves(out) or _score_leaves(out)
            or _level_and_score_leaves(out))


# the columns a row's values stand in, and those that stand right of them
VALUE_LEAVES = frozenset(("init_target", "adj_target", "target", "actual"))
AFTER_VALUES = frozenset(("weight", "score", "reason", "degree"))


def _value_leaves(out: list[str | None]) -> list[str | None] | None:
    """指标完成情况 over 年度指标值 / 实际完成值, the leaves printed after 分值 得分 偏差原因: they take the place of
    their caption, the cell (a word of one leaf's column, or none) just left of the first 分值/得分/偏差原因 column,
    where no value column stands before it."""
    k = _trailing(out, VALUE_LEAVES)
    leaves, head = out[k:], out[:k]
    after = next((i for i, s in enumerate(head) if s in AFTER_VALUES), None)
    if len(leaves) < MIN_LEAVES or after is None or after == 0 or "target" not in leaves and "init_target" not in leaves:
        return None
    caption = head[after - 1]
    if not (caption is None or caption in leaves) or VALUE_LEAVES & set(head[:after - 1]) or "name" not in head[:after - 1]:
        return None
    return _replace(head, after - 1, leaves)


def _caption_word_leaves(out: list[str | None]) -> list[str | None] | None:
    """指标值 over 年度指标值 / 实际完成值, the caption itself a target word and the leaves printed last: the value
    columns end the slots (a remark column beside them keeps none here), the caption's word repeated by its first
    leaf. The caption is no column; nothing else changes."""
    k = _trailing(out, VALUE_LEAVES)
    if len(out) - k < MIN_LEAVES + 1 or out[k] != out[k + 1] or "name" not in out[:k]:
        return None
    return out[:k] + out[k + 1:]


# 年度指标值 over 年初指标值 / 调整后指标值; 自评 (or another caption word) over 分值 / 得分
TARGET_LEAVES = frozenset(("init_target", "adj_target"))
SCORE_LEAVES = frozenset(("weight", "score"))


def _target_leaves(out: list[str | None]) -> list[str | None] | None:
    """年初指标值 / 调整后指标值 printed last, under the 年度指标值 the first row printed as one target column: they take
    its place (the one target word of the head, no such leaf before them)."""
    k = _trailing(out, TARGET_LEAVES)
    leaves, head = out[k:], out[:k]
    if len(leaves) < MIN_LEAVES or head.count("target") != 1 or TARGET_LEAVES & set(head) or "name" not in head:
        return None
    return _replace(head, head.index("target"), leaves)


def _score_caption(head: list[str | None], start: int) -> int | None:
    """Where the caption over 分值 / 得分 leaves stands in ``head`` (from ``start``): the first cell naming no column,
    or the one score word of the head (评分 reads as 得分), after which only cells without values stand (the first
    row's merged 偏差原因: leaves come after them); None where the head prints two score words."""
    if sum(s in SCORE_LEAVES for s in head) > 1:
        return None
    found = [i for i in range(start, len(head)) if (head[i] is None or head[i] in SCORE_LEAVES)
             and all(s in (None, "reason") for s in head[i + 1:])]
    named = [i for i in found if head[i] is not None]
    return named[0] if named else (found[0] if found else None)


def _score_leaves(out: list[str | None]) -> list[str | None] | None:
    """分值 / 得分 printed last, under a caption (自评, 评分) standing right of the name column: they take its place."""
    k = _trailing(out, SCORE_LEAVES)
    leaves, head = out[k:], out[:k]
    if len(leaves) < MIN_LEAVES or "name" not in head:
        return None
    at = _score_caption(head, head.index("name") + 1)
    return None if at is None else _replace(head, at, leaves)


def _level_and_score_leaves(out: list[str | None]) -> list[str | None] | None:
    """Two groups' leaves printed last: 一级 / 二级 / 三级指标 (under 绩效指标) then 分值 / 得分 (under 评分 or a caption
    naming no column): the levels go first (in place of a leading caption), the scores in place of their caption."""
    k = _trailing(out, SCORE_LEAVES)
    scores, rest = out[k:], out[:k]
    k = _trailing(rest, LEVEL_LEAVES)
    levels, head = rest[k:], rest[:k]
    if len(scores) < MIN_LEAVES or "name" not in levels or LEVEL_LEAVES & set(head):
        return None
    lead = 1 if head and head[0] is None else 0
    at = _score_caption(head, lead)
    return None if at is None else levels + _replace(head, at, scores)[lead:]


# a caption over a group of header columns (自评, 评价情况) is a word this short at most
CAPTION_CHARS = 6


def group_caption(text: str, slots: Sequence[str | None]) -> bool:
    """A header cell, after the column words ``slots``, that may be a caption over a group of columns (自评 over 分值 /
    得分): a short word, no number, right of the name column."""
    return "name" in slots and 0 < len(text) <= CAPTION_CHARS and not any(ch.isdigit() for ch in text)


def value_columns(slots: Sequence[str | None]) -> int:
    """How many of an indicator header's columns hold a row's values (a caption or a level column does not)."""
    return sum(s is not None and s not in NOT_VALUE_SLOTS for s in slots)


def level_leaves(texts: Sequence[str]) -> list[str | None] | None:
    """The columns of a header row printing nothing but level and name words (一级指标 二级指标 三级指标: the second
    row of a header whose 绩效指标 caption spans them), else None."""
    found = [indicator_column(t) for t in texts if t]
    return found if "name" in found and all(s in LEVEL_LEAVES for s in found) else None


def funds_visual_order(cols: Sequence[str]) -> list[str] | None:
    """A funds header's columns (in printed order) in the order they stand, or None when it is no two-row header in
    reading order. The budget leaves (年初预算数 / 全年预算数) printed after 全年执行数 and the score columns stand
    where the first budget column before 全年执行数 (the caption 预算数 over them) is, else just before 全年执行数."""
    out = list(cols)
    k = _trailing(out, BUDGET_LEAVES)
    head = out[:k]
    if len(out) - k < MIN_LEAVES or "executed" not in head:
        return None
    ex = head.index("executed")
    at = next((i for i in range(ex) if head[i] in BUDGET_LEAVES), None)
    if at is None:
        return [*head[:ex], *out[k:], *head[ex:]]
    return [*head[:at], *out[k:], *head[at + 1:]]
