"""The hooks inside the pipeline: Extractor's tagger and combined modes call assemble_from_spans and fuse."""

import random

from jixiao.models import synth
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.assemble_spans import assemble_from_spans, default_mapper
from jixiao.pipelines.fuse import fuse
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
