"""Write the origb* PDFs: tables as printed from Excel (page header and footer lines, narrow wrapping columns),
a table broken over a page without its header repeated, and a 部门决算 section before a 自评表.

Every name, place and figure is invented; the gold beside each file was labeled by hand. Run from anywhere:

    python data/invented-files/make_files2_pdf.py
"""

from __future__ import annotations

from make_files import HERE, IND_HEAD, _pdf_grid, _pdf_project, _pdf_styles


def _excel_page(header_left: str, header_right: str):
    """An onPage callback drawing Excel's page header (left / right) and footer (第 N 页 共 M 页)."""
    def draw(canvas, doc) -> None:
        from reportlab.lib.pagesizes import A4
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        width, height = A4
        canvas.drawString(40, height - 36, header_left)
        canvas.drawRightString(width - 40, height - 36, header_right)
        canvas.drawCentredString(width / 2, 28, f"第 {doc.page} 页 共 {doc.total_pages} 页")
        canvas.restoreState()
    return draw


ORIG2_07 = [
    ({"name": "2023年乡镇卫生院医疗设备购置项目", "dept": "雁栖县卫生健康局", "impl": "雁栖县卫生健康局",
      "funds": ["210", "210", "204.75", "10", "97.5%", "9.8"], "score": "99.8", "grade": "优"}, [
        ["产出指标", "数量指标", "购置DR设备台数", "6台", "6台", "20", "20", ""],
        ["^", "质量指标", "设备验收合格率", "100%", "100%", "20", "20", ""],
        ["^", "时效指标", "设备安装调试完成时间", "2023年11月底前", "2023年11月", "10", "10", ""],
        ["效益指标", "社会效益指标", "乡镇卫生院影像检查服务能力", "显著提升", "显著提升", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "就诊群众满意度", "≥90%", "93%", "20", "20", ""]]),
    ({"name": "2023年村医岗位补助", "dept": "雁栖县卫生健康局", "impl": "雁栖县基层卫生服务中心",
      "funds": ["96.6", "96.6", "96.6", "10", "100%", "10"], "score": "98", "grade": "优"}, [
        ["产出指标", "数量指标", "享受补助村医人数", "≥230人", "230人", "30", "30", ""],
        ["^", "时效指标", "补助按季度发放率", "100%", "100%", "20", "20", ""],
        ["效益指标", "可持续影响指标", "村卫生室正常运行率", "≥98%", "98.5%", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "村医满意度", "≥90%", "88%", "20", "18", "补助标准与村医期望仍有差距"]]),
    ({"name": "2023年重大传染病防控经费", "dept": "雁栖县卫生健康局", "impl": "雁栖县疾病预防控制中心",
      "funds": ["58.2", "61", "55.84", "10", "91.54%", "9.2"], "score": "99.2", "grade": "优"}, [
        ["产出指标", "数量指标", "艾滋病检测人次", "≥1.2万人次", "1.31万人次", "20", "20", ""],
        ["^", "质量指标", "结核病患者规范管理率", "≥90%", "92.7%", "20", "20", ""],
        ["^", "时效指标", "疫情报告及时率", "100%", "100%", "10", "10", ""],
        ["效益指标", "社会效益指标", "甲乙类传染病报告发病率", "≤200/10万", "168/10万", "20", "20", ""],
        ["满意度指标", "社会公众满意度指标", "群众满意度", "≥85%", "90%", "20", "20", ""]]),
]


