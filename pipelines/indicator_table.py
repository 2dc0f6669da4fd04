"""The indicator table reader: the header row's columns, then each row's categories, name and values.

Printed layouts shift and merge columns, so indicator rows are read positionally against the header when
that is plausible and by content (category cells, name, numeric tail) otherwise. Cells printing both
category levels (产出指标-数量指标) are split first (``joined_levels``).
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.scan_residue import category_after_residue, heading_residue, running_header
from jixiao.pipelines.cells import SERIAL_NUMBER, is_number_cell, is_points_cell, is_title_row, span_of
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.printed_numbers import is_number
from jixiao.pipelines.value_align import align, op_cell
from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.scores import is_total_row
from jixiao.pipelines.merged_values import split_merged_points, split_merged_values, split_target_actual, unswap_values
from jixiao.pipelines.cut_rows import cut_off, drop_cut_row, preview_ends, stops_short
from jixiao.pipelines.indicator_header import VALUE_SLOTS, IndicatorHeader

indicator_column = V.indicator_column  # where the readers have always found it


class CategoryCarry:
    """The category levels in force while reading down an indicator table (a merged category cell prints once)."""

    def __init__(self) -> None:
        self.l1: str | None = None
        self.l1_span: Span | None = None
        self.l2: str | None = None
        self.l2_span: Span | None = None
        self.blocked = False  # under a non-canonical level-1 heading


def _data_row_follows(rows: list[Row]) -> bool:
    """The next table row after a line of text reads as an indicator row: four or more filled cells
    ending in the 分值/得分 numbers."""
    nxt = next((r for r in rows if r.kind != "text" or len(r.joined) > 40), None)
    if nxt is None or nxt.kind == "text":
        return False
    filled = nxt.nonempty()
    return len(filled) >= 4 and any(is_points_cell(c.clean) for c in filled[-3:])  # (a weight printed 20分 too)


def _header_block_follows(rows: list[Row]) -> bool:
    """The next table row after a line of text repeats the indicator header (一级指标 …) and an indicator row
    follows it: the line captions the table's next block (年度绩效目标2(40分) of a form with two target blocks)."""
    k = next((k for k, r in enumerate(rows) if r.kind != "text" or len(r.joined) > 40), None)
    if k is None or rows[k].kind == "text":
        return False
    first = next((c.clean for c in rows[k].cells if c.clean), "")
    return indicator_column(first) == "l1" and _data_row_follows(rows[k + 1:])


def _verdict_in_remarks(r: Row, h: IndicatorHeader, name_i: int, got: dict[str, Cell]) -> bool:
    """A row that lost cells, under a header with no score columns whose last column is the remark (年度指标值
    全年完成值 未完成原因和改进措施), printing a target and a completion phrase (达成预期指标) last: aligned from the
    right (LABELING R7.5) the phrase stands in the remark column and the actual was left blank."""
    actual = got.get("actual")
    if actual is None or h.tail_slots or not h.slots or h.slots[max(h.slots)] != "reason":
        return False
    after = r.cells[name_i + 1:]
    filled = [c for c in after if c.clean]
    return (len(after) < len(h.value_slots) + 1 and bool(filled) and filled[-1] is actual
            and bool(V.VALUE_PHRASE.match(actual.clean)))


def _verdict_only(h: IndicatorHeader, got: dict[str, Cell]) -> bool:
    """Under a header with no 分值/得分 whose LAST column is a completion column headed 完成情况 (the Hubei 2021
    form: 年度指标值 | 完成情况), an actual cell that is only a verdict (达成预期指标, 部分达成, 未达成) says whether the
    target was met, not what was done: the row prints its target only (the catalog's rows whose last column says
    达成预期指标). A verdict under 实际完成值 stays the actual (LABELING R7.4)."""
    actual = got.get("actual")
    last_is_actual = bool(h.slots) and h.slots[max(h.slots)] == "actual"
    return (actual is not None and h.completion and last_is_actual and not h.tail_slots
            and bool(V.VERDICT_CELL.match(actual.clean)))


def _last_printed(r: Row, h: IndicatorHeader) -> int:
    """The row's last filled column that stands under the header: under a target-only header (no actual column,
    Hubei 2021) a closing completion phrase (达成预期指标) is a verdict no header cell names, printed past the
    header's columns, so a row that lost its merged level cells still reads as narrower than the header."""
    filled = [c for c in r.cells if c.clean]
    if len(filled) > 1 and not h.has("actual") and V.VALUE_PHRASE.match(filled[-1].clean):
        filled.pop()
    return max(c.col for c in filled)


