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