def make_origb07() -> None:
    """Printed from Excel: one project a page, narrow columns whose header words wrap, header and footer lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    cell, title, _ = _pdf_styles()
    small = ParagraphStyle("small", parent=cell, fontSize=7.5, leading=9.5)
    story = []
    for project, inds in ORIG2_07:
        rows, _, spans = _pdf_project(project, inds, small, "万元")
        widths = [w * mm for w in (14, 16, 24, 15, 15, 9, 11, 22)]
        story += [Paragraph("项目支出绩效自评表", title), Spacer(1, 4), _pdf_grid(rows, widths, spans, small), PageBreak()]

    class Doc(SimpleDocTemplate):
        total_pages = len(ORIG2_07)

    page = _excel_page("填报单位：雁栖县卫生健康局", "2023年度")
    Doc(str(HERE / "origb07.pdf"), pagesize=A4, invariant=1, topMargin=60).build(
        story[:-1], onFirstPage=page, onLaterPages=page)


def make_origb08() -> None:
    """One long table broken over a page with no header row on the second page; level cells printed once, unmerged."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    cell, title, plain = _pdf_styles()
    rows = [
        ["项目名称", "2023年城区污水管网改造工程", "", "", "", "", "", ""],
        ["主管部门", "汀兰县住房和城乡建设局", "", "", "实施单位", "汀兰县排水管理所", "", ""],
        ["项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "8,500,000.00", "9,120,000.00", "8,892,000.00", "10", "97.50%", "9.8"],
        ["", "其中：当年财政拨款", "8,500,000.00", "9,120,000.00", "8,892,000.00", "—", "—", "—"],
        ["年度总体目标", "预期目标：完成城区雨污分流管网改造18公里以上，新建污水检查井420座以上，接入小区25个，"
         "污水集中收集率达到75%以上，消除城区内涝积水点12处。", "", "",
         "实际完成：改造管网18.6公里，新建检查井436座，接入小区26个，污水集中收集率76.4%，"
         "消除内涝积水点12处；主体工程因管线迁改延至11月中旬完工。", "", "", ""],
        IND_HEAD,
        ["产出指标", "数量指标", "改造雨污分流管网长度", "≥18公里", "18.6公里", "8", "8", ""],
        ["", "", "新建污水检查井数量", "≥420座", "436座", "6", "6", ""],
        ["", "", "接入污水管网小区数量", "≥25个", "26个", "6", "6", ""],
        ["", "质量指标", "管道闭水试验合格率", "100%", "100%", "8", "8", ""],
        ["", "", "工程竣工验收合格率", "100%", "100%", "6", "6", ""],
        ["", "时效指标", "主体工程完工时间", "2023年10月底前", "2023年11月15日", "6", "4", "燃气管线迁改滞后，已建立管线联合协调机制"],
        ["", "成本指标", "每公里管网改造成本", "≤48万元", "47.8万元", "6", "6", ""],
        ["效益指标", "社会效益指标", "城区内涝积水点消除数量", "≥12处", "12处", "8", "8", ""],
        ["", "生态效益指标", "污水集中收集率", "≥75%", "76.4%", "8", "8", ""],
        ["", "", "黑臭水体返黑返臭情况", "不返黑不返臭", "未返黑返臭", "6", "6", ""],
        ["", "可持续影响指标", "管网设计使用年限", "≥50年", "50年", "6", "6", ""],
        ["满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "92.1%", "16", "16", ""],
        ["总分", "", "", "", "", "100", "97.8", ""],
        ["自评等级", "优", "", "", "", "", "", ""],
    ]
    spans = [((1, 0), (7, 0)), ((1, 1), (3, 1)), ((5, 1), (7, 1)), ((0, 2), (0, 4)), ((1, 5), (3, 5)),
             ((4, 5), (7, 5)), ((0, 19), (4, 19)), ((1, 20), (7, 20))]
    widths = [w * mm for w in (18, 22, 38, 22, 22, 13, 15, 28)]
    story = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 330),
             _pdf_grid(rows, widths, spans, cell)]
    SimpleDocTemplate(str(HERE / "origb08.pdf"), pagesize=A4, invariant=1).build(story)


