"""Table parser: rows of a document -> ``ParsedProject``s, one per project table.

A project table opens at its 项目名称 row and runs to the next table title or project. Inside it: the
project's fields (name, departments: ``project_fields``), the funds block (``funds_table``), the
indicator table (``indicator_table``) and the total-score row (``scores``).
"""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import is_title_row, span_of, value_after
from jixiao.pipelines.funds_table import read_funds, unit_note
from jixiao.pipelines.indicator_header import (IndicatorHeader, find_indicator_header, template_columns,
                                                with_unheaded_score)
from jixiao.pipelines.indicator_table import IndicatorReader, indicator_column
from jixiao.pipelines.joined_levels import split_joined_levels
from jixiao.pipelines.layout import Row
from jixiao.pipelines.level_rows import join_wrapped_level2
from jixiao.pipelines.name_rows import join_continued_cells, join_wrapped_names
from jixiao.pipelines.parsed import ParsedProject, Span
from jixiao.pipelines.project_fields import NAME_AND_VALUE, clean_org, read_project_fields, split_code
from jixiao.pipelines.scan_residue import NAME_ROW_REACH, slipped_name_label
from jixiao.pipelines.scores import is_total_row, read_score, weights_total_of_weight_only


def _name_cell(row: Row) -> int | None:
    for i, c in enumerate(row.cells):
        t = c.clean
        if t and (V.NAME_LABEL.match(t) or NAME_AND_VALUE.match(t)):
            return i
        if t and not (i == 0 and row.kind == "cells" and V.TABLE_TITLE.search(t) and ":" not in t):
            return None  # the label must be the first filled cell (one cell per line: after the table's title)
    return None


def _slipped_name_row(rows: list[Row], i: int) -> bool:
    """A row whose first cell is one slip from 项目名称 even where that slip is as near another word
    (顷目名称: 项目名称 or 科目名称?), confirmed by a 主管部门/实施单位 label in the rows below; or two slips from
    it (项日名祢, ``slipped_name_label``), confirmed by such a label on the very next row, with no name row above."""
    first = next((c for c in rows[i].cells if c.clean), None)
    if first is None:
        return False
    label = first.clean.rstrip(":")
    near = V.near_word(label, V.NAME_LABEL_WORDS)
    # (most rows open with a cell nowhere near 项目名称: two cached tests tell them before the value is looked for)
    if (not near and slipped_name_label(label) is None) or value_after(rows[i], first.col) is None:
        return False
    if near:
        return any(_field_label_row(r) for r in rows[i + 1:i + 4])
    return (i + 1 < len(rows) and _field_label_row(rows[i + 1])
            and not any(_name_cell(r) is not None for r in rows[max(0, i - NAME_ROW_REACH):i]))


def _code_row(r: Row) -> bool:
    filled = r.nonempty()
    return r.kind != "text" and len(filled) == 2 and bool(V.CODE_LABEL.match(filled[0].clean))


def _field_label_row(r: Row) -> bool:
    return any(V.DEPT_LABEL.match(t) or V.IMPL_LABEL.match(t) for t in r.texts if t)


def _kv_name_line(rows: list[Row], i: int) -> bool:
    """A line of its own "项目名称：X" (label and value in one cell, no tab), confirmed by a 主管部门/实施单位
    label, alone or with its value, in a table row below (text whose rows are all lines of words is left to the
    collapsed-text reader)."""
    r = rows[i]
    if r.kind != "text" or len(r.nonempty()) != 1 or not NAME_AND_VALUE.match(r.joined):
        return False
    if any(V.DEPT_LABEL.match(t.split(":")[0]) or V.IMPL_LABEL.match(t.split(":")[0])
           for r2 in rows[i + 1:i + 4] if r2.kind != "text" for t in r2.texts if t):
        return True
    # a report's cover lines (项目名称：… 主管部门：… as lines of text) over its indicator table printed with tabs
    # (a third-party evaluation's 评分表): the table's rows are the project's, the lines its fields
    labeled = any(r2.kind == "text" and (V.DEPT_LABEL.match(r2.joined.split(":")[0])
                                         or V.IMPL_LABEL.match(r2.joined.split(":")[0])) for r2 in rows[i + 1:i + 4])
    return labeled and _indicator_header_below(rows, i + 1)


