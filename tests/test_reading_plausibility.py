"""A table reading of prose whose line breaks were lost does not outweigh the prose reading of the same projects."""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines.parsed import ParsedIndicator, ParsedProject, Span
from jixiao.pipelines.reading_plausibility import header_word, misread_row, plausible_facts
from jixiao.pipelines.readers import facts

# an invented 部门整体 report: key projects in prose, one indicator a labeled sentence
REPORT = """梧桐县农业农村局2023年度部门整体支出绩效自评报告
一、部门概况
梧桐县农业农村局内设办公室、农田建设股等5个股室。
二、重点项目绩效自评情况
（一）高标准农田建设补助项目
项目名称：高标准农田建设补助项目
实施单位：梧桐县农田建设服务中心
资金情况：年初预算500万元，全年预算520万元，全年执行507万元，预算执行率97.5%。
绩效指标完成情况：
（1）产出指标—数量指标—新建高标准农田面积：年度指标值≥1.2万亩，全年实际值1.25万亩，分值20分，得分20分。
（2）产出指标—质量指标—工程验收合格率：年度指标值100%，全年实际值100%，分值15分，得分15分。
（3）效益指标—经济效益指标—亩均粮食增产：年度指标值≥50公斤，全年实际值46公斤，分值20分，得分18分。
（4）满意度指标—服务对象满意度指标—受益农户满意度：年度指标值≥90%，全年实际值94%，分值10分，得分10分。
项目自评得分95分。
（二）农村人居环境整治奖补资金
项目名称：农村人居环境整治奖补资金
实施单位：梧桐县乡村振兴服务中心
资金情况：年初预算180万元，全年预算180万元，全年执行176.4万元，预算执行率98%。
绩效指标完成情况：
（1）产出指标—数量指标—改造农村户厕数量：年度指标值≥900户，全年实际值935户，分值20分，得分20分。
（2）产出指标—时效指标—奖补资金拨付时间：年度指标值2023年10月底前，全年实际值2023年10月18日，分值10分，得分10分。
（3）满意度指标—服务对象满意度指标—村民满意度：年度指标值≥85%，全年实际值90%，分值10分，得分10分。
项目自评得分96分。
"""


def _row(name: str, *target: str, actual: str | None = None) -> ParsedIndicator:
    span = lambda text: Span(text=text, start=0, end=len(text))  # noqa: E731
    return ParsedIndicator(name=span(name), target=[span(t) for t in target], actual=span(actual) if actual else None)


@pytest.mark.parametrize("word", ["分值", "得分:", "年度指标值", "实际完成值", "项目名称:", "全年执行数(万元)"])
def test_header_words_with_or_without_the_sentence_colon(word):
    assert header_word(word)


@pytest.mark.parametrize("word", ["15分", "新建高标准农田面积", "≥90%", "受益农户满意度", "偏差原因较多的路段"])
def test_values_and_names_are_no_header_words(word):
    assert not header_word(word)


def test_rows_cut_from_sentences_are_misread():
    assert misread_row(_row("分值", "20分,"))
    assert misread_row(_row("—新建高标准农田面积:", "年度指标值"))
    assert misread_row(_row("(1)产出指标"))
    assert misread_row(_row("1、数量指标"))
    assert not misread_row(_row("新建高标准农田面积", "≥1.2万亩", actual="1.25万亩"))
    assert not misread_row(_row("1.5万元以下项目占比", "≥60%"))  # a number, no ordinal


def test_misread_rows_count_no_facts_but_plausible_rows_do():
    name = Span(text="高标准农田建设补助项目", start=0, end=11)
    junk = ParsedProject(name=name, indicators=[_row("—新建高标准农田面积:", "年度指标值", actual="≥1.2万亩,全年"),
                                                _row("分值", "20分,", actual="得分")])
    good = ParsedProject(name=name, indicators=[_row("新建高标准农田面积", "≥1.2万亩", actual="1.25万亩")])
    assert facts([junk]) == 6 and plausible_facts([junk]) == 0
    assert plausible_facts([good]) == facts([good]) == 3
    # a header word read as a row's target is no target
    assert plausible_facts([ParsedProject(name=name, indicators=[_row("亩均粮食增产", "年度指标值")])]) == 1


def test_collapsed_prose_report_is_read_as_prose(extractor):
    printed = extractor.extract_text(REPORT, mode="parser")
    lost = extractor.extract_text(collapse(REPORT), mode="parser")
    for rec in (printed, lost):
        assert [p.name for p in rec.projects] == ["高标准农田建设补助项目", "农村人居环境整治奖补资金"]
        assert [len(p.indicators) for p in rec.projects] == [4, 3]
        names = [i.name for p in rec.projects for i in p.indicators]
        assert "新建高标准农田面积" in names and "村民满意度" in names
        assert not any(header_word(n) or n.startswith(("—", ":")) for n in names)
    assert [i.score for i in lost.projects[0].indicators] == [20, 15, 18, 10]


def test_the_table_reading_of_the_collapsed_report_is_rows_cut_from_sentences(extractor):
    # what the rule is for: the collapsed-table reader cuts the sentences into rows (and here misses a project),
    # none of them plausible; the prose reading names every project it names and reads more
    from jixiao.pipelines.normalize import normalize_text

    norm = normalize_text(collapse(REPORT))
    table = extractor.readers.read(norm, lambda stage: None).projects
    assert table and all(misread_row(i) for p in table for i in p.indicators)
    prose = extractor.prose.parse(norm)
    assert len(prose) > len(table) and plausible_facts(table) < facts(table) < facts(prose)


def test_a_collapsed_self_evaluation_table_keeps_its_table_reading(extractor):
    from jixiao.config import REPO_ROOT

    text = (REPO_ROOT / "examples" / "self_evaluation_example.txt").read_text(encoding="utf-8")
    rec = extractor.extract_text(collapse(text), mode="parser")
    assert "projects read from prose" not in rec.meta.get("notes", [])
    assert [len(p.indicators) for p in rec.projects] == [7, 5]
