"""The tagger's spans as records: the tagger-only path, and the tagger's side of the fusion.

Spans are read in text order and grouped by what they are: a PROJECT span opens a project, an IND span
opens an indicator row, L1/L2 spans set the category for the rows that follow, and values attach to the
open row. A value's confidence is its span probability x ``TAGGER_WEIGHT``. Strings are kept as printed (original characters,
whitespace removed), as the parser's are, so that a value's provenance slices to it; only the words looked up
(categories, header words, grades) and the numbers are read NFKC-folded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from jixiao.pipelines.map import normalize as _squash  # NFKC, whitespace removed
from jixiao.pipelines.normalize import simplified, squeeze  # squeeze: as printed, whitespace removed
from jixiao.pipelines.span_roles import FUND_ROLES, ROW_ROLES, monotone_roles
from jixiao.pipelines.tag import EntitySpan
from jixiao.pipelines.vocab import record_grade
from jixiao.record import YUAN_PER_WAN, Funds, Indicator, Project, Provenance

# a tagger value's confidence is its span probability times this: below any parser value (0.95)
TAGGER_WEIGHT = 0.9
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_WAN = re.compile(r"[万萬]\s*元")
# the unit printed right after an amount, as a sentence states it (年初预算9.73万元, 預算資金合計647.59萬元)
_UNIT_AFTER = re.compile(r"[ \u3000]*(?:(?P<wan>[万萬])|(?P<yuan>元))")
_YUAN = re.compile(r"[（(]\s*元\s*[)）]|单位[:：]\s*元|金额单位[:：]\s*元")
_CODE_NAME = re.compile(r"^([0-9A-Za-z]{8,})[-－—_]+(.+)$")
_ORG_CODE = re.compile(r"^(?:\[\d+\]|【\d+】|\d{2,}[-－—]?)\s*")


@lru_cache(maxsize=1)
def default_mapper():
    from jixiao.pipelines.map import Mapper

    return Mapper.from_taxonomy()


def _span_number(text: str) -> float | None:
    t = _squash(text).replace(",", "")
    m = _NUMBER.search(t)
    if not m or len(m.group()) < len(t.rstrip("%分元")) - 1:
        return None
    try:
        return float(m.group())
    except ValueError:
        return None


def _org_name(text: str) -> str:
    t = re.sub(r"\s+", "", text)
    t = _ORG_CODE.sub("", t)
    return t.rstrip("-－—")


def _tagger_provenance(span: EntitySpan) -> Provenance:
    return Provenance(start=span.start, end=span.end, source="tagger")


def _folded_each(s: str) -> str:
    """``s`` with each character NFKC-folded where it folds to one character: as long as ``s``, so a match on it
    slices ``s`` (a code printed in full-width digits is still a code)."""
    return "".join(f if len(f := unicodedata.normalize("NFKC", c)) == 1 else c for c in s)


def _nth_printed(text: str, start: int, end: int, k: int) -> int:
    """Offset of the ``k``-th character of ``text[start:end]`` that is not whitespace (``end`` if none)."""
    for i in range(start, end):
        if not text[i].isspace():
            if k == 0:
                return i
            k -= 1
    return end


class _OpenRow:
    def __init__(self, span: EntitySpan, level1: str | None, level2: str | None, raw_l1: str | None):
        self.name = span
        self.level1, self.level2, self.raw_l1 = level1, level2, raw_l1
        self.pieces: list[EntitySpan] = []

    @property
    def has_values(self) -> bool:
        return bool(self.pieces)

    def fields(self) -> dict[str, list[EntitySpan]]:
        """Value pieces by role, roles decided by reading order where the labels disagree with it."""
        numeric = [_span_number(p.text) is not None for p in self.pieces]
        roles = monotone_roles([p.label for p in self.pieces], ROW_ROLES, {"WEIGHT", "SCORE"}, numeric,
                               {"WEIGHT", "SCORE"})
        out: dict[str, list[EntitySpan]] = {}
        for piece, role in zip(self.pieces, roles):
            if role is not None:
                out.setdefault(role, []).append(piece)
        return out


class _OpenProject:
    def __init__(self, start: int):
        self.start = start
        self.name: list[EntitySpan] = []
        self.code: EntitySpan | None = None
        self.fields: dict[str, EntitySpan] = {}
        self.amounts: list[EntitySpan] = []
        self.rows: list[_OpenRow] = []
        self.l1_raw: str | None = None
        self.l1: str | None = None
        self.l2: str | None = None


def _canonical_levels(mapper, raw_l1: str | None, raw_l2: str | None) -> tuple[str | None, str | None, bool]:
    """(level1, level2, keep): rows under a non-canonical level-1 heading are not indicators."""
    l2 = mapper.canonical_level2(raw_l2) if raw_l2 else None
    l1 = mapper.canonical_level1(raw_l1) if raw_l1 else None
    if l1 is None and l2 is not None:
        l1 = mapper.level1_of_level2(l2)
    if raw_l1 and l1 is None and l2 is None:
        return None, None, False
    return l1, l2, True


GROUPS = {
    "TARGET": "value", "ACTUAL": "value", "WEIGHT": "value", "SCORE": "value",
    "AMT_INIT": "amount", "AMT_ANNUAL": "amount", "AMT_EXEC": "amount",
    "DEPT": "org", "IMPL": "org", "L1": "category", "L2": "category",
}


# names the model breaks at one character it reads as outside them (年度|资|金支付率): one name across that character
NAME_LABELS = ("PROJECT", "IND", "DEPT", "IMPL")
_NAME_GAP = re.compile(r"[\u4e00-\u9fff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _bridges(last: EntitySpan, span: EntitySpan, text: str) -> bool:
    """Whether ``span`` continues ``last``: touching, or (names) one Han character apart on the same line."""
    if span.start == last.end:
        return True
    return last.label == span.label and last.label in NAME_LABELS and span.start - last.end == 1 \
        and bool(_NAME_GAP.fullmatch(text[last.end]))


def _merge_touching(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """Spans of one group that touch (no character between) are one value the model split, e.g. 19.44 -> 19 | .44;
    a name split by one Han character the model left out is one name."""
    out: list[EntitySpan] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = out[-1] if out else None
        same = last is not None and (last.label == span.label or
                                     (GROUPS.get(last.label) is not None and GROUPS.get(last.label) == GROUPS.get(span.label)))
        if last is not None and same and _bridges(last, span, text):
            label = last.label if (last.end - last.start) >= (span.end - span.start) else span.label
            out[-1] = EntitySpan(label=label, start=last.start, end=span.end, text=text[last.start : span.end],
                                 score=min(last.score, span.score))
        else:
            out.append(span)
    return out


def _header_before(spans: list[EntitySpan], index: int) -> str:
    """The nearest header word among the three spans before ``index`` (主管部门 or 实施单位 before an org name)."""
    for k in range(index - 1, max(-1, index - 4), -1):
        if spans[k].label == "HEADER":
            return _squash(spans[k].text)
    return ""


def _resolved_label(ordered: list[EntitySpan], index: int, mapper: Any) -> str:
    """The span's label, with DEPT/IMPL decided by the header before it and L1/L2 by the taxonomy."""
    span = ordered[index]
    label = span.label
    if label in ("DEPT", "IMPL"):
        head = _header_before(ordered, index)
        if "实施" in head or "预算单位" in head:
            return "IMPL"
        if "主管" in head:
            return "DEPT"
    elif label in ("L1", "L2"):
        as_l1 = mapper.canonical_level1(span.text)
        as_l2 = mapper.canonical_level2(span.text)
        if as_l1 and not as_l2:
            return "L1"
        if as_l2 and not as_l1:
            return "L2"
    return label