def _indicator_header_below(rows: list[Row], start: int) -> bool:
    """Whether a tab row below ``start`` (before the next 项目名称 line) is an indicator table's header: a category
    column word and a name column word among its cells."""
    for r in rows[start:]:
        if (r.kind == "text" and NAME_AND_VALUE.match(r.joined)) or (r.kind != "text" and _name_cell(r) is not None):
            return False  # (a cover page's 项目名称 line over the form's own 项目名称 row: the form names it)
        cols = {indicator_column(t) for t in r.texts if t} if r.kind != "text" else set()
        if "name" in cols and cols & {"l1", "l2"}:
            return True
    return False


def prints_no_rows(rows: list[Row], header: IndicatorHeader) -> bool:
    """Whether the table under ``header`` is empty: only blank rows and header continuations (运算符号 内容 度量单位)
    until its close (a total, an end label, a title) or the end of the rows. Any other row, a line of text
    included, may be a row the reader could not read, so it answers no."""
    for r in rows[header.row_index + 1:]:
        filled = [c.clean for c in r.cells if c.clean]
        if not filled:
            continue
        if V.INDICATOR_END.match(filled[0]) or is_title_row(r) or is_total_row(r):
            return True
        # a header continuation opens with a column word and prints no number (运算符号 内容 度量单位 … 经费保障)
        if r.kind == "text" or not indicator_column(filled[0]) or any(ch.isdigit() for t in filled for ch in t):
            return False
    return True


def find_blocks(rows: list[Row]) -> list[tuple[int, int]]:
    """(first, last+1) row indexes of each project table."""
    starts = [i for i, r in enumerate(rows)
              if (r.kind != "text" and (_name_cell(r) is not None or _slipped_name_row(rows, i))) or _kv_name_line(rows, i)]
    # a 项目编码 row printed just above the name row is the table's first row (its code is the project's)
    starts = [s - 1 if s > 0 and _code_row(rows[s - 1]) else s for s in starts]
    blocks = []
    for k, s in enumerate(starts):
        limit = starts[k + 1] if k + 1 < len(starts) else len(rows)
        e = s + 1
        while e < limit:
            r = rows[e]
            if is_title_row(r) or (r.kind != "text" and V.DEPT_WIDE.search(r.joined) and len(r.nonempty()) <= 2):
                break
            e += 1
        # a department-wide table is not a project even if it prints a name row
        prev = rows[s - 1].joined if s > 0 else ""
        if V.DEPT_WIDE.search(prev):
            continue
        blocks.append((s, e))
    return blocks


# a unit note stands at most this many rows above its table's 项目名称 row
UNIT_NOTE_REACH = 4
# the title row naming a table without a 项目名称 row is at most this many rows above its first field label
TITLE_REACH = 6


def titled_block(rows: list[Row]) -> tuple[int, Span] | None:
    """A table with no 项目名称 row whose title names the project (外贸发展项目绩效自评表 above 项目实施单位 …):
    the title row and the name, the title without its year and form words."""
    first_label = next((i for i, r in enumerate(rows) if r.kind != "text" and any(
        V.DEPT_LABEL.match(t) or V.IMPL_LABEL.match(t) for t in r.texts if t)), None)
    if first_label is None:
        return None
    for i in range(first_label - 1, max(-1, first_label - 1 - TITLE_REACH), -1):
        cell = next((c for c in rows[i].cells if c.clean), None)
        m = V.TITLE_PROJECT_NAME.match(cell.clean) if cell is not None and is_title_row(rows[i]) else None
        if m is not None:
            # the name's characters in the cell, spaces between them allowed (OCR spaces a title: 外贸 发展项目…)
            pos = [k for k, ch in enumerate(cell.text) if not ch.isspace()]
            j = "".join(cell.text[k] for k in pos).find(m["name"])
            if j < 0:
                return None
            return i, Span(text=m["name"], start=cell.start + pos[j], end=cell.start + pos[j + len(m["name"]) - 1] + 1)
    return None


