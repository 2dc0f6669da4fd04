"""Write the origd* originals: legacy binary Office / WPS files (.xls, .et, .doc, .wps) as bureaus still publish them.

Every name, place and figure is invented. The gold records beside them (NAME.gold.json) were labeled by hand from
what these files print (Excel cells as Excel shows them, hidden sheets left out), not derived from this script.

Writers: ``xlwt`` (BIFF8 .xls; an .et from WPS 表格 saved "as Excel 97-2003" is the same bytes) and Spire.Doc Free
(``pip install spire.doc.free``, a dev-time tool only, not a dependency of jixiao) for Word 97-2003 binaries
(FileFormat.Doc; a .wps from WPS 文字 in its default 97-2003 compatible format is the same container). Run from
anywhere: ``python data/invented-files/make_files_legacy.py``. The output is committed; a rerun is a change to review.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
IND_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
FUNDS_HEAD = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]


def project_grid(p: dict) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """One project as 8-column rows plus merges (r0, r1, c0, c1 inclusive); '^' in a level cell merges it up."""
    rows: list[list] = [["项目名称", p["name"], "", "", "", "", "", ""],
                        ["主管部门", p["dept"], "", "", "实施单位", p["impl"], "", ""],
                        [f"项目资金（{p['unit']}）", "", *FUNDS_HEAD],
                        ["", "年度资金总额", *p["funds"]],
                        ["", "其中：当年财政拨款", *p["funds"][:3], "—", "—", "—"],
                        ["", "其他资金", "", "", "", "—", "—", "—"]]
    merges = [(0, 0, 1, 7), (1, 1, 1, 3), (1, 1, 5, 7), (2, 5, 0, 0)]
    rows.append(IND_HEAD)
    start = len(rows)
    for ind in p["inds"]:
        rows.append([c if c != "^" else "" for c in ind])
    for col in (0, 1):
        i = 0
        while i < len(p["inds"]):
            j = i
            while j + 1 < len(p["inds"]) and p["inds"][j + 1][col] == "^":
                j += 1
            if j > i:
                merges.append((start + i, start + j, col, col))
            i = j + 1
    rows.append(["总分", "", "", "", "", 100, p["score"], ""])
    merges.append((len(rows) - 1, len(rows) - 1, 0, 4))
    if p.get("grade"):
        rows.append(["自评等级", p["grade"], "", "", "", "", "", ""])
        merges.append((len(rows) - 1, len(rows) - 1, 1, 7))
    return rows, merges


# ---------------------------------------------------------------- Excel (xlwt)


def _xls_styles():
    import xlwt

    base = "font: name 宋体, height 200; borders: left thin, right thin, top thin, bottom thin; align: wrap on, vert centre"
    return {None: xlwt.easyxf(base), "0.00%": xlwt.easyxf(base, num_format_str="0.00%"),
            "0%": xlwt.easyxf(base, num_format_str="0%"), "#,##0.00": xlwt.easyxf(base, num_format_str="#,##0.00"),
            "0.00": xlwt.easyxf(base, num_format_str="0.00"), "title": xlwt.easyxf("font: name 宋体, height 320, bold on")}


def _xls_value(value, styles):
    """A cell value: a str, a number (General) or (number, format) as Excel stores a formatted number."""
    if isinstance(value, tuple):
        return value[0], styles[value[1]]
    return value, styles[None]


def _xls_grid(ws, top: int, rows: list[list], merges, styles) -> None:
    covered = set()
    for r0, r1, c0, c1 in merges:
        value, style = _xls_value(rows[r0][c0], styles)
        ws.write_merge(top + r0, top + r1, c0, c1, value, style)
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) not in covered:
                v, style = _xls_value(value, styles)
                ws.write(top + r, c, v, style)


def _xls_project_sheet(wb, title: str, p: dict, styles) -> None:
    ws = wb.add_sheet(title)
    ws.write_merge(0, 0, 0, 7, "项目支出绩效自评表", styles["title"])
    ws.write_merge(1, 1, 0, 7, p.get("year_line", "（2023年度）"), styles[None])
    rows, merges = project_grid(p)
    _xls_grid(ws, 2, rows, merges, styles)
    for c, width in enumerate([12, 16, 22, 12, 12, 8, 8, 24]):
        ws.col(c).width = 256 * width


ORIGD01 = {
    "name": "2023年城区背街小巷路面改造项目", "dept": "澄溪县住房和城乡建设局", "impl": "澄溪县市政设施维护中心", "unit": "万元",
    "funds": [(318.5, "0.00"), (342, "0.00"), (327.36, "0.00"), 10, (0.9572, "0.00%"), 9.6], "score": 96.1, "grade": "优",
    "inds": [
        ["产出指标", "数量指标", "改造背街小巷条数", "≥26条", "27条", 15, 15, ""],
        ["^", "^", "改造路面面积", "≥4.2万平方米", "4.35万平方米", 10, 10, ""],
        ["^", "质量指标", "工程验收合格率", "100%", "100%", 15, 15, ""],
        ["^", "时效指标", "项目完工时间", "2023年10月底前", "2023年11月中旬", 10, 7.5, "两条巷道管线迁改延误工期"],
        ["效益指标", "社会效益指标", "沿线居民出行条件", "明显改善", "明显改善", 20, 20, ""],
        ["^", "可持续影响指标", "路面设计使用年限", "≥15年", "15年", 10, 10, ""],
        ["满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", (0.932, "0.0%"), 10, 9, ""],
    ]}


def make_origd01() -> None:
    """One 自评表 on one sheet: merges across and down, numbers stored as numbers under 0.00 / 0.00% formats."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    styles = _xls_styles()
    styles["0.0%"] = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin", num_format_str="0.0%")
    _xls_project_sheet(wb, "自评表", ORIGD01, styles)
    wb.save(str(HERE / "origd01.xls"))


