"""`jixiao train --quick` end to end: data, MLM pretraining, fine-tuning, checkpoint, ONNX, card (slow)."""

import json

import pytest
from typer.testing import CliRunner

from jixiao.cli import app


@pytest.mark.slow
def test_quick_training_produces_a_loadable_checkpoint(tmp_path):
    out = tmp_path / "ckpt"
    result = CliRunner().invoke(app, ["train", "--quick", "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json", "metrics.json", "README.md",
                 "model.onnx"):
        assert (out / name).exists(), name
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    # fine-tuning learned something: the loss fell well below the uniform-guess loss (ln 37 = 3.6)
    assert metrics["losses"]["finetune"] < 2.0
    assert 0.0 <= metrics["synthetic_heldout"]["micro avg"]["f1-score"] <= 1.0
    assert metrics["onnx"]["onnx_fp32_tag_agreement"] > 0.999

    from jixiao.models.tagger import CharTagger

    tagger = CharTagger.from_pretrained(out, backend="torch")
    text = "项目名称\t老字号\n主管部门\t烈山区人社局\n"
    tags, _ = tagger.tag_chars(text)
    assert len(tags) == len(text)


def test_bad_config_is_a_typed_error(tmp_path):
    result = CliRunner().invoke(app, ["train", "--config", str(tmp_path / "missing.json")])
    assert result.exit_code == 2
    assert "model.unavailable" in result.output
