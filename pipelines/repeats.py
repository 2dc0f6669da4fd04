"""A table printed twice on one page (the page's table and its attachment's preview, a mirror site's two scripts, a
print version below the screen one) is one project: the second reading of it is dropped."""

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


def drop_repeated_tables(projects: list[ParsedProject]) -> list[ParsedProject]:
    """The projects with each table printed again left out; of two readings the one with more values is kept,
    in the place of the first."""
    kept: list[ParsedProject] = []
    for p in projects:
        k = next((k for k, q in enumerate(kept) if same_table(p, q)), None)
        if k is None:
            kept.append(p)
        elif fact_count([p]) > fact_count([kept[k]]):
            kept[k] = p
    return kept
