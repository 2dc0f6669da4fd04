"""Model-size sweep: held-out span F1 against inference cost, on an equal (reduced) training budget.

    python docs/research/sweep_sizes.py [--out bench/results/sizes.json]

Each size is trained with the same data, steps and seed (a shortened version
of models/train_config.json), then timed on the same held-out texts; the
table reports micro F1, ms per 1,000 characters and F1 per ms, which is how
the shipped size was chosen.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

SIZES = [
    {"layers": 1, "hidden": 96, "heads": 2, "intermediate": 384},
    {"layers": 2, "hidden": 128, "heads": 2, "intermediate": 512},
    {"layers": 3, "hidden": 192, "heads": 3, "intermediate": 768},
]


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    from jixiao.models import synth
    from jixiao.models.export import throughput
    from jixiao.models.tagger import CharTagger
    from jixiao.models.train import load_config, train

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--pretrain-steps", type=int, default=60)
    ap.add_argument("--docs", type=int, default=800)
    ap.add_argument("--out", type=Path, default=Path("bench/results/sizes.json"))
    args = ap.parse_args(argv)
    console = Console()
    rows = []
    texts = [d.text for d in synth.generate(60, seed=99)]
    for size in SIZES:
        cfg = load_config()
        cfg.model = size
        cfg.data.synth_train_docs = args.docs
        cfg.data.synth_heldout_docs = 100
        cfg.pretrain.steps = args.pretrain_steps
        cfg.finetune.steps = args.steps
        with tempfile.TemporaryDirectory() as tmp:
            metrics = train(config=cfg, out_dir=Path(tmp), onnx=False, log=console.print)
            tagger = CharTagger.from_pretrained(tmp, backend="torch", regions=False, threads=cfg.threads)
            rate = throughput(tagger, texts, repeat=2)
        f1 = metrics["synthetic_heldout"]["micro avg"]["f1-score"]
        weak = metrics.get("weak_heldout", {}).get("micro avg", {}).get("f1-score")
        ms_per_k = 1000.0 * 1000.0 / rate
        rows.append({"size": size, "params": metrics["params"], "synthetic_f1": f1, "weak_f1": weak,
                     "chars_per_s": round(rate), "ms_per_1k_chars": ms_per_k, "f1_per_ms": f1 / ms_per_k,
                     "train_s": metrics["timings"]["total_s"]})
    table = Table(title=f"sizes at {args.steps} fine-tune steps")
    for col in ("layers/hidden", "params", "synthetic F1", "weak F1", "chars/s", "ms per 1k chars", "F1 per ms"):
        table.add_column(col)
    for r in rows:
        table.add_row(f"{r['size']['layers']}/{r['size']['hidden']}", f"{r['params']:,}", f"{r['synthetic_f1']:.3f}",
                      "-" if r["weak_f1"] is None else f"{r['weak_f1']:.3f}", f"{r['chars_per_s']:,}",
                      f"{r['ms_per_1k_chars']:.1f}", f"{r['f1_per_ms']:.3f}")
    console.print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
