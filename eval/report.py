"""The evaluation report: per document and per split (dev, test, total), as JSON, Markdown and a rich table."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from jixiao.eval.errors import ReportError
from jixiao.eval.metrics import ALL_FIELDS, FactError, Summary, pool

REPORT_VERSION = 1
SPLITS = ("dev", "test", "total")


class RunInfo(BaseModel):
    gold_dir: str
    predictions: str = Field(description="a prediction folder, or 'extractor'")
    mode: str | None = None
    variant: str = "none"
    seed: int | None = None
    created: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    extractor_seconds: float | None = None


class DocumentResult(BaseModel):
    name: str
    split: str
    gold_sha256: str
    summary: Summary
    metrics: dict[str, Any]
    errors: list[FactError]


class EvalReport(BaseModel):
    version: int = REPORT_VERSION
    run: RunInfo
    documents: list[DocumentResult]
    splits: dict[str, dict[str, Any]] = Field(description="metrics (and their counts) of dev, test and total")


def split_block(summary: Summary, n_docs: int) -> dict[str, Any]:
    # A split without documents has no scores (not a perfect one).
    return {"documents": n_docs, "metrics": summary.metrics() if n_docs else None, "counts": summary.model_dump()}


def build_report(run: RunInfo, documents: list[DocumentResult]) -> EvalReport:
    splits = {}
    for split in SPLITS:
        docs = [d for d in documents if split == "total" or d.split == split]
        splits[split] = split_block(pool(d.summary for d in docs), len(docs))
    return EvalReport(run=run, documents=documents, splits=splits)


def load_report(path: str | Path) -> EvalReport:
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    try:
        return EvalReport.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReportError("no such report", source=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"cannot read: {exc}", source=str(path)) from exc
    except ValidationError as exc:
        raise ReportError(f"not an evaluation report: {exc.errors()[0]['msg']}", source=str(path)) from exc


def write_json(report: EvalReport, path: Path) -> None:
    path.write_text(report.model_dump_json(indent=1), encoding="utf-8")


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.2f}"


def headline_rows(report: EvalReport) -> list[tuple[str, dict[str, Any], str]]:
    """(label, metrics, split) for every document, then the three split totals."""
    rows = [(d.name, d.metrics, d.split) for d in report.documents]
    rows += [(TOTAL_LABEL, report.splits[s]["metrics"], s) for s in SPLITS if report.splits[s]["documents"]]
    return rows


TOTAL_LABEL = "ALL"
HEADLINE_COLUMNS = ("proj P", "proj R", "proj F1", "ind P", "ind R", "ind F1", "field acc", "rec P", "rec R", "rec F1")


def headline_cells(m: dict[str, Any]) -> list[str]:
    return [
        _pct(m["project"]["precision"]), _pct(m["project"]["recall"]), _pct(m["project"]["f1"]),
        _pct(m["indicator"]["precision"]), _pct(m["indicator"]["recall"]), _pct(m["indicator"]["f1"]),
        _pct(m["field_accuracy"]),
        _pct(m["record"]["precision"]), _pct(m["record"]["recall"]), _pct(m["record"]["f1"]),
    ]


def to_markdown(report: EvalReport) -> str:
    r = report.run
    lines = [
        "# Evaluation summary",
        "",
        f"- gold: `{r.gold_dir}`; predictions: `{r.predictions}`; mode: {r.mode or '–'}; variant: {r.variant}"
        + (f" (seed {r.seed})" if r.seed is not None else "") + f"; created {r.created}",
        "- scores in %; record F1 is the headline (micro F1 over atomic facts, contract section 4.4)",
        "",
        "| document | split | " + " | ".join(HEADLINE_COLUMNS) + " |",
        "| --- | --- |" + " ---: |" * len(HEADLINE_COLUMNS),
    ]
    for label, m, split in headline_rows(report):
        bold = label == TOTAL_LABEL
        cells = headline_cells(m)
        if bold:
            cells = [f"**{c}**" for c in cells]
        lines.append(f"| {label} | {split} | " + " | ".join(cells) + " |")
    shown = [s for s in SPLITS if report.splits[s]["documents"]]
    lines += ["", "## Field accuracy (correct / counted)", "", "| field | " + " | ".join(shown) + " |",
              "| --- |" + " ---: |" * len(shown)]
    for field in ALL_FIELDS:
        cells = []
        for split in shown:
            t = report.splits[split]["counts"]["fields"][field]
            cells.append(f"{_pct(t['correct'] / t['total'] if t['total'] else None)} ({t['correct']}/{t['total']})")
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    lines += ["", "## Errors per document", "", "| document | missed | spurious | wrong |", "| --- | ---: | ---: | ---: |"]
    for d in report.documents:
        kinds = [sum(e.kind == k for e in d.errors) for k in ("missed", "spurious", "wrong")]
        lines.append(f"| {d.name} | " + " | ".join(map(str, kinds)) + " |")
    return "\n".join(lines) + "\n"


def wide_console() -> Any:
    """A rich console for the result tables: logs and pipes default to 80 columns, too narrow for them."""
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else 160)


def print_table(report: EvalReport, console: Any = None) -> None:
    from rich.table import Table

    console = console or wide_console()
    table = Table(title=f"jixiao eval — variant {report.run.variant}, mode {report.run.mode or '–'} (scores in %)")
    table.add_column("document")
    table.add_column("split")
    for col in HEADLINE_COLUMNS:
        table.add_column(col, justify="right", style="bold" if col == "rec F1" else None)
    for d in report.documents:
        table.add_row(d.name, d.split, *headline_cells(d.metrics))
    table.add_section()
    for label, m, split in headline_rows(report)[len(report.documents):]:
        table.add_row(label, split, *headline_cells(m), style="bold")
    console.print(table)
