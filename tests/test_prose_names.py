"""How a prose report names its project (invented excerpts of forms bureaus print): the printed 项目名称, else the
title's project words without the year or the unit, else the paragraph introducing it; numbered project headings of a
department-wide report."""

import pytest

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_names import TITLE, intro_name, title_name

FUNDS = "该项目全年预算数为50万元，全年执行数为48万元，执行率96%。"


def _names(text: str) -> list[str]:
    return [p.name.text for p in ProseParser().parse(normalize_text(text))]


@pytest.mark.parametrize(("title", "name"), [
    # the year after the project's words
    ("关于河滨公园绿化养护项目2023年度绩效自评报告", "河滨公园绿化养护项目"),
    # a unit before the project's words, no year between them (with or without a space)
    ("示例市市场监督管理局计量器具强制检定项目绩效自评报告", "计量器具强制检定项目"),
    ("示例市市场监督管理局 计量器具强制检定项目绩效自评报告", "计量器具强制检定项目"),
    # a facility's name is a project's words, not a unit writing the report
    ("示例县应急指挥中心建设项目绩效自评报告", "示例县应急指挥中心建设项目"),
    # other provinces' words for the report; a page title's site name after 报告_
    ("示例县残疾人联合会残疾人康复救助项目支出绩效自我评价报告_示例县人民政府", "残疾人康复救助项目"),
    ("示例区2023年度城乡医疗救助资金绩效自评价报告", "城乡医疗救助资金"),
    # quotation marks around the whole name are no part of it; a title quoted inside a name is
    ("《示例检测项目》绩效自评报告", "示例检测项目"),
    ("“示例检测项目”绩效自评报告", "示例检测项目"),
    ("关于《2023年度示例检测项目》的绩效自评报告", "示例检测项目"),
    ("示例县市场监督管理局《示例检测项目》绩效自评报告", "示例检测项目"),
    ("《示例县志》编纂出版经费绩效自评报告", "《示例县志》编纂出版经费"),
    # other words for the report: the goals' report, the form and the report together, the use of the funds
    # or the whole of the project as its subject
    ("2023年度示例检测项目绩效目标自评报告", "示例检测项目"),
    ("示例市市场监督管理局2023年度示例检测项目支出绩效自评表及自评报告", "示例检测项目"),
    ("示例市市场监督管理局关于2023年度示例检测项目资金使用情况及绩效自评报告", "示例检测项目"),
    ("示例市市场监督管理局2023年度示例检测项目整体绩效自评报告", "示例检测项目"),
    # line breaks lost: the page's navigation runs into the title (a unit's name after a space opens the title)
    ("示例县人民政府 | 政务公开 | 绩效管理 示例县农业农村局耕地保护补贴资金2023年度绩效自评报告", "耕地保护补贴资金"),
    # a breadcrumb run into a title wrapped after its year: the space after the year is the title's wrap
    ("当前位置:首页 >> 政务公开 >> 财政资金 示例市2023年度生态保护恢复资金 转移支付绩效自评报告", "生态保护恢复资金 转移支付"),
    # the page making the report public after its title (公示, 公告, 公开); 绩效 left out after the project's words
    ("示例市应急管理局2023年度应急物资储备项目绩效自评报告公示", "应急物资储备项目"),
    ("示例市应急管理局2023年度应急物资储备项目绩效自评报告的公告", "应急物资储备项目"),
    ("示例市应急管理局2023年度应急物资储备项目自评报告", "应急物资储备项目"),
    ("示例区2023年度城乡医疗救助资金自评报告", "城乡医疗救助资金"),
])
def test_title_project_words(title, name):
    m = TITLE.search(title)
    assert m is not None and title_name(m).text == name


@pytest.mark.parametrize("title", ["关于示例市应急管理局2023年度应急物资储备项目绩效自评结果的公示",
                                   "示例市应急管理局2023年度应急物资储备项目绩效自评情况公开"])
def test_a_situation_title_made_public_names_its_project(title):
    assert _names(f"{title}\n{FUNDS}") == ["应急物资储备项目"]


def test_title_of_a_unit_names_no_project():
    m = TITLE.search("示例市财政局2023年度项目支出绩效自评报告")
    assert m is not None and title_name(m) is None


