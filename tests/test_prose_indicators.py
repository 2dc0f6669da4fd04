"""Indicator sentences of prose reports in the forms bureaus print (invented examples)."""

import unicodedata

import pytest

from jixiao.pipelines.parsed import ParsedProject, Span
from jixiao.pipelines.prose_indicators import fill_lone_indicators, indicator_sentences


def _read(text: str) -> list[tuple]:
    return [(i.level1, i.level2, i.name.text, i.target[0].text if i.target else None, i.actual.text if i.actual else None,
             i.weight.text if i.weight else None, i.score.text if i.score else None)
            for i in indicator_sentences(text, 0, len(text))]


def test_labeled_fields_one_indicator_a_line():
    text = "\n".join([
        "（一）产出指标", "质量指标",
        "1.指标名称：校舍抽检合格率；年度目标值：≥98%；实际完成值：99.2%；分值：10；得分：10。",
        "2.三级指标名称：维修工程返工次数；年度目标值：≤2次；实际完成值：3次；分值：5；得分：3。", ""])
    assert _read(text) == [
        ("产出指标", "质量指标", "校舍抽检合格率", "≥98%", "99.2%", "10", "10"),
        ("产出指标", "质量指标", "维修工程返工次数", "≤2次", "3次", "5", "3")]


def test_target_right_after_the_name_inline_in_a_paragraph():
    text = ("2.效益指标完成情况。社会效益指标:受助家庭脱困比例≥70%,实际达到74.5%;"
            "帮扶对象回访次数≥4次,经入户核查实际为5次。满意度指标:困难群众满意度90%,实际满意度92%。\n")
    assert _read(text) == [
        ("效益指标", "社会效益指标", "受助家庭脱困比例", "≥70%", "74.5%", None, None),
        ("效益指标", "社会效益指标", "帮扶对象回访次数", "≥4次", "5次", None, None),
        ("满意度指标", None, "困难群众满意度", "90%", "92%", None, None)]


def test_target_right_after_the_name_with_its_score():
    text = "（2）时效指标：补贴发放完成率100%，实际完成100%，得10分；台账更新频次≥12次，实际完成12次，得5分。\n"
    assert _read(text) == [
        ("产出指标", "时效指标", "补贴发放完成率", "100%", "100%", None, "10"),
        ("产出指标", "时效指标", "台账更新频次", "≥12次", "12次", None, "5")]


@pytest.mark.parametrize("sentence", [
    "截至2023年12月31日，实际支出88.6万元。",  # a funds sentence: a date is no name, 支出 no actual
    "项目资金到位96万元，实际拨付88.6万元。",
    "年初预算120万元，实际使用资金118万元。",
])
def test_a_funds_sentence_is_no_indicator(sentence):
    assert _read("二、项目资金情况\n" + sentence + "\n") == []


def test_actual_printed_before_the_target():
    text = "2.可持续影响指标\n路灯完好率：实际达到97%，年度目标≥95%。\n管护制度执行年限：实际为3年，年度目标≥3年。\n"
    assert _read(text) == [
        ("效益指标", "可持续影响指标", "路灯完好率", "≥95%", "97%", None, None),
        ("效益指标", "可持续影响指标", "管护制度执行年限", "≥3年", "3年", None, None)]


def test_items_of_a_summary_sentence_after_a_colon_and_an_enumerator():
    text = ("项目绩效目标完成情况：一是全年巡查无死角；二是河道保洁率年度目标≥90%，实际完成93%；"
            "三是巡河里程年度目标≥600公里，实际完成640公里。\n")
    assert _read(text) == [
        (None, None, "河道保洁率", "≥90%", "93%", None, None),
        (None, None, "巡河里程", "≥600公里", "640公里", None, None)]


def test_an_aspect_lead_and_a_bare_plan_cue():
    text = "2.绩效指标完成情况。产出指标方面，培训教师人数计划≥300人，实际完成326人；效益指标方面，课堂达标率计划≥85%，实际为88%。\n"
    assert _read(text) == [
        ("产出指标", None, "培训教师人数", "≥300人", "326人", None, None),
        ("效益指标", None, "课堂达标率", "≥85%", "88%", None, None)]


def test_a_satisfaction_heading_without_the_word_indicator():
    text = "（三）满意度指标\n服务对象满意度：参训学员满意度≥90%，实际完成96%，得10分。\n"
    assert _read(text)[0][:3] == ("满意度指标", "服务对象满意度指标", "参训学员满意度")


def _project(start: int, end: int) -> ParsedProject:
    return ParsedProject(name=Span(text="示例项目", start=start, end=start + 4), start=start, end=end)


def test_a_lone_table_project_takes_the_indicators_its_prose_states():
    head = "项目名称\t示例项目\n"
    text = head + "\n（一）产出指标\n（1）数量指标：新建书屋数量≥6个，实际完成6个，得10分。\n"
    table = _project(0, len(head))
    fill_lone_indicators(text, [table])
    assert [(i.name.text, i.target[0].text, i.actual.text) for i in table.indicators] == [("新建书屋数量", "≥6个", "6个")]


def test_table_projects_with_indicators_or_several_tables_take_none_from_prose():
    text = "项目名称\t示例项目\n（1）数量指标：新建书屋数量≥6个，实际完成6个，得10分。\n"
    a, b = _project(0, 10), _project(10, 12)
    fill_lone_indicators(text, [a, b])
    assert a.indicators == [] and b.indicators == []


@pytest.mark.parametrize("sentence,expected", [
    # ① becomes a bare 1 under NFKC; 3) numbers a heading too
    ("1数量指标：检测样品批次≥300批次，实际完成312批次。", ("产出指标", "数量指标", "检测样品批次", "≥300批次", "312批次", None, None)),
    ("3）时效指标：样品送检及时率，年度指标值：100%，实际完成值：100%。",
     ("产出指标", "时效指标", "样品送检及时率", "100%", "100%", None, None)),
    # 指标分值 names the weight
    ("服务对象满意度指标：送检企业满意度≥95%，实际完成96.5%，指标分值10分，得分9分。",
     ("满意度指标", "服务对象满意度指标", "送检企业满意度", "≥95%", "96.5%", "10", "9")),
])
def test_other_numberings_and_weight_words(sentence, expected):
    assert _read(sentence + "\n") == [expected]


def test_a_bare_plan_before_a_figure_is_the_target_cue_not_part_of_the_name():
    text = "1.数量指标：新建排水沟长度计划3公里，实际完成3.4公里；新建检查井计划40座，实际完成40座。\n"
    assert [r[2:5] for r in _read(text)] == [("新建排水沟长度", "3公里", "3.4公里"), ("新建检查井", "40座", "40座")]


def test_a_whole_year_actual_cue():
    text = "1.校车安全运行率，年度指标值100%，全年实际值100%，分值10分，得分10分；\n"
    assert _read(text) == [(None, None, "校车安全运行率", "100%", "100%", "10", "10")]


