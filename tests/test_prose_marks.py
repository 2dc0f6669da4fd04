"""Marks a prose report states outside the sentence forms: a 分值 before a deduction, a summary table's total row
(invented examples)."""

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_indicators import indicator_sentences


def test_a_weight_printed_after_a_clause_before_its_deduction_and_no_score_from_a_deduction():
    text = "\n".join([
        "1.巡河里程（数量指标）：年度目标1200公里，实际完成1150公里，受汛期影响部分河段未巡，分值10分，扣1分。",
        "2.河长制公示牌更新数量（数量指标）：年度目标40块，实际完成40块，分值5分，未扣分。", ""])
    found = [(i.name.text, i.weight.text if i.weight else None, i.score) for i in indicator_sentences(text, 0, len(text))]
    # (the score is never computed from the deduction: records.md takes what is printed)
    assert found == [("巡河里程", "10", None), ("河长制公示牌更新数量", "5", None)]


def _score(text: str) -> str | None:
    projects = ProseParser().parse(normalize_text(text))
    return projects[0].score.text if projects and projects[0].score else None


def test_a_summary_tables_total_row_is_the_project_score_where_no_sentence_states_one():
    head = ["示例县2023年度河道保洁经费绩效自评报告", "项目全年预算数为40万元，全年执行数为39万元，执行率97.5%。",
            "评价内容　分值　得分", "产出指标　50　48"]
    assert _score("\n".join([*head, "合计　100　95.5", ""])) == "95.5"
    assert _score("\n".join([*head, "合计 | 100 | 95.5", ""])) == "95.5"
    # (a row whose first figure is no full mark of 100 is not the total of marks)
    assert _score("\n".join([*head, "合计　50　48", ""])) is None
    # (a sentence stating the score wins)
    assert _score("\n".join([*head, "合计　100　95.5", "项目自评得分95分。", ""])) == "95"


def test_a_closing_rows_score_and_grade_and_a_score_in_numerals():
    head = ["示例县2023年度桥梁检测经费绩效自评报告", "项目全年预算数为40万元，全年执行数为39万元，执行率97.5%。",
            "评价内容\t分值\t得分", "产出指标\t50\t48"]
    projects = ProseParser().parse(normalize_text("\n".join([*head, "自评总分\t100\t95.5", "自评等级\t—\t优", ""])))
    assert (projects[0].score.text, projects[0].grade.text) == ("95.5", "优")
    assert _score("\n".join([*head[:2], "经综合评价，本项目自评得分为九十三点五分，等级为优。", ""])) == "93.5"


def test_numerals_read_as_numbers_up_to_a_hundred():
    from jixiao.pipelines.prose_numerals import cn_number
    assert [cn_number(w) for w in ("一百", "九十六", "八十", "十五", "九十七点五", "七")] == [100, 96, 80, 15, 97.5, 7]
    assert [cn_number(w) for w in ("一百零五", "九九十", "点五")] == [None, None, None]
