"""The evaluation report: per document, per split (dev, test or rla, rlb ..., and total) and per layout family,
as JSON, Markdown and a rich table."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from jixiao.eval.accounts import AccountsSummary
from jixiao.eval.checks import ChecksSummary, checks_markdown, print_checks_table
from jixiao.eval.errors import ReportError
from jixiao.eval.metrics import ALL_FIELDS, FactError, Summary, pool

REPORT_VERSION = 1
# The seeds' splits: always in a report of data/dev (empty ones included), and first in any report.
SPLITS = ("dev", "test", "total")
TOTAL = "total"
NO_FAMILY = "–"


class RunInfo(BaseModel):
    gold_dir: str
    predictions: str = Field(description="a prediction folder, or 'extractor'")
    mode: str | None = None
    variant: str = "none"
    seed: int | None = None
    created: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    extractor_seconds: float | None = None
    selected_splits: list[str] | None = Field(default=None, description="--split: the splits (or name prefixes) kept")


class DocumentResult(BaseModel):
    name: str
    split: str
    gold_sha256: str
    family: str | None = Field(default=None, description="layout family from the manifest")
    load_error: str | None = Field(default=None, description="the typed error ('code: message') the loader raised on "
                                                             "an original file; its prediction is then empty")
    summary: Summary
    metrics: dict[str, Any]
    errors: list[FactError]
    accounts: AccountsSummary | None = Field(default=None, description="section 6 counts; None where the gold does not "
                                                                         "label the final-accounts tables")
    checks: ChecksSummary = Field(default_factory=ChecksSummary, description="the consistency checks on the reading "
                                                                             "against those on the gold (eval/checks.py)")


class EvalReport(BaseModel):
    version: int = REPORT_VERSION
    run: RunInfo
    documents: list[DocumentResult]
    splits: dict[str, dict[str, Any]] = Field(description="metrics (and their counts) of each split and the total")
    families: dict[str, dict[str, dict[str, Any]]] = Field(
        default_factory=dict, description="layout family -> split (and total) -> metrics; empty when no document has a family")
    accounts: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="section 6 (final-accounts tables): split (and total) -> table/row/fact "
                                          "metrics of the documents labeling it, and per table kind; apart from the project metrics")
    checks: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="split (and total) -> check code -> raised / agreed / false alarms / missed, "
                                          "precision and recall of the checks against the gold's (eval/checks.py)")


def split_block(summary: Summary, n_docs: int) -> dict[str, Any]:
    # A split without documents has no scores (not a perfect one).
    return {"documents": n_docs, "metrics": summary.metrics() if n_docs else None, "counts": summary.model_dump()}


def split_names(documents: list[DocumentResult]) -> list[str]:
    """dev and test (always, as the seeds' reports have them), then the documents' other splits in order, then total."""
    seen = dict.fromkeys(SPLITS[:-1])
    seen.update(dict.fromkeys(d.split for d in documents))
    return [*seen, TOTAL]


def build_report(run: RunInfo, documents: list[DocumentResult], family_order: Sequence[str] = ()) -> EvalReport:
    """Blocks per split and total, and per layout family (in FAMILY_ORDER, the manifest's, then as they come) and split."""
    def blocks(docs: list[DocumentResult], names: list[str]) -> dict[str, dict[str, Any]]:
        picked = {s: [d for d in docs if s == TOTAL or d.split == s] for s in names}
        return {s: split_block(pool(d.summary for d in ds), len(ds)) for s, ds in picked.items()}

    names = split_names(documents)
    if any(s not in SPLITS for s in names):  # a folder of rla/rlb documents: no empty dev/test blocks
        names = [s for s in names if s not in SPLITS[:-1] or any(d.split == s for d in documents)]
    families: dict[str, dict[str, dict[str, Any]]] = {}
    if any(d.family for d in documents):
        present = {d.family or NO_FAMILY for d in documents}
        for family in dict.fromkeys([*(f for f in family_order if f in present), *(d.family or NO_FAMILY for d in documents)]):
            docs = [d for d in documents if (d.family or NO_FAMILY) == family]
            families[family] = blocks(docs, names)
    checks = {s: sum((d.checks for d in documents if s == TOTAL or d.split == s), ChecksSummary()).metrics()
              for s in names if any(s == TOTAL or d.split == s for d in documents)}
    return EvalReport(run=run, documents=documents, splits=blocks(documents, names), families=families,
                      accounts=accounts_blocks(documents, names), checks=checks)


def accounts_blocks(documents: list[DocumentResult], names: list[str]) -> dict[str, dict[str, Any]]:
    """Section 6 per split and total, over the documents whose gold labels it; {} when none does."""
    labeled = [d for d in documents if d.accounts is not None]
    if not labeled:
        return {}
    out = {}
    for s in names:
        docs = [d for d in labeled if s == TOTAL or d.split == s]
        pooled = sum((d.accounts for d in docs), AccountsSummary())  # type: ignore[misc]
        out[s] = {"documents": len(docs), "metrics": pooled.metrics() if docs else None, "counts": pooled.model_dump()}
    return out


def shown_splits(report: EvalReport) -> list[str]:
    """The report's splits that hold documents, total last."""
    return [s for s, block in report.splits.items() if block["documents"]]


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
    rows += [(TOTAL_LABEL, report.splits[s]["metrics"], s) for s in shown_splits(report)]
    return rows


def family_rows(report: EvalReport) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Record F1 per layout family (rows) and split (columns): `F1 (n)` with n the family's documents there."""
    columns = shown_splits(report)
    rows = []
    for family, blocks in report.families.items():
        cells = []
        for split in columns:
            block = blocks.get(split)
            cells.append(f"{_pct(block['metrics']['record']['f1'])} ({block['documents']})" if block and block["documents"] else "")
        rows.append((family, cells))
    rows.append((TOTAL_LABEL, [f"{_pct(report.splits[s]['metrics']['record']['f1'])} ({report.splits[s]['documents']})"
                               for s in columns]))
    return columns, rows


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
    if report.families:
        columns, rows = family_rows(report)
        lines += ["", "## Record F1 per layout family (documents in brackets)", "",
                  "| family | " + " | ".join(columns) + " |", "| --- |" + " ---: |" * len(columns)]
        for family, cells in rows:
            if family == TOTAL_LABEL:
                cells = [f"**{c}**" for c in cells]
            lines.append(f"| {family} | " + " | ".join(cells) + " |")
    shown = shown_splits(report)
    lines += ["", "## Field accuracy (correct / counted)", "", "| field | " + " | ".join(shown) + " |",
              "| --- |" + " ---: |" * len(shown)]
    for field in ALL_FIELDS:
        cells = []
        for split in shown:
            t = report.splits[split]["counts"]["fields"][field]
            cells.append(f"{_pct(t['correct'] / t['total'] if t['total'] else None)} ({t['correct']}/{t['total']})")
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    if report.accounts:
        lines += ["", "## Final-accounts tables (section 6)", "",
                  "| document / kind | split | " + " | ".join(ACCOUNTS_COLUMNS) + " |",
                  "| --- | --- |" + " ---: |" * len(ACCOUNTS_COLUMNS)]
        lines += [f"| {label} | {split} | " + " | ".join(accounts_cells(m)) + " |" for label, split, m in accounts_rows(report)]
    if report.checks.get(TOTAL):
        lines += ["", "## Consistency checks against the gold's (all splits)", "", checks_markdown(report.checks[TOTAL])]
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
    for d in report.documents:
        if d.load_error is not None:
            console.print(f"[yellow]{d.name}: not read ({d.load_error}); scored as an empty prediction[/yellow]", markup=True)
    if report.families:
        print_family_table(report, console)
    if report.accounts:
        print_accounts_table(report, console)
    if report.checks.get(TOTAL):
        print_checks_table(report.checks[TOTAL], console,
                           title="consistency checks on the reading against the same checks on the gold (all splits)")


ACCOUNTS_COLUMNS = ("table P", "table R", "table F1", "row P", "row R", "row F1", "fact P", "fact R", "fact F1")


def accounts_cells(m: dict[str, Any]) -> list[str]:
    return [_pct(m[level][k]) for level in ("table", "row", "fact") for k in ("precision", "recall", "f1")]


def accounts_rows(report: EvalReport) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, split, metrics): each labeled document, each split's total, then each table kind in the total."""
    rows = [(d.name, d.split, d.accounts.metrics()) for d in report.documents if d.accounts is not None]
    rows += [(TOTAL_LABEL, s, b["metrics"]) for s, b in report.accounts.items() if b["documents"]]
    total = report.accounts.get(TOTAL)
    if total and total["metrics"]:
        rows += [(f"kind: {k}", TOTAL, m) for k, m in total["metrics"]["kinds"].items()]
    return rows


def print_accounts_table(report: EvalReport, console: Any = None) -> None:
    from rich.table import Table

    console = console or wide_console()
    table = Table(title="final-accounts tables (contract section 6; scores in %)")
    table.add_column("document / kind")
    table.add_column("split")
    for col in ACCOUNTS_COLUMNS:
        table.add_column(col, justify="right", style="bold" if col == "fact F1" else None)
    for label, split, m in accounts_rows(report):
        table.add_row(label, split, *accounts_cells(m))
    console.print(table)


def print_family_table(report: EvalReport, console: Any = None) -> None:
    from rich.table import Table

    console = console or wide_console()
    columns, rows = family_rows(report)
    table = Table(title="record F1 per layout family (%, documents in brackets)")
    table.add_column("family")
    for col in columns:
        table.add_column(col, justify="right")
    for family, cells in rows[:-1]:
        table.add_row(family, *cells)
    table.add_section()
    table.add_row(rows[-1][0], *rows[-1][1], style="bold")
    console.print(table)
