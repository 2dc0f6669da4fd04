"""The indicator header's second row put under its spanning column (invented examples)."""

from jixiao.pipelines.sub_header import with_sub_header


def test_a_nature_leaf_under_the_spanning_target_takes_its_column():
    """年度指标值 spanning 指标性质 / 指标值 / 度量单位: the first leaf is the 指标性质 column, not a second target."""
    slots = {0: "l1", 1: "l2", 2: "name", 3: "target", 6: "actual", 7: "weight", 8: "score"}
    out, width = with_sub_header(slots, {3: "nature", 4: "target", 5: "unit"}, 9)
    assert (out[3], out[4], out[5], width) == ("nature", "target", "unit", 9)


SHEET = [
    "项目名称\t2023年示例县冬季储备煤补贴", "主管部门\t示例县供销社\t项目单位\t示例县储备站",
    "序号\t一级指标\t二级指标\t三级指标\t年度指标值\t\t\t完成值\t权重\t得分",
    "\t\t\t\t指标性质\t指标值\t度量单位\t\t\t",
]


def test_operators_printed_in_a_nature_column_join_the_target(extractor):
    """An .xls whose 指标性质 leaf prints the operator (≥, =, ≤): target = operator + value + unit; a 定性 row
    prints a kind, not an operator, and its target is the value alone (LABELING R7.2)."""
    rows = [*SHEET, "1\t产出指标\t数量指标\t储备煤炭数量\t≥\t2000\t吨\t2150\t20\t20",
            "2\t\t质量指标\t储备煤检验合格率\t=\t100\t%\t100\t20\t20",
            "3\t\t时效指标\t储备完成时间\t定性\t11月底前\t\t按时完成\t20\t20", "合计\t\t\t\t\t\t\t\t60\t60"]
    (p,) = extractor.extract_text("\n".join(rows) + "\n", doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [
        ("储备煤炭数量", "≥2000吨", "2150"), ("储备煤检验合格率", "=100%", "100"), ("储备完成时间", "11月底前", "按时完成")]
