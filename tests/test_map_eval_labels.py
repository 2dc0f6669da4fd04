"""The labelled mapping set (tests/data/mapping_labels.csv) and ``jixiao eval-map``."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.pipelines.map import Mapper
from jixiao.pipelines.map_eval import evaluate_labels, read_labels
from jixiao.pipelines.taxonomy import load_taxonomy

LABELS = Path(__file__).parent / "data" / "mapping_labels.csv"


@pytest.fixture(scope="module")
def labels():
    return read_labels(LABELS)


@pytest.fixture(scope="module")
def report(labels):
    return evaluate_labels(Mapper.from_taxonomy(), labels)


def test_the_set_covers_every_printed_name_and_is_split_by_document(labels):
    printed = [lb for lb in labels if lb.origin == "printed"]
    assert len(printed) >= 350 and len({lb.printed for lb in printed}) == len(printed)
    assert {lb.origin for lb in labels} >= {"printed", "ocr", "spaced", "reworded"}
    docs = {}
    for lb in labels:
        docs.setdefault(lb.doc, set()).add(lb.split)
    assert all(len(s) == 1 for s in docs.values()), "a document's names are all in one split"
    assert docs["004"] == {"heldout"}
    tax = load_taxonomy()
    family_a = {e.name for e in tax.by_id.values() if e.family == "A" and e.level == "3"}
    for lb in labels:
        if lb.expected:
            e = tax.by_id[lb.expected]
            assert e.level == "3" and e.name == lb.expected_name
            # another framework's entry only where family A has none of that name (预算执行率 in a project table)
            assert e.family == "A" or e.name not in family_a


def test_fresh_names_are_all_labelled_once_and_split_by_document(labels):
    """The fresh set (tests/data/mapping_fresh_names.csv, written before the taxonomy was read): every name labelled,
    fr01-fr12 the fresh dev split, fr13-fr24 the fresh held-out split."""
    import csv

    with (LABELS.parent / "mapping_fresh_names.csv").open(encoding="utf-8", newline="") as f:
        names = [(r["doc"], r["printed"], r["level2"], r["unit"]) for r in csv.DictReader(f)]
    fresh = [lb for lb in labels if lb.origin == "fresh"]
    assert sorted((lb.doc, lb.printed, lb.level2, lb.unit) for lb in fresh) == sorted(names)
    assert len(fresh) >= 240 and len({lb.doc for lb in fresh}) == 24
    for lb in fresh:
        assert lb.split == ("fresh_dev" if int(lb.doc[2:]) <= 12 else "fresh_heldout")


@pytest.mark.parametrize(
    "origin, count", [("fresh2", 130), ("fresh3", 144), ("fresh4", 156), ("fresh5", 156), ("fresh6", 172),
     ("fresh7", 179), ("fresh8", 177)]
)
def test_blind_fresh_names_are_all_labelled_once(labels, origin, count):
    """The third to ninth fresh sets (tests/data/mapping_<origin>_names.csv, written without the taxonomy
    and labelled blind, before the mapper was run on them): every name labelled once, all in its held-out split."""
    import csv

    with (LABELS.parent / f"mapping_{origin}_names.csv").open(encoding="utf-8", newline="") as f:
        names = [(r["doc"], r["printed"], r["level2"], r["unit"]) for r in csv.DictReader(f)]
    fresh = [lb for lb in labels if lb.origin == origin]
    assert sorted((lb.doc, lb.printed, lb.level2, lb.unit) for lb in fresh) == sorted(names)
    assert len(fresh) == count and {lb.split for lb in fresh} == {f"{origin}_heldout"}


def test_no_count_rate_or_amount_rate_confusion(report):
    assert all(not part["confusions"] for part in report.values())


def test_precision_on_both_splits(report):
    # measured, not a target: the held-out bar of issue 19 is 0.95 at coverage 0.80 (see the report)
    assert report["dev"]["all"]["precision"] >= 0.95
    # 0.85 for one round: the held-out none labels predated round 5's sector entries; they were re-checked blind
    # against the grown taxonomy (19 relabelled, "relabelled round 5 (blind)" in their note), measured 0.909 after
    assert report["heldout"]["all"]["precision"] >= 0.90


def test_eval_map_command(tmp_path):
    png = tmp_path / "curve.png"
    out = CliRunner().invoke(app, ["eval-map", "--plot", str(png), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    fresh = {"fresh_heldout", "fresh2_heldout", "fresh3_heldout", "fresh4_heldout", "fresh5_heldout",
             "fresh6_heldout", "fresh7_heldout", "fresh8_heldout"}
    assert set(data) == {"dev", "heldout", "fresh_dev", *fresh}
    assert all(data[split]["curve"] for split in fresh)
    assert png.stat().st_size > 1000
