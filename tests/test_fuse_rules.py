"""The fusion rule: agreement, gaps and disagreements between the parser's record and the tagger's spans."""

import dataclasses

import pytest

from jixiao.pipelines.fuse import fuse
from jixiao.pipelines.fusion_rules import FUSION_RULES
from jixiao.pipelines.tag import EntitySpan
from jixiao.record import DocumentRecord, Funds, Indicator, Project

TEXT = (
    "项目名称 老字号 主管部门 烈山区人社局 实施单位 烈山区人社局 项目资金（万元） 年初预算数 全年预算数 全年执行数 "
    "年度资金总额 579.83 579.83 579.83 一级指标 二级指标 三级指标 产出指标 数量指标 运转保障率 ≥95% 96% 20 20 "
    "质量指标 经费支出合规率 100% 100% 10 9 总分 99 优"
)


def _span(label, value, after=0):
    start = TEXT.index(value, after)
    return EntitySpan(label=label, start=start, end=start + len(value), text=value, score=0.99)


def _tag_spans():
    out = [_span("PROJECT", "老字号"), _span("DEPT", "烈山区人社局")]
    out.append(_span("IMPL", "烈山区人社局", TEXT.index("实施单位")))
    base = TEXT.index("年度资金总额")
    for label in ("AMT_INIT", "AMT_ANNUAL", "AMT_EXEC"):
        out.append(_span(label, "579.83", base))
        base = out[-1].end
    out += [_span("L1", "产出指标"), _span("L2", "数量指标", TEXT.index("三级指标")), _span("IND", "运转保障率"),
            _span("TARGET", "≥95%"), _span("ACTUAL", "96%")]
    base = out[-1].end
    out += [_span("WEIGHT", "20", base), _span("SCORE", "20", base + 3)]
    out += [_span("L2", "质量指标"), _span("IND", "经费支出合规率")]
    base = out[-1].end
    out += [_span("TARGET", "100%", base), _span("ACTUAL", "100%", base + 5), _span("WEIGHT", "10", base),
            _span("SCORE", "9", base + 12), _span("TOTAL", "99", TEXT.index("总分")), _span("GRADE", "优")]
    return sorted(out, key=lambda s: s.start)


def test_tagger_fills_what_a_broken_parse_lost():
    parsed = DocumentRecord(doc_id="d", projects=[Project(name="老字号")])  # layout lost: name only
    record = fuse(parsed, _tag_spans(), TEXT)
    [p] = record.projects
    assert p.department == "烈山区人社局"
    assert p.funds.annual_budget == 5798300.0  # 万元 header scales to yuan
    assert [i.name for i in p.indicators] == ["运转保障率", "经费支出合规率"]
    assert p.indicators[1].score == 9 and p.indicators[1].level2 == "质量指标" and p.indicators[1].level1 == "产出指标"
    assert p.score == 99 and p.grade == "优"
    assert 0 < p.confidence["department"] < 1


def test_agreement_and_disagreement_confidence():
    ind = Indicator(level1="产出指标", level2="数量指标", name="运转保障率", target="≥95%", actual="96%", weight=20, score=20)
    ind2 = Indicator(level1="产出指标", level2="质量指标", name="经费支出合规率", target="100%", actual="100%", weight=10, score=10)
    parsed = DocumentRecord(doc_id="d", projects=[Project(
        name="老字号", department="烈山区人社局", funds=Funds(annual_budget=5798300.0), indicators=[ind, ind2])])
    record = fuse(parsed, _tag_spans(), TEXT)
    [p] = record.projects
    assert p.confidence["department"] == FUSION_RULES.agree
    assert p.confidence["funds.annual_budget"] == FUSION_RULES.agree
    # the parser read its table intact: it wins the disagreement on the second row's score
    assert p.indicators[1].score == 10
    assert p.indicators[1].confidence["score"] == pytest.approx(FUSION_RULES.parser_only * FUSION_RULES.disagree, abs=1e-3)
    # fields only the tagger saw are filled in
    assert p.grade == "优" and p.implementer == "烈山区人社局"
    assert record.meta["fusion"]["paired"] == 1


def test_parser_only_projects_survive_without_spans():
    parsed = DocumentRecord(doc_id="d", projects=[Project(name="甲项目", indicators=[Indicator(name="x", weight=1)])])
    assert [p.name for p in fuse(parsed, [], "").projects] == ["甲项目"]


def test_parser_wins_disagreements_and_unsure_tagger_values_fill_nothing():
    ind = Indicator(level1="产出指标", level2="数量指标", name="运转保障率", target="≥95%", actual="96%", weight=20, score=20)
    parsed = DocumentRecord(doc_id="d", projects=[Project(name="老字号", department="烈山区", indicators=[ind])])
    spans = _tag_spans()
    [p] = fuse(parsed, spans, TEXT).projects
    assert p.department == "烈山区"
    assert p.confidence["department"] == pytest.approx(FUSION_RULES.parser_only * FUSION_RULES.disagree, abs=1e-3)
    assert p.grade == "优"  # a confident tagger value fills the parser's blank
    unsure = [s.model_copy(update={"score": 0.5}) for s in spans]
    [q] = fuse(parsed, unsure, TEXT).projects
    assert q.grade is None and q.implementer is None


