"""``jixiao bench --batch``: files/s of the batch with 1 and 2 worker processes and on Ray, worker memory over a
long run, and the default mode's CPU time on one document against ``jieba.lcut`` of the same text.

The batch is built, not sampled: the source texts (seeds and the dev real layouts) are cycled until ``n``
documents, each copy ending with its own numbered line so that every input has its own sha256 (the resume check
never skips a copy). Timings are wall clock on a shared machine: the load average before each run is recorded
beside its numbers, and a result taken under load says so.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, Field

from jixiao.config import Settings
from jixiao.pipelines.bench import tagged_chars


class RunResult(BaseModel):
    label: str
    files: int
    chars: int
    seconds: float = Field(description="wall clock, worker start-up included")
    files_per_s: float
    files_per_s_loaded: float | None = Field(default=None, description="files/s from the moment the last worker was "
                                             "ready to the end: the pool's throughput without its start-up, which "
                                             "is the same fixed wait for one worker and for two")
    first_result_s: float = Field(description="until the first file was done (start-up and model load)")
    workers_ready_s: list[float] = Field(default_factory=list, description="until each worker process had loaded the "
                                         "extractor (the first result comes one file later: with several workers, "
                                         "the largest of the first window)")
    errors: int
    load_before: float = Field(description="1-minute load average when the run started")
    peak_rss_mib_per_worker: list[float] = Field(default_factory=list, description="VmHWM of each worker process")
    rss_mib_samples: list[list[float]] = Field(default_factory=list, description="[files done, RSS MiB of each worker]")
    cpu_s_per_file: float | None = Field(default=None, description="CPU seconds of the parent and its worker processes "
                                                                   "per file: what the run costs whatever the load")
    parent_cpu_s_per_file: float | None = Field(default=None, description="of which the parent's (all its threads)")
    workers_cpu_s_per_file: float | None = Field(default=None, description="of which the child processes' (workers, "
                                                                           "start-up and model loads included)")


class CpuRatio(BaseModel):
    document: str
    chars: int
    extract_cpu_s: float = Field(description="median CPU time (all threads) of one default-mode extraction, warm")
    jieba_cpu_s: float = Field(description="median CPU time of jieba.lcut on the same text, warm")
    ratio: float
    repeat: int
    load_before: float
    tagged_chars: int = Field(default=0, description="characters the tagger reads in one extraction of the document")


class BatchBench(BaseModel):
    machine: str
    batch: str
    runs: list[RunResult]
    speedup_2_over_1: float | None = None
    speedup_2_over_1_loaded: float | None = Field(default=None, description="the same ratio of files/s once loaded")
    tagged_chars: int | None = Field(default=None, description="characters the tagger reads over the timed batch "
                                                               "(default mode), of chars in all")
    chars: int | None = Field(default=None, description="characters of the timed batch")
    cpu_ratio: CpuRatio | None = None
    cpu_ratio_one_thread: CpuRatio | None = Field(default=None, description="the same with the tagger on one thread "
                                                                            "(JIXIAO_WORKERS_THREADS=1, as in a pool)")
    notes: list[str] = Field(default_factory=list)


def build_batch(sources: list[Path], n: int, folder: Path) -> list[Path]:
    """``n`` input files in ``folder``: the sources cycled, copy k ending with a line ``附注 k``."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    paths = []
    for k in range(n):
        stem, text = texts[k % len(texts)]
        path = folder / f"{k:05d}_{stem}.txt"
        path.write_text(f"{text}\n附注 {k}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _rss_mib(pid: int, field: str = "VmRSS") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _rusage_cpu(who: int) -> float:
    import resource

    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_batch(paths: list[Path], workers: int, settings: Settings, *, mode: str = "combined", ray: str | None = None,
              sample_every: int = 0, label: str = "") -> RunResult:
    """Extract ``paths`` into a fresh folder with ``workers`` processes (or Ray actors) and time it."""
    import resource

    from jixiao.pipelines.batch import Batch, BatchOptions
    from jixiao.pipelines.isolate import stop_forkserver

    stop_forkserver()  # each run starts its pool as a fresh CLI would, the forkserver's imports included
    load = os.getloadavg()[0]
    chars = sum(p.stat().st_size for p in paths) // 3  # UTF-8 CJK text: ~3 bytes a character
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-batch-") as out:
        # a deadline makes even one worker a process: both runs pay the same start-up and pipe costs
        options = BatchOptions(mode=mode, workers=workers, output=Path(out), timeout=None if ray else 600.0)
        batch = Batch(paths, options, settings)
        begin, first, errors, done = time.perf_counter(), None, 0, 0
        finished: list[float] = []
        samples: list[list[float]] = []
        peaks: dict[int, float] = {}
        parent_begin, children_begin = _rusage_cpu(resource.RUSAGE_SELF), _rusage_cpu(resource.RUSAGE_CHILDREN)
        if ray is not None:
            from jixiao.pipelines.ray_batch import run_on_ray

            results = run_on_ray(batch, ray)
        else:
            results = batch.run()
        for result in results:
            done += 1
            finished.append(time.perf_counter() - begin)
            first = first if first is not None else finished[-1]
            errors += result.status == "error"
            pids = batch.worker_pids()
            for pid in pids:
                peaks[pid] = max(peaks.get(pid, 0.0), _rss_mib(pid, "VmHWM"))
            if sample_every and done % sample_every == 0 and pids:
                samples.append([done, *[round(_rss_mib(pid), 1) for pid in pids]])
        seconds = time.perf_counter() - begin
        ready = sorted(r.worker.ready_at - begin for r in batch.runners if getattr(r, "worker", None) is not None
                       and r.worker.ready_at is not None)
        parent_cpu = _rusage_cpu(resource.RUSAGE_SELF) - parent_begin
        stop_forkserver()  # reaped now: its CPU and its workers' (each reaped when the batch closed it) are counted
        workers_cpu = _rusage_cpu(resource.RUSAGE_CHILDREN) - children_begin
    total, parent, children = ((None, None, None) if ray else  # Ray's actors are not this process's children
                               (round(c / len(paths), 4) for c in (parent_cpu + workers_cpu, parent_cpu, workers_cpu)))
    return RunResult(label=label or f"--workers {workers}", files=len(paths), chars=chars, seconds=round(seconds, 2),
                     files_per_s=round(len(paths) / seconds, 2), files_per_s_loaded=_loaded_rate(finished, ready, seconds),
                     first_result_s=round(first or 0.0, 2), errors=errors,
                     workers_ready_s=[round(t, 2) for t in ready],
                     load_before=round(load, 2), peak_rss_mib_per_worker=[round(v, 1) for v in peaks.values()],
                     rss_mib_samples=samples, cpu_s_per_file=total, parent_cpu_s_per_file=parent,
                     workers_cpu_s_per_file=children)


def _loaded_rate(finished: list[float], ready: list[float], seconds: float) -> float | None:
    """Files finished after the last worker was ready, per second of what was left of the run."""
    if not ready or seconds <= ready[-1]:
        return None
    return round(sum(t > ready[-1] for t in finished) / (seconds - ready[-1]), 2)


def cpu_ratio(path: Path, settings: Settings, repeat: int = 5) -> CpuRatio:
    """Median CPU seconds of one default-mode extraction of ``path`` and of ``jieba.lcut`` on its text, both warm."""
    import jieba

    from jixiao.pipelines.extract import Extractor

    load = os.getloadavg()[0]
    text = path.read_text(encoding="utf-8")
    extractor = Extractor.from_settings(settings)
    extractor.extract_text(text, doc_id=path.stem)  # warm: caches, the ONNX session's first run
    jieba.lcut(text)  # warm: jieba loads its dictionary on the first call

    def cpu(fn) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.process_time()
            fn()
            times.append(time.process_time() - t0)
        return statistics.median(times)

    ours = cpu(lambda: extractor.extract_text(text, doc_id=path.stem))
    theirs = cpu(lambda: jieba.lcut(text))
    return CpuRatio(document=path.name, chars=len(text), extract_cpu_s=round(ours, 4), jieba_cpu_s=round(theirs, 4),
                    ratio=round(ours / theirs, 2), repeat=repeat, load_before=round(load, 2),
                    tagged_chars=tagged_chars(extractor, text))


def batch_tagged_chars(paths: list[Path], settings: Settings) -> tuple[int, int]:
    """Characters the tagger reads over ``paths`` in the default mode, and their characters in all (in-process)."""
    from jixiao.pipelines.extract import Extractor

    extractor = Extractor.from_settings(settings)
    tagged = chars = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        tagged += tagged_chars(extractor, text)
        chars += len(text)
    return tagged, chars


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores, load {' '.join(f'{x:.2f}' for x in os.getloadavg())} at start"


def _parent_share(r: RunResult) -> str:
    """The parent's part of the run's CPU (its feeding threads: sha256, resume checks, pipes): what the pool adds."""
    if not r.cpu_s_per_file or r.parent_cpu_s_per_file is None:
        return "-"
    return f"{100 * r.parent_cpu_s_per_file / r.cpu_s_per_file:.1f}%"


def _loaded(r: RunResult) -> str:
    return "-" if r.files_per_s_loaded is None else f"{r.files_per_s_loaded:.2f}"


def _ready(r: RunResult) -> str:
    return ", ".join(f"{t:.2f}" for t in r.workers_ready_s) or "-"


def render(result: BatchBench):
    from rich.table import Table

    table = Table(title=f"jixiao bench --batch ({result.machine}; {result.batch})")
    for col in ("run", "files", "s", "files/s", "files/s once loaded", "CPU s/file", "parent CPU share", "workers ready s", "first file s", "errors",
                "load before", "peak RSS MiB/worker"):
        table.add_column(col, justify="left" if col == "run" else "right")
    for r in result.runs:
        table.add_row(r.label, str(r.files), f"{r.seconds:.1f}", f"{r.files_per_s:.2f}", _loaded(r),
                      "-" if r.cpu_s_per_file is None else f"{r.cpu_s_per_file:.3f}", _parent_share(r), _ready(r),
                      f"{r.first_result_s:.1f}",
                      str(r.errors), f"{r.load_before:.2f}", ", ".join(f"{v:.0f}" for v in r.peak_rss_mib_per_worker) or "-")
    return table




def bench_batch(files: list[Path] | None, *, batch_files: int, memory_files: int, ray: bool,
                json_out: Path | None, repeat: int = 2) -> BatchBench:
    """The whole ``--batch`` benchmark; prints its table and writes JSON and a Markdown table."""
    from rich.console import Console

    from jixiao.config import REPO_ROOT, get_settings

    settings = get_settings()
    console = Console()
    sources = list(files or []) or (sorted(settings.seeds_root.glob("*.txt"))
                                    + sorted(settings.real_layouts_root.glob("rla*.txt")))
    what = "the files given" if files else "seeds and rla*"
    result = BatchBench(machine=machine(), batch="", runs=[])
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-inputs-") as tmp:
        paths = build_batch(sources, batch_files, Path(tmp))
        result.tagged_chars, result.chars = batch_tagged_chars(paths, settings)
        result.batch = (f"{batch_files} documents cycled from {len(sources)} texts ({what}; {result.chars:,} characters "
                        "in the batch), each copy with its own numbered last line")
        for rep in range(repeat):  # alternated, so that a change of the machine's load hits both
            for workers in (1, 2):
                console.print(f"timing --workers {workers} on {len(paths)} documents ({rep + 1}/{repeat}) …")
                result.runs.append(run_batch(paths, workers, settings, label=f"--workers {workers} ({rep + 1})"))
        if ray:
            console.print("timing Ray, 2 actors …")
            result.runs.append(run_batch(paths, 2, settings, ray="local", label="Ray, 2 actors (local)"))
            import ray as ray_lib

            ray_lib.shutdown()  # its processes are reaped now, not inside a later run's RUSAGE_CHILDREN
    pairs = [(result.runs[2 * k], result.runs[2 * k + 1]) for k in range(repeat)]
    result.speedup_2_over_1 = round(statistics.mean(b.files_per_s for _, b in pairs)
                                    / statistics.mean(a.files_per_s for a, _ in pairs), 2)
    loaded = [(a.files_per_s_loaded, b.files_per_s_loaded) for a, b in pairs]
    if all(a and b for a, b in loaded):
        result.speedup_2_over_1_loaded = round(statistics.mean(b for _, b in loaded) / statistics.mean(a for a, _ in loaded), 2)
    result.notes.append("--workers 2 / --workers 1 per alternated pair: "
                        + ", ".join(f"{b.files_per_s / a.files_per_s:.2f}" for a, b in pairs))
    if memory_files:
        with tempfile.TemporaryDirectory(prefix="jixiao-bench-inputs-") as tmp:
            paths = build_batch(sources, memory_files, Path(tmp))
            console.print(f"memory run: --workers 2 on {len(paths)} documents …")
            result.runs.append(run_batch(paths, 2, settings, sample_every=max(1, memory_files // 20),
                                         label=f"--workers 2, memory run ({memory_files})"))
    seed_004 = sorted(settings.seeds_root.glob("004_*.txt"))
    if seed_004:
        result.cpu_ratio = cpu_ratio(seed_004[0], settings)
        result.cpu_ratio_one_thread = cpu_ratio(seed_004[0], settings.model_copy(update={"workers_threads": 1}))
    if max(r.load_before for r in result.runs) > 1.0:
        result.notes.append("the machine was shared: load average above 1 before at least one run; the files/s and "
                            "the speedup are contended")
    console.print(render(result))
    if result.tagged_chars is not None:
        console.print(f"characters tagged over the batch (default mode): {result.tagged_chars:,} of {result.chars:,}")
    for what, c in (("", result.cpu_ratio), (", tagger on one thread", result.cpu_ratio_one_thread)):
        if c is not None:
            console.print(f"CPU time, default mode{what} vs jieba.lcut on {c.document} ({c.chars} characters): "
                          f"{c.extract_cpu_s:.3f} s vs {c.jieba_cpu_s:.3f} s = {c.ratio:.2f}x (load {c.load_before:.2f}; "
                          f"{c.tagged_chars:,} characters tagged)")
    json_out = json_out or REPO_ROOT / "bench" / "results" / "batch.json"
    json_out.write_text(result.model_dump_json(indent=2) + "\n", encoding="utf-8")
    json_out.with_suffix(".md").write_text(markdown(result), encoding="utf-8")
    return result


def markdown(result: BatchBench) -> str:
    lines = ["# jixiao bench --batch", "", f"Machine: {result.machine}. Batch: {result.batch}.", "",
             "| run | files | s | files/s | files/s once loaded | CPU s per file | parent CPU share | workers ready s | first file s | errors | "
             "load before | peak RSS MiB per worker |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in result.runs:
        peaks = ", ".join(f"{v:.0f}" for v in r.peak_rss_mib_per_worker) or "-"
        cpu = "-" if r.cpu_s_per_file is None else f"{r.cpu_s_per_file:.3f}"
        lines.append(f"| {r.label} | {r.files} | {r.seconds:.1f} | {r.files_per_s:.2f} | {_loaded(r)} | {cpu} | {_parent_share(r)} | "
                     f"{_ready(r)} | "
                     f"{r.first_result_s:.1f} | "
                     f"{r.errors} | {r.load_before:.2f} | {peaks} |")
    lines += ["", f"--workers 2 / --workers 1 (mean files/s of the alternated runs): {result.speedup_2_over_1}x; "
                  f"once the workers are loaded: {result.speedup_2_over_1_loaded}x."]
    if result.tagged_chars is not None:
        lines += ["", f"Characters tagged over the batch (default mode): {result.tagged_chars:,} of {result.chars:,}."]
    memory = [r for r in result.runs if r.rss_mib_samples]
    for r in memory:
        lines += ["", f"RSS of each worker (MiB) over the {r.label}: " +
                  "; ".join(f"{int(s[0])}: {', '.join(f'{v:.0f}' for v in s[1:])}" for s in r.rss_mib_samples)]
    for what, c in (("", result.cpu_ratio), (" with the tagger on one thread", result.cpu_ratio_one_thread)):
        if c is not None:
            lines += ["", f"CPU time on {c.document} ({c.chars} characters), median of {c.repeat} warm runs: default "
                          f"mode{what} {c.extract_cpu_s:.3f} s, jieba.lcut {c.jieba_cpu_s:.3f} s, ratio {c.ratio:.2f} "
                          f"(load {c.load_before:.2f}; {c.tagged_chars:,} characters tagged)."]
    lines += ["", *[f"Note: {n}" for n in result.notes]]
    return "\n".join(lines) + "\n"