ORIGD02 = [
    ("城乡居民医保", {
        "name": "2023年城乡居民医疗保险经办服务经费", "dept": "岚桥市医疗保障局", "impl": "岚桥市医疗保险事务中心", "unit": "元",
        "funds": [(860000, "#,##0.00"), (905000, "#,##0.00"), (884700, "#,##0.00"), 10, (0.9776, "0.00%"), 9.8],
        "score": 97.8, "grade": "优",
        "inds": [
            ["产出指标", "数量指标", "办理医保登记业务笔数", "≥4.5万笔", "4.82万笔", 20, 20, ""],
            ["^", "质量指标", "业务差错率", "≤0.5%", "0.3%", 20, 20, ""],
            ["效益指标", "社会效益指标", "城乡居民参保率", "≥95%", "96.4%", 30, 30, ""],
            ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "88.5%", 10, 8, "窗口高峰期等候时间偏长"],
        ]}),
    ("医疗救助", {
        "name": "2023年困难群众医疗救助资金", "dept": "岚桥市医疗保障局", "impl": "岚桥市医疗保障局", "unit": "元",
        "funds": [(2400000, "#,##0.00"), (2650000, "#,##0.00"), (2650000, "#,##0.00"), 10, (1, "0%"), 10],
        "score": 99,
        "inds": [
            ["产出指标", "数量指标", "救助困难群众人次", "≥3200人次", "3415人次", 30, 30, ""],
            ["^", "时效指标", "救助资金拨付时限", "≤15个工作日", "10个工作日", 20, 20, ""],
            ["效益指标", "社会效益指标", "困难群众就医负担", "有效减轻", "有效减轻", 20, 19, ""],
            ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥92%", "95.1%", 20, 20, ""],
        ]}),
]

