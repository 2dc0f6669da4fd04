"""Compare fully trained checkpoints of different sizes: held-out F1 (from their metrics.json) per millisecond.

    python docs/research/sizes_full.py CKPT_DIR [CKPT_DIR ...] [--out bench/results/sizes_full.json]

Throughput is measured here on the same whole texts (seeds 000-003), torch
fp32, so the sizes compare on equal footing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SEEDS = Path("/work/shared/seeds")


def main(argv: list[str] | None = None) -> int:
    from jixiao.models.export import throughput
    from jixiao.models.tagger import CharTagger

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkpoints", type=Path, nargs="+")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("bench/results/sizes_full.json"))
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[0-3]_*.txt"))]
    rows = []
    for ckpt in args.checkpoints:
        metrics = json.loads((ckpt / "metrics.json").read_text(encoding="utf-8"))
        tagger = CharTagger.from_pretrained(ckpt, backend="torch", regions=False, threads=args.threads)
        rate = throughput(tagger, texts, repeat=2)
        f1 = metrics["synthetic_heldout"]["micro avg"]["f1-score"]
        ms = 1e6 / rate
        rows.append({"checkpoint": str(ckpt), "size": metrics["size"], "params": metrics["params"],
                     "synthetic_f1": f1, "weak_f1": metrics.get("weak_heldout", {}).get("micro avg", {}).get("f1-score"),
                     "chars_per_s": round(rate), "ms_per_1k_chars": ms, "f1_per_ms": f1 / ms})
        print(rows[-1], flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
