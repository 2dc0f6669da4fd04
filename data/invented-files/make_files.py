"""Write the invented originals of data/invented-files (Word, Excel, PDF) the way bureaus publish them.

Every name, place and figure is invented. The gold records beside them (NAME.gold.json) are labeled by hand from
what these files print, not derived from this script. Run from anywhere:

    python data/invented-files/make_files.py

The output is committed; rerunning rewrites it byte-for-byte only where the libraries are deterministic (the PDF
and Office zips carry timestamps, so a rerun is a change to review, not a regeneration step of the build).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

IND_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


# ---------------------------------------------------------------- Word


def _docx_merge_vertical(table, col: int, first: int, last: int) -> None:
    """Merge a column's cells over rows FIRST..LAST (Word's vMerge), keeping the first cell's text."""
    if last > first:
        table.cell(first, col).merge(table.cell(last, col))


def _docx_fill(table, row: int, cells: list[str]) -> None:
    for col, value in enumerate(cells):
        if value is not None:
            table.cell(row, col).text = value


def _docx_indicators(table, start: int, rows: list[list[str]]) -> None:
    """Indicator rows at START; level-1 and level-2 cells printed once and merged down over their group."""
    for i, row in enumerate(rows):
        _docx_fill(table, start + i, [c if c != "^" else "" for c in row])
    for col in (0, 1):
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and rows[j + 1][col] == "^":
                j += 1
            _docx_merge_vertical(table, col, start + i, start + j)
            i = j + 1


