"""Prose reports and prose projects between tables (invented excerpts of the printed forms)."""

import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.prose_names import is_duplicate

REPORT = "\n".join([
    "示例市示例区民政局",
    "",
    "项目支出绩效自评报告",
    "",
    "一、绩效自评工作开展情况",
    "本单位组织相关股室对2023年特定类项目救助系统运维专项资金开展了绩效自评，共涉及资金5.2万元。",
    "二、绩效目标自评完成情况分析",
    "    本单位2023年救助系统运维专项资金全年预算执行数为5.2万元，实际完成项目支出5.1万元。",
    "2023年年初预算安排专项资金8.00万元，因系统合并年终调减预算2.8万元；该专项资金执行率为98.08%。",
    "数量指标：实际维护了6个系统。",
    " 一、绩效自评工作开展情况",
    "本单位对2023年专项类项目困难群众慰问（春节）经费开展了绩效自评。",
    "本单位2023年困难群众慰问（春节）经费全年预算数为12万元，实际完成项目支出12万元，执行率为100%。",
    "",
])

TABLE = "\n".join([
    "2024年示例补贴项目支出绩效自评表",
    "项目名称\t2024年示例补贴\t\t",
    "主管部门\t示例市民政局\t实施单位\t示例市救助中心",
    "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t执行率",
    "\t年度资金总额\t10\t10\t10\t100%",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "\t产出指标\t数量指标\t救助人数\t≥500人\t≥510人\t50\t50",
    "总分\t\t\t\t\t\t100\t98",
    "",
])

MIXED = "\n".join([
    "关于2024年度预算绩效情况说明",
    "本部门组织对2024年度纳入部门预算的项目支出全面开展了绩效自评，共2个项目。",
    "组织对2024年度部门整体支出开展了绩效自评，整体评价结果为优。",
    "示例补贴项目绩效自评综述：根据年初设定的绩效目标，示例补贴项目绩效自评得分为98分。项目全年预算数为10万元，执行数为10万元。",
    "",
    TABLE,
    "另外，本单位对2024年度专项类项目社区养老驿站建设资金开展了绩效自评，全年预算数为30万元，实际完成项目支出27万元，执行率为90%。",
    "",
])


def test_prose_report_name_department_and_funds(extractor):
    rec = extractor.extract_text(REPORT, mode="parser")
    assert [p.name for p in rec.projects] == ["救助系统运维专项资金", "困难群众慰问（春节）经费"]
    first, second = rec.projects
    # no 主管部门 label: the unit of the report heading, for every section; 本单位 names no implementer
    assert first.department == second.department == "示例市示例区民政局"
    assert first.implementer is None and second.implementer is None
    # 全年预算执行数 is the budget figure; 实际完成项目支出 the executed amount
    assert (first.funds.initial_budget, first.funds.annual_budget, first.funds.executed) == (80000.0, 52000.0, 51000.0)
    assert first.funds.execution_rate == 98.08
    assert (second.funds.annual_budget, second.funds.executed, second.funds.execution_rate) == (120000.0, 120000.0, 100.0)
    assert second.funds.initial_budget is None
    assert first.provenance["department"].source == "prose"
    pv = first.provenance["department"]
    assert REPORT[pv.start:pv.end] == "示例市示例区民政局"


def test_prose_labels_win_over_the_heading(extractor):
    text = REPORT.replace("本单位组织相关股室", "主管部门：示例市民政局，实施单位：示例市救助站。本单位组织相关股室")
    first = extractor.extract_text(text, mode="parser").projects[0]
    assert (first.department, first.implementer) == ("示例市民政局", "示例市救助站")


def test_mixed_document_reads_prose_projects_that_are_not_tables(extractor):
    rec = extractor.extract_text(MIXED, mode="parser")
    # the 综述 paragraph repeats the table project; department-wide sentences are not projects
    assert [p.name for p in rec.projects] == ["2024年示例补贴", "社区养老驿站建设资金"]
    table, prose = rec.projects
    assert table.provenance["name"].source == "table" and table.score == 98.0
    assert prose.provenance["name"].source == "prose"
    assert (prose.funds.annual_budget, prose.funds.executed, prose.funds.execution_rate) == (300000.0, 270000.0, 90.0)


def test_a_summary_alone_is_a_project(extractor):
    summary = MIXED.split("\n\n")[0]
    rec = extractor.extract_text(summary, mode="parser")
    assert [p.name for p in rec.projects] == ["示例补贴"]
    p = rec.projects[0]
    assert (p.funds.annual_budget, p.funds.executed, p.score) == (100000.0, 100000.0, 98.0)


@pytest.mark.parametrize("a, b, same", [
    ("老字号", "老字号", True),
    ("示例补贴", "2024年示例补贴", True),
    ("数据系统维护费专项资金", "2023年数据系统维护费", True),
    ("社区养老驿站建设资金", "2024年示例补贴", False),
    ("就业补助资金", "城乡居民基本养老保险", False),
])
def test_duplicate_names(a, b, same):
    assert is_duplicate(a, b) is same


def test_sentences_wrapped_and_spaced_by_a_scan_are_read_unwrapped(extractor):
    # a scan breaks and spaces sentences anywhere: 对20 23年…专项资金开\n展了绩效自评, 全年预算数为5.\n2万元
    text = (REPORT.replace("对2023年特定类项目救助系统运维专项资金开展了绩效自评", "对20 23年特定类项目救助系统运维专项资金开\n展了绩效自评")
                  .replace("全年预算执行数为5.2万元", "全年预算执 行数为5.\n2万元")
                  .replace("执行率为98.08%", "执行率\n为98. 08%"))
    first = extractor.extract_text(text, mode="parser").projects[0]
    assert first.name == "救助系统运维专项资金"
    assert (first.funds.annual_budget, first.funds.executed, first.funds.execution_rate) == (52000.0, 51000.0, 98.08)
    pv = first.provenance["funds.annual_budget"]  # provenance points at the printed characters
    assert "".join(text[pv.start:pv.end].split()) == "5.2"


def test_a_report_run_into_one_line_keeps_the_unit_of_its_title(extractor):
    # line breaks lost: the heading 示例市示例区民政局 项目支出绩效自评报告 runs into the text
    collapsed = " ".join(REPORT.split("\n"))
    first = extractor.extract_text(collapsed, mode="parser").projects[0]
    assert first.department == "示例市示例区民政局"


@pytest.mark.parametrize("heading", ["示例市示例区民 政局", "示例市\n示例区民政局"])
def test_a_heading_spaced_or_wrapped_by_a_scan_still_names_the_unit(extractor, heading):
    first = extractor.extract_text(REPORT.replace("示例市示例区民政局", heading, 1), mode="parser").projects[0]
    assert first.department == "示例市示例区民政局"


def test_a_generic_title_over_a_name_line_names_the_project():
    text = "\n".join([
        "示例市市场监督管理局", "2023年度项目支出绩效自评报告", "项目名称：计量检定能力提升", "",
        "一、基本情况", "本项目年初预算资金50万元，全年执行48万元，执行率96%。",
        "二、绩效指标完成情况", "1.数量指标", "(1)检定计量器具数量(台件)，目标值2000，完成值2150，分值10，得分10。",
        "三、自评结论", "自评得分95分，评价等级为优。", ""])
    record = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser")
    assert [(p.name, p.department, p.score, len(p.indicators)) for p in record.projects] == [
        ("计量检定能力提升", "示例市市场监督管理局", 95.0, 1)]