ORIGD02_DRAFT = {
    "name": "2023年城乡居民医疗保险经办服务经费", "dept": "岚桥市医疗保障局", "impl": "岚桥市医疗保险事务中心", "unit": "元",
    "funds": [(860000, "#,##0.00"), (900000, "#,##0.00"), (700000, "#,##0.00"), 10, (0.7778, "0.00%"), 7.8],
    "score": 90, "inds": [["产出指标", "数量指标", "办理医保登记业务笔数", "≥4.5万笔", "3.9万笔", 20, 17, "初稿"]]}


def make_origd02() -> None:
    """Two projects on two sheets, then a hidden sheet holding an older draft of the first project."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    styles = _xls_styles()
    for title, project in ORIGD02:
        _xls_project_sheet(wb, title, project, styles)
    _xls_project_sheet(wb, "草稿", ORIGD02_DRAFT, styles)
    wb.get_sheet(2).visibility = 1  # hidden (BOUNDSHEET hsState 1)
    wb.save(str(HERE / "origd02.xls"))


ORIGD05_ROWS = [  # code, label, 合计, 基本支出, 项目支出 (万元; None blank)
    (None, "合计", 1862.47, 1133.2, 729.27),
    ("201", "一般公共服务支出", 41.3, 41.3, None),
    ("20103", "政府办公厅（室）及相关机构事务", 41.3, 41.3, None),
    ("2010350", "事业运行", 41.3, 41.3, None),
    ("208", "社会保障和就业支出", 156.82, 156.82, None),
    ("20805", "行政事业单位养老支出", 156.82, 156.82, None),
    ("2080505", "机关事业单位基本养老保险缴费支出", 104.55, 104.55, None),
    ("2080506", "机关事业单位职业年金缴费支出", 52.27, 52.27, None),
    ("212", "城乡社区支出", 1588.6, 859.33, 729.27),
    ("21201", "城乡社区管理事务", 1588.6, 859.33, 729.27),
    ("2120101", "行政运行", 859.33, 859.33, None),
    ("2120104", "城管执法", 729.27, None, 729.27),
    ("221", "住房保障支出", 75.75, 75.75, 0),
]


def make_origd05() -> None:
    """A 部门决算 table as a bureau posts it in .xls: 公开05表 with its title, 编制单位 line, two-row header, 注 line."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    styles = _xls_styles()
    ws = wb.add_sheet("公开05表")
    ws.write_merge(0, 0, 0, 4, "一般公共预算财政拨款支出决算表", styles["title"])
    ws.write(1, 4, "公开05表", styles[None])
    ws.write_merge(2, 2, 0, 2, "编制单位：澄溪县城市管理局", styles[None])
    ws.write(2, 3, "2023年度", styles[None])
    ws.write(2, 4, "金额单位：万元", styles[None])
    ws.write_merge(3, 3, 0, 1, "项目", styles[None])
    ws.write_merge(3, 3, 2, 4, "本年支出", styles[None])
    for c, word in enumerate(["科目代码", "科目名称", "合计", "基本支出", "项目支出"]):
        ws.write(4, c, word, styles[None])
    for r, (code, label, *amounts) in enumerate(ORIGD05_ROWS, start=5):
        ws.write(r, 0, code or "", styles[None])
        ws.write(r, 1, label, styles[None])
        for c, amount in enumerate(amounts, start=2):
            ws.write(r, c, "" if amount is None else amount, styles["0.00"])
    ws.write_merge(5 + len(ORIGD05_ROWS), 5 + len(ORIGD05_ROWS), 0, 4,
                   "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。", styles[None])
    for c, width in enumerate([12, 30, 12, 12, 12]):
        ws.col(c).width = 256 * width
    wb.save(str(HERE / "origd05.xls"))