def test_a_completion_rate_between_the_actual_and_the_marks_and_a_full_mark():
    text = "1.康复训练人数：年度指标值为≥60人，实际完成值为64人，指标完成率100%，得分18分（满分20分）。\n"
    assert _read(text) == [(None, None, "康复训练人数", "≥60人", "64人", "20", "18")]


def test_a_level2_before_a_dash_leads_the_name():
    text = "质量指标——课程结业率：目标值≥90%，完成值93%。\n"
    assert _read(text) == [("产出指标", "质量指标", "课程结业率", "≥90%", "93%", None, None)]


def test_a_path_of_levels_before_the_name():
    text = "效益指标-社会效益指标-适龄儿童入园率：年度指标值≥90%，实际完成值92%，分值20分，得分20分。\n"
    assert _read(text) == [("效益指标", "社会效益指标", "适龄儿童入园率", "≥90%", "92%", "20", "20")]


def test_values_in_brackets_after_the_name():
    text = "（一）产出指标：新建农家书屋数量（目标值≥8个，实际完成9个）；流动借阅场次（目标值≥20场，实际完成24场）。\n"
    assert [r[2:5] for r in _read(text)] == [("新建农家书屋数量", "≥8个", "9个"), ("流动借阅场次", "≥20场", "24场")]


def test_short_field_labels():
    text = "（1）指标：灌渠清淤长度；目标：≥12公里；完成：12.5公里；分值：20；得分：20。\n"
    assert _read(text) == [(None, None, "灌渠清淤长度", "≥12公里", "12.5公里", "20", "20")]


@pytest.mark.parametrize("sentence,name", [
    ("1道路清扫面积：年度目标值≥30万平方米，实际完成31万平方米，得分10分。", "道路清扫面积"),  # ① after NFKC
    ("3岁以下婴幼儿健康管理率：年度目标值≥85%，实际完成88%，得分10分。", "3岁以下婴幼儿健康管理率"),  # a count, kept
    ("65岁以上老人体检率≥60%，实际完成62%。", "65岁以上老人体检率"),
])
def test_a_circled_item_number_is_no_part_of_the_name(sentence, name):
    assert _read(sentence + "\n")[0][2] == name


def test_an_indicator_named_like_a_category_heads_nothing():
    text = " 1. 服务对象满意度：目标值 ≥90%，实际值 94%，得分 10分\n 2. 回访及时率：目标值 100%，实际值 100%，得分 10分\n"
    assert [r[:3] for r in _read(text)] == [(None, None, "服务对象满意度"), (None, None, "回访及时率")]


def test_collapsed_category_headings_before_a_name_are_cut_off_it():
    """Line breaks collapsed, a category heading and a run of spaces stand before the first name under it (with the
    name's own number ① too): the heading is the level, not part of the name; the same indicators as printed."""
    from jixiao.eval.variants import collapse
    from jixiao.pipelines.normalize import normalize_text

    text = "\n".join(["二、绩效目标完成情况", "（一）产出指标", "1.数量指标", "新建书屋数量：年度目标6个，实际完成6个。",
                      "（2）质量指标", "①图书验收合格率：年度目标值≥95%，实际完成98%，得分10分。", ""])
    rows = []
    for t in (text, collapse(text)):
        norm = normalize_text(t).text
        rows.append([(i.level1, i.level2, i.name.text, i.target[0].text, i.actual.text)
                     for i in indicator_sentences(norm, 0, len(norm))])
    assert rows[0] == rows[1] == [("产出指标", "数量指标", "新建书屋数量", "6个", "6个"),
                                  ("产出指标", "质量指标", "图书验收合格率", "≥95%", "98%")]


def test_quoted_names_without_quotes_and_the_word_after_them():
    text = "\n".join([
        "（一）产出指标（50分）",
        "1.“站点维护数量”指标，年度指标值为≥200个，全年实际完成值为212个，该指标分值15分，得15分。",
        "数量指标：“补助学生人数”，年度指标值42000人，实际完成值42315人，分值10分，得分10分。", ""])
    assert _read(text) == [
        ("产出指标", None, "站点维护数量", "≥200个", "212个", "15", "15"),
        ("产出指标", "数量指标", "补助学生人数", "42000人", "42315人", "10", "10")]


def test_actual_first_with_its_verb_and_the_marks_after_the_target():
    text = "\n".join([
        "（一）数量指标",
        "1.建设示范基地：实际建成6个，年度目标6个，得分10分（分值10分）；",
        "2.补助发放时间：实际完成时间为2022年11月，年度目标为2022年12月底前，得分5分（分值5分）。", ""])
    assert _read(text) == [
        ("产出指标", "数量指标", "建设示范基地", "6个", "6个", "10", "10"),
        ("产出指标", "数量指标", "补助发放时间", "2022年12月底前", "2022年11月", "5", "5")]


def test_value_first_dates_and_per_unit_figures():
    text = ("时效指标:补贴兑付时间≤2023年9月30日,实际2023年8月25日。"
            "社会效益指标:带动农户增收≥50元/亩,实际增收54元/亩。\n")
    assert _read(text) == [
        ("产出指标", "时效指标", "补贴兑付时间", "≤2023年9月30日", "2023年8月25日", None, None),
        ("效益指标", "社会效益指标", "带动农户增收", "≥50元/亩", "54元/亩", None, None)]


def _read_normalized(raw: str) -> list[tuple]:
    from jixiao.pipelines.normalize import normalize_text

    return _read(normalize_text(raw).text)


@pytest.mark.parametrize("sep", ["—", "——", "— —", "－", "-", "--", "/", "／", "＞", ">", "→", "、", "―", "─"])
def test_levels_joined_before_the_name_one_indicator_a_line(sep):
    # a 部门整体 report's key-project section, one indicator a line, its levels joined as other bureaus print them
    text = "\n".join([
        "绩效指标完成情况：",
        f"（1）产出指标{sep}数量指标{sep}维修加固堤防长度：年度指标值≥12公里，全年实际值12.4公里，分值15分，得分15分。",
        f"（2）成本指标{sep}生态环境成本指标{sep}施工弃土无害化处置率：年度指标值100%，全年实际值100%，分值10分，得分10分。",
        f"（3）满意度指标{sep}服务对象满意度指标{sep}沿岸居民满意度：年度指标值≥90%，全年实际值92%，分值10分，得分9.5分。",
        ""])
    assert _read_normalized(text) == [
        ("产出指标", "数量指标", "维修加固堤防长度", "≥12公里", "12.4公里", "15", "15"),
        ("成本指标", "生态环境成本指标", "施工弃土无害化处置率", "100%", "100%", "10", "10"),
        ("满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥90%", "92%", "10", "9.5")]


