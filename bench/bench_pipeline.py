"""Pipeline benchmark script: ``python bench/bench_pipeline.py [FILES...] [--repeat N] [--collapsed]``.

The same measurement as ``jixiao bench`` (jixiao.pipelines.bench): ms per
stage and KB/s per document, peak memory by tracemalloc and max RSS.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from jixiao.pipelines.bench import default_files, render, run_bench


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mode", default="parser", choices=["parser", "combined", "tagger"])
    ap.add_argument("--collapsed", action="store_true", help="replace newlines and tabs by spaces first")
    args = ap.parse_args()
    files = args.files or default_files()
    Console().print(render(run_bench(files, repeat=args.repeat, mode=args.mode, collapsed=args.collapsed)))


if __name__ == "__main__":
    main()