@pytest.mark.parametrize("sentence", [
    "（1）检定计量器具数量。年度目标值：≥2000台件；实际完成值：2150台件；分值10分，得分10分。",
    "（1）检定计量器具数量，计划完成≥2000台件，实际完成2150台件，分值10分，得分10分。",
])
def test_indicator_sentence_forms(sentence):
    text = "2023年度计量检定项目绩效自评报告\n\n二、绩效指标完成情况\n1.数量指标\n" + sentence + "\n\n自评得分95分。\n"
    record = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser")
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for p in record.projects for i in p.indicators] == [
        ("数量指标", "检定计量器具数量", "≥2000台件", "2150台件", 10.0, 10.0)]


def _summary_then_cells(summary: str) -> str:
    cells = ["项目名称", "公共文化服务项目", "主管部门", "示例市文化和旅游局", "实施单位", "示例市群众艺术馆",
             "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率",
             "年度资金总额", "120", "120", "118.5", "98.75%"]
    return summary + "\n\n" + "\n\n".join(cells) + "\n"


def test_a_one_project_table_takes_the_score_its_summary_states():
    text = _summary_then_cells("示例市文化和旅游局2023年度公共文化服务项目绩效自评综述\n\n"
                               "项目年初预算资金120万元，全年执行118.5万元。项目自评得分为96分，评价等级为优。")
    (p,) = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects
    assert (p.name, p.score, p.grade, p.funds.executed) == ("公共文化服务项目", 96.0, "优", 1185000.0)


@pytest.mark.parametrize("summary", [
    "本部门年度自评得分为92分。",  # the department's score, not the project's
    "项目一自评得分为96分；项目二自评得分为88分。",  # two scores: which is this project's is not said
])
def test_a_summary_score_that_is_not_the_projects_is_not_taken(summary):
    (p,) = Extractor.from_settings(load_tagger=False).extract_text(_summary_then_cells(summary), mode="parser").projects
    assert p.score is None


def test_a_title_spaced_out_by_a_scan_still_names_the_report():
    text = "2023年度计量检定项目绩 效自 评报告\n\n一、基本情况\n本项目全年预算数为50万元，全年执行数为48万元。\n自评得分95分。\n"
    record = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser")
    assert [(p.name, p.score) for p in record.projects] == [("计量检定项目", 95.0)]


@pytest.mark.parametrize("body,funds,score,grade", [
    ("全年预算数50万元，全年执行数48万元，执行率96%。自评结果为92分。", (500000.0, 480000.0, 96.0), 92.0, None),
    ("实际执行52.8万元，调整后预算55万元，执行率为96%。绩效自评得分92分，等级为“优”。", (550000.0, 528000.0, 96.0), 92.0, "优"),
    ("本项目资金总额50万元，已支付48万元，执行率96%。自评得分92分，评价等级为优秀。", (500000.0, 480000.0, 96.0), 92.0, "优"),
    ("全年预算数50万元，全年执行48万元，执行率96%。综合评分为92分，自评等次为优秀。", (500000.0, 480000.0, 96.0), 92.0, "优"),
    ("项目预算资金50万元，实际支出48万元。绩效评价结果为良好。", (500000.0, 480000.0, None), None, "良"),
    ("2023年预算安排50万元，截至12月31日该项目支出48万元，执行率96%。", (500000.0, 480000.0, 96.0), None, None),
    ("项目资金：全年预算数：50万元；全年执行数：48万元；执行率：96%。", (500000.0, 480000.0, 96.0), None, None),
    ("项目预算总额为50万元，全年实际支出48万元。", (500000.0, 480000.0, None), None, None),
    ("救助资金共计50万元（其中中央资金30万元），截至12月底已支出48万元。", (500000.0, 480000.0, None), None, None),
    ("2023年该项目预算数为50万元，执行数为48万元，执行率为96%。", (500000.0, 480000.0, 96.0), None, None),
    ("全年预算数（万元）：50；全年执行数（万元）：48；执行率：96%。", (500000.0, 480000.0, 96.0), None, None),
    ("预算执行情况：预算资金50万元，执行48万元，执行率96%。", (500000.0, 480000.0, 96.0), None, None),
    ("全年预算数50万元，全年执行数48万元。经综合评定，该项目评定得分为91分，评定等级为“良好”。", (500000.0, 480000.0, None), 91.0, "良"),
    ("全年预算数50万元，全年执行数48万元。项目最终得分92分，绩效评级：优秀。", (500000.0, 480000.0, None), 92.0, "优"),
    ("全年预算数50万元，全年执行数48万元。经自评，总分为90分，等级“优秀”。", (500000.0, 480000.0, None), 90.0, "优"),
    # (a transfer payment's fund named before the bare 预算)
    ("截至2023年12月31日，全省防汛补助资金预算50万元，已执行48万元，执行率96%。", (500000.0, 480000.0, 96.0), None, None),
])
def test_prose_funds_score_and_grade_in_other_words(body, funds, score, grade):
    text = "2023年度计量检定项目绩效自评报告\n\n" + body + "\n"
    (p,) = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects
    assert ((p.funds.annual_budget, p.funds.executed, p.funds.execution_rate), p.score, p.grade) == (funds, score, grade)


def _table_with_total(total: str) -> str:
    """An invented table one cell per paragraph whose 总分 row prints ``total``, under a summary paragraph."""
    cells = ["项目名称", "2023年示例区老年助餐补助", "主管部门", "示例区民政局", "实施单位", "示例区养老服务中心",
             "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率",
             "年度资金总额", "60", "60", "57", "95%",
             "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "产出指标", "数量指标", "助餐服务人次", "≥3万人次", "3.2万人次", "50", "50",
             "满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "95%", "40", "38.5",
             "总分", "100", total]
    return "\n\n".join(cells) + "\n"


@pytest.mark.parametrize("total,grade", [("98", "优"), ("91", None)])
def test_a_summary_stating_the_tables_score_gives_its_grade(total, grade):
    """综合评分98分，评价等级为“优秀”: the summary gives the grade the table lacks only where its score is the
    table's own (a summary stating another score speaks of something else)."""
    summary = "经单位自评，老年助餐补助项目综合评分98分，评价等级为“优秀”。\n\n"
    (p,) = Extractor.from_settings(load_tagger=False).extract_text(summary + _table_with_total(total),
                                                                    mode="parser").projects
    assert (p.score, p.grade) == (float(total), grade)


