"""Indicators whose target and actual are stated in different sections of a report (invented examples)."""

from jixiao.pipelines.prose_results import result_lines


def _read(text: str) -> list[tuple]:
    return [(i.name.text, i.target[0].text, i.actual.text, i.score.text) for i in result_lines(text, 0, len(text))]


def test_a_result_line_joins_the_target_stated_above_it():
    text = "\n".join(["二、年度绩效目标", "产出指标：新建村级卫生室数量5个；卫生室验收合格率≥95%。",
                      "效益指标：群众就医便利程度：有效提升。", "三、完成情况", "1.新建村级卫生室数量：已建成5个，得10分。",
                      "2.卫生室验收合格率：经县卫健局验收合格率100%，得10分。", "群众就医便利程度：有效提升，得20分。", ""])
    assert _read(text) == [("新建村级卫生室数量", "5个", "5个", "10"), ("卫生室验收合格率", "≥95%", "100%", "10"),
                           ("群众就医便利程度", "有效提升", "有效提升", "20")]


def test_a_result_line_without_a_target_above_is_none():
    text = "三、完成情况\n1.资金拨付及时性：按时拨付，得5分。\n2.制度健全性：制度健全，得5分。\n"
    assert _read(text) == []
