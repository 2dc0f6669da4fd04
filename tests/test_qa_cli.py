"""QA regressions for `jixiao extract`, `jixiao bench` and settings errors at the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.config import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_same_stem_in_two_folders_does_not_overwrite(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt"),
                                      "-o", str(out), "--mode", "parser"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == ["report-2.json", "report.json"]
    sources = {json.loads((out / name).read_text(encoding="utf-8"))["source"] for name in written}
    assert sources == {str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt")}


def test_json_lines_answer_every_input_in_order(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(app, ["extract", str(EXAMPLE), str(empty), str(missing), str(tmp_path), str(EXAMPLE),
                                      "--mode", "parser"])
    assert result.exit_code == 1
    _no_traceback(result)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 5
    assert [line.get("error", {}).get("code") for line in lines] == [None, "input.empty", "input.unreadable", "input.unreadable", None]
    assert lines[1]["source"] == str(empty) and len(lines[0]["projects"]) == 2 == len(lines[4]["projects"])


def test_output_that_cannot_be_a_folder_is_a_message_not_a_traceback(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(app, ["extract", str(EXAMPLE), "-o", str(blocker), "--mode", "parser"])
    assert result.exit_code == 2
    _no_traceback(result)
    assert "output.unwritable" in result.output and "not a folder" in result.output


def test_bench_missing_file_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["bench", str(tmp_path / "nope.txt"), "-n", "1"])
    assert result.exit_code == 2
    _no_traceback(result)
    assert "nope.txt" in result.output


def test_bad_environment_setting_names_the_variable(monkeypatch):
    monkeypatch.setenv("JIXIAO_MAX_BATCH", "many")
    result = CliRunner().invoke(app, ["extract", str(EXAMPLE), "--mode", "parser"])
    assert result.exit_code == 2
    _no_traceback(result)
    assert "config.invalid" in result.output and "JIXIAO_MAX_BATCH" in result.output


def test_serve_with_a_broken_checkpoint_fails_with_one_typed_line_before_binding(tmp_path, monkeypatch):
    from jixiao.config import get_settings

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model.safetensors").write_bytes(b"junk")
    monkeypatch.setenv("JIXIAO_MODEL_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["serve", "--port", "1"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "error [model.unavailable]" in result.output and "Traceback" not in result.output
