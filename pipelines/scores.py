"""The score reader: a project's total score, the weights' total and the grade (总分 rows, 自评总得分 labels)."""

from __future__ import annotations

import re
from collections import Counter

from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import is_number_cell, is_plain_number, label_value, span_of
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.printed_numbers import is_number, parse_number
from jixiao.pipelines.parsed import ParsedProject, Span
from jixiao.pipelines.vocab import TOTAL_SCORE_ONLY_LABEL as _TOTAL_SCORE, TOTAL_WORDS as _TOTAL_WORDS

def is_total_row(r: Row) -> bool:
    """The 总分 row, also with its label one slip off (怠分): a short label then only numbers and a grade."""
    ne = r.nonempty()
    if len(ne) < 2:
        return False
    label = ne[0].clean.rstrip(":")
    if label in _TOTAL_WORDS:
        return True
    if len(label) != 2 or not V.near_word(label, _TOTAL_WORDS):
        return False
    rest = [c.clean for c in ne[1:]]
    return any(is_plain_number(t) for t in rest) and all(is_plain_number(t) or t in V.PRINTED_GRADES for t in rest)


def read_score(rows: list[Row], start: int = 0, cells: bool = True) -> dict[str, Span]:
    """``score``, ``score_weight`` and ``grade`` of a project table (rows from ``start`` on), those printed;
    ``cells``: the rows are a table's own cells (a dash is a blank cell), not words of collapsed text (where a dash
    may be a page counter's, - 3 -, run on after the total row)."""
    proj: dict[str, Span] = {}
    for k, r in enumerate(rows[start:], start):
        c, v = label_value(r, _TOTAL_SCORE)
        if v is not None and is_number(v.text):
            proj["score"] = v
            # 绩效自评总得分 | 100 | 86.83 | 良: the weights' total, then the score, as on a 总分 row
            _total_cells([x for x in r.cells if x.col > c.col and x.clean], proj, weight_first=True)
        c2, v2 = label_value(r, V.GRADE_LABEL)
        if c2 is not None and v2 is None and k + 1 < len(rows):
            # one cell a line: 自评等级 | 优 on two lines
            below = _value_below(rows[k + 1], c2)
            v2 = span_of(below) if below is not None else None
        if v2 is not None and v2.text in V.PRINTED_GRADES:
            proj["grade"] = v2
        elif c2 is not None and (ticked := ticked_grade([x for x in r.cells if x.col > c2.col])) is not None:
            proj["grade"] = ticked
    if "score" in proj:
        return proj
    for r in rows[start:]:
        ne = r.nonempty()
        if not ne:
            continue
        first = ne[0].clean
        if V.TOTAL_LABEL.match(first) or is_total_row(r):
            if _total_cells(ne[1:], proj, dashes=cells):
                return proj
    # 执行率 100% 得分 100分 (target-only tables); the value may be printed on the next line
    for k, r in enumerate(rows):
        c, v = label_value(r, V.SCORE_LABEL)
        if c is None or not any(V.RATE_LABEL.match(t) for t in r.texts if t):
            continue
        if v is None and k + 1 < len(rows):
            below = _value_below(rows[k + 1], c)
            v = span_of(below) if below is not None else None
        if v is not None and is_number(v.text):
            proj["score"] = v
            return proj
    return proj


def _total_cells(cells: list[Cell], proj: dict, weight_first: bool = False, dashes: bool = False) -> bool:
    """Score (the last number), weights' total (the one before it) and grade from a total row's cells.

    ``weight_first``: the score is already read from the label's own cell unless two numbers follow; ``dashes``:
    a dash cell is a blank between the numbers. Returns whether anything was read.
    """
    # a misread score (handwritten 9q.8) keeps its place: the score is null, not the weights' total before it
    nums: list[Cell] = []
    for c in cells:
        if is_number_cell(c.clean.removesuffix("分")):
            nums.append(c)
        elif dashes and V.BLANK_VALUE.match(c.clean):
            continue  # (总分 | 100 | — | — | 98.6: a page's dash in an empty cell, no end of the numbers)
        elif nums and c.clean and c.clean not in V.PRINTED_GRADES:
            break  # words after the numbers: the text runs on past the total row (a title, a year: (2022年度))
    grade = next((c for c in cells if c.clean in V.PRINTED_GRADES), None)
    if len(nums) >= (2 if weight_first else 1):
        if is_plain_number(nums[-1].clean.removesuffix("分")):
            proj["score"] = span_of(nums[-1])
        if len(nums) >= 2 and is_plain_number(nums[-2].clean.removesuffix("分")):
            proj["score_weight"] = span_of(nums[-2])
    if grade is not None:
        proj["grade"] = span_of(grade)
    return bool(nums or grade)


