"""Shared cell helpers of the table readers: a cell's span, label cells and their values, plain numbers,
the header-row column matcher, table titles.

The funds block reader, the indicator table reader, the project-fields reader, the score reader and the
collapsed-text reader all read cells through these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.normalize import content_span, squeeze
from jixiao.pipelines.printed_numbers import SERIAL_NUMBER as SERIAL_NUMBER, is_slipped_number  # re-exported for the readers
from jixiao.pipelines.parsed import Span

_PLAIN_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
# the 序号 column's number


def span_of(cell: Cell, text: str | None = None) -> Span:
    """The cell's content without surrounding whitespace (``text`` = the cleaned value)."""
    a, b = content_span(cell.text)
    return Span(text=text if text is not None else squeeze(cell.text), start=cell.start + a, end=cell.start + b)


@lru_cache(maxsize=V.LABEL_CACHE_SIZE)  # asked of the cell after every label; a document repeats them
def is_label(text: str) -> bool:
    """A field label (项目名称, 主管部门, 执行率, 评价等级 …) as a cell prints it."""
    return any(
        rx.match(text)
        for rx in (V.NAME_LABEL, V.DEPT_LABEL, V.IMPL_LABEL, V.CODE_LABEL, V.RATE_LABEL, V.SCORE_LABEL,
                   V.LONE_BUDGET_LABEL, V.EXECUTED_LABEL, V.GRADE_LABEL, V.OTHER_LABEL)
    ) or text in V.INFO_LABELS


def value_after(row: Row, idx: int) -> Cell | None:
    """The next non-empty cell after cell ``idx`` unless it is itself a label."""
    for c in row.cells[idx + 1:]:
        t = c.clean
        if not t:
            continue
        return None if is_label(t) else c
    return None


def label_value(row: Row, rx: re.Pattern[str]) -> tuple[Cell | None, Span | None]:
    """(label cell, value span) for a label matching ``rx`` in ``row``; value in the next cell or after a colon."""
    for i, c in enumerate(row.cells):
        t = c.clean
        if not t:
            continue
        m = rx.match(t)
        # "主管部门：X": a label pattern that must end at the label still finds it before a colon
        end = m.end() if m else t.index(":") if ":" in t and rx.match(t[:t.index(":")]) else None
        if end is None:
            continue
        rest = t[end:].lstrip(":")
        if rest and end < len(t):
            raw = c.text
            # locate the remainder in the raw cell text (whitespace may sit inside)
            k = raw.find(":") if ":" in raw else -1
            if k >= 0:
                sub = raw[k + 1:]
                a, b = content_span(sub)
                if b > a:
                    return c, Span(text=squeeze(sub), start=c.start + k + 1 + a, end=c.start + k + 1 + b)
            continue
        v = value_after(row, i)
        return c, (span_of(v) if v is not None else None)
    return None, None


def is_title_row(row: Row) -> bool:
    """A table's title (…绩效自评表) on a row of its own."""
    t = row.joined
    return (bool(t) and len(t) <= 80 and len(row.nonempty()) <= 2 and bool(V.TABLE_TITLE.search(t))
            and not t.startswith(("附表", "附件")) and not V.CONTINUED_TITLE.search(t))


_POINTS = re.compile(r"^\d+(?:\.\d+)?分$")


def is_points(t: str) -> bool:
    """A weight or score cell: a bare number, or one with its unit 分 (20分, 19.5分)."""
    return bool(_PLAIN_NUMBER.match(t)) or bool(_POINTS.match(t))


def is_plain_number(t: str) -> bool:
    """A bare number (86.5, 1,200), without unit or sign words: a weight or score cell."""
    return bool(_PLAIN_NUMBER.match(t))


def is_number_cell(t: str) -> bool:
    """A cell standing in a number column: a bare number, or one an OCR engine misread (``lO``, ``9.S``). Readers
    place cells by it (a misread score keeps its column); the value itself parses to null."""
    return is_plain_number(t) or is_slipped_number(t)


def is_points_cell(t: str) -> bool:
    """A weight or score cell, or one an OCR engine misread (``1O``, ``l5分``)."""
    return is_points(t) or is_slipped_number(t)


def header_fields(texts: list[str], words: dict[str, tuple[str, ...]], exact) -> list[str | None]:
    """Field per cell of a header row: the exact patterns first, then one-slip matches among the
    fields the row has not printed yet."""
    fields = [exact(t) if t else None for t in texts]
    taken = {f for f in fields if f}
    for k, t in enumerate(texts):
        if t and fields[k] is None:
            f = V.header_slot(t, words, taken)
            if f is not None:
                fields[k] = f
                taken.add(f)
    return fields