def test_a_report_on_several_projects_heads_each_with_its_name(extractor):
    text = "\n".join([
        "示例县文化旅游体育局2023年度项目支出绩效自评报告",
        "我局纳入自评范围的项目共2个，现将自评情况报告如下：",
        "（一）全民健身设施维护项目",
        "1.项目资金情况。该项目经费到位30万元，实际支出27万元，预算执行率90%。",
        "2.绩效指标完成情况。产出指标方面，维护健身路径数量计划≥40条，实际完成42条。",
        "3.自评结果。经自评，该项目得分91分，等级为优。",
        "（二）乡村文化活动补助项目",
        "1.项目资金情况。年初预算18万元，调整后预算20万元，实际支出20万元，执行率100%。",
        "3.自评结果。经自评，该项目得分86分，等级为良。", ""])
    rec = extractor.extract_text(text, mode="parser")
    assert [(p.name, p.department, p.funds.initial_budget, p.funds.annual_budget, p.funds.executed,
             p.funds.execution_rate, p.score, p.grade, len(p.indicators)) for p in rec.projects] == [
        ("全民健身设施维护项目", "示例县文化旅游体育局", None, 300000.0, 270000.0, 90.0, 91.0, "优", 1),
        ("乡村文化活动补助项目", "示例县文化旅游体育局", 180000.0, 200000.0, 200000.0, 100.0, 86.0, "良", 0)]


def test_one_project_heading_in_a_report_opens_no_section(extractor):
    # a one-project report's own sub-heading that happens to end in 项目 is not a second project
    text = ("2023年度乡村文化活动补助项目绩效自评报告\n（一）乡村文化活动补助项目\n"
            "全年预算数为20万元，全年执行数为20万元，执行率100%。\n自评得分88分。\n")
    rec = extractor.extract_text(text, mode="parser")
    assert [(p.name, p.score) for p in rec.projects] == [("乡村文化活动补助项目", 88.0)]


def test_numbered_summaries_of_the_final_accounts_template(extractor):
    text = "\n".join([
        "（三）预算绩效管理工作开展情况",
        "组织对部门整体支出开展绩效自评，部门整体支出绩效自评得分93分。",
        "1.河道保洁经费项目绩效自评综述：根据年初设定的绩效目标，项目自评得分94分。全年预算数为80万元，执行数为76万元，"
        "完成预算的95%。项目绩效目标完成情况：河道保洁率年度目标≥90%，实际完成93%。",
        "2.护林员补助项目绩效自评综述：根据年初设定的绩效目标，项目自评得分90分。全年预算数为36万元，执行数为36万元，完成预算的100%。",
        ""])
    rec = extractor.extract_text(text, mode="parser")
    assert [(p.name, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate, p.score,
             [(i.name, i.target, i.actual) for i in p.indicators]) for p in rec.projects] == [
        ("河道保洁经费", 800000.0, 760000.0, 95.0, 94.0, [("河道保洁率", "≥90%", "93%")]),
        ("护林员补助", 360000.0, 360000.0, 100.0, 90.0, [])]


def test_the_title_names_the_project_a_sentence_announces(extractor):
    text = ("示例省2023年度中央财政林业改革发展资金转移支付绩效自评报告\n"
            "省林业和草原局对2023年度中央财政林业改革发展资金开展了绩效自评。\n"
            "2023年中央下达资金500万元，截至年底实际支出480万元，资金执行率96%。\n"
            "数量指标:森林抚育面积≥2万亩,实际完成2.1万亩。\n综合自评得分93分，自评等级为优。\n")
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.funds.executed, p.funds.execution_rate, p.score, p.grade) == (
        "中央财政林业改革发展资金转移支付", 4800000.0, 96.0, 93.0, "优")
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == [("数量指标", "森林抚育面积", "≥2万亩", "2.1万亩")]


def test_units_and_score_stated_in_sentences(extractor):
    text = ("示例市2023年度社区食堂运营补助项目支出绩效自评报告\n一、项目基本情况\n"
            "项目主管部门为示例市商务局，项目实施单位为示例市商贸服务中心。\n"
            "该项目共收到补助资金60万元，已支出57万元，执行率95%。\n"
            "四、自评结论\n经自评，该项目综合得分88.5分（其中预算执行率得分9.5分），评价等级为\"良\"。\n")
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.department, p.implementer, p.funds.annual_budget, p.funds.executed, p.score, p.grade) == (
        "示例市商务局", "示例市商贸服务中心", 600000.0, 570000.0, 88.5, "良")


def test_a_small_funds_table_with_an_unlabeled_figure_row(extractor):
    text = "\n".join([
        "示例小学2023年度部门预算项目绩效自评报告", "",
        "项目名称\t校园安保服务经费", "主管部门\t示例区教育局\t实施单位\t示例小学",
        "项目资金（元）\t年初预算数\t全年预算数\t全年执行数\t执行率", "\t200000.00\t210000.00\t199500.00\t95%", "",
        "（1）数量指标：安保人员配备人数≥6人，实际完成6人，得10分。", "",
        "自评总分96分，自评等级为优。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        "校园安保服务经费", 200000.0, 210000.0, 199500.0, 95.0)
    assert [(i.name, i.target, i.actual, i.score) for i in p.indicators] == [("安保人员配备人数", "≥6人", "6人", 10.0)]


_BODY = "\n二、绩效目标完成情况\n1)抽检批次(批),目标值300,完成值312,分值10,得分10。\n三、自评结论\n经自评，项目得分95分。\n"


@pytest.mark.parametrize("title,name", [
    # the unit before 关于 left out; the 项目 of 项目支出 after a fund's name too (the blind sets' labellers: invab, invac)
    ("示例市市场监督管理局关于食品安全抽检经费项目支出绩效自评报告", "食品安全抽检经费"),
    ("2023年度部门预算项目支出绩效自评报告（食品安全抽检经费）", "食品安全抽检经费"),  # a generic title, the name in brackets
    ("2023年度项目支出绩效自评报告\n(2023年度食品安全抽检项目)", "食品安全抽检项目"),  # … on the next line, year left out
])
def test_title_forms_name_the_project(extractor, title, name):
    rec = extractor.extract_text(title + _BODY, mode="parser")
    assert [(p.name, p.score, len(p.indicators)) for p in rec.projects] == [(name, 95.0, 1)]


@pytest.mark.parametrize("body,funds", [
    # an allocation onward is the recipients' money; the project's own statement still counts
    ("省财政厅分两批下达各市县预算资金2860万元，其中：东县680万元。全年预算数为3000万元，实际支出2900万元。",
     (30000000.0, 29000000.0)),
    ("省财政厅分两批下达各市县预算资金2860万元，其中：东县680万元。", (None, None)),
    ("我局将预算资金120万元分配至各乡镇，实际支出118万元。", (None, 1180000.0)),
])
def test_an_allocation_sentence_gives_no_funds(extractor, body, funds):
    text = "2023年度计量检定项目绩效自评报告\n\n" + body + "\n自评得分90分。\n"
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.funds.annual_budget, p.funds.executed) == funds


def test_units_stated_in_words_and_spending_at_year_end(extractor):
    text = ("2023年度农村道路养护项目支出绩效自评报告\n一、项目概况\n"
            "农村道路养护项目由示例县交通运输局主管，示例县公路养护中心具体实施。\n"
            "项目调整后预算80万元，截至年底支出76万元，预算执行率95%。\n自评得分：90分。\n")
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.department, p.implementer, p.funds.annual_budget, p.funds.executed) == (
        "示例县交通运输局", "示例县公路养护中心", 800000.0, 760000.0)


