"""Look-alike characters in printed label words (顶目名称, 执行宰, 财政拔款) read as the words in the normalized text;
values keep the characters as printed, offsets stay true."""

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.label_slips import slipped_labels
from jixiao.pipelines.scan_text import normalize_scanned


def test_a_look_alike_in_a_label_word_is_read_as_the_word():
    text = "顶目名称 乡村道路养护经费\n资金来源 全年预算数 全年执行数 执行宰\n其中：当年财政拔款 10 10"
    norm = normalize_scanned(text)
    assert "项目名称" in norm.text and "执行率" in norm.text and "财政拨款" in norm.text
    assert len(norm.text) == len(text) and norm.offsets == list(range(len(text) + 1))
    # what a reader prints comes from the original: the page's characters
    assert norm.printed(0, 4) == "顶目名称"


def test_text_that_is_no_label_word_is_left_as_printed():
    # 己 in a sentence, a label word printed right, a slipped form that is itself a word of the vocabulary
    text = "该项目己完成验收，项目名称 绩效指标"
    assert slipped_labels(text) == {}
    assert normalize_scanned(text).text == text.replace("，", ",")


SPACE_ROWS = (
    "项目支出绩效自评表\n"
    "项目名称 伊州财行(2022)26号 农产品价格监测调查经费\n"
    "主管部门 玛河市统计局 实施单位 玛河市统计局\n"
    "资金来源 年初预算数 全年预算数 全年执行数 分值权重 执行率 得分\n"
    "年度资金总额 12.41 4.61 4.61 10 100.00% 10\n"
)


def test_a_space_row_with_a_slipped_label_reads_as_the_printed_one():
    ex = Extractor.from_settings(load_tagger=False)
    clean = ex.extract_text(SPACE_ROWS, mode="parser").projects
    slipped = ex.extract_text(SPACE_ROWS.replace("项目名称", "顶目名称").replace("执行率", "执行宰"), mode="parser").projects
    assert [p.name for p in slipped] == [p.name for p in clean] and clean[0].name.endswith("农产品价格监测调查经费")
    assert slipped[0].funds == clean[0].funds
