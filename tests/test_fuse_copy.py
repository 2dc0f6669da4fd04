"""``fuse(copy=False)`` (the Extractor's own record) gives the record ``fuse`` gives on copies, and the copying
default leaves the caller's record as it was."""

import random

from jixiao.models import synth
from jixiao.pipelines.document import Document
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.fuse import fuse
from jixiao.pipelines.tag import EntitySpan


def _parser_record_with_gaps(seed: int):
    rng = random.Random(seed)
    doc = synth.render(rng, [synth.build_table(rng, synth.draw_project(rng))], [])
    spans = [EntitySpan(label=t, start=s, end=e, text=doc.text[s:e], score=0.99) for s, e, t in doc.spans()]
    record = Extractor.from_settings(load_tagger=False).parse(Document(doc_id="d", text=doc.text))
    for project in record.projects:  # blanks for the tagger's spans to fill
        project.department = None
        project.provenance.pop("department", None)
        for row in project.indicators[:2]:
            row.score = None
            row.provenance.pop("score", None)
    return record, spans, doc.text


def test_fusing_in_place_gives_the_record_fusing_copies_gives():
    for seed in range(4):
        record, spans, text = _parser_record_with_gaps(seed)
        assert record.projects
        before = record.model_dump(mode="json")
        copied = fuse(record, spans, text)
        assert record.model_dump(mode="json") == before  # the caller's record untouched
        in_place = fuse(record, spans, text, copy=False)
        assert in_place.model_dump(mode="json") == copied.model_dump(mode="json")
        assert any(p.department for p in copied.projects)  # the gaps were filled: the test fuses something
