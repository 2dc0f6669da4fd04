"""A funds table inside a prose report: a Word report converted to text keeps its small 项目资金使用情况表 as tab rows
between paragraphs (单位：万元 / 资金来源 年初预算数 全年预算数 全年执行数 执行率 / 合计 96.00 88.50 86.73 98.00%); its
total row is the project's funds (records.md: funds come from the total row)."""

from __future__ import annotations

import re

from jixiao.pipelines.funds_table import read_funds, unit_note
from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.parsed import ParsedFunds, Span
from jixiao.pipelines.vocab import PROSE_ROSTER_COLUMNS

# a line of tab-separated cells
_TAB_LINE = re.compile(r"^[^\n]*\t[^\n]*$", re.M)
# lines above a table's first row that may hold its caption and its unit note (表1 项目资金使用情况表 / 单位：万元)
CAPTION_LINES = 2
# a summary table of several projects names them in a column of its own: its total row is theirs, no one project's
_NAME_COLUMN = re.compile(next(rx for field, rx in PROSE_ROSTER_COLUMNS if field == "name"))
_AMOUNT_FIELDS = ("initial", "annual", "executed")


def table_funds(text: str, s: int, e: int) -> ParsedFunds | None:
    """The funds of the first tab-row table in [s, e) whose header names funds columns and whose total row prints
    at least two amounts, or None."""
    for a, b in _tables(text, s, e):
        top = a
        for _ in range(CAPTION_LINES):
            if top > s:
                top = max(s, text.rfind("\n", s, top - 1) + 1)
        segment = text[top:b]
        rows = parse_rows(NormalizedText(text=segment, offsets=list(range(len(segment) + 1)),
                                         original_length=len(segment)), one_row_per_line=True)
        if any(_NAME_COLUMN.search(t) for r in rows for t in r.texts if t):
            continue
        funds = read_funds(rows, unit_note(rows))
        if sum(getattr(funds, f) is not None for f in _AMOUNT_FIELDS) >= 2:
            return _shifted(funds, top)
    return None


def _tables(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The runs of two or more consecutive tab lines in [s, e), as (start, end) offsets."""
    runs: list[tuple[int, int]] = []
    lines = 0
    for m in _TAB_LINE.finditer(text, s, e):
        if runs and text[runs[-1][1]:m.start()] == "\n":
            runs[-1] = (runs[-1][0], m.end())
            lines += 1
            continue
        if runs and lines < 2:
            runs.pop()
        runs.append((m.start(), m.end()))
        lines = 1
    if runs and lines < 2:
        runs.pop()
    return runs


def _shifted(funds: ParsedFunds, by: int) -> ParsedFunds:
    """The funds with every span moved ``by`` characters (read on a segment starting there)."""
    def moved(span: Span | None) -> Span | None:
        return None if span is None else Span(text=span.text, start=span.start + by, end=span.end + by)
    fields = {f: moved(getattr(funds, f)) for f in ("initial", "annual", "executed", "rate", "weight", "score")}
    parts = [{k: moved(v) for k, v in part.items()} for part in funds.parts]
    return funds.model_copy(update={**fields, "parts": parts})
