"""Fill conditions of the fusion: a numeric fill must be a whole number of the text; a fill that breaks a check is undone."""

from dataclasses import FrozenInstanceError, replace

import pytest

from jixiao.pipelines.fuse import _cuts_number, fuse
from jixiao.pipelines.fusion_rules import FUSION_RULES, FusionRules
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


@pytest.mark.parametrize(("start", "end", "cut"), [
    (3, 5, True), (3, 8, False), (5, 8, True), (6, 8, True), (11, 12, True), (11, 16, False), (17, 20, False),
])
def test_cuts_number(start, end, cut):
    text = "总额 19.44 万 1,234 96%，98%"
    assert _cuts_number(Provenance(start=start, end=end, source="tagger"), text) is cut


def test_a_numeric_span_cutting_a_number_is_not_filled():
    [p] = fuse(_parsed(), _spans("19"), TEXT).projects
    assert p.indicators[0].score is None  # "19" of "19.5" is not a value
    assert p.indicators[0].actual == "96%"  # string fields are not held to the rule
    [q] = fuse(_parsed(), _spans("19.5"), TEXT).projects
    assert q.indicators[0].score == 19.5


def test_a_parser_project_without_rows_takes_the_tagger_rows_whole():
    unsure_actual = [s.model_copy(update={"score": 0.5}) if s.label == "ACTUAL" else s for s in _spans()]
    [p] = fuse(_parsed(with_row=False), unsure_actual, TEXT).projects
    [row] = p.indicators
    assert row.name == "运转保障率"
    assert row.actual == "96%"  # taken whole: the unsure value comes too


def test_the_fill_threshold_is_the_rules_one():
    # a tagger value's confidence here is 0.99 x 0.9 = 0.891: enough at the shipped 0.89, not at 0.9
    [p] = fuse(_parsed(), _spans(), TEXT).projects
    assert p.indicators[0].score == 19.5
    [q] = fuse(_parsed(), _spans(), TEXT, rules=replace(FUSION_RULES, fill_min=0.9)).projects
    assert q.indicators[0].score is None


def test_the_rules_are_frozen_and_checked():
    with pytest.raises(FrozenInstanceError):
        FUSION_RULES.fill_min = 0.5
    with pytest.raises(ValueError):
        FusionRules(fill_min=1.5)


def test_a_fill_that_breaks_score_within_weight_is_undone():
    # the tagger reads "99" (the total) as the row's score: above the row's weight of 20
    [p] = fuse(_parsed(), _spans("99"), TEXT).projects
    assert p.indicators[0].score is None
    assert "score" not in p.indicators[0].provenance and "score" not in p.indicators[0].confidence
    assert p.indicators[0].actual == "96%"  # other fills of the row stay
    [q] = fuse(_parsed(), _spans("19.5"), TEXT).projects
    assert q.indicators[0].score == 19.5


FUNDS_TEXT = "项目名称 老字号 全年预算数 100 全年执行数 80 执行率 80% 90%"


def _funds_span(label, value, after=0):
    start = FUNDS_TEXT.index(value, after)
    return EntitySpan(label=label, start=start, end=start + len(value), text=value, score=0.99)


def test_a_rate_fill_that_disagrees_with_the_amounts_is_undone():
    from jixiao.record import Funds

    parsed = DocumentRecord(doc_id="d", projects=[Project(name="老字号", funds=Funds(annual_budget=100, executed=80),
                                                           indicators=[Indicator(name="运转保障率", weight=20)])])
    wrong = [_funds_span("PROJECT", "老字号"), _funds_span("RATE", "90%")]
    [p] = fuse(parsed, wrong, FUNDS_TEXT).projects
    assert p.funds.execution_rate is None
    right = [_funds_span("PROJECT", "老字号"), _funds_span("RATE", "80%")]
    [q] = fuse(parsed, right, FUNDS_TEXT).projects
    assert q.funds.execution_rate == 80


GRADE_TEXT = "项目名称 老字号 主管部门 文旅局 总分 77.5 评价等级 中 上年 优"


def test_a_grade_fill_outside_the_total_score_band_is_undone():
    parsed = DocumentRecord(doc_id="d", projects=[Project(name="老字号", score=77.5,
                                                           indicators=[Indicator(name="运转保障率", weight=20)])])

    def spans(grade_at):
        at = GRADE_TEXT.index(grade_at)
        total = GRADE_TEXT.index("77.5")
        return [EntitySpan(label="PROJECT", start=5, end=8, text="老字号", score=0.99),
                EntitySpan(label="DEPT", start=14, end=17, text="文旅局", score=0.99),
                EntitySpan(label="TOTAL", start=total, end=total + 4, text="77.5", score=0.99),
                EntitySpan(label="GRADE", start=at, end=at + 1, text=GRADE_TEXT[at], score=0.99)]

    [p] = fuse(parsed, spans("优"), GRADE_TEXT).projects  # 77.5 is 中 in the national bands
    assert p.grade is None and "grade" not in p.provenance
    [q] = fuse(parsed, spans("中"), GRADE_TEXT).projects
    assert q.grade == "中"
