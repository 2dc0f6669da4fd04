"""Where the tagger runs in combined mode: only over projects the parser left gaps in; tagger mode skips the parser."""

import dataclasses

from jixiao.pipelines.assemble_spans import assemble_from_spans, default_mapper
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.fuse import fuse
from jixiao.pipelines.fusion_rules import FUSION_RULES
from jixiao.pipelines.gap_regions import MERGE_GAP, REGION_AFTER, REGION_BEFORE, gap_regions, has_gaps, merge, tag_regions
from jixiao.pipelines.document import Document
from jixiao.pipelines.tag import EntitySpan
from jixiao.pipelines.validate import parsed_extent
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
    # no reading of the parser (which layout, which reader): a gap project is given whole
    record = DocumentRecord(doc_id="d", projects=[_project("甲", 1000), _project("乙", 3000, complete=False),
                                                   _project("丙", 6000)])
    assert gap_regions(record, "x" * 10_000) == [(3000 - REGION_BEFORE, 6000)]
    assert gap_regions(DocumentRecord(doc_id="d", projects=[_project("甲", 1000)]), "x" * 10_000) == []


def test_the_last_project_with_gaps_reaches_past_its_last_field_and_ranges_merge():
    record = DocumentRecord(doc_id="d", projects=[_project("甲", 100, complete=False), _project("乙", 250, complete=False)])
    assert gap_regions(record, "x" * 10_000) == [(0, 250 + 53 + REGION_AFTER)]


def test_a_project_that_cannot_be_placed_makes_the_whole_text_tagged():
    p = Project(name="甲")
    assert gap_regions(DocumentRecord(doc_id="d", projects=[p]), "x" * 500) == [(0, 500)]


# the gap ranges of laid-out text, as tagged before session 14 (the shipped rules tag where the layout is lost only)
KEPT_LAYOUT_TAGGED = dataclasses.replace(FUSION_RULES, tag_kept_layout=True)


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


def test_a_text_with_no_parser_project_is_not_tagged_unless_the_taggers_projects_may_stand_in():
    import dataclasses

    from jixiao.pipelines.fusion_rules import FUSION_RULES

    text = "某局2023年度部门决算说明\n一般公共预算财政拨款支出 120.00万元，比上年减少 3.00万元。"
    for rules, seen in ((FUSION_RULES, []), (dataclasses.replace(FUSION_RULES, tagger_projects=True), [text])):
        tagger = _Recorder()
        ex = Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans,
                       fusion_rules=rules)
        record = ex.extract_text(text, mode="combined")
        assert not record.projects and tagger.seen == seen and record.meta["fusion"]["parser_projects"] == 0
    tagger = _Recorder()
    Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans).extract_text(
        text, mode="tagger")
    assert tagger.seen == [text]  # the tagger alone still reads the whole text


# an invented table in the layout of a template that prints its indicator header and, with no row under it, its
# subtotal line: the reader sees the table whole, so no rows is what it prints
_EMPTY_TABLE = "\n".join([
    "项目(政策)名称\t\t\t\t测试项目甲\t\t\t",
    "主管部门\t\t\t\t某市某局-\t\t\t",
    "实施单位\t\t\t\t某市某中心-\t\t\t",
    "项目预算金额（万元）\t\t\t\t12.5\t\t\t全年执行数\t\t\t12.5\t\t\t执行率\t\t\t100.0%",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度目标值\t\t\t全年完成值\t完成程度\t分值\t得分\t未完成原因分析",
    "\t\t\t\t运算符号\t内容\t度量单位\t\t\t\t\t经费保障\t制度保障\t其他",
    "指标自评得分小计\t\t\t\t90\t\t\t预算执行率得分\t\t\t10\t\t\t绩效自评总得分\t\t100",
])
_ONE_ROW = _EMPTY_TABLE.replace("指标自评得分小计", "\t产出指标\t数量指标\t完成项目数\t=\t1\t个\t1个\t100%\t90\t90\n指标自评得分小计")


def test_an_indicator_table_that_prints_no_row_is_no_gap_but_one_the_reader_missed_rows_in_is():
    ex = Extractor.from_settings(load_tagger=False)
    record, parsed = ex._read(Document(doc_id="d", text=_EMPTY_TABLE))
    (p,) = record.projects
    assert not p.indicators and p.score is not None and p.department and p.implementer
    reading = parsed[parsed_extent(p)]
    assert reading.prints_no_rows
    assert not has_gaps(p, reading) and has_gaps(p)  # without the reading, no rows stays a gap
    assert gap_regions(record, _EMPTY_TABLE, parsed, kept_layout=True) == []
    # a row the reader could not read (its name cell lost) leaves no rows a gap: the tagger may find it
    lost = _ONE_ROW.replace("完成项目数", "")
    record, parsed = ex._read(Document(doc_id="d", text=lost))
    (p,) = record.projects
    assert not p.indicators and not parsed[parsed_extent(p)].prints_no_rows
    assert gap_regions(record, lost, parsed, kept_layout=True) != []
    record, parsed = ex._read(Document(doc_id="d", text=_ONE_ROW))
    assert len(record.projects[0].indicators) == 1 and not parsed[parsed_extent(record.projects[0])].prints_no_rows


