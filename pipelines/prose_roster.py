"""A summary table of projects printed as text in a prose report, one project a row.

A finance bureau's notice of results, or a 部门整体 report before its per-project paragraphs, lists its projects in
a table pulled out as text: a header line ``序号 项目名称 主管部门 年初预算 全年预算 全年执行 执行率 自评得分 自评等级``
over rows ``1 县城生活垃圾清运项目 某局 860 860 842.8 98% 96 优`` (cells apart by spaces, tabs or bars), a 合计 row
closing it. Each row states its project's funds, score and grade (records.md: a prose project's facts where the
text states them for that project); the 合计 row is no project. Where a section below is headed by a row's name
(``1.高标准农田建设项目``), the row and the section are one project.
"""

from __future__ import annotations

import re

from jixiao.pipelines.printed_numbers import unit_factor
from jixiao.pipelines.parsed import ParsedFunds, ParsedProject, Span
from jixiao.pipelines.prose_names import is_duplicate
from jixiao.pipelines.vocab import PROSE_ROSTER_COLUMNS

_COLUMNS = [(field, re.compile(rx)) for field, rx in PROSE_ROSTER_COLUMNS]
_NAME_COLUMN = next(rx for field, rx in _COLUMNS if field == "name")
_CELL = re.compile(r"[^ \t\u3000|｜]+")
_LINE = re.compile(r"[^\n]+")
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)%?")
_UNIT = re.compile(r"(?:单位|金额)[:：]?[ \t\u3000]*(亿元|万元|元)|[(（](亿元|万元|元)[)）]")
# a unit line is read at most this many lines above the header
UNIT_LINES = 3
# a header needs these fields (a name, a budget or spending figure, and a score or a rate) to be a roster
_MONEY = {"initial", "annual", "executed"}
_GRADES = "优良中差"


def _columns(line: str) -> list[str | None] | None:
    """The fields of a header line's cells, or None where the line is no roster header."""
    cells = _CELL.findall(line)
    if len(cells) < 4 or not any(_NAME_COLUMN.search(c) for c in cells):
        return None  # (most lines: a sentence or a row of values, its cells not matched against every column)
    fields = [next((f for f, rx in _COLUMNS if rx.search(c)), None) for c in cells]
    known = set(fields) - {None}
    if "name" not in known or not known & _MONEY or not known & {"score", "rate"}:
        return None
    return fields


def _factor(text: str, header: re.Match[str], s: int) -> float:
    """The unit of the table's amounts: in its header cells, else a unit line just above it; 元 where none."""
    found = _UNIT.search(header.group())
    above = header.start()
    for _ in range(UNIT_LINES):
        if found or above <= s:
            break
        start = text.rfind("\n", s, above - 1) + 1
        found = _UNIT.search(text, start, above)
        above = start
    return unit_factor(next(g for g in found.groups() if g), 1.0) if found else 1.0


def _row(text: str, line: re.Match[str], fields: list[str | None], factor: float) -> ParsedProject | None:
    """A row of the table as a project, or None where the line is no row (a 合计 row, a note, the table's end)."""
    cells = list(_CELL.finditer(line.group()))
    if len(cells) != len(fields):
        return None
    spans = {f: Span(text=c.group(), start=line.start() + c.start(), end=line.start() + c.end())
             for f, c in zip(fields, cells) if f is not None}
    if "index" in spans and not spans["index"].text.isdigit():
        return None
    funds = ParsedFunds(factor=factor)
    for field in ("initial", "annual", "executed", "rate", "score"):
        span = spans.get(field)
        m = _NUMBER.fullmatch(span.text) if span else None
        spans[field] = Span(text=m.group(1), start=span.start, end=span.start + len(m.group(1))) if m else None
        if field != "score":
            setattr(funds, field, spans[field])
    grade = spans.get("grade")
    if grade is not None:
        grade = Span(text=grade.text[0], start=grade.start, end=grade.start + 1) if grade.text[0] in _GRADES else None
    return ParsedProject(source="prose", start=line.start(), end=line.end(), name=spans["name"], funds=funds,
                         department=spans.get("department"), implementer=spans.get("implementer"),
                         score=spans["score"], grade=grade)


def roster(text: str, s: int, e: int) -> list[ParsedProject]:
    """The projects the summary tables of [s, e) list, one a row."""
    out: list[ParsedProject] = []
    lines = _LINE.finditer(text, s, e)
    for line in lines:
        fields = _columns(line.group())
        if fields is None:
            continue
        factor = _factor(text, line, s)
        for row_line in lines:  # (the rows right under the header; the first line that is none ends the table)
            row = _row(text, row_line, fields, factor)
            if row is None:
                break
            out.append(row)
    return out


def merge_roster(rows: list[ParsedProject], sections: list[ParsedProject]) -> list[ParsedProject]:
    """The sections, each given what its row in the summary table states and it does not, then the rows no section
    repeats."""
    rest: list[ParsedProject] = []
    for row in rows:
        section = next((p for p in sections if is_duplicate(p.name.text, row.name.text)), None)
        if section is None:
            rest.append(row)
            continue
        funds = section.funds
        if not any((funds.initial, funds.annual, funds.executed, funds.rate)):
            section.funds = row.funds
        section.score = section.score or row.score
        section.grade = section.grade or row.grade
        section.department = row.department or section.department  # (printed in the project's row)
        section.implementer = section.implementer or row.implementer
    return sections + rest


_HEADING = re.compile(r"^[ \t\u3000]*+(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])?"
                      r"[ \t\u3000]*+(?P<name>[^\n]{2,40}?)[ \t\u3000]*$", re.M)


def roster_headings(text: str, s: int, e: int, rows: list[ParsedProject]) -> list[tuple[int, Span]]:
    """The lines of [s, e) after the table heading a section with a row's name as printed (1.高标准农田建设项目)."""
    names = {"".join(r.name.text.split()) for r in rows}
    after = max((r.end for r in rows), default=e)
    return [(m.start(), Span.of(m, "name")) for m in _HEADING.finditer(text, after, e)
            if "".join(m.group("name").split()) in names]