@pytest.mark.parametrize("values", [
    "年度指标值≥12公里，全年实际值12.4公里，分值15分，得分15分",
    "全年目标值≥12公里，全年完成值12.4公里，分值15分，得分15分",
    "年度目标值≥12公里，年度完成值12.4公里，权重15分，实际得分15分",
    "目标值≥12公里，实际完成数12.4公里，指标分值15分，自评得分15分",
    "计划值≥12公里，年末实际值12.4公里，权重分15分，评分15分",
    "预期目标≥12公里，实际完成12.4公里，标准分15分，实得15分",
    "年度指标值为≥12公里，全年实际完成值为12.4公里，满分15分，指标得分15分",
])
def test_other_bureaus_words_for_the_values(values):
    text = f"（1）产出指标—数量指标—维修加固堤防长度：{values}。\n"
    assert _read_normalized(text) == [("产出指标", "数量指标", "维修加固堤防长度", "≥12公里", "12.4公里", "15", "15")]


@pytest.mark.parametrize(("lead", "levels"), [
    ("产出—数量—", ("产出指标", "数量指标")),  # the levels without the word 指标
    ("效益指标—社会效益—", ("效益指标", "社会效益指标")),
    ("满意度/服务对象满意度/", ("满意度指标", "服务对象满意度指标")),
    ("产出>", ("产出指标", None)),
])
def test_levels_printed_without_the_word_indicator(lead, levels):
    text = f"（1）{lead}受益群众人数：年度指标值≥3000人，全年实际值3120人，分值10分，得分10分。\n"
    assert _read_normalized(text) == [(*levels, "受益群众人数", "≥3000人", "3120人", "10", "10")]


@pytest.mark.parametrize("name", [
    "质量/安全达标率",  # a level-2 word alone opens no lead: it may be the name's own
    "数量、质量抽检合格率",  # an ideographic comma lists words of one name
])
def test_a_category_word_inside_a_name_stays_there(name):
    text = f"（1）{name}：年度指标值≥95%，全年实际值97%，分值10分，得分10分。\n"
    assert [row[2] for row in _read_normalized(text)] == [name]


def test_sub_items_headed_by_a_level_word_and_a_colon():
    # 5.效益指标。（1）经济效益：… （2）生态效益：… (the 2021 framework's level-2 words without 指标)
    text = ("5.效益指标。（1）经济效益：示范区水稻亩均增产目标值≥25公斤，实际完成31公斤。"
            "（2）生态效益：项目区化肥施用量目标值为逐年下降，实际完成值为有所下降。\n")
    assert _read_normalized(text) == [
        ("效益指标", "经济效益指标", "示范区水稻亩均增产", "≥25公斤", "31公斤", None, None),
        ("效益指标", "生态效益指标", "项目区化肥施用量", "逐年下降", "有所下降", None, None)]


@pytest.mark.parametrize("line", [
    "5.效益指标。经济效益方面：示范区水稻亩均增产目标值≥25公斤，实际完成31公斤。",
    "5.效益指标。①经济效益：示范区水稻亩均增产目标值≥25公斤，实际完成31公斤。",
    "（五）效益指标—经济效益：示范区水稻亩均增产目标值≥25公斤，实际完成31公斤。",
    "（五）效益指标/经济效益指标：示范区水稻亩均增产目标值≥25公斤，实际完成31公斤。",
])
def test_a_level2_word_before_a_colon_in_other_forms(line):
    assert _read_normalized(line + "\n") == [
        ("效益指标", "经济效益指标", "示范区水稻亩均增产", "≥25公斤", "31公斤", None, None)]


def test_a_name_before_a_comma_is_no_level():
    # only the framework's level-2 words follow a level-1 as a bare level: a name before a comma stays the name
    text = "产出指标：维修加固堤防长度，年度目标值≥12公里，实际完成12.4公里。\n"
    assert _read_normalized(text) == [("产出指标", None, "维修加固堤防长度", "≥12公里", "12.4公里", None, None)]


@pytest.mark.parametrize("line", [
    "（1）产出指标 数量指标 修缮校舍面积：年度指标值≥1200平方米，全年实际值1260平方米，分值15分，得分15分。",  # spaces
    "（1）产出指标\u3000数量指标\u3000修缮校舍面积：年度指标值≥1200平方米，全年实际值1260平方米，分值15分，得分15分。",
    # the values in brackets after the name, the marks last
    "（1）产出指标—数量指标—修缮校舍面积（年度指标值≥1200平方米，全年实际值1260平方米，分值15分，得分15分）。",
])
def test_levels_joined_by_spaces_and_values_in_brackets(line):
    assert _read_normalized(line + "\n") == [
        ("产出指标", "数量指标", "修缮校舍面积", "≥1200平方米", "1260平方米", "15", "15")]


# ---- round invr: forms of real county/city/provincial reports the earlier rounds did not imagine


def test_the_actual_first_and_the_target_after_it_in_one_sentence():
    """部门决算 pages state what was done, then the year's target (完成X37条，年度目标35条); the verb before the name
    is no part of it, and a money sentence in the same form is no indicator."""
    text = ("项目全年完成老旧管网更换18公里，年度目标15公里；路灯亮灯率99.2%，年度目标98%；"
            "全年支出320万元，年度目标300万元。\n")
    assert _read(text) == [
        (None, None, "老旧管网更换", "15公里", "18公里", None, None),
        (None, None, "路灯亮灯率", "98%", "99.2%", None, None)]


def test_the_target_in_brackets_after_the_actual_and_a_score_out_of_the_weight():
    text = "\n".join([
        "1.数量指标",
        "（1）新修机耕道路长度达到12.5公里（目标值≥12公里），得分10/10。",
        "（2）受益农户（含监测户）户数86户（目标值≥90户），得分7.5/10，偏差原因：部分农户外出务工。", ""])
    assert _read(text) == [
        ("产出指标", "数量指标", "新修机耕道路长度", "≥12公里", "12.5公里", "10", "10"),
        ("产出指标", "数量指标", "受益农户（含监测户）户数", "≥90户", "86户", "10", "7.5")]


def test_a_bracketed_weight_after_the_name_and_deductions_that_are_no_score():
    """A scoring narrative: each item's 分值 in brackets after its name, its marks only as a deduction (扣2分):
    the weight is printed, the score is not (it would be computed)."""
    text = "\n".join([
        "2.质量指标（分值12分，得分10分）",
        "（1）样本检测合格率（分值7分）：年度目标≥98%，实际完成96.5%，扣2分。",
        "（2）台账规范率（分值5分）：年度目标100%，实际完成100%，不扣分。", ""])
    assert _read(text) == [
        ("产出指标", "质量指标", "样本检测合格率", "≥98%", "96.5%", "7", None),
        ("产出指标", "质量指标", "台账规范率", "100%", "100%", "5", None)]