def test_printed_project_name_wins_over_the_title_and_the_sentence():
    text = "\n".join([
        "示例区2023年度城乡义务教育公用经费保障资金绩效自评报告",
        "我局对2023年度义务教育公用经费开展了绩效自评。",
        "项目名称：2023年义务教育学校公用经费补助",
        FUNDS, ""])
    # (as printed, its year included: only the title's words drop the year)
    assert _names(text) == ["2023年义务教育学校公用经费补助"]
    # line breaks lost: the sentence after the name's line (该项目由…) is no part of the name
    collapsed = text.replace("\n", " ").replace(
        FUNDS, "该项目由示例区教育局主管，全年预算数为50万元，全年执行数为48万元，执行率96%。")
    assert _names(collapsed) == ["2023年义务教育学校公用经费补助"]


def test_a_fund_report_names_its_fund_by_the_fund_label():
    text = "\n".join(["示例县2023年度专项资金绩效自评报告", "资金名称：农村公路养护补助资金", FUNDS, ""])
    assert _names(text) == ["农村公路养护补助资金"]


def test_title_naming_no_project_over_a_paragraph_introducing_it():
    text = "\n".join([
        "示例区人力资源和社会保障局2023年度部门项目支出绩效自评报告",
        "一、项目基本情况",
        "就业见习补贴项目是我局为促进青年就业设立的民生项目，由示例区就业服务中心具体实施。",
        FUNDS, ""])
    assert _names(text) == ["就业见习补贴项目"]
    assert _names(text.replace("\n", " ")) == ["就业见习补贴项目"]  # (collapsed: the same project)


@pytest.mark.parametrize(("line", "name"), [
    ("农村公路养护工程项目由示例县交通运输局主管。", "农村公路养护工程项目"),
    ("（一）项目概况。城区道路保洁项目系我局经常性项目。", "城区道路保洁项目"),
    ("本项目由示例县交通运输局主管。", None),  # (本项目 names nothing)
    ("部门预算项目由各股室具体实施。", None),
    # collapsed (line breaks become spaces): the paragraph opens after the blank behind its heading, 一、 included
    ("一、项目基本情况 就业见习补贴项目是我局设立的民生项目。", "就业见习补贴项目"),
    ("报告如下： 一、项目基本情况 城区道路保洁项目由示例县城市管理局主管。", "城区道路保洁项目"),
    ("经研究 本项目由示例县交通运输局主管。", None),
    # the unit saying it carries the project out, after a clause's comma
    ("为保障全县食品安全，我局实施了食品安全抽检项目，年初预算50万元。", "食品安全抽检项目"),
])
def test_intro_sentence(line, name):
    found = intro_name(line, 0, len(line))
    assert (found.text if found else None) == name


def test_department_report_carries_its_numbered_key_projects():
    text = "\n".join([
        "示例区住房和城乡建设局2023年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        "2023年部门全年预算5120.6万元，全年支出4987.46万元。",
        "三、重点项目绩效情况",
        "1.城市排水设施运维项目",
        "该项目全年预算720万元，全年执行705.6万元，执行率98%。该项目自评得分97分。",
        "2.老旧小区改造前期工作经费",
        "该项目全年预算85万元，全年执行62.3万元，执行率73.29%，项目自评得分82分，等级为良。",
        "四、部门整体自评结果",
        "我局部门整体支出绩效自评得分93.6分，评价等级为优。", ""])
    projects = ProseParser().parse(normalize_text(text))
    assert [p.name.text for p in projects] == ["城市排水设施运维项目", "老旧小区改造前期工作经费"]
    assert [p.score.text for p in projects] == ["97", "82"]
    assert projects[0].grade is None and projects[1].grade.text == "良"


def test_title_and_sentence_naming_alike_keep_the_sentences():
    text = "\n".join([
        "示例县农业农村局2023年度耕地地力保护补贴专项资金绩效自评报告",
        "我局对2023年度耕地地力保护补贴专项资金开展了绩效自评。",
        "全年预算数1,000,000元，全年执行数990,000元，执行率99%。",
        "（一）产出指标。数量指标:补贴发放面积≥52万亩,实际发放52.36万亩。", ""])
    (project,) = ProseParser().parse(normalize_text(text))
    assert project.name.text == "耕地地力保护补贴专项资金"
    assert [(i.name.text, i.target[0].text, i.actual.text) for i in project.indicators] == [
        ("补贴发放面积", "≥52万亩", "52.36万亩")]


