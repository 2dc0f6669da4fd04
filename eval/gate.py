"""The CI regression gate: record F1, total and per split, must not fall below the committed baseline."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from jixiao.eval.errors import ReportError
from jixiao.eval.report import EvalReport, shown_splits

# Room for float noise only: any real loss of a fact moves F1 by far more.
EPSILON = 1e-9


class Baseline(BaseModel):
    record_f1: dict[str, float] = Field(description="split -> record F1 (dev, test, total; rla, total ...)")
    accounts_fact_f1: dict[str, float] = Field(default_factory=dict, description="split -> fact F1 of the final-accounts "
                                                                                  "tables (section 6); empty: not gated")
    variant: str = "none"
    mode: str | None = None
    created: str | None = None
    note: str | None = None
    tolerance: float = Field(default=EPSILON, ge=0, description="how far below the baseline still passes; float noise only unless the note says why")
    selected_splits: list[str] | None = Field(default=None, description="--split of the run it was taken from; a gated run must select the same")


class GateResult(BaseModel):
    passed: bool
    lines: list[str]


def baseline_from(report: EvalReport) -> Baseline:
    return Baseline(
        record_f1={s: report.splits[s]["metrics"]["record"]["f1"] for s in shown_splits(report)},
        accounts_fact_f1={s: b["metrics"]["fact"]["f1"] for s, b in report.accounts.items() if b["documents"]},
        variant=report.run.variant,
        mode=report.run.mode,
        created=report.run.created,
        selected_splits=report.run.selected_splits,
    )


def write_baseline(report: EvalReport, path: Path) -> Baseline:
    """This run's record F1 as the baseline at PATH; a baseline already there keeps its note and tolerance."""
    baseline = baseline_from(report)
    if Path(path).is_file():
        try:
            old = read_baseline(path)
        except ReportError:
            old = None
        if old is not None:
            baseline.note, baseline.tolerance = old.note, old.tolerance
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(baseline.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return baseline


def read_baseline(path: Path) -> Baseline:
    try:
        return Baseline.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise ReportError("no such baseline; create it with --write-baseline", source=str(path)) from exc
    except (OSError, ValueError, ValidationError) as exc:
        raise ReportError(f"not a baseline: {exc}", source=str(path)) from exc


def check(report: EvalReport, baseline: Baseline, *, epsilon: float = EPSILON) -> GateResult:
    epsilon = max(epsilon, baseline.tolerance)
    lines, passed = [], True
    if (baseline.variant, baseline.mode) != (report.run.variant, report.run.mode):
        passed = False
        lines.append(f"FAIL baseline was taken with variant={baseline.variant} mode={baseline.mode}, "
                     f"this run has variant={report.run.variant} mode={report.run.mode}")
    if baseline.selected_splits != report.run.selected_splits:
        passed = False
        lines.append(f"FAIL baseline was taken with --split {' '.join(baseline.selected_splits or ['(all)'])}, "
                     f"this run has --split {' '.join(report.run.selected_splits or ['(all)'])}")
    for split, floor in baseline.record_f1.items():
        if split not in report.splits or not report.splits[split]["documents"]:
            passed = False
            lines.append(f"FAIL {split}: no documents in this run (baseline {100 * floor:.2f})")
            continue
        now = report.splits[split]["metrics"]["record"]["f1"]
        ok = now >= floor - epsilon
        passed &= ok
        lines.append(f"{'ok  ' if ok else 'FAIL'} {split}: record F1 {100 * now:.2f} (baseline {100 * floor:.2f}, {100 * (now - floor):+.2f})")
    for split, floor in baseline.accounts_fact_f1.items():
        block = report.accounts.get(split)
        if not block or not block["documents"]:
            passed = False
            lines.append(f"FAIL {split}: no document labels the final-accounts tables (baseline {100 * floor:.2f})")
            continue
        now = block["metrics"]["fact"]["f1"]
        ok = now >= floor - epsilon
        passed &= ok
        lines.append(f"{'ok  ' if ok else 'FAIL'} {split}: final-accounts fact F1 {100 * now:.2f} (baseline {100 * floor:.2f}, "
                     f"{100 * (now - floor):+.2f})")
    return GateResult(passed=passed, lines=lines)