# the shortest project name that opens a project: real names run to 3 characters and more (老字号)
MIN_PROJECT_NAME = 3
_PROJECT_FIELD_LABELS = ("DEPT", "IMPL", "AMT_INIT", "AMT_ANNUAL", "AMT_EXEC", "RATE", "TOTAL", "GRADE")


class _SpanGrouper:
    """Reads spans in text order into open projects and rows (one document, one use)."""

    def __init__(self, text: str, mapper: Any):
        self.text, self.mapper = text, mapper
        self.projects: list[_OpenProject] = []
        self.cur: _OpenProject | None = None
        self.pending_code: EntitySpan | None = None
        self.prev: EntitySpan | None = None

    def _follows_blank(self, span: EntitySpan, label: str) -> bool:
        """Whether the previous span has this label and only whitespace lies between them."""
        prev = self.prev
        return prev is not None and prev.label == label and not self.text[prev.end : span.start].strip()

    def _open(self, start: int) -> _OpenProject:
        self.cur = _OpenProject(start)
        self.projects.append(self.cur)
        return self.cur

    def add(self, span: EntitySpan) -> None:
        label, cur = span.label, self.cur
        if label == "CODE":
            self.pending_code = span
        elif label == "PROJECT":
            self._add_name(span)
        elif label in _PROJECT_FIELD_LABELS:
            self._add_field(span)
        elif cur is None:
            pass
        elif label == "L1":
            cur.l1_raw = _squash(span.text)
            cur.l2 = None
        elif label == "L2":
            if self._follows_blank(span, "L2"):
                cur.l2 = (cur.l2 or "") + _squash(span.text)
            else:
                cur.l2 = _squash(span.text)
        elif label == "IND":
            self._add_row(span)
        elif label in ROW_ROLES and cur.rows:
            cur.rows[-1].pieces.append(span)
        self.prev = span

    def _add_name(self, span: EntitySpan) -> None:
        cur = self.cur
        if len(_squash(span.text)) < MIN_PROJECT_NAME and not self._follows_blank(span, "PROJECT"):
            return  # a fragment (金, 采购, 年行) is no project name (and must not open a project)
        if cur is not None and self._follows_blank(span, "PROJECT"):
            cur.name.append(span)  # a name broken across lines
        elif cur is not None and cur.name and not (cur.rows or cur.fields or cur.amounts):
            # a name with nothing after it was a title or a mention in prose: the table's own name follows
            cur.name = [span]
            cur.start = span.start
        elif cur is None or cur.name or cur.rows or len(cur.fields) > 2:
            cur = self._open(span.start)
            cur.name.append(span)
        else:
            cur.name.append(span)
        if self.pending_code is not None and span.start - self.pending_code.end < 4:
            cur.code = self.pending_code
        self.pending_code = None

    def _add_field(self, span: EntitySpan) -> None:
        label, cur = span.label, self.cur
        if cur is None or (label in ("DEPT", "IMPL") and label in cur.fields and cur.rows):
            cur = self._open(span.start)
        if label.startswith("AMT_"):
            if not cur.rows:  # funds precede the indicator rows
                cur.amounts.append(span)
        else:
            cur.fields.setdefault(label, span)

    def _add_row(self, span: EntitySpan) -> None:
        cur = self.cur
        last = cur.rows[-1] if cur.rows else None
        prev = self.prev
        if last is not None and not last.has_values and prev is not None and prev.label == "IND":
            last.name = EntitySpan(label="IND", start=last.name.start, end=span.end,
                                   text=self.text[last.name.start : span.end], score=min(last.name.score, span.score))
            return
        l1, l2, keep = _canonical_levels(self.mapper, cur.l1_raw, cur.l2)
        row = _OpenRow(span, l1, l2, cur.l1_raw)
        if not keep:
            row.level1 = "__drop__"
        cur.rows.append(row)


