"""One invented table printed in every layout family a text export gives (tabs, spaces, pipes, one cell per
line with or without pipes and blank lines, everything collapsed onto one line): each must read the same.

A family that loses blank cells (one cell per line, spaces, collapsed) must still put each value under its
column, and a 序号 column must still open each row.
"""

import pytest


# 序号, an operator column, a unit column and 权重 before 完成值: a qualitative row leaves three cells blank
SERIAL_TEMPLATE = [
    ["项目名称", "示例河道整治项目"],
    ["主管部门", "示例县水利局", "实施单位", "示例县河道站"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100", "100", "95", "10", "95%", "9.5"],
    ["序号", "一级指标", "二级指标", "三级指标", "指标性质", "运算符号", "指标值", "度量单位", "权重", "完成值", "得分"],
    ["1", "产出指标", "数量指标", "整治河道长度", "定量", "≧", "12", "公里", "20", "12.5公里", "20"],
    ["2", "产出指标", "质量指标", "验收合格率", "定量", "═", "100", "%", "20", "100%", "20"],
    ["3", "效益指标", "社会效益指标", "防洪能力提升", "定性", "", "明显提升", "", "30", "明显提升", "28"],
    ["4", "满意度指标", "服务对象满意度指标", "群众满意度", "定量", "大于等于", "90", "%", "20", "95%", "19"],
]
SERIAL_READING = (
    ("示例河道整治项目", "示例县水利局", "示例县河道站", 1000000.0, 950000.0),
    [
        ("产出指标", "数量指标", "整治河道长度", "≧12公里", "12.5公里", 20.0, 20.0),
        ("产出指标", "质量指标", "验收合格率", "═100%", "100%", 20.0, 20.0),
        ("效益指标", "社会效益指标", "防洪能力提升", "明显提升", "明显提升", 30.0, 28.0),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "大于等于90%", "95%", 20.0, 19.0),
    ],
)


def _families(rows: list[list[str]]) -> dict[str, str]:
    cells = [c for r in rows for c in r if c]
    return {
        "tabs": "\n".join("\t".join(r) for r in rows),
        "spaces": "\n".join(" ".join(c for c in r if c) for r in rows),
        "pipes": "\n".join("| " + " | ".join(r) + " |" for r in rows),
        "cell_per_line_pipe": "\n".join(c + " |" for c in cells),
        "cell_per_line_blank": "\n\n".join(cells),
        "cell_per_line_bare": "\n".join(cells),
        "collapsed": " ".join(cells),
    }


def _reading(record):
    [p] = record.projects
    return ((p.name, p.department, p.implementer, p.funds.annual_budget, p.funds.executed),
            [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators])


@pytest.mark.parametrize("family", list(_families(SERIAL_TEMPLATE)))
def test_every_family_reads_the_same_table(extractor, family):
    text = _families(SERIAL_TEMPLATE)[family]
    assert _reading(extractor.extract_text(text, doc_id="t", mode="parser")) == SERIAL_READING