ORIGD07 = {
    "name": "2023年中小学校舍维修改造资金", "dept": "桐川县教育局", "impl": "桐川县教育后勤服务中心", "unit": "万元",
    "funds": [150, 168.4, 161.2, 10, "95.72%", 9.6], "score": 95.6, "grade": "优",
    "inds": [
        ["产出指标", "数量指标", "维修改造校舍面积", "≥8600平方米", "8920平方米", 20, 20, ""],
        ["^", "质量指标", "维修工程验收合格率", "100%", "100%", 20, 20, ""],
        ["^", "时效指标", "暑期完工率", "≥90%", "85%", 10, 6, "三所学校材料进场延迟"],
        ["效益指标", "社会效益指标", "消除校舍安全隐患", "全部消除", "全部消除", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "93%", 10, 10, ""],
    ]}


def make_origd07() -> None:
    """An .et (WPS 表格) saved in its 97-2003 compatible format: a BIFF8 workbook under the .et name; numbers as text."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    styles = _xls_styles()
    _xls_project_sheet(wb, "Sheet1", ORIGD07, styles)
    wb.save(str(HERE / "origd07.et"))


# ---------------------------------------------------------------- Word 97-2003 (Spire.Doc Free)


def _doc_table(section, rows: list[list], merges) -> None:
    table = section.AddTable(True)
    table.ResetCells(len(rows), len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = value if isinstance(value, str) else f"{value:g}"
            if text:
                table.Rows[r].Cells[c].AddParagraph().AppendText(text)
    for r0, r1, c0, c1 in merges:
        if r0 == r1:
            table.ApplyHorizontalMerge(r0, c0, c1)
        else:
            table.ApplyVerticalMerge(c0, r0, r1)


def _doc_para(section, text: str) -> None:
    section.AddParagraph().AppendText(text)


ORIGD03 = {
    "name": "2023年森林防火能力提升项目", "dept": "翠屏山县林业局", "impl": "翠屏山县森林消防大队", "unit": "万元",
    "funds": ["96", "104.5", "101.37", "10", "97.00%", "9.7"], "score": 95.7, "grade": "优",
    "inds": [
        ["产出指标", "数量指标", "新建防火隔离带长度", "≥35公里", "36.2公里", "20", "20", ""],
        ["^", "^", "购置扑火机具套数", "≥120套", "120套", "10", "10", ""],
        ["^", "时效指标", "防火期前完成率", "100%", "92%", "10", "8", "一处隔离带受降雨影响延期"],
        ["效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.2‰", "20", "20", ""],
        ["^", "社会效益指标", "重大森林火灾发生次数", "0次", "0次", "10", "10", ""],
        ["满意度指标", "社会公众满意度指标", "林区群众满意度", "≥90%", "91%", "20", "18", ""],
    ]}


def _save_doc(doc, name: str) -> None:
    from spire.doc import FileFormat

    doc.SaveToFile(str(HERE / name), FileFormat.Doc)
    doc.Close()


def make_origd03() -> None:
    """One 自评表 as one Word table in a .doc: merges across (项目名称, 主管部门, 总分) and down (level cells, funds)."""
    from spire.doc import Document

    doc = Document()
    section = doc.AddSection()
    _doc_para(section, "项目支出绩效自评表")
    _doc_para(section, "（2023年度）")
    rows, merges = project_grid(ORIGD03)
    _doc_table(section, rows, merges)
    _doc_para(section, "填表人：林晓舟    联系电话：0577-6612034")
    _save_doc(doc, "origd03.doc")


def make_origd04() -> None:
    """A department's report in .doc: prose, a basic-data table, a paragraph, an indicator table, a grade line."""
    from spire.doc import Document

    doc = Document()
    section = doc.AddSection()
    _doc_para(section, "鹭汀县水利局2023年度项目支出绩效自评报告")
    _doc_para(section, "一、项目概况")
    _doc_para(section, "2023年小型水库除险加固项目由县水利局主管、县小型水库管理站实施，主要对6座小（2）型水库的坝体、"
                       "溢洪道和放水设施进行除险加固。项目年初预算210万元，年中追加至236万元，全年执行229.6万元。")
    _doc_para(section, "二、项目基本情况")
    basic = [["项目名称", "2023年小型水库除险加固项目", "", ""],
             ["主管部门", "鹭汀县水利局", "实施单位", "鹭汀县小型水库管理站"],
             ["资金（元）", "年初预算数", "全年预算数", "全年执行数"],
             ["年度资金总额", "2,100,000.00", "2,360,000.00", "2,296,000.00"],
             ["执行率", "97.29%", "", ""]]
    _doc_table(section, basic, [(0, 0, 1, 3), (4, 4, 1, 3)])
    _doc_para(section, "三、绩效指标完成情况")
    inds = [IND_HEAD,
            ["产出指标", "数量指标", "完成除险加固水库数量", "6座", "6座", "25", "25", ""],
            ["", "质量指标", "工程质量评定合格率", "100%", "100%", "15", "15", ""],
            ["", "时效指标", "汛前主体工程完工率", "≥85%", "83%", "10", "8", "一座水库征地协调耗时较长"],
            ["效益指标", "社会效益指标", "下游受保护人口", "≥1.2万人", "1.26万人", "20", "20", ""],
            ["", "可持续影响指标", "工程设计使用年限", "≥30年", "30年", "10", "10", ""],
            ["满意度指标", "服务对象满意度指标", "库区群众满意度", "≥90%", "95%", "10", "10", ""],
            ["总分", "", "", "", "", "100", "97.6", ""]]
    _doc_table(section, inds, [(1, 3, 0, 0), (4, 5, 0, 0), (7, 7, 0, 4)])
    _doc_para(section, "自评等级：优")
    _doc_para(section, "四、存在问题及改进措施")
    _doc_para(section, "个别项目前期征地协调时间偏长，下一步将提前启动前期工作，确保汛前完工。")
    _save_doc(doc, "origd04.doc")


