"""Collapsed-text fallback: tables whose line breaks and tabs were lost (copied from a web page, OCR).

Layout is gone but the words remain in reading order. The text is split into
tokens (``collapsed_tokens``: tokens broken by the collapse are re-joined,
产 出 指 标 -> 产出指标), and label words start pseudo-rows that the table parser's field readers accept.
Indicator rows are recovered by sequence: category words, a name, value
tokens, then the numeric 分值/得分 tail. Where a row has more tokens than
columns (a cell broken by its line wrap: ``计划 完成时间``, ``≧28 8.94家``),
``split_row`` picks the grouping whose pieces look most like a name and
values. A 偏差原因 remark left behind the previous row's scores is skipped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import SERIAL_NUMBER, is_label, is_plain_number, span_of
from jixiao.pipelines.collapsed_tokens import Tokenizer, drop_marginalia, join_spaced_numbers, pieces
from jixiao.pipelines.flat_funds import flat_funds, unit_note_before
from jixiao.pipelines.funds_table import funds_column
from jixiao.pipelines.cut_rows import drop_cut_row, preview_ends, stops_short
from jixiao.pipelines.flat_header import indicator_header
from jixiao.pipelines.indicator_header import IndicatorHeader, template_columns
from jixiao.pipelines.indicator_table import CategoryCarry, IndicatorReader, indicator_column
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.level_rows import join_broken_level_tokens
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.printed_numbers import is_number
from jixiao.pipelines.serial_rows import header_run, scored_then_remark
from jixiao.pipelines.parsed import ParsedIndicator, ParsedProject
from jixiao.pipelines.project_fields import clean_org, read_project_fields, split_code
from jixiao.pipelines.scores import read_score
from jixiao.pipelines.segment import Segmenter
from jixiao.pipelines.vocab import OTHER_LEVEL1_HEADING as _OTHER_L1, ROW_START as _ROW_START


# Token-pair answers kept by each FlatParser (the service's lives for the whole process, so the cache
# must not grow with it): pairs repeat within one collapsed document, rarely across documents, and the
# 37 seed and real-layout documents read collapsed bring 25 in all.
WORD_ACROSS_CACHE_SIZE = 4096

_DIGITS = frozenset("0123456789.")
# a piece on a name's line that is not part of the name: another field (联系人:张某), a margin mark
_NOT_NAME = re.compile(r":|" + V.MARGIN_MARK)
# a unit code printed before an organisation's name (885 武侯区商务局, [101] 财政局)
_UNIT_CODE = re.compile(r"\d{3,}|\[\d+\]")
_NAME_START = re.compile(r"^[★☆\u4e00-\u9fff]")
_NUMBER_RUN = re.compile(r"\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{4}年\d{1,2}月")
_MAX_SPLIT_TOKENS = 10  # beyond this a row is not a wrapped row; the combinations would also grow fast


_SENTENCE_MARK = re.compile("[,，。;；]")


def _ends_table(word: str) -> bool:
    # a total-score label (绩效自评总得分) closes the rows too: in running text nothing else marks the table's end; so
    # do the form's signature fields (填报单位：) and the report's next numbered section (三、自评结论)
    return bool(V.INDICATOR_END.match(word) or V.TOTAL_SCORE_LABEL.match(word) or V.FORM_FOOTER.match(word)
                or V.REPORT_SECTION.match(word))


def _stops_text_run(word: str) -> bool:
    # (a level-1's points tag, (10分), wrapped below its word among a row's remarks is no value that opens a row)
    return _ends_table(word) or (any(ch.isdigit() for ch in word) and not V.SECTION_CAPTION.match(word))


def name_endings() -> frozenset[str]:
    """Last characters shared by two or more level-3 indicator names (率, 性, 度 …): ``vocab.NAME_ENDINGS``, fixed
    so that a taxonomy grown with new level-3 entries does not move where collapsed rows are cut."""
    return V.NAME_ENDINGS


class FlatParser:
    """Collapsed text -> ParsedProjects (names and funds reliably, indicators best effort)."""

    def __init__(self, categories: V.Categories | None = None, segmenter: Segmenter | None = None):
        self.cat = categories or V.Categories()
        self.reader = IndicatorReader(self.cat)
        self.segmenter = segmenter or Segmenter()
        self.tokenizer = Tokenizer(self.cat, self.segmenter)
        self._across = lru_cache(maxsize=WORD_ACROSS_CACHE_SIZE)(self._segmented_across)

    # -- rows broken by the collapse --
    def split_row(self, toks: list[Cell], n_values: int, text: str) -> list[Cell]:
        """Tokens before a row's scores -> one cell for the name and one per value column.

        Rows with as many tokens as columns and no spaced run in them come back as they are.
        """
        if len(toks) <= 1 + n_values:
            # runs of one-character tokens were re-joined as spaced words, but one-character values (是 是, 优 良)
            # make such runs too: take them apart again and let the grouping decide
            toks = [piece for t in toks for piece in pieces(t)]
        m = len(toks)
        if m <= 1 + n_values or m > _MAX_SPLIT_TOKENS or n_values < 1:
            return toks
        # ties go to the shortest name (the reading before this split existed)
        cuts = max(itertools.combinations(range(1, m), n_values),
                   key=lambda c: (self._plausibility(toks, c), [-k for k in c]))
        groups = [toks[a:b] for a, b in zip((0, *cuts), (*cuts, m))]
        return [Cell(col=k, start=g[0].start, end=g[-1].end, text=text[g[0].start:g[-1].end]) for k, g in enumerate(groups)]

    def _plausibility(self, toks: list[Cell], cuts: tuple[int, ...]) -> float:
        groups = [toks[a:b] for a, b in zip((0, *cuts), (*cuts, len(toks)))]
        score = 0.0
        for left, right in zip(groups, groups[1:]):
            a, b = left[-1].clean, right[0].clean
            if a and b and a[-1] in _DIGITS and b[0] in _DIGITS:
                score -= 3  # a number cut in two
            if self._word_across(a, b):
                score -= 1  # a word cut in two (组织召开会 | 议次数)
        name, *values = ("".join(t.clean for t in g) for g in groups)
        if V.VALUE_START.match(name) or V.VALUE_PHRASE.match(name):
            score -= 3
        if name and name[-1] in name_endings():
            score += 1
        for v in values:
            numbers = _NUMBER_RUN.findall(v)
            if len(numbers) > 1 and not _DATE.search(v):
                score -= 2  # two values in one cell
            elif numbers and not V.VALUE_START.match(v) and not _DATE.search(v):
                score -= 1  # words then a number: a name's tail glued to a value (完成时间≥95%)
        if len(values) == 2 and values[0] == values[1]:
            score += 2  # target and actual printed alike
        return score

    def _word_across(self, a: str, b: str) -> bool:
        return self._across(a[-4:], b[:4])

    def _segmented_across(self, left: str, right: str) -> bool:
        return bool(left and right) and any(w.start < len(left) < w.end for w in self.segmenter.words(left + right))


    def _rows(self, toks: list[Cell]) -> list[Row]:
        rows: list[Row] = []
        cur: list[Cell] = []
        for t in toks:
            if cur and _ROW_START.match(t.clean) and not is_number(t.clean):
                rows.append(self._row(cur, len(rows)))
                cur = []
            cur.append(t)
        if cur:
            rows.append(self._row(cur, len(rows)))
        return rows

    def _field_row(self, row: Row, text: str) -> Row:
        """A field row (项目名称 …, 主管部门 …) whose value the collapse cut into pieces, the pieces re-joined.

        A piece joins the value before it where the cut split a number (202 2年), a jieba word (防 控) or left a
        bare unit code (885 武侯区商务局); a project name also takes every piece on its line (防控 工作经费),
        since a name row holds nothing else. A piece never joins across a label.
        """
        cells = row.cells
        if len(cells) < 3 or not V.field_label(cells[0].clean):
            return row
        if cells[1].clean == ":":
            cells = [cells[0], *cells[2:]]  # 项目名称 : 老字号
        name = bool(V.NAME_LABEL.match(cells[0].clean))
        end = 2
        while end < len(cells):
            a, b = "".join(c.clean for c in cells[1:end]), cells[end].clean
            if not (a and b) or is_label(b) or self.tokenizer.known(b) or (name and _NOT_NAME.search(b)):
                break
            same_line = "\n" not in text[cells[end - 1].end:cells[end].start]
            if not ((name and same_line) or (a[-1] in _DIGITS and b[0] in _DIGITS) or _UNIT_CODE.fullmatch(a)
                    or self._word_across(a, b) or (name and self._wrapped_line(cells, end, text))):
                break
            end += 1
        if end == 2:
            return self._row(cells, row.index) if cells is not row.cells else row
        s, e = cells[1].start, cells[end - 1].end
        joined = Cell(col=1, start=s, end=e, text=text[s:e])
        return self._row([cells[0], joined, *cells[end:]], row.index)

    @staticmethod
    def _wrapped_line(cells: list[Cell], k: int, text: str) -> bool:
        """Cells ``k`` to the row's end fill the line after the one before them, and the row ends with that line:
        a name's end wrapped onto a line of its own (遂宁市一般行政 | 管 理事务专项资金 | 主管部门 …)."""
        if text[cells[k - 1].end:cells[k].start].count("\n") != 1:
            return False
        if any("\n" in text[c.end:d.start] for c, d in zip(cells[k:], cells[k + 1:])):
            return False
        rest = text[cells[-1].end:]
        return not rest.strip(" ") or rest.lstrip(" ").startswith("\n")

    @staticmethod
    def _row(cells: list[Cell], index: int) -> Row:
        cells = [Cell(col=k, start=c.start, end=c.end, text=c.text) for k, c in enumerate(cells)]
        return Row(index=index, kind="tabs", start=cells[0].start, end=cells[-1].end, cells=cells)

    # -- projects --
    def parse(self, norm: NormalizedText) -> list[ParsedProject]:
        toks = self.tokenizer.tokens(norm)
        starts = [i for i, t in enumerate(toks) if V.NAME_LABEL.match(t.clean)]
        out = []
        for k, s in enumerate(starts):
            e = starts[k + 1] if k + 1 < len(starts) else len(toks)
            before = norm.text[max(0, toks[s].start - 40):toks[s].start]
            if V.DEPT_WIDE.search(before.replace(" ", "")):
                continue
            block = toks[s:e]
            note = unit_note_before(toks, s, starts[k - 1] if k else 0)
            p = self._project(block, norm.text, at_text_end=k + 1 == len(starts), unit_note=note)
            if p is not None:
                out.append(p)
        return out

    def _project(self, toks: list[Cell], text: str, at_text_end: bool = False,
                 unit_note: str | None = None) -> ParsedProject | None:
        rows = self._rows(toks)
        meta = read_project_fields([self._field_row(r, text) for r in rows])
        name = meta.get("name")
        if name is None:
            return None
        code, name = split_code(name)
        proj = ParsedProject(
            source="flat", start=toks[0].start, end=toks[-1].end, name=name, code=code,
            department=clean_org(meta.get("department")), implementer=clean_org(meta.get("implementer")),
        )
        proj.funds = flat_funds(toks, rows, unit_note)
        proj.indicators = self._indicators(toks, text, at_text_end)
        got = read_score(rows, cells=False)
        proj.score, proj.score_weight, proj.grade = got.get("score"), got.get("score_weight"), got.get("grade")
        return proj

    def _indicators(self, toks: list[Cell], text: str, at_text_end: bool = False) -> list[ParsedIndicator]:
        """The indicator rows; ``at_text_end``: the block runs to the end of the text (an excerpt may stop inside
        its last row)."""
        toks = join_broken_level_tokens(join_spaced_numbers(drop_marginalia(toks), text), self.cat)
        found = indicator_header(toks, self._is_category, text) or self._template_header(toks)
        if found is None:
            return []
        header, i, serial = found
        # further header words (经费保障 …) run up to the first category word
        while i < len(toks) and not self._is_category(toks[i].clean):
            i += 1
        shape = _RowShape.of(header, serial)
        out: list[ParsedIndicator] = []
        carry = CategoryCarry()
        closed = False  # a total or a note ends the rows before the text does
        after_last = -1  # the token after the last row read
        last_serial: int | None = None  # the 序号 of the row being read: the next row's is one more
        while i < len(toks):
            i = shape.past_remarks(toks, i)
            if i >= len(toks) or _ends_table(toks[i].clean):
                closed = i < len(toks)
                if closed and preview_ends(toks[i].clean) and i == after_last:
                    drop_cut_row(out, header)
                break
            if _OTHER_L1.match(toks[i].clean):
                # a printed level-1 that is no indicator category (项目决策, 履职效能(50分)): its rows are not read
                self.reader.set_categories([], carry, True)
                i += 1
                continue
            if header_run(toks, i):
                i = header_run(toks, i)  # the header printed again at the top of the next page
                continue
            if serial and SERIAL_NUMBER.match(toks[i].clean):
                last_serial = int(toks[i].clean)
                i += 1
            i = self._categories(toks, i, carry)
            i = shape.past_remarks(toks, i)
            if i >= len(toks) or _ends_table(toks[i].clean):
                closed = i < len(toks)
                break
            cells, i = self._row_cells(toks, i, shape, text, None if last_serial is None else last_serial + 1)
            ind = self._indicator(self._row(cells, 0), header, carry, out)
            if ind is not None:
                out.append(ind)
                after_last = shape.past_remarks(toks, i)
        if at_text_end and not closed and stops_short(out, []):
            out.pop()  # the excerpt stopped inside the last row
        return out

    def _template_header(self, toks: list[Cell]) -> tuple[IndicatorHeader, int, bool] | None:
        """No indicator header printed, but the funds block runs into category words (a preview jumped from the funds
        rows into the indicator rows): the rows are read under the national template's columns."""
        # (the funds block: its header words, or where it prints none, its total's label: 年度资金总额 50 50 49.5)
        # (the label alone: one glued to its amounts, 年度资金总额560000.00…, is a row run together, not cells)
        funds = next((i for i, t in enumerate(toks) if funds_column(t.clean) or V.FUNDS_TOTAL_AMOUNT_LABEL.fullmatch(t.clean)),
                     None)
        if funds is None:
            return None
        at = next((i for i in range(funds, len(toks)) if self._is_category(toks[i].clean)), None)
        if at is None:
            return None
        # (cells, not sentences, between the funds and the rows and after the category: a report's summary table
        # over indicators stated in sentences is no such jump)
        # (the template's goal row, 年度总体目标 and its sentences, sits between the two: its sentences are cells)
        goal = next((i for i in range(at - 1, funds, -1) if V.GOAL_ROW_LABEL.match(toks[i].clean)), None)
        cells = toks[funds:goal] + toks[at:at + 2] if goal is not None else toks[funds:at + 2]
        # (nor is a preview's jump marker, 此处隐藏：1286字，全部文档内容请下载后查看。: the rows go on after it)
        if any(_SENTENCE_MARK.search(t.clean) and not is_number(t.clean) and not preview_ends(t.clean) for t in cells):
            return None
        # (a level header followed by its categories, 一级指标 产出指标 效益指标 二级指标 …, is a table printed column
        # by column: no row of the template's columns)
        if indicator_column(toks[at - 1].clean) in ("l1", "l2"):
            return None
        return template_columns(0), at, False

    def _past_trailing_text(self, toks: list[Cell], i: int, next_serial: int | None = None) -> int:
        """Past the text cells after a row's scores (评分标准, 得分计算方法, 偏差原因: 按比例扣分 节假日清运量大) where
        they run, without a number, up to the next category word or the table's end: no row opens among them."""
        j = i
        while j < len(toks) and not _stops_text_run(toks[j].clean) and not self._is_category(toks[j].clean):
            j += 1
        # (or up to the next row's 序号, where the rows print one: 10 8 设备到货延迟 4 成本指标 …)
        at_serial = next_serial is not None and j > i and j < len(toks) and self._next_serial(toks, j, next_serial)
        return j if j == len(toks) or _ends_table(toks[j].clean) or self._is_category(toks[j].clean) or at_serial else i

    def _is_category(self, t: str) -> bool:
        return bool(self.cat.level1(t) or self.cat.level2(t))

    def _categories(self, toks: list[Cell], i: int, carry: CategoryCarry) -> int:
        """Read the category words at token ``i`` (a level-1, a level-2, or both) into ``carry``; the index after them
        and any section captions."""
        cats = []
        while i < len(toks) and not V.SECTION_CAPTION.match(toks[i].clean) and self._is_category(toks[i].clean) and len(cats) < 2:
            l1, l2 = self.cat.level1(toks[i].clean), self.cat.level2(toks[i].clean)
            cats.append((toks[i], l1, l2))
            i += 1
            if l2 and not l1:
                break
        if cats:
            self.reader.set_categories(cats, carry, False)
        while i < len(toks) and V.SECTION_CAPTION.match(toks[i].clean):
            i += 1
        return i

    def _row_cells(self, toks: list[Cell], i: int, shape: _RowShape, text: str,
                   next_serial: int | None = None) -> tuple[list[Cell], int]:
        """One indicator row's cells from its name at token ``i``: the name, a cell per value column and the numeric
        tail (分值 得分), in the order the row reader reads them; and the index after the row."""
        name_i = i
        i += 1
        lead = None
        if shape.weight_first and i < len(toks) and is_plain_number(toks[i].clean):
            lead, i = toks[i], i + 1
        need = shape.n_tail - (lead is not None)
        if lead is not None and need == 1 and i < len(toks) and is_plain_number(toks[i].clean):
            # 分值 and 得分 right after the name: a parent row whose values its detail rows print
            return [toks[name_i], lead, toks[i]], i + 1
        # values up to the numeric tail (分值 得分)
        cells = [toks[name_i]]
        nums = 0
        values = 0
        while i < len(toks) and nums < max(1, need):
            c = toks[i]
            if _ends_table(c.clean) or self._is_category(c.clean) or V.NUMBERED_SLOT.match(c.clean):
                break  # (指标2: is the next row's empty name)
            if shape.serial and (nums or scored_then_remark(cells, shape.n_tail)) and self._next_serial(toks, i, next_serial):
                break  # the next row's 序号 (its category or name follows): this row printed fewer numbers
            if header_run(toks, i):
                break  # the header printed again at the top of the next page
            if (lead is None and shape.simple and values >= len(shape.value_slots) and _NAME_START.match(c.clean)
                    and not V.REMARK.match(c.clean)):
                break  # a detail row with its values and no scores: a name opens the next row
            values += bool(V.VALUE_START.match(c.clean)) and not is_plain_number(c.clean)
            cells.append(c)
            nums = nums + 1 if is_plain_number(c.clean) and len(cells) > 2 else 0 if not is_plain_number(c.clean) else nums
            i += 1
        # the tail is the last numbers of a run: keep reading while numbers follow
        while i < len(toks) and is_plain_number(toks[i].clean) and nums >= need:
            if shape.serial and SERIAL_NUMBER.match(toks[i].clean) and not (i + 1 < len(toks) and is_plain_number(toks[i + 1].clean)):
                break  # the next row's number
            cells.append(toks[i])
            i += 1
        # explanation text after the scores (long, sentence-like) belongs to this row
        while i < len(toks) and (len(toks[i].clean) > 20 or toks[i].clean.endswith(("。", "."))):
            i += 1
        if need and nums >= need:
            i = self._past_trailing_cells(toks, i, shape)
            i = self._past_trailing_text(toks, i, next_serial if shape.serial else None)
        trailing = 0
        while trailing < len(cells) - 1 and is_plain_number(cells[-1 - trailing].clean):
            trailing += 1
        if shape.simple and need and trailing >= need:
            n_values = len(shape.value_slots)
            head = self.split_row(cells[:-need], n_values + shape.skipped, text)
            if shape.skipped and len(head) == 1 + shape.skipped + n_values:
                head = head[:1] + head[1 + shape.skipped:]  # (the 指标解释 cells are no value)
            cells = head + cells[-need:]
        if lead is not None:  # back in the order the tail is read in: the weight before the score
            k = len(cells) - need
            cells = cells[:k] + [lead] + cells[k:]
        return cells, i

    def _past_trailing_cells(self, toks: list[Cell], i: int, shape: _RowShape) -> int:
        """Past the cells of the text columns after the scores (数据来源 … 偏差原因) at token ``i``: the words up to the
        next value are those cells, then the next row's name (and its cells before the values, 是否核心 指标性质); up to a
        category word or the table's end they are all the row's."""
        if not shape.trailing:
            return i
        j = i
        while j < len(toks) and j - i <= shape.trailing + shape.remarks + 1 + shape.before_values:
            t = toks[j].clean
            if self._is_category(t) or _ends_table(t) or V.VALUE_START.match(t) or is_plain_number(t):
                break
            j += 1
        words = j - i
        at_row = j < len(toks) and not (self._is_category(toks[j].clean) or _ends_table(toks[j].clean))
        if not at_row:  # (before a category no name opens a row: the 偏差原因 cell is the row's too)
            return i + words if words <= shape.trailing + shape.remarks else i
        # (more words than the row's cells before its values, up to the trailing columns: a wrapped name, 设施故障修复及时
        # 率, is two words where no such column is printed)
        surplus = words - (1 + shape.before_values)
        return i + surplus if 0 < surplus <= shape.trailing else i

    def _next_serial(self, toks: list[Cell], i: int, expected: int | None = None) -> bool:
        """Token ``i`` is a row's 序号: a serial number with a category word or a name after it (and, where the row
        being read printed its own, the one after it: a score of 8 before a 偏差原因 remark is no 序号 when 4 is next)."""
        if not SERIAL_NUMBER.match(toks[i].clean) or i + 1 >= len(toks):
            return False
        if expected is not None and int(toks[i].clean) != expected:
            return False
        if i + 2 < len(toks) and _ends_table(toks[i + 2].clean):
            return False  # 8 施工期间… 合计: a score and a remark before the total, no row of a name alone
        nxt = toks[i + 1].clean
        if _ends_table(nxt) or is_label(nxt) or V.REMARK.match(nxt):
            return False  # 10 总分 97.5: the last row's score before the total
        return self._is_category(nxt) or bool(_NAME_START.match(nxt))

    def _indicator(self, row: Row, header: IndicatorHeader, carry: CategoryCarry,
                   read: list[ParsedIndicator]) -> ParsedIndicator | None:
        """The indicator a row of tokens prints, unless it is blocked, no name, or repeats the row before."""
        name = row.cells[0].clean
        if carry.blocked or V.PLACEHOLDER.match(name) or is_number(name) or V.VALUE_PHRASE.match(name):
            return None
        if read and read[-1].name.text == name:
            return None  # the 年度 group repeating the 实施期 group's row
        got = self.reader.values_by_sequence(row, header, 0)
        ind = ParsedIndicator(level1=carry.l1, level2=carry.l2, name=span_of(row.cells[0]), method="flat")
        self.reader.fill_values(ind, got, header)
        # a row of a column of remarks (完成得满分 -) prints only blank cells: no value
        printed = [v.text for v in (*ind.target, ind.actual) if v is not None and not V.BLANK_VALUE.match(v.text)]
        if printed or ind.weight or ind.score:
            return ind
        return None


