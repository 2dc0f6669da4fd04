"""Numbers run together in a table flattened with no separator (``flat_run``): a row's 分值 and 得分
(``1513``), the total row (``总分10098.5``) and the funds row's amounts and rate (``5660 57.696%9.6``), also
where the amounts carry thousands separators (``1,260,000.001,310,000.00…``)."""

from __future__ import annotations

import re

from jixiao.pipelines.run_together import value_pieces

_PART = re.compile(r"\S+(?: \S+)*")  # a piece's parts: text between runs of two spaces or more
# a 分值 as printed (1 to 100) and the 得分 after it, no more than it
WEIGHT = re.compile(r"^(?:[1-9]\d?|100)(?:\.\d+)?$")
_SCORE = re.compile(r"^(?:0|[1-9]\d{0,2})(?:\.\d+)?$")
# a total row's 分值: the form's full marks
FULL_MARKS = "100"


def weight_score_split(run: str) -> tuple[int, ...] | None:
    """Where a 分值 and its 得分 run together (``1513`` -> 15 and 13) split: the one cut that gives a 分值 as
    printed and a 得分 as printed no greater than it; None where there is no such cut or more than one."""
    cuts = [k for k in range(1, len(run)) if WEIGHT.match(run[:k]) and _SCORE.match(run[k:])
            and float(run[k:]) <= float(run[:k])]
    return (cuts[0],) if len(cuts) == 1 else None


def total_cells(piece: str, end: int, scored: bool) -> list[tuple[int, int]]:
    """The total row's numbers (总分10098.85: 分值 100 and 得分 98.85 under a scored header), then the text after
    the table. The total's 分值 is the form's full marks: a number that does not open with them is the 得分 alone
    (总分97.5 is no 分值 9 and 得分 7.5)."""
    cut = weight_score_split(piece[:end]) if scored else None
    if cut is not None and piece[:cut[0]] != FULL_MARKS:
        cut = None
    out = [(0, cut[0]), (cut[0], end)] if cut is not None else [(0, end)]
    return out + ([(end, len(piece))] if end < len(piece) else [])


# a thousands separator inside an amount (1,260,000.00): a comma between a digit and three digits that end there
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def grouped_value_pieces(value: str, amounts: tuple[int, ...]) -> list[tuple[int, int]]:
    """``value_pieces`` of a value whose amounts print thousands separators: the run is split without them
    (1,260,000.001,310,000.001,257,600.001096%9.6 -> 1260000.00 …), the cuts mapped back onto the printed text."""
    commas = [m.start() for m in _GROUP_COMMA.finditer(value)]
    if not commas:
        return value_pieces(value, amounts)
    kept = [i for i in range(len(value)) if i not in set(commas)]
    pieces = value_pieces("".join(value[i] for i in kept), amounts)
    if len(pieces) == 1:
        return [(0, len(value))]
    return [(kept[a], kept[b - 1] + 1) for a, b in pieces]


# a piece before the indicator header that opens with amounts and a rate and goes on in words (合计3636100%年度绩效
# 目标完成情况: the caption after the funds block has no known word to cut it off), or in the funds 得分 of a form
# whose header prices it in words, no 分值 column (得分(20分*执行率): 36.535.296.44%19.29)
_LEADING_RATE_RUN = re.compile(r"^(\d[\d.,]*%)(\d+(?:\.\d+)?)?(?=[\u4e00-\u9fff]|$)")


def funds_pieces(piece: str) -> list[tuple[int, int]]:
    """A value before the indicator header: amounts and a rate run together split (``value_pieces``), also
    where words or the funds 得分 follow them."""
    out = []
    for p in _PART.finditer(piece):
        part, at = p.group(), p.start()
        whole = grouped_value_pieces(part, amounts=(2, 3))
        m = _LEADING_RATE_RUN.match(part)
        if len(whole) == 1 and m is not None and len(pieces := grouped_value_pieces(m.group(1), amounts=(2, 3))) > 1:
            rest = [(m.start(2), m.end(2))] if m.group(2) else []
            rest += [(m.end(), len(part))] if m.end() < len(part) else []
            out += [(at + x, at + y) for x, y in [*pieces, *rest]]
        else:
            out += [(at + x, at + y) for x, y in whole]
    return out


# two decimals run together, printed with as many decimals each (a coefficient's target and actual: 0.550.56)
_DECIMAL_PAIRS = tuple(re.compile(rf"(\d+)\.\d{{{d}}}(\d+)\.\d{{{d}}}") for d in (1, 2, 3))


def decimal_pair(text: str, start: int) -> tuple[int, int] | None:
    """Where the two decimals run together at ``start`` end (``0.550.5610`` -> after 0.55 and after 0.56): the one
    count of decimals that gives both integer parts as many digits; None where none or several do."""
    found = [(m.start(2), m.end()) for rx in _DECIMAL_PAIRS
             if (m := rx.match(text, start)) is not None and len(m[1]) == len(m[2])]
    return found[0] if len(found) == 1 else None
