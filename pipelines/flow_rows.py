"""Rows a PDF text tool printed as two flows: `pdftotext` in its default (reading-order) mode reads a table whose left
and right column groups stand far apart as two text columns, so a block prints its labels or names (年度资金总额 …,
产出指标 数量指标 NAME …) one a line, a blank line, then the figures of the same rows one a line in the same order
(年初预算数 … header, 95.00 95.00 93.10 10 98.00% 9.80 …). Put side by side again, each pair of lines is one row.

Only in a page text that carries the tool's form feed between pages: web text never does, and there two
paragraphs of equal length are two paragraphs.
"""

from __future__ import annotations

from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.printed_numbers import is_number
from jixiao.pipelines.vocab import any_label

# a flow of fewer lines is no table block (a label and its value are a field, read elsewhere)
MIN_FLOW_LINES = 2
# the figures of one row: at least two cells (a 分值 and its 得分, or the budget amounts)
MIN_FIGURES = 2


def _paragraphs(text: str, rows: list[Row]) -> list[list[Row]]:
    out: list[list[Row]] = []
    for k, r in enumerate(rows):
        if k and "\n\n" not in text[rows[k - 1].end:r.start + 1]:
            out[-1].append(r)
        else:
            out.append([r])
    return out


def _figures(row: Row) -> bool:
    """A line of a figures flow: several cells ending in a plain number (amounts, a 分值 and 得分); one number a line is
    a column printed top to bottom (a text box of one column), no row's figures."""
    return len(row.filled) >= MIN_FIGURES and is_number(row.filled[-1].clean)


def _names(row: Row) -> bool:
    """A line of a names flow: text that ends in no number."""
    return bool(row.filled) and not is_number(row.filled[-1].clean)


def _pairs(left: list[Row], right: list[Row]) -> list[tuple[Row | None, Row]] | None:
    """The lines of two flows side by side, or None where they are no two halves of one block: as many figure lines
    as name lines, the figures' header (a line of no number) printed first where the names have none."""
    if len(right) == len(left) and all(len(r.filled) == 1 and any_label(r.joined) for r in left) \
            and not any(any_label(r.joined) or _figures(r) for r in right):
        return list(zip(left, right, strict=True))  # field labels one a line, then their values (项目名称 / 主管部门)
    head = right[0] if len(right) == len(left) + 1 and not any(ch.isdigit() for ch in right[0].joined) else None
    body = right[1:] if head is not None else right
    if len(left) < MIN_FLOW_LINES or len(body) != len(left) or not all(_names(r) for r in left):
        return None
    first = 1 if head is None and not any(ch.isdigit() for ch in left[0].joined + body[0].joined) else 0
    if not all(_figures(r) for r in body[first:]):
        return None
    return ([(None, head)] if head is not None else []) + list(zip(left, body, strict=True))


def _joined(a: Row | None, b: Row) -> Row:
    if a is None:
        return b
    cells = [*a.cells, *b.cells]
    return Row(index=0, kind="tabs", start=a.start, end=b.end,
               cells=[Cell(col=k, start=c.start, end=c.end, text=c.text) for k, c in enumerate(cells)])


def flow_rows(norm: NormalizedText, rows: list[Row]) -> list[Row]:
    """``rows`` (one a line) with each block printed as a names flow then a figures flow put back side by side;
    ``rows`` itself where the text is no page text of that tool or holds no such block."""
    if "\x0c" not in norm.text:
        return rows
    paras = _paragraphs(norm.text, rows)
    out: list[Row] = []
    k = 0
    changed = False
    while k < len(paras):
        pairs = _pairs(paras[k], paras[k + 1]) if k + 1 < len(paras) else None
        if pairs is None:
            out.extend(paras[k])
            k += 1
            continue
        out.extend(_joined(a, b) for a, b in pairs)
        # (field labels beside their values alone are no evidence of two flows: a figures block must be one)
        changed = changed or any(_figures(b) for _, b in pairs)
        k += 2
    if not changed:
        return rows
    return [Row(index=k, kind=r.kind, start=r.start, end=r.end, cells=r.cells) for k, r in enumerate(out)]
