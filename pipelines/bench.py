"""Pipeline benchmark: per-stage throughput (KB/s, ms per document) and peak memory, as a rich table."""

from __future__ import annotations

import resource
import time
import tracemalloc
from pathlib import Path

from pydantic import BaseModel, Field

from jixiao.config import REPO_ROOT
from jixiao.pipelines.pipeline import STAGES



class CountingTagger:
    """The extractor's tagger, counting the characters it is asked to tag (what combined mode's gap regions leave it)."""

    def __init__(self, tagger):
        self.tagger = tagger
        self.chars = 0

    def tag(self, text: str, **kwargs):
        self.chars += len(text)
        return self.tagger.tag(text, **kwargs)


def tagged_chars(extractor, text: str, mode: str = "combined") -> int:
    """Characters the tagger reads in one extraction of ``text`` (0 without a tagger)."""
    if extractor.tagger is None:
        return 0
    counter = extractor.tagger = CountingTagger(extractor.tagger)
    try:
        extractor.extract_text(text, mode=mode)  # type: ignore[arg-type]
    finally:
        extractor.tagger = counter.tagger
    return counter.chars


class DocBench(BaseModel):
    name: str
    kb: float
    projects: int
    indicators: int
    tagged_chars: int = Field(default=0, description="characters the tagger read in one extraction")
    ms: dict[str, float] = Field(default_factory=dict, description="mean ms per stage")
    total_ms: float
    peak_kib: float = Field(description="tracemalloc peak during one extract")


class BenchResult(BaseModel):
    mode: str
    repeat: int
    docs: list[DocBench]
    max_rss_mib: float


def default_files(seeds_dir: Path) -> list[Path]:
    """The seed documents in ``seeds_dir`` (``Settings.seeds_root``), else the repository's examples."""
    return sorted(seeds_dir.glob("*.txt")) or sorted((REPO_ROOT / "examples").glob("*.txt"))


def run_bench(paths: list[Path], *, repeat: int = 3, mode: str = "parser", collapsed: bool = False, progress=None) -> BenchResult:
    """Extract every file ``repeat`` times; ``collapsed`` first replaces newlines and tabs with spaces."""
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.ingest import load_bytes

    extractor = Extractor.from_settings(load_tagger=(mode != "parser"))
    docs: list[DocBench] = []
    for path in paths:
        data = path.read_bytes()
        sums: dict[str, float] = {}
        total = 0.0
        record = None
        for _ in range(repeat):
            t0 = time.perf_counter()
            doc = load_bytes(data, filename=str(path))
            if collapsed:
                doc = doc.model_copy(update={"text": doc.text.replace("\n", " ").replace("\t", " ")})
            t1 = time.perf_counter()
            record = extractor.extract(doc, mode=mode)  # type: ignore[arg-type]
            t2 = time.perf_counter()
            sums["ingest"] = sums.get("ingest", 0.0) + (t1 - t0)
            for k, v in record.meta.get("timings_s", {}).items():
                sums[k] = sums.get(k, 0.0) + v
            total += t2 - t0
        tracemalloc.start()
        extractor.extract(load_bytes(data, filename=str(path)), mode=mode)  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert record is not None
        tagged = tagged_chars(extractor, doc.text, mode) if mode != "parser" else 0  # the text as timed
        docs.append(DocBench(
            name=path.name, kb=len(data) / 1024, projects=len(record.projects), tagged_chars=tagged,
            indicators=sum(len(p.indicators) for p in record.projects),
            ms={k: v / repeat * 1000 for k, v in sums.items()}, total_ms=total / repeat * 1000, peak_kib=peak / 1024,
        ))
        if progress is not None:
            progress()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    return BenchResult(mode=mode, repeat=repeat, docs=docs, max_rss_mib=rss)


def render(result: BenchResult):
    """A rich table: one row per document, ms per stage, KB/s end to end, peak memory."""
    from rich.table import Table

    stages = [s for s in STAGES if any(s in d.ms for d in result.docs)]
    table = Table(title=f"jixiao pipeline bench (mode={result.mode}, repeat={result.repeat}, max RSS {result.max_rss_mib:.0f} MiB)")
    table.add_column("document")
    table.add_column("KB", justify="right")
    table.add_column("proj", justify="right")
    table.add_column("ind", justify="right")
    table.add_column("tagged chars", justify="right")
    for s in stages:
        table.add_column(f"{s} ms", justify="right")
    table.add_column("total ms", justify="right")
    table.add_column("KB/s", justify="right")
    table.add_column("peak KiB", justify="right")
    for d in result.docs:
        table.add_row(d.name, f"{d.kb:.1f}", str(d.projects), str(d.indicators), str(d.tagged_chars),
                      *[f"{d.ms.get(s, 0.0):.1f}" for s in stages],
                      f"{d.total_ms:.1f}", f"{d.kb / (d.total_ms / 1000):.0f}" if d.total_ms else "-", f"{d.peak_kib:.0f}")
    kb = sum(d.kb for d in result.docs)
    ms = sum(d.total_ms for d in result.docs)
    stage_tot = {s: sum(d.ms.get(s, 0.0) for d in result.docs) for s in stages}
    table.add_row("all (KB/s per stage)", f"{kb:.1f}", str(sum(d.projects for d in result.docs)),
                  str(sum(d.indicators for d in result.docs)), str(sum(d.tagged_chars for d in result.docs)),
                  *[f"{kb / (stage_tot[s] / 1000):.0f}" if stage_tot[s] else "-" for s in stages],
                  f"{ms:.1f}", f"{kb / (ms / 1000):.0f}" if ms else "-",
                  f"{max((d.peak_kib for d in result.docs), default=0):.0f}", style="bold")
    return table
