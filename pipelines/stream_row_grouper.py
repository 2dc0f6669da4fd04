"""Cells of a table printed one cell per line grouped into rows by their printed words (``cell_stream`` finds the
cells and writes the rows back as tab rows).

A field label opens a field row (label, value); a run of funds or indicator header words is a header row; under a
funds header a label opens a row of amounts; under an indicator header a category word opens a row, and a row
without one (its merged category cells dropped) ends once its name has as many values after it as the header has
value columns.
"""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.header_order import group_caption, indicator_visual_order, value_columns
from jixiao.pipelines.printed_numbers import SERIAL_NUMBER
from jixiao.pipelines.page_breaks import value_goes_on
from jixiao.pipelines.stream_cells import (
    StreamCell, cell_kind, columns_a_target_fills, glued_category, is_funds_header, is_value_slot, joined_cell,
    label_run, label_runs, NOT_VALUE_SLOTS, structural,
)
from jixiao.pipelines.stream_row_ends import opens_after_merged_numbers, opens_next, unlabeled_score
from jixiao.pipelines.stream_wraps import CELL_SENTENCE_END, paragraph_groups, row_follows, valueish

_REASON = dict(V.INDICATOR_HEADERS)["reason"]
_CLAUSE_END = frozenset("，,、")


class RowGrouper:
    """Reads the cells in order and closes a row where the printed words say one ends (see the module doc).

    ``state`` is what the open row is: text, field (label, value), fh / ih (a funds / indicator header run),
    fh_body / ih_body (rows under that header), total (a total row closing the indicator rows)."""

    def __init__(self) -> None:
        self.rows: list[list[StreamCell]] = []
        self.cur: list[StreamCell] = []
        self.state = "text"
        self.values = 0  # value columns of the indicator header
        self.since_name = -1  # cells after the open indicator row's name
        self.merged = 0  # header columns the open row's first value fills besides its own (operator, unit)
        self.reason = False  # the indicator header has a reason column (its last named one)
        self.after_reason = 0  # columns printed without a word right of the reason column (an unlabeled 得分)
        self.header_slots: list[str | None] = []  # the indicator header's columns, in order
        self.header_width = 0  # cells of the indicator header row
        self.next_is_value = False  # the cell after the one being added holds a value (a number, an operator)
        # the cell after the one being added is a funds header word only (年初预算数); an indicator header word
        self.next_funds_header = self.next_header = False
        self.next_serial = self.next_target = False  # the cell after the one being added: the next row's 序号; ≥85%
        self.last_serial = 0  # the 序号 of the open indicator row

    def flush(self) -> None:
        if self.cur:
            self.rows.append(self.cur)
        self.cur, self.since_name, self.merged = [], -1, 0

    def start(self, c: StreamCell, state: str) -> None:
        self.flush()
        self.cur, self.state = [c], state

    def add(self, c: StreamCell) -> None:
        kind = cell_kind(c.clean)
        if kind == "empty":
            self.empty_cell(c)
            return
        if kind == "ih" and (self.state == "fh" or self.next_funds_header) and is_funds_header(c.clean):
            kind = "fh"  # 分值, 得分: columns of both headers, here the funds header's (a header may print 分值 first)
        elif kind == "text" and self.state in ("fh", "ih") and V.slipped_column(
                c.clean, self.state == "fh", [x.clean for x in self.cur[-V.HEADER_RUN_CELLS:]]) is not None:
            kind = self.state  # a column word one OCR slip off (执行牢, 得份) that the header has not printed yet
        if c.line and self.in_reason_column():
            self.cur.append(c)  # a long remark (偏差原因 of several sentences) is the full row's last cell
            self.since_name += 1
        elif (kind == "text" and "serial" in self.header_slots and self.in_reason_column()
              and self.since_name == self.values and self.next_serial):
            # under a 序号 column a row opens with its number: words right after a row's values, the next row's
            # number after them, are the row's remark
            self.cur.append(c)
            self.since_name += 1
        elif self.remark_goes_on(c, kind):
            prev = self.cur[-1]  # a remark's next paragraph (下一步加强…。 after 2条街巷…未达标。): the same cell
            self.cur[-1] = StreamCell(prev.start, c.end, prev.clean + c.clean)
        elif c.line:
            self.flush()
            self.rows.append([c])
            self.state = "text"
        elif self.state == "ih_body" and (V.INDICATOR_END.match(c.clean) or V.TOTAL_SCORE_LABEL.match(c.clean)
                                          or V.FORM_FOOTER.match(c.clean) or V.REPORT_SECTION.match(c.clean)):
            # a total row, a note (说明, 注:), a signature or the report's next section ends the rows; a total keeps its numbers
            self.start(c, "total" if V.TOTAL_SCORE_LABEL.match(c.clean) else "text")
        elif kind == "label":
            if not (self.cur and self.state == "field" and len(self.cur) == 1):
                self.flush()
            self.cur.append(c)
            self.state = "field"
        elif kind in ("fh", "ih") and (self.state != f"{kind}_body" or structural(c.clean) or self.unnamed_header(kind)):
            self.header(c, kind)
        elif self.state == "field":
            if len(self.cur) == 1:
                self.cur.append(c)  # the label's value
            else:
                self.start(c, "text")
        elif self.state in ("fh", "fh_body") and (kind == "cat" or kind == "text" and self.next_target):
            # a preview that jumps from the funds block into the indicator rows: the header between them is lost,
            # the rows are grouped by the national template's columns (a row may open with its name: no amount is ≥)
            self.assume_template_header()
            self.indicator_cell(c, kind)
        elif self.state in ("fh", "fh_body"):
            if kind == "num" and self.state == "fh_body":
                self.cur.append(c)
            elif self.state == "fh_body" and kind == "text" and self.spanning_funds_label():
                self.cur.append(c)  # 年度资金总额 | 小计 | 120 …: a label merged over rows, then the row's own
            else:
                self.start(c, "fh_body")
        elif self.state == "ih" and _REASON.search(c.clean):
            self.cur.append(c)  # the header's last column (偏差原因分析及改进措施)
            self.reason = True
        elif self.state == "ih" and kind == "text" and self.next_header and group_caption(c.clean, self.header_slots):
            self.cur.append(c)  # 自评 over 分值 / 得分: a caption whose leaves the header prints last
            self.header_slots.append(None)
        elif self.state in ("ih", "ih_body"):
            self.indicator_cell(c, kind)
        elif self.state == "total" and kind == "num":
            self.cur.append(c)  # 总分 100 95: the total's weight and score
        else:
            self.start(c, "text")

    def empty_cell(self, c: StreamCell) -> None:
        """A lone-space cell holds its column's place after an indicator row's name (a blank target, the blank
        reason that ends the row), on a funds row after its label (a blank amount) and in the indicator header right
        of its name column (a column printed without its word); anywhere else (a merged cell's place) it is dropped."""
        if self.state == "ih" and "name" in self.header_slots:
            # a column printed without a header word, right of the named ones: its cells still fill the rows
            self.cur.append(c)
            if self.reason:
                self.after_reason += 1  # (right of the reason column: the rows print it after their remark)
            else:
                self.values += 1
                self.header_slots.append(None)
            return
        if self.state == "fh_body" and self.cur:
            self.cur.append(c)  # a blank amount keeps its column's place on a funds row
            return
        if (self.state == "ih_body" and not self.tiers and self.values and self.since_name < 0 and self.cur
                and V.fallback_level2(self.cur[-1].clean) and not V.fallback_level1(self.cur[-1].clean)):
            # right after a level-2 word the blank is the row's name (a level-2 printed with an empty row: 社会成本指标
            # and blanks): its value cells follow, and a category word after them opens the next row
            self.cur.append(c)
            self.since_name = 0
            return
        if self.state != "ih_body" or self.tiers or not self.values or self.since_name < 0:
            return
        if self.since_name < self.values or (self.reason and self.since_name <= self.values + self.after_reason):
            self.cur.append(c)
            self.since_name += 1

    def in_reason_column(self) -> bool:
        """The open indicator row has all its value cells and the header ends with a reason column: the next cell
        is the row's remark, or a further paragraph of it."""
        return (self.state == "ih_body" and self.reason and not self.tiers and self.values > 0
                and self.since_name >= self.values)

    def remark_goes_on(self, c: StreamCell, kind: str) -> bool:
        """Cell ``c`` is a further sentence of the open row's remark: the row has its remark, a sentence, and ``c``
        is one too (a name or a value never ends with 。), or the remark stops mid-sentence (，)."""
        last = self.cur[-1].clean if self.cur else ""
        # (a paragraph ending mid-sentence, 部分诉求涉及跨部门协调，/ 尚在办理中: the next one goes on with it)
        return (self.in_reason_column() and self.since_name > self.values and kind == "text" and not c.line
                and bool(last) and (last[-1] in _CLAUSE_END or (c.clean[-1] in CELL_SENTENCE_END
                                                                and last[-1] in CELL_SENTENCE_END)))

    def name_goes_on(self, cells: list[StreamCell], k: int) -> bool:
        """Cell ``k``, just after the open row's name, is the rest of that name (a cell of two paragraphs: 补贴资金兑付
        / 到户率): it is no value, the header's value cells follow it, and the cell after them holds the row's reason
        (blank: a lone space, a sentence; or the next row's category, OCR boxes) -- read as the first value, the row
        would run one cell too long."""
        if self.state != "ih_body" or self.since_name != 0 or not self.reason or self.tiers or self.values <= 0:
            return False
        c = cells[k]
        if not self.cur or cell_kind(self.cur[-1].clean) != "text":
            return False  # (a number or a word taken for the name says the row went wrong before: no guess on it)
        if c.line or c.empty or cell_kind(c.clean) != "text" or valueish(c.clean) or c.clean[-1] in CELL_SENTENCE_END:
            return False
        vals = cells[k + 1:k + 1 + self.values]
        after = cells[k + 1 + self.values] if k + 1 + self.values < len(cells) else None
        if len(vals) < self.values or after is None or any(v.empty or v.line for v in vals):
            return False
        kind = cell_kind(after.clean)  # (a category: where blanks print nothing, only values may stand between)
        blank = after.empty or V.BLANK_VALUE.match(after.clean) is not None  # (a lone space, or a page's dash: —)
        return blank or kind == "cat" and all(valueish(v.clean) for v in vals) or kind == "text" and (
            after.clean[-1] in CELL_SENTENCE_END or after.clean in V.QUALITATIVE_BANDS)  # (a 备注's 达成预期指标)

    def row_paragraphs(self, cells: list[StreamCell], k: int) -> list[int] | None:
        """Just after an indicator row's name (cell ``k - 1``): the paragraphs its name and text values take
        (``stream_wraps``), or None where that reading does not apply."""
        if self.state != "ih_body" or self.since_name != 0 or self.tiers or not self.cur or cells[k - 1] is not self.cur[-1]:
            return None
        return paragraph_groups(cells, k, self.header_slots, self.reason) if cell_kind(self.cur[-1].clean) == "text" else None

    def name_follows(self, cells: list[StreamCell], k: int) -> bool:
        """The open row has its values and awaits its remark, and cell ``k`` is the next row's name, its merged
        category cells dropped (where blank remarks vanish): exactly the header's values follow it."""
        return (self.state == "ih_body" and self.reason and not self.tiers and self.values > 0
                and self.since_name == self.values and row_follows(cells, k, self.header_slots))

    def take_paragraphs(self, cells: list[StreamCell], k: int, groups: list[int]) -> int:
        """The row's name and text values each joined from its paragraphs; the index of the cell after them."""
        name, extra = self.cur[-1], cells[k:k + groups[0] - 1]
        if extra:
            self.cur[-1] = StreamCell(name.start, extra[-1].end, name.clean + "".join(c.clean for c in extra))
        k += groups[0] - 1
        for size in groups[1:]:
            self.add(joined_cell(cells[k:k + size], cells[k].start))  # (none: a blank cell that printed nothing)
            k += size
        return k

    def unnamed_header(self, kind: str) -> bool:
        """The indicator header read last names neither a level nor a name column (实际完成情况 was the goal block's
        label, not a header): a header word after it starts the real header (分值 年度指标值 …, whose level columns
        a two-row header prints last)."""
        return kind == "ih" and not {"l1", "l2", "name"} & set(self.header_slots)

    def label_run(self, labels: list[StreamCell], values: list[StreamCell]) -> None:
        """Field labels printed as a header row (主管部门 / 实施单位) with their values on the row below."""
        self.flush()
        self.rows += [labels, values]
        self.state = "text"

    def cut_last_row(self, blanks_printed: bool) -> bool:
        """Whether the open indicator row, where the text ends, stops short of the header's value columns: the
        excerpt was cut inside it (contract: such a row is no indicator). Where blank cells are printed (a lone
        space) any shortfall says so; where they vanish, only a row without its actual (a row's trailing
        weight, score and remark may be blank, its completion value hardly)."""
        if self.state != "ih_body" or self.tiers or self.values <= 0 or self.since_name < 0:
            return False
        return self.since_name < (self.values if blanks_printed else self.cells_to_actual())

    def cells_to_actual(self) -> int:
        """How many cells after its name a row prints up to its actual (指标性质 正向 / ≥30个 / 20 / 32个: 4), by the
        header's columns; two (a target and an actual) where the header names no actual column."""
        after = self.header_slots[self.header_slots.index("name") + 1:] if "name" in self.header_slots else []
        return after.index("actual") + 1 if "actual" in after else min(2, self.values)

    def spanning_funds_label(self) -> bool:
        """The open funds row is a lone label merged over several rows (年度资金总额 over 小计 / 其中…, a bare
        其中:), printed once before the first row it spans: that row's own label and amounts go on it."""
        return len(self.cur) == 1 and bool(V.SPANNING_FUNDS_LABEL.match(self.cur[0].clean))

    def header(self, c: StreamCell, kind: str) -> None:
        if self.state != kind:
            # a caption cell just before the header (项目资金(万元)) is the header row's first cell
            keep = self.cur if (len(self.cur) == 1 and self.state == "text") else []
            if not keep:
                self.flush()
            self.cur = keep
            self.values = 0
            self.reason = False
            self.after_reason = 0
            self.header_slots = []
        self.cur.append(c)
        if kind == "ih":
            slot = V.indicator_column(c.clean)
            if slot is None:  # a column word one OCR slip off (得份), among the columns not printed yet
                slot = V.header_slot(c.clean, V.INDICATOR_HEADER_WORDS, set(filter(None, self.header_slots)))
                self.values += slot not in (None, *NOT_VALUE_SLOTS)
            else:
                self.values += is_value_slot(c.clean)
            self.header_slots.append(slot)
        self.state = kind

    def assume_template_header(self) -> None:
        self.flush()
        self.header_slots = list(V.TEMPLATE_INDICATOR_SLOTS)
        self.values = sum(is_value_slot(w) for w in V.TEMPLATE_INDICATOR_HEADER)
        self.reason = True
        self.state = "ih"

    def header_cut_at_its_start(self) -> bool:
        """The indicator header printed is the tail of the national template's (a preview jumped into it: 实际完成值
        分值 得分 …, its category and name columns lost)."""
        slots = [s for s in V.TEMPLATE_INDICATOR_SLOTS if s != "reason"]  # (the reason column is kept apart: ``reason``)
        n = len(self.header_slots)
        return n >= 2 and "name" not in self.header_slots and self.header_slots == slots[-n:]

    @property
    def tiers(self) -> bool:
        """The header gives 一级 and 二级 their own 分值 column (一级指标 分值 二级指标 分值 三级指标 分值 得分): merged
        level cells make the rows' lengths vary, and each row ends with its name, 分值 and 得分."""
        return any(a in ("l1", "l2") and b == "weight" for a, b in zip(self.header_slots, self.header_slots[1:]))

    def opens_serial_row(self, c: StreamCell, nxt: StreamCell | None) -> bool:
        """Under a header with a 序号 column, a serial number followed by a category word or a name opens a row,
        wherever the row before stopped (its blank cells dropped, it printed fewer cells than the header)."""
        if self.state != "ih_body" or "serial" not in self.header_slots or self.since_name < 1 or nxt is None:
            return False
        if not SERIAL_NUMBER.match(c.clean) or int(c.clean) != self.last_serial + 1:
            return False  # 序号 count up by one: another number is a value (12 公里)
        # a sentence after the number is a remark (a row's 得分 8, then its 偏差原因), not a row's name
        return (cell_kind(nxt.clean) in ("cat", "text") and not V.REMARK.match(nxt.clean)
                and nxt.clean[-1] not in CELL_SENTENCE_END
                and not V.INDICATOR_END.match(nxt.clean) and not V.TOTAL_SCORE_LABEL.match(nxt.clean))

    def add_unnamed_column(self) -> bool:
        """The indicator header gains a right-most column it printed no word for (an unlabeled 得分, its cells
        vanished where blanks print nothing): the header row, already closed, takes a blank cell for it and the
        rows one more value column. False (nothing changed) where no header row was closed."""
        header = _header_row(self.rows)
        if header is None:
            return False
        end = header[-1].end
        header.append(StreamCell(end, end, "", empty=True))
        self.header_slots.append(None)
        self.values += 1
        return True

    def tier_cell(self, c: StreamCell, kind: str) -> None:
        """A row under a tiered header closes on (name, 分值, 得分); it is padded on the left to the header's width,
        the cells of the levels it shares with the rows above being merged away."""
        if self.state == "ih":
            self.header_width = len(self.cur)  # a caption cell may open the header row
            self.flush()
        self.state = "ih_body"
        self.cur.append(c)
        kinds = [cell_kind(x.clean) for x in self.cur[-3:]]
        if len(kinds) == 3 and kinds[1] == kinds[2] == "num" and kinds[0] != "num":
            width = self.header_width
            pad = [StreamCell(self.cur[0].start, self.cur[0].start, "") for _ in range(width - len(self.cur))]
            self.cur = pad + self.cur
            self.flush()

    def indicator_cell(self, c: StreamCell, kind: str) -> None:
        if self.state == "ih" and self.header_cut_at_its_start():
            self.assume_template_header()  # (the printed tail of the header stays a row of its own)
        elif self.state == "ih" and (visual := indicator_visual_order(self.header_slots)) is not None:
            # a two-row header in reading order: its caption (年度指标值 over 指标值 / 度量单位) is no column
            self.values -= value_columns(self.header_slots) - value_columns(visual)
        if self.tiers:
            self.tier_cell(c, kind)
            return
        if unlabeled_score(self, c, kind) and self.add_unnamed_column():
            self.cur.append(c)  # the row's cell in that column
            self.since_name += 1
            return
        if kind == "num" and self.after_reason and self.values <= self.since_name <= self.values + self.after_reason:
            # the number of a column right of the reason column (where the remark vanished, it takes its place too)
            self.cur.append(c)
            self.since_name = max(self.since_name, self.values + 1) + 1
            return
        full = self.values and self.since_name >= self.values - self.merged
        # (a sentence is a remark even where the next row's 序号 follows it)
        # (and where an unlabeled column follows the remark, the number after it is that column's)
        reason = V.REMARK.match(c.clean) or (kind == "text" and (not self.next_is_value or c.clean[-1] in CELL_SENTENCE_END
                                                                 or self.after_reason > 0))
        if full and self.reason and self.since_name == self.values and reason:
            # the reason column's remark (无, 已完成, 部分路段损毁) closes the row; a name would have values after it
            self.cur.append(c)
            self.since_name += 1
            return
        if full and self.reason and self.since_name > self.values and kind == "text" and not self.next_is_value \
                and c.clean[-1] in CELL_SENTENCE_END:
            self.cur.append(c)  # the remark's next paragraph (a cell of several <p>): a sentence is no name
            return
        if self.state == "ih" or (kind == "cat" and self.since_name >= 0) or full:
            self.flush()
        self.state = "ih_body"
        self.cur.append(c)
        if "serial" in self.header_slots and len(self.cur) == 1 and SERIAL_NUMBER.match(c.clean):
            self.last_serial = int(c.clean)
            return  # the row's 序号, before its categories and name
        if self.since_name >= 0:
            self.since_name += 1
            if self.since_name == 1:  # (≥18条 under 指标性质 / 指标值 / 度量单位: a run cut at its values)
                self.merged = columns_a_target_fills(c.clean, self.header_slots)
        elif kind != "cat":
            self.since_name = 0  # the row's name