@dataclass(frozen=True)
class _RowShape:
    """What a row of the table holds, from its header: how to find where a row's cells end."""

    serial: bool  # rows open with a 序号 number
    n_tail: int  # the numeric tail's columns (分值, 得分)
    weight_first: bool  # 分值 printed before the values (三级指标 分值 年度指标值 ...): a row's first number is its weight
    value_slots: list[str]
    simple: bool  # only a name, a target and an actual before the scores: the columns split_row tells apart
    remarks: bool  # a 偏差原因 column
    # text columns of no field between the name and the values (指标解释: 反映…的比例): a cell each, read past
    skipped: int = 0
    # text columns of no field after the scores (数据来源): cells of the row before the next row's name
    trailing: int = 0
    # columns between the name and the first target or actual (是否核心, 指标性质, 运算符号): cells before the values
    before_values: int = 0

    @classmethod
    def of(cls, header: IndicatorHeader, serial: bool) -> _RowShape:
        first_value = min((c for c, sl in header.value_slots), default=None)
        weight_first = first_value is not None and any(sl == "weight" and c < first_value for c, sl in header.tail_slots)
        value_slots = [sl for _, sl in header.value_slots if sl != "note"]
        simple = bool(value_slots) and set(value_slots) <= {"target", "actual"} and not header.has("degree")
        name_col = header.name_col
        skipped = sum(1 for c, sl in header.slots.items() if sl == "other" and name_col is not None
                      and first_value is not None and name_col < c < first_value)
        last_tail = max((c for c, _ in header.tail_slots), default=None)
        trailing = sum(1 for c, sl in header.slots.items() if sl == "other" and last_tail is not None and c > last_tail)
        first_figure = min((c for c, sl in header.slots.items() if sl in ("target", "init_target", "adj_target", "actual")),
                           default=None)
        before = sum(1 for c in header.slots if name_col is not None and first_figure is not None
                     and name_col < c < first_figure)
        return cls(serial, len(header.tail_slots), weight_first, value_slots, simple, header.has("reason"), skipped,
                   trailing, before)

    def past_remarks(self, toks: list[Cell], k: int) -> int:
        """Past the previous row's 偏差原因 cell (/, 无偏差) or 评分标准 cell (达到得满分) left where this row would start."""
        while self.remarks and k < len(toks) and (V.REMARK.match(toks[k].clean) or V.SCORING_RULE.search(toks[k].clean)):
            k += 1
        return k
