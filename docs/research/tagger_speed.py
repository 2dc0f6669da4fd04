"""Interleaved tagger throughput of several checkpoints on one backend (a shared machine's load drifts).

    python docs/research/tagger_speed.py DIR [DIR ...] [--backend onnx-fp32] [--rounds 3] [--threads 2]

Whole texts of seeds 000-003, no region filter; prints the median chars/s and ms per 1,000 characters of each.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from jixiao.config import SHARED_SEEDS_DIR


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--backend", default="onnx-fp32")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    from jixiao.models.export import throughput
    from jixiao.models.tagger import CharTagger

    texts = [p.read_text(encoding="utf-8") for p in sorted(SHARED_SEEDS_DIR.glob("00[0-3]_*.txt"))]
    taggers = {d: CharTagger.from_pretrained(d, backend=args.backend, regions=False, threads=args.threads) for d in args.dirs}
    runs: dict[Path, list[float]] = {d: [] for d in args.dirs}
    for _ in range(args.rounds):
        for d, tagger in taggers.items():
            runs[d].append(throughput(tagger, texts))
    out = {str(d): {"chars_per_s": round(statistics.median(r)), "ms_per_1k_chars": round(1000_000 / statistics.median(r), 2),
                    "rounds": [round(x) for x in r]} for d, r in runs.items()}
    print(json.dumps({"backend": args.backend, "threads": args.threads, "chars": sum(map(len, texts)), **out}, indent=1))


if __name__ == "__main__":
    main()
