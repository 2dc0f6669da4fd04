"""Page lines the normalize stage drops: a document site's preview labels its pages with the file name or a
counter, between any two cells of a table. Invented examples."""

import pytest

from jixiao.pipelines.normalize import normalize_text


@pytest.mark.parametrize("marker", ["示例县2023年度项目支出绩效自评表.docx_第3页", "评价表.xls_第12页", "2 / 4", "12 / 30"])
def test_preview_page_labels_go_with_their_line(marker):
    norm = normalize_text(f"质量指标\n设施完好率\n{marker}\n≥95%\n")
    assert norm.text == "质量指标\n设施完好率\n≥95%\n"
    assert norm.original[norm.offsets[norm.text.index("≥")]] == "≥"  # offsets stay true


@pytest.mark.parametrize("marker", ["— 第 1 頁，共 2 頁 —", "- 第2頁 -", "第 3 頁 共 5 頁", "—第1页，共2页—"])
def test_page_footers_of_a_traditional_mirror_and_framed_by_dashes_go(marker):
    # a mirror site's copy of a table split over two pages prints 頁, the label often between dashes
    norm = normalize_text(f"质量指标 设施完好率 ≥95% 96% 10 10\n{marker}\n时效指标 完工时间 10月底 10月 10 10\n")
    assert norm.text == "质量指标 设施完好率 ≥95% 96% 10 10\n时效指标 完工时间 10月底 10月 10 10\n"


@pytest.mark.parametrize("line", ["1/4", "第2页完成情况", "完成1 / 4批次", "绩效自评表.docx", "第3页说明"])
def test_values_and_titles_stay(line):
    assert line.replace(" ", "") in normalize_text(f"名称\n{line}\n").text.replace(" ", "")


def test_html_character_references_read_as_their_characters_offsets_kept():
    from jixiao.pipelines.normalize import normalize_text

    text = "目标值&ge;95% 空&nbsp;格 &#8805;3 R&D &amp;nbsp;"
    norm = normalize_text(text)
    assert norm.text == "目标值≥95% 空 格 ≥3 R&D"  # the spaces the last two references name end the line: padding
    k = norm.text.index("≥")
    assert text[norm.offsets[k]:norm.offsets[k] + 4] == "&ge;"  # the character points at its reference
    assert norm.text[norm.text.index("R")] == "R" and text[norm.offsets[norm.text.index("R")]] == "R"


def test_a_preview_watermark_between_its_pages_is_no_content():
    from jixiao.pipelines.normalize import normalize_text

    text = "质量指标\n- 1 -\n原创力文档 max.book118.com\n预览与源文档一致，下载高清无水印\n合格率\n≥95%\n"
    assert normalize_text(text).text == "质量指标\n合格率\n≥95%\n"
    # a domain inside a sentence stays
    assert "www.example.gov.cn" in normalize_text("详见www.example.gov.cn网站公开。\n").text


def test_a_previews_notices_stamped_between_cells_are_no_content():
    """A site's notice lines between a name's neighbours (仅供个人学习参考, 文档可能无法显示全部内容…, 精品文档) go; the
    same words inside a sentence stay."""
    from jixiao.pipelines.normalize import normalize_text

    text = "社会效益指标\n仅供个人学习参考\n农村自来水普及率\n文档可能无法思考全部内容，请下载后查看\n精品文档\n≥98%\n"
    assert normalize_text(text).text == "社会效益指标\n农村自来水普及率\n≥98%\n"
    assert "仅供参考" in normalize_text("以上数据仅供参考。\n").text


def test_a_previews_chunk_markers_glued_inside_words_are_left_out():
    from jixiao.pipelines.normalize import normalize_text

    text = "1、示例局2023年度项目支出绩效自评表 社会效益指标 保障2、区域粮食安全 有效保障 满意度3、指标 12、3 附注"
    norm = normalize_text(text)
    assert "保障区域粮食安全" in norm.text and "满意度指标" in norm.text
    assert "12、3" in norm.text  # (a number before it: no marker of the sequence)
    k = norm.text.index("区域")
    assert text[norm.offsets[k]:norm.offsets[k] + 2] == "区域"
    # a text that does not open with 1、 has no markers to leave out
    assert "保障2、区域" in normalize_text("保障2、区域粮食安全").text


def test_a_ruling_read_as_a_stroke_before_a_letter_spaced_cell_stays_a_ruling():
    """OCR of a ruled form: '丨 效 益' (the ruling, then a spaced two-character cell) keeps 丨 apart as the cell edge,
    so the cell reads 效益, not 丨效益."""
    from jixiao.pipelines.layout import parse_rows
    text = "丨 效 益       丨 社会效益 丨 示例接种率 丨 ≥95% 丨 97% 丨 15 丨 15 丨\n丨 总 分       丨   丨 100 丨 98 丨\n"
    rows = parse_rows(normalize_text(text))
    assert [r.texts[0] for r in rows] == ["效益", "总分"]


def test_spaces_after_a_lines_last_character_are_padding_offsets_kept():
    text = "项目名称   \n2023年河道保洁经费\u3000\u3000\n年度资金总额\t120\t \n \n得分 95"
    norm = normalize_text(text)
    assert norm.text == "项目名称\n2023年河道保洁经费\n年度资金总额\t120\t \n \n得分 95"
    # a trailing tab (an empty last cell) and a line of one space (an empty cell) stay; offsets point into the text
    assert all(text[o] == ch or ch == " " for ch, o in zip(norm.text, norm.offsets))
    assert text[norm.offsets[norm.text.index("2023")]:].startswith("2023")


def test_windows_line_ends_no_break_spaces_and_invisible_marks_read_as_plain_text_offsets_kept():
    # a paragraph broken at a page's edge (three lines at one width), then a tab row: the finders see them so
    wrapped = ("　　按照区财政局关于开展2023年度项目支出绩效自评工作的要求，我局对河道保洁经费使用情况\n"
               "进行了认真自评，现将自评情况报告如下：项目全年预算资金80万元，实际支出76万元，执行率为\n"
               "95%。项目共设置绩效指标五项，全部完成年度目标，自评得分98.5分，自评等级为优，现予以公开\n"
               "说明。\n项目名称\t2023年城区河道保洁经费\n")
    plain = normalize_text(wrapped).text
    for variant in (wrapped.replace("\n", "\r\n"), wrapped.replace("项目", "项\u200b目"),
                    "\ufeff" + wrapped.replace("自评", "自&nbsp;评").replace("&nbsp;", "\u00a0")):
        norm = normalize_text(variant)
        assert norm.text.replace(" ", "") == plain.replace(" ", "")
        k = norm.text.index("2023年城区")
        assert variant[norm.offsets[k]:norm.offsets[k] + 4] == "2023"
    assert "情况进行了" in plain  # the edge's break was left out


def test_a_value_printed_with_an_html_character_reference_prints_the_character():
    # (a page's text kept &ge; in its cells: the value is ≥95%, not &95%; a bare & stays)
    text = "指标值\t&ge;95%\t&le;3天\tR&D经费\t&#8805;12个"
    norm = normalize_text(text)
    cells = norm.text.split("\t")
    starts = [sum(len(c) + 1 for c in cells[:k]) for k in range(len(cells))]
    got = [norm.printed(s, s + len(c)) for s, c in zip(starts, cells)]
    assert got == ["指标值", "≥95%", "≤3天", "R&D经费", "≥12个"]