ORIGD06_INDS = [
    ["产出指标", "数量指标", "培训农村实用人才人数", "≥1500人", "1620人", "20", "20", ""],
    ["产出指标", "质量指标", "培训考核合格率", "≥90%", "94.3%", "20", "20", ""],
    ["效益指标", "经济效益指标", "学员人均增收", "≥2000元", "2150元", "20", "20", ""],
    ["效益指标", "可持续影响指标", "带动发展产业项目个数", "≥40个", "37个", "10", "8", "部分学员项目尚在筹备"],
    ["满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%", "96%", "20", "20", ""],
]


def make_origd06() -> None:
    """A .wps (WPS 文字 in its 97-2003 format): a 自评表 without merges, level words repeated on every row, 元."""
    from spire.doc import Document

    doc = Document()
    section = doc.AddSection()
    _doc_para(section, "2023年度项目支出绩效自评表")
    rows = [["项目名称", "2023年高素质农民培育项目", "", "", "", "", "", ""],
            ["主管部门", "沐川原县农业农村局", "", "", "实施单位", "沐川原县农业技术推广中心", "", ""],
            ["项目资金（元）", "", *FUNDS_HEAD],
            ["", "年度资金总额", "1,280,000", "1,280,000", "1,196,800", "10", "93.5%", "9.4"],
            IND_HEAD, *ORIGD06_INDS,
            ["总分", "", "", "", "", "100", "97.4", ""]]
    _doc_table(section, rows, [(0, 0, 1, 7), (1, 1, 1, 3), (1, 1, 5, 7), (2, 3, 0, 0), (len(rows) - 1, len(rows) - 1, 0, 4)])
    _save_doc(doc, "origd06.wps")


def main() -> None:
    for make in (make_origd01, make_origd02, make_origd05, make_origd07):
        make()
    try:
        import spire.doc  # noqa: F401
    except ImportError:
        print("spire.doc.free is not installed: the .doc / .wps files are left as they are")
        return
    for make in (make_origd03, make_origd04, make_origd06):
        make()


if __name__ == "__main__":
    main()
