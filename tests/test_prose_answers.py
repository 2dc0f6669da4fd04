"""Indicators a report publishes as questions and answers (invented examples)."""

from jixiao.pipelines.prose_indicators import indicator_sentences


def _read(text: str) -> list[tuple]:
    return [(i.level1, i.name.text, i.target[0].text, i.actual.text if i.actual else None,
             i.weight.text if i.weight else None, i.score.text if i.score else None)
            for i in indicator_sentences(text, 0, len(text))]


def test_the_question_names_the_indicator_and_the_answer_under_it_states_its_fields():
    text = "\n".join([
        "（一）产出指标",
        "1.问：家庭农场示范创建数量完成了多少？",
        "答：年度目标30家，实际完成33家，分值20分，得分20分。",
        "2.问：示范场验收合格率是否达到目标？",
        "答：目标≥95%，实际93%，个别场主体设施未完工，分值10分，得分9分。",
        "（二）效益指标",
        "3.问：带动农户增收有没有提升？",
        "答：目标较上年增长5%，实际较上年增长6.2%。", ""])
    assert _read(text) == [
        ("产出指标", "家庭农场示范创建数量", "30家", "33家", "20", "20"),
        ("产出指标", "示范场验收合格率", "≥95%", "93%", "10", "9"),
        ("效益指标", "带动农户增收", "较上年增长5%", "较上年增长6.2%", None, None)]


def test_answers_stating_no_target_and_actual_are_no_indicators():
    text = "\n".join([
        "问：项目资金用了多少？", "答：全年预算120万元，全年执行118万元，执行率98.33%。",
        "问：项目总体评价如何？", "答：项目自评得分96分，等级为优。", ""])
    assert _read(text) == []
