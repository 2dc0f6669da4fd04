"""A 分值 run into the actual after it, where a header prints 分值 between the target and the actual (指标值 度量单位
分值 实际完成值 得分, Shandong's order) and the row's cells ran together: ``≥18条1018条10`` is ≥18条, 10, 18条, 10."""

from __future__ import annotations

import re
from collections.abc import Callable

Spans = list[tuple[int, int]]

# a 分值 as printed: 1 to 100, no leading zero
_WEIGHT = re.compile(r"^(?:[1-9]\d?|100)(?:\.\d+)?$")
# the actual after it opens with a digit that is no leading zero (0 alone or 0.x may be one)
_ACTUAL_START = re.compile(r"^(?:[1-9]|0(?!\d))")
# the 得分 after the actual: a bare number (8部分器材…: the remark's 部 is no unit of it)
_SCORE = re.compile(r"\d+(?:\.\d+)?(?![\d.%])")
_WEIGHT_CHARS = 3  # 100


def weight_then_actual(run: str, is_value: Callable[[str], bool]) -> int | None:
    """Where a 分值 and the actual after it split (``1018条`` -> 2: 10 and 18条): the one cut that leaves a 分值 as
    printed before a value as printed (``is_value``); None where no cut or more than one reads."""
    cuts = [k for k in range(1, min(len(run), _WEIGHT_CHARS + 1)) if _WEIGHT.match(run[:k])
            and _ACTUAL_START.match(run[k:]) and is_value(run[k:])]
    return cuts[0] if len(cuts) == 1 else None


def weight_mid_values(text: str, vals: Spans, values_from: Callable[[str, int], tuple[Spans, int]]) -> Spans:
    """A row's values (target first) under 指标值 分值 实际完成值 得分: the value after the target split into the 分值
    and the actual run into it, the actual read again from the cut (109月底: 10, 9月底), then the 得分's number."""
    if len(vals) < 2:
        return vals
    x, y = vals[1]
    cut = weight_then_actual(text[x:y], lambda v: bool(values_from(v, 0)[0]))
    if cut is None:
        return vals
    actual = values_from(text, x + cut)[0][:1]
    if not actual:
        return vals
    end = actual[0][1]
    score = _SCORE.match(text, end)
    return [vals[0], (x, x + cut), actual[0], *([(end, score.end())] if score else [])]
