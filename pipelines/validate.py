"""Validate stage: consistency checks on a project, reported as ``Check``s (never edits values).

It runs last, on the final record (after fusion and mapping): ``check_record``.
"""

from __future__ import annotations

import math

from jixiao.pipelines.printed_numbers import parse_number
from jixiao.pipelines.parsed import ParsedProject
from jixiao.pipelines.targets import MET, NOT_MET, PARTLY, attainment, read_value
from jixiao.pipelines.vocab import GRADE_BANDS
from jixiao.record import Check, DocumentRecord, Funds, Indicator, Project

RATE_TOLERANCE = 0.6  # percentage points: printed rates are rounded
SCORE_TOLERANCE = 0.51
AMOUNT_TOLERANCE = 0.5  # yuan
# checks that read the parser's funds row, which the record does not keep: only the 其中 rows decide the first;
# a funds score or weight printed apart changes the verdict of the others (eval/checks.py compares around them)
PARTS_CODES = ("funds.parts_mismatch",)
FUNDS_ROW_CODES = ("score.sum_mismatch", "weights.not_100")


def rate_mismatch(f: Funds) -> float | None:
    """executed/annual in percent when it disagrees with the printed execution rate beyond rounding, else None."""
    if f.execution_rate is None or f.executed is None or not f.annual_budget:
        return None
    computed = f.executed / f.annual_budget * 100
    # a rate printed as capped at 100% is not a disagreement
    if abs(computed - f.execution_rate) > RATE_TOLERANCE and abs(min(computed, 100.0) - f.execution_rate) > RATE_TOLERANCE:
        return computed
    return None


def score_above_weight(row: Indicator) -> bool:
    return row.weight is not None and row.score is not None and row.score > row.weight + 1e-9


def grade_band(score: float) -> str:
    return next(grade for floor, grade in GRADE_BANDS if score >= floor)


def grade_mismatch(project: Project) -> str | None:
    """The grade the national bands give the total score when the printed grade differs, else None."""
    if project.grade is None or project.score is None or project.grade not in {g for _, g in GRADE_BANDS}:
        return None
    expected = grade_band(project.score)
    return expected if expected != project.grade else None


def _numbers(project: Project):
    """(field, value) of every number of the project, as the record names them."""
    f = project.funds
    yield from (("funds.initial_budget", f.initial_budget), ("funds.annual_budget", f.annual_budget),
                ("funds.executed", f.executed), ("funds.execution_rate", f.execution_rate), ("score", project.score))
    for i, row in enumerate(project.indicators):
        yield f"indicators[{i}].weight", row.weight
        yield f"indicators[{i}].score", row.score


def out_of_range(project: Project) -> list[Check]:
    """A printed number too large for a float (400 digits) reads as infinity, which JSON writes as null: a check
    says so, where the value would otherwise vanish in silence."""
    return [Check(code="number.out_of_range", field=field,
                  message="the printed number is too large to represent (beyond 1.8e308); it is written as null")
            for field, value in _numbers(project) if value is not None and not math.isfinite(value)]


def _finite(project: Project) -> Project:
    """A copy of ``project`` whose out-of-range numbers are None, so that the other checks compare only numbers."""
    project = project.model_copy(deep=True)
    f = project.funds
    for name in ("initial_budget", "annual_budget", "executed", "execution_rate"):
        value = getattr(f, name)
        if value is not None and not math.isfinite(value):
            setattr(f, name, None)
    if project.score is not None and not math.isfinite(project.score):
        project.score = None
    for row in project.indicators:
        if row.weight is not None and not math.isfinite(row.weight):
            row.weight = None
        if row.score is not None and not math.isfinite(row.score):
            row.score = None
    return project


