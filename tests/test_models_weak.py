from pathlib import Path

import pytest

from jixiao.models.weak import label_document, weak_examples
from jixiao.record import DocumentRecord, Indicator, Project, Provenance


def test_test_seed_is_refused():
    with pytest.raises(ValueError, match="test split"):
        weak_examples([Path("/nonexistent/004_abc.txt")], extractor=None)


def test_provenance_becomes_spans():
    text = "项目名称\t老字号\n主管部门\t烈山区人社局\n数量指标\t运转保障率\t≥95%\t96%\t20\t20\n"
    ind = Indicator(name="运转保障率", level2="数量指标", target="≥95%", actual="96%", weight=20, score=20)
    for key, value in (("name", "运转保障率"), ("target", "≥95%"), ("actual", "96%")):
        start = text.index(value)
        ind.provenance[key] = Provenance(start=start, end=start + len(value))
    proj = Project(name="老字号", department="烈山区人社局", indicators=[ind])
    for key, value in (("name", "老字号"), ("department", "烈山区人社局")):
        start = text.index(value)
        proj.provenance[key] = Provenance(start=start, end=start + len(value))
    [region] = label_document(text, DocumentRecord(doc_id="x", projects=[proj]))
    got = {(region.text[s:e], t) for s, e, t in region.spans()}
    assert {("老字号", "PROJECT"), ("烈山区人社局", "DEPT"), ("运转保障率", "IND"), ("≥95%", "TARGET"),
            ("96%", "ACTUAL"), ("项目名称", "HEADER"), ("主管部门", "HEADER")} <= got


def test_collapsed_copy_keeps_labels_on_their_characters():
    """The weak regions' collapsed copies (``synth.collapse`` one space per newline/tab) keep their labels."""
    from jixiao.models.synth import LabeledText, collapse

    ex = LabeledText()
    ex.add("项目名称", "HEADER"), ex.add("\t"), ex.add("老字\n号", "PROJECT"), ex.add("\n")
    flat = collapse(ex, per_char=True)
    assert flat.text == "项目名称 老字 号 "
    assert [(flat.text[s:e], t) for s, e, t in flat.spans()] == [("项目名称", "HEADER"), ("老字 号", "PROJECT")]
    assert ex.text == "项目名称\t老字\n号\n"  # the original is untouched


# an invented table in a real-layouts family (one cell per line closed by ' |', pipe-only filler lines)
REAL_LAYOUT_STYLE = "\n".join([
    "项目支出绩效自评表 |", "||||||||",
    "项目名称 |", "乡村道路养护补助 |", "||||||||",
    "主管部门 |", "示例县交通局 |", "实施单位 |", "示例县公路站 |", "||||||||",
    "项目资金 (万元) |", "|", "年初预算数 |", "全年预算数 |", "全年执行数 |", "分值 |", "执行率 |", "得分 |", "||||||",
    "年度资金总额 |", "50万 |", "50万 |", "45万 |", "10 |", "90% |", "9 |", "||||||",
    "绩 效 指 标 |", "一级指标 |", "二级指标 |", "三级指标 |", "年度 指标值 |", "实际 完成值 |", "分值 |", "得分 |",
    "偏差原因 |", "||||||",
    "产出指标 |", "数量指标 |", "养护道路里程 |", "≥80公里 |", "85公里 |", "20 |", "20 |", "|", "||||||",
    "总分 |", "92 |", "||||||",
])


def test_real_layout_text_is_labelled_like_a_seed(tmp_path):
    """A development real-layouts text goes through the same parser -> provenance -> spans path as the seeds."""
    from jixiao.pipelines.extract import Extractor

    path = tmp_path / "rla99.txt"
    path.write_text(REAL_LAYOUT_STYLE, encoding="utf-8")
    [region] = weak_examples([path], Extractor.from_settings(load_tagger=False))
    got = {(region.text[s:e].strip(" |"), t) for s, e, t in region.spans()}
    assert {("乡村道路养护补助", "PROJECT"), ("示例县交通局", "DEPT"), ("示例县公路站", "IMPL"),
            ("养护道路里程", "IND"), ("≥80公里", "TARGET"), ("85公里", "ACTUAL"), ("项目名称", "HEADER")} <= got


def test_text_the_parser_cannot_read_gives_no_labels(tmp_path):
    from jixiao.pipelines.extract import Extractor

    path = tmp_path / "rla98.txt"
    path.write_text("本页为目录，无表格内容。\n第一章 总则\n", encoding="utf-8")
    assert weak_examples([path], Extractor.from_settings(load_tagger=False)) == []


def test_held_out_real_layouts_are_refused():
    with pytest.raises(ValueError, match="held out"):
        weak_examples([Path("/nonexistent/rlb01.txt")], extractor=None)


def test_weak_real_layouts_config_entry(tmp_path):
    """``data.weak_real_layouts`` names development documents (or globs) under the real-layouts folder; never rlb."""
    from pydantic import ValidationError

    from jixiao.models.train import DataConfig, _real_layout_paths

    assert DataConfig().weak_real_layouts == []  # off unless the config names documents
    for name in ("rla01", "rlb01", "rlc01", "rl*", "*"):
        (tmp_path / f"{name.replace('*', 'x')}.txt").write_text("x", encoding="utf-8")
    for bad in (["rlb*"], ["rla01", "rlb01"], ["rl*"], ["*"]):
        with pytest.raises(ValidationError, match="development"):
            DataConfig(weak_real_layouts=bad)
    cfg = DataConfig(weak_real_layouts=["rla*", "rla01"], real_layouts_dir=str(tmp_path))
    assert [p.name for p in _real_layout_paths(cfg)] == ["rla01.txt"]
    assert _real_layout_paths(DataConfig(weak_real_layouts=["rla*"], real_layouts_dir=str(tmp_path / "missing"))) == []
    assert _real_layout_paths(DataConfig(real_layouts_dir=str(tmp_path))) == []


def test_weak_real_layouts_default_to_the_shared_folder(monkeypatch, tmp_path):
    from jixiao.models.train import DataConfig, _real_layout_paths

    (tmp_path / "rla02.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_REAL_LAYOUTS_DIR", str(tmp_path))
    assert [p.name for p in _real_layout_paths(DataConfig(weak_real_layouts=["rla02"]))] == ["rla02.txt"]
