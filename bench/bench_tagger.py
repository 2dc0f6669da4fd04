"""Tagger benchmark: throughput (chars/s) per backend, and end-to-end extraction time with the tagger on.

    python bench/bench_tagger.py [--model-dir DIR] [--doc PATH] [--out bench/results/tagger.json]

Throughput is measured on whole texts (no candidate-region filter) of the
unlabeled seeds 000-003, so backends compare on the same characters. The
end-to-end time is ``Extractor.extract(doc, mode="combined")`` on one
document (default: seed 004, ~100k characters), with the candidate-region
filter as shipped and without it; in both, combined mode tags only the
parser's projects with gaps, where their blanks could be printed (``gap_regions.gap_regions``). A benchmark, not a test: numbers vary with load.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from jixiao.config import SHARED_SEEDS_DIR as SEEDS


def _median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    from jixiao.config import Settings
    from jixiao.models.export import throughput
    from jixiao.models.tagger import ONNX_FP32, ONNX_INT8, CharTagger
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.ingest import load_path

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model-dir", type=Path, default=Settings().model_dir)
    ap.add_argument("--doc", type=Path, default=next(iter(sorted(SEEDS.glob("004_*.txt"))), None))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("bench/results/tagger.json"))
    args = ap.parse_args(argv)
    console = Console()

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[0-3]_*.txt"))]
    result: dict[str, object] = {"model_dir": str(args.model_dir), "threads": args.threads,
                                 "throughput_chars": sum(map(len, texts))}
    backends = ["torch"]
    if (args.model_dir / ONNX_FP32).exists():
        backends.append("onnx-fp32")
    if (args.model_dir / ONNX_INT8).exists():
        backends.append("onnx-int8")
    table = Table(title="tagger throughput (whole texts, seeds 000-003)")
    table.add_column("backend")
    table.add_column("chars/s", justify="right")
    for backend in backends:
        tagger = CharTagger.from_pretrained(args.model_dir, backend=backend, regions=False, threads=args.threads)
        rate = throughput(tagger, texts, repeat=args.repeat)
        result[f"{backend}_chars_per_s"] = round(rate)
        table.add_row(backend, f"{rate:,.0f}")
    console.print(table)

    if args.doc is not None and args.doc.exists():
        doc = load_path(args.doc)
        result["doc"] = args.doc.name
        result["doc_chars"] = len(doc.text)
        for regions in (True, False):
            settings = Settings(model_dir=args.model_dir, tagger_regions=regions)
            t0 = time.perf_counter()
            extractor = Extractor.from_settings(settings)
            load_s = time.perf_counter() - t0
            if extractor.tagger is not None:
                extractor.tagger.regions = regions
            extractor.extract(doc, mode="combined")  # warm-up
            key = "regions" if regions else "whole_text"
            result[f"e2e_{key}_s"] = round(_median_time(lambda ex=extractor: ex.extract(doc, mode="combined"), args.repeat), 3)
            result["e2e_parser_only_s"] = round(_median_time(lambda ex=extractor: ex.extract(doc, mode="parser"), args.repeat), 3)
            result["extractor_load_s"] = round(load_s, 2)
            result["tagger_backend"] = getattr(extractor.tagger, "backend", None)
        console.print(f"{args.doc.name} ({len(doc.text):,} chars) end to end, combined mode: "
                      f"{result['e2e_regions_s']} s with candidate regions, {result['e2e_whole_text_s']} s tagging "
                      f"the whole text; parser only {result['e2e_parser_only_s']} s (backend {result['tagger_backend']})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    console.print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