_NUMBER_LABELS = ("AMT_INIT", "AMT_ANNUAL", "AMT_EXEC", "RATE", "TOTAL", "WEIGHT", "SCORE")


def _cut_number(span: EntitySpan, text: str) -> bool:
    """Whether a number span is a piece of a longer number (the '0' of 2023): a digit printed right against it."""
    if span.label not in _NUMBER_LABELS:
        return False
    before = text[span.start - 1] if span.start > 0 else ""
    after = text[span.end] if span.end < len(text) else ""
    return any(c.isdigit() for c in (before, after))


def assemble_from_spans(spans: list[EntitySpan], text: str, mapper: Any = None) -> list[Project]:
    """The tagger-only path: projects and indicator rows from spans in reading order."""
    mapper = mapper or default_mapper()
    grouper = _SpanGrouper(text, mapper)
    ordered = [s for s in _merge_touching(spans, text) if not _cut_number(s, text)]
    for index, span in enumerate(ordered):
        label = _resolved_label(ordered, index, mapper)
        grouper.add(span if label == span.label else span.model_copy(update={"label": label}))
    built = (_build_project(p, text) for p in grouper.projects)
    # a project is a table: a name alone (a heading, a sentence) is not one
    return [p for p in built if p is not None and _is_table(p)]


def _build_project(p: _OpenProject, text: str) -> Project | None:
    """The record of an open project (None without a name): values parsed, amounts in yuan, rows built."""
    if not p.name:
        return None
    raw = "".join(squeeze(s.text) for s in p.name)
    code = squeeze(p.code.text) if p.code else None
    first, last = p.name[0], p.name[-1]
    name_start, code_end = first.start, None
    m = _CODE_NAME.match(_folded_each(raw))
    if m and code is None:
        # a code printed before the name in its cell: both as printed, each with the offsets of its own characters
        code, raw = raw[: m.end(1)], raw[m.start(2) :]
        code_end = _nth_printed(text, first.start, last.end, m.end(1) - 1) + 1
        name_start = _nth_printed(text, first.start, last.end, m.start(2))
    if not raw:
        return None
    name_span = EntitySpan(label="PROJECT", start=name_start, end=last.end, text=text[name_start : last.end],
                           score=min(s.score for s in p.name))
    proj = Project(name=raw, code=code)
    proj.provenance["name"] = _tagger_provenance(name_span)
    proj.confidence["name"] = round(name_span.score * TAGGER_WEIGHT, 3)
    if p.code:
        proj.provenance["code"] = _tagger_provenance(p.code)
        proj.confidence["code"] = round(p.code.score * TAGGER_WEIGHT, 3)
    elif code_end is not None:
        proj.provenance["code"] = Provenance(start=first.start, end=code_end, source="tagger")
    _assign_fund_roles(p)
    scale = _amount_scale(p, text)
    funds: dict[str, float | None] = {}
    for key, field, kind in (
        ("DEPT", "department", "org"), ("IMPL", "implementer", "org"),
        ("AMT_INIT", "funds.initial_budget", "amount"), ("AMT_ANNUAL", "funds.annual_budget", "amount"),
        ("AMT_EXEC", "funds.executed", "amount"), ("RATE", "funds.execution_rate", "number"),
        ("TOTAL", "score", "number"), ("GRADE", "grade", "grade"),
    ):
        span = p.fields.get(key)
        if span is None:
            continue
        value = _field_value(kind, span, scale)
        if value is None:
            continue
        if field.startswith("funds."):
            funds[field.split(".", 1)[1]] = value
        else:
            setattr(proj, field, value)
        proj.provenance[field] = _tagger_provenance(span)
        proj.confidence[field] = round(span.score * TAGGER_WEIGHT, 3)
    proj.funds = Funds(**funds)
    for row in p.rows:
        ind = _build_indicator(row, text)
        if ind is not None:
            proj.indicators.append(ind)
    return proj


