"""Where the labelled mapping sets may disagree on a convention: names that end with the same taxonomy form (a name or
an alias, spaces removed) labelled to different entries or to none, across all splits, and names printed alike with
different labels. A listing to read, not a score (docs/decisions/mapping-label-conventions.md).

    python bench/label_conventions.py [--min-splits 2]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path

from jixiao.config import REPO_ROOT
from jixiao.pipelines.taxonomy import load_taxonomy

LABELS = REPO_ROOT / "tests" / "data" / "mapping_labels.csv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--min-splits", type=int, default=2, help="list a form only where its labels come from this many splits")
    args = ap.parse_args()
    tax = load_taxonomy()
    forms = {e.name for e in tax.entries if e.kind == "indicator" and e.level == "3" and e.family == "A"}
    forms |= {a.printed for a in tax.aliases if a.kind == "indicator"}
    with args.labels.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_name: dict[str, list[dict[str, str]]] = defaultdict(list)
    by_head: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        name = re.sub(r"\s", "", r["printed"])
        by_name[name].append(r)
        head = max((f for f in forms if name.endswith(f)), key=len, default=None)
        if head:
            by_head[head].append(r)
    for name, rs in sorted(by_name.items()):
        if len({r["expected_name"] for r in rs}) > 1:
            print("same name:", name, [(r["split"], r["expected_name"] or "none") for r in rs])
    for head, rs in sorted(by_head.items()):
        labels = {r["expected_name"] or "none" for r in rs}
        if len(labels) > 1 and len({r["split"] for r in rs}) >= args.min_splits:
            print(f"head {head}:")
            for r in sorted(rs, key=lambda r: (r["expected_name"], r["split"])):
                print(f"   {r['expected_name'] or 'none':<10} {r['split']:<15} {r['printed']} ({r['unit'] or '-'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
