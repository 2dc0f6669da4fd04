"""``jixiao map`` and ``jixiao taxonomy``: look a printed name up, list or export the taxonomy."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path

import typer

from jixiao.cli_errors import typed_errors


class MapKindOption(str, Enum):
    auto = "auto"
    indicator = "indicator"
    level1 = "level1"
    level2 = "level2"
    function = "function"
    economic = "economic"


class TableOption(str, Enum):
    project = "project"
    dept = "dept"


class ExportFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class TaxonomyKind(str, Enum):
    all = "all"
    indicator = "indicator"
    function = "function"
    economic = "economic"
    alias = "alias"


_FIELDS = ["id", "kind", "level", "code", "name", "parent", "alt_parents", "framework", "family",
           "budget", "confidence", "source"]


@typed_errors
def map_command(
    text: str = typer.Argument(..., help="printed name, e.g. 经费支出合规律 or '2080109 社会保险经办机构'"),
    kind: MapKindOption = typer.Option(
        MapKindOption.auto, "--kind", "-k",
        help="what the text is; auto: a level-1 or level-2 heading when printed as one, else a level-3 name"),
    table: TableOption = typer.Option(
        TableOption.project, "--table",
        help="the table the name is printed in: project (项目支出绩效自评表, the project framework) or dept "
             "(部门整体支出绩效自评表, the department-wide frameworks)"),
    level2: str | None = typer.Option(None, "--level2", help="known level-2 parent of a level-3 name"),
    code: str | None = typer.Option(None, "--code", help="printed budget code of the line"),
    as_json: bool = typer.Option(False, "--json", help="print the match result as JSON"),
) -> None:
    """Map a printed name onto the taxonomy and show the winner and the runners-up."""
    from rich.console import Console
    from rich.table import Table

    from jixiao.pipelines.map import Mapper

    mapper = Mapper.from_taxonomy()
    if kind in (MapKindOption.function, MapKindOption.economic):
        result = mapper.map(text, kind.value, code=code)
    else:
        level = {MapKindOption.level1: "1", MapKindOption.level2: "2", MapKindOption.indicator: "3"}.get(kind)
        result = mapper.resolve(text, table=table.value, level=level, level2=level2)
    if as_json:
        sys.stdout.write(result.to_json(indent=2) + "\n")
        return
    console = Console()
    used = ""
    if result.level or result.framework:
        used = f" (level {result.level or '?'}, framework {result.framework or '?'}, {table.value} table)"
    title = f"{text!r} ({kind.value}) -> {result.method}{used}"
    table = Table(title=title)
    for col in ("rank", "id", "name", "parent", "score", "method"):
        table.add_column(col)
    if result.entry is not None:
        e = result.entry
        parent = mapper.taxonomy.by_id[e.parent].name if e.parent else ""
        table.add_row("1", e.id, e.name, parent, f"{result.score:.1f}", result.method, style="bold green")
    for i, c in enumerate(result.candidates, start=2 if result.entry else 1):
        table.add_row(str(i), c.id, c.name, c.parent or "", f"{c.score:.1f}", "runner-up")
    console.print(table)
    if result.entry is None:
        console.print(f"[yellow]unmatched[/]: best score {result.score:.1f} is below the threshold")
    if result.ambiguous:
        console.print("[yellow]ambiguous[/]: the same printed name belongs to several entries; give --code or --level2")
    if result.disagreement:
        console.print(f"[red]disagreement[/]: {result.disagreement}")


@typed_errors
def taxonomy_command(
    kind: TaxonomyKind = typer.Option(TaxonomyKind.indicator, "--kind", "-k", help="which entries"),
    fmt: ExportFormat = typer.Option(ExportFormat.table, "--format", "-f", help="table, csv or json"),
    output: Path | None = typer.Option(None, "--output", "-o", help="write to a file instead of stdout"),
    level: str | None = typer.Option(None, "--level", help="only this level (1/2/3, 类/款/项)"),
) -> None:
    """List the taxonomy (version, entries with source and confidence) or export it as CSV/JSON."""
    from jixiao.pipelines.taxonomy import load_taxonomy

    tax = load_taxonomy()
    if kind is TaxonomyKind.alias:
        rows = [a.model_dump() for a in tax.aliases]
        fields = ["kind", "printed", "target", "source"]
    else:
        rows = []
        for e in tax.entries:
            if (kind is TaxonomyKind.all or e.kind == kind.value) and (level is None or e.level == level):
                d = e.model_dump(exclude={"evidence"})
                d["alt_parents"] = ";".join(e.alt_parents)
                rows.append(d)
        fields = _FIELDS
    if fmt is ExportFormat.table and output is None:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"taxonomy {tax.version}: {len(rows)} {kind.value} rows")
        if fields is _FIELDS:
            fields = ["id", "level", "code", "name", "parent", "confidence", "source"]
        for f in fields:
            table.add_column(f, overflow="fold")
        for r in rows:
            table.add_row(*("" if r.get(f) is None else str(r.get(f)) for f in fields))
        Console().print(table)
        return
    if fmt is ExportFormat.json:
        text = json.dumps({"version": tax.version, "kind": kind.value, "rows": rows}, ensure_ascii=False, indent=1)
    else:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        text = buf.getvalue()
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(rows)} rows to {output}", err=True)


@typed_errors
def eval_map_command(
    labels: Path | None = typer.Option(None, "--labels", help="labelled names (default: tests/data/mapping_labels.csv)"),
    split: str | None = typer.Option(None, "--split", help="only this split (dev, heldout)"),
    plot: Path | None = typer.Option(None, "--plot", help="write the precision-coverage curve as a PNG"),
    as_json: bool = typer.Option(False, "--json", help="print the whole report (errors and curve included) as JSON"),
) -> None:
    """How often the level-3 mapping is right: precision, coverage and recall per split, per category and per origin
    (printed, ocr, spaced, reworded), the precision-coverage curve, and any count<->rate or amount<->rate confusion."""
    from rich.console import Console
    from rich.table import Table

    from jixiao.config import REPO_ROOT
    from jixiao.pipelines.map import Mapper
    from jixiao.pipelines.map_eval import LABELS_FILE, evaluate_labels, plot_curve, read_labels

    rows = read_labels(labels or REPO_ROOT / "tests" / "data" / LABELS_FILE)
    if split:
        rows = [r for r in rows if r.split == split]
    report = evaluate_labels(Mapper.from_taxonomy(), rows)
    if plot is not None:
        plot_curve(report, plot)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    console = Console()
    for name, part in report.items():
        table = Table(title=f"{name}: {part['all']['n']} names")
        for col in ("group", "n", "precision", "coverage", "recall"):
            table.add_column(col)
        for group, sc in [("all", part["all"]), *part["groups"].items()]:
            table.add_row(group, str(sc["n"]), f"{sc['precision']:.3f}", f"{sc['coverage_labelled']:.3f}",
                          f"{sc['recall']:.3f}", style="bold" if group == "all" else None)
        console.print(table)
        console.print(f"count<->rate / amount<->rate confusions: {len(part['confusions'])}")
        console.print(f"rate<->qualitative / count<->qualitative confusions: {len(part['state_confusions'])}")
    if plot is not None:
        console.print(f"curve written to {plot}")


def register(app: typer.Typer) -> None:
    app.command("map")(map_command)
    app.command("eval-map")(eval_map_command)
    app.command("taxonomy")(taxonomy_command)