def _assign_fund_roles(p: _OpenProject) -> None:
    """Decide the amounts' roles (initial, annual, executed) by reading order where the labels disagree with it."""
    if not p.amounts:
        return
    numeric = [_span_number(a.text) is not None for a in p.amounts]
    roles = monotone_roles([a.label for a in p.amounts], FUND_ROLES, set(FUND_ROLES), numeric, set())
    for span, role in zip(p.amounts, roles):
        if role is not None:
            p.fields[role] = span.model_copy(update={"label": role})


def _amount_scale(p: _OpenProject, text: str) -> float:
    """``YUAN_PER_WAN`` when the unit printed right after the first amount is 万 (a sentence, a '180万' cell), or
    else when the last unit printed before the project's amounts is 万元; else 1 (yuan)."""
    amounts = [s for k, s in p.fields.items() if k.startswith("AMT_")]
    if not amounts:
        return 1.0
    first = min(amounts, key=lambda s: s.start)
    after = _UNIT_AFTER.match(text, first.end)
    if after:
        return YUAN_PER_WAN if after.group("wan") else 1.0
    before = text[max(p.start - 50, 0) : min(s.start for s in amounts)]
    wan = [m.end() for m in _WAN.finditer(before)]
    yuan = [m.end() for m in _YUAN.finditer(before)]
    return YUAN_PER_WAN if wan and (not yuan or wan[-1] > yuan[-1]) else 1.0