def test_a_phrase_repeated_in_indicator_sentences_names_no_project():
    text = "\n".join([
        "二、绩效目标完成情况",
        "检验检测能力提升项目全年预算数为60万元，全年执行数为57万元。",
        "1.食品抽检项目数量，目标值1200批次，完成值1260批次，分值10，得分10。",
        "2.抽检项目覆盖率，目标值100%，完成值100%，分值10，得分10。",
        "检验检测能力提升项目自评得分95分。", ""])
    assert _names(text) == ["检验检测能力提升项目"]


@pytest.mark.parametrize(("title", "name"), [
    ("关于报送2023年度食品安全抽检监测项目绩效自评报告的报告", "食品安全抽检监测项目"),
    ("关于报送食品安全抽检监测项目绩效自评报告的函", "食品安全抽检监测项目"),
])
def test_a_letter_sending_the_report(title, name):
    m = TITLE.search(title)
    assert m is not None and title_name(m).text == name


def test_each_section_named_by_its_own_printed_project_name():
    text = "\n".join([
        "示例县司法局2023年度项目支出绩效自评报告",
        "（一）“八五”普法宣传经费",
        "项目名称：“八五”普法宣传经费",
        "资金情况：全年预算数22万元，全年执行数21.56万元，执行率98%。",
        "（二）人民调解员以案定补经费",
        "项目名称：2023年人民调解员以案定补经费",
        "资金情况：全年预算数74.8万元，全年执行数70.31万元，执行率94%。", ""])
    assert _names(text) == ["“八五”普法宣传经费", "2023年人民调解员以案定补经费"]


FUNDS_AND_SCORE = "一、项目基本情况\n该项目全年预算数为50万元，全年执行数为48万元，执行率96%。\n二、自评结论\n该项目自评得分95分。\n"


@pytest.mark.parametrize("head", [
    "示例县2023年度农村饮水安全工程维修养护\n项目绩效自评报告",  # a centred title broken by the page
    "示例县水利局\n2023年度\n农村饮水安全工程维修养护项目\n绩效自评报告",
    "示例县水利局2023年度项目支出绩效自评报告\n——农村饮水安全工程维修养护项目",  # a subtitle under a generic title
])
def test_titles_wrapped_over_lines_or_with_a_subtitle(head):
    assert _names(head + "\n" + FUNDS_AND_SCORE) == ["农村饮水安全工程维修养护项目"]


def test_title_words_without_the_use_of_the_funds():
    m = TITLE.search("示例县2023年度农村饮水安全维修养护专项资金使用绩效自评报告")
    assert title_name(m).text == "农村饮水安全维修养护专项资金"


@pytest.mark.parametrize("count", ["2个重点项目", "两个重点项目", "3项重点项目", "2个专项资金"])
def test_a_count_of_projects_names_none_and_the_headings_open_them(count):
    # a 部门整体 report: 对2个重点项目开展了绩效自评, then one section a project, each with its 项目名称 line; the
    # department-wide figures and score before them are no project's
    text = "\n".join([
        "示例市林业局2023年度部门整体支出绩效自评报告",
        "二、部门整体支出情况",
        "2023年度部门收入合计1620.4万元，支出合计1598.2万元，部门预算执行率98.6%。",
        "部门整体指标自评得分91.5分，等级为优。",
        "四、重点项目绩效自评情况",
        f"我局对{count}开展了绩效自评，具体如下：",
        "（一）森林防火物资储备项目",
        "项目名称：森林防火物资储备项目",
        "资金情况：全年预算120万元，全年执行116.4万元，预算执行率97%。",
        "（1）产出指标—数量指标—储备扑火机具数量：年度指标值≥300台，全年实际值312台，分值15分，得分15分。",
        "项目自评得分95分，自评等级为优。",
        "（二）古树名木保护经费",
        "项目名称：2023年古树名木保护经费",
        "资金情况：全年预算36万元，全年执行30.6万元，预算执行率85%。",
        "（1）产出指标—质量指标—古树复壮成活率：年度指标值≥95%，全年实际值96%，分值10分，得分10分。",
        "项目自评得分86分，自评等级为良。", ""])
    projects = ProseParser().parse(normalize_text(text))
    assert [p.name.text for p in projects] == ["森林防火物资储备项目", "2023年古树名木保护经费"]
    assert [p.score.text for p in projects] == ["95", "86"]
    assert [[i.name.text for i in p.indicators] for p in projects] == [["储备扑火机具数量"], ["古树复壮成活率"]]
    assert [p.funds.rate.text for p in projects] == ["97", "85"]


