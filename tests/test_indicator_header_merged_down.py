"""A grid's two-row indicator header whose 分值 / 得分 cells are merged down over both rows (Word vMerge, an Excel
merge, a ruled PDF): printed once on the upper row, over blanks on the leaf row; they still name their columns."""

ROWS = [
    "项目名称\t2023年示范项目\t\t\t\t\t",
    "绩效指标\t\t\t指标值\t\t分值\t得分",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t\t",
    "产出指标\t数量指标\t示范户数\t≥150户\t162户\t15\t14",
    "\t质量指标\t技术到位率\t≥95%\t96.5%\t10\t10",
]


def test_weight_and_score_merged_down_over_the_two_header_rows(extractor):
    (project,) = extractor.extract_text("\n".join(ROWS) + "\n", doc_id="t", mode="parser").projects
    got = [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators]
    assert got == [("示范户数", "≥150户", "162户", 15.0, 14.0), ("技术到位率", "≥95%", "96.5%", 10.0, 10.0)]


def test_an_upper_row_with_numbers_is_no_header(extractor):
    # a data row above the header (its digits) lends the header nothing: the weight stays unread rather than guessed
    rows = [ROWS[0], "年度资金总额\t68\t72.5\t70.1\t10\t96.69%\t9.7", *ROWS[2:]]
    (project,) = extractor.extract_text("\n".join(rows) + "\n", doc_id="t", mode="parser").projects
    assert [i.name for i in project.indicators] == ["示范户数", "技术到位率"]
