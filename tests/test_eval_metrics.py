"""Section 4: project/indicator P/R/F1, field accuracy, record F1 and the error list, counted by hand."""

import pytest

from jixiao.eval.metrics import score_document
from jixiao.record import DocumentRecord, Funds, Indicator, Project, Provenance


def _ind(name, level2="数量指标", **kw):
    return Indicator(level1="产出指标", level2=level2, name=name, **kw)


def _doc(*projects):
    return DocumentRecord(doc_id="d", projects=list(projects))


def test_identical_records_score_perfectly():
    gold = _doc(Project(name="P1", department="某局", funds=Funds(executed=100.0), indicators=[_ind("a", target="=1个", weight=5)]))
    s = score_document(gold, gold.model_copy(deep=True))
    # facts: project name, department, executed, indicator name, level1, level2, target, weight
    assert (s.summary.facts.right, s.summary.facts.predicted, s.summary.facts.gold) == (8, 8, 8)
    assert s.summary.facts.f1 == 1.0
    assert s.summary.field_accuracy == 1.0
    assert s.errors == []


def test_hand_counted_document():
    gold = _doc(
        Project(
            name="2024年城乡居民基本养老保险代办员补助",
            department="汾阳市人力资源和社会保障局",
            funds=Funds(initial_budget=273400.0, annual_budget=252400.0, executed=252400.0, execution_rate=100.0),
            score=99.0,
            grade="优",
            indicators=[
                _ind("参保人数", target="=88个", actual="=88个", weight=4, score=4),
                _ind("发放准确率", level2="质量指标", target="≥95%", actual="100%", weight=4, score=4),
            ],
        )
    )
    pred = _doc(
        Project(
            name="2024年城乡居民基本养老保险代办员补助 ",
            department="汾阳市人力资源和社会保障局",
            funds=Funds(initial_budget=27.34 * 10000, annual_budget=252400.0, executed=252401.0, execution_rate=100.0),
            score=99.0,
            indicators=[
                _ind("参保人数", target="= 88个", actual="=88个", weight=4, score=3.5,
                     provenance={"score": Provenance(start=40, end=43)}),
                _ind("满意度", level2="质量指标", target="≧95%"),
            ],
        )
    )
    text = "x" * 40 + "3.5" + "y" * 10
    s = score_document(gold, pred, text=text).summary
    errors = score_document(gold, pred, text=text).errors
    assert (s.projects.right, s.projects.predicted, s.projects.gold) == (1, 1, 1)
    assert (s.indicators.right, s.indicators.predicted, s.indicators.gold) == (1, 2, 2)
    # gold facts: project 1+7, indicators 7+7 = 22; predicted: 1+6, 7+4 = 18
    # right: name, department, initial, annual, rate, score (6) + name, level1, level2, target, actual, weight (6) = 12
    assert (s.facts.right, s.facts.predicted, s.facts.gold) == (12, 18, 22)
    assert s.facts.precision == pytest.approx(12 / 18)
    assert s.facts.recall == pytest.approx(12 / 22)
    assert s.facts.f1 == pytest.approx(2 * 12 / (18 + 22))
    # field accuracy: project 5/7 (executed, grade wrong), indicator 5/6 (score wrong)
    assert s.fields["funds.executed"].model_dump() == {"correct": 0, "total": 1}
    assert s.fields["grade"].model_dump() == {"correct": 0, "total": 1}
    assert s.fields["indicator.score"].model_dump() == {"correct": 0, "total": 1}
    assert s.field_accuracy == pytest.approx(10 / 13)
    kinds = [e.kind for e in errors]
    assert kinds.count("missed") == 8  # grade + the unpaired gold indicator's name and 6 fields
    assert kinds.count("spurious") == 4  # the unpaired predicted indicator's name, level1, level2, target
    assert kinds.count("wrong") == 2
    wrong_score = next(e for e in errors if e.kind == "wrong" and e.field == "indicator.score")
    assert (wrong_score.gold, wrong_score.pred) == (4.0, 3.5)
    assert (wrong_score.provenance.start, wrong_score.provenance.end) == (40, 43)
    assert wrong_score.context == ("x" * 30, "3.5", "y" * 10)
    assert wrong_score.indicator == "参保人数"


def test_unpaired_projects_count_all_their_facts_and_indicators():
    gold = _doc(Project(name="甲项目资金", score=90, indicators=[_ind("a", weight=1), _ind("b")]))
    pred = _doc(Project(name="完全不同的名字", code="X1", indicators=[_ind("a")]))
    s = score_document(gold, pred).summary
    assert (s.projects.right, s.projects.predicted, s.projects.gold) == (0, 1, 1)
    assert (s.indicators.right, s.indicators.predicted, s.indicators.gold) == (0, 1, 2)
    # gold: name, score + (a: name, level1, level2, weight) + (b: name, level1, level2) = 9
    # predicted: name, code + (a: name, level1, level2) = 5
    assert (s.facts.right, s.facts.predicted, s.facts.gold) == (0, 5, 9)
    assert s.field_accuracy is None  # nothing paired, nothing counted
    assert s.facts.f1 == 0.0


def test_null_on_both_sides_is_no_fact_and_gold_null_is_not_counted_in_accuracy():
    gold = _doc(Project(name="P", code=None, grade=None, department="局"))
    pred = _doc(Project(name="P", code="C-1", grade=" ", department="局"))
    scored = score_document(gold, pred)
    s = scored.summary
    # grade " " is blank, i.e. null: no fact. code predicted against null gold: a spurious fact.
    assert (s.facts.right, s.facts.predicted, s.facts.gold) == (2, 3, 2)
    assert s.fields["code"].total == 0
    assert s.fields["grade"].total == 0
    assert [(e.kind, e.field) for e in scored.errors] == [("spurious", "code")]


def test_predicted_null_where_gold_has_a_value_is_missed_and_counted_wrong_in_accuracy():
    gold = _doc(Project(name="P", funds=Funds(execution_rate=98.5)))
    pred = _doc(Project(name="P"))
    scored = score_document(gold, pred)
    assert scored.summary.fields["funds.execution_rate"].model_dump() == {"correct": 0, "total": 1}
    assert [(e.kind, e.field) for e in scored.errors] == [("missed", "funds.execution_rate")]


def test_indicator_tie_broken_by_level2_changes_the_score():
    gold = _doc(Project(name="P", indicators=[
        _ind("满意度", level2="社会公众满意度指标", actual="90%"),
        _ind("满意度", level2="服务对象满意度指标", actual="98%"),
    ]))
    pred = _doc(Project(name="P", indicators=[_ind("满意度", level2="服务对象满意度指标", actual="98%")]))
    s = score_document(gold, pred).summary
    # paired with the second gold indicator: every predicted fact is right
    assert s.facts.precision == 1.0
    assert s.fields["indicator.actual"].model_dump() == {"correct": 1, "total": 1}


def test_fact_keys_are_stable_and_distinct():
    gold = _doc(Project(name="P", indicators=[_ind("a", weight=1), _ind("a", weight=2)]))
    pred = _doc(Project(name="P"))
    errors = score_document(gold, pred).errors
    keys = [e.key for e in errors]
    assert len(keys) == len(set(keys))
    assert keys == [e.key for e in score_document(gold, pred).errors]
