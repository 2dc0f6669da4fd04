"""Traditional mirror pages of document sites whose tables run together with no separator (family invay): the
rules each shape needed, on invented forms (not the documents' texts)."""

from __future__ import annotations

import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.flat_numbers import decimal_pair, funds_pieces, grouped_value_pieces, total_cells
from jixiao.pipelines.flat_row_values import RowShape
from jixiao.pipelines.flat_run import IndicatorColumns, flat_run_cells, row_cells, values_to_end
from jixiao.pipelines.hard_wraps import hard_wrap_breaks
from jixiao.pipelines.indicator_header import IndicatorHeader
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.run_together import split_rate_run


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def _cells(text: str, shape: RowShape) -> list[str]:
    return [text[a:b] for a, b in row_cells(text, shape)]


HEAD = ("項目支出績效自評表(2021年度)項目名稱鄉村公廁管護主管部門示例縣衛生健康局實施單位示例縣愛衛辦"
        "項目資金(元)年初預算數全年預算數全年執行數分值執行率得分")
INDICATORS = "績效指標一級指標二級指標三級指標年度指標值實際完成值分值得分偏差原因分析及改進措施"


def _read(extractor: Extractor, text: str):
    record = extractor.extract_text(text, doc_id="mirror", mode="parser")
    assert len(record.projects) == 1, record.meta
    return record.projects[0]


# ---- numbers (flat_numbers)

def test_amounts_with_thousands_separators_split_by_the_rate():
    run = "1,500,000.001,600,000.001,520,000.001095%9.5"
    assert [run[a:b] for a, b in grouped_value_pieces(run, (2, 3))] == [
        "1,500,000.00", "1,600,000.00", "1,520,000.00", "10", "95%", "9.5"]
    assert [run[a:b] for a, b in funds_pieces(run)][:3] == ["1,500,000.00", "1,600,000.00", "1,520,000.00"]
    assert grouped_value_pieces("1,234", (2,)) == [(0, 5)]  # a lone amount stays whole


def test_a_total_splits_only_into_full_marks_and_a_score():
    assert total_cells("10096.5", 7, scored=True) == [(0, 3), (3, 7)]
    # 总分97.5 is the 得分 alone, not 分值 9 and 得分 7.5
    assert total_cells("97.5自评等级", 4, scored=True) == [(0, 4), (4, 8)]


def test_two_decimals_run_together_split_where_one_count_of_decimals_fits():
    assert decimal_pair("0.620.6510", 0) == (4, 8)  # 0.62 | 0.65 | 10
    assert decimal_pair("1.21.310", 0) == (3, 6)  # 1.2 | 1.3 | 10
    assert decimal_pair("12.5", 0) is None


def test_several_rate_agreeing_splits_keep_the_one_with_shared_decimals():
    # 150.001 / 50.0014 / 2.509 with rate 5.00 agrees too; amounts of one row share their format
    assert split_rate_run("120.00120.00114.0095.00%", amounts=(2, 3)) == ["120.00", "120.00", "114.00", "95.00%"]


# ---- row values (flat_row_values, flat_run)

def test_a_pair_of_numbers_before_digits_that_open_the_next_name():
    shape = RowShape(values=2, numbers=2)
    assert _cells("建档人数≥2.8万人2.9万人101060岁以上老人体检人数≥900人950人1010", shape) == [
        "建档人数", "≥2.8万人", "2.9万人", "10", "10", "60岁以上老人体检人数", "≥900人", "950人", "10", "10"]
    assert _cells("规范管理率≥60%62%10100-3岁儿童管理率≥90%92%1010", shape)[:6] == [
        "规范管理率", "≥60%", "62%", "10", "10", "0-3岁儿童管理率"]


def test_a_score_before_a_remark_opening_with_a_count():
    # a 得分 is at most 100: 142 is 14 and the remark's 2个…; 92个 would read as a 得分 of 92 (no cut is certain)
    assert _cells("站点数量≥150个148个142个站点延期建设", RowShape(values=2, numbers=1)) == [
        "站点数量", "≥150个", "148个", "14", "2个站点延期建设"]
    assert _cells("完工率≥90%85%1073所学校延误工期", RowShape(values=2, numbers=2)) == [
        "完工率", "≥90%", "85%", "10", "7", "3所学校延误工期"]


@pytest.mark.parametrize("value", ["1.6万平方米", "较上年提高3个百分点", "较上年下降", "提高2.5个百分点", "次年4月底前",
                                   "次年3月15日", "已完成"])
def test_values_a_mirror_table_prints(value):
    assert values_to_end(value) == [(0, len(value))]


