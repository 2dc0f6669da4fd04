"""``jixiao extract`` and ``jixiao bench``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from jixiao.cli_errors import typed_errors


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


@typed_errors
def extract(
    files: list[Path] = typer.Argument(..., help="report files: text (UTF-8, UTF-8 with BOM, UTF-16, GB18030/GBK), PDF, DOCX, XLSX"),
    output: Path | None = typer.Option(None, "-o", "--output", help="write DIR/<stem>.json per input (<stem>-2.json … when stems repeat)"),
    mode: ModeOption = typer.Option(ModeOption.combined, "--mode", help="parser, tagger or both combined"),
    compact: bool = typer.Option(False, "--compact", help="one-line JSON"),
    no_provenance: bool = typer.Option(False, "--no-provenance", help="leave provenance/confidence out of the JSON"),
    timeout: float | None = typer.Option(None, "--timeout", min=0.0,
                                         help="seconds per file: a file past it fails with request.timeout, the others go on"),
) -> None:
    """Extract project records from performance self-evaluation reports.

    One file: its record as JSON. Several files: JSON lines, one per input in order (a record, or
    {"source", "error": {"code", "message"}} for a file that failed). Exit code 1 when any file failed.
    """
    from rich.console import Console
    from rich.progress import Progress

    from jixiao.deadline import Deadline
    from jixiao.errors import JixiaoError
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.ingest import load_path

    err = Console(stderr=True)
    if output is not None:
        _prepare_output(output, err)
    extractor = Extractor.from_settings(load_tagger=(mode != ModeOption.parser))
    exclude = {"projects": {"__all__": {"provenance": True, "confidence": True,
                                        "indicators": {"__all__": {"provenance": True, "confidence": True}}}}} if no_provenance else None
    json_lines = output is None and len(files) > 1
    used_names: set[str] = set()
    failed = 0
    with Progress(console=err, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            deadline = Deadline.after(timeout)  # reading the file counts towards the limit
            try:
                doc = load_path(path, deadline=deadline)
                record = extractor.extract(doc, mode=mode.value, deadline=deadline)
            except JixiaoError as exc:
                failed += 1
                _report_error(err, path, exc.code, exc.message, json_lines)
                progress.advance(task)
                continue
            except Exception as exc:  # a parser bug on one file must not stop the others
                failed += 1
                _report_error(err, path, "internal", f"{type(exc).__name__}: {exc}", json_lines)
                progress.advance(task)
                continue
            payload = record.model_dump_json(indent=None if compact else 2, exclude=exclude)
            if output is not None:
                out = output / _output_name(path, used_names)
                try:
                    out.write_text(payload + "\n", encoding="utf-8")
                except OSError as exc:
                    err.print(f"{out}: error output.unwritable: {exc.strerror or exc}", markup=False, highlight=False, soft_wrap=True)
                    raise typer.Exit(code=2) from None
                typer.echo(f"{path}: {_summary(record)} -> {out}")
            elif len(files) == 1:
                sys.stdout.write(payload + "\n")
            else:
                sys.stdout.write(record.model_dump_json(exclude=exclude) + "\n")  # JSON lines
            progress.advance(task)
    if failed:
        raise typer.Exit(code=1)


def _prepare_output(output: Path, err) -> None:
    """Create the output folder up front: a bad -o must fail before any work, with a message."""
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = "exists and is not a folder" if output.exists() and not output.is_dir() else (exc.strerror or str(exc))
        err.print(f"{output}: error output.unwritable: {reason}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None


def _output_name(path: Path, used: set[str]) -> str:
    """<stem>.json, or <stem>-2.json … when another input of this run had the same stem (a/r.txt, b/r.txt)."""
    name, n = f"{path.stem}.json", 1
    while name in used:
        n += 1
        name = f"{path.stem}-{n}.json"
    used.add(name)
    return name


def _report_error(err, path: Path, code: str, message: str, json_lines: bool) -> None:
    """Stderr always; in JSON-lines mode also an error line on stdout, so line i answers input i."""
    err.print(f"{path}: error {code}: {message}", markup=False, highlight=False, soft_wrap=True)
    if json_lines:
        sys.stdout.write(json.dumps({"source": str(path), "error": {"code": code, "message": message}}, ensure_ascii=False) + "\n")


@typed_errors
def bench(
    files: list[Path] = typer.Argument(None, help="documents (default: the seeds in JIXIAO_SEEDS_DIR or ../shared/seeds, else examples/)"),
    repeat: int = typer.Option(3, "--repeat", "-n", min=1),
    mode: ModeOption = typer.Option(ModeOption.parser, "--mode"),
    collapsed: bool = typer.Option(False, "--collapsed", help="replace newlines and tabs by spaces first"),
    json_out: Path | None = typer.Option(None, "--json", help="also write the numbers as JSON"),
) -> None:
    """Throughput per stage (KB/s, ms per document) and peak memory of the extraction pipeline."""
    from rich.console import Console
    from rich.progress import Progress

    from jixiao.config import get_settings
    from jixiao.pipelines.bench import default_files, render, run_bench

    files = files or default_files(get_settings().seeds_root)
    if not files:
        raise typer.BadParameter("no documents to benchmark")
    missing = [str(f) for f in files if not Path(f).is_file()]
    if missing:
        raise typer.BadParameter(f"not a readable file: {', '.join(missing)}", param_hint="FILES")
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
