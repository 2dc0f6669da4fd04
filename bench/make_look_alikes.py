"""Derive the OCR look-alike table (jixiao/data/taxonomy/look_alikes.csv) from a character-shape source.

    pip download --no-deps char-similar==0.0.2 -d /tmp/cs
    python bench/make_look_alikes.py --wheel /tmp/cs/char_similar-0.0.2-py2.py3-none-any.whl

The source is the data of the PyPI package char-similar 0.0.2 (Apache-2.0 licence file; MIT in its metadata): per
character its structure (左右, 上下 …), four-corner code, first-level parts and stroke order. Only those facts are
read; none of its code is used. A character printed in a name (any CJK character in the source) is a look-alike of
a character of a level-3 form (a taxonomy name or indicator alias) when, by the source's data,

- shape: the two have the same structure, their four-corner codes agree in at least 3 of the 4 corners, and their
  stroke orders are at least 0.7 alike (normalised Levenshtein); e.g. 梧/格, 话/活, 住/位, 淮/准;
- strokes: the two have the same radical and at least 10 strokes, and their stroke orders differ in one stroke
  only; e.g. 箅/算.

The table is made for the taxonomy's level-3 characters; rerun it when the taxonomy grows. Decisions:
docs/decisions/mapping-round11.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import zipfile
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT / "jixiao" / "data" / "taxonomy"
OUT = TAXONOMY / "look_alikes.csv"
SOURCE = "char-similar 0.0.2"
# the shape rule: four-corner digits that agree (of 4), stroke orders alike at least this much
CORNERS_MIN = 3
STROKE_ORDER_MIN = 0.7
# the strokes rule: long characters only (a one-stroke change in a short character is another character)
STROKES_MIN = 10


def _cjk(c: str) -> bool:
    return len(c) == 1 and "\u4e00" <= c <= "\u9fff"


def load_source(wheel: Path) -> dict[str, dict[str, object]]:
    """The source's per-character tables, read from its wheel: struct, fourangle, stroke (parts), order, component."""
    names = ("struct", "fourangle", "order", "component")
    with zipfile.ZipFile(wheel) as z:
        return {n: json.loads(z.read(f"char_similar/data/char_{n}.dict").decode("utf-8")) for n in names}


def taxonomy_chars() -> set[str]:
    """The characters of the level-3 forms: names of level-3 entries and indicator aliases."""
    with (TAXONOMY / "indicators.csv").open(encoding="utf-8", newline="") as f:
        chars = {c for r in csv.DictReader(f) if r["level"] == "3" for c in r["name"]}
    with (TAXONOMY / "aliases.csv").open(encoding="utf-8", newline="") as f:
        chars |= {c for r in csv.DictReader(f) if r["kind"] == "indicator" for c in r["printed"]}
    return {c for c in chars if _cjk(c)}


def look_alike(a: str, b: str, src: dict[str, dict[str, object]]) -> str | None:
    """"shape" or "strokes" when the source says ``a`` and ``b`` look alike (rules in the module doc), else None."""
    struct, four, order, comp = src["struct"], src["fourangle"], src["order"], src["component"]
    oa, ob = str(order.get(a, "")), str(order.get(b, ""))
    if not oa or not ob:
        return None
    fa, fb = str(four.get(a, "")), str(four.get(b, ""))
    if (struct.get(a) is not None and struct.get(a) == struct.get(b) and fa and fb
            and sum(x == y for x, y in zip(fa[:4], fb[:4])) >= CORNERS_MIN
            and Levenshtein.normalized_similarity(oa, ob) >= STROKE_ORDER_MIN):
        return "shape"
    if (len(oa) == len(ob) >= STROKES_MIN and comp.get(a) and comp.get(a) == comp.get(b)
            and Levenshtein.distance(oa, ob) == 1):
        return "strokes"
    return None


def build(src: dict[str, dict[str, object]]) -> list[tuple[str, str, str]]:
    """(printed, meant, rule) for every source character that looks like a character of a level-3 form."""
    universe = sorted(c for c in src["order"] if _cjk(c))
    rows = []
    for meant in sorted(taxonomy_chars()):
        for printed in universe:
            if printed != meant and (rule := look_alike(printed, meant, src)):
                rows.append((printed, meant, rule))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, required=True, help="char_similar-0.0.2-py2.py3-none-any.whl")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(load_source(args.wheel))
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("printed", "meant", "rule"))
        w.writerows(rows)
    print(f"{len(rows)} look-alike pairs from {SOURCE} -> {args.out}")


if __name__ == "__main__":
    main()