def _header_row(rows: list[list[StreamCell]]) -> list[StreamCell] | None:
    """The indicator header row most recently closed: the last row holding an indicator header word."""
    for row in reversed(rows):
        if any(cell_kind(c.clean) == "ih" for c in row):
            return row
    return None


def stream_rows(cells: list[StreamCell], blank_separated: bool = False,
                breaks: frozenset[int] = frozenset()) -> list[list[StreamCell]]:
    """The cells grouped into rows; ``blank_separated``: blank lines separate the cells (the layout is beyond doubt,
    so a last row stopping short where the text ends is a cut); ``breaks``: cells right after a page break."""
    grouper = RowGrouper()
    runs = label_runs(cells)
    k = 0
    while k < len(cells):
        c = cells[k]
        run = label_run(cells, k, runs) if grouper.state in ("text", "field") else 0
        if run:
            grouper.label_run(cells[k:k + run], cells[k + run:k + 2 * run])
            k += 2 * run
            continue
        if k in breaks and grouper.state == "ih_body" and not grouper.tiers and 0 < grouper.since_name < grouper.values \
                and value_goes_on(cells, k, grouper.values - grouper.since_name + 1, valueish, opens_next):
            prev = grouper.cur[-1]  # (2021年11月 | 第2页 | 30日前: one target cell the page break split)
            grouper.cur[-1] = StreamCell(prev.start, c.end, prev.clean + c.clean)
            k += 1
            continue
        groups = grouper.row_paragraphs(cells, k)
        if groups is not None and any(k <= j < k + sum(groups) for j in breaks):
            groups = None  # a page counter inside the row: the cell it split is joined above, not as paragraphs
        if groups is not None and (max(groups) > 1 or 0 in groups):
            k = grouper.take_paragraphs(cells, k, groups)
            continue
        if groups is None and grouper.name_goes_on(cells, k):
            name = grouper.cur[-1]
            grouper.cur[-1] = StreamCell(name.start, c.end, name.clean + c.clean)
            k += 1
            continue
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        grouper.next_is_value = nxt is not None and valueish(nxt.clean)
        grouper.next_funds_header = nxt is not None and cell_kind(nxt.clean) == "fh"
        grouper.next_header = nxt is not None and (cell_kind(nxt.clean) == "ih" or bool(_REASON.search(nxt.clean)))
        grouper.next_target = nxt is not None and nxt.clean[:1] in V.TARGET_GLYPHS and not V.cut_known_word(c.clean)
        grouper.next_serial = (nxt is not None and SERIAL_NUMBER.match(nxt.clean) is not None
                               and int(nxt.clean) == grouper.last_serial + 1)
        if (grouper.opens_serial_row(c, nxt) or grouper.name_follows(cells, k)
                or opens_after_merged_numbers(grouper, cells, k)):
            grouper.flush()
            grouper.state = "ih_body"
        glued = glued_category(c) if grouper.state in ("fh", "fh_body") else None
        if glued is not None:
            grouper.add(glued[0])
            c = glued[1]
        grouper.add(c)
        k += 1
    if blank_separated and grouper.cut_last_row(any(c.empty for c in cells)):
        grouper.cur = []  # the text ends inside the row
    grouper.flush()
    return grouper.rows


