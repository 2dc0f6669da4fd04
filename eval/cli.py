"""`jixiao eval GOLD_DIR [--pred PRED_DIR]` and `jixiao eval compare RUN_A RUN_B`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperCommand, TyperGroup

from jixiao.cli_errors import typed_errors
from jixiao.pipelines.cli import ModeOption as Mode

DEFAULT_COMMAND = "run"


class EvalGroup(TyperGroup):
    """A group whose first argument is a subcommand name or, failing that, GOLD_DIR of the default command.

    A group callback with a GOLD_DIR argument would swallow `compare` as a
    folder name; resolving known subcommands first keeps both forms.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "GOLD_DIR [OPTIONS]  |  compare RUN_A RUN_B")


class DefaultCommand(TyperCommand):
    """Shows its usage as the group's own (`jixiao eval GOLD_DIR`), since that is how it is called."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.parent.command_path if ctx.parent else ctx.command_path, "GOLD_DIR [OPTIONS]")


eval_app = typer.Typer(
    cls=EvalGroup,
    help="Score extracted records against the hand-labeled set (contract sections 3-4), or compare two runs.\n\n"
    "  jixiao eval GOLD_DIR [--pred PRED_DIR] [--mode ...] [--variant ...] [--split S] [--gate BASELINE]\n\n"
    "  jixiao eval compare RUN_A.json RUN_B.json",
    no_args_is_help=True,
    add_completion=False,
)


class VariantName(str, Enum):
    none = "none"
    collapsed = "collapsed"
    noised = "noised"
    wrapped = "wrapped"


@eval_app.command(DEFAULT_COMMAND, cls=DefaultCommand, hidden=True)
@typed_errors
def run_command(
    gold_dir: Annotated[Path, typer.Argument(help="labeled set: manifest.json (+ NAME.gold.json), or any folder of NAME.txt beside NAME.gold.json")],
    pred: Annotated[Path | None, typer.Option("--pred", help="folder of predicted records NAME.json; default: run the extractor")] = None,
    mode: Annotated[Mode | None, typer.Option(help="extractor mode (default combined)")] = None,
    variant: Annotated[VariantName, typer.Option(help="collapsed: newlines/tabs -> spaces; noised: seeded layout/OCR noise; wrapped: lines broken at a page's width")] = VariantName.none,
    seed: Annotated[int, typer.Option(help="seed of the noised variant")] = 0,
    split: Annotated[list[str] | None, typer.Option(
        "--split", help="only this split (manifest split, or name prefix: rla, rlb); repeatable; default: all, each reported apart")] = None,
    out: Annotated[Path, typer.Option(help="folder for report.json, summary.md, report.html (and predictions/)")] = Path("runs/eval"),
    gate: Annotated[Path | None, typer.Option(help="baseline JSON: exit 1 when record F1 (total or a split) falls below it")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="write this run's record F1 as the baseline")] = None,
    html: Annotated[bool, typer.Option(help="write the HTML report")] = True,
) -> None:
    """Evaluate GOLD_DIR; prints a table and writes JSON, Markdown and HTML reports."""
    from jixiao.eval.gate import check, read_baseline
    from jixiao.eval.gate import write_baseline as save_baseline
    from jixiao.eval.report import print_table, to_markdown, write_json
    from jixiao.eval.run import evaluate

    baseline = read_baseline(gate) if gate is not None else None  # fail before a long run, not after
    out.mkdir(parents=True, exist_ok=True)
    report = evaluate(
        gold_dir, pred_dir=pred, mode=mode.value if mode else None, variant=variant.value, seed=seed,
        save_predictions=out / "predictions" if pred is None else None,
        show_progress=sys.stderr.isatty(), splits=split or None,
    )
    print_table(report)
    write_json(report, out / "report.json")
    (out / "summary.md").write_text(to_markdown(report), encoding="utf-8")
    written = [out / "report.json", out / "summary.md"]
    if html:
        from jixiao.eval.html import write_html

        write_html(report, out / "report.html")
        written.append(out / "report.html")
    typer.echo("wrote " + ", ".join(str(p) for p in written))
    if write_baseline is not None:
        save_baseline(report, write_baseline)
        typer.echo(f"wrote baseline {write_baseline}")
    if baseline is not None:
        result = check(report, baseline)
        for line in result.lines:
            typer.echo(f"gate: {line}")
        if not result.passed:
            typer.echo("gate: FAILED — record F1 (or final-accounts fact F1) fell below the committed baseline", err=True)
            raise typer.Exit(1)
        typer.echo("gate: passed")


@eval_app.command("compare")
@typed_errors
def compare_command(
    run_a: Annotated[Path, typer.Argument(help="report.json of the earlier run (or its folder)")],
    run_b: Annotated[Path, typer.Argument(help="report.json of the later run (or its folder)")],
    json_out: Annotated[Path | None, typer.Option("--json", help="also write the comparison as JSON")] = None,
    limit: Annotated[int, typer.Option(help="facts listed per section")] = 30,
) -> None:
    """Metric deltas (B − A), documents that got worse or better, facts newly broken and newly fixed."""
    from jixiao.eval.compare import compare, print_comparison
    from jixiao.eval.report import load_report

    comparison = compare(load_report(run_a), load_report(run_b))
    print_comparison(comparison, limit=limit)
    if json_out is not None:
        json_out.write_text(comparison.model_dump_json(indent=1), encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
