"""The indicator header of collapsed text (``flat``): its words from 一级指标 on, and a header wrapped over two lines
run together (年度 实际 分值 得分 … 指标值 完成值) unwrapped into its columns."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.pipelines import vocab as V
from jixiao.pipelines.header_order import indicator_visual_order
from jixiao.pipelines.indicator_header import COMPLETION_HEAD, IndicatorHeader
from jixiao.pipelines.indicator_table import indicator_column
from jixiao.pipelines.layout import Cell


def indicator_header(toks: list[Cell], is_category: Callable[[str], bool],
                      text: str) -> tuple[IndicatorHeader, int, bool] | None:
    """The indicator table's header from its words (一级指标 … up to the last header word): the header, the index
    after it, and whether rows open with a 序号 number."""
    start = next((i for i, t in enumerate(toks) if indicator_column(t.clean) == "l1"), None)
    if start is None:
        return None
    # a 序号 column: each row opens with its number, which is neither a value nor the last row's score
    serial = start > 0 and indicator_column(toks[start - 1].clean) == "serial"
    order: list[str] = []
    i = start
    while i < len(toks):
        s = indicator_column(toks[i].clean)
        if s is None and not V.SECTION_CAPTION.match(toks[i].clean):
            break
        if s is not None:
            order.append(s)
        i += 1
    if i < len(toks) and not is_category(toks[i].clean):
        unwrapped = _unwrapped_header(toks, start, is_category, text)
        if unwrapped is not None:
            order, i = unwrapped
    # a sub-header (运算符号 / 内容 / 度量单位) read after the main header replaces the spanning 年度目标值
    visual = indicator_visual_order(order)
    if visual is not None:
        order = [s for s in visual if s]
    elif "op" in order and "target" in order and order.index("op") > order.index("target"):
        sub = [x for x in order[order.index("op"):] if x in ("op", "target", "unit")]
        main = order[: order.index("op")]
        k = main.index("target")
        order = main[:k] + sub + main[k + 1:]
    header = IndicatorHeader(0, dict(enumerate(order)), completion=any(t.clean == COMPLETION_HEAD for t in toks[start:i]))
    if header.name_col is None:
        return None
    return header, i, serial


# a header printed over two lines, run together: its words at most this many
WRAPPED_HEADER_WORDS = 20


def _unwrapped_header(toks: list[Cell], start: int, is_category: Callable[[str], bool],
                      text: str) -> tuple[list[str], int] | None:
    """A header whose cells wrapped over two lines, run together (年度 实际 分值 得分 评分标准 偏差原因… 指标值 完成值):
    the second line's words end the run and complete, in order, the first line's words they follow (年度+指标值,
    实际+完成值); words that name no column, or one of no field (评分标准), are passed over. The columns and the index
    after the run."""
    end = start
    while end < len(toks) and end - start < WRAPPED_HEADER_WORDS and not is_category(toks[end].clean):
        end += 1
    if end >= len(toks) or end - start >= WRAPPED_HEADER_WORDS:
        return None
    words = [t.clean for t in toks[start:end]]
    slots: dict[int, str | None] = {k: indicator_column(w) for k, w in enumerate(words)}
    k = len(words)
    while k > 0 and slots[k - 1] not in (None, "other"):  # (a column of no field, 评分标准, ends no wrapped word)
        k -= 1
    # the second line is a suffix of that run: the longest one whose every word completes a first-line word (the run
    # may also take in first-line words that name columns alone: 分值 得分 偏差原因分析 | 指标值 完成值 及改进措施);
    # where the line break between the two lines survives, the printed reading is kept: the whole run, as before
    # (this reader is then a fallback of printed text, whose table readers read the header's two lines)
    kept_lines = "\n" in text[toks[start].start:toks[end - 1].end]
    for first in range(k, min(k + 1, len(words)) if kept_lines else len(words)):
        heads = _wrapped_heads(words, slots, first)
        if heads is not None:
            break
    else:
        return None
    for t, head in zip(range(first, len(words)), heads):
        slots[head] = slots[t]
    tails = list(range(first, len(words)))
    order = [slots[h] for h in range(tails[0]) if slots[h] is not None]
    return [x for x in order if x is not None], end


def _wrapped_heads(words: list[str], slots: dict[int, str | None], first: int) -> list[int] | None:
    """The first-line word each of ``words[first:]`` completes, in order (年度+指标值 -> target), or None."""
    heads: list[int] = []
    heads_from = 0
    for t in range(first, len(words)):
        # (a head naming a column of its own names the same one: 实际+完成值, never 一级指标+偏差原因)
        head = next((h for h in range(heads_from, first) if slots[h] in (None, slots[t])
                     and indicator_column(words[h] + words[t]) == slots[t]), None)
        if head is None:
            return None
        heads.append(head)
        heads_from = head + 1
    return heads