def check_project(project: Project, parsed: ParsedProject | None = None) -> list[Check]:
    """Numbers out of range, execution rate vs executed/annual, scores vs total, grade vs score, weights vs 100,
    其中 rows vs the total row."""
    checks: list[Check] = out_of_range(project)
    if checks:
        project = _finite(project)
    f = project.funds
    computed = rate_mismatch(f)
    if computed is not None:
        checks.append(Check(code="funds.rate_mismatch", field="funds.execution_rate",
                            message=f"执行率 {f.execution_rate:g}% but executed/annual = {computed:.2f}%"))
    if f.executed is not None and f.annual_budget is not None and f.executed > f.annual_budget + AMOUNT_TOLERANCE:
        checks.append(Check(code="funds.overspent", field="funds.executed", severity="info",
                            message=f"executed {f.executed:g} exceeds annual budget {f.annual_budget:g}"))
    scores = [i.score for i in project.indicators if i.score is not None]
    weights = [i.weight for i in project.indicators if i.weight is not None]
    funds_score = parse_number(parsed.funds.score.text) if parsed and parsed.funds.score else None
    funds_weight = parse_number(parsed.funds.weight.text) if parsed and parsed.funds.weight else None
    if project.score is not None and scores and len(scores) == len(project.indicators):
        total = sum(scores) + (funds_score or 0.0)
        if abs(total - project.score) > SCORE_TOLERANCE:
            checks.append(Check(code="score.sum_mismatch", field="score",
                                message=f"indicator scores{' + funds score' if funds_score is not None else ''} sum to {total:g}, total printed {project.score:g}"))
    expected = grade_mismatch(project)
    if expected is not None:
        checks.append(Check(code="grade.band_mismatch", field="grade", severity="info",
                            message=f"grade {project.grade} but a total of {project.score:g} is {expected} in the national bands"))
    if weights and len(weights) == len(project.indicators):
        total_w = sum(weights) + (funds_weight or 0.0)
        if abs(total_w - 100.0) > SCORE_TOLERANCE and abs(sum(weights) - 90.0) > SCORE_TOLERANCE:
            checks.append(Check(code="weights.not_100", field="indicators.weight",
                                message=f"weights{' + funds weight' if funds_weight is not None else ''} sum to {total_w:g}, not 100"))
    for k, i in enumerate(project.indicators):
        if score_above_weight(i):
            checks.append(Check(code="indicator.score_above_weight", field=f"indicators[{k}].score",
                                message=f"{i.name}: score {i.score:g} above weight {i.weight:g}"))
    checks += attainment_checks(project)
    if parsed is not None and parsed.funds.parts:
        factor = parsed.funds.factor
        for key, total in (("annual", f.annual_budget), ("executed", f.executed)):
            vals = [parse_number(p[key].text) for p in parsed.funds.parts if key in p]
            vals = [v for v in vals if v is not None]
            if total is None or not vals:
                continue
            parts_sum = sum(vals) * factor
            if abs(parts_sum - total) > max(AMOUNT_TOLERANCE, abs(total) * 1e-6):
                checks.append(Check(code=PARTS_CODES[0], field=f"funds.{'annual_budget' if key == 'annual' else key}",
                                    message=f"其中 rows sum to {parts_sum:g}, total row prints {total:g}"))
    if not project.indicators:
        checks.append(Check(code="indicators.none", severity="info", message="no indicator rows found"))
    return checks


def read_indicators(project: Project) -> None:
    """Each indicator's typed target and actual (``targets.read_value``) and its attainment, set in place."""
    for i in project.indicators:
        i.target_reading = read_value(i.target)
        i.actual_reading = read_value(i.actual)
        i.attainment = attainment(i.target_reading, i.actual_reading, i.name, i.level2)


def attainment_checks(project: Project) -> list[Check]:
    """A met indicator scored below its weight, and an indicator not met (or partly) scored in full."""
    checks: list[Check] = []
    for k, i in enumerate(project.indicators):
        if i.weight is None or i.score is None or i.weight <= 0:
            continue
        full = abs(i.score - i.weight) <= 1e-6
        if i.attainment == MET and i.score < i.weight - SCORE_TOLERANCE:
            checks.append(Check(code="attainment.met_not_full", field=f"indicators[{k}].score", severity="info",
                                message=f"{i.name}: met ({i.target} / {i.actual}) but scored {i.score:g} of {i.weight:g}"))
        elif i.attainment in (NOT_MET, PARTLY) and full:
            word = "not met" if i.attainment == NOT_MET else "partly met"
            checks.append(Check(code="attainment.unmet_full_score", field=f"indicators[{k}].score",
                                message=f"{i.name}: {word} ({i.target} / {i.actual}) but scored the full {i.weight:g}"))
    return checks


def parsed_extent(project: Project) -> tuple[int, int] | None:
    """The key of a parser project's ``ParsedProject``: the text it was read from (its ``project`` provenance)."""
    prov = project.provenance.get("project")
    return None if prov is None else (prov.start, prov.end)


def check_record(record: DocumentRecord, parsed: dict[tuple[int, int], ParsedProject] | None = None) -> DocumentRecord:
    """Every project of the final record checked; the checks go before those earlier stages reported (mapping's).

    ``parsed``: the parser's reading of each project by ``parsed_extent`` (its funds row and 其中 rows, which
    the record does not keep); a project the tagger alone found has none.
    """
    parsed = parsed or {}
    for project in record.projects:
        read_indicators(project)
        extent = parsed_extent(project)
        project.checks = check_project(project, parsed.get(extent) if extent else None) + project.checks
    return record