def test_tagger_projects_only_when_the_parser_found_none():
    other = DocumentRecord(doc_id="d", projects=[Project(name="别的项目", indicators=[Indicator(name="x", weight=1)])])
    assert [p.name for p in fuse(other, _tag_spans(), TEXT).projects] == ["别的项目"]
    empty = DocumentRecord(doc_id="d", projects=[])
    on = dataclasses.replace(FUSION_RULES, tagger_projects=True)
    assert [p.name for p in fuse(empty, _tag_spans(), TEXT, rules=on).projects] == ["老字号"]


def test_value_roles_follow_column_order_where_labels_disagree():
    from jixiao.pipelines.span_roles import ROW_ROLES, monotone_roles

    # the model swapped weight and score: the columns' order puts them back
    got = monotone_roles(["TARGET", "ACTUAL", "SCORE", "WEIGHT"], ROW_ROLES, {"WEIGHT", "SCORE"},
                         [False, False, True, True], {"WEIGHT", "SCORE"})
    assert got == ["TARGET", "ACTUAL", "WEIGHT", "SCORE"]
    # a split target (operator, value, unit columns) stays one target
    got = monotone_roles(["TARGET", "TARGET", "TARGET", "ACTUAL", "WEIGHT", "SCORE"], ROW_ROLES,
                         {"WEIGHT", "SCORE"}, [False, True, False, False, True, True], {"WEIGHT", "SCORE"})
    assert got == ["TARGET", "TARGET", "TARGET", "ACTUAL", "WEIGHT", "SCORE"]


def test_touching_pieces_of_one_value_are_merged():
    from jixiao.pipelines.assemble_spans import _merge_touching

    text = "总额 19.44 19.44"
    a = EntitySpan(label="AMT_ANNUAL", start=3, end=5, text="19")
    b = EntitySpan(label="AMT_EXEC", start=5, end=8, text=".44")
    c = EntitySpan(label="AMT_EXEC", start=9, end=14, text="19.44")
    merged = _merge_touching([a, b, c], text)
    assert [(m.text, m.label) for m in merged] == [("19.44", "AMT_EXEC"), ("19.44", "AMT_EXEC")]


def _tagger_only(name: str, rows: bool) -> list[str]:
    text = f"项目名称 {name} 主管部门 某局 年度资金总额 12 产出指标 数量指标 培训人数 500人 520人"

    def span(label, value):
        start = text.index(value, 5 if label != "PROJECT" else 0)
        return EntitySpan(label=label, start=start, end=start + len(value), text=value, score=0.99)

    spans = [span("PROJECT", name), span("DEPT", "某局"), span("AMT_ANNUAL", "12")]
    if rows:
        spans += [span("L1", "产出指标"), span("L2", "数量指标"), span("IND", "培训人数"), span("TARGET", "500人"),
                  span("ACTUAL", "520人")]
    rules = dataclasses.replace(FUSION_RULES, tagger_projects=True)
    return [p.name for p in fuse(DocumentRecord(doc_id="t"), spans, text, rules=rules).projects]


@pytest.mark.parametrize("name,kept", [("改", False), ("000", False), ("老字号", True)])
def test_a_tagger_only_project_needs_a_name(name, kept):
    """Where the parser found nothing, a project only the tagger found stands in only with a name of Han words."""
    assert _tagger_only(name, rows=True) == ([name] if kept else [])


def test_a_tagger_only_project_needs_indicator_rows():
    """A name with fields and funds alone does not stand in (on real layouts the tagger never saw, every such
    project measured was wrong: rla08, rla10, rla12)."""
    assert _tagger_only("老字号", rows=False) == []


def test_tagger_only_projects_are_off_in_the_shipped_rules():
    text = "项目名称 老字号 产出指标 数量指标 培训人数 500人 520人"
    spans = [EntitySpan(label=label, start=text.index(v), end=text.index(v) + len(v), text=v, score=0.99)
             for label, v in (("PROJECT", "老字号"), ("IND", "培训人数"), ("TARGET", "500人"), ("ACTUAL", "520人"))]
    assert fuse(DocumentRecord(doc_id="t"), spans, text).projects == []


def test_a_tagged_total_printed_before_a_tables_name_is_not_that_tables_score():
    """Two tables one after the other: the tagger's 总分 right above the second table's title is the first's."""
    from jixiao.pipelines.fuse import _fuse_project_fields
    from jixiao.record import Provenance

    def parsed() -> Project:
        ind = Indicator(level1="产出指标", level2="数量指标", name="管护公厕数量", target="38座", actual="38座")
        p = Project(name="城区公厕管护经费", indicators=[ind])
        p.provenance["name"] = Provenance(start=120, end=128, source="table")
        return p

    def tagged(start: int) -> Project:
        t = Project(name="城区公厕管护经费", score=97.8)
        t.confidence["score"] = 0.99
        t.provenance["score"] = Provenance(start=start, end=start + 4, source="tagger")
        return t

    assert _fuse_project_fields(parsed(), tagged(90), None, FUSION_RULES).score is None
    assert _fuse_project_fields(parsed(), tagged(400), None, FUSION_RULES).score == 97.8  # after its rows: its own
