"""Extractor and CLI behaviour: typed errors, modes, the bundled example."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.config import REPO_ROOT
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.validate import check_project
from jixiao.record import Funds, Indicator, Project

EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"


def test_bundled_example(extractor):
    rec = extractor.extract_text(EXAMPLE.read_text(encoding="utf-8"), mode="parser")
    assert [p.name for p in rec.projects] == ["2024年城区公共就业服务站运行补助", "2024年退役军人职业技能培训经费"]
    p = rec.projects[0]
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (1200000.0, 1355000.0, 1287200.0, 95.0)
    assert len(p.indicators) == 7 and p.score == 97.5
    assert p.indicators[4].level2 == "社会效益指标" and p.indicators[5].level2 == "可持续影响指标"
    assert p.checks == [] and rec.projects[1].checks == []


def test_not_a_report_gives_an_empty_record(extractor):
    rec = extractor.extract_text("今天天气很好。\n没有表格。", mode="parser")
    assert rec.projects == []


def test_tagger_modes_fall_back_with_a_note(extractor):
    rec = extractor.extract_text(EXAMPLE.read_text(encoding="utf-8"), mode="combined")
    assert len(rec.projects) == 2
    assert any("no tagger" in n for n in rec.meta["notes"])


def test_fuse_hook_is_called_when_a_tagger_is_plugged_in():
    calls = {}

    class FakeTagger:
        def tag(self, text, *, deadline=None):
            return []

    def fuse(record, spans, text, mapper=None, rules=None):
        calls["fuse"] = (len(record.projects), spans)
        return record

    ex = Extractor(tagger=FakeTagger(), fuse=fuse)
    rec = ex.extract_text(EXAMPLE.read_text(encoding="utf-8"), mode="combined")
    assert calls["fuse"] == (2, []) and "tag" in rec.meta["timings_s"]


def test_validate_flags_rate_and_score_mismatches():
    p = Project(name="x", funds=Funds(annual_budget=100.0, executed=50.0, execution_rate=100.0), score=90.0,
                indicators=[Indicator(name="a", weight=60.0, score=60.0), Indicator(name="b", weight=20.0, score=20.0)])
    codes = {c.code for c in check_project(p)}
    assert {"funds.rate_mismatch", "score.sum_mismatch", "weights.not_100"} <= codes


@pytest.mark.parametrize(("score", "grade", "flagged"), [
    (90.0, "优", False), (89.99, "优", True), (89.99, "良", False), (80.0, "良", False), (79.5, "良", True),
    (60.0, "中", False), (59.0, "中", True), (59.0, "差", False), (95.0, None, False), (95.0, "合格", False),
])
def test_validate_flags_a_grade_outside_the_score_band(score, grade, flagged):
    p = Project(name="x", score=score, grade=grade)
    assert ("grade.band_mismatch" in {c.code for c in check_project(p)}) is flagged


def test_cli_extract_errors_do_not_stop_other_files(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(empty), str(binary), str(gbk), "-o", str(out), "--mode", "parser"])
    assert result.exit_code == 1
    assert re.search(r"empty\.txt: error input\.empty", result.output)
    assert re.search(r"bin\.txt: error input\.binary", result.output)
    rec = json.loads((out / "gbk.json").read_text(encoding="utf-8"))
    assert len(rec["projects"]) == 2 and rec["meta"]["encoding"] == "gb18030"


def test_cli_single_file_prints_json(tmp_path: Path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    result = CliRunner().invoke(app, ["extract", str(bom), "--mode", "parser"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert rec["doc_id"] == "bom" and len(rec["projects"]) == 2
    # provenance offsets index the decoded text (after the BOM)
    text = EXAMPLE.read_text(encoding="utf-8")
    pv = rec["projects"][0]["provenance"]["name"]
    assert text[pv["start"]:pv["end"]] == rec["projects"][0]["name"]


def test_cli_bench_runs(tmp_path: Path):
    result = CliRunner().invoke(app, ["bench", str(EXAMPLE), "-n", "1", "--json", str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "b.json").read_text())
    assert data["docs"][0]["projects"] == 2 and data["docs"][0]["total_ms"] > 0


def test_a_checkpoint_that_cannot_load_is_a_typed_error(tmp_path: Path):
    from jixiao.config import Settings
    from jixiao.errors import ModelError

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model.safetensors").write_bytes(b"junk")
    with pytest.raises(ModelError, match="cannot load the tagger checkpoint"):
        Extractor.from_settings(Settings(model_dir=tmp_path, tagger_backend="torch"))


def test_without_a_checkpoint_the_extractor_is_ready_and_says_the_tagger_is_missing(tmp_path: Path):
    from jixiao.config import Settings

    ex = Extractor.from_settings(Settings(model_dir=tmp_path))
    assert ex.ready and ex.tagger is None
    rec = ex.extract_text(EXAMPLE.read_text(encoding="utf-8"), mode="combined")
    assert any("no tagger loaded" in note for note in rec.meta["notes"])


def test_a_text_that_is_not_a_report_gives_no_projects_and_says_so():
    rec = Extractor.from_settings().extract_text("第一章 风起\n那年春天，河边的柳树发了芽。\nIt was a bright cold day in April.", mode="parser")
    assert rec.projects == []
    assert "no project table or project report found" in rec.meta["notes"]


def test_a_report_on_several_projects_is_not_read_as_a_funds_table_without_indicator_rows():
    """Labeled blocks of several projects (项目名称：… / 全年预算数：…) that a table reader takes for a funds table:
    the prose reading of the whole text, naming every project with more facts, is the record (invented)."""
    from jixiao.pipelines.extract import Extractor

    block = ["项目名称：{n}", "主管部门：某区民政局", "实施单位：某区社会福利中心", "全年预算数：{a}万元", "全年执行数：{x}万元",
             "预算执行率：{r}%", "主要绩效指标完成情况：",
             "1.指标名称：{i}；年度指标值：≥100人；实际完成值：120人；分值：20；得分：20。", "自评得分：{s}", "自评等级：优"]
    text = "\n".join(["某区民政局2023年度项目支出绩效自评情况公开", "【项目一】",
                      *[b.format(n="孤儿基本生活保障", a="48.00", x="48.00", r="100.00", i="保障孤儿人数", s="97.00") for b in block],
                      "【项目二】",
                      *[b.format(n="残疾人两项补贴", a="120.00", x="114.00", r="95.00", i="补贴发放人数", s="93.00") for b in block],
                      ""])
    record = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser")
    assert [(p.name, p.funds.annual_budget, p.score, [i.name for i in p.indicators]) for p in record.projects] == [
        ("孤儿基本生活保障", 480000.0, 97.0, ["保障孤儿人数"]), ("残疾人两项补贴", 1200000.0, 93.0, ["补贴发放人数"])]