def test_level2_words_in_square_brackets_and_before_fangmian():
    text = "\n".join([
        "（二）效益指标",
        "【社会效益指标】适龄儿童入学率：目标≥99%，完成99.6%，分值10分，得分10分。",
        "【可持续影响】设施运行年限：目标≥10年，完成≥10年，分值5分，得分5分。",
        "生态效益方面，河道水质达标率目标≥90%，实际完成92%。", ""])
    assert _read(text) == [
        ("效益指标", "社会效益指标", "适龄儿童入学率", "≥99%", "99.6%", "10", "10"),
        ("效益指标", "可持续影响指标", "设施运行年限", "≥10年", "≥10年", "5", "5"),
        ("效益指标", "生态效益指标", "河道水质达标率", "≥90%", "92%", None, None)]


def test_a_regions_actual_and_a_completion_time():
    text = ("（一）产出指标\n1.新建农村公路里程：年度目标值≥800公里，全市实际完成826公里，完成率103.3%。\n"
            "2.路网改造完工时间：年度目标值2023年10月底前，实际完成时间为2023年10月18日。\n")
    assert _read(text) == [
        ("产出指标", None, "新建农村公路里程", "≥800公里", "826公里", None, None),
        ("产出指标", None, "路网改造完工时间", "2023年10月底前", "2023年10月18日", None, None)]


def test_field_blocks_one_field_a_line():
    """A Word form pasted as text: a bare item number, then one labeled field a line, two sharing the last."""
    text = "\n".join([
        "（一）产出指标", "1.", "二级指标：质量指标", "指标名称：学籍信息准确率", "年度目标：100%", "实际完成：99.8%",
        "分值：10分　得分：9分", "偏差原因：个别学生信息录入有误。", "2.", "指标名称：资助资金发放时限",
        "年度目标：每学期开学后2个月内", "实际完成：按时发放", "（二）满意度指标", "3.", "指标名称：受助学生满意度",
        "年度目标：≥90%", "实际完成：96%", "权重：10　自评得分：10", ""])
    assert _read(text) == [
        ("产出指标", "质量指标", "学籍信息准确率", "100%", "99.8%", "10", "9"),
        ("产出指标", None, "资助资金发放时限", "每学期开学后2个月内", "按时发放", None, None),
        ("满意度指标", None, "受助学生满意度", "≥90%", "96%", "10", "10")]


def test_targets_and_actuals_in_different_sections():
    """The 绩效目标 section names each indicator with its target; the 完成情况 section repeats the name with what was
    done and the marks. A result line whose name has no target above is left alone."""
    text = "\n".join([
        "（二）年度绩效目标", "产出指标：培训农民人数800人；示范基地数量3个。", "效益指标：农户种植技术：明显提高。",
        "三、绩效目标实现情况", "（一）产出指标完成情况", "1.培训农民人数：实际培训856人，得10分。",
        "2.示范基地数量：建成2个，1个因用地调整顺延，得6分。", "3.资金拨付及时性：按时拨付，得5分。",
        "（二）效益指标完成情况", "农户种植技术：明显提高，得15分。", ""])
    assert _read(text) == [
        ("产出指标", None, "培训农民人数", "800人", "856人", None, "10"),
        ("产出指标", None, "示范基地数量", "3个", "2个", None, "6"),
        ("效益指标", None, "农户种植技术", "明显提高", "明显提高", None, "15")]


def test_bullet_glyphs_open_headings_and_items():
    text = "\n".join(["◆产出指标", "■新建充电桩数量：目标80个，完成86个。", "◆满意度指标", "●用户满意度：目标≥90%，完成95%。", ""])
    assert _read(text) == [
        ("产出指标", None, "新建充电桩数量", "80个", "86个", None, None),
        ("满意度指标", None, "用户满意度", "≥90%", "95%", None, None)]


def test_an_actual_compared_with_a_target_in_brackets_or_in_words_of_bound():
    """达到X，超过年度目标（Y）; 为X，与年度目标（Y）一致; 为X，年度目标为不低于Y，完成目标 (完成目标: the target met, no
    actual)."""
    text = "\n".join([
        "（一）数量指标", "家庭医生签约人数达到32.5万人，超过年度目标（30万人）；签约服务费标准为每人每年60元，与年度目标（60元）一致。",
        "（二）效益指标", "慢病患者规范管理率为72.4%，年度目标为不低于70%，完成目标。", ""])
    assert _read(text) == [
        ("产出指标", "数量指标", "家庭医生签约人数", "30万人", "32.5万人", None, None),
        ("产出指标", "数量指标", "签约服务费标准", "60元", "每人每年60元", None, None),
        ("效益指标", None, "慢病患者规范管理率", "不低于70%", "72.4%", None, None)]


def test_an_adjusted_target_after_the_first_one_is_the_indicators():
    text = "1.改造户数：年初目标值300户，调整后目标值280户，实际完成284户。\n"
    (ind,) = indicator_sentences(text, 0, len(text))
    assert (ind.target[0].text, ind.initial_target.text, ind.actual.text) == ("280户", "300户", "284户")


def test_merged_level_words_lead_their_indicators():
    """Some templates print the level-1 and level-2 run together (产出数量 / 效益社会); 满意度 alone is the level-1."""
    text = "\n".join(["产出时效：资金拨付时间，年度指标值6月底前，实际完成值6月20日，得分10分。",
                      "效益经济：带动农户增收，年度指标值≥2000元，实际完成值2300元，得分10分。",
                      "满意度：受益群众满意度，年度指标值≥90%，实际完成值93%，得分10分。", ""])
    assert _read(text) == [
        ("产出指标", "时效指标", "资金拨付时间", "6月底前", "6月20日", None, "10"),
        ("效益指标", "经济效益指标", "带动农户增收", "≥2000元", "2300元", None, "10"),
        ("满意度指标", None, "受益群众满意度", "≥90%", "93%", None, "10")]


def test_a_level_word_with_zhong_leads_its_sentence_and_the_ones_after_it():
    # 数量指标中，名称年度指标值为X，实际完成Y；名称… (a transfer payment's paragraph, indicators inline)
    text = ("产出指标方面：数量指标中，机采作业补贴面积年度指标值为≥45万亩，实际完成46.3万亩；新建养殖圈舍年度指标值为12座，"
            "实际完成12座；质量指标中，补贴对象认定准确率年度指标值为100%，实际完成100%。")
    got = [(i.level2, i.name.text, i.target[0].text, i.actual.text) for i in indicator_sentences(text, 0, len(text))]
    assert got == [("数量指标", "机采作业补贴面积", "≥45万亩", "46.3万亩"), ("数量指标", "新建养殖圈舍", "12座", "12座"),
                   ("质量指标", "补贴对象认定准确率", "100%", "100%")]


