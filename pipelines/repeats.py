"""A table printed twice on one page (the page's table and its attachment's preview, a mirror site's two scripts, a
print version below the screen one) is one project: the second reading of it is dropped. A 绩效目标申报表 printed
beside its 自评表 is one project too: the targets-only reading lends its targets to the self-evaluation's rows."""

from __future__ import annotations

from jixiao.pipelines.normalize import squeeze
from jixiao.pipelines.parsed import ParsedProject, fact_count

# two readings of one table share most of their indicator names (a preview may cut one short)
SHARED_INDICATOR_SHARE = 0.8


def _amounts(p: ParsedProject) -> dict[str, str]:
    return {k: squeeze(s.text) for k in ("initial", "annual", "executed", "rate") if (s := getattr(p.funds, k))}


def same_table(a: ParsedProject, b: ParsedProject) -> bool:
    """Whether two readings are of one table: the same name, the same amounts where both print one, and most
    indicator names of the shorter one in the other."""
    if squeeze(a.name.text) != squeeze(b.name.text):
        return False
    amounts_a, amounts_b = _amounts(a), _amounts(b)
    if any(amounts_a[k] != amounts_b[k] for k in amounts_a.keys() & amounts_b.keys()):
        return False
    names_a = {squeeze(i.name.text) for i in a.indicators}
    names_b = {squeeze(i.name.text) for i in b.indicators}
    if not names_a or not names_b:
        return not names_a and not names_b
    return len(names_a & names_b) >= SHARED_INDICATOR_SHARE * min(len(names_a), len(names_b))


def targets_only(p: ParsedProject) -> bool:
    """Whether a reading is a target table (绩效目标申报表): rows with targets and no actual, weight or score, and
    nothing spent."""
    return bool(p.indicators) and p.funds.executed is None and p.score is None and any(
        i.target for i in p.indicators) and not any(i.actual or i.weight or i.score for i in p.indicators)


def _lend_targets(source: ParsedProject, into: ParsedProject) -> None:
    """The self-evaluation's rows without a target take the target table's one of the same indicator name (its
    自评表 does not print the 年度指标值 again)."""
    targets = {squeeze(i.name.text): i.target for i in source.indicators if i.target}
    for i in into.indicators:
        if not i.target and (t := targets.get(squeeze(i.name.text))):
            i.target = list(t)


def merge_target_tables(projects: list[ParsedProject]) -> list[ParsedProject]:
    """The projects with each target table (a 绩效目标申报表 printed beside the same project's 自评表) folded into
    the self-evaluation of the same name: the targets fill its rows' blank targets, the target table is no project
    (a 申报表 is no 自评表, records.md)."""
    evaluated = [q for q in projects if not targets_only(q)]
    kept: list[ParsedProject] = []
    for p in projects:
        into = next((q for q in evaluated if targets_only(p) and squeeze(q.name.text) == squeeze(p.name.text)), None)
        if into is None:
            kept.append(p)
        else:
            _lend_targets(p, into)
    return kept


def drop_repeated_tables(projects: list[ParsedProject]) -> list[ParsedProject]:
    """The projects with each table printed again left out; of two readings the one with more values is kept,
    in the place of the first; a target table folded into its self-evaluation (``merge_target_tables``)."""
    projects = merge_target_tables(projects)
    kept: list[ParsedProject] = []
    for p in projects:
        k = next((k for k, q in enumerate(kept) if same_table(p, q)), None)
        if k is None:
            kept.append(p)
        elif fact_count([p]) > fact_count([kept[k]]):
            kept[k] = p
    return kept
