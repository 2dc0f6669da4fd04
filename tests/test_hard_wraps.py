"""Line breaks a page's edge put inside paragraphs: found and dropped by normalization, offsets kept true."""

import unicodedata

from jixiao.eval.variants import hard_wrap
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.hard_wraps import hard_wrap_breaks, page_edge, wrap_padding
from jixiao.pipelines.normalize import normalize_text

REPORT = (
    "青松县2023年度农村饮水安全巩固提升项目支出绩效自评报告\n"
    "一、项目基本情况\n"
    "农村饮水安全巩固提升项目由青松县水利局负责实施，项目实施单位为青松县农村供水管理站，主要用于全县十二个乡镇的供水管网改造、"
    "水质检测设备购置和老旧水厂的维修改造，保障农村居民饮水安全。\n"
    "二、预算执行情况\n"
    "项目年度预算200万元，全年执行190万元，执行率95%。\n"
    "三、绩效指标完成情况\n"
    "1、数量指标\n"
    "1)改造供水管网长度(公里),目标值30,完成值32,分值10,得分10。\n"
    "2)购置水质检测设备数量(台),目标值6,完成值6,分值10,得分10。\n"
    "四、自评结论\n"
    "项目自评得分95分，自评等级为优。本项目实施过程中，各乡镇积极配合，群众参与度高，管网改造工程质量总体良好，下一步将继续加强"
    "运行管护，确保工程长期发挥效益，并进一步完善水质检测制度，定期向社会公开检测结果，接受群众监督。\n"
)


def test_a_paragraph_broken_at_the_page_edge_reads_as_one_line_again():
    wrapped = hard_wrap(REPORT)
    assert wrapped.count("\n") > REPORT.count("\n")
    norm = normalize_text(wrapped)
    assert norm.text == normalize_text(REPORT).text
    # offsets stay true: every kept character is the character printed at its offset
    assert all(unicodedata.normalize("NFKC", wrapped[o]) == ch for ch, o in zip(norm.text, norm.offsets)
               if not ch.isspace())
    assert norm.original == wrapped and norm.offsets[-1] == len(wrapped)


def test_a_wrapped_report_reads_as_the_unwrapped_one():
    ex = Extractor.from_settings(load_tagger=False)
    whole = ex.extract_text(REPORT, mode="parser").projects
    wrapped = ex.extract_text(hard_wrap(REPORT), mode="parser").projects
    assert [p.name for p in wrapped] == [p.name for p in whole] == ["农村饮水安全巩固提升项目"]
    assert [(i.name, i.target, i.actual) for i in wrapped[0].indicators] == \
        [(i.name, i.target, i.actual) for i in whole[0].indicators]
    assert wrapped[0].funds == whole[0].funds and wrapped[0].score == whole[0].score == 95


def test_lines_of_every_width_are_left_alone():
    # a table laid out by its content: its widest lines differ, so it has no page edge
    rows = "\n".join(["产出指标 数量指标 改造供水管网长度 ≥30公里 32公里 10 10",
                      "质量指标 水质检测合格率 ≥95% 97% 10 10 按计划完成全部检测任务并及时公开检测结果供群众查询",
                      "时效指标 完成时间 2023年12月底前 2023年11月 10 10 工程提前一个月完工验收合格后交付使用"])
    assert hard_wrap_breaks(rows) == []
    assert page_edge([80, 70, 60, 90]) is None and page_edge([76, 76, 75, 20]) == 76


def test_what_ends_a_line_at_the_edge_is_kept():
    line = "甲" * 38
    # a sentence's end, a numbered item below, a row's last number cell before a word: real line ends
    text = "\n".join([line[:-1] + "。", line, "1、数量指标", line[:-3] + " 10", "满意度指标", line, "续写"])
    breaks = hard_wrap_breaks(text)
    assert [text[b - 1] for b in breaks] == ["甲"] and text[breaks[0] + 1:].startswith("续写")