def test_a_level_word_in_brackets_after_the_name_is_its_category():
    text = ("产出指标方面：\n（1）堤防巡查里程（数量指标），年度指标值≥180公里，实际完成186公里，分值15分，得分15分。\n"
            "（2）巡查记录合格率（质量指标），年度指标值≥95%，实际完成97%，分值10分，得分10分。\n")
    got = [(i.level2, i.name.text, i.target[0].text) for i in indicator_sentences(text, 0, len(text))]
    assert got == [("数量指标", "堤防巡查里程", "≥180公里"), ("质量指标", "巡查记录合格率", "≥95%")]


def test_one_indicator_a_line_with_its_fields_joined_by_long_dashes():
    text = ("1.包虫病患者筛查人数——年度目标≥12000人——完成12436人——分值10——得分10\n"
            "2.犬只驱虫覆盖村数——年度目标≥160个——完成158个——分值10——得分8\n")
    got = [(i.name.text, i.target[0].text, i.actual.text, i.weight.text, i.score.text)
           for i in indicator_sentences(text, 0, len(text))]
    assert got == [("包虫病患者筛查人数", "≥12000人", "12436人", "10", "10"), ("犬只驱虫覆盖村数", "≥160个", "158个", "10", "8")]


def test_a_completion_rate_in_the_actuals_place_leaves_the_actual_unread():
    # (目标完成率 is the ratio of the actual to the target: the actual itself is not printed, and not derived)
    text = "（一）数量指标\n（1）农田灌渠修复长度，年度目标8公里，目标完成率110%，分值10分，得分10分。\n"
    assert _read(text) == [("产出指标", "数量指标", "农田灌渠修复长度", "8公里", None, "10", "10")]


def test_indicators_listed_in_one_sentence_take_their_values_in_order():
    text = ("产出指标中的数量指标设置了2个三级指标，分别是“义诊服务人次”和“巡回医疗村数”，目标值分别为≥1500人次和≥40个，"
            "实际完成值分别为1620人次和43个，分值各10分，各得10分。满意度指标设置了1个三级指标“患者满意度”，目标值为≥90%，"
            "实际完成值为93%，分值10分，得9分。\n")
    assert _read(text) == [
        ("产出指标", "数量指标", "义诊服务人次", "≥1500人次", "1620人次", "10", "10"),
        ("产出指标", "数量指标", "巡回医疗村数", "≥40个", "43个", "10", "10"),
        ("满意度指标", None, "患者满意度", "≥90%", "93%", "10", "9")]


def test_a_list_whose_values_do_not_match_its_names_is_not_read_as_one():
    text = "数量指标设置了2个三级指标，分别是“义诊服务人次”和“巡回医疗村数”，目标值分别为≥1500人次、≥40个和≥8场，实际完成值为1620人次。\n"
    assert [r[2] for r in _read(text)] == []


def test_quoted_indicators_separated_by_semicolons_are_read_one_by_one():
    text = ("数量指标：“培训农民人数”，年度指标值300人，实际完成值326人，分值10分，得分10分；"
            "“培训班期数”，年度指标值6期，实际完成值6期，分值10分，得分10分。\n")
    assert _read(text) == [
        ("产出指标", "数量指标", "培训农民人数", "300人", "326人", "10", "10"),
        ("产出指标", "数量指标", "培训班期数", "6期", "6期", "10", "10")]


def test_targets_and_results_stated_in_different_parts_pair_by_the_repeated_name():
    text = "\n".join([
        "第二部分 绩效目标设定情况", "（一）数量指标：新建村级文化广场数量12个；", "（二）质量指标：广场验收合格率≥95%；",
        "第三部分 绩效目标完成情况", "截至年底，新建村级文化广场数量12个，全部完成；广场验收合格率97%。", ""])
    assert _read(text) == [
        ("产出指标", "数量指标", "新建村级文化广场数量", "12个", "12个", None, None),
        ("产出指标", "质量指标", "广场验收合格率", "≥95%", "97%", None, None)]


def test_a_name_stated_once_with_a_figure_is_no_restated_result():
    # (one clause naming a figure, and a funds clause repeated, are not a list of targets and results)
    text = "目标：新建村级文化广场数量12个；全年预算数300万元。\n完成情况：全年预算数300万元，已全部支出。\n"
    assert _read(text) == []


def test_a_bare_shiji_with_its_verb_or_none_opens_the_actual_after_a_cued_target():
    text = ("数量指标：古树名木挂牌保护数量目标320株，实际挂牌326株；质量指标：挂牌信息准确率目标≥98%，实际99.1%。"
            "效益指标中，生态效益指标：古树生长状况目标稳中向好，实际较上年明显改善。\n")
    assert [r[2:5] for r in _read(text)] == [
        ("古树名木挂牌保护数量", "320株", "326株"), ("挂牌信息准确率", "≥98%", "99.1%"),
        ("古树生长状况", "稳中向好", "较上年明显改善")]


def test_a_target_printed_with_its_bound_needs_no_cue_and_a_cut_value_is_no_actual():
    text = ("（五）平均维修成本：控制在800元/户以内，实际平均736元/户。\n"
            "6.满意度指标：住户满意度目标值≥90%，完成值\n")
    assert [r[2:5] for r in _read(text)] == [("平均维修成本", "控制在800元/户以内", "736元/户")]


def test_unquoted_names_listed_before_fenbie_take_their_values_in_order():
    text = "数量方面，新建候车亭、更换站牌两项指标目标值分别为24个、60块，实际完成分别为24个、58块。\n"
    assert _read(text) == [
        ("产出指标", "数量指标", "新建候车亭", "24个", "24个", None, None),
        ("产出指标", "数量指标", "更换站牌", "60块", "58块", None, None)]


def test_the_weight_said_of_the_item_and_a_planned_figure_reached():
    text = ("数量指标：维修水毁桥涵数量，年度目标15座，实际完成15座，该项分值10分，得10分。\n"
            "桥涵验收合格率计划达到95%，实际达到97%。\n")
    assert [r[2:] for r in _read(text)] == [
        ("维修水毁桥涵数量", "15座", "15座", "10", "10"), ("桥涵验收合格率", "95%", "97%", None, None)]


def test_a_level_target_heading_heads_its_results():
    text = "（二）效益目标完成情况\n河道水质达标率目标值≥90%，实际完成92%。\n"
    assert _read(text) == [("效益指标", None, "河道水质达标率", "≥90%", "92%", None, None)]


def test_dashed_fields_with_line_breaks_collapsed():
    text = ("（一）数量指标 1.筛查人数——年度目标≥1200人——完成1243人——分值10——得分10 "
            "2.驱虫覆盖村数——年度目标≥16个——完成15个——分值10——得分8 （二）质量指标 1.复查合格率——年度目标100%——完成100%")
    assert [r[2:] for r in _read(text)] == [
        ("筛查人数", "≥1200人", "1243人", "10", "10"), ("驱虫覆盖村数", "≥16个", "15个", "10", "8"),
        ("复查合格率", "100%", "100%", None, None)]


