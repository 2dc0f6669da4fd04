"""Scanned 项目支出绩效自评表 as other OCR engines print them (the invbo round): short score-column header words slipped
as a cell of their own (分直, 得兮), a seal over two rows (财政局 / 专用章), a misread amount in a funds row of collapsed
text, and Umi-OCR's paragraph mode, which joins a row's Chinese boxes with no space (产出指标数量指标名称 ≥30个 …,
a header of glued words, 主管部门XX局实施单位XX中心). Invented examples."""

from jixiao.pipelines.glued_row_cells import glued_header, glued_parts
from jixiao.pipelines.label_slips import slipped_labels
from jixiao.pipelines.scan_overprint import overprinted


def _pieces(text, pieces):
    return [text[a:b] for a, b in pieces] if pieces is not None else None


def test_a_slipped_score_header_word_is_read_only_as_a_cell_of_its_own():
    text = "项目资金（元） 年初预算数 全年执行数 分直 执行率 得兮\n部分直属单位 得兮(分)"
    fixes = slipped_labels(text)
    assert "".join(fixes.get(k, ch) for k, ch in enumerate(text)).splitlines() == [
        "项目资金（元） 年初预算数 全年执行数 分值 执行率 得分", "部分直属单位 得分(分)"]
    # 直 inside running text (部分直属) is left alone
    assert slipped_labels("本局部分直属单位完成验收") == {}


def test_a_seal_over_two_rows_is_left_out_of_both():
    text = ("产出指标 质量指标 检测结果准确率 100% 财政局 100% 10 10\n"
            "产出指标 时效指标 监测报告按时报送率 ≥95% 专用章 98% 10 10\n")
    gone = "".join(text[k] for k in overprinted(text)).replace(" ", "")
    assert gone == "财政局专用章"
    # a bureau word with no 专用章 below it is a cell
    assert overprinted("主管部门 温阳县卫生健康委员会 实施单位 温阳县疾控中心\n其他 10 10\n") == []


def test_glued_category_words_and_header_words_split_at_the_words():
    assert _pieces("产出指标数量指标新建村级电商服务站点", glued_parts("产出指标数量指标新建村级电商服务站点")) == [
        "产出指标", "数量指标", "新建村级电商服务站点"]
    line = "绩效指标一级指标二级指标三级指标年度指标值实际完成值分直得分偏差原因分析及改进措施"
    assert _pieces(line, glued_header(line))[:3] == ["绩效指标", "一级指标", "二级指标"]
    assert _pieces(line, glued_header(line))[6:8] == ["分直", "得分"]
    head = "主管部门沭东县商务局实施单位沭东县电子商务发展中心"
    assert _pieces(head, glued_header(head)) == ["主管部门", "沭东县商务局", "实施单位", "沭东县电子商务发展中心"]
    # two header words may be one label; a lone word, an allotment and a sentence stay whole
    for whole in ("预算执行率得分", "产出指标(50分)", "数量指标", "年度总体目标预期目标实际完成情况"):
        assert glued_parts(whole) == [(0, len(whole))] and glued_header(whole) is None
    assert glued_header("效益指标方面,全年带动就业312人") is None
    # a longer label is no label and value (主管部门及代码, 实施单位名称)
    assert glued_header("主管部门及代码") is None and glued_parts("实施单位名称") == [(0, 6)]


UMI = (
    "项目支出绩效自评表\n"
    "项目名称2023年乡镇快递物流站点建设补助\n"
    "主管部门青湾县商务局实施单位青湾县物流发展中心\n"
    "项目资金（万元）年初预算数全年预算数全年执行数分直执行率得分\n"
    "年度资金总额 300 300 291 10 97% 9.7\n"
    "绩效指标一级指标二级指标三级指标年度指标值实际完成值分直得分偏差原因分析及改进措施\n"
    "产出指标数量指标建成乡镇快递物流站点 ≥12个 12个 20 20\n"
    "质量指标站点验收合格率 100% 100% 20 20\n"
    "效益指标社会效益指标快递进村覆盖率 ≥90% 93% 30 29\n"
    "满意度指标服务对象满意度指标村民满意度 ≥90% 95% 20 19\n"
    "总分 100 97.7\n"
)


def test_a_table_read_by_umi_ocr_paragraph_mode_reads_its_rows(extractor):
    [p] = extractor.extract_text(UMI, mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("2023年乡镇快递物流站点建设补助", "青湾县商务局", "青湾县物流发展中心")
    assert p.funds.executed == 2910000.0 and p.funds.execution_rate == 97.0 and p.score == 97.7
    got = [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]
    assert got[0] == ("产出指标", "数量指标", "建成乡镇快递物流站点", "≥12个", "12个", 20.0, 20.0)
    assert got[-1] == ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "95%", 20.0, 19.0)
    assert len(got) == 4


def test_a_misread_amount_in_a_collapsed_funds_row_keeps_its_column(extractor):
    text = UMI.replace("年度资金总额 300 300 291 10 97% 9.7", "年度资金总额 300 300 29l 10 97% 9.7")
    [p] = extractor.extract_text(text, mode="parser").projects
    assert p.funds.executed is None and p.funds.annual_budget == 3000000.0 and p.funds.execution_rate == 97.0
