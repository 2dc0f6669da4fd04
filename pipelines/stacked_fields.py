"""The head of a table a PDF text layer prints column by column (pdfminer's text boxes, ``pdftotext`` without
``-layout``), rewritten one cell a line in reading order.

Boxes of one column come out one after another: the label column (项目名称 / 主管部门 / 项目资金 / 年度总体目标)
before the values beside it, and the funds block as its row labels (年度资金总额 / 其中：财政拨款 / 其他资金) then
each amount column as its header word over its amounts (全年预算数 / 486,000.00 / 486,000.00, 执行率 / 97.00%).
Field labels stacked with no value between them take, in order, the first lines after the stack that are no label;
a funds column's amounts go to the row labels in order. Only a text whose indicator block is printed column by
column (``columns_as_rows``) is read so: elsewhere two labels in a row are a blank cell's doing. Offsets stay true.
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.column_stream import content_lines
from jixiao.pipelines.normalize import NormalizedText, squeeze

_Line = tuple[int, int]
# the labels of a column of field labels come before their values within this many lines (wrapped block labels
# such as 项目资金 / （元） / 年度总体 / 目标 between)
MAX_LABEL_LINES = 12
# a block label or a piece of one that sits in the label column after the field labels (not a value): 年度总体目标
# wrapped anywhere (年度总 / 体目标), 绩效指标 printed a character a line down its tall narrow cell
_LABEL_PIECE = re.compile(r"^(项目资金|资金情况|年度总体?|年度总体目标|总体目标|体?目标|绩效目标|绩效指标|[绩效指标]|"
                          r"[(（](万元|元|千元)[)）])$")
_FUNDS_ROW = re.compile(r"^(其中|其他资金|上年结转|当年财政|财政拨款|中央|省级|市县|地方资金)")
_AMOUNT = re.compile(r"^(?:-?\d[\d,]*(\.\d+)?%?|[—–-]{1,2})$")  # (a dash: a blank cell printed, 分值 10 — — —)
_FUNDS_SLOTS = ("initial", "annual", "executed", "rate", "weight", "score")
_FUNDS_WORDS = {w for slot in _FUNDS_SLOTS for w in V.FUNDS_HEADER_WORDS[slot]}
_INDICATOR_WORDS = {w for words in V.INDICATOR_HEADER_WORDS.values() for w in words}


def _word(text: str, line: _Line) -> str:
    return squeeze(text[line[0]:line[1]])


def _field_pairs(text: str, lines: list[_Line]) -> dict[int, int] | None:
    """Line index of each stacked field label -> the line index of its value (the first stack only)."""
    words = [_word(text, ln) for ln in lines]
    for i in range(len(lines) - 1):
        if not (V.field_label(words[i]) and V.field_label(words[i + 1])):
            continue
        k = i
        while k < len(lines) and V.field_label(words[k]):
            k += 1
        labels = list(range(i, k))
        j = k
        while j < len(lines) and j - i < MAX_LABEL_LINES and _LABEL_PIECE.match(words[j]):
            j += 1
        values = list(range(j, j + len(labels)))
        if values[-1] >= len(lines) or any(V.any_label(words[v]) or words[v] in V.HEADER_WORDS
                                           or _LABEL_PIECE.match(words[v]) for v in values):
            return None
        return dict(zip(labels, values, strict=True))
    return None


def _funds_columns(text: str, lines: list[_Line]) -> tuple[list[int], list[tuple[int, list[int]]]] | None:
    """The funds row labels (line indexes) and each amount column (header line, amount lines), or None."""
    words = [_word(text, ln) for ln in lines]
    start = next((i for i, w in enumerate(words) if V.FUNDS_TOTAL_LABEL.match(w) and i + 1 < len(words)
                  and _FUNDS_ROW.match(words[i + 1])), None)
    if start is None:
        return None
    labels = [start]
    while labels[-1] + 1 < len(words) and _FUNDS_ROW.match(words[labels[-1] + 1]):
        labels.append(labels[-1] + 1)
    columns: list[tuple[int, list[int]]] = []
    for h in range(labels[-1] + 1, len(words)):
        if words[h] in _INDICATOR_WORDS and V.header_core(words[h]) not in _FUNDS_WORDS:
            break  # (分值 / 得分 head both blocks: the funds block's own go on)
        if V.header_core(words[h]) in _FUNDS_WORDS:
            amounts = []
            while h + 1 + len(amounts) < len(words) and _AMOUNT.match(words[h + 1 + len(amounts)]):
                amounts.append(h + 1 + len(amounts))
            if amounts and len(amounts) <= len(labels):
                columns.append((h, amounts))
    return (labels, columns) if len(columns) >= 2 else None


def stacked_fields(norm: NormalizedText) -> NormalizedText | None:
    """The text with its stacked field labels next to their values and its funds columns as rows (None where
    neither is printed so)."""
    text = norm.text
    lines = content_lines(text)
    pairs = _field_pairs(text, lines)
    funds = _funds_columns(text, lines)
    if pairs is None and funds is None:
        return None
    order: list[list[int]] = []  # the output lines, each in a list of one, in reading order
    moved = set(pairs.values()) if pairs else set()
    if funds:
        labels, columns = funds
        moved |= {k for h, amounts in columns for k in (h, *amounts)}
    for k in range(len(lines)):
        if k in moved:
            continue
        if pairs and k in pairs:
            order += [[k], [pairs[k]]]
        elif funds and k == funds[0][0]:
            order += [[h] for h, _ in funds[1]]
            for r, label in enumerate(funds[0]):
                order.append([label])
                order += [[amounts[r]] for _, amounts in funds[1] if r < len(amounts)]
        elif funds and k in funds[0]:
            continue
        else:
            order.append([k])
    chars: list[str] = []
    offs: list[int] = []
    for n, cell in enumerate(order):
        k = cell[-1]
        a, b = lines[k]
        chars.extend(text[a:b])
        offs.extend(norm.offsets[a:b])
        # a line keeps the break after it where its next line follows it still (a box's lines); a moved one is a
        # cell of its own
        follows = n + 1 < len(order) and order[n + 1][0] == k + 1 and k not in moved and k + 1 not in moved
        gap = "\n" if follows and "\n\n" not in text[b:lines[k + 1][0]] else "\n\n"
        chars.extend(gap)
        offs.extend([norm.offsets[b]] * len(gap))
    return norm.rewritten(chars, offs)
