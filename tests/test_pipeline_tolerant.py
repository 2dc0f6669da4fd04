"""Tolerant recognition of label, header and category words, and rows broken inside a cell."""

import pytest

from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.vocab import Categories, header_slot, repair_label, FUNDS_HEADER_WORDS

from tests.test_pipeline_tables import SHIFTED


@pytest.mark.parametrize("printed, read", [
    ("项目名祢", "项目名称"),
    ("三级指摽", "三级指标"),
    ("实际完戍值", "实际完成值"),
    ("产岀指标(50分)", "产出指标(50分)"),
    ("项目名祢:老字号", "项目名称:老字号"),
    ("主菅部门:", "主管部门:"),
])
def test_one_slip_from_a_label_word_is_read_as_the_word(printed, read):
    assert repair_label(printed) == read


@pytest.mark.parametrize("printed", [
    "绩效指标",  # a caption one edit from 时效指标
    "科目名称",  # a 决算 column one edit from 项目名称
    "社会效果",  # could be an indicator name: short category forms are not repaired here
    "执行律",  # three characters: 执行率 or 执行数?
    "100",
    "2024年城乡居民养老保险工作经费",
])
def test_other_words_stay_as_printed(printed):
    assert repair_label(printed) == printed


def test_header_words_are_told_apart_by_the_columns_already_printed():
    assert header_slot("执行律", FUNDS_HEADER_WORDS, set()) is None  # as near 执行率 as 执行数
    assert header_slot("执行律", FUNDS_HEADER_WORDS, {"annual", "executed"}) == "rate"
    assert header_slot("分伹", FUNDS_HEADER_WORDS, {"rate"}) == "weight"
    assert header_slot("偏差原因分析", FUNDS_HEADER_WORDS, set()) is None


def test_category_cells_with_a_slip():
    cats = Categories()
    assert cats.tolerant("社会效盆") == (None, "社会效益指标")
    assert cats.tolerant("满意虔指标") == ("满意度指标", None)
    assert cats.tolerant("贡量指标") == (None, None)  # 数量 or 质量: not guessed
    assert cats.tolerant("项目决筞") == (None, None)  # nearest is a non-canonical heading
    assert cats.tolerant("效盆") == (None, None)  # too short to read with a slip


def test_a_tab_row_broken_inside_a_cell_is_one_row():
    text = "a\tb\tc\td\n1\t2\t3\t4\nx\ty y\n y\tz\tw\n5\t6\t7\t8\n"
    rows = parse_rows(normalize_text(text))
    assert [r.texts for r in rows] == [["a", "b", "c", "d"], ["1", "2", "3", "4"], ["x", "yyy", "z", "w"], ["5", "6", "7", "8"]]


def _facts(record):
    return [(p.name, p.department, p.implementer, p.funds, p.score, p.grade,
             [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators])
            for p in record.projects]


def test_noisy_table_gives_the_clean_record(extractor):
    clean = extractor.extract_text(SHIFTED, mode="parser")
    noisy = (SHIFTED.replace("项目名称", "顷目名称").replace("三级指标", "三圾指标").replace("\t执行率", "\t执行律")
             .replace("\t分值", "\t分伹").replace("社会效益", "社会效盆").replace("总分", "怠分")
             .replace("\t≥500人\t", "\t≥50\n0人\t").replace("\t救助人数", "\t救助\n人数"))
    assert noisy.count("\n") > SHIFTED.count("\n")
    rec = extractor.extract_text(noisy, mode="parser")
    assert _facts(rec) == _facts(clean)
    assert rec.projects[0].score == 97.0 and len(rec.projects[0].indicators) == 7