def make_orig01() -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("项目支出绩效自评表")
    doc.add_paragraph("（2023年度）")
    inds = [
        ["产出指标", "数量指标", "提升改造乡村文化礼堂数量", "≥12个", "13个", "15", "15", ""],
        ["^", "^", "开展送文化下乡演出场次", "≥60场", "64场", "10", "10", ""],
        ["^", "质量指标", "改造项目验收合格率", "100%", "100%", "15", "15", ""],
        ["^", "时效指标", "项目完工时间", "2023年11月底前", "2023年12月中旬", "10", "8", "两处礼堂因雨季延误工期，已督促施工方加快进度"],
        ["效益指标", "社会效益", "村民参与文化活动人次", "≥3万人次", "3.4万人次", "15", "15", ""],
        ["^", "可持续影响", "文化礼堂常态化开放率", "≥90%", "92%", "15", "14", ""],
        ["满意度指标", "服务对象满意度", "村民满意度", "≥90%", "94.5%", "10", "10", ""],
    ]
    table = doc.add_table(rows=10 + len(inds) + 1, cols=8)
    table.style = "Table Grid"
    _docx_fill(table, 0, ["项目名称", "2023年乡村文化礼堂提升补助"])
    table.cell(0, 1).merge(table.cell(0, 7))
    _docx_fill(table, 1, ["主管部门", "栖霞岭县文化和旅游局", None, None, "实施单位", "栖霞岭县文化馆"])
    table.cell(1, 1).merge(table.cell(1, 3))
    table.cell(1, 5).merge(table.cell(1, 7))
    _docx_fill(table, 2, ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    _docx_fill(table, 3, ["", "年度资金总额", "120", "135.6", "129.8", "10", "95.72%", "9.6"])
    _docx_fill(table, 4, ["", "其中：当年财政拨款", "120", "135.6", "129.8", "—", "—", "—"])
    _docx_fill(table, 5, ["", "上年结转资金", "", "", "", "—", "", "—"])
    _docx_fill(table, 6, ["", "其他资金", "", "", "", "—", "", "—"])
    _docx_merge_vertical(table, 0, 2, 6)
    _docx_fill(table, 7, ["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
    _docx_fill(table, 8, ["", "完成12个乡村文化礼堂提升改造，开展送文化下乡演出不少于60场，丰富村民文化生活。", None, None, None,
                          "完成13个文化礼堂提升改造，开展演出64场，村民参与3.4万人次。"])
    for row in (7, 8):
        table.cell(row, 1).merge(table.cell(row, 4))
        table.cell(row, 5).merge(table.cell(row, 7))
    _docx_merge_vertical(table, 0, 7, 8)
    _docx_fill(table, 9, IND_HEAD)
    _docx_indicators(table, 10, inds)
    last = 10 + len(inds)
    _docx_fill(table, last, ["总分", "", "", "", "", "100", "96.6", ""])
    table.cell(last, 0).merge(table.cell(last, 4))
    doc.add_paragraph("自评等级：优")
    doc.add_paragraph("填表人：周晓岚    联系电话：0571-6xxxxxx    填报日期：2024年3月8日")
    doc.save(HERE / "orig01.docx")


def _orig02_head(table) -> None:
    _docx_fill(table, 0, ["项目名称", "城区公共厕所运行维护经费"])
    table.cell(0, 1).merge(table.cell(0, 7))
    _docx_fill(table, 1, ["主管部门", "青溪县城市管理局", None, None, "实施单位", "青溪县环境卫生服务中心"])
    table.cell(1, 1).merge(table.cell(1, 3))
    table.cell(1, 5).merge(table.cell(1, 7))
    _docx_fill(table, 2, ["项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    _docx_fill(table, 3, ["", "年度资金总额", "1,280,000.00", "1,350,000.00", "1,312,460.00", "10", "97.22%", "9.7"])
    _docx_fill(table, 4, ["", "其中：财政拨款", "1,280,000.00", "1,350,000.00", "1,312,460.00", "—", "—", "—"])
    _docx_fill(table, 5, ["", "其他资金", "", "", "", "—", "—", "—"])
    _docx_merge_vertical(table, 0, 2, 5)
    _docx_fill(table, 6, ["年度总体目标", "预期目标：保障城区86座公厕正常开放，保洁覆盖率100%。", None, None,
                          "实际完成：86座公厕全部正常开放，设施完好率96.3%。"])
    table.cell(6, 1).merge(table.cell(6, 3))
    table.cell(6, 4).merge(table.cell(6, 7))


def make_orig02() -> None:
    """A table the author split by hand at a page break, the indicator header repeated on the second page."""
    import docx
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    doc.add_paragraph("2023年度项目支出绩效自评表")
    first = [
        ["产出指标", "数量指标", "维护公厕座数", "86座", "86座", "10", "10", ""],
        ["^", "^", "日常保洁覆盖率", "100%", "100%", "10", "10", ""],
        ["^", "质量指标", "公厕设施完好率", "≥95%", "96.3%", "10", "10", ""],
    ]
    second = [
        ["", "时效指标", "设施故障修复时限", "≤48小时", "36小时", "10", "10", ""],
        ["^", "成本指标", "单座公厕年均维护成本", "≤1.6万元", "1.53万元", "10", "10", ""],
        ["效益指标", "社会效益指标", "市民如厕便利程度", "明显改善", "明显改善", "15", "14", "老城区部分公厕间距偏大"],
        ["^", "生态效益指标", "粪污无害化处理率", "100%", "100%", "10", "10", ""],
        ["^", "可持续影响指标", "长效管护机制", "健全", "基本健全", "5", "4", "管护考核细则待出台"],
        ["满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "88.6%", "10", "10", ""],
    ]
    table = doc.add_table(rows=8 + len(first), cols=8)
    table.style = "Table Grid"
    _orig02_head(table)
    _docx_fill(table, 7, IND_HEAD)
    _docx_indicators(table, 8, first)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    table2 = doc.add_table(rows=1 + len(second) + 2, cols=8)
    table2.style = "Table Grid"
    _docx_fill(table2, 0, IND_HEAD)
    _docx_indicators(table2, 1, second)
    total = 1 + len(second)
    _docx_fill(table2, total, ["总分", "", "", "", "", "100", "97.7", ""])
    table2.cell(total, 0).merge(table2.cell(total, 4))
    _docx_fill(table2, total + 1, ["自评等级", "优"])
    table2.cell(total + 1, 1).merge(table2.cell(total + 1, 7))
    doc.save(HERE / "orig02.docx")


def make_orig08() -> None:
    """Two-row headers with horizontal merges (预算数 over 年初/全年, 绩效指标 over 一级/二级/三级), a 项目编码 row."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("临溪县2023年度项目支出绩效自评表")
    doc.add_paragraph("金额单位：万元")
    inds = [
        ["产出指标", "数量指标", "培育农业科技示范主体", "≥150户", "162户", "15", "15"],
        ["^", "^", "建设农业科技示范基地", "≥3个", "3个", "10", "10"],
        ["^", "质量指标", "主推技术到位率", "≥95%", "96.5%", "15", "15"],
        ["^", "时效指标", "农技人员培训完成时间", "2023年9月底前", "2023年9月", "10", "10"],
        ["效益指标", "经济效益", "示范主体亩均节本增效", "≥100元", "118元", "15", "15"],
        ["^", "社会效益", "带动周边农户应用主推技术", "≥1000户", "1120户", "15", "15"],
        ["满意度指标", "服务对象满意度", "示范主体满意度", "≥90%", "93%", "10", "10"],
    ]
    table = doc.add_table(rows=9 + len(inds) + 1, cols=7)
    table.style = "Table Grid"
    _docx_fill(table, 0, ["项目编码", "3310822023000456"])
    table.cell(0, 1).merge(table.cell(0, 6))
    _docx_fill(table, 1, ["项目名称", "2023年基层农技推广体系改革与建设补助"])
    table.cell(1, 1).merge(table.cell(1, 6))
    _docx_fill(table, 2, ["主管部门", "临溪县农业农村局", None, "实施单位", "临溪县农业技术推广中心"])
    table.cell(2, 1).merge(table.cell(2, 2))
    table.cell(2, 4).merge(table.cell(2, 6))
    _docx_fill(table, 3, ["资金来源", "预算数", None, "全年执行数", "分值", "执行率", "得分"])
    _docx_fill(table, 4, ["", "年初预算数", "全年预算数", "", "", "", ""])
    table.cell(3, 1).merge(table.cell(3, 2))
    for col in (0, 3, 4, 5, 6):
        _docx_merge_vertical(table, col, 3, 4)
    _docx_fill(table, 5, ["年度资金总额", "68", "72.5", "70.1", "10", "96.69%", "9.7"])
    _docx_fill(table, 6, ["其中：当年财政拨款", "68", "72.5", "70.1", "—", "—", "—"])
    _docx_fill(table, 7, ["绩效指标", None, None, "指标值", None, "分值", "得分"])
    _docx_fill(table, 8, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "", ""])
    table.cell(7, 0).merge(table.cell(7, 2))
    table.cell(7, 3).merge(table.cell(7, 4))
    for col in (5, 6):
        _docx_merge_vertical(table, col, 7, 8)
    _docx_indicators(table, 9, inds)
    last = 9 + len(inds)
    _docx_fill(table, last, ["总分", "", "", "", "", "100", "99.7"])
    table.cell(last, 0).merge(table.cell(last, 4))
    doc.add_paragraph("评价等级：优")
    doc.save(HERE / "orig08.docx")


# ---------------------------------------------------------------- Excel


def _xlsx_levels(ws, first_row: int, rows: list[list]) -> None:
    """Write indicator rows from FIRST_ROW; '^' level cells merge into the cell above (openpyxl merge)."""
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value != "^" and value is not None:
                ws.cell(first_row + i, j + 1, value)
    for col in (1, 2):
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and rows[j + 1][col - 1] == "^":
                j += 1
            if j > i:
                ws.merge_cells(start_row=first_row + i, start_column=col, end_row=first_row + j, end_column=col)
            i = j + 1


def make_orig03() -> None:
    """Numbers stored as numbers: a fraction rate with a percent format, int weights and float scores, a second sheet."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目自评表"
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:H1")
    ws["A2"] = "（2023年度）"
    ws.merge_cells("A2:H2")
    ws["A3"], ws["B3"] = "项目名称", "2023年农村饮水安全工程维修养护资金"
    ws.merge_cells("B3:H3")
    ws["A4"], ws["B4"], ws["E4"], ws["F4"] = "主管部门", "石门坎县水利局", "实施单位", "石门坎县农村供水管理站"
    ws.merge_cells("B4:D4")
    ws.merge_cells("F4:H4")
    ws["A5"] = "项目资金（万元）"
    ws.merge_cells("A5:A8")
    for col, head in zip("CDEFGH", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        ws[f"{col}5"] = head
    ws["B6"], ws["C6"], ws["D6"], ws["E6"], ws["F6"], ws["G6"], ws["H6"] = "年度资金总额", 260, 260, 249.08, 10, 0.958, 9.6
    ws["G6"].number_format = "0.0%"
    ws["B7"], ws["C7"], ws["D7"], ws["E7"] = "其中：当年财政拨款", 260, 260, 249.08
    ws["B8"] = "上年结转资金"  # its amounts left blank
    for col, head in enumerate(IND_HEAD, start=1):
        ws.cell(9, col, head)
    inds = [
        ["产出指标", "数量指标", "维修养护集中供水工程处数", "≥35处", 38, 10, 10.0, None],
        ["^", "^", "更换老化管网长度", "≥18公里", "19.5公里", 10, 10.0, None],
        ["^", "质量指标", "维修工程验收合格率", "100%", 1, 15, 15.0, None],
        ["^", "时效指标", "维修养护任务完成时间", "2023年10月底前", "2023年10月", 15, 15.0, None],
        ["效益指标", "社会效益指标", "受益农村人口", "≥6.2万人", "6.48万人", 20, 20.0, None],
        ["^", "可持续影响指标", "工程正常运行率", "≥95%", "97%", 10, 10.0, None],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", 0.934, 10, 9.5, "个别村反映维修响应偏慢"],
    ]
    _xlsx_levels(ws, 10, inds)
    ws["E12"].number_format = "0%"
    ws["E16"].number_format = "0.0%"
    ws["A17"] = "总分"
    ws.merge_cells("A17:E17")
    ws["F17"], ws["G17"] = 100, 99.1
    ws["A18"], ws["B18"] = "评价等级", "优"
    ws.merge_cells("B18:H18")
    notes = wb.create_sheet("填报说明")
    notes["A1"] = "填报说明"
    notes["A2"] = "1.本表金额单位为万元。"
    notes["A3"] = "2.执行率=全年执行数/全年预算数。"
    notes["A4"] = "3.偏差原因分析须说明未完成指标的原因及改进措施。"
    wb.save(HERE / "orig03.xlsx")


def _orig04_sheet(wb, title: str, project: dict, inds: list[list]) -> None:
    ws = wb.create_sheet(title)
    ws["A1"] = "2023年度项目支出绩效自评表"
    ws.merge_cells("A1:I1")
    ws["A2"], ws["B2"] = "项目名称", project["name"]
    ws.merge_cells("B2:I2")
    ws["A3"], ws["B3"], ws["E3"], ws["F3"] = "主管部门", project["dept"], "实施单位", project["impl"]
    ws.merge_cells("B3:D3")
    ws.merge_cells("F3:I3")
    ws["A4"] = "项目资金（元）"
    ws.merge_cells("A4:A6")
    for col, head in zip("CDEFGH", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        ws[f"{col}4"] = head
    ws["B5"] = "年度资金总额"
    for col, value in zip("CDEFGH", project["funds"]):
        ws[f"{col}5"] = value
    for col in "CDE":
        ws[f"{col}5"].number_format = "#,##0.00"
    ws["G5"].number_format = "0.00%"
    ws["B6"] = "其中：财政拨款"
    for col, value in zip("CDE", project["funds"][:3]):
        ws[f"{col}6"] = value
        ws[f"{col}6"].number_format = "#,##0.00"
    heads = ["一级指标", "二级指标", "三级指标", "运算符号", "指标值", "度量单位", "实际完成值", "分值", "得分"]
    for col, head in enumerate(heads, start=1):
        ws.cell(7, col, head)
    _xlsx_levels(ws, 8, inds)
    total = 8 + len(inds)
    ws.cell(total, 1, "总分")
    ws.merge_cells(start_row=total, start_column=1, end_row=total, end_column=7)
    ws.cell(total, 8, 100)
    ws.cell(total, 9, project["score"])


def make_orig04() -> None:
    """Two projects on two sheets, 元 amounts stored as numbers under a thousands format, 运算符号/指标值/度量单位 columns."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _orig04_sheet(wb, "居家养老", {
        "name": "2023年社区居家养老服务补助资金", "dept": "白河县民政局", "impl": "白河县社会福利中心",
        "funds": [860000, 920000, 903440, 10, 0.982, 9.8], "score": 98.8,
    }, [
        ["产出指标", "数量指标", "服务老年人数", "≥", 1200, "人", 1268, 20, 20],
        ["^", "质量指标", "服务质量抽查合格率", "≥", 95, "%", 97.5, 20, 20],
        ["^", "时效指标", "补助资金发放及时率", "=", 100, "%", 100, 10, 10],
        ["效益指标", "社会效益指标", "新增社区助餐点", "≥", 10.0, "个", 11, 20, 20],
        ["^", "可持续影响指标", "服务站点持续运营年限", "≥", 3, "年", 3, 10, 10],
        ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥", 90, "%", 92.6, 10, 9],
    ])
    _orig04_sheet(wb, "残疾人补贴", {
        "name": "2023年困难残疾人生活补贴", "dept": "白河县民政局", "impl": "白河县残疾人联合会",
        "funds": [1536000, 1536000, 1487520, 10, 0.9684, 9.7], "score": 99.7,
    }, [
        ["产出指标", "数量指标", "补贴发放人数", "≥", 1600, "人", 1653, 30, 30],
        ["^", "质量指标", "补贴对象认定准确率", "=", 100, "%", 100, 20, 20],
        ["^", "时效指标", "按月发放率", "=", 100, "%", 100, 10, 10],
        ["效益指标", "社会效益指标", "困难残疾人基本生活保障水平", None, "有所提高", None, "有所提高", 20, 20],
        ["满意度指标", "服务对象满意度指标", "受助对象满意度", "≥", 90, "%", 95, 10, 10],
    ])
    wb.save(HERE / "orig04.xlsx")


# ---------------------------------------------------------------- PDF


def _pdf_styles():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8.5, leading=11, wordWrap="CJK")
    title = ParagraphStyle("title", fontName="STSong-Light", fontSize=15, leading=20, alignment=1)
    plain = ParagraphStyle("plain", fontName="STSong-Light", fontSize=10, leading=14)
    return cell, title, plain


def _pdf_grid(rows: list[list[str]], widths: list[float], spans: list[tuple], cell, repeat: int = 0):
    """A ruled table: every cell a wrapping Paragraph, SPANs for merged cells, grid lines all round."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(v, cell) if v else "" for v in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=repeat)
    style = [("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    style += [("SPAN", a, b) for a, b in spans]
    table.setStyle(TableStyle(style))
    return table


def _pdf_project(project: dict, inds: list[list[str]], cell, unit: str) -> list:
    """Header block, funds block and indicator rows of one project as one ruled table (level cells spanned)."""
    from reportlab.lib.units import mm

    rows = [
        ["项目名称", project["name"], "", "", "", "", "", ""],
        ["主管部门", project["dept"], "", "", "实施单位", project["impl"], "", ""],
        [f"项目资金（{unit}）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", *project["funds"]],
        ["", "其中：当年财政拨款", *project["funds"][:3], "—", "—", "—"],
        ["", "其他资金", "", "", "", "—", "—", "—"],
        IND_HEAD,
    ]
    spans = [((1, 0), (7, 0)), ((1, 1), (3, 1)), ((5, 1), (7, 1)), ((0, 2), (0, 5))]
    start = len(rows)
    for row in inds:
        rows.append([c if c != "^" else "" for c in row])
    for col in (0, 1):
        i = 0
        while i < len(inds):
            j = i
            while j + 1 < len(inds) and inds[j + 1][col] == "^":
                j += 1
            if j > i:
                spans.append(((col, start + i), (col, start + j)))
            i = j + 1
    rows.append(["总分", "", "", "", "", "100", project["score"], ""])
    spans.append(((0, len(rows) - 1), (4, len(rows) - 1)))
    rows.append(["自评等级", project["grade"], "", "", "", "", "", ""])
    spans.append(((1, len(rows) - 1), (7, len(rows) - 1)))
    widths = [w * mm for w in (18, 20, 38, 22, 22, 13, 15, 30)]
    return rows, widths, spans


def make_orig05() -> None:
    """A ruled PDF table whose long names, targets and reasons wrap inside their cells."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    cell, title, plain = _pdf_styles()
    project = {"name": "2023年中小学校舍维修改造项目", "dept": "泸川县教育和体育局", "impl": "泸川县教育和体育局",
               "funds": ["450", "512.3", "498.62", "10", "97.33%", "9.7"], "score": "97.7", "grade": "优"}
    inds = [
        ["产出指标", "数量指标", "维修改造校舍面积（含屋面防水、外墙修缮及配套排水设施）", "≥1.8万平方米", "1.86万平方米", "15", "15", ""],
        ["^", "^", "惠及学校数量", "14所", "14所", "10", "10", ""],
        ["^", "质量指标", "维修改造工程竣工验收一次性合格率", "100%", "100%", "10", "10", ""],
        ["^", "时效指标", "暑期施工项目开学前完工率", "≥95%", "92.9%", "10", "8",
         "一所学校因雨季连续降雨延误工期，已于9月中旬完工，今后将提前安排施工窗口"],
        ["^", "成本指标", "校舍维修综合单价", "≤280元/平方米", "268元/平方米", "5", "5", ""],
        ["效益指标", "社会效益指标", "消除校舍安全隐患", "全部消除", "全部消除", "20", "20", ""],
        ["^", "可持续影响指标", "维修后校舍使用年限延长", "≥10年", "10年", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "师生及家长满意度", "≥90%", "95.2%", "10", "10", ""],
    ]
    rows, widths, spans = _pdf_project(project, inds, cell, "万元")
    story = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 6),
             _pdf_grid(rows, widths, spans, cell)]
    SimpleDocTemplate(str(HERE / "orig05.pdf"), pagesize=A4, invariant=1).build(story)


def make_orig06() -> None:
    """Two projects, one table a page: the first in 万元, the second in 元 with thousands separators."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    cell, title, plain = _pdf_styles()
    first = {"name": "2023年森林防火专项经费", "dept": "岚峪县林业局", "impl": "岚峪县森林消防大队",
             "funds": ["85", "85", "81.6", "10", "96%", "9.6"], "score": "98.6", "grade": "优"}
    second = {"name": "2023年林业有害生物防治补助", "dept": "岚峪县林业局", "impl": "岚峪县林业有害生物防治检疫站",
              "funds": ["320,000.00", "356,000.00", "341,760.00", "10", "96%", "9.6"], "score": "97.6", "grade": "优"}
    inds1 = [
        ["产出指标", "数量指标", "防火巡护里程", "≥1.5万公里", "1.62万公里", "20", "20", ""],
        ["^", "质量指标", "火情24小时扑灭率", "≥95%", "100%", "20", "20", ""],
        ["^", "时效指标", "防火物资到位时间", "3月底前", "3月25日", "10", "10", ""],
        ["效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.2‰", "30", "30", ""],
        ["满意度指标", "社会公众满意度指标", "林区群众满意度", "≥90%", "93%", "10", "9", ""],
    ]
    inds2 = [
        ["产出指标", "数量指标", "有害生物防治面积", "≥2.4万亩", "2.5万亩", "30", "30", ""],
        ["^", "质量指标", "无公害防治率", "≥90%", "91.5%", "20", "20", ""],
        ["效益指标", "生态效益指标", "成灾率", "≤3‰", "1.8‰", "20", "20", ""],
        ["^", "可持续影响指标", "监测预报准确率", "≥85%", "84%", "10", "8", "新设监测点数据积累不足"],
        ["满意度指标", "服务对象满意度指标", "林农满意度", "≥90%", "92%", "10", "10", ""],
    ]
    story = []
    for project, inds, unit in ((first, inds1, "万元"), (second, inds2, "元")):
        rows, widths, spans = _pdf_project(project, inds, cell, unit)
        story += [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 6),
                  _pdf_grid(rows, widths, spans, cell), PageBreak()]
    SimpleDocTemplate(str(HERE / "orig06.pdf"), pagesize=A4, invariant=1).build(story[:-1])


def make_orig07() -> None:
    """A long ruled indicator table that runs onto a second page with its header row repeated there."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    cell, title, plain = _pdf_styles()
    head = [
        ["项目名称", "2023年城乡居民医疗救助资金", "", "", "", "", "", ""],
        ["主管部门", "汶溪县医疗保障局", "", "", "实施单位", "汶溪县医疗保障事务中心", "", ""],
        ["项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "4,800,000.00", "5,200,000.00", "5,096,000.00", "10", "98%", "9.8"],
        ["", "其中：当年财政拨款", "4,800,000.00", "5,200,000.00", "5,096,000.00", "—", "—", "—"],
        ["年度总体目标", "预期目标：对特困人员、低保对象、返贫致贫人口等救助对象参加城乡居民医保给予资助，"
         "对符合条件的门诊、住院费用按规定给予救助，政策范围内住院费用救助比例不低于70%，"
         "切实防范因病致贫返贫，推进医疗救助与基本医保、大病保险一站式结算全覆盖。", "", "",
         "实际完成：资助参保2.16万人，门诊救助9420人次，住院救助3318人次，政策范围内住院费用救助比例72%，"
         "一站式结算覆盖全部定点医疗机构，未发生规模性因病致贫返贫。", "", "", ""],
    ]
    spans = [((1, 0), (7, 0)), ((1, 1), (3, 1)), ((5, 1), (7, 1)), ((0, 2), (0, 4)), ((1, 5), (3, 5)), ((4, 5), (7, 5))]
    widths = [w * mm for w in (18, 22, 38, 22, 22, 13, 15, 28)]
    inds = [
        ["产出指标", "数量指标", "资助参保人数", "≥2.1万人", "2.16万人", "10", "10", ""],
        ["产出指标", "数量指标", "门诊救助人次", "≥9000人次", "9420人次", "10", "10", ""],
        ["产出指标", "数量指标", "住院救助人次", "≥3200人次", "3318人次", "10", "10", ""],
        ["产出指标", "质量指标", "救助对象资助参保率", "100%", "100%", "10", "10", ""],
        ["产出指标", "质量指标", "救助政策执行准确率", "100%", "99.6%", "5", "4.5", "个别对象身份信息更新滞后，已建立月度比对机制"],
        ["产出指标", "时效指标", "救助资金结算时限", "≤30个工作日", "20个工作日", "5", "5", ""],
        ["产出指标", "成本指标", "人均住院救助金额", "≤1500元", "1436元", "5", "5", ""],
        ["效益指标", "社会效益指标", "政策范围内住院费用救助比例", "≥70%", "72%", "10", "10", ""],
        ["效益指标", "社会效益指标", "因病致贫返贫发生情况", "有效防范", "有效防范", "10", "10", ""],
        ["效益指标", "可持续影响指标", "一站式结算覆盖率", "100%", "100%", "5", "5", ""],
        ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "95.8%", "10", "10", ""],
        ["总分", "", "", "", "", "100", "99.3", ""],
        ["自评等级", "优", "", "", "", "", "", ""],
    ]
    ind_spans = [((0, 12), (4, 12)), ((1, 13), (7, 13))]
    story = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 300),
             _pdf_grid(head, widths, spans, cell), _pdf_grid([IND_HEAD, *inds], widths, ind_spans, cell, repeat=1)]
    SimpleDocTemplate(str(HERE / "orig07.pdf"), pagesize=A4, invariant=1).build(story)


def main() -> None:
    for make in (make_orig01, make_orig02, make_orig03, make_orig04, make_orig05, make_orig06, make_orig07, make_orig08):
        make()


if __name__ == "__main__":
    main()
