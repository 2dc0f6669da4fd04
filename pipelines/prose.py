"""Prose parser: 项目支出绩效自评报告 written as paragraphs, funds in sentences.

``对2023年特定类项目数据系统维护费专项资金开展了绩效自评`` opens a project (the name is
the object, without the year and category label that qualify the whole phrase); so
does a per-project summary ``老字号项目绩效自评综述：`` (``prose_openers``). A section runs to the next
opener or the end of its prose stretch. Funds come from sentences such as
``全年预算数为8.56万元`` (also the fused ``全年预算执行数为…``, the year's budget
figure), ``实际完成项目支出8.56万元``, ``年初预算安排专项资金24.24万元``, ``执行率为100%``;
the score from ``自评得分为98.5分``.

Reports without 主管部门/实施单位 labels name their unit in the heading
(``株洲市渌口区人力资源和社会保障局`` above ``项目支出绩效自评报告``): that unit is the
department of every section after it; the implementer stays null (本单位 names nobody).

The parser reads given stretches of the text only, so that it can run on the
prose between the tables of a mixed document.
"""

from __future__ import annotations

import bisect
import re

from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.printed_numbers import unit_factor
from jixiao.pipelines.parsed import ParsedFunds, ParsedProject, Span
from jixiao.pipelines.prose_view import Unwrapped, complement, relined, view_indicators
from jixiao.pipelines.prose_budget import implied_budget
from jixiao.pipelines.prose_openers import SUMMARY_HEADING, announced, title_opens, title_over
from jixiao.pipelines.prose_headings import HEADING_OPENER_MIN, heading_openers, section_end
from jixiao.pipelines.prose_names import NOT_PROJECT, name_field
from jixiao.pipelines.prose_labels import closed_labels
from jixiao.pipelines.prose_marks import total_row
from jixiao.pipelines.prose_numerals import score_in_words
from jixiao.pipelines.prose_funds_table import table_funds
from jixiao.pipelines.prose_pages import joined_pages
from jixiao.pipelines.prose_roster import merge_roster, roster, roster_headings
from jixiao.pipelines.prose_units import ORG_END, heading_units
from jixiao.pipelines.vocab import (
    PAGE_CHROME, PROSE_ALLOCATION, PROSE_HANDED_DOWN, PROSE_SPENDING_WORDS, PROSE_ATTACHMENT_LEAD, PROSE_LINK_LEAD, PROSE_PART_WEIGHT, PROSE_PROJECT_PART, PROSE_SELF_UNIT, PROSE_AMOUNT_AFTER, PROSE_AMOUNT_LABELS, PROSE_LEAD_AMOUNT, PROSE_CODE_LABEL, PROSE_DEPT_LABEL, PROSE_IMPL_LABEL, PROSE_LIST_JOIN, PROSE_WHOLE_UNIT,
)

# (1.575亿元: a province's totals; 360万 without 元 on an informal page, not 万亩 / 万人)
_AMOUNT = r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|万(?![\u4e00-\u9fff]))"
# (a label may end in a colon: 年初预算数：30万元；全年预算数：32万元)
# or the unit in brackets after the label, the figure bare (年初预算数（万元）：45): group 1 the figure (read ahead),
# group 2 the unit, as in _AMOUNT
_BRACKET_AMOUNT = r"[(（](?=(?:亿元|万元|元)[)）][:：]?\s*(\d[\d,]*(?:\.\d+)?)(?![\d.]))(亿元|万元|元)"
_FIELDS: list[tuple[str, re.Pattern[str]]] = [
    (field, re.compile(label + form)) for field, label in PROSE_AMOUNT_LABELS
    for form in (r"(?:[:：]\s*)?" + _AMOUNT, _BRACKET_AMOUNT)] + [
    (field, re.compile(PROSE_LEAD_AMOUNT + r"\s*" + label)) for field, label in PROSE_AMOUNT_AFTER]