@pytest.mark.parametrize("collapsed", [False, True])
def test_project_headings_naming_funds(extractor, collapsed):
    """Collapsed (line breaks become spaces), a heading's line start is a sentence end or the text's start and its
    line end a run of spaces: 自评等级：优。 二、河湖管护专项资金 （一）资金情况：…"""
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "示例县水利局2023年度项目支出绩效自评报告",
        "一、小型水库维修养护经费", "（一）资金情况：全年预算数为20万元，全年执行数为19万元，预算执行率为95%。",
        "（三）自评得分：91分，自评等级：优。",
        "二、河湖管护专项资金", "（一）资金情况：全年预算数为12万元，全年执行数为12万元，预算执行率为100%。",
        "（三）自评得分：88分，自评等级：良。",
        "三、存在问题及改进措施", "加强项目前期谋划。", ""])
    rec = extractor.extract_text(collapse(text) if collapsed else text, mode="parser")
    assert [(p.name, p.department, p.funds.annual_budget, p.score, p.grade) for p in rec.projects] == [
        ("小型水库维修养护经费", "示例县水利局", 200000.0, 91.0, "优"), ("河湖管护专项资金", "示例县水利局", 120000.0, 88.0, "良")]


def test_a_report_run_into_one_line_with_labels_is_read_as_prose(extractor):
    text = ("首页 > 政务公开 2023年度社区公园养护项目绩效自评报告 发布日期：2024-03-20 一、项目基本情况 "
            "项目名称：社区公园养护 主管部门：示例市城市管理局 实施单位：示例市园林中心 "
            "该项目全年预算数50万元，全年执行数48万元，预算执行率96%。 二、绩效指标完成情况 "
            "1.公园保洁面积，年初目标值≥20万平方米，实际完成值21万平方米，自评得分20分; "
            "三、自评结论 项目自评得分95分，评价等级为优。 【打印】【关闭】")
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.department, p.implementer, p.funds.executed, p.score) == (
        "社区公园养护", "示例市城市管理局", "示例市园林中心", 480000.0, 95.0)
    assert [(i.name, i.target, i.actual, i.score) for i in p.indicators] == [("公园保洁面积", "≥20万平方米", "21万平方米", 20.0)]


def test_a_page_of_several_reports_gives_one_project_each(extractor):
    text = "\n".join([
        "示例县卫生健康局项目支出绩效自评报告公开",
        "2023年度家庭医生签约服务项目绩效自评报告",
        "全年预算数为30万元，全年执行数为30万元，执行率为100%。1.签约服务覆盖率，年度目标值≥40%，实际完成值42%，自评得分20分。",
        "自评得分95分。",
        "2023年度妇幼健康服务项目绩效自评报告",
        "全年预算数为18万元，全年执行数为17.1万元，执行率为95%。",
        "自评得分90分。", ""])
    rec = extractor.extract_text(text, mode="parser")
    assert [(p.name, p.funds.annual_budget, p.score, len(p.indicators)) for p in rec.projects] == [
        ("家庭医生签约服务项目", 300000.0, 95.0, 1), ("妇幼健康服务项目", 180000.0, 90.0, 0)]


def test_an_excerpt_named_by_its_repeated_phrase_reads_its_indicators(extractor):
    text = "\n".join([
        "二、绩效自评工作开展情况", "为做好乡村道路亮化工程项目绩效自评工作，我局成立了自评小组。",
        "（一）资金情况：乡村道路亮化工程项目全年预算数为80万元，全年执行数为76万元。",
        "（二）产出指标：新装路灯数量，年度目标值≥400盏，实际完成值420盏。",
        "综合评价，乡村道路亮化工程项目自评得分为92分。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.score, [(i.level1, i.name, i.target, i.actual) for i in p.indicators]) == (
        "乡村道路亮化工程项目", 92.0, [("产出指标", "新装路灯数量", "≥400盏", "420盏")])


@pytest.mark.parametrize("title", [
    "示例市市场监督管理局项目支出绩效自评报告（2023年度）",  # a unit's name before 项目 names no project
    "示例市市场监督管理局2023年度项目支出绩效自评报告（公示稿）",  # a note on the document, no project
])
def test_a_title_naming_no_project_opens_none(extractor, title):
    text = title + "\n一、项目基本情况\n计量标准建设项目是我局重点项目。\n三、自评结论\n自评得分95分。\n"
    assert extractor.extract_text(text, mode="parser").projects == []


def test_a_breadcrumb_and_a_list_of_other_reports_are_no_projects(extractor):
    text = "\n".join(["首页 > 信息公开 > 食品抽检项目绩效自评报告", "2023年度食品抽检项目绩效自评报告",
                      "全年预算数为40万元，全年执行数为38万元。", "自评得分94分。", "相关推荐",
                      "2023年度特种设备检验项目绩效自评报告", "2022年度农产品检测项目绩效自评报告", ""])
    assert [(p.name, p.score) for p in extractor.extract_text(text, mode="parser").projects] == [("食品抽检项目", 94.0)]


@pytest.mark.parametrize("collapsed", [False, True])
def test_headings_naming_a_funds_source_are_no_projects(extractor, collapsed):
    from jixiao.eval.variants import collapse

    text = "\n".join(["示例省2023年度中央财政水利发展资金转移支付绩效自评报告", "（一）中央财政资金",
                      "全年预算数为500万元，全年执行数为480万元。", "（二）省级配套资金", "全年执行数为100万元。",
                      "自评得分90分。", ""])
    text = collapse(text) if collapsed else text
    assert [(p.name, p.funds.annual_budget, p.score) for p in extractor.extract_text(text, mode="parser").projects] == [
        ("中央财政水利发展资金转移支付", 5000000.0, 90.0)]


def test_a_date_run_into_the_title_leaves_the_name_after_the_titles_own_year(extractor):
    """Line breaks lost: the page's date runs into the title (发布日期：2024年04月18日 示例区2023年度…报告); the name
    follows the title's year, not the date's."""
    from jixiao.eval.variants import collapse

    text = ("信息来源：示例区人民政府　发布日期：2024年04月18日\n示例区2023年度残疾人康复补助资金绩效自评报告\n"
            "一、资金基本情况\n2023年资金共计80万元，已支出76万元，资金执行率95%。\n"
            "三、自评结论\n本资金绩效自评得分为92分，评价等级为优秀。\n")
    for t in (text, collapse(text)):
        (p,) = extractor.extract_text(t, mode="parser").projects
        assert (p.name, p.score) == ("残疾人康复补助资金", 92.0)


def test_labeled_indicator_sentences_collapsed_read_as_prose(extractor):
    """Line breaks lost, a report's labeled sentences (指标名称：…；年度目标值：…) read as a table run into one line
    find fewer values than the prose reading, which wins: the same indicators as printed."""
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "示例县2023年度农村公路养护补助资金绩效自评报告", "一、基本情况", "项目名称：农村公路养护补助资金",
        "主管部门：示例县交通运输局；实施单位：示例县公路养护中心",
        "2023年全年预算数为200万元，实际支出190万元，预算执行率95%。", "二、绩效指标完成情况", "（一）产出指标", "数量指标",
        "1.指标名称：养护农村公路里程；年度目标值：≥300公里；实际完成值：312公里；分值：20；得分：20。",
        "质量指标", "2.指标名称：路面优良率；年度目标值：≥80%；实际完成值：78%；分值：20；得分：18。",
        "三、自评结论", "综合评价得分：93分，自评等级：优。", ""])
    rows = []
    for t in (text, collapse(text)):
        (p,) = extractor.extract_text(t, mode="parser").projects
        rows.append([(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators])
    assert rows[0] == rows[1] == [("数量指标", "养护农村公路里程", "≥300公里", "312公里", 20.0, 20.0),
                                  ("质量指标", "路面优良率", "≥80%", "78%", 20.0, 18.0)]


def test_reports_one_after_another_collapsed_each_title_opens_one(extractor):
    """A page printing two reports, each title on a line of its own: collapsed, a title after a sentence's end and a
    space, before a space, still opens the second report's project."""
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "2023年度道路清扫保洁项目绩效自评报告", "一、基本情况：全年预算数为30万元，全年执行数为30万元。", "二、自评结论：自评得分95分。",
        "2023年度公厕管护项目绩效自评报告", "一、基本情况：全年预算数为12万元，全年执行数为11万元。", "二、自评结论：自评得分91分。", ""])
    for t in (text, collapse(text)):
        got = [(p.name, p.funds.annual_budget, p.score) for p in extractor.extract_text(t, mode="parser").projects]
        assert got == [("道路清扫保洁项目", 300000.0, 95.0), ("公厕管护项目", 120000.0, 91.0)]


