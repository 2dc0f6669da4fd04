"""Prose projects beside table projects: a table's summary paragraph fills what the table lacks (its score, grade,
funds, code), and a prose project repeating a table's is dropped."""

from __future__ import annotations

import re

from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.printed_numbers import parse_number
from jixiao.pipelines.parsed import ParsedProject, Span, fact_count
from jixiao.pipelines.project_fields import clean_org
from jixiao.pipelines.prose import CODE_LINE, GRADE, SCORE
from jixiao.pipelines.vocab.prose import CLOSING_STATEMENT, PROSE_DEPT_LABEL, PROSE_IMPL_LABEL
from jixiao.pipelines.prose_names import is_duplicate
from jixiao.pipelines.prose_view import complement
from jixiao.pipelines.scores import weights_total_read_as_score
from jixiao.pipelines.validate import grade_band


def fill_from_summaries(prose: list[ParsedProject], tables: list[ParsedProject]) -> None:
    """A table project's summary paragraph (…项目绩效自评综述：…自评得分为97分) gives what its table did not
    print or the excerpt cut off: the score and grade, and the funds when the table has none."""
    for p in prose:
        table = next((q for q in tables if is_duplicate(p.name.text, q.name.text)), None)
        if table is None:
            continue
        table.score = table.score or p.score
        table.grade = table.grade or p.grade
        if not any((table.funds.initial, table.funds.annual, table.funds.executed, table.funds.rate)):
            table.funds = p.funds


# words before a score statement (this far back) that make it the department's, not a project's (a 主管部门 label on
# the line above names the project's department: no such word)
_WHOLE_UNIT = re.compile(r"整体|(?<!主管)部门")
WHOLE_UNIT_REACH = 30


_CELL_MARK = re.compile(r"[\t|]")
# the first line holding words after a point (the blank lines before it skipped)
_NEXT_LINE = re.compile(r"\s*(\S[^\n]*)")


