"""The indicator table's header: which column holds which field (``IndicatorHeader``), found in the printed header
rows (two rows deep, wrapped, with a sub-header) or assumed from the national template where a preview lost it."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import header_fields, is_points_cell
from jixiao.pipelines.header_order import indicator_visual_order, level_leaves
from jixiao.pipelines.layout import Row
from jixiao.pipelines.sub_header import with_sub_header

VALUE_SLOTS = ("init_target", "adj_target", "op", "nature", "target", "unit", "actual")


indicator_column = V.indicator_column


class IndicatorHeader:
    """The indicator table's columns: ``slots`` maps a column to its ``indicator_column`` name; ``row_index`` is the
    header's last row (the rows after it are the table's); ``completion``: the actual's column is headed by the bare
    word 完成情况 (the Hubei 2021 completion column), not 实际完成值."""

    def __init__(self, row_index: int, slots: dict[int, str], width: int = 0, completion: bool = False):
        self.row_index = row_index
        self.slots = slots
        self.width = width  # cells in the header row
        # a 分值 right of 一级指标 or 二级指标 is that level's allotment (项目决策 20), not an indicator's weight
        slots = {c: f"{slots[c - 1]}_weight" if s == "weight" and slots.get(c - 1) in ("l1", "l2") else s
                 for c, s in slots.items()}
        self.slots = slots
        # rows under such a header print every column, merged level cells left blank (cell_stream pads them)
        self.tiered = any(s.endswith("_weight") for s in slots.values())
        if "init_target" in slots.values() and not {"target", "adj_target"} & set(slots.values()):
            # 年初目标值 is the only target column: it is the target
            slots = {c: "target" if s == "init_target" else s for c, s in slots.items()}
            self.slots = slots
        # a second 实际完成值-like column right of 得分 (完成情况: 已完成, 达成预期指标) is a status, not the actual
        order = sorted(slots)
        slots = {c: "reason" if s == "actual" and any(slots[e] == "actual" for e in order[:k])
                 and any(slots[e] == "score" for e in order[:k]) else s for k, (c, s) in enumerate(sorted(slots.items()))}
        self.slots = slots
        names = [c for c, s in slots.items() if s == "name"]
        self.dual = len(names) >= 2
        self.name_col = names[0] if names else None
        self.value_slots = [(c, s) for c, s in sorted(slots.items()) if s in VALUE_SLOTS]
        self.tail_slots = [(c, s) for c, s in sorted(slots.items()) if s in ("weight", "score")]
        self.completion = completion

    def has(self, slot: str) -> bool:
        return slot in self.slots.values()


def template_columns(row_index: int) -> IndicatorHeader:
    """The national template's indicator columns (``vocab.TEMPLATE_INDICATOR_HEADER``), assumed where a preview lost
    the printed header; ``row_index`` is the row the header would have been."""
    slots = V.TEMPLATE_INDICATOR_SLOTS
    return IndicatorHeader(row_index, dict(enumerate(slots)), len(slots))


# the bare head of a completion column (达成预期指标 / 部分达成 there are verdicts), not of 实际完成值
COMPLETION_HEAD = "完成情况"


def find_indicator_header(rows: list[Row], start: int) -> IndicatorHeader | None:
    found = _find_indicator_header(rows, start)
    if found is None:
        return None
    row_index, slots, width = found
    heads = rows[max(row_index - 1, 0):row_index + 1]
    return IndicatorHeader(row_index, slots, width,
                           completion=any(c.clean == COMPLETION_HEAD for r in heads for c in r.cells))


def _find_indicator_header(rows: list[Row], start: int) -> tuple[int, dict[int, str], int] | None:
    """The printed header's last row, its columns' slots and its width in cells."""
    for i in range(start, len(rows)):
        r = rows[i]
        slots = {c.col: s for c in r.cells if c.clean and (s := indicator_column(c.clean))}
        vals = set(slots.values())
        below = level_leaves(rows[i + 1].texts) if i + 1 < len(rows) and len(vals) >= 2 else None
        visual = indicator_visual_order([slots.get(c.col) for c in r.cells] + below) if below else None
        if visual is not None:  # 绩效指标 over 一级 / 二级 / 三级, the leaves on a row of their own
            return i + 1, {k: s for k, s in enumerate(visual) if s}, len(visual)
        if "name" in vals and ({"l1", "l2"} & vals) and len(vals) >= 4:
            found = header_fields(r.texts, V.INDICATOR_HEADER_WORDS, indicator_column)
            slots = {c.col: f for c, f in zip(r.cells, found) if f}
            slots.update(_unlabeled_score(r, slots))
            slots.update(_scaled_score(r, slots))
            visual = indicator_visual_order([slots.get(c.col) for c in r.cells])
            if visual is not None:  # a two-row header printed in reading order
                return i, {k: s for k, s in enumerate(visual) if s}, len(visual)
            below_row = rows[i + 1] if i + 1 < len(rows) else None
            wrapped = _wrapped_header(r, below_row, slots) or _wrapped_header_by_words(r, below_row, slots)
            if wrapped is not None:
                return i + 1, wrapped, len(r.cells)
            # sub-header (运算符号 / 内容 / 度量单位) refines the spanning 年度目标值 column
            for r2 in rows[i + 1:i + 2]:
                sub = {c.col: s for c in r2.cells if c.clean and (s := indicator_column(c.clean))}
                if sub and set(sub.values()) & {"op", "unit"}:
                    return i + 1, *with_sub_header(slots, sub, len(r.cells))
            slots.update(_merged_down(rows[i - 1] if i > start else None, r, slots))
            return i, slots, len(r.cells)
    return None


# the columns a header cell merged down over two header rows names (分值 / 得分 / 偏差原因 beside a caption row)
_MERGED_DOWN = frozenset(("weight", "score", "reason"))


def _merged_down(above: Row | None, header: Row, slots: dict[int, str]) -> dict[int, str]:
    """Columns named only on the header row above, where this row's cell is blank: a grid (Word, Excel, a ruled PDF)
    whose two-row header (绩效指标 | 指标值 | 分值 | 得分 over 一级 二级 三级 | 年度指标值 实际完成值 | (blank) | (blank))
    prints a cell merged down over both rows once, on the upper row. Only an upper row of header words (no digit)
    aligned cell for cell with this one counts, and only the score-side columns this row does not name."""
    if above is None or len(above.cells) != len(header.cells) or any(ch.isdigit() for ch in above.joined):
        return {}
    taken = set(slots.values())
    out = {}
    for up, low in zip(above.cells, header.cells):
        slot = indicator_column(up.clean) if up.clean and not low.clean else None
        if slot in _MERGED_DOWN and slot not in taken and up.col == low.col:
            out[low.col] = slot
            taken.add(slot)
    return out


# the tails of a header wrapped in every column (一级 / 指标, 是否核心 / 指标, 年度 / 指标值) are this short at most
WRAPPED_TAIL_CHARS = 6


def _wrapped_header_by_words(header: Row, below: Row | None, slots: dict[int, str]) -> dict[int, str] | None:
    """The header's slots where its cells wrapped in the level, name and extra columns too (the tails then
    outnumber the value columns' heads): each tail, in order, completes the next header cell it makes a column
    word with; None unless every tail does and a value column is gained."""
    if below is None:
        return None
    tails = [c.clean for c in below.cells if c.clean]
    if not tails or any(len(t) > WRAPPED_TAIL_CHARS for t in tails):
        return None
    heads = [c for c in header.cells if c.clean]
    out, k = dict(slots), 0

    def completes(head, tail: str) -> bool:  # the joined word names the column the head names, if it names one
        joined = indicator_column(head.clean + tail)
        return joined is not None and slots.get(head.col) in (None, joined)

    def caption(head, tail: str) -> bool:  # the 绩效 / 指标 caption over the level columns wrapped too: no column
        return slots.get(head.col) is None and bool(V.SECTION_CAPTION.match(head.clean + tail))

    for t in tails:
        while k < len(heads) and not completes(heads[k], t) and not caption(heads[k], t):
            k += 1
        if k == len(heads):
            return None
        if not caption(heads[k], t):
            out[heads[k].col] = indicator_column(heads[k].clean + t)
        k += 1
    gained = {s for s in out.values() if s in _VALUE_COLUMNS} - set(slots.values())
    return out if gained else None


def _unlabeled_score(header: Row, slots: dict[int, str]) -> dict[int, str]:
    """One blank header cell right of the value columns and no 分值/得分: a 得分 column printed without its word."""
    last = header.cells[-1] if header.cells and slots else None
    ok = last is not None and not last.clean and last.col == max(slots) + 1 and slots[max(slots)] in VALUE_SLOTS
    return {last.col: "score"} if ok and not {"weight", "score", "reason"} & set(slots.values()) else {}


def _scaled_score(header: Row, slots: dict[int, str]) -> dict[int, str]:
    """A 折算得分 column under a header printing no 得分 / 单项得分 (指标分值 | 折算得分): the row's score."""
    if "score" in slots.values():
        return {}
    return {c.col: "score" for c in header.cells if c.clean and V.SCALED_SCORE_HEADER.match(c.clean)}


