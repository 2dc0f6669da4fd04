"""The indicator header of a PDF text layer laid out in columns (``pdftotext -layout``), wrapped over lines, and
the page breaks inside its table.

A header cell too narrow for its word wraps: top-aligned (一级 / 指标, 运算 / 符号 on the line below the header's
one-line words) or vertically centred (运算 and 度量 above the one-line words, 符号 and 单位 below). The pieces of
one cell stand in the same display columns, so the lines around the header line are stacked onto it column by
column; a line belongs to the header only when every column it touches then spells a header word.

A table printed over two pages goes on after the page's footer (removed by normalizing: a blank gap holding a
form feed or where a page counter stood), possibly under the page's running title and the header repeated
(print titles / 重复标题行); those lines are skipped and the rows after them stay in the same table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from jixiao.pipelines.layout import Row
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.text_width import display_width
from jixiao.pipelines.vocab import INDICATOR_HEADERS, REASON_HEADER_FORMS

# (display column, start, end, word) of each word of a line
Word = tuple[int, int, int, str]
# header lines stacked above and below the line that names the columns (a centred three-line header)
MAX_STACKED = 2
# lines a continued page may print before its table goes on (running title, unit, repeated header)
MAX_PAGE_HEAD = 6
# the columns a repeated header must print again to be the same table's (a wrapped remark header may not stack)
_CORE = {"l1", "l2", "name", "target", "actual", "weight", "score"}
# a page counter in words or a bare page number between dashes, as normalizing removed it
_COUNTER = re.compile(r"第\s*\d{1,3}\s*[页頁]|-\s*\d{1,3}\s*-|\d{1,3}\s*/\s*\d{1,3}")


def _slot(text: str) -> str | None:
    for slot, rx in INDICATOR_HEADERS:
        if rx.search(text):
            return slot if slot != "reason" or text in REASON_HEADER_FORMS else None
    return None


def _stacks(lines: Sequence[Sequence[Word]]) -> list[list[Word]]:
    """The words of consecutive lines grouped by the display columns they overlap, each group top to bottom."""
    spans: list[tuple[int, int, list[Word]]] = []
    for words in lines:
        for w in words:
            lo, hi = w[0], w[0] + display_width(w[3])
            hit = [k for k, (a, b, _) in enumerate(spans) if lo < b and a < hi]
            if len(hit) > 1:
                return []  # a word across two columns: no header stack
            if hit:
                a, b, ws = spans[hit[0]]
                spans[hit[0]] = (min(a, lo), max(b, hi), [*ws, w])
            else:
                spans.append((lo, hi, [w]))
    return [ws for _, _, ws in sorted(spans, key=lambda s: s[0])]


def _stacked_words(stacks: list[list[Word]]) -> list[Word] | None:
    """One header word per stack (its pieces joined, at its leftmost column), or None when a stack spells no
    header word."""
    out: list[Word] = []
    for ws in stacks:
        text = "".join(w[3] for w in ws)
        if _slot(text) is None:
            return None
        out.append((min(w[0] for w in ws), ws[0][1], ws[-1][2], text))
    return out


def stack_spans(stacks: list[list[Word]]) -> list[tuple[int, int]]:
    """The display columns each stack covers (the union of its pieces)."""
    return [(min(w[0] for w in ws), max(w[0] + display_width(w[3]) for w in ws)) for ws in stacks]


def stacked_header(rows: Sequence[Row], i: int, words_of: Callable[[Row], list[Word]],
                   adjacent: Callable[[Row, Row], bool]
                   ) -> tuple[list[Word], list[tuple[int, int]], int, int] | None:
    """The header words of the header line ``rows[i]`` with the lines wrapped above and below it stacked on, the
    display columns each covers, and the first and last row index the header covers; None where no line around it
    is part of it. Of the ways to stack up to ``MAX_STACKED`` lines above and below, the one of most lines whose
    every column spells a header word wins."""
    def wrapped(k: int) -> list[Word] | None:
        words = words_of(rows[k])
        return words if words and not any(ch.isdigit() for w in words for ch in w[3]) else None

    above: list[list[Word]] = []
    for k in range(i - 1, max(i - 1 - MAX_STACKED, -1), -1):
        words = wrapped(k)
        if words is None or not adjacent(rows[k], rows[k + 1]):
            break
        above.insert(0, words)
    below: list[list[Word]] = []
    for k in range(i + 1, min(i + 1 + MAX_STACKED, len(rows))):
        words = wrapped(k)
        if words is None or not adjacent(rows[k - 1], rows[k]):
            break
        below.append(words)
    best: tuple[list[Word], list[tuple[int, int]], int, int] | None = None
    for up in range(len(above) + 1):
        for down in range(len(below) + 1):
            if up + down == 0 or (best and best[3] - best[2] >= up + down):
                continue
            stacks = _stacks([*above[len(above) - up:], words_of(rows[i]), *below[:down]])
            merged = _stacked_words(stacks) if stacks else None
            if merged:
                best = (merged, stack_spans(stacks), i - up, i + down)
    return best


def page_break(norm: NormalizedText, a: Row, b: Row) -> bool:
    """Whether a page ends between rows ``a`` and ``b``: a form feed between them, or a page counter normalizing
    removed."""
    if "\x0c" in norm.text[a.end:b.start + 1]:
        return True
    if not norm.original or b.start <= a.end:
        return False
    return bool(_COUNTER.search(norm.original[norm.offsets[a.end]:norm.offsets[b.start]]))


def resumed_at(rows: Sequence[Row], end: int, slots: list[str | None],
               header_slots: Callable[[int], list[str | None] | None]) -> int | None:
    """Where the table goes on after the page break before ``rows[end]``: after the header repeated there (within
    a few lines of running title), else None (the next page is another table or text)."""
    for k in range(end, min(end + MAX_PAGE_HEAD, len(rows))):
        found = header_slots(k)
        if found is not None:
            same = set(found) & _CORE == set(slots) & _CORE
            return k if same else None
    return None
