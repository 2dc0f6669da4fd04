"""``jixiao extract`` and ``jixiao bench``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from jixiao.cli_errors import typed_errors
from jixiao.pipelines.outputs import one_line, safe_stem, write_replacing  # noqa: F401  (their old home)


class FormatOption(str, Enum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


class ModeOption(str, Enum):
    combined = "combined"
    parser = "parser"
    tagger = "tagger"


def _summary(result) -> str:
    tail = f" ({'; '.join(result.notes)})" if result.notes else ""
    return f"{result.projects} projects, {result.indicators} indicators, {result.checks} checks{tail}"


@typed_errors
def extract(
    files: list[Path] = typer.Argument(..., help="report files: text (UTF-8, UTF-8 with BOM, UTF-16, GB18030/GBK), PDF, DOCX, XLSX, "
                                                   "DOC/WPS, XLS/ET, HTML/MHTML, images; "
                                                   "an archive (ZIP, tar.gz, 7z) is read as its members, each one input"),
    output: Path | None = typer.Option(None, "-o", "--output", help="write DIR/<stem>.json per input (<stem>-2.json … when stems "
                                                                     "repeat), DIR/<stem>.error.json for an input that failed"),
    mode: ModeOption = typer.Option(ModeOption.combined, "--mode", help="parser, tagger or both combined"),
    compact: bool = typer.Option(False, "--compact", help="one-line JSON"),
    no_provenance: bool = typer.Option(False, "--no-provenance", help="leave provenance/confidence out of the JSON"),
    timeout: float | None = typer.Option(None, "--timeout", min=0.0,
                                         help="seconds per file: a file past it fails with request.timeout, the others go on"),
    workers: int = typer.Option(0, "--workers", "-j", min=0,
                                help="worker processes, each loading the model once (0: all cores; 1 without --timeout: "
                                     "in this process)"),
    manifest: Path | None = typer.Option(None, "--manifest", help="JSON lines, one per input as it finishes: status "
                                                                   "(ok | error | skipped), error code, sha256, timing"),
    force: bool = typer.Option(False, "--force", help="with -o: redo inputs whose output is current (same sha256 and "
                                                       "extractor version); by default a rerun skips them"),
    fmt: FormatOption = typer.Option(FormatOption.json, "--format", help="with -o, csv or parquet also write flat "
                                     "tables: DIR/projects, indicators, final_accounts (one row per value), errors "
                                     "(docs/flat-rows.md)"),
    ray: str | None = typer.Option(None, "--ray", metavar="ADDRESS", help="run on Ray Data with --workers actors: "
                                   "local (start Ray here), auto (this machine's cluster) or ray://HOST:PORT "
                                   "(needs the ray extra)"),
) -> None:
    """Extract project records from performance self-evaluation reports.

    One file: its record as JSON. Several files: JSON lines, one per input in order (a record, or
    {"source", "error": {"code", "message"}} for a file that failed). Exit code 1 when any file failed.
    With -o a rerun of the same command skips the inputs already done (resumable after a kill).
    """
    from rich.console import Console

    from jixiao.config import get_settings
    from jixiao.pipelines.batch import Batch, BatchOptions, all_cores
    from jixiao.pipelines.outputs import remove_leftovers

    err = Console(stderr=True)
    if fmt != FormatOption.json and output is None:
        raise typer.BadParameter("needs -o DIR (the tables are files in it)", param_hint="--format")
    if output is not None:
        _prepare_output(output, err)
        remove_leftovers(output)  # a killed run's temporary files: never a finished output
    options = BatchOptions(mode=mode.value, workers=workers or all_cores(), timeout=timeout, output=output,
                           force=force, compact=compact, no_provenance=no_provenance,
                           keep_records=fmt != FormatOption.json)
    batch = Batch(files, options, get_settings())
    # several inputs, or one archive (its members): JSON lines, line i answering input i
    json_lines = output is None and (len(files) > 1 or batch.paths != files)
    options.compact = compact or json_lines
    flat = None
    if fmt != FormatOption.json:
        from jixiao.pipelines.flat_rows import FlatWriter

        flat = FlatWriter(output, fmt.value)
    if ray is not None:
        from jixiao.pipelines.ray_batch import run_on_ray

        results = run_on_ray(batch, ray)
    else:
        results = batch.run()
    failed = _run_batch(batch, results, err, manifest, json_lines=json_lines, flat=flat)
    if flat is not None:
        for path in flat.close():
            typer.echo(f"rows -> {one_line(str(path))}")
    if failed:
        raise typer.Exit(code=1)


def _run_batch(batch, results, err, manifest: Path | None, *, json_lines: bool, flat=None) -> int:
    """Run the batch under a progress bar, writing the manifest as results come and stdout in input order;
    the number of inputs that failed."""
    from jixiao.pipelines.batch import manifest_entry
    from jixiao.pipelines.progress import batch_progress

    pending: dict = {}
    next_index, failed = 0, 0
    try:
        log = open(manifest, "w", encoding="utf-8", buffering=1) if manifest is not None else None  # noqa: SIM115
    except OSError as exc:
        err.print(f"{one_line(str(manifest))}: error output.unwritable: {exc.strerror or exc}", markup=False,
                  highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None
    try:
        with batch_progress(err, len(batch.paths)) as bar:
            for result in results:
                if log is not None:
                    log.write(json.dumps(manifest_entry(result, batch.version), ensure_ascii=False) + "\n")
                failed += result.status == "error"
                bar.done(result)
                pending[result.index] = result
                while next_index in pending:  # stdout keeps the order of the inputs
                    result = pending.pop(next_index)
                    _emit(result, err, json_lines)
                    if flat is not None:  # the tables keep the order of the inputs too
                        if result.record is not None:
                            flat.add(result.record)
                        elif result.code is not None:
                            flat.add_error(result.name, result.code, result.message)
                    next_index += 1
    finally:
        if log is not None:
            log.close()
    return failed


def _emit(result, err, json_lines: bool) -> None:
    if result.status == "error":
        _report_error(err, result.name, result.code, result.message, json_lines)
    elif result.output is not None:
        from jixiao.pipelines.ingest import source_name

        verb = "skipped, current" if result.status == "skipped" else _summary(result)
        if result.status == "skipped" and result.code:
            verb = f"skipped, failed before with {result.code}"
        typer.echo(f"{one_line(result.name)}: {verb} -> {one_line(source_name(result.output))}")
    else:
        sys.stdout.write(result.payload + "\n")  # the record; with several inputs a JSON line


def _prepare_output(output: Path, err) -> None:
    """Create the output folder up front: a bad -o must fail before any work, with a message."""
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = "exists and is not a folder" if output.exists() and not output.is_dir() else (exc.strerror or str(exc))
        err.print(f"{output}: error output.unwritable: {reason}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None


def _report_error(err, name: str, code: str, message: str, json_lines: bool) -> None:
    """Stderr always (one line); in JSON-lines mode also an error line on stdout, so line i answers input i."""
    err.print(f"{one_line(name)}: error {code}: {one_line(message)}", markup=False, highlight=False, soft_wrap=True)
    if json_lines:
        sys.stdout.write(json.dumps({"source": name, "error": {"code": code, "message": message}}, ensure_ascii=False) + "\n")


@typed_errors
def bench(
    files: list[Path] = typer.Argument(None, help="documents (default: the seeds in JIXIAO_SEEDS_DIR or ../shared/seeds, else examples/)"),
    repeat: int = typer.Option(3, "--repeat", "-n", min=1),
    mode: ModeOption = typer.Option(ModeOption.parser, "--mode"),
    collapsed: bool = typer.Option(False, "--collapsed", help="replace newlines and tabs by spaces first"),
    json_out: Path | None = typer.Option(None, "--json", help="also write the numbers as JSON"),
    batch: bool = typer.Option(False, "--batch", help="batch throughput instead: files/s with --workers 1 and 2 (and "
                               "Ray), worker memory over a long run, CPU time against jieba.lcut (bench/results/)"),
    batch_files: int = typer.Option(200, "--batch-files", min=1, help="--batch: documents in the timed batch"),
    memory_files: int = typer.Option(2000, "--memory-files", min=0, help="--batch: documents in the memory run (0: none)"),
    ray: bool = typer.Option(True, "--ray/--no-ray", help="--batch: also time Ray with 2 actors (needs the ray extra)"),
) -> None:
    """Throughput per stage (KB/s, ms per document) and peak memory of the extraction pipeline."""
    if batch:
        from jixiao.pipelines.bench_batch import bench_batch

        bench_batch(files, batch_files=batch_files, memory_files=memory_files, ray=ray, json_out=json_out)
        return
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