# a labeled figure printed bare (年初预算数：180.00　全年预算数：210.00) under a unit line (单位：万元) above it
_BARE_FIELDS: list[tuple[str, re.Pattern[str]]] = [
    # (a comma inside a figure separates thousands: 1,234.50; one after it ends the clause: 年初预算数为120.00，…)
    (field, re.compile(label + r"(?:[:：]|(?<=[为是]))[ \t\u3000]*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                       r"(?![\d.%]|,\d)(?![ \t\u3000]*(?:亿|万|元|%))"))
    for field, label in PROSE_AMOUNT_LABELS]
_UNIT_LINE = re.compile(r"(?:^|(?<=[\s(（，,]))(?:金额|资金)?单位(?:[:：]|为)[ \t\u3000]*(亿元|万元|元)", re.M)
# where a unit line can match: its 单位 (searched from the literal, while the line's opening is tried at every offset)
_UNIT_WORD = re.compile(r"单位[:：为]")
# (完成预算的100%: the 部门决算 template's words for the rate)
_ALLOCATION = re.compile(PROSE_ALLOCATION)
# (实际支出14752万元，支出率92.2%: the spending rate is the execution rate)
_RATE = re.compile(r"(?:(?:执行|(?<![\u4e00-\u9fff])支出)率(?:为|是|达到|[:：])?|完成预算的)\s*(\d+(?:\.\d+)?)\s*%")
# (综合得分86.5分, 该项目得分94分: the summary's other words; 得10分 of an indicator sentence names no project)
SCORE = re.compile(r"(?:(?:自评|评价|综合|评定|最终)(?:总)?得?分(?:数)?|综合评分|自评结果"
                    r"|(?:(?<=[该本])|(?<![\u4e00-\u9fff]))项目(?:总)?得分|(?<![\u4e00-\u9fff])总得?分"
                    # (…，加上预算执行率得分9.5分，合计得分91.5分: the sum after the marks listed)
                    r"|(?<=[,，])合计得分)"
                    # (自评结果：优（92分）: the score in brackets after the grade)
                    r"(?:为|是|[:：])?\s*(?:(?:优秀?|良好?|中等?|合格|差)\s*[(（])?(\d+(?:\.\d+)?)\s*分")
_LINE_SCORE = re.compile(r"^[ \t\u3000]*(?:自评|综合)(?:总)?得分[:：][ \t\u3000]*(\d+(?:\.\d+)?)[ \t\u3000]*$", re.M)
# (自评总分100分，扣4分，最终得分96分: the score after the deduction, later in the score's sentence)
_FINAL_SCORE = re.compile(r"最终得分(?:为|是|[:：])?\s*(\d+(?:\.\d+)?)\s*分")
# 自评等级为优秀 -> 优: the contract's grade words are the first character of the printed one
# (等次 and 评价结果 are other bureaus' words for the grade: 自评等次为优秀, 评价结果为良好)
# (自评结果：92.5分（优）: the grade in brackets after the score)
GRADE = re.compile(r"(?:(?:自评|评价|绩效|评定)(?:等级|等次|结果)|综合评定(?=为|是)|评级|(?<![\u4e00-\u9fff])等[级次]"
                    r"|(?<=\d分)[(（]"
                    # (自评结论：优（自评得分93.6分）: the conclusion's label, the grade word alone before a bracket or the end)
                    r"|(?:自评|评价)结论(?=[:：]\s*[“\"]?[优良中差](?:秀|好|等)?[”\"]?(?:[(（,，。；;]|$)))(?:为|是|[:：])?\s*"
                    r"(?:[—–-]{1,2}[ \t]+)?"  # (自评等级　—　优: a summary table's row, its 分值 cell a dash)
                    r"[“\"「『]?(优|良|中|差)(?:秀|好|等)?")
# (a sentence states them too: 项目主管部门为宁川市民政局，项目实施单位为…)
# (or a label alone on its line, its value on the next: a Word cover block pasted as text)
# (主管部门是某局; 【主管部门】某局　【实施单位】某中心: labels in square brackets)
_DEPT = re.compile(PROSE_DEPT_LABEL + r"(?:[:：]|】[:：]?|为|是(?=[^\s,，。;；]{1,38}?" + ORG_END + r"(?:[\s,，。;；]|$))"
                   r"|[ \t]*\n)\s*(?P<v>[^\s,，。;；【]{2,40})")  # (是: before a unit's name only, 主管部门是否… names none)
_IMPL = re.compile(PROSE_IMPL_LABEL + r"(?:[:：]|】[:：]?|为|[ \t]*\n)\s*(?P<v>[^\s,，。;；【]{2,40})")
CODE_LINE = re.compile(PROSE_CODE_LABEL + r"[:：][ \t\u3000]*(?P<v>[0-9A-Za-z][0-9A-Za-z-]{5,39})(?![0-9A-Za-z-])")
# or in words without a label: 项目由某局主管，某中心具体实施 (a unit's name: no 由 inside, a unit's ending)
# (各县（区）教育部门组织项目学校具体实施: 各 / 有关 / 相关 refer to many units, they name none)
_UNIT_WORDS = r"(?!各|有关|相关)(?:(?!由)[\u4e00-\u9fff()（）]){2,30}?" + ORG_END
# (由某局负责管理，某中心承担具体运营维护工作: the same in other verbs)
_DEPT_WORDS = re.compile(r"由(?P<v>" + _UNIT_WORDS + r")(?:主管|归口管理|负责管理)")
_IMPL_WORDS = re.compile(r"(?:^|(?<=[，,。；;:：\s由]))(?P<v>" + _UNIT_WORDS + r")(?:(?:具体|负责)(?:组织)?实施|承担具体|具体承担)", re.M)
# (项目由某局组织实施: 组织实施 alone names the unit carrying it out only after 由; 由某局主管，某站实施: a bare 实施 after 主管)
_IMPL_BY = re.compile(r"(?:由|(?P<after>(?<=主管)[，,、]由?))(?P<v>" + _UNIT_WORDS + r")(?(after)(?:组织)?|组织)实施")



def _unit_lines(text: str) -> list[tuple[int, float]]:
    """Where each unit line (单位：万元) of the text starts, and its factor to yuan."""
    # a match holds one 单位, its two-character 金额 / 资金 before it or none: tried from two characters before each 单位
    found = ((w.start() >= 2 and _UNIT_LINE.match(text, w.start() - 2)) or _UNIT_LINE.match(text, w.start())
             for w in _UNIT_WORD.finditer(text))
    return [(m.start(), unit_factor(m.group(1))) for m in found if m]


def _closed(span: Span) -> Span:
    """A unit's name without the bracket closing the label's own bracket around it (1.某项目（实施单位：某中心）。)."""
    t = span.text
    if t[-1:] in ")）" and t.count("(") + t.count("（") < t.count(")") + t.count("）"):
        return Span(text=t[:-1], start=span.start, end=span.end - 1)
    return span


def _clause_says(rx: re.Pattern[str], text: str, at: int, whole: bool = True) -> bool:
    """Whether the clause holding ``at`` (its part before ``at`` unless ``whole``) prints ``rx``: a clause allocating
    money onward (省财政厅下达各县预算资金…, 将预算资金120万元分配至各乡镇) states the recipients' amounts, not the project's."""
    begin = max(text.rfind(c, 0, at) for c in "，,。；;\n") + 1
    if whole:
        end = _CLAUSE_END.search(text, at)
        at = end.start() if end else len(text)
    return rx.search(text, begin, at) is not None


_CLAUSE_END = re.compile("[，,。；;\n]")
_HANDED_DOWN = re.compile(PROSE_HANDED_DOWN)
_SPENDING = re.compile(PROSE_SPENDING_WORDS)


def _handed_down_only(text: str, view: Unwrapped, found: dict[str, Span], s: int, e: int) -> bool:
    """Whether the section's one money statement is money put to the fund (市财政下达某项目资金85万元, 市级财政安排…资金
    1250万元) and the section does not say what was spent (no 执行 / 支出 word, or no 执行率 of its own): an allocation
    notice, not the project's funds (records.md: an allocation alone gives no funds)."""
    if set(found) != {"annual"}:
        return False
    if not _clause_says(_HANDED_DOWN, text, found["annual"].start, whole=False):
        return False
    return (_SPENDING.search(text, s, e) is None
            or ProseParser._search(_RATE, text, view, s, e, 1, department=False) is None)


_WHOLE_UNIT_WORDS = re.compile(PROSE_WHOLE_UNIT)
_LIST_JOIN = re.compile(PROSE_LIST_JOIN)
_LINE = re.compile(r"[^\n]+")
# how far back a figure's sentence is read for the words making it the department's (bounded: linear on one long line)
SENTENCE_REACH = 60


def _headed(text: str, s: int, e: int, opens: list[tuple[int, Span]]) -> list[tuple[int, Span]]:
    """The projects the headings of [s, e) open where no sentence announced one, or where the one announcing
    sentence names several (对A和B开展了绩效自评: the headings name them one by one, and replace it in ``opens``)."""
    several = len(opens) == 1 and _LIST_JOIN.search(opens[0][1].text) is not None
    headed = heading_openers(text, s, e) if not opens or several else []
    if several and len(headed) < HEADING_OPENER_MIN:
        return []
    if several:
        opens.clear()
    return headed


def _whole_unit_report(text: str, s: int, e: int, at: int) -> bool:
    """Whether [s, e), the stretch of the project announced at ``at``, reports on a whole department (部门整体…): in
    its own lines, not in a page's links to other reports (上一篇：某局部门整体支出绩效自评报告, a bulleted list of
    related pages: · 某局2024年部门预算) nor in its attachments' names (附件1：…部门整体支出绩效自评表); a page holding a
    部门整体 report and then a project's (第二部分　项目支出绩效自评报告) is read from the project's part on."""
    part = [m.start() for m in _PROJECT_PART.finditer(text, s, at) if not _WHOLE_UNIT_WORDS.search(m.group())]
    return any(_WHOLE_UNIT_WORDS.search(line.group()) and not _NOT_REPORT_LINE.match(line.group().lstrip(" \u3000"))
               for line in _LINE.finditer(text, part[-1] if part else s, e))


_PROJECT_PART = re.compile(PROSE_PROJECT_PART, re.M)
_NOT_REPORT_LINE = re.compile(r"[·•]|" + PAGE_CHROME.pattern.removeprefix("^") + "|" + PROSE_LINK_LEAD + "|" + PROSE_ATTACHMENT_LEAD)


def _budget_beside(text: str, s: int, executed: Span) -> tuple[Span, float] | None:
    """The budget stated in the sentence of the execution, before it (某资金预算227900万元，已执行225621万元，执行率99%):
    the project's, over one stated earlier for a part of it (中央财政下达我省某资金预算186520万元)."""
    begin = max(s, max(text.rfind(c, 0, executed.start) for c in "。；;\n") + 1)
    for field, rx in _FIELDS:
        m = rx.search(text, begin, executed.start) if field == "annual" else None
        if m is not None and not _clause_says(_ALLOCATION, text, m.start()):
            return Span.of(m, 1), unit_factor(m.group(2), 1.0)
    return None


def _part_score(text: str, at: int) -> bool:
    """Whether the sentence up to ``at`` (a score's label) gives a part of the marks, its weight first (预算执行率指标权重
    10分，自评分9.69分): the project's score is its total, stated apart."""
    low = max(0, at - SENTENCE_REACH)
    begin = max(text.rfind(c, low, at) for c in "。；;\n") + 1
    return _PART_WEIGHT.search(text, max(begin, low), at) is not None


_PART_WEIGHT = re.compile(PROSE_PART_WEIGHT)
_SELF_UNIT = re.compile(PROSE_SELF_UNIT)


def _department_wide(text: str, at: int) -> bool:
    """Whether the sentence up to ``at`` (a score's, a grade's or a rate's label) states the whole department's figure
    (部门整体…自评得分, 部门预算执行率): a 部门整体 report's own figures are none of its key projects'."""
    low = max(0, at - SENTENCE_REACH)
    begin = max(text.rfind(c, low, at) for c in "。；;\n") + 1
    return _WHOLE_UNIT_WORDS.search(text[max(begin, low):at]) is not None


class ProseParser:
    """Normalized text -> ParsedProjects for reports written as prose."""

    def parse(self, norm: NormalizedText, exclude: list[tuple[int, int]] | None = None) -> list[ParsedProject]:
        """Projects announced in the text outside ``exclude`` (the spans of table projects)."""
        # (collapsed text: its lines found again; 项 目 名 称：: a cover block's spaced labels closed up; offsets kept)
        text = joined_pages(closed_labels(relined(norm)))  # (pages of a web article joined: prose_pages)
        view = Unwrapped.of(text)
        stretches = complement(exclude or [], len(text))
        units = heading_units(text, stretches)
        unit_lines = _unit_lines(text)
        out: list[ParsedProject] = []
        for s, e in stretches:
            sections: list[ParsedProject] = []
            opens, quoted = announced(view, s, e)
            summaries = len(opens)
            for m in SUMMARY_HEADING.finditer(text, s, e):
                if not NOT_PROJECT.search(m.group("name")) and not any(a <= m.start() < n.end for a, n in opens):
                    opens.append((m.start(), Span.of(m, "name")))
            # sections whose sentences are the project's own: a summary's (…项目绩效自评综述：), a heading's
            owned = {a for a, _ in opens[summaries:]}
            if len(opens) == 1 and quoted:
                owned.add(quoted[0][0])  # (the report's one project, named in quotes: its sentences are its own)
            headed = _headed(text, s, e, opens)
            rows = roster(text, s, e)  # (a summary table of projects: its names head their sections below it)
            headed += [h for h in roster_headings(text, s, e, rows) if h[0] not in {a for a, _ in opens + headed}]
            opens.extend(headed)
            owned |= {a for a, _ in headed}
            titled: set[int] = set()
            if not exclude and len(opens) == 1:
                named = title_over(text, s, e, opens[0][1])
                if named is not opens[0][1]:
                    opens[0] = (opens[0][0], named)
                    titled.add(opens[0][0])  # the title names the one project announced: it is the report's
            if not exclude and not opens:
                title_opens(text, s, e, opens, owned, titled, [rx for _, rx in _FIELDS])
            opens.sort(key=lambda o: o[0])
            # (a fund's 主管部门 stated once before its sub-projects' sections: theirs where they state none)
            preamble = (hit[0] if len(opens) >= HEADING_OPENER_MIN
                        and (hit := self._search(_DEPT, text, view, s, opens[0][0], "v", printed_first=True)) else None)
            if not exclude and len(opens) == 1 and not _whole_unit_report(text, s, e, opens[0][0]):
                owned.add(opens[0][0])  # (a report of one project, announced under a unit's generic title: its own)
            if not exclude and len(opens) == 1 and (field := name_field(text, s, e)) is not None:
                # the one project of a report is named by its printed 项目名称 whatever else names it (the contract)
                opens[0] = (opens[0][0], field)
            for k, (start, name) in enumerate(opens):
                end = opens[k + 1][0] if k + 1 < len(opens) else e
                if len(opens) >= HEADING_OPENER_MIN:
                    end = section_end(text, start, end)  # (a 部门整体 report's own totals after its key projects)
                unit = next((u for u in reversed(units) if u.start <= start), None)  # (a title's own unit starts with it)
                unit = preamble or unit
                proj = self._project(text, view, name, (start, end), unit, announced=start in titled,
                                     with_indicators=start in titled or start in owned, unit_lines=unit_lines)
                if proj is not None:
                    sections.append(proj)
            out.extend(merge_roster(rows, sections))
        return out

    @staticmethod
    def _search(rx: re.Pattern[str], text: str, view: Unwrapped, s: int, e: int, group: int | str,
                printed_first: bool = False, allocations: bool = True,
                department: bool = True) -> tuple[Span, re.Match[str]] | None:
        """The first match in [s, e) of the unwrapped text, else of the text as printed (or the other way round);
        ``allocations=False``: none in a sentence allocating money onward (下达各县…预算资金2860万元);
        ``department=False``: none stating the whole department's figure (部门预算执行率)."""
        def kept(t: str, a: int, b: int) -> re.Match[str] | None:
            return next((m for m in rx.finditer(t, a, b) if (allocations or not _clause_says(_ALLOCATION, t, m.start()))
                         and (department or not _department_wide(t, m.start()))), None)

        def in_view():
            m = kept(view.text, view.at(s), view.at(e))
            return (view.span(m, group), m) if m else None

        def as_printed():
            m = kept(text, s, e)
            return (Span.of(m, group), m) if m else None

        first, second = (as_printed, in_view) if printed_first else (in_view, as_printed)
        return first() or second()

    def _amounts(self, text: str, view: Unwrapped, s: int, e: int,
                 unit_lines: list[tuple[int, float]] | None = None) -> tuple[dict[str, Span], dict[str, float]]:
        """Each fund field's statement and its unit factor: the first by label order, unless it is printed in
        another unit than most statements of the section and a statement in that unit exists (全年预算数647.59元
        among 万元 figures drops the 万)."""
        hits: dict[str, list[tuple[Span, float]]] = {}
        for field, rx in _FIELDS:
            hit = self._search(rx, text, view, s, e, 1, allocations=False)
            if hit:
                hits.setdefault(field, []).append((hit[0], unit_factor(hit[1].group(2), 1.0)))
        # (the unit lines of the whole text found once per parse: per section, scanning from the start was quadratic
        # in the number of sections)
        units = _unit_lines(text) if unit_lines is None else unit_lines
        above = bisect.bisect_left(units, (e,))
        for field, rx in _BARE_FIELDS if above else ():
            hit = self._search(rx, text, view, s, e, 1, allocations=False)
            k = bisect.bisect_left(units, (hit[0].start,), 0, above) if hit else 0
            factor = units[k - 1][1] if k else None
            if factor is not None:
                hits.setdefault(field, []).append((hit[0], factor))  # (after the figures printing their unit)
        all_factors = [f for field_hits in hits.values() for _, f in field_hits]
        usual = max(set(all_factors), key=all_factors.count) if all_factors else 1.0
        found: dict[str, Span] = {}
        factors: dict[str, float] = {}
        for field, field_hits in hits.items():
            span, factor = next(((sp, f) for sp, f in field_hits if f == usual), field_hits[0])
            found[field], factors[field] = span, factor
        if _handed_down_only(text, view, found, s, e):
            return {}, {}
        if "executed" in found and "annual" in found and (beside := _budget_beside(text, s, found["executed"])):
            found["annual"], factors["annual"] = beside
        return found, factors

    def _project(self, text: str, view: Unwrapped, name: Span, section: tuple[int, int],
                 unit: Span | None, announced: bool = False, with_indicators: bool = False,
                 unit_lines: list[tuple[int, float]] | None = None) -> ParsedProject | None:
        """The section's project; ``announced``: its title names it, so it is one even without funds;
        ``with_indicators``: the section is the project's own (a title's or a heading's), so are its sentences."""
        s, e = section
        funds = ParsedFunds()
        found, factors = self._amounts(text, view, s, e, unit_lines)
        indicators = view_indicators(text, view, s, e) if with_indicators else []
        if not found and not announced and not indicators and not SCORE.search(text, s, e):
            return None  # a section with neither funds, a score nor its indicators announces no project
        if announced or with_indicators:
            # (a section's own 项目名称 names it over its heading: （二）调解员以案定补经费 / 项目名称：2023年调解员…)
            field = name_field(text, s, e)
            if field is not None:
                name = field
        if (table := table_funds(text, s, e)) is not None:
            found, factors, funds = {}, {}, table  # (a funds table in the text: its total row is the project's)
        # every amount carries its own unit; mixed units are rescaled to yuan in the span text
        units = set(factors.values())
        mixed = len(units) > 1
        funds.factor = funds.factor if table is not None else 1.0 if mixed or not units else units.pop()
        for field, span in found.items():
            if mixed:
                value = float(span.text.replace(",", "")) * factors[field]
                span = Span(text=repr(value), start=span.start, end=span.end)
            setattr(funds, field, span)
        rate = self._search(_RATE, text, view, s, e, 1, department=False) if funds.rate is None else None
        if rate:
            funds.rate = rate[0]
            funds.annual = funds.annual or implied_budget(text, s, e, funds)
        # the project's score, not an indicator sentence's 自评得分
        sentences = [(i.name.start, (i.score or i.actual or i.name).end) for i in indicators]
        score = next(((Span.of(m, 1), m) for m in SCORE.finditer(text, s, e)
                      if not any(a <= m.start() < b for a, b in sentences) and not _department_wide(text, m.start())
                      and not _part_score(text, m.start())), None)
        stop = text.find("。", score[1].end(), e) if score is not None else -1
        if score is not None and (m := _FINAL_SCORE.search(text, score[1].end(), stop if stop >= 0 else e)):
            score = (Span.of(m, 1), m)
        if score is None:  # (自评得分：96.00 on a labeled line of its own, no 分 after it)
            score = next(((Span.of(m, 1), m) for m in _LINE_SCORE.finditer(text, s, e)
                          if not any(a <= m.start() < b for a, b in sentences)), None)
        if score is None and not sentences:
            score = self._search(SCORE, text, view, s, e, 1, department=False)
        grade = next((Span.of(g, 1) for g in GRADE.finditer(text, s, e) if not _department_wide(text, g.start())), None)
        if grade is None and (hit := self._search(GRADE, text, view, s, e, 1, department=False)) is not None:
            grade = hit[0]  # (自评等\n级为优: a hard-wrapped line breaks the words)
        # labels may open the announcing sentence's line (主管部门：…，实施单位：…。本单位对…)
        line_start = text.rfind("\n", 0, s) + 1
        if "\n" not in text:  # (collapsed, the line is the whole text: the section before's 实施单位 is not this one's)
            line_start = max(line_start, s - LABEL_REACH)
        # (a unit's name ends at a space as printed: 主管部门：某局 实施单位：某中心)
        dept = (self._search(_DEPT, text, view, line_start, e, "v", printed_first=True)
                or self._search(_DEPT_WORDS, text, view, line_start, e, "v", printed_first=True))
        impl = (self._search(_IMPL, text, view, line_start, e, "v", printed_first=True)
                or self._search(_IMPL_WORDS, text, view, line_start, e, "v", printed_first=True)
                or self._search(_IMPL_BY, text, view, line_start, e, "v", printed_first=True))
        code = CODE_LINE.search(text, line_start, e)
        return ParsedProject(
            source="prose", start=s, end=e, name=name, funds=funds, code=Span.of(code, "v") if code else None,
            department=_closed(dept[0]) if dept and not _SELF_UNIT.fullmatch(dept[0].text) else unit,
            implementer=_closed(impl[0]) if impl and not _SELF_UNIT.fullmatch(impl[0].text) else None,
            score=score[0] if score else total_row(text, s, e) or score_in_words(text, s, e),
            grade=grade,
            indicators=indicators,
        )


# where line breaks were lost, labels opening the announcing sentence (主管部门：…，实施单位：…。本单位对…) are read this
# far before it
LABEL_REACH = 80