def test_an_expected_value_and_the_marks_in_brackets_after_the_actual():
    text = ("门诊预约人次：预期≥4.5万人次；实际4.82万人次。\n"
            "农村公路列养里程：年度目标≥1420公里，实际完成1436公里（权重10，得分10）。\n")
    assert [r[2:] for r in _read(text)] == [
        ("门诊预约人次", "≥4.5万人次", "4.82万人次", None, None), ("农村公路列养里程", "≥1420公里", "1436公里", "10", "10")]


def test_clauses_on_the_result_before_the_score_and_a_levels_heading_with_its_marks():
    text = ("（三）产出（满分40分，得36.5分）\n"
            "2.更新楼道灯具数量（满分10分）：年度目标值≥900盏，实际完成860盏，完成率95.56%，按完成比例扣0.5分，得9.5分。\n")
    assert _read(text) == [("产出指标", None, "更新楼道灯具数量", "≥900盏", "860盏", "10", "9.5")]


def test_a_list_whose_actuals_say_fenbie_after_shiji_and_one_value_for_all():
    text = ("数量指标方面，新建实验室数量和改造宿舍间数的年度目标分别为4间和120间，实际分别完成4间和118间；"
            "质量指标方面，设备验收合格率和工程验收合格率目标均为100%，实际均为100%。\n")
    assert [r[1:5] for r in _read(text)] == [
        ("数量指标", "新建实验室数量", "4间", "4间"), ("数量指标", "改造宿舍间数", "120间", "118间"),
        ("质量指标", "设备验收合格率", "100%", "100%"), ("质量指标", "工程验收合格率", "100%", "100%")]


def test_a_completion_verb_after_the_actuals_date_is_no_part_of_it():
    text = "安装完成时间目标为2023年8月底前，实际于2023年8月25日全部安装完毕。\n"
    assert [r[2:5] for r in _read(text)] == [("安装完成时间", "2023年8月底前", "2023年8月25日")]


def test_an_enumeration_comma_between_target_and_actual_and_a_decimal_numbered_heading():
    text = ("1.1数量指标\n"
            "(1)改造村内巷道 (公里) 目标值≥8.5、完成值 9.2;\n")
    assert _read(text) == [("产出指标", "数量指标", "改造村内巷道 (公里)", "≥8.5", "9.2", None, None)]


def test_names_with_their_target_and_actual_in_brackets():
    text = "1.数量指标：道路清扫面积（≥310万平方米/318万平方米）、保洁路段数量（52条/52条）、保洁机制运行情况（持续运行/持续运行）。\n"
    assert [r[1:5] for r in _read(text)] == [
        ("数量指标", "道路清扫面积", "≥310万平方米", "318万平方米"), ("数量指标", "保洁路段数量", "52条", "52条"),
        ("数量指标", "保洁机制运行情况", "持续运行", "持续运行")]


def test_a_lone_bracket_with_a_slash_is_a_unit_not_a_pair():
    text = "运维费用（万元/年）按合同执行，全年支出120万元。\n"
    assert _read(text) == []


def test_numbered_headings_and_a_circled_item_run_into_a_name_where_line_breaks_were_lost():
    text = "二、绩效目标实现情况 1.产出指标 1.1数量指标 1巡查水库座数(座):年度指标值=38,全年实际值38,分值8分,得分8分。"
    assert [r[1:5] for r in _read(text)] == [("数量指标", "巡查水库座数(座)", "=38", "38")]


def test_a_numbered_list_of_targets_then_one_of_results_pair_by_their_shared_words():
    text = "\n".join(["（三）绩效目标。", "1.兑付创新券企业不少于150家；", "2.带动研发投入较上年增长5%；", "二、完成情况",
                      "1.兑付创新券企业168家，完成；", "2.带动研发投入较上年增长6.3%，完成。", ""])
    assert [r[2:5] for r in _read(text)] == [
        ("兑付创新券企业", "不少于150家", "168家"), ("带动研发投入", "较上年增长5%", "较上年增长6.3%")]


def test_a_forms_fields_written_out_as_a_sentence():
    text = ("一级指标为产出指标，二级指标为数量指标，三级指标为抽检批次，年度指标值为≥1200批次，实际完成值为1236批次，分值为15，"
            "得分为15，偏差原因分析及改进措施为无。\n")
    assert _read(text) == [("产出指标", "数量指标", "抽检批次", "≥1200批次", "1236批次", "15", "15")]


def test_level1_leads_with_fangmian_bracketed_targets_after_commas_and_a_comparison_kept():
    text = ("在产出方面，赛事活动场次为42场（目标≥40场），健身器材验收合格率为100%（目标100%）。\n"
            "在效益方面，锻炼人数比例的年度目标为较上年提高1个百分点，实际提高1.3个百分点；"
            "水库蓄水增加量：计划不低于上年，实际基本完成。\n")
    assert [r[:5] for r in _read(text)] == [
        ("产出指标", None, "赛事活动场次", "≥40场", "42场"), ("产出指标", None, "健身器材验收合格率", "100%", "100%"),
        ("效益指标", None, "锻炼人数比例", "较上年提高1个百分点", "提高1.3个百分点"),
        ("效益指标", None, "水库蓄水增加量", "不低于上年", "基本完成")]


def test_a_score_in_brackets_after_the_actual_and_an_ascii_full_stop():
    text = "防火巡护人次: 目标≥3600人次, 完成3820人次(得分15分);\n火情响应到场时间: 目标≤30分钟, 完成平均22分钟(得分10分).\n"
    assert [r[2:] for r in _read(text)] == [
        ("防火巡护人次", "≥3600人次", "3820人次", None, "15"), ("火情响应到场时间", "≤30分钟", "平均22分钟", None, "10")]


def test_a_bare_plan_word_after_the_names_colon_cues_a_target_in_words():
    # (计划 before a figure was a cue already; after the name's colon it cues words too: 计划长效运行)
    text = "\n".join(["3.可持续影响指标",
                      "（1）水库安全运行管护机制：计划长效运行，实际完成长效运行，权重10分，得分10分。",
                      "（2）管护人员到岗：计划≥24人，实际完成24人，权重5分，得分5分。", ""])
    assert _read(text) == [
        ("效益指标", "可持续影响指标", "水库安全运行管护机制", "长效运行", "长效运行", "10", "10"),
        ("效益指标", "可持续影响指标", "管护人员到岗", "≥24人", "24人", "5", "5")]


def test_a_plan_inside_a_sentence_is_no_target_cue():
    # (按计划推进: no colon before 计划, no indicator)
    assert _read("项目总体按计划推进，实际完成情况良好。\n") == []


def test_a_measure_word_in_brackets_is_part_of_the_figure():
    text = "数量指标:储备物资总量≥2600件(套),实际储备2712件(套);培训人次≥800人(次),实际完成812人(次)。\n"
    assert _read(text) == [
        ("产出指标", "数量指标", "储备物资总量", "≥2600件(套)", "2712件(套)", None, None),
        ("产出指标", "数量指标", "培训人次", "≥800人(次)", "812人(次)", None, None)]