# the common template: targets and actuals, then 分值 得分 and a reason column mostly blank
PLAIN_TEMPLATE = [
    ["项目名称", "示例乡村道路养护经费"],
    ["主管部门", "示例县交通运输局", "实施单位", "示例县公路站"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "48", "48", "46.2", "10", "96.25%", "9.63"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "养护农村公路里程", "≥120公里", "126公里", "20", "20", ""],
    ["", "质量指标", "路面优良率", "≥85%", "83%", "20", "18", "部分路段雨季损毁"],
    ["", "时效指标", "养护任务完成时间", "2024年12月底前", "2024年11月", "10", "10", ""],
    ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "20", "19", ""],
]
PLAIN_READING = (
    ("示例乡村道路养护经费", "示例县交通运输局", "示例县公路站", 480000.0, 462000.0),
    [
        ("产出指标", "数量指标", "养护农村公路里程", "≥120公里", "126公里", 20.0, 20.0),
        ("产出指标", "质量指标", "路面优良率", "≥85%", "83%", 20.0, 18.0),
        ("产出指标", "时效指标", "养护任务完成时间", "2024年12月底前", "2024年11月", 10.0, 10.0),
        ("效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 20.0, 20.0),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 20.0, 19.0),
    ],
)


@pytest.mark.parametrize("family", list(_families(PLAIN_TEMPLATE)))
def test_every_family_reads_the_common_template(extractor, family):
    text = _families(PLAIN_TEMPLATE)[family]
    assert _reading(extractor.extract_text(text, doc_id="t", mode="parser")) == PLAIN_READING


# the central transfer-payment template: no 分值 or 得分, the actual's reason column, 其中 rows under the total
TRANSFER_TEMPLATE = [
    ["转移支付(项目)名称", "示例县农村环境整治资金"],
    ["中央主管部门", "财政部", "地方主管部门", "示例县生态环境分局"],
    ["资金使用单位", "示例县农村环境整治中心"],
    ["项目资金(万元)", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A)"],
    ["年度资金总额:", "620", "465", "75%"],
    ["其中:中央补助", "620", "465", "75%"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
    ["产出指标", "数量指标", "新建污水收集管网长度", "≥11公里", "11公里", ""],
    ["", "质量指标", "出水水质达标率", "100%", "98%", "调试期个别月份超标"],
    ["效益指标", "生态效益指标", "农村生活污水治理率", "≥60%", "62%", ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", ""],
]
TRANSFER_READING = (
    ("示例县农村环境整治资金", "示例县生态环境分局", "示例县农村环境整治中心", 6200000.0, 4650000.0),
    [
        ("产出指标", "数量指标", "新建污水收集管网长度", "≥11公里", "11公里", None, None),
        ("产出指标", "质量指标", "出水水质达标率", "100%", "98%", None, None),
        ("效益指标", "生态效益指标", "农村生活污水治理率", "≥60%", "62%", None, None),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", None, None),
    ],
)


@pytest.mark.parametrize("family", list(_families(TRANSFER_TEMPLATE)))
def test_every_family_reads_the_transfer_payment_template(extractor, family):
    text = _families(TRANSFER_TEMPLATE)[family]
    assert _reading(extractor.extract_text(text, doc_id="t", mode="parser")) == TRANSFER_READING


def _with_page_chrome(text: str) -> str:
    """The table on a web page: a breadcrumb and a metadata line above, a page marker inside, links below."""
    lines = text.split("\n")
    k = len(lines) // 2
    return "\n".join(["首页 > 信息公开 > 财政资金", "发布日期:2024-03-01 浏览次数:120", "", *lines[:k], "第1页 共2页",
                      *lines[k:], "附件下载:", "打印本页 关闭窗口"])


# 年初 and 调整后 targets, a 定性指标情况说明 column, unit codes before the department and unit names
ADJUSTED_TEMPLATE = [
    ["项目名称", "示例社区代办员补助"],
    ["主管部门及代码", "407-示例市人力资源和社会保障局", "预算单位", "407002-示例市社会保险中心"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["资金总额:", "26.21", "26.21", "26.21", "10", "100%", "10"],
    ["一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值", "定性指标情况说明", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "补助村数", "=308个", "=308个", "=308个", "", "20", "20", ""],
    ["", "时效指标", "是否及时发放", "", "是", "达成预期指标", "", "10", "10", ""],
    ["效益指标", "社会效益指标", "代办员工作积极性", "有效提高", "有效提高", "", "达成预期指标", "20", "18", "个别村代办员流动"],
    ["满意度指标", "服务对象满意度指标", "代办员满意度", "≥95%", "≥95%", "96%", "", "10", "10", ""],
]
ADJUSTED_READING = (("示例社区代办员补助", "示例市人力资源和社会保障局", "示例市社会保险中心", 262100.0, 262100.0), [
    ("产出指标","数量指标","补助村数","=308个","=308个",20.0,20.0),
    ("产出指标","时效指标","是否及时发放","是","达成预期指标",10.0,10.0),
    ("效益指标","社会效益指标","代办员工作积极性","有效提高","达成预期指标",20.0,18.0),
    ("满意度指标","服务对象满意度指标","代办员满意度","≥95%","96%",10.0,10.0)])

# 分值 printed before the target (三级指标 分值 年度指标值 实际完成值 得分)
WEIGHT_FIRST_TEMPLATE = [
    ["项目名称", "示例农民技能培训项目"],
    ["主管部门", "示例县人社局", "实施单位", "示例县职业培训中心"],
    ["项目资金(万元)", "全年预算数", "全年执行数", "执行率"],
    ["年度资金总额", "30", "27", "90%"],
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "培训人数", "30", "≥500人", "540人", "30", ""],
    ["", "质量指标", "培训合格率", "20", "≥90%", "88%", "18", "部分学员缺考"],
    ["效益指标", "社会效益指标", "学员就业率", "30", "≥60%", "65%", "30", ""],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "20", "≥90%", "95%", "20", ""],
]
WEIGHT_FIRST_READING = (("示例农民技能培训项目","示例县人社局","示例县职业培训中心",300000.0,270000.0),[
    ("产出指标","数量指标","培训人数","≥500人","540人",30.0,30.0),
    ("产出指标","质量指标","培训合格率","≥90%","88%",20.0,18.0),
    ("效益指标","社会效益指标","学员就业率","≥60%","65%",30.0,30.0),
    ("满意度指标","服务对象满意度指标","学员满意度","≥90%","95%",20.0,20.0)])

TEMPLATES = {"serial": (SERIAL_TEMPLATE, SERIAL_READING), "plain": (PLAIN_TEMPLATE, PLAIN_READING),
             "transfer": (TRANSFER_TEMPLATE, TRANSFER_READING), "adjusted": (ADJUSTED_TEMPLATE, ADJUSTED_READING),
             "weight_first": (WEIGHT_FIRST_TEMPLATE, WEIGHT_FIRST_READING)}


@pytest.mark.parametrize("template", ["adjusted", "weight_first"])
@pytest.mark.parametrize("family", list(_families(PLAIN_TEMPLATE)))
def test_every_family_reads_the_other_templates(extractor, template, family):
    rows, reading = TEMPLATES[template]
    assert _reading(extractor.extract_text(_families(rows)[family], doc_id="t", mode="parser")) == reading


@pytest.mark.parametrize("template", list(TEMPLATES))
@pytest.mark.parametrize("family", list(_families(PLAIN_TEMPLATE)))
def test_page_chrome_around_and_inside_the_table_is_no_content(extractor, template, family):
    rows, reading = TEMPLATES[template]
    text = _with_page_chrome(_families(rows)[family])
    assert _reading(extractor.extract_text(text, doc_id="t", mode="parser")) == reading


@pytest.mark.parametrize("template", list(TEMPLATES))
@pytest.mark.parametrize("family", list(_families(PLAIN_TEMPLATE)))
def test_traditional_script_mirrors_read_the_same(extractor, template, family):
    import opencc

    from jixiao.pipelines.normalize import simplified

    rows, reading = TEMPLATES[template]
    text = opencc.OpenCC("s2t").convert(_families(rows)[family])
    fields, indicators = _reading(extractor.extract_text(text, doc_id="t", mode="parser"))

    def s(x):  # the record keeps the printed (traditional) strings; compare them simplified
        return simplified(x) if isinstance(x, str) else x

    assert (tuple(map(s, fields)), [tuple(map(s, row)) for row in indicators]) == reading


def _wrapped_cells(rows: list[list[str]], width: int = 6) -> str:
    """One cell per line with blank lines between, each cell wrapped at ``width`` characters (a PDF's narrow
    columns): the lines between two blank lines are one cell."""
    cells = [c for r in rows for c in r if c]
    return "\n\n".join("\n".join(c[i:i + width] for i in range(0, len(c), width)) for c in cells)


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_wrapped_cells_between_blank_lines_are_whole_cells(extractor, template):
    rows, reading = TEMPLATES[template]
    assert _reading(extractor.extract_text(_wrapped_cells(rows), doc_id="t", mode="parser")) == reading


@pytest.mark.parametrize("template", list(TEMPLATES))
@pytest.mark.parametrize("family", list(_families(PLAIN_TEMPLATE)))
def test_every_family_with_line_breaks_and_tabs_collapsed(extractor, template, family):
    """The eval's collapsed variant: newlines and tabs become spaces (a pipe table becomes one line of cells)."""
    rows, reading = TEMPLATES[template]
    text = _families(rows)[family].replace("\n", " ").replace("\t", " ")
    assert _reading(extractor.extract_text(text, doc_id="t", mode="parser")) == reading


@pytest.mark.parametrize("field,at,label", [
    *[("name", (0, 0), w) for w in ("资金名称", "专项资金名称", "政策(项目)名称", "专项(项目)名称", "二级项目名称", "项目全称")],
    *[("department", (1, 0), w) for w in ("业务主管部门", "归口管理部门", "项目主管部门", "主管部门(单位)", "部门名称",
                                           "主管部门(盖章)")],
    *[("implementer", (1, 2), w) for w in ("承担单位", "项目承担单位", "资金使用单位", "执行单位", "资金使用单位（盖章）",
                                            "实施主体", "项目实施主体", "单位名称")],
])
@pytest.mark.parametrize("family", ["tabs", "cell_per_line_bare", "collapsed"])
def test_label_variants_bureaus_print(extractor, field, at, label, family):
    rows = [list(r) for r in PLAIN_TEMPLATE]
    rows[at[0]][at[1]] = label
    [p] = extractor.extract_text(_families(rows)[family], doc_id="t", mode="parser").projects
    expected = dict(zip(("name", "department", "implementer"), PLAIN_READING[0]))[field]
    assert getattr(p, field) == expected


@pytest.mark.parametrize("at,header", [
    *[((4, 2), w) for w in ("指标名称", "三级指标名称", "绩效指标名称")],
    *[((4, 3), w) for w in ("目标值", "预期指标值", "计划值", "年度预期目标", "年初目标值")],
    *[((4, 4), w) for w in ("实际值", "全年完成值", "实际完成情况", "全年实际值")],
    *[((4, 5), w) for w in ("权重", "指标分值", "满分")],
    *[((4, 6), w) for w in ("自评得分", "评分")],
    *[((2, 2), w) for w in ("调整后预算数", "调整预算数", "全年预算金额", "预算安排数", "批复预算", "本年度预算")],
    *[((2, 3), w) for w in ("实际支出", "全年实际支出", "支出数", "实际执行", "本年度执行")],
    *[((3, 0), w) for w in ("合计", "总计", "资金总额")],
])
@pytest.mark.parametrize("family", ["tabs", "cell_per_line_bare", "collapsed"])
def test_header_variants_bureaus_print(extractor, at, header, family):
    rows = [list(r) for r in PLAIN_TEMPLATE]
    rows[at[0]][at[1]] = header
    assert _reading(extractor.extract_text(_families(rows)[family], doc_id="t", mode="parser")) == PLAIN_READING


@pytest.mark.parametrize("at,slipped", [
    ((1, 0), "主管部闩"), ((1, 2), "实施单住"), ((4, 2), "三级指摽"), ((4, 3), "年度指标伹"), ((4, 4), "实际完戍值"),
    ((2, 3), "全年执行教"), ((5, 1), "数量指摽"), ((6, 1), "质量措标"), ((8, 0), "效益揩标"),
])
@pytest.mark.parametrize("family", ["tabs", "spaces", "cell_per_line_bare", "cell_per_line_blank", "collapsed"])
def test_ocr_slipped_label_and_header_words(extractor, at, slipped, family):
    """A label, header or category word one OCR slip away from the word is read as the word in every family."""
    rows = [list(r) for r in PLAIN_TEMPLATE]
    rows[at[0]][at[1]] = slipped
    assert _reading(extractor.extract_text(_families(rows)[family], doc_id="t", mode="parser")) == PLAIN_READING


@pytest.mark.parametrize("family", ["tabs", "spaces", "pipes", "cell_per_line_pipe", "cell_per_line_blank",
                                    "cell_per_line_bare"])
def test_weights_and_scores_printed_with_their_unit(extractor, family):
    """分值 and 得分 cells printed as 20分 / 19分 read as the numbers (the collapsed reader, which finds a row's
    end by its bare numbers, does not read them yet)."""
    rows = [list(r) for r in PLAIN_TEMPLATE]
    for r in rows[5:]:
        r[5], r[6] = r[5] + "分", r[6] + "分"
    assert _reading(extractor.extract_text(_families(rows)[family], doc_id="t", mode="parser")) == PLAIN_READING