def _field_value(kind: str, span: EntitySpan, scale: float) -> Any:
    """A project field's value from its span: an org name, a grade, a number, or an amount in yuan."""
    if kind == "org":
        # an organisation is named in Han characters: a formula's '÷' or a stray code is none
        name = _org_name(span.text)
        return name if len(_HAN.findall(name)) >= 2 else None
    if kind == "grade":
        return record_grade(simplified(_squash(span.text)))  # a grade is a category: 優 on a mirror page is 优
    value = _span_number(span.text)
    if value is not None and kind == "amount":
        value = round(value * scale, 2)
    return value


def _build_indicator(row: _OpenRow, text: str) -> Indicator | None:
    """The record of an open row (None for a dropped row, one with no values, or a placeholder name)."""
    if row.level1 == "__drop__" or not row.has_values:
        return None
    name = squeeze(row.name.text)
    if not name or re.fullmatch(r"(指标\d*[:：]?|…+|\.+)", _squash(name)):
        return None
    ind = Indicator(name=name, level1=row.level1, level2=row.level2)
    ind.provenance["name"] = _tagger_provenance(row.name)
    ind.confidence["name"] = round(row.name.score * TAGGER_WEIGHT, 3)
    fields = row.fields()
    for key, field in (("TARGET", "target"), ("ACTUAL", "actual"), ("WEIGHT", "weight"), ("SCORE", "score")):
        spans = fields.get(key)
        if not spans:
            continue
        if field in ("target", "actual"):
            spans = _without_echoes(spans)
            value: Any = "".join(squeeze(s.text) for s in spans) or None
        else:
            value = _span_number(spans[0].text)
        if value is None:
            continue
        setattr(ind, field, value)
        ind.provenance[field] = Provenance(start=spans[0].start, end=spans[-1].end, source="tagger")
        if field in ("target", "actual") and len(spans) > 1:
            # pieces apart (text between them is not the value): each piece, as the parser gives a target's parts
            for k, piece in enumerate(spans):
                ind.provenance[f"{field}.part{k}"] = _tagger_provenance(piece)
        ind.confidence[field] = round(min(s.score for s in spans) * TAGGER_WEIGHT, 3)
    return ind


_DIGITS = re.compile(r"[\d.,０-９．]")


def _without_echoes(spans: list[EntitySpan]) -> list[EntitySpan]:
    """A value's pieces less those that only echo another's operator and unit: a table with an operator-and-unit
    column before the value (``=个 | =88个``, tagged whole or in pieces) is one value, not ``=个=88个``. Pieces of one value printed in
    separate operator / value / unit columns (``≥ | 100 | %``) each add something and stay."""
    if len(spans) < 2:
        return spans
    frames = {_DIGITS.sub("", squeeze(s.text)) for s in spans if _DIGITS.search(s.text)}
    kept = [s for s in spans if _DIGITS.search(s.text) or not any(squeeze(s.text) in f for f in frames)]
    return kept or spans


def _is_table(p: Project) -> bool:
    return bool(p.indicators or p.department or p.implementer) or any(v is not None for v in p.funds.model_dump().values())