def test_the_full_mark_said_of_the_indicator_is_its_weight():
    # (该指标10分，得10分: the weight with no word for it, the score after)
    text = "（一）产出指标\n（1）建设示范基地：目标4个，完成4个，该指标10分，得10分。\n（2）带动农户数：目标≥500户，完成468户，该项10分，得8分。\n"
    assert _read(text) == [
        ("产出指标", None, "建设示范基地", "4个", "4个", "10", "10"),
        ("产出指标", None, "带动农户数", "≥500户", "468户", "10", "8")]


def test_a_narrative_leads_by_from_level_see_and_states_plans_and_results_in_varied_orders():
    text = ("从产出看，全年计划新建村级光伏电站12座，实际建成13座，完成率108.3%；并网验收合格率目标为100%，经供电公司验收实际为"
            "100%；电站并网时间实际为2023年9月底，较计划的2023年10月底前提前一个月。\n"
            "从效益看，村集体年均增收预期较上年增加3万元，实际较上年增加3.4万元。\n"
            "从满意度看，村民满意度达到95%，高于90%的预期目标。\n")
    assert _read(text) == [
        ("产出指标", None, "新建村级光伏电站", "12座", "13座", None, None),
        ("产出指标", None, "并网验收合格率", "100%", "100%", None, None),
        ("产出指标", None, "电站并网时间", "2023年10月底前", "2023年9月底", None, None),
        ("效益指标", None, "村集体年均增收", "较上年增加3万元", "较上年增加3.4万元", None, None),
        ("满意度指标", None, "村民满意度", "90%", "95%", None, None)]


def test_results_stated_first_with_the_ratio_to_the_target_and_footnote_marks():
    text = "\n".join([
        "（一）产出情况",
        "1.完成农贸市场改造个数6个，年度目标6个，完成率100%。",
        "2.新增摊位数量达到1,260个，为年度目标1,200个的105%。",
        "（二）满意度情况",
        "3.商户满意度：目标≥90%，达到目标值的104%（实际93.6%）。",
        "4.市场管理规范率目标≥85%，实际88%（注2）。", ""])
    assert _read(text) == [
        ("产出指标", None, "农贸市场改造个数", "6个", "6个", None, None),
        ("产出指标", None, "新增摊位数量", "1,200个", "1,260个", None, None),
        ("满意度指标", None, "商户满意度", "≥90%", "93.6%", None, None),
        ("满意度指标", None, "市场管理规范率", "≥85%", "88%", None, None)]


def test_labeled_fields_joined_by_bars_and_a_list_of_field_labels_is_no_indicator():
    text = "\n".join([
        "（说明：各行依次为指标名称、年度目标值、实际完成值、分值、得分）",
        "▲产出指标", "◇时效指标",
        "指标：路灯故障修复及时率｜目标：≥95%｜完成：97%｜分值：10｜得分：10", ""])
    # (normalized: NFKC makes the full-width bar a |)
    assert _read_normalized(text) == [("产出指标", "时效指标", "路灯故障修复及时率", "≥95%", "97%", "10", "10")]


def _fields(text: str) -> list[tuple]:
    return [(i.level1, i.level2, i.name.text, i.target[0].text if i.target else None, i.actual.text if i.actual else None,
             i.weight.text if i.weight else None, i.score.text if i.score else None)
            for i in indicator_sentences(text, 0, len(text))]


def test_kpi_items_with_the_level_abbreviated_in_brackets_and_the_marks_after_the_full_stop():
    text = "\n".join(["（一）产出类KPI",
                      "1.（数量）政务云接入系统数：目标值不少于四十个，实际完成四十三个。（分值10，得分10）",
                      "2.（数量）终端设备接入量：目标值≥8,000台(pcs)，实际完成8,260台(pcs)。（分值10，得分10）",
                      "3.（社会效益）群众办事平均时长：目标值较上年缩短15%，实际缩短18.2%。（分值15，得分15）", ""])
    assert _fields(text) == [
        ("产出指标", "数量指标", "政务云接入系统数", "不少于四十个", "四十三个", "10", "10"),
        # (a comma between digits three from the end separates thousands; a bracket the value opens it closes)
        ("产出指标", "数量指标", "终端设备接入量", "≥8,000台(pcs)", "8,260台(pcs)", "10", "10"),
        # (a comparison word is part of the actual, as of the target)
        ("效益指标", "社会效益指标", "群众办事平均时长", "较上年缩短15%", "缩短18.2%", "15", "15")]


def test_a_target_in_brackets_after_the_name_leaves_its_bracket_behind():
    text = "数量指标：\n（1）新建口袋公园（目标值≥6处），实际完成7处，满分10分，得10分；\n"
    assert _fields(text) == [("产出指标", "数量指标", "新建口袋公园", "≥6处", "7处", "10", "10")]


def test_a_share_of_the_target_keeps_its_verb():
    text = "★【数量指标】人工增雨作业面积：计划≥1,200平方公里，完成年度目标的108%。\n"
    assert _fields(text) == [("产出指标", "数量指标", "人工增雨作业面积", "≥1,200平方公里", "完成年度目标的108%", None, None)]


def test_a_numbered_heading_of_indicators_naming_no_category_ends_the_one_above():
    text = "\n".join(["（一）达到目标的指标（2项）", "满意度指标中：家长满意度：95%（目标≥90%）、教师满意度：93%（目标≥90%）。",
                      "（二）未达目标的指标（1项）", "1.参与教师人数：年度目标≥1,500人，实际完成1,420人，偏差原因为…；", ""])
    assert [(i.name.text, i.level1) for i in indicator_sentences(text, 0, len(text))] == [
        ("家长满意度", "满意度指标"), ("教师满意度", "满意度指标"), ("参与教师人数", None)]


def test_a_levels_targets_heading_heads_its_list():
    text = ("（二）效益目标：一是带动就业岗位120个以上；二是村集体增收20万元以上。\n"
            "（二）效益完成情况：一是带动就业岗位135个；二是村集体增收23.6万元。\n")
    assert [(i.level1, i.name.text) for i in indicator_sentences(text, 0, len(text))] == [
        ("效益指标", "带动就业岗位"), ("效益指标", "村集体增收")]


def test_interim_monitoring_figures_between_the_target_and_the_years_actual():
    """A service contract's indicator with half-year monitoring readings before the year's figure: the actual is the
    year's (全年实际完成值), the readings are no value."""
    text = "2.质量指标\n（1）道路机扫率：年度目标值≥85%，1-6月监测值83.2%，7-12月监测值87.6%，全年实际完成值85.4%，分值10分，得分10分。\n"
    assert _read(text) == [("产出指标", "质量指标", "道路机扫率", "≥85%", "85.4%", "10", "10")]


# ---- transfer-payment inline forms and other bureaus' words (invented examples, invar family)

