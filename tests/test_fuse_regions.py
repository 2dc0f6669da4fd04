"""Where the tagger runs in combined mode: only over projects the parser left gaps in; tagger mode skips the parser."""

from jixiao.pipelines.assemble_spans import assemble_from_spans, default_mapper
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.fuse import fuse
from jixiao.pipelines.gap_regions import REGION_AFTER, REGION_BEFORE, gap_regions, has_gaps, tag_regions
from jixiao.pipelines.tag import EntitySpan
from jixiao.record import DocumentRecord, Funds, Indicator, Project, Provenance


def _prov(start, end):
    return Provenance(start=start, end=end, source="table")


def _project(name, start, complete=True):
    p = Project(name=name, department="局", implementer="局", score=95.0,
                funds=Funds(initial_budget=1.0, annual_budget=1.0, executed=1.0))
    p.provenance["name"] = _prov(start, start + 4)
    ind = Indicator(name="合规率", level1="产出指标", target="100%", actual="100%", weight=10.0,
                    score=10.0 if complete else None)
    ind.provenance["name"] = _prov(start + 50, start + 53)
    p.indicators.append(ind)
    return p


def test_a_complete_project_has_no_gaps_and_a_blank_row_value_is_one():
    assert not has_gaps(_project("甲", 0))
    assert has_gaps(_project("甲", 0, complete=False))
    blank_dept = _project("甲", 0)
    blank_dept.department = None
    assert has_gaps(blank_dept)
    no_rows = _project("甲", 0)
    no_rows.indicators = []
    assert has_gaps(no_rows)


def test_only_projects_with_gaps_are_tagged_each_up_to_the_next_project():
    record = DocumentRecord(doc_id="d", projects=[_project("甲", 1000), _project("乙", 3000, complete=False),
                                                   _project("丙", 6000)])
    assert gap_regions(record, 10_000) == [(3000 - REGION_BEFORE, 6000)]
    assert gap_regions(DocumentRecord(doc_id="d", projects=[_project("甲", 1000)]), 10_000) == []


def test_the_last_project_with_gaps_reaches_past_its_last_field_and_ranges_merge():
    record = DocumentRecord(doc_id="d", projects=[_project("甲", 100, complete=False), _project("乙", 250, complete=False)])
    assert gap_regions(record, 10_000) == [(0, 250 + 53 + REGION_AFTER)]


def test_a_project_that_cannot_be_placed_makes_the_whole_text_tagged():
    p = Project(name="甲")
    assert gap_regions(DocumentRecord(doc_id="d", projects=[p]), 500) == [(0, 500)]


class _Recorder:
    def __init__(self):
        self.seen = []

    def tag(self, text, *, deadline=None):
        self.seen.append(text)
        i = text.find("乙")
        return [EntitySpan(label="PROJECT", start=i, end=i + 1, text="乙", score=0.9)] if i >= 0 else []


def test_region_spans_point_into_the_whole_text():
    text = "甲" * 50 + "乙" + "丙" * 49
    tagger = _Recorder()
    [span] = tag_regions(tagger, text, [(40, 60)])
    assert tagger.seen == [text[40:60]]
    assert (span.start, span.end) == (50, 51) and text[span.start : span.end] == span.text


def test_tagger_mode_does_not_run_the_parser():
    tagger = _Recorder()
    ex = Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans)

    def no_parse(*args, **kwargs):
        raise AssertionError("the parser ran in tagger mode")

    ex.parse = no_parse
    record = ex.extract_text("项目名称 乙 主管部门 某局", mode="tagger")
    assert record.meta["mode"] == "tagger" and tagger.seen == ["项目名称 乙 主管部门 某局"]
