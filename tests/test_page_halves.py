"""A sheet too wide for its page printed in two halves, the right columns of every row on the next page
(``page_halves``). Invented example."""

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.page_halves import joined_page_halves

LEFT = [
    "项目名称    村级公益设施维护", "主管部门    示例县财政局", "实施单位    示例县农村综合改革服务中心",
    "项目资金（万元）    年初预算数    全年预算数    全年执行数",
    "年度资金总额    50    60    57", "其中：财政拨款    50    60    57", "其他资金",
    "一级指标    二级指标    三级指标    年度指标值",
    "产出指标    数量指标    维护公益设施处数    ≥120处",
    "    质量指标    维护验收合格率    ≥95%",
    "效益指标    社会效益指标    受益群众人数    ≥2万人",
    "满意度指标    服务对象满意度指标    群众满意度    ≥90%",
    "总分",
    "第 1 页，共 2 页",
]
RIGHT = [
    "分值    执行率    得分", "10    95%    9.5", "—    —    —",
    "实际完成值    分值    得分    偏差原因分析及改进措施",
    "126处    30    30", "93%    20    18    个别设施返修", "2.1万人    30    30", "94%    10    10", "100    97.5",
    "第 2 页，共 2 页", "打印时间：2024/3/1 9:05    制表人：张某",
]


def test_the_right_half_rows_join_their_left_half_rows():
    got = joined_page_halves(normalize_text("\n".join(LEFT + RIGHT)))
    lines = [" ".join(ln.split()) for ln in got.text.split("\n") if ln.strip()]
    assert "年度资金总额 50 60 57 10 95% 9.5" in lines
    assert "其中:财政拨款 50 60 57 — — —" in lines
    assert "    质量指标    维护验收合格率    ≥95%    93%    20    18    个别设施返修".split() == \
        lines[lines.index("质量指标 维护验收合格率 ≥95% 93% 20 18 个别设施返修")].split()
    assert "总分 100 97.5" in lines
    assert not any(ln.startswith("126处") for ln in lines)  # moved, not copied


def test_the_joined_sheet_reads_whole(extractor):
    p, = extractor.extract_text("\n".join(LEFT + RIGHT), doc_id="t", mode="parser").projects
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        500000.0, 600000.0, 570000.0, 95.0)
    assert p.score == 97.5
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("维护公益设施处数", "≥120处", "126处", 30, 30), ("维护验收合格率", "≥95%", "93%", 20, 18),
        ("受益群众人数", "≥2万人", "2.1万人", 30, 30), ("群众满意度", "≥90%", "94%", 10, 10)]


def test_a_table_printed_whole_is_left_as_it_is():
    text = "\n".join(["一级指标    二级指标    三级指标    年度指标值    实际完成值    分值    得分",
                      "产出指标    数量指标    维护处数    ≥120处    126处    30    30"])
    assert joined_page_halves(normalize_text(text)) is None
