"""The runtime install extracts on onnxruntime alone; training, the torch backend and the displaCy view are extras
whose absence ends in a typed error that names the extra."""

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.errors import MissingExtraError
from jixiao.extras import require

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "self_evaluation_example.txt"
CHECKPOINT = ROOT / "models" / "checkpoint"


def test_a_missing_extra_is_a_typed_error_naming_the_extra():
    with pytest.raises(MissingExtraError, match=r"jixiao\[viz\]") as info:
        require("jixiao_no_such_module.sub", extra="viz", purpose="The view")
    assert info.value.code == "install.missing_extra"
    assert "The view needs jixiao_no_such_module" in str(info.value)
    assert require("json", extra="viz", purpose="x").dumps([]) == "[]"


def test_a_broken_installed_module_is_not_reported_as_a_missing_extra(tmp_path, monkeypatch):
    (tmp_path / "jixiao_broken_mod.py").write_text("import jixiao_dependency_gone\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="jixiao_dependency_gone"):
        require("jixiao_broken_mod", extra="train", purpose="x")


@pytest.mark.skipif(not (CHECKPOINT / "model.onnx").exists(), reason="no shipped ONNX checkpoint")
def test_extraction_with_the_tagger_imports_neither_torch_transformers_nor_spacy():
    code = (
        "import sys\n"
        "from jixiao.pipelines.extract import Extractor\n"
        "from jixiao.pipelines.ingest import load_path\n"
        "e = Extractor.from_settings()\n"
        "assert e.tagger is not None and e.tagger.backend.startswith('onnx'), e.tagger\n"
        f"r = e.extract(load_path({str(EXAMPLE)!r}))\n"
        "assert r.projects\n"
        "print(sorted(m for m in ('torch', 'transformers', 'spacy', 'seqeval') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(not (CHECKPOINT / "config.json").exists(), reason="no shipped checkpoint")
def test_the_torch_backend_without_torch_names_the_train_extra(monkeypatch):
    from jixiao.models.tagger import CharTagger

    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now fails as if it were not installed
    with pytest.raises(MissingExtraError, match=r"jixiao\[train\]"):
        CharTagger.from_pretrained(CHECKPOINT, backend="torch")


def test_the_displacy_view_without_spacy_fails_before_tagging(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    result = CliRunner().invoke(app, ["tag", str(EXAMPLE), "--html", str(tmp_path / "tags.html")])
    assert result.exit_code == 2
    assert "error [install.missing_extra]" in result.output and "jixiao[viz]" in result.output
    assert "spans" not in result.output  # no table of spans printed first
    assert not (tmp_path / "tags.html").exists()
