"""Ablation: record F1 of parser-only, tagger-only and combined on the dev set and its damaged variants.

    python bench/ablation.py [--gold data/dev] [--out bench/results/ablation.json]
    python bench/ablation.py --gold data/real-layouts --out bench/results/ablation_real_layouts.json

Runs ``jixiao eval GOLD --mode M --variant V`` for every pair and collects
the headline record F1 (total, and per split when the report has them).
All numbers come from the eval harness; nothing here scores anything.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

MODES = ("parser", "tagger", "combined")
VARIANTS = ("none", "collapsed", "noised", "wrapped")


def _record_f1(report: dict) -> dict[str, float]:
    """Record F1 of each split (dev, test, total) of an eval report.json."""
    out: dict[str, float] = {}
    for split, block in report.get("splits", {}).items():
        if block.get("metrics"):
            out[split] = block["metrics"]["record"]["f1"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("data/dev"))
    ap.add_argument("--runs", type=Path, default=Path("runs/ablation"))
    ap.add_argument("--out", type=Path, default=Path("bench/results/ablation.json"))
    args = ap.parse_args(argv)
    table: dict[str, dict[str, float | None]] = {}
    detail: dict[str, dict[str, dict[str, float]]] = {}
    for variant in VARIANTS:
        table[variant] = {}
        detail[variant] = {}
        for mode in MODES:
            out = args.runs / f"{mode}-{variant}"
            cmd = ["jixiao", "eval", str(args.gold), "--mode", mode, "--variant", variant, "--out", str(out), "--no-html"]
            print(" ".join(cmd), flush=True)
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
                table[variant][mode] = None
                continue
            scores = _record_f1(json.loads((out / "report.json").read_text(encoding="utf-8")))
            detail[variant][mode] = scores
            table[variant][mode] = scores.get("total")
            print(f"  record F1 {table[variant][mode]}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(table, indent=2), encoding="utf-8")
    # per split (dev/test, rla/rlb): ablation.json -> ablation_detail.json, the model card reads both
    args.out.with_name(f"{args.out.stem}_detail.json").write_text(json.dumps(detail, indent=2), encoding="utf-8")
    print(json.dumps(table, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
