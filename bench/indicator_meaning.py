"""Issue 19's done-when counts: typed targets/actuals of the seeds and rla, attainment on the seeds.

    python bench/indicator_meaning.py [--markdown docs/indicator-meaning-counts.md]

Reads every seed and rla document with the parser (as ``jixiao extract`` does), counts the printed targets and
actuals that get a typed reading (``read_value``) and lists the rest; on the seeds counts attainment
(met / partly / not met / unknown) and lists the indicators whose score disagrees with it (the checks
attainment.unmet_full_score and attainment.met_not_full).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from jixiao.config import REPO_ROOT
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.targets import is_blank, read_value

SHARED = REPO_ROOT.parent / "shared"
DISAGREE = ("attainment.unmet_full_score", "attainment.met_not_full")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--markdown", type=Path, help="also write the lists as a markdown file")
    args = ap.parse_args()
    ex = Extractor.from_settings()
    seeds = sorted((args.shared / "seeds").glob("*.txt"))
    rla = sorted((args.shared / "real-layouts").glob("rla*.txt"))
    printed = read = 0
    unread: list[str] = []
    attain: Counter[str] = Counter()
    lines: list[str] = []
    for path in seeds + rla:
        rec = ex.extract_text(path.read_text(encoding="utf-8"), doc_id=path.stem, mode="parser")
        for p in rec.projects:
            for ind in p.indicators:
                for value in (ind.target, ind.actual):
                    if is_blank(value):
                        continue
                    printed += 1
                    if read_value(value) is not None:
                        read += 1
                    else:
                        unread.append(f"{path.stem[:5]}: {value!r}")
                if path in seeds:
                    attain[ind.attainment or "unknown"] += 1
            if path in seeds:
                for c in p.checks:
                    if c.code in DISAGREE:
                        ind = p.indicators[int(c.field.split("[")[1].split("]")[0])]
                        lines.append(f"| {path.stem[:3]} | {ind.name} | {ind.target} | {ind.actual} | {ind.weight} | "
                                     f"{ind.score} | {ind.attainment} | {c.code} |")
    out = [f"typed: {read} of {printed} printed targets/actuals of the seeds and rla ({read / printed:.1%})",
           "unread: " + "; ".join(unread),
           "attainment on the seeds: " + ", ".join(f"{k} {v}" for k, v in sorted(attain.items())),
           f"scores that disagree with attainment: {len(lines)}", "",
           "| seed | indicator | target | actual | weight | score | attainment | check |",
           "| --- | --- | --- | --- | --- | --- | --- | --- |", *lines]
    print("\n".join(out))
    if args.markdown:
        args.markdown.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
