"""Fusion: the table parser's record and the tagger's, combined into one record, field by field.

The parser is primary and the tagger fills what it lacks. The two records' projects are paired by name;
per paired project:
- both paths agree (after normalisation): the value, confidence ``rules.agree``;
- only one path has a value: that value when its confidence reaches ``rules.fill_min`` and, for a number,
  the tagger's span does not start or end inside a number of the text;
- they disagree: the more confident value (so the parser's), its confidence x ``rules.disagree``.
A fill that makes a row's score exceed its weight, the execution rate disagree with the amounts, or the
grade fall outside the total score's band, is undone. Indicator rows are the parser's when it read any
for the project, else the tagger's, taken whole; the other side fills blank fields of rows paired by
name under the same rule. Projects only the tagger found are kept when the parser found no project at
all and they look like a real table. The rules are ``FusionRules``; how they were chosen is in
``docs/decisions/fusion.md``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from jixiao.pipelines.assemble_spans import assemble_from_spans
from jixiao.pipelines.fusion_rules import FUSION_RULES, FusionRules
from jixiao.pipelines.map import normalize as _squash  # NFKC, whitespace removed
from jixiao.pipelines.tag import EntitySpan
from jixiao.pipelines.validate import grade_mismatch, rate_mismatch, score_above_weight
from jixiao.record import DocumentRecord, Indicator, Project, Provenance

PROJECT_FIELDS = ["code", "department", "implementer", "funds.initial_budget", "funds.annual_budget",
                  "funds.executed", "funds.execution_rate", "score", "grade"]
INDICATOR_FIELDS = ["level1", "level2", "target", "actual", "weight", "score"]
RATE_FIELDS = ("funds.annual_budget", "funds.executed", "funds.execution_rate")
NUMERIC_FIELDS = {"funds.initial_budget", "funds.annual_budget", "funds.executed", "funds.execution_rate", "score",
                  "weight"}


def project_value(p: Project, field: str) -> Any:
    """A project's field by its record path: ``department``, or ``funds.executed`` inside ``funds``."""
    return getattr(p.funds, field.split(".", 1)[1]) if field.startswith("funds.") else getattr(p, field)


def set_project_value(p: Project, field: str, value: Any) -> None:
    if field.startswith("funds."):
        setattr(p.funds, field.split(".", 1)[1], value)
    else:
        setattr(p, field, value)


def _comparable(value: Any) -> Any:
    """The value as compared between the paths: strings squashed with ≥/≤/，/。 folded, floats to 2 places."""
    if isinstance(value, str):
        return _squash(value).replace("≥", ">=").replace("≤", "<=").replace("，", ",").rstrip("。")
    if isinstance(value, float):
        return round(value, 2)
    return value