# a header cell wrapped over two lines leaves a short head on the header row (年度, 实际) and its tail
# (指标值, 完成值) on the next, one tail per wrapped cell, in column order
WRAPPED_HEAD_CHARS = 2
_VALUE_COLUMNS = ("target", "actual", "init_target", "adj_target")


def _wrapped_header(header: Row, below: Row | None, slots: dict[int, str]) -> dict[int, str] | None:
    """The header's slots with its wrapped cells completed from the row below, or None when it has none."""
    if below is None:
        return None
    tails = [c.clean for c in below.cells if c.clean]
    name_col = next((c for c, s in slots.items() if s == "name"), -1)
    heads = [c for c in header.cells if c.col > name_col and c.clean and len(c.clean) <= WRAPPED_HEAD_CHARS
             and slots.get(c.col) in (None, *_VALUE_COLUMNS)]
    if not tails or len(tails) != len(heads) or any(indicator_column(t) is not None and len(t) <= WRAPPED_HEAD_CHARS
                                                    for t in tails):
        return None
    joined = [indicator_column(h.clean + t) for h, t in zip(heads, tails)]
    if any(j not in _VALUE_COLUMNS for j in joined):
        return None
    out = dict(slots)
    for h, j in zip(heads, joined):
        out[h.col] = j
    return out