@pytest.mark.parametrize("units", [
    "中央主管部门：国家林业和草原局\n地方主管部门：示例县林业和草原局\n资金使用单位：示例县国有林场",
    "中央主管部门：国家林业和草原局；地方主管部门：示例县林业和草原局；资金使用单位：示例县国有林场。",
    "中央主管部门为国家林业和草原局，地方主管部门为示例县林业和草原局，资金使用单位为示例县国有林场。",
    "中央主管部门：国家林业和草原局  地方主管部门：示例县林业和草原局  资金使用单位（盖章）：示例县国有林场",
])
@pytest.mark.parametrize("executed", ["全年执行资金", "全年实际执行资金", "累计支出资金", "全年共支出", "实际使用资金"])
def test_a_transfer_payments_local_department_and_the_unit_using_the_funds(units, executed):
    text = "\n".join([
        "示例县2023年度中央财政林业改革发展资金区域绩效自评报告",
        "一、基本情况",
        "转移支付名称：林业改革发展资金（森林抚育）",
        units,
        "二、资金情况",
        f"全年预算资金860万元，全部到位。截至2023年12月31日，{executed}842.8万元。",
        "三、自评结论",
        "该项转移支付资金区域绩效自评得分92分，自评等级为优。", ""])
    (p,) = ProseParser().parse(normalize_text(text))
    assert p.name.text == "林业改革发展资金(森林抚育)"  # (NFKC)
    assert (p.department.text, p.implementer.text) == ("示例县林业和草原局", "示例县国有林场")
    assert (p.funds.annual.text, p.funds.executed.text) == ("860", "842.8")


KEY_PROJECTS = [
    "项目名称：森林防火物资储备项目", "实施单位：示例市森林消防大队",
    "资金情况：全年预算120万元，全年执行116.4万元，预算执行率97%。",
    "（1）产出指标—数量指标—储备扑火机具数量：年度指标值≥300台，全年实际值312台，分值15分，得分15分。",
    "项目自评得分95分，自评等级为优。",
    "项目名称：2023年古树名木保护经费", "实施单位：示例市林业技术推广站",
    "资金情况：全年预算36万元，全年执行30.6万元，预算执行率85%。",
    "（1）产出指标—质量指标—古树复壮成活率：年度指标值≥95%，全年实际值96%，分值10分，得分10分。"]
WHOLE_UNIT = ["示例市林业局2023年度部门整体支出绩效自评报告", "二、部门整体支出情况",
              "2023年度部门收入合计1620.4万元，支出合计1598.2万元，部门预算执行率98.6%。", "四、重点项目绩效自评情况"]


@pytest.mark.parametrize("heads", [
    ("", ""),  # no heading: each 项目名称 line opens its project's section
    ("重点项目一：森林防火物资储备项目", "重点项目二：古树名木保护经费"),
    ("项目一、森林防火物资储备项目", "项目二、古树名木保护经费"),
])
def test_key_projects_opened_by_their_name_lines_or_numbered_in_words(heads):
    first, second = (h for h in heads)
    body = [first, *KEY_PROJECTS[:5], second, *KEY_PROJECTS[5:]]
    text = "\n".join([*WHOLE_UNIT, *(line for line in body if line),
                      "五、部门整体自评结论", "部门整体支出绩效自评得分91.5分，等级为优。", ""])
    projects = ProseParser().parse(normalize_text(text))
    assert [p.name.text for p in projects] == ["森林防火物资储备项目", "2023年古树名木保护经费"]
    assert [[i.name.text for i in p.indicators] for p in projects] == [["储备扑火机具数量"], ["古树复壮成活率"]]
    # the department's own rate, score and grade are no project's (the second prints none of its own)
    assert [p.funds.rate.text for p in projects] == ["97", "85"]
    assert [(p.score.text if p.score else None, p.grade.text if p.grade else None) for p in projects] == [
        ("95", "优"), (None, None)]