WORDED = "\n".join([
    "示例市交通运输局2023年度公共自行车运营维护项目支出绩效自评报告",
    "一、项目概况",
    "公共自行车运营维护项目由示例市交通运输局负责管理，示例市公共交通服务中心承担具体运营维护工作。",
    "二、资金情况",
    "年初预算安排该项目资金80万元，全年预算调整为86万元，全年实际支出81.7万元，预算执行率为95%。",
    "三、自评结论",
    "该项目自评总分88.5分，综合评定为良好。", ""])

COVER = "\n".join([
    "城乡居民医疗保险经办服务项目支出绩效自评报告",
    "（2023年度）",
    "项目单位（盖章）：示例县医疗保障事务中心",
    "主管部门：示例县医疗保障局",
    "本项目全年预算数为1,860,000元，全年执行数为1,785,600元，执行率为96%。", ""])


def test_units_funds_and_grade_in_other_words(extractor):
    (p,) = extractor.extract_text(WORDED, mode="parser").projects
    assert p.name == "公共自行车运营维护项目"
    assert (p.department, p.implementer) == ("示例市交通运输局", "示例市公共交通服务中心")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (800000.0, 860000.0, 817000.0)
    assert (p.score, p.grade) == (88.5, "良")


def test_project_unit_label_on_a_report_cover(extractor):
    (p,) = extractor.extract_text(COVER, mode="parser").projects
    assert p.name == "城乡居民医疗保险经办服务项目"
    assert (p.department, p.implementer) == ("示例县医疗保障局", "示例县医疗保障事务中心")


# ---- round invr: how real county/city/provincial pages differ from the forms above


