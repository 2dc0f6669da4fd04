"""``jixiao extract`` and ``jixiao bench``."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
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
    from jixiao.pipelines.ingest import load_path, source_name

    err = Console(stderr=True)
    if output is not None:
        _prepare_output(output, err)
    # With --timeout each file is extracted in a worker process, killed at the limit (a thread cannot be stopped)
    worker = None
    if timeout is not None:
        from jixiao.config import get_settings
        from jixiao.pipelines.isolate import Job, WorkerProcess

        settings = get_settings()
        worker = WorkerProcess(settings, load_tagger=(mode != ModeOption.parser), memory_mb=settings.worker_memory_mb or None)
        worker.wait_ready(120)
    else:
        extractor = Extractor.from_settings(load_tagger=(mode != ModeOption.parser))
    exclude = {"projects": {"__all__": {"provenance": True, "confidence": True,
                                        "indicators": {"__all__": {"provenance": True, "confidence": True}}}}} if no_provenance else None
    json_lines = output is None and len(files) > 1
    used_names: set[str] = set()
    failed = 0
    with Progress(console=err, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            # Any bytes in a name: messages, JSON and the record carry it escaped (\\xNN for bytes that are not
            # UTF-8), one line always; one bad input is one error line, never the end of the batch.
            name = source_name(path)
            if worker is not None:
                worker.wait_ready(120)  # a worker replaced after the last file's timeout loads outside this file's limit
            deadline = Deadline.after(timeout)  # reading the file counts towards the limit
            try:
                if worker is not None:
                    record = worker.run(Job(mode=mode.value, path=os.fsdecode(path)), timeout).record
                else:
                    doc = load_path(path, deadline=deadline)
                    record = extractor.extract(doc, mode=mode.value, deadline=deadline)
                payload = record.model_dump_json(indent=None if compact else 2, exclude=exclude)
            except JixiaoError as exc:
                failed += 1
                _report_error(err, name, exc.code, exc.message, json_lines)
                progress.advance(task)
                continue
            except Exception as exc:  # a parser bug on one file must not stop the others
                failed += 1
                _report_error(err, name, "internal", f"{type(exc).__name__}: {exc}", json_lines)
                progress.advance(task)
                continue
            if output is not None:
                out = output / _output_name(path, used_names)
                try:
                    write_replacing(out, payload + "\n")
                except OSError as exc:
                    failed += 1
                    _report_error(err, name, "output.unwritable", f"{source_name(out)}: {exc.strerror or exc}", False)
                    progress.advance(task)
                    continue
                typer.echo(f"{one_line(name)}: {_summary(record)} -> {one_line(source_name(out))}")
            elif len(files) == 1:
                sys.stdout.write(payload + "\n")
            else:
                sys.stdout.write(record.model_dump_json(exclude=exclude) + "\n")  # JSON lines
            progress.advance(task)
    if worker is not None:
        worker.kill()
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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_UNSAFE_STEM = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029/\\:*?\"<>|]")
_STEM_BYTES = 200  # file systems allow 255 bytes a name: room for -N.json and a temporary prefix


def one_line(text: str) -> str:
    """``text`` on one line: control characters (a newline in a file name) as ``\\xNN`` escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def safe_stem(path: Path) -> str:
    """An output stem any file system takes: the input's stem as text (bytes that are not UTF-8 as ``xNN``), without
    control characters, separators or characters Windows refuses, no leading dot, at most 200 bytes."""
    from jixiao.pipelines.ingest import source_name

    stem = _UNSAFE_STEM.sub("_", source_name(path.stem).replace("\\x", "x")).lstrip(".").strip()
    while len(stem.encode("utf-8")) > _STEM_BYTES:
        stem = stem[:-1]
    return stem or "document"


def _output_name(path: Path, used: set[str]) -> str:
    """<stem>.json, or <stem>-2.json … when another input of this run had the same stem (a/r.txt, b/r.txt)."""
    stem = safe_stem(path)
    name, n = f"{stem}.json", 1
    while name in used:
        n += 1
        name = f"{stem}-{n}.json"
    used.add(name)
    return name


def write_replacing(out: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``out``, then rename it over ``out``: a symlink (or anything else)
    already at ``out`` is replaced, never followed, and a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".jixiao-", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp's 0600 would make outputs private
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
