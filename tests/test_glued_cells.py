"""Cells a document site's preview glued where it lost a line break, and its chunk markers (``glued_cells``).
Invented examples."""

import pytest

from jixiao.pipelines.glued_cells import split_glued


def _pieces(text):
    got = split_glued(text)
    return None if got is None else [text[a:b] for a, b in got]


@pytest.mark.parametrize("text, pieces", [
    ("数量指标送戏下乡场次", ["数量指标", "送戏下乡场次"]),  # level-2, then the name
    ("效益指标社会效益指标", ["效益指标", "社会效益指标"]),  # level-1, then level-2
    ("服务对象满意度指标群众满意度", ["服务对象满意度指标", "群众满意度"]),  # the longest category word
    ("15满意度指标", ["15", "满意度指标"]),  # a row's score, then the next block's level-1
    ("新建高标准农田面积≥1.2万亩", ["新建高标准农田面积", "≥1.2万亩"]),  # the name, then its target
    ("年度资金总额:600", ["年度资金总额:", "600"]),  # the total's label, then its first amount
    ("2、质量指标", ["质量指标"]),  # a chunk marker before a category word
    ("1、", []),  # a chunk marker alone
])
def test_glued_cells_are_split(text, pieces):
    assert _pieces(text) == pieces


@pytest.mark.parametrize("text", [
    "质量合格率",  # a name opening with a bare category stem is one cell
    "数量指标",  # a category word alone
    "产出指标(50分)",  # a category word with its allotment
    "≥1.2万亩",  # a target
    "65岁以上老人≥2万人",  # digits before the operator: no name before a target
    "验收≥95%",  # too short a head to be a name
    "1、加强管理",  # a numbered item, not a preview's chunk marker
    "100%",
])
def test_whole_cells_stay_whole(text):
    assert split_glued(text) is None


def test_collapsed_tokens_are_split_with_true_offsets():
    """The collapsed-text reader's tokens: pieces keep their offsets in the text, a lone marker is dropped."""
    from jixiao.pipelines.collapsed_tokens import split_glued_tokens
    from jixiao.pipelines.layout import Cell

    text = "1、 质量指标文化培训合格率 ≥95%"
    toks = [Cell(col=0, start=0, end=2, text="1、"), Cell(col=0, start=3, end=14, text="质量指标文化培训合格率"),
            Cell(col=0, start=15, end=19, text="≥95%")]
    got = split_glued_tokens(toks)
    assert [t.text for t in got] == ["质量指标", "文化培训合格率", "≥95%"]
    assert all(text[t.start:t.end] == t.text for t in got)


@pytest.mark.parametrize("text, pieces", [
    ("执行率得分", ["执行率", "得分"]),  # two funds header cells whose break a preview lost
    ("全年执行数分值", ["全年执行数", "分值"]),
    ("分值得分", ["分值", "得分"]),  # the indicator header's last two columns
])
def test_glued_header_words_after_a_header_word_are_two_columns(text, pieces):
    got = split_glued(text, in_header=True)
    assert [text[a:b] for a, b in got] == pieces


@pytest.mark.parametrize("text", ["预算执行率得分", "执行率得分"])
def test_glued_header_words_alone_are_one_label(text):
    """Outside a header run 预算执行率得分 is the label of the execution rate's score (a form's 小计 row)."""
    assert split_glued(text) is None


@pytest.mark.parametrize("text", ["年度指标值", "实际完成值", "偏差原因分析及改进措施"])
def test_a_whole_header_word_is_not_split(text):
    assert split_glued(text, in_header=True) is None


@pytest.mark.parametrize("text, pieces", [
    ("年度资金总额4,860,000.00", ["年度资金总额", "4,860,000.00"]),  # the total's label glued to an amount in 元
    ("年度资金总额35.6", ["年度资金总额", "35.6"]),
])
def test_a_total_label_glued_to_its_amount_without_a_colon(text, pieces):
    assert _pieces(text) == pieces


def test_a_total_label_glued_to_a_bare_year_is_left_whole():
    """Without a colon only an amount's own marks (thousands separators, a decimal part) say a number starts."""
    assert split_glued("年度资金总额2023") is None
