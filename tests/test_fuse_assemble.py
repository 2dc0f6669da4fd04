"""The tagger-only path on exact spans: synthetic tables with their true labels must assemble into their records."""

import random

import pytest

from jixiao.models import synth
from jixiao.pipelines.assemble_spans import assemble_from_spans
from jixiao.pipelines.tag import EntitySpan


def _spans(doc):
    text = doc.text
    return text, [EntitySpan(label=t, start=s, end=e, text=text[s:e]) for s, e, t in doc.spans()]


@pytest.mark.parametrize("seed", range(6))
def test_gold_spans_assemble_into_the_drawn_record(seed):
    rng = random.Random(seed)
    project = synth.draw_project(rng)
    doc = synth.render(rng, [synth.build_table(rng, project)], [])
    text, spans = _spans(doc)
    [got] = assemble_from_spans(spans, text)
    assert got.name == "".join(project.name.split())
    wanted = [i for i in project.indicators if i.l1 in synth.L1_L2]  # rows under 项目决策 etc. are not indicators
    assert [i.name for i in got.indicators] == ["".join(i.name.split()) for i in wanted]
    for ind, rec in zip(got.indicators, wanted):
        assert ind.level1 == rec.l1 and ind.level2 == rec.l2
        assert ind.weight == float(rec.weight) and ind.score == float(rec.score)
        assert ind.provenance["name"].source == "tagger"
    scale = 10000 if project.wan else 1
    if project.amounts[1] is not None:
        assert got.funds.annual_budget == pytest.approx(project.amounts[1] * scale, abs=0.6)
    assert got.score == pytest.approx(float(project.total))
    assert got.grade == project.grade
    assert set(got.confidence) >= {"name"}


def test_two_tables_make_two_projects_even_collapsed():
    rng = random.Random(7)
    projects = [synth.draw_project(rng) for _ in range(2)]
    doc = synth.collapse(synth.render(rng, [synth.build_table(rng, p) for p in projects], []), per_char=True)
    text, spans = _spans(doc)
    got = assemble_from_spans(spans, text)
    assert [p.name for p in got] == ["".join(p.name.split()) for p in projects]


def test_no_spans_no_projects():
    assert assemble_from_spans([], "随便一段文字") == []


def _span(text: str, label: str, piece: str, after: int = 0) -> EntitySpan:
    start = text.index(piece, after)
    return EntitySpan(label=label, start=start, end=start + len(piece), text=piece)


def _printed(text: str, pv) -> str:
    return "".join(text[pv.start:pv.end].split())


def test_tagger_strings_are_kept_as_printed_and_their_provenance_slices_to_them():
    # full-width brackets, digits and ＝ as a scan prints them: NFKC would give (第三批), 2024 and =
    text = ("项目名称\t５１０９０４２２Ｔ０００－２０２４年养老补贴（第 三批）\n"
            "产出指标\t数量指标\t采购数量\t＝１ 台\t＞ 否\t1\t10\t10\n")
    spans = [_span(text, "PROJECT", "５１０９０４２２Ｔ０００－２０２４年养老补贴（第 三批）"), _span(text, "L1", "产出指标"),
             _span(text, "L2", "数量指标"), _span(text, "IND", "采购数量"), _span(text, "TARGET", "＝１"),
             _span(text, "TARGET", "台"), _span(text, "ACTUAL", "1"), _span(text, "WEIGHT", "10"),
             _span(text, "SCORE", "10", text.index("10") + 2)]
    [got] = assemble_from_spans(spans, text)
    assert (got.code, got.name) == ("５１０９０４２２Ｔ０００", "２０２４年养老补贴（第三批）")
    assert _printed(text, got.provenance["name"]) == got.name and _printed(text, got.provenance["code"]) == got.code
    [ind] = got.indicators
    assert (ind.name, ind.target, ind.actual) == ("采购数量", "＝１台", "1")
    parts = [pv for k, pv in ind.provenance.items() if k.startswith("target.part")]
    assert "".join(_printed(text, pv) for pv in parts) == ind.target  # the pieces, not the text between them


def test_an_amount_takes_the_unit_printed_right_after_it():
    from jixiao.pipelines.tag import EntitySpan

    text = "农机补贴项目绩效自评报告\n年初预算740.59萬元，全年预算数为647.59万元，全年执行数为600元。"

    def span(label, value):
        start = text.index(value)
        return EntitySpan(label=label, start=start, end=start + len(value), text=value, score=0.9)

    [got] = assemble_from_spans([span("PROJECT", "农机补贴"), span("AMT_INIT", "740.59"), span("AMT_ANNUAL", "647.59"),
                                 span("AMT_EXEC", "600")], text)
    assert got.funds.initial_budget == 7405900.0 and got.funds.annual_budget == 6475900.0


