"""How far the consistency checks (``pipelines.validate``) can be trusted: the checks a reading shows a user,
against the checks the same rules raise on the gold record of the same document.

A check raised on both is *agreed* (the printed numbers disagree, and the reading shows it); raised on the
reading only, a *false alarm* (a reading error looks like a printed disagreement); raised on the gold only,
*missed* (the printed numbers disagree and the reading hid it). Projects pair by name as in section 4; a
spurious project's checks are false alarms and a missed project's checks missed, as a user would meet them.

The gold record does not keep the parser's funds row (a funds score or weight printed apart, the 其中 rows), so
a check that row decided cannot be judged: ``funds.parts_mismatch`` always, and ``score.sum_mismatch`` /
``weights.not_100`` where the funds row changed the verdict. Those are counted as *not compared*.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel, Field

from jixiao.eval.match import pair_names
from jixiao.eval.normalize import normalize_text
from jixiao.pipelines.validate import FUNDS_ROW_CODES, PARTS_CODES, check_project, read_indicators
from jixiao.record import Check, DocumentRecord, Project

TOTAL_CODE = "all checks"


class CheckCounts(BaseModel):
    agreed: int = 0
    false_alarm: int = 0
    missed: int = 0
    not_compared: int = 0

    def __add__(self, other: "CheckCounts") -> "CheckCounts":
        return CheckCounts(**{k: getattr(self, k) + getattr(other, k) for k in CheckCounts.model_fields})

    def metrics(self) -> dict[str, Any]:
        raised, printed = self.agreed + self.false_alarm, self.agreed + self.missed
        return {"raised": raised, "on_gold": printed, **self.model_dump(),
                "precision": self.agreed / raised if raised else None,
                "recall": self.agreed / printed if printed else None}


class ChecksSummary(BaseModel):
    """Counts per check code, for one document or pooled."""

    codes: dict[str, CheckCounts] = Field(default_factory=dict)

    def __add__(self, other: "ChecksSummary") -> "ChecksSummary":
        keys = dict.fromkeys([*self.codes, *other.codes])
        return ChecksSummary(codes={k: self.codes.get(k, CheckCounts()) + other.codes.get(k, CheckCounts()) for k in keys})

    def metrics(self) -> dict[str, dict[str, Any]]:
        total = sum(self.codes.values(), CheckCounts())
        return {TOTAL_CODE: total.metrics(), **{k: self.codes[k].metrics() for k in sorted(self.codes)}}


def project_checks(project: Project) -> Counter[tuple[str, str]]:
    """(code, what it concerns) of each record-level check on a copy of PROJECT. An indicator's check is keyed
    by the indicator's name, not its position: a missed row must not shift every later row's checks."""
    return Counter(k[:2] for k in _keyed(project, _record_level(project)).elements())


def _record_level(project: Project) -> list[Check]:
    copy = project.model_copy(deep=True)
    read_indicators(copy)
    return check_project(copy)


def _subject(project: Project, field: str | None) -> str:
    if field and field.startswith("indicators[") and "]" in field:
        k = int(field[len("indicators["):field.index("]")])
        if k < len(project.indicators):
            return "indicator:" + (normalize_text(project.indicators[k].name) or "")
    return field or ""


def score_checks(gold: DocumentRecord, pred: DocumentRecord) -> ChecksSummary:
    """The checks PRED's projects show (as extracted) against those the rules raise on GOLD's, by project pair."""
    pairs = pair_names([p.name for p in gold.projects], [p.name for p in pred.projects])
    paired_gold, paired_pred = {p.gold for p in pairs}, {p.pred for p in pairs}
    counts: dict[str, CheckCounts] = {}

    def add(code: str, **n: int) -> None:
        counts[code] = counts.get(code, CheckCounts()) + CheckCounts(**n)

    for k, project in enumerate(pred.projects):
        shown, skipped = _comparable(project, add)
        g = project_checks(gold.projects[_gold_of(pairs, k)]) if k in paired_pred else Counter()
        for (code, _), n in g.items():
            if code in skipped:  # the gold's side of a check the funds row decided
                add(code, not_compared=n)
        g = Counter({key: n for key, n in g.items() if key[0] not in skipped})
        for key in shown.keys() | g.keys():
            both = min(g[key], shown[key])
            add(key[0], agreed=both, false_alarm=shown[key] - both, missed=g[key] - both)
    for k, project in enumerate(gold.projects):
        if k not in paired_gold:
            for (code, _), n in project_checks(project).items():
                add(code, missed=n)
    return ChecksSummary(codes=counts)


def _gold_of(pairs: list, pred_index: int) -> int:
    return next(p.gold for p in pairs if p.pred == pred_index)


def _comparable(project: Project, add) -> tuple[Counter[tuple[str, str]], set[str]]:
    """The validate checks PROJECT shows, keyed like ``project_checks``, less those its funds row decided
    (counted through ADD as not compared), and the codes left out of the comparison for this project (the gold
    side drops them too: a funds row that silenced a check leaves nothing shown but the gold would raise it).
    Other stages' checks (mapping's) are not this module's."""
    record_level, shown = _keyed(project, _record_level(project)), _keyed(project, project.checks)
    # the funds row took part where the verdict or its message (which names a funds score or weight) moved
    skipped = set(PARTS_CODES) | {c for c in FUNDS_ROW_CODES if _by_code(shown, c) != _by_code(record_level, c)}
    record_level = Counter(k[:2] for k in record_level.elements())
    shown_keys = Counter(k[:2] for k in shown.elements())
    validate_codes = {k[0] for k in record_level} | set(FUNDS_ROW_CODES)
    out: Counter[tuple[str, str]] = Counter()
    for key, n in shown_keys.items():
        if key[0] in skipped:
            add(key[0], not_compared=n)
        elif key[0] in validate_codes:
            out[key] = n
    return out, skipped


def _keyed(project: Project, checks: list[Check]) -> Counter[tuple[str, str, str]]:
    return Counter((c.code, _subject(project, c.field), c.message) for c in checks)


def _by_code(keys: Counter[tuple[str, str, str]], code: str) -> Counter[tuple[str, str, str]]:
    return Counter({k: n for k, n in keys.items() if k[0] == code})


CHECK_COLUMNS = ("raised", "on gold", "agreed", "false alarms", "missed", "not compared", "precision %", "recall %")


def check_cells(m: dict[str, Any]) -> list[str]:
    pct = [("–" if m[k] is None else f"{100 * m[k]:.1f}") for k in ("precision", "recall")]
    return [str(m[k]) for k in ("raised", "on_gold", "agreed", "false_alarm", "missed", "not_compared")] + pct


def checks_markdown(block: dict[str, Any]) -> str:
    lines = ["| check | " + " | ".join(CHECK_COLUMNS) + " |", "| --- |" + " ---: |" * len(CHECK_COLUMNS)]
    return "\n".join(lines + [f"| {code} | " + " | ".join(check_cells(m)) + " |" for code, m in block.items()])


def print_checks_table(block: dict[str, Any], console: Any, *, title: str) -> None:
    """One row per check code (all checks first): raised, agreed, false alarms, missed, precision, recall."""
    from rich.table import Table

    table = Table(title=title)
    table.add_column("check")
    for col in CHECK_COLUMNS:
        table.add_column(col, justify="right")
    for code, m in block.items():
        table.add_row(code, *check_cells(m), style="bold" if code == TOTAL_CODE else None)
    console.print(table)