def pair_by_name(a: list[str], b: list[str], min_ratio: float) -> list[tuple[int, int]]:
    """(i, j) pairs of names, most alike first, each name used once, down to a rapidfuzz ratio of ``min_ratio``."""
    from rapidfuzz import fuzz

    scored = sorted(((fuzz.ratio(_squash(x), _squash(y)), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
                    reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for score, i, j in scored:
        if score < min_ratio:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i), used_b.add(j)
        out.append((i, j))
    return out


def _char_at(text: str, i: int) -> str:
    return unicodedata.normalize("NFKC", text[i]) if 0 <= i < len(text) else ""


def _inside_number(text: str, i: int) -> bool:
    """Whether offset ``i`` (between text[i-1] and text[i]) falls inside one number: 19|.44, 19.|44, 1|,234, 12|3."""
    l2, l1, r1, r2 = _char_at(text, i - 2), _char_at(text, i - 1), _char_at(text, i), _char_at(text, i + 1)
    if l1.isdigit() and r1.isdigit():
        return True
    if l1.isdigit() and r1 in ".," and r2.isdigit():
        return True
    return l1 in ".," and l2.isdigit() and r1.isdigit()


def _cuts_number(prov: Provenance | None, text: str | None) -> bool:
    """Whether a tagger value's span starts or ends inside a number of the text (19.44 read as 19 or .44)."""
    if prov is None or prov.source != "tagger" or text is None or prov.end > len(text) or prov.start >= prov.end:
        return False
    return _inside_number(text, prov.start) or _inside_number(text, prov.end)


def _may_fill(other: Any, field: str, conf: float, text: str | None, rules: FusionRules) -> bool:
    """Whether ``other``'s value may fill a blank: confident enough, and a whole number of the text."""
    if conf < rules.fill_min:
        return False
    return not (field in NUMERIC_FIELDS and _cuts_number(other.provenance.get(field), text))


def _take(base: Any, other: Any, field: str, value: Any, confidence: float, setter) -> None:
    setter(base, field, value)
    parts = f"{field}.part"  # a value read in pieces: each piece's provenance goes with the value
    for key in [k for k in base.provenance if k.startswith(parts)]:
        del base.provenance[key]
    for key, prov in other.provenance.items():
        if key == field or key.startswith(parts):
            base.provenance[key] = prov
    base.confidence[field] = round(confidence, 3)


def _merge_fields(base: Any, other: Any, fields: list[str], defaults: tuple[float, float], rules: FusionRules,
                  text: str | None, getter=getattr, setter=setattr) -> list[str]:
    """Fill ``base`` in place from ``other`` field by field; the more confident side wins a disagreement.

    ``defaults``: the confidence of a value of ``base`` and of ``other`` that carries none.
    Returns the fields that were blank in ``base`` and filled from ``other``.
    """
    filled: list[str] = []
    for field in fields:
        bv, ov = getter(base, field), getter(other, field)
        b_conf = base.confidence.get(field, defaults[0])
        o_conf = other.confidence.get(field, defaults[1])
        if bv is None and ov is None:
            continue
        if bv is None:
            if _may_fill(other, field, o_conf, text, rules):
                _take(base, other, field, ov, o_conf, setter)
                filled.append(field)
        elif ov is None:
            base.confidence[field] = round(b_conf, 3)
        elif _comparable(bv) == _comparable(ov):
            base.confidence[field] = rules.agree
        elif o_conf > b_conf:
            _take(base, other, field, ov, o_conf * rules.disagree, setter)
        else:
            base.confidence[field] = round(b_conf * rules.disagree, 3)
    return filled


def _blank(obj: Any, fields: list[str], setter=setattr) -> None:
    """Undo fills: the fields blank again, with no provenance or confidence."""
    for field in fields:
        setter(obj, field, None)
        for key in [k for k in obj.provenance if k == field or k.startswith(f"{field}.part")]:
            del obj.provenance[key]
        obj.confidence.pop(field, None)


def agreement(parsed: list[Project], tagged: list[Project], pairs: list[tuple[int, int]],
              rules: FusionRules = FUSION_RULES) -> tuple[int, int]:
    """(agreeing, disagreeing) values over the fields both paths read: paired projects, and their rows paired by name."""
    agree = disagree = 0

    def count(a: Any, b: Any) -> None:
        nonlocal agree, disagree
        if a is not None and b is not None:
            if _comparable(a) == _comparable(b):
                agree += 1
            else:
                disagree += 1

    for i, j in pairs:
        p, t = parsed[i], tagged[j]
        for field in PROJECT_FIELDS:
            count(project_value(p, field), project_value(t, field))
        for a, b in pair_by_name([r.name for r in p.indicators], [r.name for r in t.indicators], rules.pair_ratio):
            for field in INDICATOR_FIELDS:
                count(getattr(p.indicators[a], field), getattr(t.indicators[b], field))
    return agree, disagree


def _fuse_project_fields(parsed: Project, tagged: Project, text: str | None, rules: FusionRules,
                         copy: bool = True) -> Project:
    """The parser's project (a copy unless ``copy`` is false) with its fields merged with the tagger's; fills that
    break a check undone."""
    rate_was_off, grade_was_off = rate_mismatch(parsed.funds) is not None, grade_mismatch(parsed) is not None
    out = parsed.model_copy(deep=True) if copy else parsed
    filled = _merge_fields(out, tagged, PROJECT_FIELDS, (rules.parser_only, rules.unrated), rules, text,
                           getter=project_value, setter=set_project_value)
    funds_fills = [f for f in filled if f in RATE_FIELDS]
    if funds_fills and rate_mismatch(out.funds) is not None and not rate_was_off:
        _blank(out, funds_fills, setter=set_project_value)
    grade_fills = [f for f in filled if f in ("score", "grade")]
    if grade_fills and grade_mismatch(out) is not None and not grade_was_off:
        _blank(out, grade_fills, setter=set_project_value)
    if early := [f for f in grade_fills if _before_table(out, f)]:
        _blank(out, early, setter=set_project_value)
    out.confidence.setdefault("name", rules.agree)
    return out


def _before_table(p: Project, field: str) -> bool:
    """Whether a filled total score or grade is printed before the name of a project whose table rows the parser
    read: a table prints its total after its rows, so that one is the previous table's (总分 100 97.8 right above
    the next 项目支出绩效自评表)."""
    name, value = p.provenance.get("name"), p.provenance.get(field)
    return bool(p.indicators) and name is not None and value is not None and value.end <= name.start


def _fuse_rows(parsed: Project, tagged: Project, text: str | None, rules: FusionRules,
              copy: bool = True) -> list[Indicator]:
    """The parser's rows when it read any, else the tagger's (whole); the other side fills rows paired by name.

    The base rows are copies unless ``copy`` is false (the tagger's are then this call's own already)."""
    use_parser_rows = bool(parsed.indicators)
    rows = parsed.indicators if use_parser_rows else [r for r in tagged.indicators if _row_looks_real(r, rules)]
    base_rows = [i.model_copy(deep=True) for i in rows] if copy else list(rows)
    other_rows = tagged.indicators if use_parser_rows else parsed.indicators
    if use_parser_rows:
        defaults = (rules.parser_only, rules.unrated)
    else:
        defaults = (rules.unrated, rules.parser_only)
    for i, j in pair_by_name([r.name for r in base_rows], [r.name for r in other_rows], rules.pair_ratio):
        row = base_rows[i]
        was_above = score_above_weight(row)
        filled = [f for f in _merge_fields(row, other_rows[j], INDICATOR_FIELDS, defaults, rules, text)
                  if f in ("weight", "score")]
        if filled and score_above_weight(row) and not was_above:
            _blank(row, filled)
    for row in base_rows:
        row.confidence.setdefault("name", defaults[0])
        for field in INDICATOR_FIELDS:
            if getattr(row, field) is not None:
                row.confidence.setdefault(field, defaults[0])
    return base_rows


def _han_name(name: str, rules: FusionRules) -> bool:
    """A name of at least ``rules.min_name_han`` Han characters (the tagger also tags fragments as names)."""
    return sum("\u4e00" <= ch <= "\u9fff" for ch in name) >= rules.min_name_han


def _row_looks_real(row: Indicator, rules: FusionRules) -> bool:
    """A row only the tagger read stands in where the parser read none with a name of Han words and a value
    that is more than one stray character (the tagger tags fragments of prose and cut rows as rows: '调' with
    actual '期', a sentence with target '有' on seed 004 and rla09)."""
    if not _han_name(row.name, rules):
        return False
    values = [v for v in (row.target, row.actual) if v]
    return row.weight is not None or row.score is not None or any(len(v) >= 2 or v[0].isdigit() for v in values)


def _looks_real(p: Project, rules: FusionRules) -> bool:
    """A project only the tagger found stands in with a name of Han words and indicator rows (a name with fields
    and funds alone, on layouts the tagger never saw, was wrong in every case measured: real layouts rla08, rla10,
    rla12)."""
    if not rules.tagger_projects or not _han_name(p.name, rules):
        return False
    return bool(p.indicators)


def _text_position(p: Project) -> int:
    prov = p.provenance.get("name")
    return prov.start if prov else 10**12


def fuse(parser_record: DocumentRecord, spans: list[EntitySpan], text: str, mapper: Any = None,
         rules: FusionRules = FUSION_RULES, copy: bool = True) -> DocumentRecord:
    """The combined record: the parser's and the tagger's projects, paired by name, field by field.

    ``copy=False`` fuses into the parser record's own projects instead of deep copies (the ``Extractor``, whose
    record it is: the copies were 0.04 s of seed 004's 0.05 s fusion)."""
    tagged = assemble_from_spans(spans, text, mapper)
    parsed = parser_record.projects
    pairs = pair_by_name([p.name for p in parsed], [t.name for t in tagged], rules.pair_ratio)
    paired_p = {i for i, _ in pairs}
    paired_t = {j for _, j in pairs}
    agree, disagree = agreement(parsed, tagged, pairs, rules)
    projects: list[Project] = []
    for i, j in pairs:
        project = _fuse_project_fields(parsed[i], tagged[j], text, rules, copy)
        project.indicators = _fuse_rows(parsed[i], tagged[j], text, rules, copy)
        projects.append(project)
    for i, p in enumerate(parsed):
        if i not in paired_p:
            q = p.model_copy(deep=True) if copy else p
            q.confidence.setdefault("name", rules.parser_only if p.indicators else rules.unrated)
            projects.append(q)
    # the tagger's own projects stand in only where the parser found none at all
    added = [t for j, t in enumerate(tagged) if not parsed and j not in paired_t and _looks_real(t, rules)]
    projects.extend(added)
    projects.sort(key=_text_position)
    meta = dict(parser_record.meta)
    # tagger_fills: always true since the trust check was deleted (issue 16); kept so the record did not change
    meta["fusion"] = {"parser_projects": len(parsed), "tagger_projects": len(tagged), "paired": len(pairs),
                      "tagger_only_added": len(added), "agree": agree, "disagree": disagree, "tagger_fills": True}
    return DocumentRecord(doc_id=parser_record.doc_id, source=parser_record.source, projects=projects,
                          checks=list(parser_record.checks), meta=meta)
