"""QA regressions for `jixiao eval`: texts in other encodings, a broken manifest, an unwritable --out."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.eval.dataset import load_dataset

TEXT = "项目名称\t甲项目\n数量指标\t培训人数\t=10人\t=10人\t5\t5\n"
GOLD = {"doc_id": "d1", "projects": [{"name": "甲项目"}]}


def _gold_dir(tmp_path: Path, raw_text: bytes) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir(parents=True)
    (folder / "d1.txt").write_bytes(raw_text)
    (folder / "d1.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return folder


def test_text_is_decoded_like_extract_decodes_it(tmp_path: Path):
    # GB18030 text beside its gold used to fail ("cannot read text as UTF-8"); a BOM used to stay in the text.
    assert load_dataset(_gold_dir(tmp_path / "g", TEXT.encode("gb18030")))[0].text == TEXT
    assert load_dataset(_gold_dir(tmp_path / "b", b"\xef\xbb\xbf" + TEXT.encode()))[0].text == TEXT


def test_bad_manifest_is_one_line(tmp_path: Path):
    folder = _gold_dir(tmp_path, TEXT.encode())
    (folder / "manifest.json").write_text("not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(folder), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "error [eval.dataset]" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unwritable_out_is_a_message_not_a_traceback(tmp_path: Path):
    folder = _gold_dir(tmp_path, TEXT.encode())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(app, ["eval", str(folder), "--pred", str(tmp_path), "--out", str(blocker / "sub")])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "error [io.error]" in result.output
