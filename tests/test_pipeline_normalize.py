"""Normalize stage: offsets back to the original text, cell clean-ups, numbers."""

import unicodedata

from jixiao.pipelines.normalize import normalize_text, squeeze
from jixiao.pipelines.printed_numbers import canonical_operator, parse_number, unit_factor


def test_offsets_map_back_through_removed_and_folded_characters():
    original = "项目[bookmark: _Toc1]名称\r\n\uff08万元\uff09\u3000１２３"
    norm = normalize_text(original)
    assert norm.text == "项目名称\n(万元) 123"
    assert len(norm.offsets) == len(norm.text) + 1
    i = norm.text.index("123")
    start, end = norm.span(i, i + 3)
    assert original[start:end] == "１２３"
    j = norm.text.index("名称")
    assert original[slice(*norm.span(j, j + 2))] == "名称"


def test_squeeze_joins_vertical_and_spaced_out_cells():
    assert squeeze("产\n出\n指\n标\n(50分)") == "产出指标(50分)"
    assert squeeze("全 部 或 基 本") == "全部或基本"


def test_parse_number_handles_printed_forms():
    assert parse_number("1,068") == 1068.0
    assert parse_number("184. 1") == 184.1
    assert parse_number("100.00%") == 100.0
    assert parse_number("100分") == 100.0
    assert parse_number("IO") is None
    assert parse_number("/") is None
    assert parse_number("") is None


def test_operators_and_units():
    assert canonical_operator(">= 90") == "≥90"
    assert canonical_operator("≦5") == "≤5"
    assert unit_factor("项目资金（万元）".replace("（", "(").replace("）", ")")) == 10000.0
    assert unit_factor("项目资金(元)") == 1.0
    assert unit_factor("资金总额", default=10000.0) == 10000.0


def test_printed_gives_the_original_characters_without_whitespace_or_junk():
    original = "名称\t2024年示例（第一批）[bookmark: _x]补 贴\u200b费\n"
    norm = normalize_text(original)
    i = norm.text.index("2024")
    j = norm.text.index("费") + 1
    assert norm.printed(i, j) == "2024年示例（第一批）补贴费"  # NFKC would give (第一批)
    # narrowing to a value the parser cut out of a longer cell (a leading code removed)
    k = norm.text.index("2024")
    assert norm.narrow(k, j, "(第一批)补贴费") == (norm.text.index("("), j)
    assert norm.narrow(k, j, "不在这里") is None


def test_page_footer_lines_are_dropped_with_their_line_break_and_offsets_still_point_back():
    text = "绩效指标\t一级指标\n- 3 -\n第 2 页 共 9 页\n\t产出指标\n－ ４ －\r\n金额 - 3 - 万元\n"
    norm = normalize_text(text)
    assert norm.text == "绩效指标\t一级指标\n\t产出指标\n金额 - 3 - 万元\n"  # a dash-number inside a line stays
    for i, ch in enumerate(norm.text):
        assert unicodedata.normalize("NFKC", text[norm.offsets[i]]) == ch


def test_a_line_spaced_out_character_by_character_is_joined_and_keeps_its_cell_gaps():
    original = "项 目 名 称  群 众 文 化 活 动 经 费\n产出指标 数量指标 场次 10 10 20 20\n"
    norm = normalize_text(original)
    assert norm.text.split("\n")[0] == "项目名称 群众文化活动经费"
    assert norm.text.split("\n")[1] == "产出指标 数量指标 场次 10 10 20 20"  # a row of cells is left alone
    j = norm.text.index("群众")
    assert original[slice(*norm.span(j, j + 2))] == "群 众"


def test_a_prose_report_spaced_out_character_by_character_is_read():
    from jixiao.pipelines.extract import Extractor

    text = "\n".join(" ".join(line) for line in [
        "示例县市场监督管理局2023年度计量检定项目绩效自评报告", "",
        "1)新建计量标准数量(项),目标值3,完成值3,分值6,得分6。", "自评得分96分。", ""])
    (p,) = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects
    assert (p.name, p.score, [(i.name, i.target, i.actual) for i in p.indicators]) == (
        "计量检定项目", 96.0, [("新建计量标准数量(项)", "3", "3")])


def test_the_pinyin_after_a_values_last_character_is_printed_with_it():
    # a mirror page prints pinyin after some characters; the value's last one keeps its own (服務(wù)老年人數(shù))
    norm = normalize_text("服務(wù)老年人數(shù)\n762人 標(biāo)準(zhǔn)")
    assert norm.text == "服务老年人数\n762人 标准"
    assert norm.printed(0, 6) == "服務(wù)老年人數(shù)"
    assert norm.printed(7, 11) == "762人"  # a value whose last character has none takes nothing after it
    assert norm.printed(12, 14) == "標(biāo)準(zhǔn)"


def test_pinyin_with_tone_digits_is_dropped_and_printed_with_its_value():
    # some mirrors type the tone as a digit (biao1), ü as v (lv4); the digits are no part of the value's number
    norm = normalize_text("8個(ge4)達(da2)成 綠(lv4)化率(B/A) 指標(biao)")
    assert norm.text == "8个达成 绿化率(B/A) 指标"
    assert norm.printed(0, 2) == "8個(ge4)"


def test_a_taiwan_phrase_mirror_reads_the_forms_words():
    # OpenCC s2twp renames 项目 -> 專案 and 服务对象 -> 服務物件; only the traditional spelling is taken back
    norm = normalize_text("專(zhuān)案名稱 智慧社群平臺 服務物件滿意度指標 专案组")
    assert norm.text == "项目名称 智慧社群平台 服务对象满意度指标 专案组"
    assert norm.printed(0, 4) == "專(zhuān)案名稱"


def test_a_words_pinyin_in_one_bracket_is_dropped():
    # word-level ruby: every syllable with its tone, spaced or not; a bracket of English words is no pinyin
    norm = normalize_text("指標(zhǐ biāo) 指標(zhi3biao1)值 表(see note)")
    assert norm.text == "指标 指标值 表(see note)"
    assert norm.printed(0, 2) == "指標(zhǐbiāo)"  # whitespace removed, as every printed value
