"""`jixiao extract` on hostile names (issue 21, item 6): a GBK-named file, a newline in a name, an output name
that is a symlink, and a bomb among good files; one result or one error per input, nothing outside -o written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "data"))

import bomb_files as bombs  # noqa: E402

from jixiao.config import REPO_ROOT
from jixiao.pipelines.cli import one_line, safe_stem

EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"
CLI = "from jixiao.cli import app; app()"


def _run(*args: bytes | str) -> subprocess.CompletedProcess:
    # bytes argv: the names reach the CLI exactly as a Windows zip leaves them on a Linux disk
    return subprocess.run([os.fsencode(sys.executable), b"-c", CLI.encode(), *[os.fsencode(a) for a in args]],
                          capture_output=True, timeout=120)


def test_a_batch_of_hostile_inputs_answers_every_one(tmp_path: Path):
    src = os.fsencode(tmp_path)
    gbk = src + b"/" + "项目自评".encode("gbk") + b".txt"
    newline = src + b"/two\nlines.txt"
    with open(gbk, "wb") as f:
        f.write(EXAMPLE.read_bytes())
    with open(newline, "wb") as f:
        f.write(EXAMPLE.read_bytes())
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(bombs.docx_paragraphs(1_000_000))
    good = tmp_path / "good.txt"
    good.write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.json"
    victim.write_text("keep me")
    (out / "good.json").symlink_to(victim)

    result = _run("extract", gbk, newline, bomb, good, "-o", out, "--mode", "parser")
    assert result.returncode == 1, result.stderr  # the bomb failed, the others did not
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    assert "input.zip_bomb" in stderr and "max_zip_xml_bytes" in stderr
    assert victim.read_text() == "keep me" and not (out / "good.json").is_symlink()
    name = "项目自评".encode("gbk").decode("utf-8", "backslashreplace")  # \xcf\xee, then c4 bf is UTF-8 (Ŀ) …
    stem = name.replace("\\x", "x")
    assert sorted(p.name for p in out.iterdir()) == sorted(["good.json", "two_lines.json", f"{stem}.json", "bomb.error.json"])
    bomb_error = json.loads((out / "bomb.error.json").read_text(encoding="utf-8"))  # a failed input leaves its error
    assert bomb_error["error"]["code"] == "input.zip_bomb" and bomb_error["source"] == str(bomb)
    gbk_record = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    assert gbk_record["source"] == str(tmp_path / name) + ".txt" and gbk_record["doc_id"] == name
    assert len(gbk_record["projects"]) == 2
    summaries = [line for line in result.stdout.decode("utf-8").splitlines() if "->" in line]
    assert len(summaries) == 3 and any("two\\x0alines.txt" in line for line in summaries)


def test_json_lines_carry_a_gbk_name_escaped(tmp_path: Path):
    gbk = os.fsencode(tmp_path) + b"/" + "报告".encode("gbk") + b".txt"
    with open(gbk, "wb") as f:
        f.write(EXAMPLE.read_bytes())
    result = _run("extract", gbk, tmp_path / "missing.txt", "--mode", "parser", "--compact")
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [line.get("error", {}).get("code") for line in lines] == [None, "input.unreadable"]
    assert lines[0]["source"].endswith("\\xb1\\xa8\\xb8\\xe6.txt") and lines[0]["doc_id"] == "\\xb1\\xa8\\xb8\\xe6"


def test_safe_stems_and_one_line():
    assert safe_stem(Path(os.fsdecode(b"/x/\xb1\xa8.txt"))) == "xb1xa8"
    assert safe_stem(Path("a\nb:c*d?.txt")) == "a_b_c_d_"
    assert safe_stem(Path("..json")) == "document"
    assert safe_stem(Path("项" * 200 + ".txt")) == "项" * 66
    assert one_line("a\nb\tc\u2028") == "a\\x0ab\\x09c\\u2028"


def test_stems_apart_only_in_case_or_normal_form_get_their_own_outputs():
    from jixiao.pipelines.outputs import output_stems

    paths = [Path("a/Report.txt"), Path("b/report.txt"), Path("c/REPORT.pdf"), Path("d/caf\u00e9.txt"),
             Path("e/cafe\u0301.txt")]
    assert output_stems(paths) == ["Report", "report-2", "REPORT-3", "caf\u00e9", "cafe\u0301-2"]


def test_cli_timeout_kills_a_runaway_file_and_goes_on(tmp_path: Path):
    runaway = tmp_path / "long.txt"
    runaway.write_text(EXAMPLE.read_text(encoding="utf-8") * 400, encoding="utf-8")  # ~1.5 M characters: seconds
    good = tmp_path / "good.txt"
    good.write_bytes(EXAMPLE.read_bytes())
    result = _run("extract", runaway, good, "--mode", "parser", "--timeout", "0.3", "--compact")
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [line.get("error", {}).get("code") for line in lines] == ["request.timeout", None]
    assert len(lines[1]["projects"]) == 2