def test_a_bare_done_after_the_target_is_the_actual():
    text = ("(一)产出指标完成情况\n数量指标:新建蓄水池≥40座,完成42座;新增灌溉面积≥0.6万亩,完成0.64万亩。"
            "质量指标:工程验收合格率≥95%,实际100%。\n")
    assert _read(text) == [
        ("产出指标", "数量指标", "新建蓄水池", "≥40座", "42座", None, None),
        ("产出指标", "数量指标", "新增灌溉面积", "≥0.6万亩", "0.64万亩", None, None),
        ("产出指标", "质量指标", "工程验收合格率", "≥95%", "100%", None, None)]


def test_a_done_after_a_budget_is_no_indicator():
    assert _read("数量指标:项目预算资金120万元,完成118万元。\n") == []


def test_a_change_on_the_year_before_set_off_by_a_comma_is_the_target():
    text = "生态效益指标:项目区农药使用量,较上年下降,实际下降4.1%。\n"
    assert _read(text) == [("效益指标", "生态效益指标", "项目区农药使用量", "较上年下降", "下降4.1%", None, None)]
    # (run into the name it is part of it, the cued target after it)
    assert _read("项目区治安案件同比下降目标≥10%，实际同比下降12%。\n")[0][2:4] == ("项目区治安案件同比下降", "≥10%")


def test_a_change_verb_ending_the_name_is_no_part_of_the_actual():
    text = "社会效益指标:亩均粮食单产提高，年度目标值≥40公斤，实际提高46公斤。\n"
    assert _read(text)[0][2:5] == ("亩均粮食单产提高", "≥40公斤", "46公斤")


def test_em_dash_bullets_and_both_words_of_reference_before_the_weight():
    text = ("（一）产出指标\n——培训人次：年度指标值≥600人次，实际完成640人次，该项指标分值10分，得分10分。\n"
            "——补贴发放时间：年度指标值每季度末前，实际完成每季度末前，分值10分，得分10分。\n")
    assert _read(text) == [
        ("产出指标", None, "培训人次", "≥600人次", "640人次", "10", "10"),
        ("产出指标", None, "补贴发放时间", "每季度末前", "每季度末前", "10", "10")]


def test_a_surveys_result_is_the_actual():
    text = ("3.满意度指标完成情况分析\n服务对象满意度指标:受训农户满意度≥90%,问卷调查满意度为93.2%。\n"
            "社会公众满意度指标:周边居民满意度目标≥85%，经抽样调查结果为88%。\n")
    assert [r[2:5] for r in _read(text)] == [("受训农户满意度", "≥90%", "93.2%"), ("周边居民满意度", "≥85%", "88%")]


def test_the_date_it_happened_after_a_date_target_is_the_actual():
    text = "时效指标:项目开工时间2023年9月底前,于2023年9月12日开工。\n"
    assert _read(text) == [("产出指标", "时效指标", "项目开工时间", "2023年9月底前", "2023年9月12日", None, None)]


def test_a_year_before_the_target_cue_is_no_name():
    # (Fujian-style numbered sentences: the unit in the name's brackets, the year before 年度目标值)
    text = "\n".join([
        "1、产出指标", "（1）数量指标",
        "①市场主体抽查户数（户）：2023年度目标值为≥650，实际完成值为702，指标分值10分，自评得分10分。",
        "②抽查结果公示率（%）：2024年度目标值为100，实际完成值为100，指标分值5分，自评得分5分。", ""])
    assert _read(unicodedata.normalize("NFKC", text)) == [
        ("产出指标", "数量指标", "市场主体抽查户数(户)", "≥650", "702", "10", "10"),
        ("产出指标", "数量指标", "抽查结果公示率(%)", "100", "100", "5", "5")]


def test_level_label_lines_head_actual_first_sentences():
    # (一级指标： / 二级指标： lines as headings; each sentence states the actual first, the target after it; the verb
    # after a date is no part of the actual, as for 于DATE开工)
    text = "\n".join([
        "一级指标：产出指标",
        "二级指标：数量指标。护林员巡护里程实际完成3120公里，全年目标≥3000公里；新建瞭望塔实际完成4座，全年目标4座。",
        "二级指标：时效指标。物资采购实际于2023年3月5日完成，全年目标2023年3月底前。",
        "一级指标：效益指标",
        "二级指标：社会效益指标。宣传覆盖人群实际约8万人次，全年目标≥6万人次。", ""])
    assert _read(text) == [
        ("产出指标", "数量指标", "护林员巡护里程", "≥3000公里", "3120公里", None, None),
        ("产出指标", "数量指标", "新建瞭望塔", "4座", "4座", None, None),
        ("产出指标", "时效指标", "物资采购", "2023年3月底前", "2023年3月5日", None, None),
        ("效益指标", "社会效益指标", "宣传覆盖人群", "≥6万人次", "约8万人次", None, None)]


def test_plan_first_sentences_under_a_category_lead():
    # (预期完成名称X，实际完成Y / 预期名称达到X / 名称计划于DATE: the plan's words are no part of the name)
    text = "\n".join([
        "1.产出指标",
        "数量指标：预期完成图书编目4.2万册，实际完成4.5万册；预期完成古籍修复120册，实际完成126册。",
        "质量指标：预期编目数据差错率达到0.5%以下，实际为0.3%。",
        "时效指标：编目任务计划于2023年10月底前完成，实际于10月18日完成。", ""])
    got = _read(text)
    assert [g[:5] for g in got[:3]] == [
        ("产出指标", "数量指标", "图书编目", "4.2万册", "4.5万册"),
        ("产出指标", "数量指标", "古籍修复", "120册", "126册"),
        ("产出指标", "质量指标", "编目数据差错率", "0.5%以下", "0.3%")]
    assert got[3][:4] == ("产出指标", "时效指标", "编目任务", "2023年10月底前完成")


def test_a_plan_first_sentence_without_a_category_keeps_its_approximation():
    text = "效益指标（30分，得分28分）：宣传受众计划5万人次以上，实际覆盖约5.8万人次；群众知晓率计划达到90%，实际达到93%。\n"
    assert _read(text) == [
        ("效益指标", None, "宣传受众", "5万人次以上", "约5.8万人次", None, None),
        ("效益指标", None, "群众知晓率", "90%", "93%", None, None)]


def test_a_worded_change_run_into_the_name_is_its_target():
    # (名称较上年增加，实际增加…: the comparison, words only, is the target where 实际 follows its clause)
    text = "（二）效益指标完成情况。生态效益指标：湿地保护面积较上年增加，实际增加0.8万亩；林草覆盖率≥61%，实际61.4%。\n"
    assert _read(text) == [
        ("效益指标", "生态效益指标", "湿地保护面积", "较上年增加", "增加0.8万亩", None, None),
        ("效益指标", "生态效益指标", "林草覆盖率", "≥61%", "61.4%", None, None)]
