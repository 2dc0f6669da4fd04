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
    note: str = ""  # why the label is what it is, where that needs saying (invented probes, relabels)
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


# ---- issue 19: the labelled mapping set (tests/data/mapping_labels.csv) ------------------------------
# Every distinct printed indicator name of the seeds and rla, plus OCR-slipped, spaced and reworded variants,
# each labelled by hand with its canonical level-3 entry (by name) or none; split dev / held-out by document.

LABELS_FILE = "mapping_labels.csv"
# pairs of measure types whose confusion the issue rules out
FORBIDDEN_CONFUSIONS = ({"count", "rate"}, {"amount", "rate"})
# pairs the mapper also keeps apart since round 8 (a rate or a count answered with a qualitative state), reported apart
# from the issue's own pairs
STATE_CONFUSIONS = ({"rate", "qualitative"}, {"count", "qualitative"})


class Label(BaseModel):
    printed: str
    level2: str = ""
    unit: str = ""
    doc: str
    split: str
    expected: str = ""  # entry id ("" = none)
    expected_name: str = ""
    origin: str
    note: str = ""  # why the label is what it is, where that needs saying (invented probes, relabels)


class Answer(BaseModel):
    label: Label
    predicted: str  # entry name, "" when the mapper abstained
    predicted_measure: str | None = None
    expected_measure: str | None = None
    category: str  # 数量 / 质量 / 时效 / 成本 / 效益 / 满意度 / "" (of the expected entry, else of the row's level-2)
    method: str
    score: float

    @property
    def answered(self) -> bool:
        return bool(self.predicted)

    @property
    def correct(self) -> bool:
        return self.predicted == self.label.expected_name


class Selective(BaseModel):
    """Precision of the answers, coverage of the names (answered / all), recall of the labelled ones."""

    n: int
    answered: int
    correct_answers: int
    labelled: int
    precision: float
    coverage: float  # answered / all names
    coverage_labelled: float  # answered / names that have an entry: the share of the mappable names answered
    recall: float  # right / names that have an entry
    abstained_right: int  # none-labelled names left unmatched


def read_labels(path: Path) -> list[Label]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        return [Label(**r) for r in csv.DictReader(f)]


def answer(mapper: Mapper, label: Label) -> Answer:
    from jixiao.pipelines.map import measure_of
    from jixiao.pipelines.vocab import LEVEL2_CATEGORY

    r = mapper.map(label.printed, "indicator", level2=label.level2 or None, unit=label.unit or None)
    tax = mapper.taxonomy
    exp = tax.by_id.get(label.expected) if label.expected else None
    cat = (exp.category if exp else None) or LEVEL2_CATEGORY.get(label.level2, "")
    return Answer(label=label, predicted=r.entry.name if r.entry else "",
                  predicted_measure=r.entry.measure if r.entry else None,
                  expected_measure=exp.measure if exp else measure_of(label.printed, label.unit or None),
                  category=cat or "", method=r.method, score=r.score)


def selective(answers: Sequence[Answer]) -> Selective:
    n = len(answers)
    answered = [a for a in answers if a.answered]
    right = sum(a.correct for a in answered)
    labelled = [a for a in answers if a.label.expected_name]
    return Selective(
        n=n, answered=len(answered), correct_answers=right, labelled=len(labelled),
        precision=right / len(answered) if answered else 1.0, coverage=len(answered) / n if n else 0.0,
        coverage_labelled=sum(a.answered for a in labelled) / len(labelled) if labelled else 0.0,
        recall=sum(a.correct for a in labelled) / len(labelled) if labelled else 0.0,
        abstained_right=sum(1 for a in answers if not a.answered and not a.label.expected_name))


def curve(answers: Sequence[Answer]) -> list[tuple[float, float, float]]:
    """(score threshold, coverage of the mappable names, precision) when only answers at or above each threshold
    are kept."""
    n = sum(1 for a in answers if a.label.expected_name) or 1
    answered = sorted((a for a in answers if a.answered), key=lambda a: -a.score)
    out, right, on_labelled = [], 0, 0
    for k, a in enumerate(answered, start=1):
        right += a.correct
        on_labelled += bool(a.label.expected_name)
        if k == len(answered) or answered[k].score < a.score:
            out.append((a.score, on_labelled / n, right / k))
    return out


def confusions(answers: Sequence[Answer], pairs: tuple[set[str], ...] = FORBIDDEN_CONFUSIONS) -> list[Answer]:
    """Wrong answers that join a count and a rate, or an amount and a rate (or the given ``pairs``)."""
    return [a for a in answers if a.answered and not a.correct and a.predicted_measure and a.expected_measure
            and {a.predicted_measure, a.expected_measure} in pairs]


def evaluate_labels(mapper: Mapper, labels: Iterable[Label]) -> dict[str, object]:
    """Per split: the selective scores, per category and per origin, the curve, the forbidden confusions, errors."""
    answers = [answer(mapper, lb) for lb in labels]
    report: dict[str, object] = {}
    for split in sorted({a.label.split for a in answers}):
        part = [a for a in answers if a.label.split == split]
        groups: dict[str, list[Answer]] = defaultdict(list)
        for a in part:
            groups[f"category={a.category or '-'}"].append(a)
            groups[f"origin={a.label.origin}"].append(a)
        report[split] = {
            "all": selective(part).model_dump(),
            "groups": {g: selective(v).model_dump() for g, v in sorted(groups.items())},
            "curve": curve(part),
            "confusions": [_row(a) for a in confusions(part)],
            "state_confusions": [_row(a) for a in confusions(part, STATE_CONFUSIONS)],
            "errors": [_row(a) for a in part if not a.correct],
        }
    return report


def _row(a: Answer) -> dict[str, object]:
    return {"printed": a.label.printed, "level2": a.label.level2, "doc": a.label.doc, "expected": a.label.expected_name,
            "predicted": a.predicted, "method": a.method, "score": round(a.score, 1),
            "measures": [a.expected_measure, a.predicted_measure]}


def plot_curve(report: dict[str, object], path: Path) -> Path:
    """The precision-coverage curve of each split, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 4))
    for split, part in report.items():
        pts = part["curve"]  # type: ignore[index]
        if pts:
            ax.plot([c for _, c, _ in pts], [p for _, _, p in pts], marker=".", label=split)
            ax.annotate(f"{pts[-1][2]:.3f} @ {pts[-1][1]:.2f}", (pts[-1][1], pts[-1][2]), fontsize=8)
    ax.axhline(0.95, color="grey", lw=0.8, ls="--")
    ax.axvline(0.80, color="grey", lw=0.8, ls=":")
    ax.set_xlabel("coverage (answers / names that have an entry)")
    ax.set_ylabel("precision (right / answered)")
    ax.set_ylim(0.5, 1.01)
    ax.set_xlim(0, 1)
    ax.set_title("jixiao indicator mapping: precision vs coverage")
    ax.legend()
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
