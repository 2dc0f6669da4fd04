"""Out-of-domain reading of fold taggers: how well a tagger reads real seeds it never saw.

    python docs/research/ood_tagger.py --model old=DIR --model old=DIR --model new=DIR --model new=DIR
                               [--shipped models/checkpoint --candidate DIR] [--out docs/research/results/ood_tagger.json]

Each ``DIR`` is a fold tagger (``jixiao train --config docs/research/configs/ood_fold_*.json``); it is judged on
the dev-split seeds missing from its training config (never 004), each as printed, collapsed and noised
(``eval.variants``, noise seeds 101-105), against the parser's record of the undamaged text (no gold file
is read). Reported per model name (folds averaged over their texts): tagger-only record F1 and
(combined - parser) record F1 under the shipped fusion rule.

CRITERION for the template-variety retrain (written before any "new" model was trained):
- "old": fold taggers from the generator without template variety (``data.template_variety`` 0, as
  shipped up to now); "new": the same fold configs with it on.
- The shipped tagger is retrained with template variety if, averaged over the two folds, the new
  tagger-only record F1 is higher on at least two of the three variants (none, collapsed, noised) and
  lower by more than 0.01 on none; and the retrained shipped tagger's held-out weak micro F1 (as printed
  and collapsed, from ``metrics.json``) is at most 0.02 below the current one's. Seed 004 plays no part
  in the choice: the ablation on the dev set is reported after the decision, whatever it shows. The
  committed eval gates (``data/dev/baseline*.json``) still apply as they do to any change: a retrained
  model that fails them does not ship, and the baselines are not moved for it.
- ``--shipped DIR --candidate DIR`` applies the criterion to the two folds' table and the two shipped
  taggers' ``metrics.json``, and prints the decision.

First candidate: share 0.55 (``draw_style``'s default). Folds, tagger only: 0.363 -> 0.396 as printed,
0.361 -> 0.400 collapsed, 0.344 -> 0.371 noised; but held-out weak micro F1 0.646 -> 0.621 and collapsed
0.645 -> 0.599: not shipped. Second candidate (written after that result, before its models were
trained): share 0.3, the same criterion, the same "old" folds. It met the criterion (folds +0.032 /
+0.030 / +0.025; weak +0.001 and -0.011), and round 5 rerun for it picks FILL_MIN 0.89; but with it the
combined gate's test split falls from 0.9659 to 0.9649, inside the 0.001 tolerance by 0.000025. That
tolerance is kept for int8 kernels that differ between CPUs, not for a 3-fact regression, so the gate is
read as failed and the candidate does not ship (its results, ``ood_tagger_variety030.json`` and
``ablation_variety030.json``, were deleted with it in issue 16; as printed 0.9782 -> 0.9775 combined, collapsed 0.9392, noised 0.9171 =
the parser; tagger alone 0.364 -> 0.425, 0.393 -> 0.434, 0.304 -> 0.347).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fusion_validation import _f1, fold_seeds, ood_texts  # noqa: E402

from jixiao.pipelines.document import Document  # noqa: E402
from jixiao.pipelines.extract import Extractor  # noqa: E402
from jixiao.pipelines.assemble_spans import assemble_from_spans  # noqa: E402
from jixiao.pipelines.fuse import fuse  # noqa: E402


def score_model(parser: Extractor, model_dir: Path, root: Path) -> dict[str, list[tuple[float, float, float]]]:
    """Per variant, (parser, tagger, combined) record F1 of each text of the fold's unseen seeds."""
    from jixiao.models.cli import load_tagger

    seeds = fold_seeds(model_dir)
    texts = ood_texts(parser, [p for s in seeds for p in sorted(root.glob(f"{s}_*.txt"))])
    ex = Extractor(mapper=parser.mapper, tagger=load_tagger(model_dir, backend="torch"), fuse=fuse,
                   assemble_from_spans=assemble_from_spans, settings=parser.settings)
    out: dict[str, list[tuple[float, float, float]]] = {}
    for t in texts:
        doc = Document(doc_id=t["gold"].doc_id, text=t["text"])
        scores = tuple(_f1(t["gold"], ex.extract(doc, mode=m), t["text"]) for m in ("parser", "tagger", "combined"))
        out.setdefault(t["family"], []).append(scores)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append", default=[], metavar="NAME=DIR", help="a fold tagger, under a name")
    ap.add_argument("--shipped", type=Path, help="the shipped tagger (its metrics.json), for the decision")
    ap.add_argument("--candidate", type=Path, help="the retrained tagger (its metrics.json), for the decision")
    ap.add_argument("--out", type=Path, default=Path("docs/research/results/ood_tagger.json"))
    args = ap.parse_args(argv)
    from jixiao.models.train import DataConfig, _seeds_root

    root = _seeds_root(DataConfig())
    if root is None:
        raise SystemExit("needs the seed texts (JIXIAO_SEEDS_DIR or ../shared/seeds)")
    parser = Extractor.from_settings(load_tagger=False)
    per_name: dict[str, dict[str, list[tuple[float, float, float]]]] = {}
    for spec in args.model:
        name, _, path = spec.partition("=")
        if not path:
            raise SystemExit(f"--model wants NAME=DIR, got {spec!r}")
        Console().print(f"[bold]{name}[/]: {path}")
        for family, rows in score_model(parser, Path(path), root).items():
            per_name.setdefault(name, {}).setdefault(family, []).extend(rows)
    summary = {name: {f: {"texts": len(rows), "parser": statistics.fmean(r[0] for r in rows),
                          "tagger": statistics.fmean(r[1] for r in rows),
                          "combined_delta": statistics.fmean(r[2] - r[0] for r in rows)}
                      for f, rows in fams.items()}
               for name, fams in per_name.items()}
    table = Table(title="fold taggers on the seeds they never saw (reference: the parser's record of the undamaged text)")
    for col in ("model", "variant", "texts", "parser", "tagger only", "combined - parser"):
        table.add_column(col)
    for name, fams in summary.items():
        for f, s in fams.items():
            table.add_row(name, f, str(s["texts"]), f"{s['parser']:.4f}", f"{s['tagger']:.4f}", f"{s['combined_delta']:+.4f}")
    Console().print(table)
    result = {"models": args.model, "summary": summary}
    if args.shipped and args.candidate:
        result["decision"] = decide(summary, args.shipped, args.candidate)
        Console().print(result["decision"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


def decide(summary: dict, shipped: Path, candidate: Path) -> dict:
    """The criterion above, applied: fold tagger-only F1 old vs new, held-out weak F1 shipped vs candidate."""
    fold = {f: summary["new"][f]["tagger"] - summary["old"][f]["tagger"] for f in summary["old"]}
    weak = {}
    for split in ("weak_heldout", "weak_collapsed_heldout"):
        before, after = (json.loads((d / "metrics.json").read_text(encoding="utf-8"))[split]["micro avg"]["f1-score"]
                         for d in (shipped, candidate))
        weak[split] = {"shipped": before, "candidate": after, "delta": after - before}
    folds_ok = sum(d > 0 for d in fold.values()) >= 2 and all(d >= -0.01 for d in fold.values())
    weak_ok = all(w["delta"] >= -0.02 for w in weak.values())
    return {"fold_tagger_delta": fold, "weak": weak, "folds_ok": folds_ok, "weak_ok": weak_ok,
            "ship": folds_ok and weak_ok}


if __name__ == "__main__":
    raise SystemExit(main())
