"""Headings opening the sections of a prose report on several projects, and the heading ending them
(prose_headings), invented examples."""

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.prose import ProseParser


def _read(lines: list[str]):
    return ProseParser().parse(normalize_text("\n".join([*lines, ""])))


def _facts(p) -> tuple:
    f = p.funds
    return (p.name.text, p.department.text if p.department else None,
            p.implementer.text if p.implementer else None,
            tuple(x.text if x else None for x in (f.initial, f.annual, f.executed, f.rate)),
            p.score.text if p.score else None, len(p.indicators))


def test_sub_projects_of_a_fund_headed_as_such_take_the_funds_department_stated_once_above_them():
    projects = _read([
        "某旗2023年草原生态保护补助奖励资金绩效自评报告",
        "该资金地方主管部门为某旗农牧局，分配至两个子项目：禁牧补助300万元、草畜平衡奖励200万元。",
        "（一）子项目一：禁牧补助",
        "项目实施单位：某旗草原站。预算资金300万元，实际支出294万元，预算执行率98%。",
        "产出指标——数量指标：禁牧面积，目标值≥50万亩，完成值51万亩，分值20分，得分20分。",
        "子项目自评得分97分。",
        "（二）子项目二：草畜平衡奖励",
        "项目实施单位：某旗草原监理所。预算资金200万元，实际支出180万元，预算执行率90%。",
        "子项目自评得分88分。",
    ])
    assert [_facts(p) for p in projects] == [
        ("禁牧补助", "某旗农牧局", "某旗草原站", (None, "300", "294", "98"), "97", 1),
        ("草畜平衡奖励", "某旗农牧局", "某旗草原监理所", (None, "200", "180", "90"), "88", 0),
    ]


def test_bulleted_key_project_headings_and_the_departments_totals_after_them():
    projects = _read([
        "某区卫生健康局2023年度部门整体支出绩效自评报告",
        "（二）重点项目支出绩效情况",
        "◆项目1：家庭医生签约服务补助",
        "项目预算资金80万元，实际支出76万元，执行率95%。该项目自评得分94分。",
        "■项目2：院前急救网络运维",
        "项目预算资金50万元，实际支出50万元，执行率100%。该项目自评得分96分。",
        "三、部门整体自评结论",
        "部门年初预算9,000万元，调整后预算9,600万元，全年执行9,408万元，预算执行率98%。",
    ])
    # (the department's 年初预算 after the heading naming the whole unit is no key project's)
    assert [_facts(p)[0::3] for p in projects] == [
        ("家庭医生签约服务补助", (None, "80", "76", "95")), ("院前急救网络运维", (None, "50", "50", "100"))]


def test_a_numbered_list_of_projects_a_paragraph_each_and_a_glossary_is_none():
    projects = _read([
        "某县民政局关于2023年度项目支出绩效自评情况的报告",
        "　　1.困难群众临时救助资金（实施单位：某县社会救助服务中心）。全年预算60万元，实际执行57万元，执行率95%。"
        "救助人次年度目标≥800人次，实际完成842人次。自评得分93分，等级为优。",
        "　　2.养老服务设施运营补助资金。全年预算40万元，实际支出40万元，执行率100%。自评得分96分。",
    ])
    # (the title's unit is the department of each: no 主管部门 printed)
    assert [_facts(p) for p in projects] == [
        ("困难群众临时救助资金", "某县民政局", "某县社会救助服务中心", (None, "60", "57", "95"), "93", 1),
        ("养老服务设施运营补助资金", "某县民政局", None, (None, "40", "40", "100"), "96", 0),
    ]
    # (a glossary's numbered definitions, 名称：指…, head no project)
    glossary = _read(["名词解释", "20.“三公”经费：指用财政拨款安排的因公出国（境）费。",
                      "21.机关运行经费：为保障行政单位运行用于购买货物和服务的各项资金，执行率100%。"])
    assert glossary == []


def test_a_score_on_a_labeled_line_without_its_unit():
    projects = _read([
        "【项目一】", "项目名称：社区养老食堂补助", "全年预算数：30.00万元", "全年执行数：27.00万元", "预算执行率：90.00%",
        "自评得分：91.50", "【项目二】", "项目名称：老年助浴服务", "全年预算数：12.00万元", "全年执行数：12.00万元",
        "预算执行率：100.00%", "自评得分：96.00",
    ])
    assert [(p.name.text, p.score.text if p.score else None) for p in projects] == [
        ("社区养老食堂补助", "91.50"), ("老年助浴服务", "96.00")]
