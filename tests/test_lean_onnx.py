"""The tagger's ONNX graphs carry the small attention mask, and the rewrite refuses a graph whose logits differ."""

import shutil
from pathlib import Path

import pytest

CHECKPOINT = Path(__file__).resolve().parents[1] / "models" / "checkpoint"
onnx = pytest.importorskip("onnx")
pytestmark = pytest.mark.skipif(not (CHECKPOINT / "model.onnx").exists(), reason="no shipped ONNX checkpoint")
# the int8 graph ships only where it was measured faster than fp32 (models/train.py _onnx_stage)
SHIPPED = [name for name in ("model.onnx", "model.int8.onnx") if (CHECKPOINT / name).exists()]


def test_shipped_graphs_are_lean():
    from jixiao.models.lean_onnx import MASK

    for name in SHIPPED:
        graph = onnx.load(str(CHECKPOINT / name)).graph
        producer = {o: n for n in graph.node for o in n.output}
        assert "IsNaN" not in [n.op_type for n in graph.node], name
        wheres = [n for n in graph.node if n.op_type == "Where" and n.input[0] in producer]
        assert not [n for n in wheres if producer[n.input[0]].op_type == "Expand"], name  # no [batch, 1, seq, seq] mask
        assert sum(n.input[0] == MASK for n in wheres) == 2, name  # one a layer


def test_rewrite_of_a_lean_graph_changes_nothing(tmp_path):
    from jixiao.models.lean_onnx import lean_checkpoint

    for name in (*SHIPPED, "vocab.txt", "config.json"):
        shutil.copy(CHECKPOINT / name, tmp_path / name)
    before = {name: (tmp_path / name).read_bytes() for name in SHIPPED}
    report = lean_checkpoint(tmp_path)
    for name in SHIPPED:
        assert report[name] == {"softmax_guards_removed": 0, "masks_made_small": 0}
        assert (tmp_path / name).read_bytes() == before[name]


def test_different_logits_are_refused(tmp_path):
    pytest.importorskip("onnxruntime.quantization")
    from jixiao.models.export import quantize_int8
    from jixiao.models.lean_onnx import check_same_logits

    shutil.copy(CHECKPOINT / "model.onnx", tmp_path / "model.onnx")
    quantize_int8(tmp_path)
    # int8 and fp32 weights give close but not identical logits: exactly what the rewrite must not accept
    with pytest.raises(ValueError, match="logits differ"):
        check_same_logits(CHECKPOINT / "model.onnx", tmp_path / "model.int8.onnx", vocab_size=100, batches=2)
