"""Fill conditions of the fusion: a numeric fill must be a whole number of the text; tagger rows may be switched off."""

import pytest

from jixiao.pipelines import fuse as fuse_module
from jixiao.pipelines.fuse import _cuts_number, fuse
from jixiao.pipelines.tag import EntitySpan
from jixiao.record import DocumentRecord, Indicator, Project, Provenance

TEXT = "项目名称 老字号 一级指标 产出指标 数量指标 运转保障率 ≥95% 96% 20 19.5 总分 99"


def _span(label, value, after=0, end=None):
    start = TEXT.index(value, after)
    stop = start + len(value) if end is None else end
    return EntitySpan(label=label, start=start, end=stop, text=TEXT[start:stop], score=0.99)


def _spans(score_text="19.5"):
    return [_span("PROJECT", "老字号"), _span("L1", "产出指标"), _span("L2", "数量指标"), _span("IND", "运转保障率"),
            _span("TARGET", "≥95%"), _span("ACTUAL", "96%"), _span("WEIGHT", "20"),
            _span("SCORE", score_text, TEXT.index("20 ") + 3)]


def _parsed(with_row=True):
    rows = [Indicator(level1="产出指标", level2="数量指标", name="运转保障率", target="≥95%", weight=20)] if with_row else []
    return DocumentRecord(doc_id="d", projects=[Project(name="老字号", indicators=rows)])


@pytest.fixture
def lenient(monkeypatch):
    monkeypatch.setattr(fuse_module, "FILL_MIN", 0.8)
    monkeypatch.setattr(fuse_module, "TAGGER_ROWS", True)


@pytest.mark.parametrize(("start", "end", "cut"), [
    (3, 5, True), (3, 8, False), (5, 8, True), (6, 8, True), (11, 12, True), (11, 16, False), (17, 20, False),
])
def test_cuts_number(start, end, cut):
    text = "总额 19.44 万 1,234 96%，98%"
    assert _cuts_number(Provenance(start=start, end=end, source="tagger"), text) is cut


def test_a_numeric_span_cutting_a_number_is_not_filled(lenient, monkeypatch):
    monkeypatch.setattr(fuse_module, "WHOLE_NUMBER_FILLS", True)
    [p] = fuse(_parsed(), _spans("19"), TEXT).projects
    assert p.indicators[0].score is None  # "19" of "19.5" is not a value
    assert p.indicators[0].actual == "96%"  # string fields are not held to the rule
    [q] = fuse(_parsed(), _spans("19.5"), TEXT).projects
    assert q.indicators[0].score == 19.5


def test_without_the_rule_a_cut_number_fills(lenient, monkeypatch):
    monkeypatch.setattr(fuse_module, "WHOLE_NUMBER_FILLS", False)
    [p] = fuse(_parsed(), _spans("19"), TEXT).projects
    assert p.indicators[0].score == 19


def test_tagger_rows_switch(lenient, monkeypatch):
    [p] = fuse(_parsed(with_row=False), _spans(), TEXT).projects
    assert [i.name for i in p.indicators] == ["运转保障率"]
    monkeypatch.setattr(fuse_module, "TAGGER_ROWS", False)
    [q] = fuse(_parsed(with_row=False), _spans(), TEXT).projects
    assert q.indicators == []
