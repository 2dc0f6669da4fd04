"""Calibrate the mapper's thresholds on the calibration split of tests/data/mapping_variants.csv and
report accuracy on the held-out split, the noised part and level-1/level-2.

    python docs/research/calibrate_mapper.py [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from jixiao.pipelines.map import BUDGET_NAME_THRESHOLD, INDICATOR_THRESHOLD, Mapper
from jixiao.pipelines.map_eval import calibrate, errors, evaluate, read_variants
from jixiao.pipelines.taxonomy import load_taxonomy

VARIANTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "mapping_variants.csv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="write the scores as JSON")
    ap.add_argument("--errors", action="store_true", help="list the wrong rows")
    args = ap.parse_args()
    console = Console()
    tax = load_taxonomy()
    variants = read_variants(VARIANTS)
    with console.status("calibrating on the calibration split"):
        t_ind, curve_ind = calibrate(tax, variants, "indicator")
        t_bud, curve_bud = calibrate(tax, variants, "budget")
    console.print(f"calibrated thresholds: indicator {t_ind} (shipped {INDICATOR_THRESHOLD}), "
                  f"budget names {t_bud} (shipped {BUDGET_NAME_THRESHOLD})")
    mapper = Mapper(tax)  # the shipped thresholds
    scores = evaluate(mapper, variants)
    table = Table(title=f"mapping accuracy, {len(variants)} labelled variants (shipped thresholds)")
    for col in ("group", "n", "top-1 accuracy", "unmatched rate", "false unmatched", "false match"):
        table.add_column(col)
    for group, s in scores.items():
        table.add_row(group, str(s.n), f"{s.accuracy:.4f}", f"{s.unmatched_rate:.3f}", str(s.false_unmatched),
                      str(s.false_match))
    console.print(table)
    if args.errors:
        for o in errors(mapper, variants):
            v = o.variant
            console.print(f"{v.split:11} {v.origin:22} {v.kind:9} {v.printed!r} (level2={v.level2!r}, code={v.code!r})"
                          f" expected {v.expected!r} got {o.predicted!r} [{o.method} {o.score:.1f}]")
    if args.json:
        args.json.write_text(json.dumps({
            "calibrated": {"indicator": t_ind, "budget": t_bud},
            "shipped": {"indicator": INDICATOR_THRESHOLD, "budget": BUDGET_NAME_THRESHOLD},
            "curves": {"indicator": curve_ind, "budget": curve_bud},
            "scores": {g: s.model_dump() for g, s in scores.items()},
        }, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
