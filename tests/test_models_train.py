"""`jixiao train --quick` end to end: data, MLM pretraining, fine-tuning, checkpoint, ONNX, card (slow)."""

import hashlib
import json

import pytest
from typer.testing import CliRunner

from jixiao.cli import app

pytest.importorskip("torch")  # training needs the train extra
pytest.importorskip("transformers")


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


def _quiet(*args, **kwargs):
    pass


@pytest.fixture(scope="module")
def quick_checkpoint(tmp_path_factory):
    from jixiao.models.train import train

    out = tmp_path_factory.mktemp("quick") / "ckpt"
    train(quick=True, out_dir=out, onnx=False, log=_quiet)
    return out


def _digest(path):
    return hashlib.sha256((path / "model.safetensors").read_bytes()).hexdigest()


@pytest.mark.slow
def test_same_seed_same_weights(quick_checkpoint, tmp_path):
    """`jixiao train` is reproducible: a second run of one config gives byte-identical weights."""
    from jixiao.models.train import train

    train(quick=True, out_dir=tmp_path / "again", onnx=False, log=_quiet)
    assert _digest(tmp_path / "again") == _digest(quick_checkpoint)


@pytest.mark.slow
def test_base_model_replaces_pretraining(quick_checkpoint, tmp_path):
    """`--base-model` starts from a local Hugging Face checkpoint (its vocab.txt kept) instead of MLM pretraining."""
    from jixiao.models.tagger import CharTagger
    from jixiao.models.train import train

    metrics = train(quick=True, out_dir=tmp_path / "ft", onnx=False, log=_quiet, base_model=quick_checkpoint)
    assert metrics["losses"]["pretrain_mlm"] is None
    assert "pretrain_s" not in metrics["timings"]
    assert (tmp_path / "ft" / "vocab.txt").read_text(encoding="utf-8") == (quick_checkpoint / "vocab.txt").read_text(encoding="utf-8")
    tagger = CharTagger.from_pretrained(tmp_path / "ft", backend="torch")
    text = "项目名称\t老字号\n"
    assert len(tagger.tag_chars(text)[0]) == len(text)


@pytest.mark.slow
def test_shipped_model_was_trained_on_what_the_code_builds_now():
    """The corpus fingerprint in the shipped metrics.json matches the corpus the committed code builds.

    A change to the generator, the weak labeller or the parser (whose reading of
    seeds 000-003 is the weak labels) that alters the training data fails here:
    retrain with `jixiao train` and ship the new checkpoint.
    """
    from jixiao.models.train import CHECKPOINT_DIR, _seed_paths, build_corpus, corpus_fingerprint, load_config

    cfg = load_config()
    if not _seed_paths(cfg.data):
        pytest.skip("seed texts not found: the weak half of the corpus cannot be rebuilt here")
    shipped = json.loads((CHECKPOINT_DIR / "metrics.json").read_text(encoding="utf-8"))["corpus"]["sha256"]
    assert corpus_fingerprint(build_corpus(cfg, log=lambda *a, **k: None)) == shipped


@pytest.mark.slow
def test_learning_curve_is_measured_without_changing_the_weights(quick_checkpoint, tmp_path):
    """The held-out probes (``finetune.eval_every``) draw nothing at random: with them off the weights are the same."""
    from jixiao.models.train import load_config, train

    metrics = json.loads((quick_checkpoint / "metrics.json").read_text(encoding="utf-8"))
    curve = metrics["learning_curve"]
    cfg = load_config(quick=True)
    every, steps = cfg.finetune.eval_every, cfg.finetune.steps
    assert every > 0
    assert [p["step"] for p in curve] == list(range(every, steps + 1, every))
    assert all(p["heldout_loss"] > 0 for p in curve)
    assert curve[-1]["heldout_loss"] < curve[0]["heldout_loss"]  # the tagger learned something it had not seen

    cfg.finetune.eval_every = 0
    again = train(config=cfg, out_dir=tmp_path / "no_curve", onnx=False, log=_quiet)
    assert again["learning_curve"] == []
    assert _digest(tmp_path / "no_curve") == _digest(quick_checkpoint)