def _value_below(row: Row, label: Cell) -> Cell | None:
    """The value of a label that ends its row, wrapped onto the next row: that row's only filled cell,
    standing at or right of the label's column."""
    filled = row.nonempty()
    if len(filled) != 1 or filled[0].col < label.col:
        return None
    return filled[0]


def _added(spans: list[Span | None]) -> float | None:
    nums = [parse_number(s.text) if s is not None else None for s in spans]
    return None if any(n is None for n in nums) else sum(n for n in nums if n is not None)


# a table needs this many indicators, each printing its 分值 and 得分, before its sums say what its total row holds
MIN_SUMMED_ROWS = 3
# sums of printed scores compare equal within this (two decimals each)
SUM_TOLERANCE = 0.005


def weights_total_read_as_score(proj: ParsedProject, stated: float) -> bool:
    """Whether the project's score, read from a total row printing one number (总分 | 100 | , its score cell
    blank), is the weights' total and ``stated`` (a summary's 综合得分) its score: the rows' 分值 (the funds row's
    too) add up to the one and their 得分 to the other."""
    if proj.score is None or proj.score_weight is not None or len(proj.indicators) < MIN_SUMMED_ROWS:
        return False
    funds = [proj.funds.weight] if proj.funds.weight is not None else []
    weights = _added([i.weight for i in proj.indicators] + funds)
    scores = _added([i.score for i in proj.indicators] + ([proj.funds.score] if funds else []))
    total = parse_number(proj.score.text)
    if weights is None or scores is None or total is None:
        return False
    return abs(weights - total) <= SUM_TOLERANCE and abs(scores - stated) <= SUM_TOLERANCE < abs(scores - total)


def weights_total_of_weight_only(proj: ParsedProject, prints_scores: bool) -> bool:
    """Whether the project's score, read from a total row printing one number (合计 | 100分), is the weights' total of
    a table that prints 分值 and no 得分 anywhere (``prints_scores``: its indicator header or funds row has a score):
    the rows' 分值 (the funds row's too) add up to it. Such a table states no score."""
    if prints_scores or proj.score is None or proj.score_weight is not None or len(proj.indicators) < MIN_SUMMED_ROWS:
        return False
    funds = [proj.funds.weight] if proj.funds.weight is not None else []
    weights = _added([i.weight for i in proj.indicators if i.weight is not None] + funds)
    total = parse_number(proj.score.text)
    return weights is not None and total is not None and abs(weights - total) <= SUM_TOLERANCE


# a check box printed before each grade word (□优 ☑良 □中 □差), one box glyph then the word
_BOXED_GRADE = re.compile(r"(\S)\s*(" + "|".join(sorted(V.PRINTED_GRADES, key=len, reverse=True)) + r")(?=\s|$)")
# the options a 自评等级 row prints as boxes: at least this many, one of them ticked
BOXED_GRADES = 3


def ticked_grade(cells: list[Cell]) -> Span | None:
    """The grade whose box is ticked on a 自评等级 row printing a box before each grade (□优 ☑良 □中 □差): the one box
    whose glyph differs from all the others, as a scan reads a tick whatever it reads it as (团, 図, √)."""
    boxes = [(m.group(1), Span(text=m.group(2), start=c.start + m.start(2), end=c.start + m.end(2)))
             for c in cells for m in _BOXED_GRADE.finditer(c.text)]
    if len(boxes) < BOXED_GRADES:
        return None
    glyphs = Counter(g for g, _ in boxes)
    odd = [span for g, span in boxes if glyphs[g] == 1]
    return odd[0] if len(odd) == 1 and len(glyphs) == 2 else None