# a row read as an indicator row under an assumed header prints at least this many cells (category, name, values)
TEMPLATE_ROW_CELLS = 4


def template_header(rows: list[Row], categories: V.Categories) -> IndicatorHeader | None:
    """Where the indicator header is lost (a document site's preview jumps from the funds block into the indicator
    rows) but a row of cells opens with a category word: the national template's columns, assumed just above it."""
    for i, r in enumerate(rows):
        filled = r.nonempty()
        if i and r.kind != "text" and len(filled) >= TEMPLATE_ROW_CELLS and (
                categories.level1(filled[0].clean) or categories.level2(filled[0].clean)):
            # a row just above that opens with its name and a target (主次干道机械化清扫率 | ≥85% …) is the first
            # row after the jump, its merged category cells left on the pages the preview skipped
            above = rows[i - 1].nonempty() if i > 1 and rows[i - 1].kind != "text" else []
            orphan = (len(above) >= TEMPLATE_ROW_CELLS and above[1].clean[:1] in V.TARGET_GLYPHS
                      and not V.cut_known_word(above[0].clean))
            return template_columns(i - 2 if orphan else i - 1)
    return None


class TableParser:
    """Rows -> ParsedProjects."""

    def __init__(self, categories: V.Categories | None = None):
        self.categories = categories or V.Categories()
        self.indicators = IndicatorReader(self.categories)

    def parse(self, rows: list[Row]) -> list[ParsedProject]:
        out = []
        rows = join_wrapped_names(join_wrapped_level2(split_joined_levels(rows, self.categories), self.categories),
                                  self.categories)
        rows = join_continued_cells(rows, self.categories)
        end = 0
        for s, e in find_blocks(rows):
            # a unit note (单位：元) printed between the title and the table, or inside it above the funds block
            unit = unit_note(rows[max(end, s - UNIT_NOTE_REACH):s]) or unit_note(rows[s:e])
            p = self.parse_block(rows[s:e], at_text_end=not any(r.joined for r in rows[e:]), unit=unit)
            end = e
            if p is not None:
                out.append(p)
        if not out and (titled := titled_block(rows)) is not None:
            p = self.parse_block(rows[titled[0]:], title_name=titled[1])
            if p is not None:
                out.append(p)
        return out

    def parse_block(self, rows: list[Row], title_name: Span | None = None, at_text_end: bool = False,
                    unit: str | None = None) -> ParsedProject | None:
        meta = read_project_fields(rows)
        if title_name is not None:
            meta.setdefault("name", title_name)
        if "name" not in meta and _slipped_name_row(rows, 0):
            first = next(c for c in rows[0].cells if c.clean)
            value = value_after(rows[0], first.col)
            if value is not None:
                meta["name"] = span_of(value)
        name = meta.get("name")
        if name is None or not name.text:
            return None
        code, name = split_code(name)
        if meta.get("code") is not None:
            code = meta["code"]
        # the table ends at its last table row: prose after it is not part of the table
        last = next((r for r in reversed(rows) if r.kind != "text"), rows[-1])
        proj = ParsedProject(
            source="table", start=rows[0].start, end=last.end, name=name, code=code,
            department=clean_org(meta.get("department")), implementer=clean_org(meta.get("implementer")),
        )
        proj.funds = read_funds(rows, unit)
        header = find_indicator_header(rows, 0) or template_header(rows, self.categories)
        if header is not None:
            header = with_unheaded_score(header, rows, self.categories.level1)
        score_start = 0
        if header is not None:
            proj.indicators = self.indicators.read(rows, header, at_text_end)
            proj.prints_no_rows = not proj.indicators and prints_no_rows(rows, header)
            score_start = header.row_index + 1
        got = read_score(rows, score_start)
        proj.score = got.get("score")
        proj.score_weight = got.get("score_weight")
        proj.grade = got.get("grade")
        prints_scores = proj.funds.score is not None or (header is not None and header.has("score"))
        if header is not None and header.has("weight") and weights_total_of_weight_only(proj, prints_scores):
            proj.score_weight, proj.score = proj.score, None  # (合计 100分 under 分值 alone: the weights' total)
        return proj