def test_one_projects_name_printed_twice_opens_one_project():
    text = "\n".join(["示例县2023年度项目支出绩效自评报告", "项目名称：古树名木保护经费", "实施单位：示例县林业站",
                      "一、项目基本情况", "项目名称：2023年古树名木保护经费", FUNDS, ""])
    assert _names(text) == ["古树名木保护经费"]


def test_collapsed_sections_take_their_own_implementer():
    # line breaks lost (a page read as one line): the second section's 实施单位 is its own, not the first one's
    text = " ".join([*WHOLE_UNIT, "（一）森林防火物资储备项目", *KEY_PROJECTS[:5], "（二）古树名木保护经费", *KEY_PROJECTS[5:]])
    projects = ProseParser().parse(normalize_text(text))
    assert [(p.name.text, p.implementer.text) for p in projects] == [
        ("森林防火物资储备项目", "示例市森林消防大队"), ("2023年古树名木保护经费", "示例市林业技术推广站")]


def test_a_kind_of_money_alone_names_no_project_and_a_two_line_title_does():
    from jixiao.pipelines.prose_names import title_matches, title_name, wrapped_title
    text = "示例市2023年度湿地生态保护补偿资金\n转移支付绩效自评报告\n一、基本情况\n"
    # (the title line alone names a kind of money: it reads on from the line above, as the wrapped title does)
    assert [title_name(m).text for m in title_matches(text, 0, len(text))] == ["湿地生态保护补偿资金转移支付"]
    assert wrapped_title(text, 0, len(text))[1].text == "湿地生态保护补偿资金转移支付"


def test_a_summary_title_is_a_title():
    from jixiao.pipelines.prose_names import title_matches, title_name
    text = "示例县交通运输局2023年度农村公路养护资金绩效自评综述\n（一）项目基本情况\n"
    assert [title_name(m).text for m in title_matches(text, 0, len(text))] == ["农村公路养护资金"]


def test_the_unit_carrying_out_the_project_introduces_it():
    from jixiao.pipelines.prose_names import intro_name
    text = "（一）项目概况。2023年，我局牵头实施城区积水点改造提升项目，在主城区改造积水点18处。\n"
    assert intro_name(text, 0, len(text)).text == "城区积水点改造提升项目"


def test_a_breadcrumb_run_into_the_title_where_line_breaks_were_lost():
    from jixiao.pipelines.prose_names import title_matches, title_name
    text = "您当前的位置：首页 > 信息公开 > 财政资金 示例县民政局困难群众救助补助资金绩效自评报告（2023年度） 作者：县民政局"
    assert [title_name(m).text for m in title_matches(text, 0, len(text))] == ["困难群众救助补助资金"]


def test_the_unit_carrying_out_the_project_introduces_it_after_a_sentence_in_collapsed_text():
    from jixiao.pipelines.prose_names import intro_name
    text = "一、项目基本情况 （一）项目概况。2023年，我局牵头实施城区积水点改造提升项目，在主城区改造积水点18处。"
    assert intro_name(text, 0, len(text)).text == "城区积水点改造提升项目"


def test_a_titles_year_inside_the_project_words_is_left_out():
    from jixiao.pipelines.prose_names import title_matches, title_name
    names = []
    for t in ("示例县农村饮水工程2023年度维修养护补助资金绩效自评报告", "示例县农业农村局2023年度高标准农田项目绩效自评报告",
              "河北省示例市2023年度农村公路项目绩效自评报告"):
        names += [title_name(m).text for m in title_matches(t, 0, len(t))]
    assert names == ["农村饮水工程维修养护补助资金", "高标准农田项目", "农村公路项目"]


def test_a_name_field_ends_at_the_next_numbered_label_where_line_breaks_were_lost():
    from jixiao.pipelines.prose_names import name_field
    text = "一、项目基本情况 （一）项目名称：2023年城市照明设施运行维护经费 （二）主管部门：示例市城市管理执法局"
    assert name_field(text, 0, len(text)).text == "2023年城市照明设施运行维护经费"


def test_a_name_field_in_brackets_and_one_written_as_a_sentence():
    from jixiao.pipelines.prose_names import name_field
    text = "我局组织对创新券补助资金（项目名称：科技型中小企业创新券兑付项目）开展了绩效自评。"
    assert name_field(text, 0, len(text)).text == "科技型中小企业创新券兑付项目"
    text = "项目名称为食品安全抽检监测经费，主管部门为示例县市场监督管理局，资金单位为万元。"
    assert name_field(text, 0, len(text)).text == "食品安全抽检监测经费"