def test_tagger_rows_stand_in_only_where_they_look_like_rows():
    """Where the parser read a project but no rows, the tagger's rows stand in only with a name of Han words and a
    value that is more than one stray character (fragments of prose and cut rows are no indicators)."""
    from jixiao.pipelines.fuse import _fuse_rows
    from jixiao.pipelines.fusion_rules import FUSION_RULES
    from jixiao.record import Indicator, Project

    parsed = Project(name="示例项目", indicators=[])
    tagged = Project(name="示例项目", indicators=[
        Indicator(name="调", actual="期"),
        Indicator(name="费保障制度保障人员保障硬件", target="障"),
        Indicator(name="培训人数", target="≥500人", actual="540人"),
        Indicator(name="群众满意度", target="9", actual="9"),
    ])
    rows = _fuse_rows(parsed, tagged, None, FUSION_RULES)
    assert [r.name for r in rows] == ["培训人数", "群众满意度"]


def test_an_operator_and_unit_column_echoing_the_value_is_not_part_of_it():
    """A table with an operator-and-unit column before the value (``=个 | =88个``) gives the value once, whether the
    echo is tagged whole or in pieces; a value printed in separate operator / value / unit columns keeps its pieces."""
    text = ("项目名称\t参保代办服务项目\n主管部门\t某县人力资源和社会保障局\n"
            "产出指标\t数量指标\t参保村数\t=个\t=88个\t=88个\t4\t4\n"
            "产出指标\t质量指标\t代缴率\t=元/人\t=1000元/人\t=1000元/人\t4\t4\n"
            "产出指标\t时效指标\t发放及时率\t≥\t95\t%\t96%\t4\t4\n")
    row2 = text.index("代缴率")
    row3 = text.index("发放及时率")
    spans = [_span(text, "PROJECT", "参保代办服务项目"), _span(text, "DEPT", "某县人力资源和社会保障局"),
             _span(text, "L1", "产出指标"), _span(text, "L2", "数量指标"), _span(text, "IND", "参保村数"),
             _span(text, "TARGET", "=个"), _span(text, "TARGET", "=88个"), _span(text, "ACTUAL", "=88个", text.index("=88个") + 3),
             _span(text, "L2", "质量指标"), _span(text, "IND", "代缴率"),
             _span(text, "TARGET", "=", row2), _span(text, "TARGET", "/人", row2), _span(text, "TARGET", "=1000元/人", row2),
             _span(text, "L2", "时效指标"), _span(text, "IND", "发放及时率"),
             _span(text, "TARGET", "≥", row3), _span(text, "TARGET", "95", row3), _span(text, "TARGET", "%", row3),
             _span(text, "ACTUAL", "96%", row3)]
    [got] = assemble_from_spans(spans, text)
    assert [(i.name, i.target) for i in got.indicators] == [
        ("参保村数", "=88个"), ("代缴率", "=1000元/人"), ("发放及时率", "≥95%")]
    assert got.indicators[0].actual == "=88个"


def test_fragments_open_no_project_and_a_symbol_is_no_organisation():
    """A two-character fragment (采购, 年行) opens no project; an org span of no Han name ('÷' in a formula) is no
    department or implementer, so a project made of it alone is not a table."""
    text = "采购\t管理\n项目名称\t老字号\n主管部门\t某市商务局\t资金总额\t10\n偏离度=|执行数-预算数|÷预算数\n"
    spans = [_span(text, "PROJECT", "采购"), _span(text, "PROJECT", "老字号"), _span(text, "DEPT", "某市商务局"),
             _span(text, "AMT_ANNUAL", "10"), _span(text, "PROJECT", "偏离度"), _span(text, "IMPL", "÷")]
    got = assemble_from_spans(spans, text)
    assert [(p.name, p.department) for p in got] == [("老字号", "某市商务局")]


def test_a_piece_of_a_longer_number_is_no_amount():
    """The '0' the model cut out of 2023 is no amount; the amount printed whole is."""
    text = "项目名称\t招聘考试经费专项资金\n2023年年初预算安排专项资金40万元\n"
    year = text.index("2023")
    spans = [_span(text, "PROJECT", "招聘考试经费专项资金"), EntitySpan(label="AMT_INIT", start=year + 1, end=year + 2, text="0"),
             _span(text, "AMT_ANNUAL", "40")]
    [got] = assemble_from_spans(spans, text)
    assert got.funds.initial_budget is None and got.funds.annual_budget == 400000.0


@pytest.mark.parametrize(("printed", "grade"), [("合格", "中"), ("优秀", "优"), ("良", "良"), ("優秀", "优"), ("不合格", None)])
def test_a_tagged_grade_reads_as_the_table_readers_read_it(printed, grade):
    """The tagger's grade span goes through the same printed-grade table as the readers' (合格 is 中, not none)."""
    text = f"项目名称 道路养护经费 主管部门 青溪县交通运输局 自评等级 {printed}"

    def span(label, words, end=None):
        at = text.index(words)
        return EntitySpan(label=label, start=at, end=end or at + len(words), text=text[at:end or at + len(words)])

    spans = [span("PROJECT", "道路养护经费"), span("DEPT", "青溪县交通运输局"), span("GRADE", printed, len(text))]
    [got] = assemble_from_spans(spans, text)
    assert got.grade == grade
