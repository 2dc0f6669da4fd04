"""The checks' comparison against the gold (eval/checks.py): agreed, false alarms, missed, not compared."""

from jixiao.eval.checks import TOTAL_CODE, score_checks
from jixiao.pipelines.validate import check_record
from jixiao.record import Check, DocumentRecord, Funds, Indicator, Project


def _row(name: str, weight: float, score: float, target: str = "100%", actual: str = "100%") -> Indicator:
    return Indicator(level1="产出指标", level2="数量指标", name=name, target=target, actual=actual, weight=weight, score=score)


def _project(name: str, rows: list[Indicator], score: float | None = 100.0) -> Project:
    return Project(name=name, score=score, funds=Funds(annual_budget=100.0, executed=90.0, execution_rate=90.0),
                   indicators=rows)


def _doc(*projects: Project, checked: bool = True) -> DocumentRecord:
    record = DocumentRecord(doc_id="d", projects=[p.model_copy(deep=True) for p in projects])
    return check_record(record) if checked else record


def _rows() -> list[Indicator]:
    return [_row("道路长度", 50, 50), _row("完工率", 30, 30), _row("满意度", 20, 20)]


def test_a_faithful_reading_agrees_with_every_check_the_gold_raises():
    gold = _doc(_project("道路养护", [*_rows()[:2], _row("满意度", 20, 20, actual="80%")]), checked=False)
    m = score_checks(gold, _doc(*gold.projects)).metrics()
    assert m["attainment.unmet_full_score"]["agreed"] == 1
    assert m[TOTAL_CODE]["false_alarm"] == 0 and m[TOTAL_CODE]["missed"] == 0


def test_a_misread_score_is_a_false_alarm_and_hides_nothing_else():
    gold = _doc(_project("道路养护", _rows()), checked=False)
    misread = _project("道路养护", [_row("道路长度", 50, 5), *_rows()[1:]])
    m = score_checks(gold, _doc(misread)).metrics()
    assert m["score.sum_mismatch"]["false_alarm"] == 1
    assert m["score.sum_mismatch"]["precision"] == 0.0
    assert m[TOTAL_CODE]["missed"] == 0


def test_a_printed_disagreement_the_reading_hides_is_missed():
    gold = _doc(_project("道路养护", _rows(), score=90.0), checked=False)  # the rows sum to 100, the total says 90
    m = score_checks(gold, _doc(_project("道路养护", _rows(), score=100.0))).metrics()
    assert m["score.sum_mismatch"]["missed"] == 1 and m["score.sum_mismatch"]["recall"] == 0.0


def test_an_indicator_check_follows_the_indicator_not_its_position():
    unmet = _row("满意度", 20, 20, actual="80%")
    gold = _doc(_project("道路养护", [*_rows()[:2], unmet], score=None), checked=False)
    pred = _doc(_project("道路养护", [_rows()[1], unmet], score=None))  # the first row missed: positions shift
    m = score_checks(gold, pred).metrics()
    assert m["attainment.unmet_full_score"]["agreed"] == 1
    assert m["attainment.unmet_full_score"]["false_alarm"] == 0


def test_a_check_the_funds_row_decided_is_not_compared():
    gold = _doc(_project("道路养护", [_row("道路长度", 50, 50), _row("完工率", 40, 40)]), checked=False)
    pred = _doc(*gold.projects, checked=False)
    # as the extractor shows it when the funds row printed its own score of 10: rows 90 + 10 = 100, no mismatch;
    # the record alone (and so the gold) sums to 90
    pred.projects[0].checks = []
    m = score_checks(gold, pred).metrics()
    assert m["score.sum_mismatch"]["not_compared"] == 1
    assert m["score.sum_mismatch"]["missed"] == 0


def test_a_spurious_project_raises_false_alarms_and_a_missed_one_misses_its_checks():
    real = _project("道路养护", _rows(), score=90.0)
    spurious = _project("绩效目标", _rows(), score=80.0)
    m = score_checks(_doc(real, checked=False), _doc(spurious)).metrics()
    assert m["score.sum_mismatch"]["false_alarm"] == 1 and m["score.sum_mismatch"]["missed"] == 1


def test_other_stages_checks_are_not_counted():
    gold = _doc(_project("道路养护", _rows()), checked=False)
    pred = _doc(*gold.projects)
    pred.projects[0].checks.append(Check(code="indicator.level_parent_mismatch", message="m", field="indicators[0].level1"))
    assert "indicator.level_parent_mismatch" not in score_checks(gold, pred).metrics()


def test_an_eval_run_reports_the_checks_per_split_in_json_and_markdown(tmp_path):
    from jixiao.eval.report import to_markdown
    from jixiao.eval.run import evaluate

    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    real = _project("道路养护", _rows(), score=90.0)  # printed: the rows sum to 100, the total says 90
    (gold / "rla01.txt").write_text("项目名称 道路养护\n", encoding="utf-8")
    (gold / "rla01.gold.json").write_text(_doc(real, checked=False).model_dump_json(exclude={"final_accounts"}), encoding="utf-8")
    (pred / "rla01.json").write_text(_doc(real).model_dump_json(), encoding="utf-8")
    report = evaluate(gold, pred_dir=pred, show_progress=False)
    assert report.checks["rla"]["score.sum_mismatch"]["agreed"] == 1
    assert report.checks["total"]["all checks"]["precision"] == 1.0
    assert "| score.sum_mismatch | 1 | 1 | 1 | 0 | 0 | 0 | 100.0 | 100.0 |" in to_markdown(report)
