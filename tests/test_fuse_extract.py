"""The hooks inside the pipeline: Extractor's tagger and combined modes call assemble_from_spans and fuse."""

import dataclasses
import random

from jixiao.models import synth
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.assemble_spans import assemble_from_spans, default_mapper
from jixiao.pipelines.fuse import fuse
from jixiao.pipelines.fusion_rules import FUSION_RULES
from jixiao.pipelines.tag import EntitySpan, Tagger


class OracleTagger:
    """Returns the synthetic document's true spans: isolates assembly and fusion from the model."""

    def __init__(self, doc):
        self.doc = doc

    def tag(self, text, *, deadline=None):
        assert text == self.doc.text
        return [EntitySpan(label=t, start=s, end=e, text=text[s:e]) for s, e, t in self.doc.spans()]


def _extractor(doc):
    tagger = OracleTagger(doc)
    assert isinstance(tagger, Tagger)
    return Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans)


def test_tagger_mode_reads_a_collapsed_table():
    rng = random.Random(21)
    project = synth.draw_project(rng)
    doc = synth.collapse(synth.render(rng, [synth.build_table(rng, project)], []), per_char=True)
    record = _extractor(doc).extract_text(doc.text, mode="tagger")
    [p] = record.projects
    assert p.name == "".join(project.name.split())
    wanted = [i for i in project.indicators if i.l1 in synth.L1_L2]
    assert len(p.indicators) == len(wanted)


def test_combined_mode_keeps_confidences():
    rng = random.Random(22)
    doc = synth.render(rng, [synth.build_table(rng, synth.draw_project(rng))], [])
    record = _extractor(doc).extract_text(doc.text, mode="combined")
    assert record.projects
    for p in record.projects:
        assert "name" in p.confidence
        for ind in p.indicators:
            assert all(0.0 < c <= 1.0 for c in ind.confidence.values())


class SpansTagger:
    """Returns fixed spans, found by their text, whatever window it is given (offsets into that window)."""

    def __init__(self, pieces):
        self.pieces = pieces

    def tag(self, text, *, deadline=None):
        out, at = [], 0
        for label, value in self.pieces:
            start = text.index(value, at)
            out.append(EntitySpan(label=label, start=start, end=start + len(value), text=value, score=0.99))
            at = start + len(value)
        return out


def test_checks_run_on_the_fused_record():
    # the parser reads the project's fields but none of its rows: "no indicator rows" on the parser's record
    text = "项目名称\t老字号\n主管部门\t文旅局\n实施单位\t文旅局\n产出指标 数量指标 运转保障率 ≥95% 96% 20 19.5\n"
    parser_only = Extractor(mapper=default_mapper()).extract_text(text, mode="parser")
    assert [c.code for c in parser_only.projects[0].checks] == ["indicators.none"]
    tagger = SpansTagger([("PROJECT", "老字号"), ("L1", "产出指标"), ("L2", "数量指标"), ("IND", "运转保障率"),
                          ("TARGET", "≥95%"), ("ACTUAL", "96%"), ("WEIGHT", "20"), ("SCORE", "19.5")])
    ex = Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans,
                   fusion_rules=dataclasses.replace(FUSION_RULES, tag_kept_layout=True))
    [p] = ex.extract_text(text, mode="combined").projects
    assert [i.name for i in p.indicators] == ["运转保障率"]  # the tagger's row fills the parser's gap
    codes = [c.code for c in p.checks]
    assert "indicators.none" not in codes  # checked on the final record, not the parser's
    assert "weights.not_100" in codes  # and the fused row is checked: one weight of 20