# an invented table project whose parts the reader reads: its label block, its funds line, three rows
_HEAD = [
    "测试项目乙绩效自评表",
    "项目(政策)名称\t\t\t\t测试项目乙\t\t\t",
    "主管部门\t\t\t\t某市某局-\t\t\t",
    "实施单位\t\t\t\t某市某中心-\t\t\t",
    "项目预算金额（万元）\t\t\t\t12.5\t\t\t全年执行数\t\t\t12.5\t\t\t执行率\t\t\t100.0%",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度目标值\t\t\t全年完成值\t完成程度\t分值\t得分\t未完成原因分析",
    "\t\t\t\t运算符号\t内容\t度量单位\t\t\t\t\t经费保障\t制度保障\t其他",
    "\t产出指标\t数量指标\t完成项目数\t=\t1\t个\t1个\t100%\t30\t30",
    "\t\t\t培训人次\t≥\t100\t人次\t120人次\t100%\t30\t30",
    "\t效益指标\t社会效益指标\t群众满意度\t≥\t90\t%\t95%\t100%\t30\t30",
]
_TOTAL = "指标自评得分小计\t\t\t\t90\t\t\t预算执行率得分\t\t\t10\t\t\t绩效自评总得分\t\t100"


def _regions(lines):
    text = "\n".join(lines)
    record, parsed = Extractor.from_settings(load_tagger=False)._read(Document(doc_id="d", text=text))
    return record.projects, [text[a:b] for a, b in gap_regions(record, text, parsed, kept_layout=True)]


def test_a_missing_score_is_looked_for_before_the_rows_and_after_the_last_one_not_in_the_rows():
    (p,), tagged = _regions(_HEAD + ["负责人：张三"])  # the total row is not printed
    assert p.score is None and len(p.indicators) == 3
    head, tail = tagged
    assert head.startswith("测试项目乙") and "执行率" in head and "完成项目数" not in head  # label and funds blocks
    assert tail.strip() == "负责人：张三"  # after the last row, to the end
    assert not any("培训人次" in t for t in tagged)  # the rows, read whole, are not tagged
    # the text ends right after the last row: nothing after it to tag
    (p,), tagged = _regions(_HEAD)
    assert p.score is None and len(tagged) == 1 and "群众满意度" not in tagged[0]


def test_a_row_with_a_blank_cell_is_tagged_on_its_own_line_with_the_label_block():
    blank = [line.replace("120人次\t100%\t30\t30", "120人次\t100%\t30\t") for line in _HEAD]
    (p,), tagged = _regions(blank + [_TOTAL])
    assert p.score is not None and any(None in (i.weight, i.score) for i in p.indicators)
    label, row = tagged
    assert "测试项目乙" in label and "某市某中心" in label and "12.5" not in label  # no funds: none missing
    assert "培训人次" in row and "完成项目数" not in row and "95%" not in row and "绩效自评总得分" not in row


def test_a_missing_department_is_looked_for_in_the_label_block_only():
    (p,), tagged = _regions([line.replace("某市某局-", "") for line in _HEAD] + [_TOTAL])
    assert p.department is None and p.implementer
    assert len(tagged) == 1 and tagged[0].startswith("测试项目乙") and "主管部门" in tagged[0]
    assert "12.5" not in tagged[0] and "完成项目数" not in tagged[0]


def test_a_complete_project_is_not_tagged_and_a_table_without_rows_is_given_whole():
    assert _regions(_HEAD + [_TOTAL])[1] == []
    # the rows cut off (no rows read, the table not seen to its close): rows could be anywhere after the labels
    lines = _HEAD[:7] + ["\t产出指标\t数量指标"]
    (p,), tagged = _regions(lines)
    assert not p.indicators and tagged == ["\n".join(lines)]


def test_ranges_that_overlap_or_lie_close_are_one():
    assert merge([(200, 210), (0, 10), (5, 20)]) == [(0, 20), (200, 210)]
    assert merge([(0, 10), (10 + MERGE_GAP, 100)]) == [(0, 100)]
    assert merge([(0, 10), (11 + MERGE_GAP, 100), (7, 7)]) == [(0, 10), (11 + MERGE_GAP, 100)]


class _Marks:
    """A tagger double that marks the project's name, its department and a score stated after the rows."""

    def __init__(self):
        self.seen = []

    def tag(self, text, *, deadline=None):
        import re

        self.seen.append(text)
        out = []
        for label, rx in (("PROJECT", "测试项目乙"), ("DEPT", "某市某局"), ("TOTAL", r"(?<=综合评分：)\d+")):
            out += [EntitySpan(label=label, start=m.start(), end=m.end(), text=m.group(), score=0.99)
                    for m in re.finditer(rx, text)]
        return out


def test_the_tagger_still_fills_a_score_from_the_ranges_apart():
    text = "\n".join(_HEAD + ["综合评分：93", "负责人：张三"])
    assert Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects[0].score is None
    tagger = _Marks()
    ex = Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans,
                   fusion_rules=KEPT_LAYOUT_TAGGED)
    (p,) = ex.extract_text(text).projects
    # the name in the label block and the score after the rows: one tagger project, paired by its name
    assert p.score == 93.0 and p.provenance["score"].source == "tagger"
    assert len(tagger.seen) == 2 and not any("培训人次" in seen for seen in tagger.seen)


def test_a_gap_project_is_tagged_only_where_its_lines_run_together():
    text = "\n".join(_HEAD + ["综合评分：93", "负责人：张三"])
    tagger = _Marks()
    ex = Extractor(mapper=default_mapper(), tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans)
    record = ex.extract_text(text)
    (p,) = record.projects
    assert p.score is None and tagger.seen == []  # laid out: the tagger was measured to add nothing there
    assert record.meta["fusion"]["tagged_chars"] == 0 and set(p.confidence) == {"name"}
    collapsed = text.replace("\n", " ").replace("\t", " ")
    record = ex.extract_text(collapsed)
    (p,) = record.projects
    assert tagger.seen and p.score == 93.0 and p.provenance["score"].source == "tagger"
    assert record.meta["fusion"]["tagged_chars"] == sum(len(seen) for seen in tagger.seen) > 0