def test_a_project_named_in_quotes_deep_in_a_final_accounts_page(extractor):
    """A 部门决算公开 page carries one project's self-evaluation in a paragraph, the project named only in quotes (an
    工程); the page heading's unit is its department, the department-wide evaluation after it is no project."""
    text = "\n".join([
        "示例县文化和旅游局2023年度部门决算公开", "一、收入支出决算总体情况说明", "2023年度收、支总计1,250.60万元。",
        "二、预算绩效管理情况", "本部门对本年度一般公共预算项目支出全面开展绩效自评，共涉及项目6个。",
        "本部门选取“乡村文化广场提升工程”进行绩效自评结果公开。该项目全年资金到位150万元，全年支出142.5万元。"
        "项目绩效自评综合得分为91分，评价等级为优。项目全年完成文化广场改造12个，年度目标12个；群众满意度95%，年度目标90%。",
        "本部门2023年度部门整体支出绩效自评得分为93分，等级为优。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.department, p.funds.annual_budget, p.funds.executed, p.score) == (
        "乡村文化广场提升工程", "示例县文化和旅游局", 1500000.0, 1425000.0, 91.0)
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [
        ("文化广场改造", "12个", "12个"), ("群众满意度", "90%", "95%")]


def test_a_generic_title_and_a_quoted_project_announced_after_attachment_links(extractor):
    text = "\n".join([
        "示例县水利局2023年度项目支出绩效自评报告", "附件下载：", "1.绩效自评表（山塘整治工程）.pdf",
        "我局对2023年度实施的“山塘整治工程”开展了绩效自评。项目由示例县水利工程建设中心具体实施。",
        "2023年度安排预算资金300万元，完成支出288万元。",
        "（一）产出指标。数量指标方面，整治山塘数量目标20座，实际完成21座。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.department, p.implementer, p.funds.annual_budget, p.funds.executed) == (
        "山塘整治工程", "示例县水利局", "示例县水利工程建设中心", 3000000.0, 2880000.0)
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == [("数量指标", "整治山塘数量", "20座", "21座")]


def test_a_provinces_regional_report_in_yi_yuan_under_a_site_name_line(extractor):
    """A province's 区域绩效自评报告: 区域 is the report's word, the site-name line names no unit, amounts in 亿元,
    the cities' figures are not the fund's."""
    text = "\n".join([
        "示例省教育厅 门户网站", "示例省2023年度中央学生资助补助经费区域绩效自评报告",
        "截至2023年12月31日，全省共到位资金2.4亿元，累计支出2.28亿元，资金执行率95%。",
        "甲市到位3,200万元，支出3,100万元。", "经自评，区域绩效自评得分为94分，等级为“优”。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.department, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate, p.score) == (
        "中央学生资助补助经费", None, 240000000.0, 228000000.0, 95.0, 94.0)


def test_a_finance_bureaus_notice_of_several_projects_results(extractor):
    """Headings of projects whose name opens with the level funding them (市级…项目) open projects; a heading that
    is only a funds source (市级配套资金) still does not."""
    text = "\n".join([
        "示例市财政局关于2023年度市级项目支出绩效自评结果的公告", "二、重点项目自评结果", "（一）市级文化惠民补助项目",
        "主管部门：示例市文化广电和旅游局。项目全年预算100万元，执行98万元，执行率98%。自评得分95分，等级为优。",
        "（二）市级科技特派员补助项目",
        "主管部门：示例市科学技术局。项目全年预算60万元，执行54万元，执行率90%。自评得分86分，等级为良。", ""])
    got = [(p.name, p.department, p.funds.executed, p.score, p.grade)
           for p in extractor.extract_text(text, mode="parser").projects]
    assert got == [("市级文化惠民补助项目", "示例市文化广电和旅游局", 980000.0, 95.0, "优"),
                   ("市级科技特派员补助项目", "示例市科学技术局", 540000.0, 86.0, "良")]


def test_units_in_words_organising_and_referring_to_many(extractor):
    """由某局组织实施 names the implementer; 由各县（区）…组织…具体实施 names none (各 refers to many units)."""
    one = ("示例县2023年度耕地保护项目绩效自评报告\n项目由示例县自然资源局组织实施。\n"
           "全年预算数为40万元，全年执行数为40万元。\n")
    many = ("示例市2023年度校舍维修专项资金绩效自评报告\n由各县（区）教育部门组织项目学校具体实施。\n"
            "全年预算数为40万元，全年执行数为40万元。\n")
    assert extractor.extract_text(one, mode="parser").projects[0].implementer == "示例县自然资源局"
    assert extractor.extract_text(many, mode="parser").projects[0].implementer is None


def test_a_hard_wrapped_report_reads_its_indicators_and_grade(extractor):
    """Lines broken every ~20 characters, mid-word (a PDF or a fixed-width page), the title over two lines."""
    text = "\n".join([
        "关于2023年度农村饮水安全巩固提升资金", "绩效自评报告", "我县对2023年度农村饮水安全巩固提",
        "升资金开展了绩效自评。全年预算数为300万元，全年执", "行数为285万元。", "1.产出指标。新建供水管网长度年度目",
        "标40公里，实际完成42公里；水质检测合格率年度目标≥95%，实际", "完成97%。", "经综合评价，该项资金自评得分为92分，自评等",
        "级为优。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.score, p.grade) == ("农村饮水安全巩固提升资金", 92.0, "优")
    assert [(i.level1, i.name, i.target, i.actual) for i in p.indicators] == [
        ("产出指标", "新建供水管网长度", "40公里", "42公里"), ("产出指标", "水质检测合格率", "≥95%", "97%")]


def test_bare_figures_under_a_unit_line(extractor):
    text = "\n".join([
        "2023年度某县乡村振兴补助资金项目绩效自评报告", "项目名称：示例村茶叶加工厂建设项目", "单位：万元",
        "一、项目资金情况", "年初预算数：80.00　全年预算数：96.00　全年执行数：93.12　执行率：97%", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        "示例村茶叶加工厂建设项目", 800000.0, 960000.0, 931200.0, 97.0)


def _lone_table(text: str, source: str, **funds):
    from jixiao.pipelines.parsed import ParsedFunds, ParsedProject, Span

    spans = {f: Span(text=v, start=text.index(v), end=text.index(v) + len(v)) for f, v in funds.items()}
    return ParsedProject(source=source, start=0, end=len(text), name=Span(text="示例项目", start=0, end=4),
                         funds=ParsedFunds(factor=10000.0, **spans))


def test_a_lone_table_takes_the_funds_its_prose_states_where_they_agree():
    """A table reading that lost figures of its funds row takes them from the report's labeled statements, when the
    figures both give agree (the same report read twice); a statement that disagrees fills nothing."""
    from jixiao.pipelines.prose_fills import fill_lone_funds

    text = "单位：万元\n年初预算数：80.00　全年预算数：96.00　全年执行数：93.12　执行率：97%\n"
    table = _lone_table(text, "flat", executed="93.12")
    fill_lone_funds(text, [table])
    assert (float(table.funds.initial.text), float(table.funds.annual.text)) == (80.0, 96.0)
    other = _lone_table(text, "flat", executed="80.00")  # (read as 80: the statements are another figure's)
    fill_lone_funds(text, [other])
    assert other.funds.initial is None and other.funds.annual is None


def test_a_lone_collapsed_table_takes_the_score_its_report_states():
    """A table read from collapsed text spans the sentences after it: the report's score sentence is searched there."""
    from jixiao.pipelines.prose_merge import fill_lone_score

    text = "项目名称 示例项目 年度资金总额 10 10 100% 四、自评结论 项目自评得分为93分，评价等级为优。"
    table = _lone_table(text, "flat")
    fill_lone_score(text, [table])
    assert (table.score.text, table.grade.text) == ("93", "优")
    inside = _lone_table(text, "table")  # (a table bounded by its lines: its own span is not searched)
    fill_lone_score(text, [inside])
    assert inside.score is None


def test_a_grade_in_brackets_after_the_score_and_funds_the_counties_received(extractor):
    text = "\n".join([
        "示例市2023年度困难群众救助补助资金（市对县转移支付）绩效自评报告",
        "市级财政安排救助补助资金1,200万元，下达至4个县（区）。各县（区）收到资金1,200万元，实际支出1,140万元，资金执行率95%。",
        "自评结果：90.5分（优）。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.funds.annual_budget, p.funds.executed, p.score, p.grade) == (
        "困难群众救助补助资金（市对县转移支付）", 12000000.0, 11400000.0, 90.5, "优")


def test_a_title_saying_qingkuang_and_amounts_in_wan_without_yuan(extractor):
    text = ("2023年度城乡环卫保洁项目绩效自评情况\n项目全年预算资金120万，实际支出117.6万，执行率98%。\n"
            "综合评分94分，等级：优秀。\n")
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.funds.annual_budget, p.funds.executed, p.score, p.grade) == (
        "城乡环卫保洁项目", 1200000.0, 1176000.0, 94.0, "优")


def test_a_cover_block_of_labels_with_their_values_on_the_next_line(extractor):
    text = "\n".join(["示例镇人民政府", "项目支出绩效自评报告", "项目名称", "农村公厕管护补助", "主管部门", "示例县农业农村局",
                      "实施单位", "示例镇人民政府", "一、项目资金情况", "2023年该项目全年预算数12万元，全年执行数12万元，执行率100%。",
                      "三、自评结论", "自评总分：96分。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.department, p.implementer, p.funds.annual_budget, p.score) == (
        "农村公厕管护补助", "示例县农业农村局", "示例镇人民政府", 120000.0, 96.0)


def test_reports_whose_line_breaks_were_lost(extractor):
    """Web copy with its line breaks lost (collapsed): the headings before each first item run into its name (a
    bullet, a section ordinal, a bracketed level, an item number after a space), and a line wrap became a space inside
    a word (实际完 成42公里)."""
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "示例县2023年度农村道路养护项目绩效自评报告", "全年预算数为50万元，全年执行数为49万元。", "Ⅲ.绩效指标完成情况",
        "◆产出指标", "■养护里程：目标40公里，实际完", "成42公里。", "（二）质量指标", "路况优良率达到86%，超过年度目标（85%）。",
        "（三）效益指标", "【社会效益指标】群众出行时间：目标明显缩短，完成明显缩短。", "自评得分95分。", ""])
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in p.indicators] == [
        ("产出指标", None, "养护里程", "40公里", "42公里"),
        ("产出指标", "质量指标", "路况优良率", "85%", "86%"),
        ("效益指标", "社会效益指标", "群众出行时间", "明显缩短", "明显缩短")]


def test_result_lines_of_a_collapsed_report(extractor):
    from jixiao.eval.variants import collapse

    text = "\n".join([
        "示例镇2023年度村庄保洁项目绩效自评报告", "全年预算数为20万元，全年执行数为20万元。", "（二）年度绩效目标",
        "产出指标：保洁覆盖村数10个；垃圾清运及时率≥95%。", "三、绩效目标实现情况", "（一）产出指标完成情况",
        "1.保洁覆盖村数：完成10个，得10分。", "2.垃圾清运及时率：达到97%，得10分。", "自评得分96分。", ""])
    (p,) = extractor.extract_text(collapse(text), mode="parser").projects
    assert [(i.level1, i.name, i.target, i.actual, i.score) for i in p.indicators] == [
        ("产出指标", "保洁覆盖村数", "10个", "10个", 10.0), ("产出指标", "垃圾清运及时率", "≥95%", "97%", 10.0)]


def test_a_project_code_printed_as_a_labeled_line(extractor):
    text = "\n".join(["2023年度示例县乡村振兴补助资金项目绩效自评报告", "项目编码：532500231100000001234",
                      "项目名称：示例村蔬菜大棚建设项目", "全年预算数为60万元，全年执行数为58.2万元，执行率97%。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.code) == ("示例村蔬菜大棚建设项目", "532500231100000001234")


def test_a_lone_table_takes_the_one_code_its_report_prints():
    from jixiao.pipelines.prose_merge import fill_lone_code

    text = "项目编码：532500231100000001234 项目名称 示例项目 年度资金总额 10 10 100%"
    table = _lone_table(text, "flat")
    fill_lone_code(text, [table])
    assert table.code.text == "532500231100000001234"
    two = "项目编码：5325002311 …… 项目编码：5325002399"
    other = _lone_table(two, "flat")
    fill_lone_code(two, [other])
    assert other.code is None  # (two codes printed: which is the table's is not known)


@pytest.mark.parametrize("sentence, annual", [
    ("年初预算安排1280万元，年中追加后调整预算为1356.4万元，全年实际支出1302.15万元，预算执行率96%。", 13564000.0),
    ("中央财政下达资金68452万元，省级配套5000万元，全年预算数合计73452万元。全年执行数70367.02万元，预算执行率95.8%。",
     734520000.0),
])
def test_the_adjusted_budget_and_the_budgets_total_in_other_words(sentence, annual):
    from jixiao.pipelines.extract import Extractor

    text = f"关于2023年度示例县农机购置补贴项目绩效自评情况的报告\n一、项目基本情况\n{sentence}\n二、自评结论\n自评得分95分。\n"
    [p] = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects
    assert p.funds.annual_budget == annual


def test_a_project_named_only_by_its_full_name_in_quotes():
    from jixiao.pipelines.extract import Extractor

    text = ("示例市市场监督管理局2023年度项目支出绩效自评报告\n一、项目概况\n为加强特种设备安全监管，我局继续实施监察工作，"
            "项目全称为“特种设备安全监察经费”，具体实施单位为示例市特种设备检验所。\n"
            "项目资金情况：年初预算安排86万元，全年预算数86万元，全年实际支出82.56万元，预算执行率96%。\n")
    [p] = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects
    assert p.name == "特种设备安全监察经费" and p.funds.annual_budget == 860000.0


def test_the_score_after_a_deduction_is_the_projects():
    from jixiao.pipelines.extract import Extractor

    text = ("关于2023年度以工代赈产业路建设项目绩效自评情况的报告\n一、项目概况\n项目年初预算安排120万元，全年预算数120万元，"
            "全年实际支出118万元，预算执行率98.3%。\n二、自评结论\n对照评分标准，该项目自评总分100分，扣4分，最终得分96分，自评等级为优。\n")
    [p] = Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects
    assert (p.score, p.grade) == (96, "优")


def test_the_one_project_announced_under_a_generic_title_owns_its_indicator_sentences(extractor):
    # (the title names the unit's 专项资金 only; the project is named in the announcing sentence)
    text = "\n".join([
        "示例县农业农村局2023年度专项资金绩效自评报告",
        "我局对高标准农田建设项目开展了绩效自评，现将有关情况报告如下：",
        "2023年该项目全年预算数300万元，实际支出294万元，执行率98%。",
        "（一）数量指标",
        "（1）新建高标准农田面积，年度目标2000亩，实际完成2050亩，分值10分，得分10分。",
        "该项目最终得分96分，自评等级为优。", ""])
    rec = extractor.extract_text(text, mode="parser")
    assert [p.name for p in rec.projects] == ["高标准农田建设项目"]
    assert [(i.name, i.target, i.actual) for i in rec.projects[0].indicators] == [("新建高标准农田面积", "2000亩", "2050亩")]


def test_amounts_printed_before_their_words(extractor):
    text = "\n".join([
        "示例县2023年度城区积水点改造项目绩效自评报告",
        "1,260万元的年初预算于2023年2月下达，全年预算1,380万元；1,352.4万元已实际支付。", ""])
    funds = extractor.extract_text(text, mode="parser").projects[0].funds
    assert (funds.initial_budget, funds.annual_budget, funds.executed) == (12600000.0, 13800000.0, 13524000.0)


def test_a_page_title_bar_over_the_reports_own_title_keeps_the_section_stating_the_facts(extractor):
    text = "\n".join([
        "示例市财政局 政府信息公开 2023年度部门项目绩效自评报告（数字经济专项）",
        "示例市数字经济专项资金2023年度绩效自评报告",
        "项目名称：数字经济高质量发展专项资金",
        "项目年初预算2000万元，全年预算调整为1850万元，实际执行1831.5万元，预算执行率99.0%。",
        "经自评，本项目综合得分95.2分，评价等级为优秀。", ""])
    rec = extractor.extract_text(text, mode="parser")
    assert [(p.name, p.funds.annual_budget, p.score) for p in rec.projects] == [
        ("数字经济高质量发展专项资金", 18500000.0, 95.2)]


def test_a_score_in_brackets_after_the_grade(extractor):
    text = "示例县2023年度农村公路养护资金绩效自评报告\n全年预算1850万元，实际支出1798.2万元。\n自评结果：优（92分）。\n"
    assert extractor.extract_text(text, mode="parser").projects[0].score == 92.0


def test_one_sentence_announcing_two_projects_that_their_headings_name(extractor):
    text = "\n".join([
        "示例市林业和草原局", "2023年度项目支出绩效自评报告",
        "我局组织对2023年度森林防火专项经费和退化林修复项目开展了绩效自评，现将有关情况报告如下。",
        "一、森林防火专项经费", "1.项目名称：2023年森林防火专项经费", "2.资金情况：全年预算数230万元，全年执行数224.48万元。",
        "该项目自评得分96.5分，评价等级为优。",
        "二、退化林修复项目", "1.项目名称：2023年退化林修复项目", "2.资金情况：全年预算数680万元，全年执行数612万元。",
        "该项目自评得分88分，评价等级为良。", ""])
    rec = extractor.extract_text(text, mode="parser")
    assert [(p.name, p.score) for p in rec.projects] == [("2023年森林防火专项经费", 96.5), ("2023年退化林修复项目", 88.0)]


def test_bare_figures_under_a_unit_said_in_a_sentence_end_at_a_comma(extractor):
    text = "\n".join([
        "示例县市场监督管理局2023年度食品安全抽检经费项目支出绩效自评报告",
        "项目名称为食品安全抽检经费，主管部门为示例县市场监督管理局，资金单位为万元。",
        "年度资金总额：年初预算数为120.00，全年预算数为1,280.50，全年执行数为125.44，执行率为98.00%。",
        "其中：上年结转资金：年初预算数为0，全年预算数为0，全年执行数为0。", ""])
    funds = extractor.extract_text(text, mode="parser").projects[0].funds
    assert (funds.initial_budget, funds.annual_budget, funds.executed) == (1200000.0, 12805000.0, 1254400.0)


def test_links_to_other_reports_do_not_make_a_report_department_wide(extractor):
    # (a 部门整体 report's title in 上一篇 and a bulleted 部门预算 link are the page's, not this report's)
    text = "\n".join([
        "相关信息", "· 示例县教育体育局2024年部门预算",
        "【摘要】示例县教育体育局对2023年度校舍改造补助资金开展了绩效自评。",
        "该项目全年预算1380万元，全年支出1338.6万元。",
        "数量指标方面，改造校舍面积年度指标值为≥3200平方米，实际完成3350平方米。",
        "上一篇：示例县教育体育局2023年度部门整体支出绩效自评报告", ""])
    rec = extractor.extract_text(text, mode="parser")
    assert [(p.name, [i.name for i in p.indicators]) for p in rec.projects] == [("校舍改造补助资金", ["改造校舍面积"])]


def test_one_unit_both_department_and_implementer_and_a_total_score_word(extractor):
    text = "\n".join([
        "示例县2023年度城区排水管网维护经费绩效自评报告",
        "本项目的主管部门和实施单位均为示例县住房和城乡建设局。全年预算资金300万元，全年执行291万元，执行率97%。",
        "预算执行得9.7分，总得分96.7分，评定等级“优”。", ""])
    project = extractor.extract_text(text, mode="parser").projects[0]
    assert (project.department, project.implementer, project.score) == ("示例县住房和城乡建设局", "示例县住房和城乡建设局", 96.7)


def test_labeled_lines_joined_by_bars_are_prose_not_cells_run_together(extractor):
    rows = [f"指标：{name}｜目标：{t}｜完成：{a}｜分值：{w}｜得分：{s}" for name, t, a, w, s in [
        ("公交站台改造数量", "≥40个", "42个", 20, 20), ("站台验收合格率", "100%", "100%", 20, 20),
        ("改造完成时间", "2023年10月底前", "2023年10月20日", 10, 10)]]
    text = "\n".join(["示例市交通运输局2023年度项目支出绩效自评报告", "【项目名称】公交站台改造提升",
                      "【项目资金】全年预算500,000元，实际支出480,000元，执行率96%。", "▲产出指标", *rows,
                      "综合得分97.6分，自评等级：优。", ""])
    project = extractor.extract_text(text, mode="parser").projects[0]
    assert project.name == "公交站台改造提升" and project.funds.executed == 480000.0
    assert [(i.name, i.target, i.actual, i.score) for i in project.indicators] == [
        ("公交站台改造数量", "≥40个", "42个", 20.0), ("站台验收合格率", "100%", "100%", 20.0),
        ("改造完成时间", "2023年10月底前", "2023年10月20日", 10.0)]


def test_funds_pooled_from_sources_and_a_project_spending_clause():
    from jixiao.pipelines.normalize import normalize_text
    from jixiao.pipelines.prose import ProseParser
    text = ("示例旗2023年度草原防火物资储备项目绩效自评报告\n2023年统筹中央资金300万元、旗本级资金60万元，项目预算共计360万元。"
            "截至2023年底，项目支出3,420,000元，其余18万元结转下年。\n")
    [p] = ProseParser().parse(normalize_text(text))
    # (mixed units are rescaled to yuan in the spans; no rate printed, none computed)
    assert (float(p.funds.annual.text), float(p.funds.executed.text), p.funds.rate) == (3600000.0, 3420000.0, None)


def test_a_lone_table_printing_no_amounts_takes_the_funds_its_prose_states_with_a_rate():
    """An indicator table under a report whose funds are sentences (预算资金共计1,500万元…实际支出1,380万元，预算执行率
    92%): the stated budget and spending where the stated rate agrees with them; that rate replaces one the table
    gives without amounts (the 50-point form's 预算执行率 row prints its 100% target)."""
    from jixiao.pipelines.prose_fills import fill_lone_funds

    text = "该项目预算资金共计1,500万元，实际支出1,380万元，预算执行率92%。\n"
    table = _lone_table(text, "flat")
    table.funds.rate = _lone_table("100%", "flat", rate="100%").funds.rate
    fill_lone_funds(text, [table])
    assert (float(table.funds.annual.text), float(table.funds.executed.text), table.funds.rate.text) == (
        1500.0, 1380.0, "92")
    wrong = "该项目预算资金共计1,500万元，实际支出1,380万元，预算执行率96%。\n"  # (a rate of other figures)
    other = _lone_table(wrong, "flat")
    fill_lone_funds(wrong, [other])
    assert other.funds.annual is None and other.funds.executed is None


def test_an_adjusted_budget_stated_as_adjusted_mid_year(extractor):
    """年中调整为…元 after the 年初预算: the adjusted (annual) budget, in the report's 元."""
    text = "\n".join(["示例区城管局2023年度道路保洁服务项目支出绩效自评报告", "项目名称：道路保洁服务",
                      "项目年初预算880,000元，年中调整为864,000元，全年执行846,720元，执行率98%。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        880000.0, 864000.0, 846720.0, 98.0)


def test_funds_said_as_yi_zhixing_and_the_score_as_heji_defen():
    # (已执行 before the figure; 合计得分 after the marks listed one by one)
    text = ("示例镇2023年村道维修项目绩效自评报告\n"
            "项目年初预算200万元，全年预算200万元，截至12月底已执行190万元，执行率95%。\n"
            "综上，村道维修里程得10分、受益群众满意度得9分，加上预算执行率得分9.5分，合计得分92.5分，自评等级为“优”。\n")
    first = Extractor().extract_text(text, mode="parser").projects[0]
    assert (first.funds.executed, first.funds.execution_rate, first.score) == (1900000.0, 95.0, 92.5)


def test_the_money_a_finance_puts_to_the_fund_is_its_budget_the_money_put_onward_is_not(extractor):
    """省财政安排某专项资金3000万元，已执行…: the fund's budget; 下达各州市… is an allocation to other units."""
    text = "\n".join([
        "示例省应急管理厅2023年度省级应急物资储备专项资金绩效自评报告",
        "2023年省财政安排省级应急物资储备专项资金3000万元，已执行2850万元，执行率95%。",
        "其中下达各州市安排资金1200万元。",
        "数量指标:前置储备库数量≥5个,实际建成5个。", ""])
    (p,) = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        "省级应急物资储备专项资金", 30000000.0, 28500000.0, 95.0)
    initial_only = "示例县2023年度计量能力建设项目绩效自评报告\n项目年初预算安排资金80万元。\n"
    funds = extractor.extract_text(initial_only, mode="parser").projects[0].funds
    assert (funds.initial_budget, funds.annual_budget) == (800000.0, None)  # (年初预算安排: the initial budget only)
def test_a_word_report_takes_its_funds_from_the_tab_table_inside_it(extractor):
    text = "\n".join([
        "示例县图书馆",
        "关于2023年度古籍保护修复经费绩效自评报告",
        "一、项目概况",
        "本项目年初预算40万元，资金使用情况见下表。",
        "单位：万元",
        "资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率",
        "合计\t40.00\t36.00\t35.28\t98.00%",
        "二、绩效目标完成情况",
        "数量指标：预期完成古籍修复300册，实际完成312册。",
        "三、自评结论", "本项目自评得分96分，自评等级为优。", ""])
    rec = extractor.extract_text(text, mode="parser")
    (proj,) = rec.projects
    assert proj.name == "古籍保护修复经费"
    f = proj.funds
    assert (f.initial_budget, f.annual_budget, f.executed, f.execution_rate) == (400000.0, 360000.0, 352800.0, 98.0)
    (ind,) = proj.indicators
    assert (ind.level2, ind.name, ind.target, ind.actual) == ("数量指标", "古籍修复", "300册", "312册")
