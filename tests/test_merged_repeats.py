"""Word tables dumped by python-docx (``'\\t'.join(c.text for c in row.cells)``): merged cells repeated in every
position, cells of two paragraphs breaking their row. Invented examples."""

from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.merged_repeats import merged_repeats
from jixiao.pipelines.normalize import normalize_text

DUMP = "\n".join([
    "示例街道2023年度项目支出绩效自评表",
    "单位：元",
    "",
    "\t".join(["项目名称", "项目名称", *["示例小区加装电梯补助"] * 6]),
    "\t".join(["主管部门", "主管部门", "示例区住建局", "示例区住建局", "实施单位", "实施单位", "示例街道办", "示例街道办"]),
    "\t".join(["项目资金\n（元）", "项目资金\n（元）", "", "年初预算数", "全年预算数", "全年预算数", "全年执行数", "执行率"]),
    "\t".join(["项目资金\n（元）", "项目资金\n（元）", "年度资金总额", "300000", "300000", "300000", "300000", "100%"]),
    "\t".join(["一级指标", "二级指标", "三级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]),
    "\t".join(["产出指标", "数量指标", "加装电梯数量", "加装电梯数量", "≥6部", "6部", "40", "40"]),
    "\t".join(["效益指标", "社会效益指标", "老年住户出行条件", "老年住户出行条件", "明显改善", "明显改善", "30", "30"]),
    "\t".join(["满意度指标", "服务对象满意度指标", "住户满意度", "住户满意度", "≥90%", "95%", "20", "19"]),
    "\t".join(["总分", "总分", "总分", "总分", "总分", "总分", "100", "98"]),
])


def _rows(text):
    return [r.texts for r in parse_rows(merged_repeats(normalize_text(text)))]


def test_repeated_merged_cells_print_once_and_broken_rows_join():
    rows = _rows(DUMP)
    assert ["项目名称", "示例小区加装电梯补助"] in rows
    assert ["主管部门", "示例区住建局", "实施单位", "示例街道办"] in rows
    # the header's 全年预算数 spans two grid columns: the amounts under it are one; equal amounts elsewhere stay
    assert ["项目资金(元)", "", "年初预算数", "全年预算数", "全年执行数", "执行率"] in rows
    assert ["项目资金(元)", "年度资金总额", "300000", "300000", "300000", "100%"] in rows
    # a target equal to its actual and a weight equal to its score stay two cells
    assert ["效益指标", "社会效益指标", "老年住户出行条件", "明显改善", "明显改善", "30", "30"] in rows
    assert ["总分", "100", "98"] in rows


def test_tab_rows_without_repeated_labels_are_left_alone():
    text = "项目名称\t示例经费\n产出指标\t数量指标\t培训人次\t100\t100\t10\t10\n效益指标\t社会效益指标\t就业率\t达标\t达标\t10\t10\n"
    norm = normalize_text(text)
    assert merged_repeats(norm) is norm


def test_a_docx_dump_reads_as_a_record(extractor):
    p, = extractor.extract_text(DUMP, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("示例小区加装电梯补助", "示例区住建局", "示例街道办")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        300000, 300000, 300000, 100.0)
    assert p.score == 98
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("加装电梯数量", "≥6部", "6部", 40, 40), ("老年住户出行条件", "明显改善", "明显改善", 30, 30),
        ("住户满意度", "≥90%", "95%", 20, 19)]
