"""The prose as a sentence reader sees it: the reading of the view where spaces split words or lines wrap."""

from jixiao.pipelines.prose_view import Unwrapped, view_indicators


def _read(text: str) -> list[tuple]:
    return [(i.name.text, i.target[0].text, i.actual.text if i.actual else None, i.score.text if i.score else None)
            for i in view_indicators(text, Unwrapped.of(text), 0, len(text))]


def test_a_spaced_word_reads_in_the_view_where_it_finds_more_fields():
    # (as printed the score's cue is split, 自评得 分; the view reads it, with as many indicators)
    text = "1.防控覆盖率,年初目标值≥85% ,实际 完成值≥86%,自评得 分20分;\n2.物资发放到位率,年初目标值=100%,实际完成值=100%,自评得分20分;\n"
    assert _read(text) == [("防控覆盖率", "≥85%", "≥86%", "20"), ("物资发放到位率", "=100%", "=100%", "20")]


def test_line_breaks_lost_keep_the_printed_reading_on_a_tie():
    # (the view of a collapsed text runs the heading into the name)
    text = "（一）产出指标 1.扫描页数,年初目标值≥120万页,实际完成值126万页,自评得 分20分。"
    assert _read(text)[0][0] == "扫描页数"


# ---- relined: a collapsed report's line breaks put back (invented examples)

def _relined(text: str) -> str:
    from jixiao.pipelines.prose_view import relined
    from jixiao.pipelines.scan_text import normalize_scanned

    return relined(normalize_scanned(text))


def _folded(lines: list[str]) -> str:
    from jixiao.pipelines.scan_text import normalize_scanned

    return normalize_scanned("\n".join(lines)).text  # (normalized as the text: （一） -> (一), ： -> :)


def test_relined_puts_back_breaks_after_full_width_ends_and_before_headings():
    text = ("示例县交通运输局2023年度项目支出绩效自评报告 一、项目基本情况 农村公路养护项目由示例县交通运输局主管。 "
            "（一）产出指标 1.养护里程：年度目标≥300公里，实际完成312公里； 2.路况优良率：年度目标≥80%，实际完成83%。"
            "  二、自评结论 - 综合得分96分")
    assert _relined(text) == _folded([
        "示例县交通运输局2023年度项目支出绩效自评报告", "一、项目基本情况", "农村公路养护项目由示例县交通运输局主管。",
        "（一）产出指标", "1.养护里程：年度目标≥300公里，实际完成312公里；", "2.路况优良率：年度目标≥80%，实际完成83%。", "",
        "二、自评结论", "- 综合得分96分"])
    assert len(_relined(text)) == len(text)  # (same length: the offsets hold)
    assert _relined("问：这是什么项目？ 答：某项目。") == _folded(["问：这是什么项目？", "答：某项目。"])


def test_relined_puts_back_the_break_before_an_indented_paragraph():
    # a letter's paragraphs opened by full-width spaces (　　), their line breaks lost: break, then the indent
    text = "县财政局： 　　根据通知要求，现将自评情况报告如下： 　　1.某某项目。全年预算120万元。 　　2.另一项目。"
    got = _relined(text)
    assert len(got) == len(text)
    assert [line.strip() for line in got.split("\n")] == \
        [line.strip() for line in _folded(["县财政局：", "根据通知要求，现将自评情况报告如下：", "1.某某项目。全年预算120万元。",
                                           "2.另一项目。"]).split("\n")]


def test_relined_keeps_spaces_inside_a_line():
    """A half-width mark's space (人次: 目标…, 完成…: normalization folds a full-width one to the same character, the
    printed one decides), a wrap inside a sentence (126.4 万页) and a text that has line breaks stay as they are."""
    line = "防火巡护人次: 目标≥3600人次, 完成3820人次(得分15分); 实际完成126.4 万页"
    assert _relined(line) == line
    assert _relined("一、项目基本情况\n某项目 由某局主管。 二、") == "一、项目基本情况\n某项目 由某局主管。 二、"


def test_a_collapsed_report_reads_as_printed(extractor):
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "示例县人力资源和社会保障局2023年度部门项目支出绩效自评报告", "一、项目基本情况",
        "就业见习补贴项目是我局为促进青年就业设立的民生项目，由示例县就业服务中心具体实施。",
        "二、项目资金使用情况", "该项目年初预算1,200,000元，全年预算1,350,000元，全年执行1,296,000元，执行率96%。",
        "三、绩效目标完成情况", "（一）产出指标",
        "- 数量指标：见习岗位募集数量，年度指标值≥300个，实际完成328个，分值15分，得分15分",
        "- 质量指标：补贴发放准确率，年度指标值100%，实际完成100%，分值10分，得分10分",
        "四、自评结论", "该项目自评得分95分，自评等级为优。"])
    collapsed = extractor.extract_text(collapse(text), mode="parser").projects
    assert [(p.name, p.implementer, p.funds.executed, p.score) for p in collapsed] == [
        ("就业见习补贴项目", "示例县就业服务中心", 1296000.0, 95.0)]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in collapsed[0].indicators] == [
        ("见习岗位募集数量", "≥300个", "328个", 15.0, 15.0), ("补贴发放准确率", "100%", "100%", 10.0, 10.0)]


