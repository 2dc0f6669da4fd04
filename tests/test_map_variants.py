"""Accuracy on the labelled variant list (tests/data/mapping_variants.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.pipelines.map import INDICATOR_THRESHOLD, Mapper
from jixiao.pipelines.map_eval import calibrate, evaluate, read_variants
from jixiao.pipelines.taxonomy import load_taxonomy

VARIANTS = Path(__file__).parent / "data" / "mapping_variants.csv"


@pytest.fixture(scope="module")
def variants():
    return read_variants(VARIANTS)


@pytest.fixture(scope="module")
def scores(variants):
    return evaluate(Mapper.from_taxonomy(), variants)


def test_the_list_is_large_and_covers_every_part(variants):
    assert len(variants) >= 300
    kinds = {v.kind for v in variants}
    assert kinds == {"level1", "level2", "indicator", "function", "economic"}
    origins = {v.origin.split(":")[0] for v in variants}
    assert {"seed 000", "seed 002", "seed 003", "seed 004", "noise"} <= origins
    assert all(v.split == "heldout" for v in variants if v.origin == "seed 004")
    assert any(not v.expected for v in variants if v.kind == "indicator"), "unmatched names are labelled too"


def test_level1_and_level2_are_all_right(scores):
    assert scores["level1+level2"].accuracy == 1.0


def test_heldout_accuracy(scores):
    assert scores["split=heldout"].accuracy >= 0.97
    assert scores["heldout/noised"].accuracy >= 0.97
    # 0.95 before round 5 of issue 19: six held-out names labelled none before entries of their meaning existed
    # (城镇新增就业数, 受益学生数 …) are answered now; the empty labels were re-checked blind against the grown taxonomy
    # (20 relabelled), measured 0.940 after: still under 0.95, so the bar stays at 0.93
    assert scores["heldout/kind=indicator"].accuracy >= 0.93


def test_shipped_threshold_is_the_calibrated_one(variants):
    best, curve = calibrate(load_taxonomy(), variants, "indicator", grid=range(60, 86, 2))
    assert curve[INDICATOR_THRESHOLD] == max(curve.values())