def test_a_box_drawn_table_has_no_page_edge():
    # its rules and rows are all one width, but laid out in columns: no paragraph broken at a page's edge
    rule, row = "├" + "─" * 30 + "┼" + "─" * 30 + "┤", "│" + "项" * 15 + "│" + "目" * 15 + "│"
    text = "\n".join([rule, row, rule, row, rule, row, rule])
    assert hard_wrap_breaks(text) == []


def _every(text: str, n: int) -> str:
    """Each line broken every ``n`` characters (a tool that wraps by characters, not by width)."""
    return "\n".join(line[k:k + n] for line in text.split("\n") for k in range(0, max(len(line), 1), n))


def test_a_text_broken_every_n_characters_reads_as_one_line_again():
    wrapped = _every(REPORT, 38)
    assert normalize_text(wrapped).text == normalize_text(REPORT).text


def test_a_few_lines_of_one_length_are_no_edge_of_characters():
    table = "\n".join(["示例村道路硬化长度12公里实际完成12公里", "示例村道路绿化长度10公里实际完成11公里",
                       "示例村道路亮化长度08公里实际完成08公里", "合计"])
    assert hard_wrap_breaks(table) == []


SCANNED_REPORT = (
    "县财政局:\n"
    "    根据《关于开展2023年度财政支出绩效自评工作的通知》要求,我局对\n"
    "2023年度城乡环境卫生保洁项目开展了绩效自评,现将有关情况报告如\n"
    "下:\n"
    "    项目名称:2023年城乡环境卫生保洁经费。主管部门:青川县城市管理\n"
    "局。实施单位:青川县环境卫生服务中心。资金情况:年初预算320万元,\n"
    "调整后预算336万元,全年实际支出322.56万元,预算执行率96%。\n"
    "    (一)产出指标\n"
    "    1.数量指标:保洁道路面积,年度目标≥120万平方米,实际完成12\n"
    "6.5万平方米,分值10分,得分10分。\n"
)


def test_a_scans_indented_paragraphs_read_as_one_line_each_again():
    from jixiao.pipelines.hard_wraps import indent_wrap_breaks
    joined = SCANNED_REPORT
    for k in reversed(indent_wrap_breaks(SCANNED_REPORT.split("\n"))):
        joined = joined[:k] + joined[k + 1:]
    assert "主管部门:青川县城市管理局。" in joined and "实际完成126.5万平方米" in joined
    # a heading, a numbered item and a sentence's end keep their breaks
    assert "\n    (一)产出指标\n    1.数量指标" in joined and "报告如下:\n" in joined


def test_lines_of_any_length_under_an_indented_line_are_no_wrapped_paragraph():
    from jixiao.pipelines.hard_wraps import indent_wrap_breaks
    laid_out = ("    项目概况如下,主要内容分为三个部分进行说明和介绍\n一、资金\n"
                "    资金情况说明,全年预算数与执行数对比情况见下表所列内容\n表1 资金明细表格\n"
                "    指标完成情况说明,各项指标的完成情况分别列示在以下各表中\n附件2 指标完成情况明细及说明表格\n")
    assert indent_wrap_breaks(laid_out.split("\n")) == []


def test_a_wrapped_line_padded_with_spaces_joins_without_them():
    # an editor's copy padded every line: the padding goes with the break the page's edge put, not into the word
    wrapped = hard_wrap(REPORT)
    padded = wrapped.replace("\n", "  \n")
    norm = normalize_text(padded)
    assert norm.text == normalize_text(wrapped).text
    assert "供水管网改造" in norm.text.replace("\n", "")  # (not one of its words split by the padding)
    # where lines are not padded throughout, a space before the break may part two cells: it stays
    assert wrap_padding("项目名称 \n城区河道保洁\n经费", [5]) == []
    assert wrap_padding("项目名称 \n城区河道保洁 \n经费  ", [5]) == [4]
