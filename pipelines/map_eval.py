"""Accuracy of the mapper on the labelled variant list (tests/data/mapping_variants.csv), and the
threshold calibration that uses its calibration split."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel

from jixiao.pipelines.map import Mapper
from jixiao.pipelines.taxonomy import Taxonomy

MATCH_KINDS = ("indicator", "function", "economic")


class Variant(BaseModel):
    kind: str
    printed: str
    level2: str = ""
    code: str = ""
    expected: str = ""
    origin: str
    split: str

    @property
    def noised(self) -> bool:
        return self.origin.startswith("noise:")


class Outcome(BaseModel):
    variant: Variant
    predicted: str
    method: str
    score: float

    @property
    def correct(self) -> bool:
        return self.predicted == self.variant.expected


class Scores(BaseModel):
    n: int
    accuracy: float
    unmatched_rate: float = 0.0
    false_unmatched: int = 0
    false_match: int = 0


def read_variants(path: Path) -> list[Variant]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        return [Variant(**r) for r in csv.DictReader(f)]


def predict(mapper: Mapper, v: Variant) -> Outcome:
    """Level-1/2 rows compare canonical names, level-3 rows entry names, budget rows codes."""
    if v.kind in ("level1", "level2"):
        r = mapper.map(v.printed, v.kind)
        pred = r.entry.name if r.entry else ""
    elif v.kind == "indicator":
        r = mapper.map(v.printed, "indicator", level2=v.level2 or None)
        pred = r.entry.name if r.entry else ""
    else:
        r = mapper.map(v.printed, v.kind, code=v.code or None)
        pred = (r.entry.code or "") if r.entry else ""
    return Outcome(variant=v, predicted=pred, method=r.method, score=r.score)


def score(outcomes: Sequence[Outcome]) -> Scores:
    n = len(outcomes)
    if n == 0:
        return Scores(n=0, accuracy=0.0)
    unmatched = [o for o in outcomes if not o.predicted]
    return Scores(
        n=n,
        accuracy=sum(o.correct for o in outcomes) / n,
        unmatched_rate=len(unmatched) / n,
        false_unmatched=sum(1 for o in unmatched if o.variant.expected),
        false_match=sum(1 for o in outcomes if o.predicted and not o.correct),
    )


def evaluate(mapper: Mapper, variants: Iterable[Variant]) -> dict[str, Scores]:
    """Scores overall, per split, per kind, for the noised part, for seed rows and for level-1/2."""
    outcomes = [predict(mapper, v) for v in variants]
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        v = o.variant
        part = "noised" if v.noised else "seed"
        for g in ("all", f"split={v.split}", f"kind={v.kind}", f"part={part}", f"{v.split}/{part}",
                  f"{v.split}/kind={v.kind}"):
            groups[g].append(o)
        if v.kind in ("level1", "level2"):
            groups["level1+level2"].append(o)
            groups[f"level1+level2/part={part}"].append(o)
    return {g: score(os) for g, os in sorted(groups.items())}


def errors(mapper: Mapper, variants: Iterable[Variant]) -> list[Outcome]:
    return [o for o in (predict(mapper, v) for v in variants) if not o.correct]


def calibrate(taxonomy: Taxonomy, variants: Sequence[Variant], kind: str = "indicator",
              grid: Iterable[float] = range(50, 100)) -> tuple[float, dict[float, float]]:
    """The threshold with the best accuracy on the calibration split of ``kind`` rows (ties: the higher one)."""
    rows = [v for v in variants if v.split == "calibration" and
            (v.kind == kind or (kind == "budget" and v.kind in ("function", "economic")))]
    curve: dict[float, float] = {}
    for t in grid:
        t = float(t)
        mapper = (Mapper(taxonomy, threshold=t) if kind == "indicator" else Mapper(taxonomy, budget_threshold=t))
        curve[t] = score([predict(mapper, v) for v in rows]).accuracy
    best = max(curve.values())
    return max(t for t, a in curve.items() if a == best), curve
