"""Greedy name pairing of section 4: best `fuzz.ratio` first, each side used once, only at ratio >= 90."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from jixiao.eval.normalize import normalize_text

PAIR_THRESHOLD = 90.0


class Pair(BaseModel):
    gold: int
    pred: int
    ratio: float


def pair_names(
    gold_names: Sequence[str | None],
    pred_names: Sequence[str | None],
    *,
    gold_level2: Sequence[str | None] | None = None,
    pred_level2: Sequence[str | None] | None = None,
    threshold: float = PAIR_THRESHOLD,
) -> list[Pair]:
    """Pair gold and predicted items by normalized name.

    Candidates are taken by descending ratio; at equal ratio a pair whose
    normalized level2 agrees goes first, then document order (gold, then
    predicted index) so the result never depends on anything else.
    """
    if not gold_names or not pred_names:
        return []
    gold_norm = [normalize_text(n) or "" for n in gold_names]
    pred_norm = [normalize_text(n) or "" for n in pred_names]
    # One C call for the whole matrix; cutoff makes sub-threshold cells 0.
    matrix = cdist(gold_norm, pred_norm, scorer=fuzz.ratio, score_cutoff=threshold)
    g_l2 = [normalize_text(x) for x in gold_level2] if gold_level2 is not None else None
    p_l2 = [normalize_text(x) for x in pred_level2] if pred_level2 is not None else None

    candidates = []
    for gi in range(len(gold_norm)):
        for pj in range(len(pred_norm)):
            ratio = float(matrix[gi, pj])
            # Empty names never pair: cdist scores ('', '') as 100.
            if ratio < threshold or not gold_norm[gi] or not pred_norm[pj]:
                continue
            same_level2 = g_l2 is not None and p_l2 is not None and g_l2[gi] is not None and g_l2[gi] == p_l2[pj]
            candidates.append((-ratio, not same_level2, gi, pj))
    candidates.sort()

    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for neg_ratio, _, gi, pj in candidates:
        if gi in used_gold or pj in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pj)
        pairs.append(Pair(gold=gi, pred=pj, ratio=-neg_ratio))
    return sorted(pairs, key=lambda p: p.gold)