def test_relined_opens_a_line_at_a_label_and_its_colon():
    text = "一级指标：产出指标 二级指标：数量指标 三级指标：补贴发放面积 年度指标值：≥285万亩 发布时间：2024-05-21 09:32"
    assert _relined(text) == _folded(["一级指标：产出指标", "二级指标：数量指标", "三级指标：补贴发放面积",
                                      "年度指标值：≥285万亩", "发布时间：2024-05-21 09:32"])


def test_labeled_lines_collapsed_read_as_printed(extractor):
    """Labeled values one a line (一级指标：… 分值：…), collapsed: no table run together (a colon is no glue between
    words), the lines found again, the indicators read."""
    from jixiao.eval.variants import collapse

    lines = ["示例县农业农村局", "2023年度耕地保护补贴项目支出绩效自评报告", "", "一、项目基本情况",
             "耕地保护补贴是支持耕地保护的惠农政策，补贴对象为种地农民。全年共发放补贴资金2,846.5万元。", "",
             "二、绩效自评情况", "项目全年预算数2,846.5万元，执行数2,846.5万元，执行率100%。项目自评得分96分。", "",
             "附表", "项目支出绩效自评表", "（2023年度）", "项目名称：耕地保护补贴", "主管部门：示例县农业农村局",
             "实施单位：示例县农技中心", "项目资金（万元）：", "全年预算数：2846.5", "全年执行数：2846.5", "执行率：100%"]
    for l2, name, target, actual in (("数量指标", "补贴发放面积", "≥285万亩", "286.3万亩"),
                                     ("质量指标", "补贴面积核实准确率", "≥98%", "99.1%"),
                                     ("时效指标", "补贴资金发放时间", "6月30日前", "7月12日")):
        lines += ["一级指标：产出指标", f"二级指标：{l2}", f"三级指标：{name}", f"年度指标值：{target}",
                  f"实际完成值：{actual}", "分值：10", "得分：10"]
    (p,) = extractor.extract_text(collapse("\n".join(lines)), mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("补贴发放面积", "≥285万亩", "286.3万亩", 10.0, 10.0), ("补贴面积核实准确率", "≥98%", "99.1%", 10.0, 10.0),
        ("补贴资金发放时间", "6月30日前", "7月12日", 10.0, 10.0)]


def test_a_heading_line_ends_where_the_scans_lines_do_not_end_sentences():
    from jixiao.pipelines.prose_view import Unwrapped
    text = "二、绩效目标实现情况\n(一)产出指标\n1日常养护村道里程:目标值42公\n里,分值15分。"
    view = Unwrapped.of(text).text
    assert "(一)产出指标\n1日常养护村道里程:目标值42公里," in view and view.startswith("二、绩效目标实现情况\n")


# ---- the Fujian form's level-2 heading line and marks wrapped past a line (invented examples, invar family)

def test_a_numbered_level2_line_is_no_wrap_into_the_item_below():
    # (1、数量指标 over 1)名称(单位),…: the heading is a line of its own even where another sentence wraps)
    text = ("(一)产出指标\n1、数量指标\n1)新建社区书屋数量(个),目标值≥12,完成值13,分值10,得\n分10。\n"
            "2、质量指标\n1)图书上架合格率(%),目标值100,完成值100,分值10,得分10。\n")
    read = [(i.level2, i.name.text, i.score.text if i.score else None)
            for i in view_indicators(text, Unwrapped.of(text), 0, len(text))]
    assert read == [("数量指标", "新建社区书屋数量(个)", "10"), ("质量指标", "图书上架合格率(%)", "10")]


def test_marks_wrapped_past_the_line_are_taken_from_the_view():
    # (the printed reading stops at the break; the view of the same indicator holds its marks)
    text = ("（一）产出指标\n——低保对象人数：年度指标值≥860人，实际完成874人，得分\n10分（分值10分）。\n"
            "——救助对象满意度：年度指标值≥90%，实际完成95.6%，分值10分，得分9分。\n")
    read = [(i.name.text, i.weight.text if i.weight else None, i.score.text if i.score else None)
            for i in view_indicators(text, Unwrapped.of(text), 0, len(text))]
    assert read == [("低保对象人数", "10", "10"), ("救助对象满意度", "10", "9")]