def test_the_xiangmu_of_xiangmu_zhichu_after_a_funds_name_is_the_reports_word():
    from jixiao.pipelines.prose_names import title_matches, title_name
    names = []
    for t in ("示例县林业局2023年度森林防火专项经费项目支出绩效自评报告", "示例县2023年度社区微改造项目支出绩效自评报告"):
        names += [title_name(m).text for m in title_matches(t, 0, len(t))]
    assert names == ["森林防火专项经费", "社区微改造项目"]  # (a fund is not called 某经费项目; a works project is)


def test_a_generic_title_over_a_body_giving_the_project_a_short_name():
    text = "\n".join([
        "示例县林业局2023年度项目支出绩效自评报告",
        "2023年国有林场防火道路改造工程（以下简称“防火道路工程”）由县林业局主管，县林场管护站实施。",
        "防火道路工程全年预算数为60万元，全年执行数为57万元，执行率95%。", ""])
    projects = ProseParser().parse(normalize_text(text))
    assert [(p.name.text, p.department.text, p.implementer.text) for p in projects] == [
        ("国有林场防火道路改造工程", "县林业局", "县林场管护站")]


def test_a_unit_given_a_short_name_names_no_project():
    text = "\n".join([
        "示例县林业局2023年度项目支出绩效自评报告",
        "示例县国有林场管理局（以下简称“林场局”）负责全县林场管理。", FUNDS, ""])
    assert _names(text) == []


def test_a_quoted_name_field_and_a_name_label_in_square_brackets():
    said = "\n".join(["示例市2023年度项目支出绩效自评报告", "问：这是什么项目？",
                      "答：项目名称为“2023年度创业担保贷款贴息”，主管部门是示例市人力资源和社会保障局。", FUNDS, ""])
    projects = ProseParser().parse(normalize_text(said))
    assert [(p.name.text, p.department.text) for p in projects] == [("2023年度创业担保贷款贴息", "示例市人力资源和社会保障局")]
    bracketed = "\n".join(["示例县2023年度项目支出绩效自评报告", "【项目名称】乡村公路安防设施完善",
                           "【主管部门】示例县交通运输局　【实施单位】示例县公路事务中心", FUNDS, ""])
    projects = ProseParser().parse(normalize_text(bracketed))
    assert [(p.name.text, p.department.text, p.implementer.text) for p in projects] == [
        ("乡村公路安防设施完善", "示例县交通运输局", "示例县公路事务中心")]


@pytest.mark.parametrize(("sentence", "department"), [
    ("主管部门是示例县卫生健康局，实施单位为示例县疾控中心。", "示例县卫生健康局"),
    ("项目实施中，主管部门是否履行监管职责是本次自评的重点。", None),  # (是否: no unit's name follows)
    ("主管部门是项目实施的责任主体。", None),  # (no unit's name: words that end in none)
])
def test_a_department_said_with_shi_only_before_a_units_name(sentence, department):
    text = "\n".join(["2023年度病媒生物防制经费绩效自评报告", sentence, FUNDS, ""])
    projects = ProseParser().parse(normalize_text(text))
    assert (projects[0].department.text if projects[0].department else None) == department


def test_a_cover_block_of_letter_spaced_labels_names_the_project_its_code_and_units():
    from jixiao.pipelines.prose_labels import closed_labels
    text = "\n".join(["项目支出绩效自评报告", "", "项 目 名 称：G219国道三岔口至石门段养护工程", "项 目 编 码：61012423T000001234",
                      "主　管　部　门：示例县交通运输局", "实 施 单 位：示例县公路养护中心", "一、项目概况", FUNDS, ""])
    # (the blanks move before the label: the text keeps its length, the values their offsets)
    closed = closed_labels(text)
    assert len(closed) == len(text) and "   项目名称：G219国道" in closed and "　主管部门：示例县" not in closed
    [p] = ProseParser().parse(normalize_text(text))
    assert (p.name.text, p.code.text, p.department.text, p.implementer.text) == (
        "G219国道三岔口至石门段养护工程", "61012423T000001234", "示例县交通运输局", "示例县公路养护中心")
    # (a sentence's words spaced apart are no label: no colon ends them at the line's start)
    assert closed_labels("全 县 共 有 水 库\n") == "全 县 共 有 水 库\n"


