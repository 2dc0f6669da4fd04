"""Mapper throughput (lookups per second): a benchmark, not a test.

    python bench/bench_mapper.py [--n 20000]

"cold" = every query distinct (the per-instance cache never hits); "warm" = the repeated names of a
real document (cache hits after the first time).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from jixiao.pipelines.map import Mapper
from jixiao.pipelines.map_eval import read_variants
from jixiao.pipelines.taxonomy import load_taxonomy

VARIANTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "mapping_variants.csv"


def _distinct(base: list[str], n: int, rng: random.Random) -> list[str]:
    """n distinct queries made from ``base`` by a random suffix, so that the cache cannot help."""
    return [f"{rng.choice(base)}{i}" for i in range(n)]


def _rate(fn, queries) -> tuple[float, float]:
    """Lookups per second of wall time and of this process's CPU time (the machine may be shared)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for q in queries:
        fn(q)
    return len(queries) / (time.perf_counter() - t0), len(queries) / (time.process_time() - c0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000)
    args = ap.parse_args()
    rng = random.Random(0)
    t0 = time.perf_counter()
    tax = load_taxonomy()
    t1 = time.perf_counter()
    mapper = Mapper.from_taxonomy(tax)
    t2 = time.perf_counter()
    variants = read_variants(VARIANTS)
    names = [v.printed for v in variants if v.kind == "indicator"]
    l2 = [v.level2 for v in variants if v.kind == "indicator" and v.level2]
    budget = [v.printed for v in variants if v.kind == "function"]
    heads = [v.printed for v in variants if v.kind == "level2"]
    rows = [
        ("indicator, cold, no level2", mapper.map,
         _distinct(names, args.n, rng)),
        ("indicator, cold, with level2", lambda q: mapper.map(q, level2=rng.choice(l2)), _distinct(names, args.n, rng)),
        ("indicator, warm (document names repeat)", mapper.map, [rng.choice(names) for _ in range(args.n)]),
        ("function names, cold", lambda q: mapper.map(q, "function"), _distinct(budget, args.n // 4, rng)),
        ("level-2 headings, cold", mapper.canonical_level2, _distinct(heads, args.n, rng)),
    ]
    table = Table(title=f"mapper throughput (taxonomy {tax.version}: {len(tax.entries)} entries)")
    table.add_column("lookup")
    table.add_column("queries")
    table.add_column("lookups/s (wall)", justify="right")
    table.add_column("lookups/s (CPU)", justify="right")
    for label, fn, queries in rows:
        wall, cpu = _rate(fn, queries)
        table.add_row(label, str(len(queries)), f"{wall:,.0f}", f"{cpu:,.0f}")
    Console().print(table)
    Console().print(f"load taxonomy {1000 * (t1 - t0):.0f} ms, build mapper {1000 * (t2 - t1):.0f} ms")


if __name__ == "__main__":
    main()
