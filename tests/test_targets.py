"""The typed reading of targets and actuals (pipelines/targets.py) and the attainment it gives."""

import json
from pathlib import Path

import pytest

from jixiao.config import SHARED_DIR
from jixiao.pipelines.targets import attainment, read_value, unread
from jixiao.pipelines.validate import attainment_checks, read_indicators
from jixiao.record import Indicator, Project

FIXTURE = Path(__file__).parent / "data" / "value_readings.jsonl"


def _fixture():
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


def test_the_hand_checked_sample_reads_as_checked():
    """200 printed targets and actuals of the seeds and rla (every non-number form among them), each reading
    checked by hand; ``reading`` null marks a value that says nothing a rule can read (……, 说明)."""
    rows = _fixture()
    assert len(rows) == 200
    wrong = []
    for row in rows:
        got = read_value(row["printed"])
        got = got.model_dump(exclude_none=True) if got else None
        if got != row["reading"]:
            wrong.append((row["printed"], got, row["reading"]))
    assert not wrong, wrong
    assert sum(r["reading"] is None for r in rows) <= 4


@pytest.mark.parametrize("printed, expected", [
    ("≥95%", dict(type="number", op="≥", value=95.0, unit="%")),
    ("≧95%", dict(type="number", op="≥", value=95.0, unit="%")),
    ("≦5天", dict(type="number", op="≤", value=5.0, unit="天")),
    ("═88个", dict(type="number", op="=", value=88.0, unit="个")),
    ("不少于60次", dict(type="number", op="≥", value=60.0, unit="次")),
    ("不晚于2023年1月20日", dict(type="date", op="≤", date="2023-01-20", text="2023年1月20日")),
    ("不早于3月1日", dict(type="date", op="≥", date="--03-01", text="3月1日")),
    ("不低于 90 %", dict(type="number", op="≥", value=90.0, unit="%")),
    ("不超过30个工作日", dict(type="number", op="≤", value=30.0, unit="工作日")),
    ("控制在5%以内", dict(type="number", op="≤", value=5.0, unit="%")),
    ("95%以上", dict(type="number", op="≥", value=95.0, unit="%")),
    ("达到100%", dict(type="number", op="≥", value=100.0, unit="%")),
    ("15日", dict(type="number", value=15.0, unit="天")),
    ("1.2万人次", dict(type="number", value=1.2, unit="万人次")),
    ("每周2次", dict(type="number", value=2.0, unit="次/周")),
    ("90%-95%", dict(type="range", value=90.0, high=95.0, unit="%")),
    ("2024年12月底前", dict(type="date", op="≤", date="2024-12-31", text="2024年12月底前")),
    ("6月25日前", dict(type="date", op="≤", date="--06-25", text="6月25日前")),
    ("≤核定单位数量", dict(type="reference", op="≤", text="核定单位数量")),
    ("达成预期指标", dict(type="qualitative", polarity="positive", text="达成预期指标")),
    ("部分达成预期指标并具有一定效果", dict(type="qualitative", polarity="partial", text="部分达成预期指标")),
    ("未完成", dict(type="qualitative", polarity="negative", text="未完成")),
    ("明显提升", dict(type="qualitative", polarity="positive", text="明显提升")),
    ("按时完成", dict(type="qualitative", polarity="positive", text="按时完成")),
])
def test_forms_the_issue_names(printed, expected):
    got = read_value(printed)
    assert got is not None and got.model_dump(exclude_none=True) == expected


@pytest.mark.parametrize("printed", [None, "", "  ", "……", "/", "—"])
def test_blanks_and_placeholders_read_as_nothing(printed):
    assert read_value(printed) is None


@pytest.mark.parametrize("target, actual, name, expected", [
    ("≥95%", "96%", "合格率", "met"),
    ("≥95%", "90%", "合格率", "partly"),
    ("≥95%", "40%", "合格率", "not_met"),
    ("≤5%", "3%", "失业率", "met"),
    ("≤5%", "6%", "失业率", "partly"),
    ("=100万元", "98万元", "培训成本", "met"),      # a cost under its target
    ("=100万元", "120万元", "培训成本", "partly"),
    ("=88个", "88个", "参保人数", "met"),
    ("=88个", "90个", "参保人数", "met"),          # more than planned
    ("≥0.35万人", "0.35", "就业人数", "met"),      # a bare actual in the target's unit
    ("≥1600人", "2300", "补贴人数", "met"),
    ("≥95%", "95人", "合格率", "unknown"),         # units that do not compare
    (">98%", ">98%", "满意度", "met"),              # the actual restates the target
    ("90%-95%", "93%", "覆盖率", "met"),
    ("达成预期指标", "100", "社会效益", "met"),
    ("有效提高", "部分达成预期指标并具有一定效果", "积极性", "partly"),
    ("≥95%", None, "满意度", "unknown"),
    ("2024年12月底前", "2024年11月底前", "完成时间", "met"),
])
def test_attainment(target, actual, name, expected):
    assert attainment(read_value(target), read_value(actual), name) == expected


def test_checks_that_use_attainment():
    p = Project(name="p", indicators=[
        Indicator(name="合格率", target="≥95%", actual="50%", weight=10, score=10),
        Indicator(name="参保人数", target="=88个", actual="88个", weight=10, score=6),
        Indicator(name="满意度", target="≥90%", actual="95%", weight=10, score=10),
    ])
    read_indicators(p)
    assert [i.attainment for i in p.indicators] == ["not_met", "met", "met"]
    assert [c.code for c in attainment_checks(p)] == ["attainment.unmet_full_score", "attainment.met_not_full"]


def _printed_values():
    from jixiao.pipelines.extract import Extractor

    ex = Extractor.from_settings(load_tagger=False)
    files = sorted((SHARED_DIR / "seeds").glob("*.txt")) + sorted((SHARED_DIR / "real-layouts").glob("rla*.txt"))
    values = []
    for f in files:
        rec = ex.extract_text(f.read_text(encoding="utf-8"), doc_id=f.stem, mode="parser")
        values += [v for p in rec.projects for i in p.indicators for v in (i.target, i.actual) if v is not None]
    return values


@pytest.mark.skipif(not (SHARED_DIR / "real-layouts").is_dir(), reason="the shared texts are not here")
def test_coverage_of_the_seeds_and_rla():
    """At least 98% of the printed targets and actuals of the seeds and rla read into a type."""
    values = _printed_values()
    missed = unread(values)
    assert len(values) > 800
    assert 1 - len(missed) / len(values) >= 0.98, missed
