"""``jixiao extract`` and ``jixiao bench``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer


class ModeOption(str, Enum):
    combined = "combined"
    parser = "parser"
    tagger = "tagger"


def _summary(record) -> str:
    n_ind = sum(len(p.indicators) for p in record.projects)
    n_checks = sum(len(p.checks) for p in record.projects) + len(record.checks)
    notes = record.meta.get("notes") or []
    tail = f" ({'; '.join(notes)})" if notes else ""
    return f"{len(record.projects)} projects, {n_ind} indicators, {n_checks} checks{tail}"


def extract(
    files: list[Path] = typer.Argument(..., help="report files (text: UTF-8, UTF-8 with BOM, GB18030/GBK)"),
    output: Path | None = typer.Option(None, "-o", "--output", help="write DIR/<stem>.json per input"),
    mode: ModeOption = typer.Option(ModeOption.combined, "--mode", help="parser, tagger or both combined"),
    compact: bool = typer.Option(False, "--compact", help="one-line JSON"),
    no_provenance: bool = typer.Option(False, "--no-provenance", help="leave provenance/confidence out of the JSON"),
) -> None:
    """Extract project records from performance self-evaluation reports."""
    from rich.console import Console
    from rich.progress import Progress

    from jixiao.errors import JixiaoError
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.ingest import load_path

    err = Console(stderr=True)
    extractor = Extractor.from_settings(load_tagger=(mode != ModeOption.parser))
    exclude = {"projects": {"__all__": {"provenance": True, "confidence": True,
                                        "indicators": {"__all__": {"provenance": True, "confidence": True}}}}} if no_provenance else None
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
    failed = 0
    with Progress(console=err, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            try:
                doc = load_path(path)
                record = extractor.extract(doc, mode=mode.value)
            except JixiaoError as exc:
                failed += 1
                err.print(f"{path}: error {exc.code}: {exc.message}", markup=False, highlight=False, soft_wrap=True)
                progress.advance(task)
                continue
            except Exception as exc:  # a parser bug on one file must not stop the others
                failed += 1
                err.print(f"{path}: error internal: {type(exc).__name__}: {exc}", markup=False, highlight=False, soft_wrap=True)
                progress.advance(task)
                continue
            payload = record.model_dump_json(indent=None if compact else 2, exclude=exclude)
            if output is not None:
                out = output / f"{path.stem}.json"
                out.write_text(payload + "\n", encoding="utf-8")
                typer.echo(f"{path}: {_summary(record)} -> {out}")
            elif len(files) == 1:
                sys.stdout.write(payload + "\n")
            else:
                sys.stdout.write(record.model_dump_json(exclude=exclude) + "\n")  # JSON lines
            progress.advance(task)
    if failed:
        raise typer.Exit(code=1)


def bench(
    files: list[Path] = typer.Argument(None, help="documents (default: shared seeds, else examples/)"),
    repeat: int = typer.Option(3, "--repeat", "-n", min=1),
    mode: ModeOption = typer.Option(ModeOption.parser, "--mode"),
    collapsed: bool = typer.Option(False, "--collapsed", help="replace newlines and tabs by spaces first"),
    json_out: Path | None = typer.Option(None, "--json", help="also write the numbers as JSON"),
) -> None:
    """Throughput per stage (KB/s, ms per document) and peak memory of the extraction pipeline."""
    from rich.console import Console
    from rich.progress import Progress

    from jixiao.config import REPO_ROOT
    from jixiao.pipelines.bench import render, run_bench

    if not files:
        seeds = sorted(Path("/work/shared/seeds").glob("*.txt"))
        files = seeds or sorted((REPO_ROOT / "examples").glob("*.txt"))
    if not files:
        raise typer.BadParameter("no documents to benchmark")
    console = Console()
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("benchmarking", total=len(files))
        result = run_bench(list(files), repeat=repeat, mode=mode.value, collapsed=collapsed,
                           progress=lambda: progress.advance(task))
    console.print(render(result))
    if json_out is not None:
        json_out.write_text(json.dumps(result.model_dump(), ensure_ascii=False, indent=2), encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("bench")(bench)
