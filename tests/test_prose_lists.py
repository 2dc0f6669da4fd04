"""Indicators listed with their values in brackets beside their names (invented examples)."""

from jixiao.pipelines.prose_indicators import indicator_sentences
from jixiao.pipelines.prose_lists import bracketed_indicators


def _read(text: str) -> list[tuple]:
    return [(i.name.text, i.target[0].text, i.actual.text) for i in bracketed_indicators(text, 0, len(text))]


def test_counted_lists_of_names_with_their_cued_values_in_brackets():
    text = ("（一）产出指标。数量指标2项，分别为退化草原修复面积（年度目标12万亩，实际完成12.4万亩）和围栏建设长度"
            "（年度目标300公里，实际完成300公里）。质量指标1项，为修复工程验收合格率（年度目标100%，实际完成100%）。\n")
    assert _read(text) == [("退化草原修复面积", "12万亩", "12.4万亩"), ("围栏建设长度", "300公里", "300公里"),
                           ("修复工程验收合格率", "100%", "100%")]
    # (the levels come from the words counting them)
    assert [(i.level1, i.level2) for i in indicator_sentences(text, 0, len(text))] == [("产出指标", "数量指标")] * 2 + [
        ("产出指标", "质量指标")]


def test_actuals_after_a_colon_with_the_target_in_brackets_listed_under_a_lead():
    text = ("产出指标中：受助学生人数：1260人（目标≥1200人）、资助资金发放及时率：100%（目标100%）；"
            "满意度指标中：受助学生满意度：96.5%（目标≥90%）。\n")
    assert _read(text) == [("受助学生人数", "≥1200人", "1260人"), ("资助资金发放及时率", "100%", "100%"),
                           ("受助学生满意度", "≥90%", "96.5%")]
    # (one such bracket alone is more often a remark than a list: not read)
    assert _read("培训人数：120人（目标100人）。\n") == []
