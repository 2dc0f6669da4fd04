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


def test_gated_tagger_rows_are_held_to_the_fill_rule(lenient, monkeypatch):
    def spans(low=(), score_text="19.5"):
        out = _spans(score_text)
        return [s.model_copy(update={"score": 0.5}) if s.label in low else s for s in out]

    monkeypatch.setattr(fuse_module, "ROW_GATE", False)
    [whole] = fuse(_parsed(with_row=False), spans(low={"ACTUAL"}), TEXT).projects
    assert whole.indicators[0].actual == "96%"  # taken whole: the unsure value comes too
    monkeypatch.setattr(fuse_module, "ROW_GATE", True)
    [gated] = fuse(_parsed(with_row=False), spans(low={"ACTUAL"}), TEXT).projects
    row = gated.indicators[0]
    assert (row.target, row.actual, row.weight, row.score) == ("≥95%", None, 20, 19.5)
    assert "actual" not in row.confidence and "actual" not in row.provenance
    [cut] = fuse(_parsed(with_row=False), spans(score_text="19"), TEXT).projects
    assert cut.indicators[0].score is None  # "19" of "19.5" cuts a number
    [unnamed] = fuse(_parsed(with_row=False), spans(low={"IND"}), TEXT).projects
    assert unnamed.indicators == []  # a row whose name is unsure is not a row


def test_a_fill_that_breaks_score_within_weight_is_undone(lenient, monkeypatch):
    monkeypatch.setattr(fuse_module, "WHOLE_NUMBER_FILLS", True)
    monkeypatch.setattr(fuse_module, "CONSISTENCY_VETO", True)
    # the tagger reads "99" (the total) as the row's score: above the row's weight of 20
    [p] = fuse(_parsed(), _spans("99"), TEXT).projects
    assert p.indicators[0].score is None
    assert "score" not in p.indicators[0].provenance and "score" not in p.indicators[0].confidence
    assert p.indicators[0].actual == "96%"  # other fills of the row stay
    [q] = fuse(_parsed(), _spans("19.5"), TEXT).projects
    assert q.indicators[0].score == 19.5
    monkeypatch.setattr(fuse_module, "CONSISTENCY_VETO", False)
    [r] = fuse(_parsed(), _spans("99"), TEXT).projects
    assert r.indicators[0].score == 99


FUNDS_TEXT = "项目名称 老字号 全年预算数 100 全年执行数 80 执行率 80% 90%"


def _funds_span(label, value, after=0):
    start = FUNDS_TEXT.index(value, after)
    return EntitySpan(label=label, start=start, end=start + len(value), text=value, score=0.99)


def test_a_rate_fill_that_disagrees_with_the_amounts_is_undone(lenient, monkeypatch):
    from jixiao.record import Funds

    monkeypatch.setattr(fuse_module, "CONSISTENCY_VETO", True)
    parsed = DocumentRecord(doc_id="d", projects=[Project(name="老字号", funds=Funds(annual_budget=100, executed=80),
                                                           indicators=[Indicator(name="运转保障率", weight=20)])])
    wrong = [_funds_span("PROJECT", "老字号"), _funds_span("RATE", "90%")]
    [p] = fuse(parsed, wrong, FUNDS_TEXT).projects
    assert p.funds.execution_rate is None
    right = [_funds_span("PROJECT", "老字号"), _funds_span("RATE", "80%")]
    [q] = fuse(parsed, right, FUNDS_TEXT).projects
    assert q.funds.execution_rate == 80


def test_characters_the_parser_read_are_not_a_second_field(lenient, monkeypatch):
    from jixiao.record import Funds

    monkeypatch.setattr(fuse_module, "EXCLUSIVE_SPANS", True)
    text = "项目名称 老字号 年初预算数 100 全年预算数 100 全年执行数 80"
    second = text.index("100", text.index("全年预算数"))
    parsed = DocumentRecord(doc_id="d", projects=[Project(
        name="老字号", funds=Funds(annual_budget=100, executed=80), indicators=[Indicator(name="运转保障率", weight=20)],
        provenance={"funds.annual_budget": Provenance(start=second, end=second + 3, source="table"),
                    # the table's extent is not a field: it claims no characters
                    "project": Provenance(start=0, end=len(text), source="table")})])

    def spans(at):
        return [EntitySpan(label="PROJECT", start=5, end=8, text="老字号", score=0.99),
                EntitySpan(label="AMT_INIT", start=at, end=at + 3, text="100", score=0.99)]

    # the tagger calls the 全年预算数 cell the initial budget: the parser already read it as the annual budget
    [p] = fuse(parsed, spans(second), text).projects
    assert p.funds.initial_budget is None
    [q] = fuse(parsed, spans(text.index("100")), text).projects  # the 年初预算数 cell: a value of its own
    assert q.funds.initial_budget == 100
    monkeypatch.setattr(fuse_module, "EXCLUSIVE_SPANS", False)
    [r] = fuse(parsed, spans(second), text).projects
    assert r.funds.initial_budget == 100


GRADE_TEXT = "项目名称 老字号 主管部门 文旅局 总分 77.5 评价等级 中 上年 优"


def test_a_grade_fill_outside_the_total_score_band_is_undone(lenient, monkeypatch):
    monkeypatch.setattr(fuse_module, "CONSISTENCY_VETO", True)
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
    monkeypatch.setattr(fuse_module, "CONSISTENCY_VETO", False)
    [r] = fuse(parsed, spans("优"), GRADE_TEXT).projects
    assert r.grade == "优"


def test_a_tagger_that_disagrees_with_the_parser_where_both_read_fills_nothing(lenient, monkeypatch):
    monkeypatch.setattr(fuse_module, "TRUST_MIN", 0.7)
    monkeypatch.setattr(fuse_module, "TRUST_EVIDENCE", 3)
    agreeing = fuse(_parsed(), _spans(), TEXT)  # level-1, level-2, target and weight as the parser read them
    assert agreeing.meta["fusion"]["tagger_fills"] is True
    assert (agreeing.projects[0].indicators[0].actual, agreeing.projects[0].indicators[0].score) == ("96%", 19.5)
    off = [_span("PROJECT", "老字号"), _span("L1", "产出指标"), _span("L2", "数量指标"), _span("IND", "运转保障率"),
           _span("TARGET", "96%"), _span("ACTUAL", "≥95%"), _span("WEIGHT", "99"), _span("SCORE", "19.5")]
    disagreeing = fuse(_parsed(), off, TEXT)  # 2 of 4 shared values agree: below 0.7
    fusion = disagreeing.meta["fusion"]
    assert (fusion["agree"], fusion["disagree"], fusion["tagger_fills"]) == (2, 2, False)
    row = disagreeing.projects[0].indicators[0]
    assert (row.target, row.weight, row.actual, row.score) == ("≥95%", 20, None, None)  # the parser's values, no fills
    monkeypatch.setattr(fuse_module, "TRUST_MIN", 0.0)
    assert fuse(_parsed(), off, TEXT).meta["fusion"]["tagger_fills"] is True