def test_a_change_alone_needs_its_unit_so_a_score_is_not_read_as_one():
    assert values_to_end("提高10") is None


def test_a_target_run_into_the_name_before_its_done_actual():
    assert _cells("管护制度建立已建立1010", RowShape(values=2, numbers=2)) == ["管护制度", "建立", "已建立", "10", "10"]


def test_a_status_column_after_the_score():
    header = IndicatorColumns()
    for word in ["三级指标", "年度指标值", "实际完成值", "分值", "得分"]:
        header.see(word)
    assert header.row_cells("完成情况") == [(0, 4)]  # the header's status word, no row
    assert header.shape.status
    piece = "巡护面积≥2万亩2.1万亩1515已完成补植苗木≥500株520株55已完成"
    assert [piece[a:b] for a, b in header.row_cells(piece)] == [
        "巡护面积", "≥2万亩", "2.1万亩", "15", "15", "已完成", "补植苗木", "≥500株", "520株", "5", "5", "已完成"]


def test_the_header_reads_a_second_actual_right_of_the_score_as_a_status():
    h = IndicatorHeader(0, {0: "l1", 1: "l2", 2: "name", 3: "target", 4: "actual", 5: "weight", 6: "score", 7: "actual"})
    assert h.slots[4] == "actual" and h.slots[7] == "reason"
    # a 上年完成值 before 分值 and the actual after it (Xinjiang) stay as they are
    h = IndicatorHeader(0, {0: "name", 1: "target", 2: "actual", 3: "weight", 4: "actual", 5: "score"})
    assert h.slots[4] == "actual"


# ---- lines of a run (flat_run, hard_wraps)

def _run_lines(text: str) -> list[str]:
    cells = flat_run_cells(normalize_text(text))
    assert cells is not None
    return cells.text.split("\n")


ROWS = ("產出指標數量指標改廁戶數≥300戶312戶1515質量指標驗收合格率100%100%1010時效指標完工時間2021年11月底前"
        "2021年11月1010效益指標社會效益指標")


def test_a_run_goes_on_across_a_page_counter_inside_a_name():
    text = HEAD + "年度資金總額:60606010100%10" + INDICATORS + ROWS + "村容\n第2頁 / 共3頁\n村貌改善明顯改善明顯1010總分100\n"
    cells = _run_lines(text)
    assert cells[cells.index("社会效益指标") + 1:][:5] == ["村容村貌", "改善明显", "改善明显", "10", "10"]


def test_a_site_line_between_two_pages_of_a_run_is_left_out(extractor):
    # (the site's line carries pinyin of its own: the name broken by it does not take it)
    text = (HEAD + "年度資金總額:60606010100%10" + INDICATORS + ROWS + "群眾衛(wèi)生\n下載(zài)文檔到電腦，查找使用更方便\n"
            "習慣改善明顯改善1010滿意度指標服務對象滿意度指標農戶滿意度≥90%95%1010總分100\n")
    p = _read(extractor, text)
    names = [i.name for i in p.indicators]
    assert "群眾衛(wèi)生習慣改善" in names and "農戶滿意度" in names


def test_a_grade_run_into_the_next_tables_title(extractor):
    text = (HEAD + "年度資金總額:60606010100%10" + INDICATORS + ROWS + "群眾衛生習慣改善明顯改善1010總分100自評等級優"
            "表2項目支出績效自評表(2021年度)\n")
    assert _read(extractor, text).grade == "优"


def test_a_chunk_marker_is_no_part_of_a_wrapped_lines_measure():
    body = "甲" * 40 * 7
    lines = [body[i:i + 40] for i in range(0, len(body), 40)]
    text = "2、" + "\n".join(lines)
    assert len(hard_wrap_breaks(text)) == 6


def test_a_wrapped_line_opening_with_a_decimal_carries_on():
    lines = ["乙" * 39 + "1", "5.00%丙" + "丙" * 34, *(["丁" * 40] * 6), "戊"]
    breaks = hard_wrap_breaks("\n".join(lines))
    assert len(lines[0]) in breaks  # (the break after 1 / 5.00%)


def test_a_status_closing_the_piece_is_no_value_column():
    shape = RowShape(values=2, numbers=2, status=True)
    assert _cells("管护机制健全健全1515已完成", shape) == ["管护机制", "健全", "健全", "15", "15", "已完成"]
    assert _cells("抽检批次≥900批次932批次2020已完成", shape) == ["抽检批次", "≥900批次", "932批次", "20", "20", "已完成"]


def test_full_width_tone_digits_are_pinyin_too():
    # a page whose digits were all made full-width, its pinyin's tone digits with them
    assert normalize_text("項(xiang４)目資(zi１)金３６０").text == "项目资金360"