def test_a_title_line_holding_only_the_tail_of_the_name_reads_on_from_the_line_above():
    from jixiao.pipelines.prose_names import title_matches
    text = "示例旗农牧局2023年度牧区防灾减灾物资储备\n专项资金项目支出绩效自评报告\n一、项目基本情况\n" + FUNDS
    assert [title_name(m).text for m in title_matches(text, 0, len(text))] == ["牧区防灾减灾物资储备专项资金"]
    assert _names(text) == ["牧区防灾减灾物资储备专项资金"]
    # (a line above printing no year, a breadcrumb or a unit, is no head of the title's words)
    text = "示例县农牧局\n牧区防灾减灾物资储备专项资金项目支出绩效自评报告\n" + FUNDS
    assert _names(text) == ["牧区防灾减灾物资储备专项资金"]


def test_a_bingtuan_regiment_before_the_year_is_a_place():
    # (第十师, 一八八团: a division or regiment named by its number, like a county)
    for title, name in (("一八八团2023年连队人居环境整治项目绩效自评报告", "连队人居环境整治项目"),
                        ("第十师2023年团场道路养护项目绩效自评报告", "团场道路养护项目")):
        m = TITLE.search(title)
        assert m is not None and title_name(m).text == name


@pytest.mark.parametrize("prose, table", [
    ("高标准农田建设县级配套项目", "2023年高标准农田建设项目（县级配套）"),  # the bracketed qualifier written inline
    ("农村公路养护项目", "农村公路养护项目(2023年度)"),
])
def test_a_summary_naming_the_table_project_with_its_qualifier_inline_is_the_same_project(prose, table):
    from jixiao.pipelines.prose_names import is_duplicate

    assert is_duplicate(prose, table)


def test_different_qualifiers_stay_different_projects():
    from jixiao.pipelines.prose_names import is_duplicate

    assert not is_duplicate("高标准农田建设市级补助项目", "高标准农田建设项目（县级配套）")


@pytest.mark.parametrize("title", ["2023年示例检测项目绩效自评结果", "示例检测项目2023年度绩效自评"])
def test_a_title_line_saying_result_or_nothing_after_the_evaluation(title):
    text = f"{title}\n一、项目基本情况\n本项目年度预算50万元。\n二、绩效目标完成情况\n1、数量指标\n" \
           "1)培训人次(人次),目标值300,完成值320,分值10,得分10。\n"
    assert _names(text) == ["示例检测项目"]


def test_a_department_whole_report_names_no_project_by_its_title():
    m = TITLE.search("示例市市场监督管理局2023年度部门整体支出绩效自评报告")
    assert m is not None and title_name(m) is None


# (invbh: the title forms a report names its one project by, the project words what they keep; examples invented)
@pytest.mark.parametrize(("title", "name"), [
    ("关于2022年度示例检测能力提升项目绩效自评情况的说明", "示例检测能力提升项目"),
    ("示例县防汛物资储备补助资金绩效自评情况说明", "示例县防汛物资储备补助资金"),
    ("标　　题：示例供水工程维修养护补助资金绩效自评结果公开", "示例供水工程维修养护补助资金"),
    ("二〇二二年度示例医疗救助资金自评结果", "示例医疗救助资金"),
])
def test_a_title_saying_shuoming_or_jieguo_names_its_project(title, name):
    assert _names(f"{title}\n我局对本项目开展了绩效自评。\n{FUNDS}") == [name]


def test_a_numbered_heading_saying_ziping_jieguo_is_no_title():
    assert _names(f"三、自评结果\n{FUNDS}") == []


def test_the_announcing_sentence_drops_the_verb_and_the_year_of_use():
    """对某资金2022年度使用情况开展了绩效自评 / 对某项目组织开展了绩效自评: the name ends before them."""
    assert _names(f"我厅对示例防汛补助资金2022年度使用情况开展了绩效自评。\n{FUNDS}") == ["示例防汛补助资金"]
    assert _names(f"我局对示例电梯安全监管项目组织开展了绩效自评。\n{FUNDS}") == ["示例电梯安全监管项目"]