# rows printing every level cell (a level-1 word first) that show an unheaded score: at least this many, and all such
# rows of the table's first ones read
UNHEADED_SCORE_ROWS = 2
UNHEADED_SCORE_REACH = 12


def with_unheaded_score(header: IndicatorHeader, rows: list[Row], level1: Callable[[str], str | None]
                        ) -> IndicatorHeader:
    """``header`` with a 得分 column right of its last where the header prints no 得分 (nor 分值, or 分值 as its last
    column: ``分值 | (blank)`` over ``15 | 14``) but its rows end in one
    more number than its columns hold (a space-row 区域 table: 一级 二级 三级 指标值 实际完成值 原因 over rows
    ``产出指标 数量指标 X ≥1150户 1162户 20``): the catalog reads that unheaded right-most number as the score. Only rows
    opening with a level-1 word are counted: they print every cell left of the remark, so a row one cell longer
    than those columns, ending in a number, prints a column the header does not name (a bare-number actual stands
    inside them)."""
    values = set(header.slots.values())
    # (a header printing 分值 as its last column and no 得分: the unheaded number right of it is the score)
    weight_last = "weight" in values and header.slots[max(header.slots)] == "weight"
    if (not header.slots or {"score", "l1_weight", "l2_weight"} & values or ("weight" in values and not weight_last)
            or "l1" not in values):
        return header
    inner = sum(1 for s in header.slots.values() if s not in ("reason", "note", "other"))
    full = []
    for r in rows[header.row_index + 1:header.row_index + 1 + UNHEADED_SCORE_REACH]:
        filled = [c.clean for c in r.cells if c.clean]
        if r.kind == "text" or not filled:
            continue
        if V.INDICATOR_END.match(filled[0]):
            break
        if level1(filled[0]):
            full.append(filled)
    if len(full) < UNHEADED_SCORE_ROWS or not all(len(f) > inner and is_points_cell(f[-1]) for f in full):
        return header
    return IndicatorHeader(header.row_index, {**header.slots, max(header.slots) + 1: "score"}, header.width + 1,
                           completion=header.completion)