def _line_at(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


def fill_lone_score(text: str, tables: list[ParsedProject]) -> None:
    """A document of one table project without a score: the score (and the grade right after it) its prose
    states (项目自评得分为96分，评价等级为优 in a summary above the table), where every such statement outside the table gives the same value and none is
    the department's (整体支出…得分)."""
    if len(tables) != 1 or (tables[0].score is not None and tables[0].grade is not None
                            and tables[0].score_weight is not None):
        return  # (a lone total number may be the weights' total: the summary's score is looked for)
    table = tables[0]
    # (a table read from collapsed text has no line end bounding it: its span runs on over the sentences after it)
    outside = [(0, len(text))] if table.source == "flat" else complement([(table.start, table.end)], len(text))
    hits = [m for s, e in outside for m in SCORE.finditer(text, s, e)]
    if not hits and "\n" in text:
        # (a report's cover lines over its tables: the table's block runs over the sentence lines between them, 综合评分
        # 92.3分，评价等级：优秀, the text's only statement of a score; a line of cells is the table's own)
        hits = [m for m in SCORE.finditer(text) if not _CELL_MARK.search(_line_at(text, m.start()))]
    if any(_WHOLE_UNIT.search(text, max(0, m.start() - WHOLE_UNIT_REACH), m.start()) for m in hits):
        return
    if hits and len({float(m.group(1)) for m in hits}) == 1:
        if table.score is None:
            table.score = Span.of(hits[0], 1)
        elif weights_total_read_as_score(table, float(hits[0].group(1))):
            # (总分 | 100 | blank: the table's lone number was its weights' total; the summary states its score)
            table.score_weight, table.score = table.score, Span.of(hits[0], 1)
        elif parse_number(table.score.text) != float(hits[0].group(1)):
            return  # a summary stating another score is not this table's: its grade is not either
        grade = GRADE.search(text, hits[0].end(), min(len(text), hits[0].end() + WHOLE_UNIT_REACH))
        table.grade = table.grade or (Span.of(grade, 1) if grade else None)


# a table's lead sentence is looked for this far above the table (一、某项目 / 该项目…自评得分99分，等级为优 / 自评表)
LEAD_REACH = 200


def fill_lead_scores(text: str, tables: list[ParsedProject]) -> None:
    """A page of several table projects, each under a heading and a lead sentence: the grade (and the score where
    the table prints none) that the lead states for it. The statement is the table's where the score it states is
    the table's own, or, the table printing none, where the lines since the last table name its project."""
    if len(tables) < 2:
        return
    prev_end = 0
    for table in sorted(tables, key=lambda t: t.start):
        s, prev_end = max(prev_end, table.start - LEAD_REACH), max(prev_end, table.end)
        hits = [m for m in SCORE.finditer(text, s, table.start) if not _CELL_MARK.search(_line_at(text, m.start()))]
        if len({float(m.group(1)) for m in hits}) != 1 \
                or any(_WHOLE_UNIT.search(text, max(0, m.start() - WHOLE_UNIT_REACH), m.start()) for m in hits):
            continue
        if table.score is None:
            if table.name.text not in text[s:table.start]:
                continue  # (a closing sentence of the table above, not this one's lead)
            table.score = Span.of(hits[0], 1)
        elif parse_number(table.score.text) != float(hits[0].group(1)):
            continue
        grade = GRADE.search(text, hits[0].end(), min(len(text), hits[0].end() + WHOLE_UNIT_REACH))
        table.grade = table.grade or (Span.of(grade, 1) if grade else None)


_CLOSING_LINE = re.compile(rf"[ \t\u3000]*{CLOSING_STATEMENT}[^\n]*")


def fill_closing_scores(text: str, tables: list[ParsedProject]) -> None:
    """A table project without a score whose next line, right after its last row, is a conclusion line stating a
    score (自评结论：该项目…自评得分92.5分，自评等级为"优"。): the score and the grade it states, the closing line being
    the table's own (it stands before the next table); none where the line states the department's score."""
    for table in tables:
        if table.score is not None or table.end <= 0:
            continue
        line = _CLOSING_LINE.match(text, table.end + (text[table.end:table.end + 1] == "\n"))
        hit = SCORE.search(text, line.start(), line.end()) if line else None
        if hit is None or _WHOLE_UNIT.search(text, line.start(), hit.start()):
            continue
        table.score = Span.of(hit, 1)
        grade = GRADE.search(text, hit.end(), line.end())
        table.grade = table.grade or (Span.of(grade, 1) if grade else None)


def fill_footnote_grade(text: str, tables: list[ParsedProject]) -> None:
    """A table project without a grade whose first line after its last row (blank lines between, before the next
    table) is a note that is no row of cells and states a grade (注：本表由某局填报，自评等级：优。): the grade it
    states, where the table's own score, when printed, falls in that grade's national band (a note stating another
    grade speaks of something else)."""
    ordered = sorted(tables, key=lambda t: t.start)
    for k, table in enumerate(ordered):
        if table.grade is not None or table.end <= 0:
            continue
        stop = ordered[k + 1].start if k + 1 < len(ordered) else len(text)
        line = _NEXT_LINE.match(text, table.end, stop)
        if line is None or text[line.start(1) - 1:line.start(1)] not in ("", "\n") or _CELL_MARK.search(line.group(1)):
            continue
        hit = GRADE.search(text, line.start(1), line.end(1))
        if hit is None or _WHOLE_UNIT.search(text, line.start(1), hit.start()):
            continue
        score = parse_number(table.score.text) if table.score is not None else None
        if score is None or grade_band(score) == hit.group(1):
            table.grade = Span.of(hit, 1)


def fill_lone_code(text: str, tables: list[ParsedProject]) -> None:
    """A document of one table project without a code: the 项目编码 its report prints as a labeled line, where one
    code is printed (a collapsed-text reading keeps no code cell)."""
    codes = {m["v"] for m in CODE_LINE.finditer(text)} if len(tables) == 1 and tables[0].code is None else set()
    if len(codes) == 1:
        tables[0].code = Span.of(CODE_LINE.search(text), "v")


# a page's field line above its table, label and value alone on the line (主管部门：某局), where the table itself
# prints only the 项目名称 (the page's header block carries the units)
_UNIT_LINES = (("department", re.compile(rf"^[ \t\u3000]*{PROSE_DEPT_LABEL}[:：][ \t\u3000]*(?P<v>[^\s,，。;；]{{2,40}})[ \t\u3000]*$",
                                         re.M)),
               ("implementer", re.compile(rf"^[ \t\u3000]*{PROSE_IMPL_LABEL}[:：][ \t\u3000]*(?P<v>[^\s,，。;；]{{2,40}})[ \t\u3000]*$",
                                          re.M)))


def fill_lone_units(source: NormalizedText, norm: NormalizedText, tables: list[ParsedProject]) -> None:
    """A document of one table project without a 主管部门 (实施单位): the one its page prints as a field line of its
    own (主管部门：某局 above the table), where one value is printed. The lines are found in ``source`` (the text as
    normalized: a reader may have run such lines together) and the value spanned in ``norm``, the reader's text."""
    if len(tables) != 1:
        return
    at = {o: i for i, o in enumerate(norm.offsets[:-1])}
    for field, rx in _UNIT_LINES:
        if getattr(tables[0], field) is not None:
            continue
        hits = list(rx.finditer(source.text))
        if len({m["v"] for m in hits}) != 1:
            continue
        a, b = at.get(source.offsets[hits[0].start("v")]), at.get(source.offsets[hits[0].end("v") - 1])
        if a is not None and b is not None and norm.text[a:b + 1] == hits[0]["v"]:
            setattr(tables[0], field, clean_org(Span(text=hits[0]["v"], start=a, end=b + 1)))


def drop_duplicates(prose: list[ParsedProject], tables: list[ParsedProject]) -> list[ParsedProject]:
    """Prose projects that are not the same project as a table project (nor as an earlier prose one)."""
    kept: list[ParsedProject] = []
    for p in prose:
        if any(is_duplicate(p.name.text, q.name.text) for q in tables):
            continue
        same = next((k for k, q in enumerate(kept) if is_duplicate(p.name.text, q.name.text)), None)
        if same is None:
            kept.append(p)
        elif fact_count([p]) > fact_count([kept[same]]):
            kept[same] = p  # (a page's title bar over the report's own title: the section stating the facts is it)
    return kept
