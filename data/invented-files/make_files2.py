"""Write the origb* originals: whole publications (Word, Excel) the way bureaus publish them, not one tidy table.

Every name, place and figure is invented. The gold records beside them (NAME.gold.json) were labeled by hand from
what these files print (Excel cells as Excel shows them, hidden rows / columns / sheets left out), not derived from
this script. The PDFs are in make_files2_pdf.py. Run from anywhere: `python data/invented-files/make_files2.py`.
The output is committed; the Office zips carry timestamps, so a rerun is a change to review.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from make_files import IND_HEAD, HERE, _docx_fill, _docx_indicators, _docx_merge_vertical, _xlsx_levels

FUNDS_HEAD = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]


# ---------------------------------------------------------------- Word


def _docx_project(container, p: dict):
    """One project as one 8-column Word table in CONTAINER (a Document or a table cell); returns the table."""
    goal = p.get("goal")
    n = 6 + (2 if goal else 0) + 1 + len(p["inds"]) + 1 + (1 if p.get("grade") else 0)
    table = container.add_table(rows=n, cols=8)
    table.style = "Table Grid"
    _docx_fill(table, 0, ["项目名称", p["name"]])
    table.cell(0, 1).merge(table.cell(0, 7))
    _docx_fill(table, 1, ["主管部门", p["dept"], None, None, "实施单位", p["impl"]])
    table.cell(1, 1).merge(table.cell(1, 3))
    table.cell(1, 5).merge(table.cell(1, 7))
    _docx_fill(table, 2, [f"项目资金（{p['unit']}）", "", *FUNDS_HEAD])
    _docx_fill(table, 3, ["", "年度资金总额", *p["funds"]])
    _docx_fill(table, 4, ["", "其中：当年财政拨款", *p["funds"][:3], "—", "—", "—"])
    _docx_fill(table, 5, ["", "其他资金", "", "", "", "—", "—", "—"])
    _docx_merge_vertical(table, 0, 2, 5)
    row = 6
    if goal:
        _docx_fill(table, 6, ["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
        _docx_fill(table, 7, ["", goal[0], None, None, None, goal[1]])
        for r in (6, 7):
            table.cell(r, 1).merge(table.cell(r, 4))
            table.cell(r, 5).merge(table.cell(r, 7))
        _docx_merge_vertical(table, 0, 6, 7)
        row = 8
    _docx_fill(table, row, IND_HEAD)
    _docx_indicators(table, row + 1, p["inds"])
    last = row + 1 + len(p["inds"])
    _docx_fill(table, last, ["总分", "", "", "", "", "100", p["score"], ""])
    table.cell(last, 0).merge(table.cell(last, 4))
    if p.get("grade"):
        _docx_fill(table, last + 1, ["自评等级", p["grade"]])
        table.cell(last + 1, 1).merge(table.cell(last + 1, 7))
    return table


ORIG2_01 = [
    ("一、2023年农村公路日常养护补助",
     "该项目年初预算86万元，调整后全年预算90万元，全年执行84.3万元。项目自评得分96.5分，评价等级为优。", {
         "name": "2023年农村公路日常养护补助", "dept": "云岫县交通运输局", "impl": "云岫县农村公路管理所", "unit": "万元",
         "funds": ["86", "90", "84.3", "10", "93.67%", "9.4"], "score": "96.5", "grade": "优",
         "goal": ("完成全县农村公路日常养护不少于420公里，路况优良率保持在80%以上。",
                  "完成农村公路日常养护436公里，路况优良率82.5%，汛期水毁路段均在12天内修复。"),
         "inds": [
             ["产出指标", "数量指标", "日常养护农村公路里程", "≥420公里", "436公里", "20", "20", ""],
             ["^", "质量指标", "路况优良率", "≥80%", "82.5%", "20", "20", ""],
             ["^", "时效指标", "汛期水毁修复时限", "≤15天", "12天", "10", "10", ""],
             ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", "20", "20", ""],
             ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "91.6%", "20", "17.1", "个别路段养护响应偏慢"],
         ]}),
    ("二、2023年城乡公交运营补贴",
     "城乡公交运营补贴全年执行240万元，预算执行率100%，项目自评得分98分。", {
         "name": "2023年城乡公交运营补贴", "dept": "云岫县交通运输局", "impl": "云岫县公共交通服务中心", "unit": "万元",
         "funds": ["240", "240", "240", "10", "100%", "10"], "score": "98",
         "inds": [
             ["产出指标", "数量指标", "城乡公交线路数", "≥18条", "18条", "20", "20", ""],
             ["^", "^", "年运营班次", "≥5.2万班次", "5.38万班次", "10", "10", ""],
             ["^", "质量指标", "公交车辆准点率", "≥92%", "93.4%", "20", "20", ""],
             ["效益指标", "社会效益指标", "城乡公交通达行政村比例", "100%", "100%", "20", "20", ""],
             ["^", "可持续影响指标", "新能源公交车占比", "≥60%", "58%", "10", "8", "两辆新能源车交付延迟"],
             ["满意度指标", "社会公众满意度指标", "乘客满意度", "≥85%", "88%", "10", "10", ""],
         ]}),
    ("三、2023年道路运输安全监管经费",
     "该项目预算执行率86.23%，部分培训延至次年，项目自评得分88.6分，评价等级为良。", {
         "name": "2023年道路运输安全监管经费", "dept": "云岫县交通运输局", "impl": "云岫县道路运输服务中心", "unit": "万元",
         "funds": ["35", "38.5", "33.2", "10", "86.23%", "8.6"], "score": "88.6", "grade": "良",
         "goal": ("开展道路运输安全检查不少于24次，培训从业人员800人次，隐患整改100%。",
                  "开展安全检查26次，培训从业人员760人次，隐患整改完成率96%，未发生较大事故。"),
         "inds": [
             ["产出指标", "数量指标", "开展安全检查次数", "≥24次", "26次", "20", "20", ""],
             ["^", "^", "培训从业人员人数", "≥800人次", "760人次", "10", "9", "部分企业培训延至次年"],
             ["^", "质量指标", "隐患整改完成率", "100%", "96%", "20", "18", ""],
             ["效益指标", "社会效益指标", "道路运输较大事故发生起数", "0起", "0起", "20", "20", ""],
             ["满意度指标", "服务对象满意度指标", "运输企业满意度", "≥90%", "90.2%", "20", "13", "部分企业认为检查频次偏高"],
         ]}),
    ("四、2023年客运站设施维修项目",
     "客运站候车厅维修于9月完工，全年执行50.7万元，项目自评得分99.8分。", {
         "name": "2023年客运站设施维修项目", "dept": "云岫县交通运输局", "impl": "云岫县汽车客运站", "unit": "万元",
         "funds": ["52", "52", "50.7", "10", "97.5%", "9.8"], "score": "99.8",
         "inds": [
             ["产出指标", "数量指标", "维修候车厅面积", "≥1200平方米", "1260平方米", "30", "30", ""],
             ["^", "时效指标", "维修完工时间", "2023年9月底前", "2023年9月20日", "20", "20", ""],
             ["效益指标", "社会效益指标", "旅客候车环境", "有效改善", "有效改善", "30", "30", ""],
             ["满意度指标", "服务对象满意度指标", "旅客满意度", "≥90%", "94%", "10", "10", ""],
         ]}),
]


def make_origb01() -> None:
    """A department's compiled DOCX: a heading and a paragraph before each project's table, page breaks between."""
    import docx
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    doc.add_heading("云岫县交通运输局2023年度项目支出绩效自评报告", level=1)
    doc.add_paragraph("根据县财政局统一部署，我局对2023年度4个项目开展了绩效自评，各项目自评表如下。")
    for i, (heading, para, project) in enumerate(ORIG2_01):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(heading, level=2)
        doc.add_paragraph(para)
        doc.add_paragraph("项目支出绩效自评表（2023年度）")
        _docx_project(doc, project)
    doc.add_paragraph("云岫县交通运输局  2024年3月")
    doc.save(HERE / "origb01.docx")


def _textbox_paragraph(doc, lines: list[str]) -> None:
    """A paragraph whose only content is a VML text box holding LINES (the title drawn as a shape, as Word does)."""
    from docx.oxml import parse_xml

    paras = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    xml = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
           '<v:shape id="TitleBox" type="#_x0000_t202" style="width:320pt;height:48pt">'
           f'<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    doc.add_paragraph()._p.append(parse_xml(xml))


def make_origb02() -> None:
    """The title in a text box, the project table nested inside a one-cell layout table."""
    import docx

    doc = docx.Document()
    _textbox_paragraph(doc, ["项目支出绩效自评表", "（2023年度）"])
    frame = doc.add_table(rows=1, cols=1)
    frame.style = "Table Grid"
    inner = frame.cell(0, 0)
    inner.paragraphs[0].text = "填报单位（盖章）：黛川县农业农村局"
    _docx_project(inner, {
        "name": "2023年中药材种植示范基地建设补助", "dept": "黛川县农业农村局", "impl": "黛川县经济作物站", "unit": "万元",
        "funds": ["150", "150", "147.6", "10", "98.4%", "9.8"], "score": "99.8", "grade": "优",
        "goal": ("新建中药材示范基地1500亩以上，带动基地亩均增收800元以上。",
                 "新建示范基地1580亩，种苗成活率92%，基地亩均增收860元。"),
        "inds": [
            ["产出指标", "数量指标", "新建中药材示范基地面积", "≥1500亩", "1580亩", "20", "20", ""],
            ["^", "质量指标", "种苗成活率", "≥90%", "92%", "15", "15", ""],
            ["^", "成本指标", "每亩补助标准", "≤1000元", "934元", "15", "15", ""],
            ["效益指标", "经济效益指标", "基地亩均增收", "≥800元", "860元", "20", "20", ""],
            ["满意度指标", "服务对象满意度指标", "种植户满意度", "≥90%", "96%", "20", "20", ""],
        ]})
    inner.add_paragraph("填表人：韦素芬    审核人：蒙立华")
    doc.save(HERE / "origb02.docx")


def _origb03_project(doc, p: dict) -> None:
    """Basic data and funds in a first table; the indicators in a second table after a paragraph."""
    doc.add_paragraph("项目支出绩效自评表")
    doc.add_paragraph("一、项目基本情况")
    head = doc.add_table(rows=7, cols=8)
    head.style = "Table Grid"
    _docx_fill(head, 0, ["项目名称", p["name"]])
    head.cell(0, 1).merge(head.cell(0, 7))
    _docx_fill(head, 1, ["主管部门", p["dept"], None, None, "实施单位", p["impl"]])
    head.cell(1, 1).merge(head.cell(1, 3))
    head.cell(1, 5).merge(head.cell(1, 7))
    _docx_fill(head, 2, ["项目资金（元）", "", *FUNDS_HEAD])
    _docx_fill(head, 3, ["", "年度资金总额", *p["funds"]])
    _docx_fill(head, 4, ["", "其中：当年财政拨款", *p["funds"][:3], "—", "—", "—"])
    _docx_merge_vertical(head, 0, 2, 4)
    _docx_fill(head, 5, ["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
    _docx_fill(head, 6, ["", p["goal"][0], None, None, None, p["goal"][1]])
    for r in (5, 6):
        head.cell(r, 1).merge(head.cell(r, 4))
        head.cell(r, 5).merge(head.cell(r, 7))
    _docx_merge_vertical(head, 0, 5, 6)
    doc.add_paragraph("二、绩效指标完成情况")
    inds = doc.add_table(rows=2 + len(p["inds"]), cols=8)
    inds.style = "Table Grid"
    _docx_fill(inds, 0, IND_HEAD)
    _docx_indicators(inds, 1, p["inds"])
    last = 1 + len(p["inds"])
    _docx_fill(inds, last, ["总分", "", "", "", "", "100", p["score"], ""])
    inds.cell(last, 0).merge(inds.cell(last, 4))
    doc.add_paragraph(f"自评等级：{p['grade']}")


def make_origb03() -> None:
    """Two projects, each split into a basic-data table and, after a paragraph, an indicator table."""
    import docx
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    _origb03_project(doc, {
        "name": "2023年城市绿地养护经费", "dept": "芷溪市城市管理局", "impl": "芷溪市园林绿化中心",
        "funds": ["3,600,000.00", "3,600,000.00", "3,528,000.00", "10", "98.00%", "9.8"], "score": "96.8", "grade": "优",
        "goal": ("养护城市绿地210万平方米以上，养护达标率95%以上。", "养护城市绿地212万平方米，养护达标率95.6%。"),
        "inds": [
            ["产出指标", "数量指标", "养护绿地面积", "≥210万平方米", "212万平方米", "20", "20", ""],
            ["^", "质量指标", "绿地养护达标率", "≥95%", "95.6%", "20", "20", ""],
            ["^", "时效指标", "病虫害处置时限", "≤3天", "2天", "10", "10", ""],
            ["效益指标", "生态效益指标", "城市绿化覆盖率", "≥42%", "42.3%", "20", "20", ""],
            ["满意度指标", "社会公众满意度指标", "市民满意度", "≥85%", "83.5%", "20", "17", "新建片区绿地养护频次不足"],
        ]})
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _origb03_project(doc, {
        "name": "2023年市政道路照明设施维护", "dept": "芷溪市城市管理局", "impl": "芷溪市路灯管理所",
        "funds": ["1,150,000.00", "1,280,000.00", "1,176,320.00", "10", "91.90%", "9.2"], "score": "99.2", "grade": "优",
        "goal": ("维护城区路灯1.6万盏以上，亮灯率98%以上。", "维护路灯1.62万盏，亮灯率98.6%。"),
        "inds": [
            ["产出指标", "数量指标", "维护路灯盏数", "≥1.6万盏", "1.62万盏", "20", "20", ""],
            ["^", "质量指标", "路灯亮灯率", "≥98%", "98.6%", "20", "20", ""],
            ["^", "成本指标", "单盏路灯年维护成本", "≤72元", "70.4元", "10", "10", ""],
            ["效益指标", "社会效益指标", "夜间道路照明保障", "有效保障", "有效保障", "20", "20", ""],
            ["满意度指标", "社会公众满意度指标", "市民满意度", "≥85%", "87%", "20", "20", ""],
        ]})
    doc.save(HERE / "origb03.docx")


# ---------------------------------------------------------------- Excel


def _xlsx_project(ws, p: dict, top: int = 1) -> int:
    """One project on WS from row TOP (columns A..H); numbers as given (int/float/str); returns the last row written."""
    ws.cell(top, 1, "项目支出绩效自评表")
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=8)
    r = top + 1
    ws.cell(r, 1, "项目名称")
    ws.cell(r, 2, p["name"])
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
    ws.cell(r + 1, 1, "主管部门")
    ws.cell(r + 1, 2, p["dept"])
    ws.cell(r + 1, 5, "实施单位")
    ws.cell(r + 1, 6, p["impl"])
    ws.merge_cells(start_row=r + 1, start_column=2, end_row=r + 1, end_column=4)
    ws.merge_cells(start_row=r + 1, start_column=6, end_row=r + 1, end_column=8)
    r += 2
    ws.cell(r, 1, "项目资金（万元）")
    ws.merge_cells(start_row=r, start_column=1, end_row=r + 2, end_column=1)
    for col, head in enumerate(FUNDS_HEAD, start=3):
        ws.cell(r, col, head)
    ws.cell(r + 1, 2, "年度资金总额")
    for col, value in enumerate(p["funds"], start=3):
        ws.cell(r + 1, col, value)
    if p.get("rate_format"):
        ws.cell(r + 1, 7).number_format = p["rate_format"]
    ws.cell(r + 2, 2, "其中：当年财政拨款")
    for col, value in enumerate(p["funds"][:3], start=3):
        ws.cell(r + 2, col, value)
    r += 3
    for col, head in enumerate(IND_HEAD, start=1):
        ws.cell(r, col, head)
    _xlsx_levels(ws, r + 1, p["inds"])
    for (row_i, col_i), fmt in p.get("formats", {}).items():
        ws.cell(r + 1 + row_i, col_i + 1).number_format = fmt
    r += 1 + len(p["inds"])
    ws.cell(r, 1, "总分")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    ws.cell(r, 6, 100)
    ws.cell(r, 7, p["score"])
    if p.get("grade"):
        r += 1
        ws.cell(r, 1, "评价等级")
        ws.cell(r, 2, p["grade"])
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
    return r


ORIG2_04 = [
    ("基本公卫", {
        "name": "2023年基本公共卫生服务补助资金", "dept": "沅陵江区卫生健康局", "impl": "沅陵江区疾病预防控制中心",
        "funds": [612.5, 640, 631.36, 10, 0.9865, 9.9], "rate_format": "0.00%", "score": 99.9, "grade": "优",
        "formats": {(3, 4): "0.0%"},
        "inds": [
            ["产出指标", "数量指标", "65岁及以上老年人健康管理人数", "≥2.3万人", "2.41万人", 20, 20, None],
            ["^", "质量指标", "高血压患者规范管理率", "≥62%", "64.8%", 20, 20, None],
            ["效益指标", "社会效益指标", "居民健康素养水平", "≥28%", "29.6%", 30, 30, None],
            ["满意度指标", "服务对象满意度指标", "居民满意度", "≥85%", 0.912, 20, 20, None],
        ]}),
    ("家庭医生", {
        "name": "2023年家庭医生签约服务经费", "dept": "沅陵江区卫生健康局", "impl": "沅陵江区社区卫生服务中心",
        "funds": ["88", "88", "80.5", "10", "91.48%", "9.1"], "score": "97.1",
        "inds": [
            ["产出指标", "数量指标", "签约服务人数", "≥3.5万人", "3.62万人", "30", "30", None],
            ["^", "时效指标", "签约服务费拨付时间", "2023年12月底前", "2023年12月", "20", "20", None],
            ["效益指标", "社会效益指标", "重点人群签约覆盖率", "≥75%", "73.2%", "20", "18", "部分老年人签约意愿不高"],
            ["满意度指标", "服务对象满意度指标", "签约居民满意度", "≥90%", "92%", "20", "20", None],
        ]}),
    ("妇幼健康", {
        "name": "2023年孕产妇和儿童健康管理项目", "dept": "沅陵江区卫生健康局", "impl": "沅陵江区妇幼保健院",
        "funds": [45, 45, 45, 10, 1, 10], "rate_format": "0%", "score": 100, "grade": "优",
        "inds": [
            ["产出指标", "数量指标", "孕产妇系统管理人数", "≥2800人", "2916人", 25, 25, None],
            ["^", "质量指标", "儿童健康管理率", "≥90%", "93.1%", 25, 25, None],
            ["效益指标", "社会效益指标", "孕产妇死亡率", "≤10/10万", 0, 20, 20, None],
            ["满意度指标", "服务对象满意度指标", "孕产妇满意度", "≥90%", "95%", 20, 20, None],
        ]}),
    ("院前急救", {
        "name": "2023年院前急救能力提升项目", "dept": "沅陵江区卫生健康局", "impl": "沅陵江区急救中心",
        "funds": [130, 126, 118.44, 10, 0.94, 9.4], "rate_format": "0.00%", "score": 98.4,
        "inds": [
            ["产出指标", "数量指标", "购置负压救护车数量", "3辆", "3辆", 30, 30, None],
            ["^", "时效指标", "急救平均反应时间", "≤12分钟", "11.5分钟", 20, 20, None],
            ["效益指标", "社会效益指标", "院前急救呼救满足率", "≥95%", "96.3%", 20, 20, None],
            ["满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "90.5%", 20, 19, None],
        ]}),
]


def make_origb04() -> None:
    """A workbook with a cover sheet of notes and one sheet per project (4 projects)."""
    import openpyxl

    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "填报说明"
    for i, line in enumerate(["沅陵江区卫生健康局2023年度项目支出绩效自评表", "填报单位：沅陵江区卫生健康局",
                              "金额单位：万元", "1.本工作簿共4个项目，每个项目一张工作表。",
                              "2.执行率=全年执行数/全年预算数，得分=执行率×分值。",
                              "3.自评总分90分（含）以上为优，80-90分为良，60-80分为中，60分以下为差。"], start=1):
        cover.cell(i, 1, line)
    for title, project in ORIG2_04:
        _xlsx_project(wb.create_sheet(title), project)
    wb.save(HERE / "origb04.xlsx")


def make_origb05() -> None:
    """Hidden rows, a hidden column and a hidden draft sheet; print titles and a print area on the sheet shown."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:I1")
    ws["A2"] = "（2023年度）                                             金额单位：万元"
    ws.merge_cells("A2:I2")
    ws["A3"], ws["B3"] = "项目名称", "2023年县级图书馆数字化建设项目"
    ws.merge_cells("B3:I3")
    ws["A4"], ws["B4"], ws["F4"], ws["G4"] = "主管部门", "岑南县文化广电和旅游体育局", "实施单位", "岑南县图书馆"
    ws.merge_cells("B4:E4")
    ws.merge_cells("G4:I4")
    ws["A5"] = "项目资金（万元）"
    ws.merge_cells("A5:A7")
    for col, head in zip("CEFGHI", FUNDS_HEAD):
        ws[f"{col}5"] = head
    ws["B6"] = "年度资金总额"
    for col, value in zip("CEFGHI", [66, 66, 64.02, 10, 0.97, 9.7]):
        ws[f"{col}6"] = value
    ws["H6"].number_format = "0.00%"
    ws["B7"] = "其中：当年财政拨款"
    for col, value in zip("CEF", [66, 66, 64.02]):
        ws[f"{col}7"] = value
    ws["A8"] = ""  # a spacer row, hidden
    heads = ["一级指标", "二级指标", "三级指标", "上年完成值", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    for col, head in enumerate(heads, start=1):
        ws.cell(9, col, head)
    inds = [
        ["产出指标", "数量指标", "古籍文献数字化页数", "8.5万页", "≥12万页", "12.6万页", 20, 20, None],
        ["^", "^", "采购数字阅读终端台数", "—", "≥20台", "—", 10, 0, "该指标已调整取消"],
        ["^", "质量指标", "数字资源可用率", "97.6%", "≥98%", "99.2%", 20, 20, None],
        ["^", "时效指标", "平台上线时间", "—", "2023年10月底前", "2023年10月28日", 10, 10, None],
        ["效益指标", "社会效益指标", "数字资源年访问量", "11.2万人次", "≥15万人次", "16.8万人次", 20, 20, None],
        ["满意度指标", "服务对象满意度指标", "读者满意度", "91%", "≥90%", "93.5%", 20, 20, None],
    ]
    _xlsx_levels(ws, 10, inds)
    ws["A16"] = "总分"
    ws.merge_cells("A16:F16")
    ws["G16"], ws["H16"] = 100, 99.7
    ws["A17"], ws["B17"] = "评价等级", "优"
    ws.merge_cells("B17:I17")
    ws.row_dimensions[8].hidden = True
    ws.row_dimensions[11].hidden = True
    ws.column_dimensions["D"].hidden = True
    ws.print_title_rows = "1:2"
    ws.print_area = "A1:I17"
    draft = wb.create_sheet("草稿")
    _xlsx_project(draft, {
        "name": "2023年县级图书馆数字化建设项目", "dept": "岑南县文化广电和旅游体育局", "impl": "岑南县图书馆",
        "funds": [60, 60, 52.8, 10, 0.88, 8.8], "score": 90.8,
        "inds": [["产出指标", "数量指标", "古籍文献数字化页数", "≥10万页", "9.6万页", 30, 28, None],
                 ["满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "90%", 60, 54, None]]})
    draft.sheet_state = "hidden"
    wb.save(HERE / "origb05.xlsx")


def _cache_formulas(path: Path, cached: dict[str, dict[str, object]]) -> None:
    """Write Excel's cached results into formula cells openpyxl left empty (CACHED: sheet xml name -> cell -> value).

    openpyxl writes `<f>` with an empty `<v>`; Excel saves the last computed value there, and a reader opening the
    workbook with data_only sees that value. Strings get t="str" as Excel writes them."""
    with zipfile.ZipFile(path) as zin:
        items = {name: zin.read(name) for name in zin.namelist()}
    for sheet, cells in cached.items():
        xml = items[sheet].decode()
        for ref, value in cells.items():
            kind = ' t="str"' if isinstance(value, str) else ""
            pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>')
            xml, n = pattern.subn(lambda m, r=ref, k=kind, v=value: f'<c r="{r}"{m.group(1)}{k}><f>{m.group(2)}</f><v>{v}</v></c>', xml)
            assert n == 1, (sheet, ref)
        items[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items.items():
            zout.writestr(name, data)


def _origb06_sheet(wb, title: str, p: dict) -> None:
    """A project sheet whose names link to the cover sheet and whose totals, rate and scores are formulas."""
    ws = wb.create_sheet(title)
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:H1")
    ws["A2"], ws["B2"] = "项目名称", p["name"]
    ws.merge_cells("B2:H2")
    ws["A3"], ws["B3"], ws["E3"], ws["F3"] = "主管部门", "=封面!B2", "实施单位", p["impl"]
    ws.merge_cells("B3:D3")
    ws.merge_cells("F3:H3")
    ws["A4"] = "项目资金（万元）"
    ws.merge_cells("A4:A7")
    for col, head in zip("CDEFGH", FUNDS_HEAD):
        ws[f"{col}4"] = head
    ws["B5"] = "年度资金总额"
    for col in "CDE":
        ws[f"{col}5"] = f"=SUM({col}6:{col}7)"
    ws["F5"], ws["G5"], ws["H5"] = 10, "=E5/D5", "=ROUND(G5*F5,1)"
    ws["G5"].number_format = "0.00%"
    ws["B6"], ws["B7"] = "其中：当年财政拨款", "上年结转资金"
    for row, amounts in ((6, p["current"]), (7, p["carried"])):
        for col, value in zip("CDE", amounts):
            if value is not None:
                ws[f"{col}{row}"] = value
    for col, head in enumerate(IND_HEAD, start=1):
        ws.cell(8, col, head)
    _xlsx_levels(ws, 9, p["inds"])
    total = 9 + len(p["inds"])
    ws.cell(total, 1, "总分")
    ws.merge_cells(start_row=total, start_column=1, end_row=total, end_column=5)
    ws.cell(total, 6, f"=F5+SUM(F9:F{total - 1})")
    ws.cell(total, 7, f"=H5+SUM(G9:G{total - 1})")


def make_origb06() -> None:
    """Formulas with Excel's cached values: SUM totals, the rate E/D, ROUND scores, a name linked to a cover sheet."""
    import openpyxl

    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A1"] = "2023年度项目支出绩效自评表"
    cover["A2"], cover["B2"] = "单位名称", "澧阳县农业农村局"
    cover["A3"], cover["B3"] = "金额单位", "万元"
    _origb06_sheet(wb, "农田管护", {
        "name": "2023年高标准农田建设项目管护经费", "impl": "澧阳县农田建设服务中心",
        "current": [180, 200, 191.2], "carried": [20, 20, 18.6],
        "inds": [
            ["产出指标", "数量指标", "管护高标准农田面积", "≥8万亩", "8.2万亩", 20, 20, None],
            ["^", "质量指标", "灌排设施完好率", "≥90%", "91%", 20, 20, None],
            ["效益指标", "经济效益指标", "粮食亩均增产", "≥50公斤", "56公斤", 20, 20, None],
            ["^", "可持续影响指标", "管护机制运行年限", "≥5年", "5年", 10, 10, None],
            ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "92.4%", 20, 20, None],
        ]})
    _origb06_sheet(wb, "农机补贴", {
        "name": "2023年农机购置补贴工作经费", "impl": "澧阳县农业机械化服务中心",
        "current": [25, 25, 23.4], "carried": [None, None, None],
        "inds": [
            ["产出指标", "数量指标", "补贴机具核查台数", "≥600台", "624台", 30, 30, None],
            ["^", "时效指标", "补贴资金兑付时限", "≤60天", "45天", 20, 20, None],
            ["效益指标", "社会效益指标", "农机化综合水平", "≥75%", "76.2%", 20, 20, None],
            ["满意度指标", "服务对象满意度指标", "购机户满意度", "≥90%", "89%", 20, 18, "部分机具补贴到账偏慢"],
        ]})
    path = HERE / "origb06.xlsx"
    wb.save(path)
    # The values Excel computed when the bureau saved the workbook (sheet2 = 农田管护, sheet3 = 农机补贴).
    _cache_formulas(path, {
        "xl/worksheets/sheet2.xml": {"B3": "澧阳县农业农村局", "C5": 200, "D5": 220, "E5": 209.8,
                                     "G5": 0.953636363636364, "H5": 9.5, "F14": 100, "G14": 99.5},
        "xl/worksheets/sheet3.xml": {"B3": "澧阳县农业农村局", "C5": 25, "D5": 25, "E5": 23.4,
                                     "G5": 0.936, "H5": 9.4, "F13": 100, "G13": 97.4},
    })


def main() -> None:
    for make in (make_origb01, make_origb02, make_origb03, make_origb04, make_origb05, make_origb06):
        make()


if __name__ == "__main__":
    main()