def _origb09_accounts(cell, plain, title) -> list:
    """公开01表 (two-sided 收入 / 支出, 行次 columns) and 公开05表 (科目代码 rows), both in 万元."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    both = [
        ["收入", "", "", "支出", "", ""],
        ["项目", "行次", "金额", "项目", "行次", "金额"],
        ["一、一般公共预算财政拨款收入", "1", "1,268.45", "一、社会保障和就业支出", "32", "96.30"],
        ["二、政府性基金预算财政拨款收入", "2", "310.00", "二、节能环保支出", "33", "42.15"],
        ["三、国有资本经营预算财政拨款收入", "3", "", "三、自然资源海洋气象等支出", "34", "1,402.60"],
        ["四、事业收入", "4", "12.50", "四、住房保障支出", "35", "58.20"],
        ["五、其他收入", "5", "8.00", "", "", ""],
        ["本年收入合计", "6", "1,598.95", "本年支出合计", "36", "1,599.25"],
        ["使用非财政拨款结余", "7", "0.00", "结余分配", "37", ""],
        ["年初结转和结余", "8", "45.60", "年末结转和结余", "38", "45.30"],
        ["总计", "9", "1,644.55", "总计", "39", "1,644.55"],
    ]
    first = _pdf_grid(both, [w * mm for w in (52, 12, 22, 52, 12, 22)], [((0, 0), (2, 0)), ((3, 0), (5, 0))], cell)
    fifth = [
        ["科目代码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "1,268.45", "412.30", "856.15"],
        ["208", "社会保障和就业支出", "96.30", "96.30", ""],
        ["20805", "行政事业单位养老支出", "96.30", "96.30", ""],
        ["220", "自然资源海洋气象等支出", "1,172.15", "316.00", "856.15"],
        ["22001", "自然资源事务", "1,172.15", "316.00", "856.15"],
        ["2200101", "行政运行", "316.00", "316.00", ""],
        ["2200106", "自然资源利用与保护", "856.15", "", "856.15"],
    ]
    second = _pdf_grid(fifth, [w * mm for w in (22, 58, 28, 28, 28)], [], cell)
    unit_line = "编制单位：鹤岭县自然资源局                2023年度                金额单位：万元"
    return [Paragraph("鹤岭县自然资源局2023年度部门决算", title), Spacer(1, 8),
            Paragraph("公开01表", plain), Paragraph("收入支出决算总表", title), Paragraph(unit_line, plain),
            Spacer(1, 4), first, PageBreak(),
            Paragraph("公开05表", plain), Paragraph("一般公共预算财政拨款支出决算表", title), Paragraph(unit_line, plain),
            Spacer(1, 4), second, Paragraph("注：本表反映部门本年度一般公共预算财政拨款实际支出情况。", plain), PageBreak()]


def make_origb09() -> None:
    """A 部门决算 publication: two final-accounts tables, then the project self-evaluation table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    cell, title, plain = _pdf_styles()
    project = {"name": "2023年地质灾害隐患点治理项目", "dept": "鹤岭县自然资源局", "impl": "鹤岭县地质环境监测站",
               "funds": ["320", "356.15", "340.26", "10", "95.54%", "9.6"], "score": "97.6", "grade": "优"}
    inds = [
        ["产出指标", "数量指标", "治理地质灾害隐患点数量", "≥8处", "8处", "20", "20", ""],
        ["^", "质量指标", "治理工程验收合格率", "100%", "100%", "20", "20", ""],
        ["^", "时效指标", "汛期前完工率", "≥80%", "75%", "10", "8", "两处隐患点因征地协调延后开工"],
        ["效益指标", "社会效益指标", "消除威胁人口", "≥650人", "682人", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "94%", "20", "20", ""],
    ]
    rows, widths, spans = _pdf_project(project, inds, cell, "万元")
    story = _origb09_accounts(cell, plain, title)
    story += [Paragraph("三、项目支出绩效自评情况", plain),
              Paragraph("我局对地质灾害隐患点治理项目开展了绩效自评，自评表如下。", plain), Spacer(1, 6),
              Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 6),
              _pdf_grid(rows, widths, spans, cell)]
    SimpleDocTemplate(str(HERE / "origb09.pdf"), pagesize=A4, invariant=1).build(story)


def main() -> None:
    for make in (make_origb07, make_origb08, make_origb09):
        make()


if __name__ == "__main__":
    main()
