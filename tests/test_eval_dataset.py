"""The labeled set on disk: manifest, text resolution, typed errors for everything missing or broken."""

import json
from pathlib import Path

import pytest

from jixiao.config import REPO_ROOT, Settings
from jixiao.eval.dataset import Manifest, load_dataset, load_prediction, resolve_text, sha256_file
from jixiao.eval.errors import DatasetError, GoldFormatError, MissingPredictionError, MissingTextError, PredictionFormatError
from jixiao.errors import JixiaoError

GOLD = {"doc_id": "a", "projects": [{"name": "P", "funds": {"execution_rate": "100.00%"}}]}


def _write(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


def _labeled_repo(tmp_path: Path, *, text_where: str = "beside") -> tuple[Path, Path]:
    """A repo root with data/dev (manifest + gold) and the text beside the repo, as in the real layout."""
    root = tmp_path / "repo"
    gold_dir = root / "data" / "dev"
    gold_dir.mkdir(parents=True)
    seeds = tmp_path / "shared" / "seeds" if text_where == "beside" else root / "shared" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "a.txt").write_text("项目名称\tP\n", encoding="utf-8")
    _write(gold_dir / "a.gold.json", GOLD)
    manifest = {"documents": [{"name": "a", "text": "../shared/seeds/a.txt", "sha256": sha256_file(seeds / "a.txt"), "split": "test"}]}
    _write(gold_dir / "manifest.json", manifest)
    return root, gold_dir


def test_manifest_text_resolved_from_repo_root(tmp_path):
    root, gold_dir = _labeled_repo(tmp_path)
    (doc,) = load_dataset(gold_dir, root=root, settings=Settings())
    assert doc.split == "test"
    assert doc.text_path == (tmp_path / "shared" / "seeds" / "a.txt").resolve()
    assert doc.gold.projects[0].funds.execution_rate == 100.0  # printed percent read as a number


def test_fallback_to_shared_seeds_inside_the_repo(tmp_path):
    root, gold_dir = _labeled_repo(tmp_path, text_where="inside")
    (doc,) = load_dataset(gold_dir, root=root, settings=Settings())
    assert doc.text_path == root / "shared" / "seeds" / "a.txt"


def test_env_override_of_seeds_dir(tmp_path, monkeypatch):
    root, gold_dir = _labeled_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_bytes((tmp_path / "shared" / "seeds" / "a.txt").read_bytes())
    monkeypatch.setenv("JIXIAO_SEEDS_DIR", str(elsewhere))
    (doc,) = load_dataset(gold_dir, root=root, settings=Settings())
    assert doc.text_path == elsewhere / "a.txt"


def test_missing_text_is_a_clear_typed_error(tmp_path):
    root, gold_dir = _labeled_repo(tmp_path)
    (tmp_path / "shared" / "seeds" / "a.txt").unlink()
    with pytest.raises(MissingTextError, match=r"text '../shared/seeds/a.txt' not found.*JIXIAO_SEEDS_DIR") as info:
        load_dataset(gold_dir, root=root, settings=Settings())
    assert info.value.code == "eval.missing_text"


def test_changed_text_is_refused(tmp_path):
    root, gold_dir = _labeled_repo(tmp_path)
    (tmp_path / "shared" / "seeds" / "a.txt").write_text("changed", encoding="utf-8")
    with pytest.raises(DatasetError, match="changed since it was labeled"):
        load_dataset(gold_dir, root=root, settings=Settings())


def test_bad_gold_is_a_typed_error(tmp_path):
    root, gold_dir = _labeled_repo(tmp_path)
    (gold_dir / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        load_dataset(gold_dir, root=root, settings=Settings())
    _write(gold_dir / "a.gold.json", {"doc_id": "a", "projects": [{"code": "x"}]})
    with pytest.raises(GoldFormatError, match=r"projects\.0\.name"):
        load_dataset(gold_dir, root=root, settings=Settings())


def test_gold_dir_without_manifest_reads_text_beside_gold(tmp_path):
    (tmp_path / "b.txt").write_text("t", encoding="utf-8")
    _write(tmp_path / "b.gold.json", GOLD)
    (doc,) = load_dataset(tmp_path)
    assert (doc.name, doc.split, doc.text) == ("b", "dev", "t")
    (tmp_path / "b.txt").unlink()
    with pytest.raises(MissingTextError, match="b.gold.json has no b.txt"):
        load_dataset(tmp_path)


def test_missing_prediction_file_is_a_typed_error(tmp_path):
    with pytest.raises(MissingPredictionError, match="no prediction for a \\(expected one of: a.json") as info:
        load_prediction(tmp_path, "a")
    assert isinstance(info.value, JixiaoError) and info.value.code == "eval.missing_prediction"
    with pytest.raises(MissingPredictionError, match="does not exist"):
        load_prediction(tmp_path / "nope", "a")
    (tmp_path / "a.json").write_text("[]", encoding="utf-8")
    with pytest.raises(PredictionFormatError):
        load_prediction(tmp_path, "a")


def test_committed_manifest_keeps_004_as_test_and_references_texts():
    manifest = Manifest.model_validate_json((REPO_ROOT / "data" / "dev" / "manifest.json").read_text(encoding="utf-8"))
    splits = {d.name: d.split for d in manifest.documents}
    assert splits["004_8a0d0dcb57c81ddb"] == "test"
    assert all(split == "dev" for name, split in splits.items() if not name.startswith("004_"))
    for entry in manifest.documents:
        assert entry.text == f"../shared/seeds/{entry.name}.txt"
        assert not (REPO_ROOT / "data" / "dev" / f"{entry.name}.txt").exists(), "texts are referenced, not copied"


def test_committed_manifest_hashes_match_the_texts():
    manifest = Manifest.model_validate_json((REPO_ROOT / "data" / "dev" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest.documents:
        try:
            path = resolve_text(entry.text, settings=Settings())
        except MissingTextError:
            pytest.skip("seed texts not available on this machine")
        assert sha256_file(path) == entry.sha256, entry.name
