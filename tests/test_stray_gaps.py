"""Spaces and line breaks a scan or a re-typed copy put inside words, numbers, years, brackets and titles: found and
dropped by normalization, offsets kept true; the gaps a page prints between cells, rows and lines are kept."""

import unicodedata

import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.scan_text import normalize_scanned
from jixiao.pipelines.stray_gaps import (bracket_breaks, stray_gaps, text_spaces, title_breaks, word_gaps,
                                         year_breaks)


def _around(text: str, offsets: list[int]) -> list[str]:
    return [text[max(0, i - 2):i + 3] for i in offsets]


def test_a_gap_inside_a_label_word_is_a_slip():
    text = "资金来源 年初预算数 全年预算数 全年执\n行数 执行率\n分值 得分 偏差原因分析及 改进措施"
    assert _around(text, word_gaps(text)) == ["年执\n行数", "析及 改进"]


def test_a_gap_between_two_words_is_a_cell_boundary():
    # a name ending in 项目 beside the 实施单位 label, a level-1 word beside a level-2 word, a word one character a
    # line (a vertical heading): the page's own layout
    text = "项目名称 城区供水管网改造项目 实施单位 青松县供水站\n社会\n效益指标\n产\n出\n指\n标"
    assert word_gaps(text) == []
    # a label's start alone on its line under a wrapped value is the page's wrap: the readers rejoin the value with it
    wrapped = "项目名称     一般行政\n管理事务专项资金\n主管部\n门及代码    386-市体育局"
    assert word_gaps(wrapped) == []


def test_a_space_inside_a_number_or_a_date_in_running_text_is_a_slip():
    text = "一、项目基本情况\n实际完成值9 3.5%，较上年增长1 2个百分点，截至2023 年12月31日。\n发布时间：2024-09-19 10:42"
    assert _around(text, text_spaces(text)) == ["值9 3.", "长1 2个", "23 年1"]


def test_the_spaces_of_a_table_printed_as_space_rows_are_kept():
    rows = "\n".join(["年度资金总额 12.41 4.61 4.61 10 100.00% 10", "其中：当年财政拨款 12.41 4.61 4.61 - - -",
                      "产出指标 数量指标 监测点数量 45个 45个 10 10", "总分 100 100"])
    assert text_spaces(rows) == []
    # a page run into one line: its spaces stand for its line breaks
    assert text_spaces("项目资金 2023 年 10 万元 完成 9 3%") == []


def test_a_year_broken_over_two_lines_is_one_year():
    text = "项目名称\n202\n3年城区公共厕所运营维护经费\n使用年限\n10\n10年\n2\n023年度"
    assert _around(text, year_breaks(text)) == ["02\n3年", "\n2\n02"]


def test_a_short_bracket_broken_over_two_lines_is_one_bracket():
    text = "項目名稱 公共文化場(chǎ\nng)館免費開放補助經費\n项目资金（万\n元）\n（ 286台（套 10 10\n 套） ）"
    assert _around(text, bracket_breaks(text)) == ["hǎ\nng", "（万\n元）"]


def test_a_title_broken_in_two_is_one_title_but_a_unit_over_a_title_is_two_lines():
    broken = "闽溪县民政局2023年度困难群众临时救\n助专项资金绩效自评报告\n发布时间：2024-05-20"
    assert _around(broken, title_breaks(broken)) == ["时救\n助专"]
    printed = ("江城市卫生健康委员会\n妇幼健康服务能力提升项目绩效自评报告\n"
               "海东湟县2023年高原美丽乡村建设项目\n绩效自评报告\n"
               "文本预览\n柘川县农业农村局2023年度项目支出绩效自评表")
    assert title_breaks(printed) == []


def test_normalization_drops_the_gaps_and_keeps_offsets_true():
    noisy = "项目名称 202\n3年城区公厕运维经费\n资金来源 全年执\n行数 3 4.5\n实际完成值9 3.5%，得分1 0分。"
    norm = normalize_scanned(noisy)
    assert "2023年城区" in norm.text and "全年执行数" in norm.text and "93.5%" in norm.text and "得分10分" in norm.text
    assert all(unicodedata.normalize("NFKC", noisy[o]) == ch for ch, o in zip(norm.text, norm.offsets)
               if not ch.isspace())
    assert set(stray_gaps(noisy)) <= {i for i, ch in enumerate(noisy) if ch in " \n"}


REPORT = (
    "青松县水利局2023年度农村饮水安全巩固提升项目绩效自评报告\n"
    "一、项目基本情况\n"
    "农村饮水安全巩固提升项目由青松县水利局主管，青松县农村供水管理站具体实施。\n"
    "二、预算执行情况\n"
    "项目全年预算数200万元，全年执行数190万元，执行率95%。\n"
    "三、绩效指标完成情况\n"
    "1)改造供水管网长度(公里),目标值30,完成值32,分值10,得分10。\n"
    "2)水质检测合格率,目标值≥95%,完成值97.5%,分值10,得分10。\n"
    "四、自评结论\n"
    "项目自评得分95分，自评等级为优。\n"
)


@pytest.mark.parametrize("noisy", [
    REPORT.replace("青松县水利局2023年度农村饮水安全巩固", "青松县水利局2023年度农村饮水安全巩\n固"),
    REPORT.replace("2023年度农村", "202 3年度农村").replace("97.5%", "9 7.5%"),
    REPORT.replace("2023年度农村", "202\n3年度农村"),
])
def test_a_report_with_stray_gaps_reads_as_the_printed_one(noisy):
    ex = Extractor.from_settings(load_tagger=False)
    clean = ex.extract_text(REPORT, mode="parser").projects
    read = ex.extract_text(noisy, mode="parser").projects
    assert [p.name for p in read] == [p.name for p in clean] == ["农村饮水安全巩固提升项目"]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in read[0].indicators] == \
        [(i.name, i.target, i.actual, i.weight, i.score) for i in clean[0].indicators]


def test_a_traditional_texts_label_words_are_found_in_simplified_spelling():
    # a mirror's traditional copy: 全年執\n行數 and 偏差原因分析及 改進措施 are the vocabulary's 全年执行数 and
    # 偏差原因分析及改进措施
    text = "資金來源 年初預算數 全年預算數 全年執\n行數 執行率\n分值 得分 偏差原因分析及 改進措施"
    assert _around(text, stray_gaps(text)) == ["年執\n行數", "析及 改進"]


def test_a_labels_start_alone_is_joined_where_no_column_wraps_it():
    # one character alone (二 / 级指标), a label with its colon (项目名 / 称：), a bracketed label spaced inside
    text = "绩效指标\n二\n级指标 三级指标\n项目名\n称：乡镇卫生院设备购置\n转移支付(项目 )名称 某资金\n"
    assert _around(text, word_gaps(text)) == ["\n二\n级指", "目名\n称：", "项目 )名"]


def test_a_link_to_the_next_article_broken_inside_its_title_is_one_line():
    text = "某局2023年度部门整体支出绩效自评报告\n下一篇：青阳县民政局城乡低\n保资金2023年度项目支出绩效自评报告\n"
    assert _around(text, title_breaks(text)) == ["乡低\n保资"]
    assert title_breaks("下一篇：青阳县民政局\n2023年工作总结\n") == []
