"""The tagger's ONNX graphs carry the small attention mask, and the rewrite refuses a graph whose logits differ."""

import shutil
from pathlib import Path

import pytest

CHECKPOINT = Path(__file__).resolve().parents[1] / "models" / "checkpoint"
onnx = pytest.importorskip("onnx")
pytestmark = pytest.mark.skipif(not (CHECKPOINT / "model.int8.onnx").exists(), reason="no shipped ONNX checkpoint")


def test_shipped_graphs_are_lean():
    from jixiao.models.lean_onnx import MASK

    for name in ("model.onnx", "model.int8.onnx"):
        graph = onnx.load(str(CHECKPOINT / name)).graph
        producer = {o: n for n in graph.node for o in n.output}
        assert "IsNaN" not in [n.op_type for n in graph.node], name
        wheres = [n for n in graph.node if n.op_type == "Where" and n.input[0] in producer]
        assert not [n for n in wheres if producer[n.input[0]].op_type == "Expand"], name  # no [batch, 1, seq, seq] mask
        assert sum(n.input[0] == MASK for n in wheres) == 2, name  # one a layer


def test_rewrite_of_a_lean_graph_changes_nothing(tmp_path):
    from jixiao.models.lean_onnx import lean_checkpoint

    for name in ("model.onnx", "model.int8.onnx", "vocab.txt", "config.json"):
        shutil.copy(CHECKPOINT / name, tmp_path / name)
    before = (tmp_path / "model.int8.onnx").read_bytes()
    report = lean_checkpoint(tmp_path)
    assert report["model.int8.onnx"] == {"softmax_guards_removed": 0, "masks_made_small": 0}
    assert (tmp_path / "model.int8.onnx").read_bytes() == before


def test_different_logits_are_refused():
    from jixiao.models.lean_onnx import check_same_logits

    # int8 and fp32 weights give close but not identical logits: exactly what the rewrite must not accept
    with pytest.raises(ValueError, match="logits differ"):
        check_same_logits(CHECKPOINT / "model.onnx", CHECKPOINT / "model.int8.onnx", vocab_size=100, batches=2)
