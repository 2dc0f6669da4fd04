"""A row of a table flattened with no separator (``flat_run``), once its name is cut off: its values read as the
indicator header has them (``RowShape``): a target and an actual printed the same run into the name (按期按期,
建立已建立), rates run together (10095%), a 分值 and a 得分 run together (1513), the numbers after the values."""

from __future__ import annotations

import re
from typing import NamedTuple

from jixiao.pipelines import vocab as V
from jixiao.pipelines.flat_numbers import WEIGHT, weight_score_split

# a name is at least this many characters (a shorter piece before a value is part of the value before it)
MIN_NAME_CHARS = 2


class RowShape(NamedTuple):
    """What the indicator header says a row holds after its name: how many value columns (年初/调整后/年度指标值,
    实际完成值) and how many number columns after them (分值, 得分)."""

    values: int = 0
    numbers: int = 0
    weight_mid: bool = False  # 分值 printed between the target and the actual (指标值 分值 实际完成值 得分)
    status: bool = False  # a status column after 得分 (完成情况: 已完成, 达成预期指标)


BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# a number at a position: a 分值/得分 run, a total score run into the text after it (自评总分98附件2…)
LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?(?![\d.%])")


def doubled_tail(name: str, times: int = 2) -> int:
    """The length of a string printed ``times`` times at the end of ``name`` (``值守完成时间按期按期``: 按期), 0 if
    none: a row whose target and actual are the same words, run into its name (the longest such string, at least
    two characters, leaving a name). Under 年初 and 调整后 targets and an actual the words come three times."""
    for n in range((len(name) - MIN_NAME_CHARS) // times, 1, -1):
        if all(name[len(name) - (j + 1) * n:len(name) - j * n] == name[-n:] for j in range(1, times)):
            return n
    return 0


# a worded target closing a name before a lone verdict is at least this long (长期, 持续): single characters
# (是, 好) end names
WORDED_TARGET_CHARS = 2


_WORDED_TARGETS = tuple(sorted((w for w in (*V.QUALITATIVE_TARGETS, *V.QUALITATIVE_POSITIVE) if len(w) >= WORDED_TARGET_CHARS),
                               key=len, reverse=True))


def worded_target_tail(name: str) -> int:
    """The length of a worded target printed at the end of ``name`` (``走访机制常态化长期``: 长期), 0 if none: the
    longest qualitative target or positive stem (``vocab``) it ends with, leaving a name. Asked only of a row whose
    one value is a verdict (达成预期指标, a Hubei 2021 row with its actual blank): its target is in the words before."""
    return next((len(w) for w in _WORDED_TARGETS if name.endswith(w) and len(name) - len(w) >= MIN_NAME_CHARS), 0)


def done_tail(name: str) -> int:
    """The length of the words printed at the end of ``name`` as a target and again after 已 as its actual
    (``管护机制建立已建立``: 建立), 0 if none; the name keeps at least ``MIN_NAME_CHARS``."""
    for n in range((len(name) - 1 - MIN_NAME_CHARS) // 2, 1, -1):
        if name[-n - 1] == "已" and name[-2 * n - 1:-n - 1] == name[-n:]:
            return n
    return 0


def row_values(text: str, name: tuple[int, int], vals: list[tuple[int, int]],
                shape: RowShape) -> list[tuple[int, int]]:
    """A row's name and values as cells: its last number split into 分值 and 得分 under a scored header; a word
    printed twice at the name's end is the target and actual printed the same where the row prints no other
    value, else the first value's opening word; three times under a header with three value columns (年初 and
    调整后 targets, an actual)."""
    a, b = name
    if shape.values >= 3 and vals and all(BARE_NUMBER.match(text[x:y]) for x, y in vals) \
            and (n := doubled_tail(text[a:b], 3)):
        return [(a, b - 3 * n), (b - 3 * n, b - 2 * n), (b - 2 * n, b - n), (b - n, b), *scored(text, vals, shape)]
    vals = scored(text, vals, shape)
    n = doubled_tail(text[a:b])
    said = n or done_tail(text[a:b])  # the target's words; the actual's are 已 and them (建立已建立) where not doubled
    act = said if n else said + 1
    if said and vals and len(vals) <= 2 and all(BARE_NUMBER.match(text[x:y]) for x, y in vals):
        return [(a, b - said - act), (b - said - act, b - act), (b - act, b), *vals]
    if n and vals:
        # the target repeats the name's last word before its number (成本降低 | 降低10%以上)
        return [(a, b - n), (b - n, vals[0][1]), *vals[1:]]
    done = text[vals[0][0] + 1:vals[0][1]] if vals and text[vals[0][0]] == "已" else ""
    if len(done) >= MIN_NAME_CHARS and text[a:b].endswith(done) and b - a - len(done) >= MIN_NAME_CHARS:
        # the target is the actual's words without 已, run into the name (管护机制建立 | 已建立)
        return [(a, b - len(done)), (b - len(done), b), *vals]
    if len(done) >= MIN_NAME_CHARS and (t := done_and_more(text[a:b], done)):
        # the target is the actual's words and a second verb (建立并执行 | 已建立), run into the name
        return [(a, b - t), (b - t, b), *vals]
    return [(a, b), *vals]


# a second verb after 并 closing a target is at most this long (执行, 落实到位)
MAX_SECOND_VERB = 4


def done_and_more(name: str, done: str) -> int:
    """The length of a target closing ``name`` made of an actual's words (建立 of 已建立), 并 and a second verb
    (``管理制度建立并执行``: 建立并执行), 0 if none; the name keeps at least ``MIN_NAME_CHARS``."""
    at = name.rfind(done + "并")
    rest = name[at + len(done) + 1:] if at >= MIN_NAME_CHARS else ""
    return len(name) - at if 0 < len(rest) <= MAX_SECOND_VERB and _HAN_RUN.match(rest) else 0


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+$")


# a rate row's name (覆盖率, 准确率(%)): its values are percentages, none over 100
_RATE_NAME = re.compile(r"(率|%|％)\)?$")
_DIGIT_RUN = re.compile(r"^\d[\d.]*%?$")
# rates, a 分值 and a 得分 run together are at most this long (six of 100.00): a longer run is no such row
RATE_RUN_CHARS = 36
_RATE_PIECE = re.compile(r"^(?:0|[1-9]\d{0,2})(?:\.\d+)?%?$")


def _rate_splits(run: str, parts: int, scored: bool):
    """Every split of ``run`` into ``parts`` numbers as printed, none over 100, the values (not a 得分) of two
    digits at least; under 分值 and 得分 the last two a 分值 and a 得分 no greater than it."""
    if parts == 1:
        ok = bool(_RATE_PIECE.match(run)) and float(run.rstrip("%")) <= 100
        yield from ([[run]] if ok and (scored or len(run.rstrip("%")) >= 2) else [])
        return
    for k in range(1, len(run)):
        head = run[:k]
        if not _RATE_PIECE.match(head) or head.endswith("%") or float(head) > 100:
            continue
        if not (scored and parts == 2) and len(head) < 2:
            continue
        for rest in _rate_splits(run[k:], parts - 1, scored):
            if scored and parts == 2 and not (WEIGHT.match(head) and float(rest[0]) <= float(head)):
                continue
            yield [head, *rest]


def rate_run(text: str, name: str, vals: list[tuple[int, int]], shape: RowShape) -> list[tuple[int, int]]:
    """A rate row whose values ran into one number (``10095%``: a bare target 100 and the actual 95%;
    ``9095961010``: 年初 90, 调整后 95, actual 96, 分值 10, 得分 10) split into the cells its header has, where
    exactly one split reads as rates (none over 100) and, under 分值 and 得分, a weight and a score."""
    need = shape.values + shape.numbers
    if shape.values < 2 or not vals or need <= len(vals) or not _RATE_NAME.search(name):
        return vals
    x, y = vals[0]
    if y - x > RATE_RUN_CHARS or not _DIGIT_RUN.match(text[x:y]):
        return vals
    splits = list(_rate_splits(text[x:y], need - len(vals) + 1, shape.numbers == 2 and len(vals) == 1))
    if len(splits) != 1:
        return vals
    spans, at = [], x
    for piece in splits[0]:
        spans.append((at, at + len(piece)))
        at += len(piece)
    return [*spans, *vals[1:]]


def scored(text: str, vals: list[tuple[int, int]], shape: RowShape) -> list[tuple[int, int]]:
    """A row's last number split into 分值 and 得分 under a header with both (``1513``: 15 and 13)."""
    full = shape.values and len(vals) >= shape.values + shape.numbers  # every column has its cell already
    if shape.numbers == 2 and vals and not full and BARE_NUMBER.match(text[slice(*vals[-1])]):
        x, y = vals[-1]
        if (cut := weight_score_split(text[x:y])) is not None:
            return [*vals[:-1], (x, x + cut[0]), (x + cut[0], y)]
        for end in range(y - 1, x + 1, -1) if y < len(text) and text[y] not in ".%" else ():
            # the digits after the pair open the next row's name or the remark (101065岁及以上…, 10100-6岁…,
            # 1082所学校…): the longest head that splits into a 分值 and a 得分
            if (cut := weight_score_split(text[x:end])) is not None:
                return [*vals[:-1], (x, x + cut[0]), (x + cut[0], end)]
    return vals


_HAN = re.compile(r"[\u4e00-\u9fff]")
# a 得分 as printed is at most the form's full marks
MAX_SCORE = 100


def numbers_after(text: str, vals: list[tuple[int, int]], shape: RowShape) -> list[tuple[int, int]]:
    """A row's values read as the header has them: past its value columns only a bare number (分值/得分) is a
    value, so a unit word that opens the remark after it (1514部分片区…: 部 is a unit) stays the remark's."""
    if not (shape.values and shape.numbers) or len(vals) <= shape.values:
        return vals
    vals = vals[:shape.values]
    m = LEADING_NUMBER.match(text, vals[-1][1])
    if m is None:
        return vals
    end = m.end()
    while shape.numbers == 1 and float(text[m.start():end]) > MAX_SCORE and _HAN.match(text, m.end()) and end > m.start() + 1:
        end -= 1  # a 得分 run into a remark opening with a count (132个站点…: 13, then 2个站点…)
    return [*vals, (m.start(), end)]
