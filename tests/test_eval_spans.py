"""Span-level scores: seqeval strict IOB2 and the SemEval-2013 (nervaluate-style) schemas."""

import pytest

from jixiao.eval.spans import overlap_scores, span_report, spans_to_tags, tags_to_spans
from jixiao.pipelines.tag import EntitySpan


def test_strict_iob2_drops_an_i_without_b():
    pytest.importorskip("seqeval")  # the train extra
    assert [(s.label, s.start, s.end) for s in tags_to_spans(["I-NAME", "I-NAME", "O", "B-AMT", "I-AMT"])] == [("AMT", 3, 5)]


def test_seqeval_strict_per_type():
    pytest.importorskip("seqeval")
    gold = [["B-NAME", "I-NAME", "O", "B-AMT", "I-AMT", "O"]]
    pred = [["B-NAME", "I-NAME", "O", "B-AMT", "O", "O"]]  # AMT cut short: wrong under strict matching
    report = span_report(gold, pred)["seqeval"]
    assert report["NAME"]["f1-score"] == 1.0
    assert report["AMT"]["f1-score"] == 0.0
    assert report["micro avg"]["precision"] == 0.5


def test_semeval_schemas_on_each_case():
    gold = [[("NAME", 0, 4), ("AMT", 10, 14), ("RATE", 20, 23), ("DEPT", 30, 35), ("CODE", 40, 42)]]
    pred = [[
        ("NAME", 0, 4),    # exact boundaries and type
        ("RATE", 10, 14),  # exact boundaries, wrong type
        ("RATE", 20, 22),  # overlap, right type
        ("NAME", 31, 36),  # overlap, wrong type
        ("AMT", 50, 52),   # nothing there: spurious
    ]]                     # CODE: missed
    o = overlap_scores(gold, pred)["overall"]
    assert {k: o["strict"][k] for k in ("correct", "incorrect", "partial", "missed", "spurious")} == \
        {"correct": 1, "incorrect": 3, "partial": 0, "missed": 1, "spurious": 1}
    assert (o["exact"]["correct"], o["exact"]["incorrect"]) == (2, 2)
    assert (o["partial"]["correct"], o["partial"]["partial"]) == (2, 2)
    assert (o["type"]["correct"], o["type"]["incorrect"]) == (2, 2)
    # possible = 5 gold, actual = 5 predicted
    assert o["strict"]["precision"] == pytest.approx(1 / 5)
    assert o["partial"]["recall"] == pytest.approx((2 + 0.5 * 2) / 5)
    assert o["type"]["f1"] == pytest.approx(2 / 5)


def test_spans_and_tags_give_the_same_report():
    pytest.importorskip("seqeval")
    spans_gold = [[EntitySpan(label="NAME", start=0, end=3, text="abc"), ("AMT", 5, 7)]]
    spans_pred = [[{"label": "NAME", "start": 0, "end": 3}, ("AMT", 5, 6)]]
    by_spans = span_report(spans_gold, spans_pred, lengths=[8])
    tags_gold = [spans_to_tags(spans_gold[0], 8)]
    tags_pred = [spans_to_tags(spans_pred[0], 8)]
    assert tags_gold[0] == ["B-NAME", "I-NAME", "I-NAME", "O", "O", "B-AMT", "I-AMT", "O"]
    assert span_report(tags_gold, tags_pred) == by_spans
    assert by_spans["overlap"]["by_type"]["AMT"]["partial"]["partial"] == 1


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError, match="lengths"):
        span_report([[("A", 0, 1)]], [[("A", 0, 1)]])
    with pytest.raises(ValueError, match="overlaps"):
        spans_to_tags([("A", 0, 3), ("B", 2, 4)], 5)
    with pytest.raises(ValueError, match="gold tags but"):
        span_report([["O", "O"]], [["O"]])
