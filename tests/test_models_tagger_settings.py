"""The tagger is built from the Settings handed to the extractor or the app, never from the process-wide
settings; its window and stride come from its checkpoint."""

import json
import shutil
from pathlib import Path

import pytest

from jixiao.config import Settings, get_settings

CHECKPOINT = Path(__file__).resolve().parents[1] / "models" / "checkpoint"
needs_onnx = pytest.mark.skipif(
    not (CHECKPOINT / "model.onnx").exists(),
    reason="no shipped ONNX checkpoint",
)


@pytest.fixture
def global_settings_disagree(monkeypatch):
    """The process-wide settings ask for what the test does not: a stage reading them is caught."""
    monkeypatch.setenv("JIXIAO_TAGGER_BACKEND", "onnx-int8")
    monkeypatch.setenv("JIXIAO_TAGGER_REGIONS", "false")
    monkeypatch.setenv("JIXIAO_WORKERS_THREADS", "3")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@needs_onnx
def test_extractor_from_settings_loads_the_backend_it_was_asked_for(global_settings_disagree):
    from jixiao.pipelines.extract import Extractor

    settings = Settings(model_dir=CHECKPOINT, tagger_backend="onnx-fp32", tagger_regions=True, workers_threads=1)
    tagger = Extractor.from_settings(settings).tagger
    assert tagger.backend == "onnx-fp32"
    assert tagger.regions is True and tagger.threads == 1


@needs_onnx
def test_create_app_passes_its_settings_to_the_tagger(global_settings_disagree):
    from fastapi.testclient import TestClient

    from jixiao.service.app import create_app

    settings = Settings(model_dir=CHECKPOINT, tagger_backend="onnx-fp32", workers_threads=1)
    with TestClient(create_app(settings)) as client:
        tagger = client.app.state.extractor.tagger
    assert tagger.backend == "onnx-fp32" and tagger.threads == 1


@needs_onnx
def test_from_pretrained_does_not_read_the_process_settings(global_settings_disagree):
    from jixiao.models.tagger import CharTagger

    tagger = CharTagger.from_pretrained(CHECKPOINT, backend="onnx-fp32")
    assert tagger.backend == "onnx-fp32" and tagger.regions is True


def _copy_checkpoint(tmp_path: Path, window: int) -> Path:
    """The shipped checkpoint's files with a training window of ``window`` characters."""
    out = tmp_path / "ckpt"
    shutil.copytree(CHECKPOINT, out)
    cfg = json.loads((out / "train_config.json").read_text(encoding="utf-8"))
    cfg["window"] = window
    (out / "train_config.json").write_text(json.dumps(cfg), encoding="utf-8")
    return out


@needs_onnx
def test_window_and_stride_come_from_the_checkpoint(tmp_path):
    from jixiao.models.tagger import CharTagger

    shipped = json.loads((CHECKPOINT / "train_config.json").read_text(encoding="utf-8"))["window"]
    tagger = CharTagger.from_pretrained(CHECKPOINT, backend="onnx-fp32")
    assert tagger.window == shipped and 0 < tagger.stride <= tagger.window
    small = CharTagger.from_pretrained(_copy_checkpoint(tmp_path, 128), backend="onnx-fp32")
    assert small.window == 128 and 0 < small.stride <= 128
    assert small.stride < tagger.stride


@needs_onnx
def test_settings_cannot_give_a_window_the_checkpoint_was_not_trained_with(tmp_path, monkeypatch):
    from jixiao.pipelines.extract import Extractor

    monkeypatch.setenv("JIXIAO_TAGGER_WINDOW", "512")
    ckpt = _copy_checkpoint(tmp_path, 128)
    tagger = Extractor.from_settings(Settings(model_dir=ckpt, tagger_backend="onnx-fp32")).tagger
    assert tagger.window == 128


def test_the_model_card_states_the_checkpoints_window():
    from jixiao.models.card import render_card

    card = render_card({}, windows=(128, 96))
    assert "window 128 characters" in card and "128-character windows overlap by 32" in card
    assert "256-character" not in card and "window 256" not in card


@needs_onnx
def test_auto_backend_takes_the_fp32_export_where_no_int8_ships(tmp_path):
    """A checkpoint whose int8 graph was not kept (not faster when trained) still runs on ONNX, never on torch: the
    runtime install has no torch."""
    from jixiao.models.tagger import CharTagger

    for name in ("model.onnx", "vocab.txt", "config.json", "train_config.json"):
        shutil.copy(CHECKPOINT / name, tmp_path / name)
    assert CharTagger.from_pretrained(tmp_path, backend="auto").backend == "onnx-fp32"
