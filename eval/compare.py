"""Two saved runs side by side: metric deltas, documents that moved, facts newly broken or fixed."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from jixiao.eval.metrics import FactError
from jixiao.eval.report import EvalReport, wide_console

# (name in the table, path into a metrics dict)
HEADLINES = (
    ("project F1", ("project", "f1")),
    ("indicator F1", ("indicator", "f1")),
    ("field accuracy", ("field_accuracy",)),
    ("record P", ("record", "precision")),
    ("record R", ("record", "recall")),
    ("record F1", ("record", "f1")),
)
# Smaller moves are float noise, not a change.
MOVE_EPS = 1e-9


class MetricDelta(BaseModel):
    split: str
    metric: str
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a


class DocumentDelta(BaseModel):
    name: str
    split: str
    a: float
    b: float


class FactChange(BaseModel):
    document: str
    error: FactError  # as it stands in the run where the fact is wrong


class Comparison(BaseModel):
    metrics: list[MetricDelta]
    worse: list[DocumentDelta]
    better: list[DocumentDelta]
    newly_broken: list[FactChange]
    newly_fixed: list[FactChange]
    warnings: list[str]


def _get(m: dict[str, Any], path: tuple[str, ...]) -> float | None:
    for key in path:
        m = m.get(key) if isinstance(m, dict) else None
    return m  # type: ignore[return-value]


def compare(a: EvalReport, b: EvalReport) -> Comparison:
    warnings = []
    if (a.run.variant, a.run.mode) != (b.run.variant, b.run.mode):
        warnings.append(f"runs differ in variant/mode: A {a.run.variant}/{a.run.mode}, B {b.run.variant}/{b.run.mode}")
    empty: dict[str, Any] = {"documents": 0, "metrics": None}
    blocks_a, blocks_b = ({s: r.splits.get(s, empty) for s in [*a.splits, *b.splits]} for r in (a, b))
    metrics = [
        MetricDelta(split=s, metric=label, a=_get(blocks_a[s]["metrics"] or {}, path), b=_get(blocks_b[s]["metrics"] or {}, path))
        for s in blocks_a for label, path in HEADLINES
        if blocks_a[s]["documents"] or blocks_b[s]["documents"]
    ]
    docs_a, docs_b = {d.name: d for d in a.documents}, {d.name: d for d in b.documents}
    for name in sorted(docs_a.keys() ^ docs_b.keys()):
        warnings.append(f"{name} is only in run {'A' if name in docs_a else 'B'}; left out of the document comparison")
    worse, better, broken, fixed = [], [], [], []
    for name in [n for n in docs_a if n in docs_b]:
        da, db = docs_a[name], docs_b[name]
        if da.gold_sha256 != db.gold_sha256:
            warnings.append(f"{name}: gold labels differ between the runs; fact changes may reflect relabeling")
        fa, fb = da.metrics["record"]["f1"], db.metrics["record"]["f1"]
        move = DocumentDelta(name=name, split=da.split, a=fa, b=fb)
        if fb < fa - MOVE_EPS:
            worse.append(move)
        elif fb > fa + MOVE_EPS:
            better.append(move)
        keys_a = {e.key: e for e in da.errors}
        keys_b = {e.key: e for e in db.errors}
        broken += [FactChange(document=name, error=e) for k, e in keys_b.items() if k not in keys_a]
        fixed += [FactChange(document=name, error=e) for k, e in keys_a.items() if k not in keys_b]
    worse.sort(key=lambda d: d.b - d.a)
    better.sort(key=lambda d: d.a - d.b)
    return Comparison(metrics=metrics, worse=worse, better=better, newly_broken=broken, newly_fixed=fixed, warnings=warnings)


def _fmt(x: float | None, signed: bool = False) -> str:
    if x is None:
        return "–"
    return f"{100 * x:+.2f}" if signed else f"{100 * x:.2f}"


def print_comparison(c: Comparison, *, console: Any = None, limit: int = 30) -> None:
    from rich.table import Table

    console = console or wide_console()
    for w in c.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
    table = Table(title="metric deltas (B − A, in points)")
    for col in ("split", "metric", "A", "B", "Δ"):
        table.add_column(col, justify="right" if col in ("A", "B", "Δ") else "left")
    for m in c.metrics:
        d = m.delta
        style = None if d is None or abs(d) <= MOVE_EPS else ("green" if d > 0 else "red")
        table.add_row(m.split, m.metric, _fmt(m.a), _fmt(m.b), _fmt(d, signed=True), style=style)
    console.print(table)
    for title, docs in (("documents that got worse", c.worse), ("documents that got better", c.better)):
        console.print(f"[bold]{title}[/bold]: {len(docs)}")
        for d in docs:
            console.print(f"  {d.name} ({d.split}): record F1 {_fmt(d.a)} -> {_fmt(d.b)} ({_fmt(d.b - d.a, signed=True)})")
    for title, facts in (("facts newly broken", c.newly_broken), ("facts newly fixed", c.newly_fixed)):
        console.print(f"[bold]{title}[/bold]: {len(facts)}")
        for f in facts[:limit]:
            e = f.error
            where = " / ".join(x for x in (e.project, e.indicator) if x)
            console.print(f"  {f.document}: {e.kind} {where} · {e.field}: gold {e.gold!r}, predicted {e.pred!r}", markup=False, highlight=False)
        if len(facts) > limit:
            console.print(f"  … {len(facts) - limit} more (see --json)")