class IndicatorReader:
    """Reads the rows of one indicator table."""

    def __init__(self, categories: V.Categories):
        self.cat = categories

    def _category(self, text: str) -> tuple[str | None, str | None]:
        return self.cat.level1(text), self.cat.level2(text)

    def read(self, rows: list[Row], header: IndicatorHeader, at_text_end: bool = False) -> list[ParsedIndicator]:
        """The table's indicator rows; ``at_text_end``: the rows run to the end of the text (an excerpt may
        stop inside the last of them)."""
        carry = CategoryCarry()
        out: list[ParsedIndicator] = []
        below = rows[header.row_index + 1:]
        closed = False  # a total, a note or a title closes the table: the text goes on past its rows
        last_row = 0  # the row of the last indicator read
        for k, r in enumerate(below):
            first = next((t for t in r.texts if t), "")
            if not first:
                continue
            if preview_ends(first) and last_row == k - 1:
                drop_cut_row(out, header)
            if running_header(r) and _data_row_follows(below[k + 1:]):
                continue
            if (V.INDICATOR_END.match(first) or is_title_row(r) or is_total_row(r)
                    or (V.FORM_FOOTER.match(first) and not _data_row_follows(below[k + 1:]))):
                # (a signature line with no indicator row after it: the form's footer, not a stray line inside)
                closed = True
                break
            if header.has("actual"):
                r = split_merged_values(r, header.width)
            if header.has("weight") and header.has("score"):
                r = split_merged_points(r, header.width)
            if r.kind == "text":
                if (_data_row_follows(below[k + 1:]) or _header_block_follows(below[k + 1:])
                        or V.CONTINUED_TITLE.search(first)):
                    continue  # a stray line inside the table (★, 填表人：, a footer), not its end
                break
            ind = self._dual(r, carry) if header.dual else self._row(r, header, carry)
            if ind is not None:
                out.append(ind)
                last_row = k
        if out and not closed and (cut_off(below[last_row:]) or (at_text_end and stops_short(out, below[last_row:]))):
            out.pop()  # the text stops inside the last row's cells: the excerpt was cut inside it
        return out

    # -- one row --
    def _anchor(self, r: Row, h: IndicatorHeader) -> tuple[list[tuple[Cell, str | None, str | None]], int | None]:
        """Category cells before the name, and the name's cell index."""
        if (r.kind == "cells" or h.tiered) and h.name_col is not None and len(r.cells) > max(h.slots):
            # one cell per line keeps every column: read the header's positions (a row narrower than the
            # header lost its merged cells, and is read by content below)
            cats = []
            for col, slot in sorted(h.slots.items()):
                if slot in ("l1", "l2") and col < len(r.cells) and r.cells[col].clean:
                    l1, l2 = self._category(r.cells[col].clean)
                    if not (l1 or l2):
                        l1, l2 = self.cat.tolerant(r.cells[col].clean)
                    if slot == "l2":
                        l1 = None if l2 else l1
                    if l1 or l2:
                        cats.append((r.cells[col], l1, l2))
            k = h.name_col
            return cats, (k if k < len(r.cells) and r.cells[k].clean else None)
        cats = []
        have_l2 = False
        serial = h.has("serial")
        for i, c in enumerate(r.cells):
            t = c.clean
            if not t or V.SECTION_CAPTION.match(t):
                continue
            if serial and not cats and SERIAL_NUMBER.match(t):
                continue  # the 序号 column's number, before the categories and the name
            if heading_residue(t) and i + 1 < len(r.cells) and not any(self._category(t)):
                # a vertical merged cell's characters (产 / 出 / 指 / 标 read row by row): no cell of the row; a
                # category word short enough to look like them (成本, printed without 指标) is the category
                continue
            l1, l2 = self._category(t)
            if not (l1 or l2) and h.name_col is not None and c.col < h.name_col:
                # left of the name column a cell is a category: read one OCR slip (社会效盆) as the word
                l1, l2 = self.cat.tolerant(t)
            if not (l1 or l2):
                l1, l2 = category_after_residue(t, self._category)
            # at most one level-1 then one level-2: a category word after a level-2 is the name (服务对象满意度)
            if (l1 or l2) and not have_l2:
                cats.append((c, l1, l2))
                have_l2 = bool(l2) and (not l1 or len(cats) >= 2)
                continue
            return cats, i
        return cats, None

    def set_categories(self, cats, carry: CategoryCarry, l1_noncanon: bool, row: Row | None = None) -> None:
        """Update ``carry`` with a row's category cells ``cats`` ((cell, level-1, level-2) each); ``l1_noncanon``: the
        row prints a level-1 that is no indicator category, which blocks the rows under it; ``row``: the row, where
        its blank cells tell (a level-2 cell left blank)."""
        if l1_noncanon:
            carry.blocked = True
            carry.l1 = carry.l2 = None
            carry.l1_span = carry.l2_span = None
        for k, (c, l1, l2) in enumerate(cats):
            nxt_is_l2 = k + 1 < len(cats) and cats[k + 1][2] is not None
            if l1 and (not l2 or nxt_is_l2):
                # a level-1 printed inside its block (a merged cell some exporters print at its group's middle row)
                # names the level-1 its level-2 already implied: the level-2 above still holds
                inside = (l1 == carry.l1 and carry.l1_span is None and carry.l2 is not None and not nxt_is_l2
                          and _blank_after(row, c))
                carry.l1, carry.l1_span, carry.blocked = l1, span_of(c, l1), False
                if not inside:
                    carry.l2, carry.l2_span = None, None
            elif l2:
                carry.l2, carry.l2_span = l2, span_of(c, l2)
                parent = self.cat.parent(l2)
                if l2 != "成本指标" and parent:
                    if carry.l1 != parent:
                        carry.l1, carry.l1_span = parent, None
                    carry.blocked = False
                elif carry.l1 is None and not carry.blocked:
                    carry.l1 = parent

    def _row(self, r: Row, h: IndicatorHeader, carry: CategoryCarry) -> ParsedIndicator | None:
        cats, name_i = self._anchor(r, h)
        if name_i is None:
            if cats:
                self.set_categories(cats, carry, False)
            return None
        # a printed but non-canonical level-1 (项目决策, 履职效能 …) blocks its rows
        l1_cols = [c for c, s in h.slots.items() if s == "l1"]
        l1_noncanon = False
        name_cell = r.cells[name_i]
        shift = name_cell.col - (h.name_col if h.name_col is not None else name_cell.col)
        if l1_cols and shift == 0 and not cats:
            c1 = l1_cols[0]
            if c1 < len(r.cells) and c1 != name_i:
                t = r.cells[c1].clean
                if t and not V.SECTION_CAPTION.match(t) and not heading_residue(t):
                    l1_noncanon = True
        last = _last_printed(r, h)
        merged = last - shift < h.width
        if l1_cols and not cats and name_i < (h.name_col or 0) and shift < 0 and not merged:
            # name found left of the name column: the category cells were non-canonical words (unless the
            # row is narrower than the header by as many cells: a cell-per-line export drops merged cells)
            l1_noncanon = True
        self.set_categories(cats, carry, l1_noncanon, r)
        if l1_noncanon:
            return None
        if carry.blocked:
            return None
        name_text = name_cell.clean
        if len(name_text) == 1 and not name_text.isdigit():
            return None  # one character of a vertical merged cell read on a line of its own (指 / 标): no name
        if not name_text or V.PLACEHOLDER.match(name_text) or V.OPERATORS.match(name_text) or is_number(name_text) or V.VALUE_PHRASE.match(name_text):
            return None
        assign, method = self._assign(r, h, name_i, shift)
        if assign is None:
            return None
        verdict = assign.pop("actual") if _verdict_only(h, assign) else None
        if _verdict_in_remarks(r, h, name_i, assign):
            del assign["actual"]
        for slot in ("target", "actual"):
            if slot in assign and self._category_residue(assign[slot].clean):
                del assign[slot]
        unswap_values(assign)
        split_target_actual(assign)
        ind = ParsedIndicator(
            level1=carry.l1, level2=carry.l2, level1_span=carry.l1_span, level2_span=carry.l2_span,
            name=span_of(name_cell), method=method, verdict=span_of(verdict) if verdict is not None else None,
        )
        self.fill_values(ind, assign, h)
        if not (ind.target or ind.actual or ind.weight or ind.score):
            return None
        return ind

    def _category_residue(self, text: str) -> bool:
        """A value cell holding only a level word or its wrapped tail (指标, 满意度指标): the second line of the merged
        category cells a scan read after a row (a remark's tail then reads as a name), no target or actual."""
        return text == "指标" or any(self._category(text))

    def _positional(self, r: Row, h: IndicatorHeader, shift: int) -> dict[str, Cell]:
        got: dict[str, Cell] = {}
        for col, slot in h.slots.items():
            if slot in ("l1", "l2", "name", "reason", "degree"):
                continue
            k = col + shift
            if 0 <= k < len(r.cells) and r.cells[k].clean:
                got[slot] = r.cells[k]
        return got

    def _plausible(self, r: Row, h: IndicatorHeader, got: dict[str, Cell], shift: int, name_i: int) -> bool:
        for slot in ("weight", "score"):
            if slot in got and not is_points_cell(got[slot].clean):
                return False
        if "op" in got and not op_cell(got["op"].clean):
            return False
        for slot in VALUE_SLOTS:
            if slot in got and got[slot].col <= name_i:
                return False
        tail_cols = [c for c, s in h.tail_slots]
        if tail_cols:
            last = max(tail_cols) + shift
            # a bare number right of the score column: the row is shifted, unless a header names it (折算得分, 完成率)
            for k in range(last + 1, len(r.cells)):
                if is_number_cell(r.cells[k].clean) and h.slots.get(k - shift) not in ("other", "degree"):
                    return False
            numbers = sum(is_number_cell(c.clean) for c in r.cells[name_i + 1:])
            # (a score cell left blank between rulings holds its place where every number of the row has one)
            kept = _kept_blank(r, h, "score", shift) and numbers == sum(s in got for s in ("weight", "score"))
            if h.has("score") and "score" not in got and not kept and numbers:
                return False
        return True

    def values_by_sequence(self, r: Row, h: IndicatorHeader, name_i: int) -> dict[str, Cell]:
        """Value cells by column, read by content after the name (cell ``name_i``): the numeric tail is the
        weight and score, the cells before it the header's value columns in order."""
        cells = [c for c in r.cells[name_i + 1:] if c.clean]
        tail_slots = [s for _, s in h.tail_slots]
        # drop trailing reason/explanation text
        while cells and not is_number_cell(cells[-1].clean) and len(cells) > 1 and any(is_number_cell(c.clean) for c in cells):
            cells.pop()
        columns = [s for _, s in sorted(h.slots.items()) if s not in ("serial", "l1", "l2", "name", "l1_weight", "l2_weight")]
        first_tail = min((columns.index(s) for s in tail_slots), default=len(columns))
        if any(s in VALUE_SLOTS for s in columns[first_tail:]):
            # 分值 or 权重 printed before a value column (权重 完成值 得分): no numeric tail to read from the right
            aligned = align(cells, columns)
            if aligned is not None:
                return aligned
        tail: list[Cell] = []
        while cells and len(tail) < len(tail_slots) and is_number_cell(cells[-1].clean):
            tail.insert(0, cells.pop())
        got: dict[str, Cell] = {}
        if len(tail) == len(tail_slots):
            got.update(zip(tail_slots, tail))
        elif tail:
            got["score" if "score" in tail_slots else tail_slots[-1]] = tail[-1]
        slots = [s for _, s in h.value_slots if s not in ("note",)]
        if {"init_target", "adj_target"} <= set(slots):
            # 年初 / 调整后 / 实际: a blank 年初 cell drops out, so align from the right
            for s_, c in zip(slots[::-1], cells[::-1]):
                got[s_] = c
            return got
        if h.has("degree") and len(cells) >= 2 and cells[-1].clean.endswith("%"):
            cells = cells[:-1]  # 完成程度 after the actual value
        k = 0
        for s_ in slots:
            if k >= len(cells):
                break
            t = cells[k].clean
            if s_ in ("op", "nature"):
                if op_cell(t):
                    got[s_] = cells[k]
                    k += 1
                continue
            if s_ == "unit":
                if len(t) <= 4 and not re.search(r"\d", t) and k + 1 < len(cells):
                    got[s_] = cells[k]
                    k += 1
                continue
            got[s_] = cells[k]
            k += 1
        return got

    def _assign(self, r: Row, h: IndicatorHeader, name_i: int, shift: int) -> tuple[dict[str, Cell] | None, str]:
        got = self._positional(r, h, 0)
        if shift == 0 and self._plausible(r, h, got, 0, name_i):
            return got, "positional"
        got = self._positional(r, h, shift)
        if self._plausible(r, h, got, shift, name_i):
            return got, "anchored"
        return self.values_by_sequence(r, h, name_i), "sequence"

    def fill_values(self, ind: ParsedIndicator, got: dict[str, Cell], h: IndicatorHeader) -> None:
        """Set ``ind``'s target, actual, weight and score from the value cells ``got`` (by column)."""
        if h.has("adj_target"):
            main = got.get("adj_target")
            if "init_target" in got:
                ind.initial_target = span_of(got["init_target"])
        else:
            main = got.get("target")
        parts: list[Span] = []
        # an operator joins the target; a direction word (正向 / 反向 under 指标方向 or 指标性质) does not
        op = next((got[s] for s in ("op", "nature") if s in got and V.OPERATORS.match(got[s].clean)), None)
        if main is not None or (h.has("op") and (op or "unit" in got)):
            if op is not None:
                parts.append(span_of(op))
            if main is not None:
                parts.append(span_of(main))
            if "unit" in got and (main is not None):
                parts.append(span_of(got["unit"]))
        ind.target = parts
        if "actual" in got:
            ind.actual = span_of(got["actual"])
        elif "note" in got:
            # qualitative rows print their completion in 定性指标情况说明
            ind.actual = span_of(got["note"])
        if "weight" in got and is_number(got["weight"].clean):
            ind.weight = span_of(got["weight"])
        if "score" in got and is_number(got["score"].clean):
            ind.score = span_of(got["score"])

    def _dual(self, r: Row, carry: CategoryCarry) -> ParsedIndicator | None:
        """Target-only tables printing 实施期 and 年度 groups side by side: read by content."""
        toks = [c for c in r.cells if c.clean and not V.SECTION_CAPTION.match(c.clean)]
        i = 0
        cats = []
        while i < len(toks):
            l1, l2 = self._category(toks[i].clean)
            if not (l1 or l2) or len(cats) >= 2:
                break
            cats.append((toks[i], l1, l2))
            i += 1
        if cats:
            self.set_categories(cats, carry, False)
        if i >= len(toks):
            return None
        if carry.blocked:
            return None
        name = toks[i]
        value = toks[i + 1] if i + 1 < len(toks) and not any(self._category(toks[i + 1].clean)) else None
        rest = toks[i + (2 if value is not None else 1):]
        l2b = None
        if rest and self._category(rest[0].clean)[1]:
            l2b = rest.pop(0)
        value2 = None
        if rest and rest[0].clean == name.clean:
            rest.pop(0)
            value2 = rest[0] if rest else None
        if l2b is not None and not cats:
            l2 = self._category(l2b.clean)[1]
            carry.l2, carry.l2_span = l2, span_of(l2b, l2)
            parent = self.cat.parent(l2)
            if l2 != "成本指标" and parent:
                carry.l1 = parent
        if V.PLACEHOLDER.match(name.clean):
            return None
        target = value2 or value
        if target is None or target.clean == name.clean:
            return None
        return ParsedIndicator(
            level1=carry.l1, level2=carry.l2, level1_span=carry.l1_span, level2_span=carry.l2_span,
            name=span_of(name), target=[span_of(target)], method="dual",
        )


def _kept_blank(r: Row, h: IndicatorHeader, slot: str, shift: int) -> bool:
    """The row prints the column of ``slot`` as an empty cell between rulings that the row keeps (a scanned form's
    handwritten 得分 the OCR could not read: ``| 15 |  |``)."""
    cols = [c for c, s in h.slots.items() if s == slot]
    return bool(cols) and 0 <= cols[0] + shift < len(r.cells) and not r.cells[cols[0] + shift].clean


def _blank_after(row: Row | None, cell: Cell) -> bool:
    """The cell after ``cell`` in ``row`` is printed blank (a level-2 cell left empty under a merged one)."""
    if row is None:
        return False
    k = next((k for k, c in enumerate(row.cells) if c is cell), None)
    return k is not None and k + 1 < len(row.cells) and not row.cells[k + 1].clean
