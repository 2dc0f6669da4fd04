"""Write `origh*`: Word and Excel files built with the constructs real producers leave in them (Word, WPS, finance
systems and web exporters), one or two constructs a file.

Every name, place and figure is invented. The gold records beside them (NAME.gold.json) are labeled by hand from
what these files show in Word / Excel, not derived from this script. Run from anywhere:

    python data/invented-files/make_files_office.py

- origh01.docx: the 自评表 inside a block-level content control (body `w:sdt`), its indicator rows inside a
  repeating-section control (`w:sdt` between `w:tr`s), a cell wrapped in a cell-level control, the grade paragraph
  in another body-level control.
- origh02.docx: the title and the project name's cell value in text boxes (`mc:AlternateContent`: a `wps` shape and
  its VML fallback, the text stored twice); the department as a `DOCPROPERTY` simple field; 总分's 分值 a `=SUM(ABOVE)`
  complex field (`w:instrText` then the cached result).
- origh03.docx: a web exporter's file: the body is one `w:altChunk` pointing at an HTML part holding the table.
- origh04.docm: a macro-enabled document (its own content type) with tracked changes: a figure replaced
  (`w:del`/`w:delText` then `w:ins`), an indicator row inserted and another deleted as tracked rows.
- origh05.dotx: a template (its own content type); the indicator table continued after a section break
  (landscape section) without its header.
- origh06.xlsx: number formats as Excel shows them: `0.00"万元"` amounts under a header without a unit,
  `#,##0.00`, `0.00%`, `0"个"` / `#,##0"人次"` actuals, a date actual under `yyyy"年"m"月"d"日"`, a date cell.
- origh07.xlsm: a macro-enabled workbook (content type); shared strings with rich-text runs (a name in two runs, a
  target's operator and value in differently formatted runs); a frozen header and a print area.
- origh08.xltx: a template workbook; the indicator block's 三级指标 merged across two columns and 年度指标值 across
  two, the header 绩效指标 merged over three columns.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile

from make_files import HERE, IND_HEAD, _docx_fill, _docx_indicators, _xlsx_levels

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCM_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOTX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


_NS = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    "w": W_NS, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "v": "urn:schemas-microsoft-com:vml",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}.items())


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _xml(snippet: str):
    from docx.oxml import parse_xml

    return parse_xml(snippet.replace("{ns}", _NS))


def _sdt(alias: str, n: int):
    """An empty content control (``w:sdt`` with its properties and an empty ``w:sdtContent``)."""
    return _xml('<w:sdt {ns}><w:sdtPr><w:alias w:val="' + alias + '"/><w:tag w:val="' + alias + '"/>'
                '<w:id w:val="' + str(7000 + n) + '"/></w:sdtPr><w:sdtContent/></w:sdt>')


def _wrap(element, alias: str, n: int):
    """Put ELEMENT inside a new content control standing where it stood."""
    sdt = _sdt(alias, n)
    element.addprevious(sdt)
    sdt[1].append(element)
    return sdt


def _head_rows(table, p: dict, unit: str) -> int:
    """项目名称 / 主管部门 / funds rows of an 8-column table; returns the next row."""
    _docx_fill(table, 0, ["项目名称", p["name"]])
    table.cell(0, 1).merge(table.cell(0, 7))
    _docx_fill(table, 1, ["主管部门", p["dept"], None, None, "实施单位", p["impl"]])
    table.cell(1, 1).merge(table.cell(1, 3))
    table.cell(1, 5).merge(table.cell(1, 7))
    _docx_fill(table, 2, [f"项目资金（{unit}）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    _docx_fill(table, 3, ["", "年度资金总额", *p["funds"]])
    _docx_fill(table, 4, ["", "其中：当年财政拨款", *p["funds"][:3], "—", "—", "—"])
    table.cell(2, 0).merge(table.cell(4, 0))
    _docx_fill(table, 5, IND_HEAD)
    return 6


def _self_eval_table(doc, p: dict, inds: list[list[str]], unit: str = "万元"):
    table = doc.add_table(rows=6 + len(inds) + 1, cols=8)
    table.style = "Table Grid"
    start = _head_rows(table, p, unit)
    _docx_indicators(table, start, inds)
    last = start + len(inds)
    _docx_fill(table, last, ["总分", "", "", "", "", "100", p["score"], ""])
    table.cell(last, 0).merge(table.cell(last, 4))
    return table


def make_origh01() -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("项目支出绩效自评表")
    doc.add_paragraph("（2023年度）")
    p = {"name": "2023年山区学校营养改善计划补助", "dept": "岚溪县教育局", "impl": "岚溪县学生资助管理中心",
         "funds": ["86", "92.4", "90.1", "10", "97.51%", "9.8"], "score": "97.8"}
    inds = [
        ["产出指标", "数量指标", "受益学生人数", "≥5200人", "5316人", "20", "20", ""],
        ["^", "质量指标", "食品安全抽检合格率", "100%", "100%", "15", "15", ""],
        ["^", "时效指标", "补助资金拨付及时率", "100%", "96%", "15", "13", "第四季度资金拨付延后"],
        ["效益指标", "社会效益指标", "学生营养状况改善率", "≥8%", "9.2%", "20", "20", ""],
        ["^", "可持续影响指标", "学校食堂规范化管理覆盖率", "100%", "100%", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "93.6%", "10", "10", ""],
    ]
    table = _self_eval_table(doc, p, inds)
    tbl = table._tbl
    rows = tbl.tr_lst
    # a cell-level control around the department's cell, a repeating-section control around the indicator rows
    dept_tc = rows[1].tc_lst[1]
    _wrap(dept_tc, "主管部门", 1)
    ind_rows = rows[6:6 + len(inds)]
    sdt = _wrap(ind_rows[0], "绩效指标", 2)
    for tr in ind_rows[1:]:
        sdt[1].append(tr)
    _wrap(tbl, "自评表", 3)
    grade = doc.add_paragraph("自评等级：优")
    _wrap(grade._p, "自评等级", 4)
    doc.add_paragraph("填表人：钟雨桐    填报日期：2024年3月12日")
    doc.save(HERE / "origh01.docx")


_TEXT_BOX = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" '
    'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
    '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="{cx}" cy="360000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
    '<wp:docPr id="{n}" name="文本框 {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
    '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="360000"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr>'
    '<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/>'
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
    '<v:shape id="文本框 {n}" type="#_x0000_t202" style="position:absolute;width:300pt;height:28pt">'
    '<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
    '</w:pict></mc:Fallback></mc:AlternateContent></w:r>'
)


def _text_box(paragraph, text: str, n: int, cx: int = 3800000) -> None:
    paragraph._p.append(_xml(_TEXT_BOX.replace("{cx}", str(cx)).replace("{n}", str(n)).replace("{text}", text)))


def _simple_field(cell, instr: str, result: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph._p.append(_xml('<w:fldSimple {ns} w:instr="' + instr + '"><w:r><w:t>' + result + '</w:t></w:r></w:fldSimple>'))


def _complex_field(cell, instr: str, result: str) -> None:
    paragraph = cell.paragraphs[0]
    for snippet in ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                    '<w:r {ns}><w:instrText xml:space="preserve">' + instr + '</w:instrText></w:r>',
                    '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
                    '<w:r {ns}><w:t>' + result + '</w:t></w:r>',
                    '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(_xml(snippet))


def make_origh02() -> None:
    import docx

    doc = docx.Document()
    _text_box(doc.add_paragraph(), "2023年度项目支出绩效自评表", 1)
    p = {"name": "", "dept": "", "impl": "枫桥镇人民政府",
         "funds": ["45", "45", "43.2", "10", "96%", "9.6"], "score": ""}
    inds = [
        ["产出指标", "数量指标", "新建村级便民服务点", "≥6个", "6个", "20", "20", ""],
        ["^", "^", "开展代办服务事项", "≥30项", "34项", "10", "10", ""],
        ["^", "质量指标", "服务点建设验收合格率", "100%", "100%", "15", "15", ""],
        ["^", "时效指标", "服务点投入使用时间", "2023年9月底前", "2023年10月", "10", "8", "一处选址调整"],
        ["效益指标", "社会效益指标", "群众办事平均往返次数", "≤1.5次", "1.3次", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "办事群众满意度", "≥90%", "95%", "15", "15", ""],
    ]
    table = _self_eval_table(doc, p, inds)
    _text_box(table.cell(0, 1).paragraphs[0], "2023年村级便民服务点建设补助", 2)
    _simple_field(table.cell(1, 1), " DOCPROPERTY Company \\* MERGEFORMAT ", "枫桥镇人民政府")
    last = 6 + len(inds)
    _complex_field(table.cell(last, 5), " =SUM(ABOVE) ", "100")
    table.cell(last, 5).paragraphs[0].runs[0]._r.getparent().remove(table.cell(last, 5).paragraphs[0].runs[0]._r)
    table.cell(last, 6).text = "97.6"
    graded = doc.add_paragraph("自评等级：")
    _text_box(graded, "优", 3, 400000)
    doc.save(HERE / "origh02.docx")


_ALT_HTML = """<html><head><meta charset="utf-8"><title>绩效自评</title></head><body>
<p>附件2</p><p align="center"><b>2023年度项目支出绩效自评表</b></p>
<table border="1">
<tr><td>项目名称</td><td colspan="7">2023年农村公路养护工程补助</td></tr>
<tr><td>主管部门</td><td colspan="3">溪口县交通运输局</td><td>实施单位</td><td colspan="3">溪口县公路养护中心</td></tr>
<tr><td rowspan="3">项目资金（元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td>年度资金总额</td><td>2,460,000.00</td><td>2,610,000.00</td><td>2,548,300.00</td><td>10</td><td>97.64%</td><td>9.8</td></tr>
<tr><td>其中：财政拨款</td><td>2,460,000.00</td><td>2,610,000.00</td><td>2,548,300.00</td><td>—</td><td>—</td><td>—</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>养护农村公路里程</td><td>≥420公里</td><td>436公里</td><td>20</td><td>20</td><td></td></tr>
<tr><td>质量指标</td><td>路面技术状况优良率</td><td>≥75%</td><td>78.5%</td><td>20</td><td>20</td><td></td></tr>
<tr><td>成本指标</td><td>每公里养护成本</td><td>≤6000元</td><td>5845元</td><td>10</td><td>10</td><td></td></tr>
<tr><td rowspan="2">效益指标</td><td>社会效益指标</td><td>沿线群众出行条件</td><td>明显改善</td><td>明显改善</td><td>20</td><td>19</td><td>个别路段排水不畅</td></tr>
<tr><td>可持续影响指标</td><td>养护长效机制</td><td>健全</td><td>健全</td><td>10</td><td>10</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥90%</td><td>92%</td><td>10</td><td>10</td><td></td></tr>
<tr><td colspan="5">总分</td><td>100</td><td>98.8</td><td></td></tr>
<tr><td>自评等级</td><td colspan="7">优</td></tr>
</table></body></html>"""


def _zip_replace(path, changes: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite the zip at PATH: members in CHANGES replaced (None drops one), EXTRA members added."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = changes.get(info.filename, src.read(info.filename))
            if data is not None:
                dst.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    path.write_bytes(out.getvalue())


def _content_types(path, old: str, new: str) -> bytes:
    data = zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("[Content_Types].xml").decode()
    assert old in data, old
    return data.replace(old, new).encode()


def make_origh03() -> None:
    import docx

    doc = docx.Document()
    body = doc.element.body
    body.insert(0, _xml('<w:altChunk {ns} r:id="htmlChunk1"/>'))
    path = HERE / "origh03.docx"
    doc.save(path)
    archive = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    rels = archive.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="htmlChunk1" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/aFChunk" Target="afchunk1.htm"/></Relationships>')
    types = archive.read("[Content_Types].xml").decode()
    types = types.replace("</Types>", '<Override PartName="/word/afchunk1.htm" ContentType="text/html"/></Types>')
    _zip_replace(path, {"word/_rels/document.xml.rels": rels.encode(), "[Content_Types].xml": types.encode()},
                 {"word/afchunk1.htm": _ALT_HTML.encode("utf-8")})


def _tracked(kind: str, n: int, inner: str) -> str:
    return (f'<w:{kind} {{ns}} w:id="{n}" w:author="审核人" w:date="2024-03-05T10:00:00Z">' + inner + f"</w:{kind}>")


def make_origh04() -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("项目支出绩效自评表（2023年度）")
    p = {"name": "2023年城区老旧小区消防设施改造", "dept": "云岙县住房和城乡建设局", "impl": "云岙县城市更新服务中心",
         "funds": ["150", "150", "", "10", "", "9.8"], "score": "96.3"}
    inds = [
        ["产出指标", "数量指标", "改造老旧小区数量", "≥18个", "19个", "20", "20", ""],
        ["^", "^", "新增室外消火栓", "≥60个", "64个", "10", "10", ""],
        ["^", "质量指标", "改造工程验收合格率", "100%", "100%", "15", "15", ""],
        ["^", "时效指标", "改造完成时间", "2023年11月底前", "2023年12月", "10", "7.5", "两个小区管线迁改延误"],
        ["效益指标", "社会效益指标", "小区火灾隐患整改率", "≥95%", "97%", "20", "19", ""],
        ["满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%", "91.2%", "15", "15", ""],
    ]
    table = _self_eval_table(doc, p, inds)
    # 全年执行数 and 执行率 revised under tracked changes: the old figures deleted, the new ones inserted
    for col, old, new in ((4, "138.6", "147.5"), (6, "92.4%", "98.33%")):
        para = table.cell(3, col).paragraphs[0]._p
        para.append(_xml(_tracked("del", 10 + col, "<w:r><w:delText>" + old + "</w:delText></w:r>")))
        para.append(_xml(_tracked("ins", 20 + col, "<w:r><w:t>" + new + "</w:t></w:r>")))
    tbl = table._tbl
    rows = tbl.tr_lst
    # a withdrawn indicator row, deleted as a tracked row (its text deleted with it)
    gone = copy.deepcopy(rows[7])
    for i, tc in enumerate(gone.tc_lst):
        texts = "".join(t.text or "" for t in tc.iter(_w("t")))
        for p_el in tc.iter(_w("p")):
            for r in list(p_el.iter(_w("r"))):
                r.getparent().remove(r)
        if texts:
            tc.iter(_w("p")).__next__().append(_xml(_tracked("del", 50 + i, "<w:r><w:delText>" + texts
                                                             + "</w:delText></w:r>")))
    gone_cells = gone.tc_lst
    for tc in gone_cells[:2]:
        if tc.vMerge is None:
            tc.vMerge = "continue"
    trpr = gone.get_or_add_trPr()
    trpr.append(_xml(_tracked("del", 60, "")))
    rows[7].addnext(gone)
    tbl.remove(rows[7])  # the live row gives way to its deleted copy
    # an indicator row inserted under tracked changes
    added = copy.deepcopy(rows[8])
    texts = ["", "", "消防设施完好率", "≥98%", "99%", "10", "10", ""]
    for tc, text in zip(added.tc_lst, texts):
        for p_el in tc.iter(_w("p")):
            for r in list(p_el.iter(_w("r"))):
                r.getparent().remove(r)
        if text:
            next(tc.iter(_w("p"))).append(_xml(_tracked("ins", 70, "<w:r><w:t>" + text + "</w:t></w:r>")))
    added.get_or_add_trPr().append(_xml(_tracked("ins", 71, "")))
    rows[8].tc_lst[1].vMerge = "restart"  # the inserted row sits in 质量指标's group, its level cells merged down
    added.tc_lst[1].vMerge = "continue"
    rows[8].addnext(added)
    doc.add_paragraph("自评等级：优")
    path = HERE / "origh04.docm"
    doc.save(path)
    _zip_replace(path, {"[Content_Types].xml": _content_types(path, DOCX_TYPE, DOCM_TYPE)})


def make_origh05() -> None:
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION

    doc = docx.Document()
    doc.add_paragraph("2023年度项目支出绩效自评表")
    p = {"name": "2023年森林防火能力提升项目", "dept": "青岚县林业局", "impl": "青岚县森林消防大队",
         "funds": ["1,180,000.00", "1,260,000.00", "1,209,600.00", "10", "96%", "9.6"], "score": ""}
    first = [
        ["产出指标", "数量指标", "新建防火隔离带", "≥35公里", "37公里", "15", "15", ""],
        ["^", "^", "购置扑火机具", "≥120台（套）", "126台（套）", "10", "10", ""],
        ["^", "质量指标", "防火设施验收合格率", "100%", "100%", "10", "10", ""],
    ]
    second = [
        ["产出指标", "时效指标", "防火期前完成建设", "2023年10月底前", "2023年10月", "10", "10", ""],
        ["效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.3‰", "20", "20", ""],
        ["^", "社会效益指标", "扑火队伍应急响应时间", "≤30分钟", "25分钟", "15", "15", ""],
        ["满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%", "92%", "10", "9.5", "宣传覆盖不足"],
    ]
    table = doc.add_table(rows=6 + len(first), cols=8)
    table.style = "Table Grid"
    _head_rows(table, p, "元")
    _docx_indicators(table, 6, first)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    table2 = doc.add_table(rows=len(second) + 2, cols=8)
    table2.style = "Table Grid"
    _docx_indicators(table2, 0, second)
    _docx_fill(table2, len(second), ["总分", "", "", "", "", "100", "99.1", ""])
    table2.cell(len(second), 0).merge(table2.cell(len(second), 4))
    _docx_fill(table2, len(second) + 1, ["自评等级", "优"])
    table2.cell(len(second) + 1, 1).merge(table2.cell(len(second) + 1, 7))
    path = HERE / "origh05.dotx"
    doc.save(path)
    _zip_replace(path, {"[Content_Types].xml": _content_types(path, DOCX_TYPE, DOTX_TYPE)})


# ---------------------------------------------------------------- Excel


def _xlsx_head(ws, p: dict, unit_head: str) -> None:
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:H1")
    ws["A2"] = "（2023年度）"
    ws.merge_cells("A2:H2")
    ws["A3"], ws["B3"] = "项目名称", p["name"]
    ws.merge_cells("B3:H3")
    ws["A4"], ws["B4"], ws["E4"], ws["F4"] = "主管部门", p["dept"], "实施单位", p["impl"]
    ws.merge_cells("B4:D4")
    ws.merge_cells("F4:H4")
    ws["A5"] = unit_head
    ws.merge_cells("A5:A7")
    for col, head in zip("CDEFGH", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        ws[f"{col}5"] = head
    ws["B6"] = "年度资金总额"
    ws["B7"] = "其中：财政拨款"
    for col, value in zip("CDEFGH", p["funds"]):
        ws[f"{col}6"] = value
    for col, value in zip("CDE", p["funds"][:3]):
        ws[f"{col}7"] = value


def make_origh06() -> None:
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    p = {"name": "2023年基层医疗机构设备更新补助", "dept": "梧岗县卫生健康局", "impl": "梧岗县基层卫生服务中心",
         "funds": [320, 336.5, 329.77, 10, 0.98, 9.8]}
    _xlsx_head(ws, p, "项目资金")
    for col in "CDE":
        ws[f"{col}6"].number_format = '0.00"万元"'
        ws[f"{col}7"].number_format = '#,##0.00"万元"'
    ws["G6"].number_format = "0.00%"
    for col, head in enumerate(IND_HEAD, start=1):
        ws.cell(8, col, head)
    inds = [
        ["产出指标", "数量指标", "更新医疗设备台（套）数", "≥85台（套）", 88, 20, 20, None],
        ["^", "^", "设备操作培训人次", "≥300人次", 1240, 5, 5, None],
        ["^", "质量指标", "设备安装验收合格率", "100%", 1, 15, 15, None],
        ["^", "时效指标", "设备到位时间", "2023年10月31日前", dt.datetime(2023, 10, 28), 10, 10, None],
        ["效益指标", "社会效益指标", "基层门诊量增长率", "≥5%", 0.063, 20, 20, None],
        ["^", "可持续影响指标", "设备完好率", "≥95%", 0.975, 5, 5, None],
        ["满意度指标", "服务对象满意度指标", "就诊群众满意度", "≥90%", 0.9346, 15, 14.6, None],
    ]
    _xlsx_levels(ws, 9, inds)
    ws["E9"].number_format = '0"台（套）"'
    ws["E10"].number_format = '#,##0"人次"'
    ws["E11"].number_format = "0%"
    ws["E12"].number_format = 'yyyy"年"m"月"d"日"'
    ws["E13"].number_format = "0.0%"
    ws["E14"].number_format = "0.0%"
    ws["E15"].number_format = "0.00%"
    ws["A16"] = "总分"
    ws.merge_cells("A16:E16")
    ws["F16"], ws["G16"] = 100, 99.4
    ws["G16"].number_format = "0.0"
    ws["A17"], ws["B17"] = "自评等级", "优"
    ws.merge_cells("B17:H17")
    ws["A19"], ws["C19"] = "填报日期：", dt.datetime(2024, 3, 15)
    ws["C19"].number_format = "yyyy/m/d"
    wb.save(HERE / "origh06.xlsx")


def make_origh07() -> None:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    bold = InlineFont(b=True, rFont="宋体")
    red = InlineFont(color="FFFF0000", rFont="宋体")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效自评"
    p = {"name": "", "dept": "石湾县农业农村局", "impl": "石湾县动物疫病预防控制中心",
         "funds": [58, 58, 55.9, 10, "96.38%", 9.6]}
    _xlsx_head(ws, p, "项目资金（万元）")
    ws["B3"] = CellRichText(TextBlock(bold, "2023年"), "重大动物疫病强制免疫补助")
    for col, head in enumerate(IND_HEAD, start=1):
        ws.cell(8, col, head)
    inds = [
        ["产出指标", "数量指标", "强制免疫畜禽数量", CellRichText(TextBlock(red, "≥"), "120万头（羽）"), "126万头（羽）", 20, 20, None],
        ["^", "质量指标", "免疫抗体合格率", CellRichText(TextBlock(red, "≥"), "70%"), "82%", 20, 20, None],
        ["^", "时效指标", "春秋两季集中免疫完成时间", "2023年11月底前", "2023年11月", 10, 10, None],
        ["效益指标", "经济效益指标", "因重大动物疫病造成的经济损失", CellRichText("明显", TextBlock(bold, "减少")), "明显减少", 15, 15, None],
        ["^", "社会效益指标", "区域性重大动物疫情发生次数", "0次", "0次", 15, 15, None],
        ["满意度指标", "服务对象满意度指标", "养殖户满意度", "≥85%", CellRichText("88", TextBlock(bold, "%")), 10, 10, None],
    ]
    _xlsx_levels(ws, 9, inds)
    ws["A15"] = "总分"
    ws.merge_cells("A15:E15")
    ws["F15"], ws["G15"] = 100, 99.6
    ws["A16"], ws["B16"] = "自评等级", "优"
    ws.merge_cells("B16:H16")
    ws.freeze_panes = "A9"
    ws.print_area = "A1:H16"
    ws.print_title_rows = "8:8"
    path = HERE / "origh07.xlsm"
    wb.save(path)
    _shared_strings(path, phonetic={"B4": "shí wān xiàn"})
    _zip_replace(path, {"[Content_Types].xml": _content_types(path, XLSX_TYPE, XLSM_TYPE)})


_INLINE = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>')
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _shared_strings(path, phonetic: dict[str, str]) -> None:
    """Move openpyxl's inline strings into a shared-string table the way Excel and WPS store them (rich runs kept);
    PHONETIC: cell -> a phonetic guide (``rPh``) Excel keeps with the string but never shows."""
    archive = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    items: list[str] = []

    def shared(m: re.Match) -> str:
        ref = re.search(r'r="([A-Z]+[0-9]+)"', m[1]).group(1)
        body = m[3]
        if ref in phonetic:
            body += f'<rPh sb="0" eb="3"><t>{phonetic[ref]}</t></rPh><phoneticPr fontId="1" type="noConversion"/>'
        items.append(f"<si>{body}</si>")
        return f'<c {m[1]}t="s"{m[2]}><v>{len(items) - 1}</v></c>'

    sheet = _INLINE.sub(shared, sheet)
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
           f'spreadsheetml/2006/main" count="{len(items)}" uniqueCount="{len(items)}">' + "".join(items) + "</sst>")
    rels = archive.read("xl/_rels/workbook.xml.rels").decode().replace(
        "</Relationships>", f'<Relationship Id="rIdSst" Type="{_SST_REL}" Target="sharedStrings.xml"/></Relationships>')
    types = archive.read("[Content_Types].xml").decode().replace(
        "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/></Types>')
    _zip_replace(path, {"xl/worksheets/sheet1.xml": sheet.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
                        "[Content_Types].xml": types.encode()}, {"xl/sharedStrings.xml": sst.encode()})


def make_origh08() -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "2023年度项目支出绩效自评表"
    ws.merge_cells("A1:J1")
    ws["A2"], ws["C2"] = "项目名称", "2023年城乡困难群众临时救助资金"
    ws.merge_cells("A2:B2")
    ws.merge_cells("C2:J2")
    ws["A3"], ws["C3"], ws["F3"], ws["H3"] = "主管部门", "临江县民政局", "实施单位", "临江县社会救助服务中心"
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:E3")
    ws.merge_cells("F3:G3")
    ws.merge_cells("H3:J3")
    ws["A4"] = "项目资金（元）"
    ws.merge_cells("A4:B6")
    for col, head in zip("CDEFGHIJ", ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""]):
        if head:
            ws[f"{col}4"] = head
    ws["C5"] = "年度资金总额"
    for col, value in zip("DEFGHI", [1800000, 2050000, 2003620, 10, 0.9774, 9.8]):
        ws[f"{col}5"] = value
    for col in "DEF":
        ws[f"{col}5"].number_format = "#,##0.00"
    ws["H5"].number_format = "0.00%"
    ws["C6"] = "其中：财政拨款"
    for col, value in zip("DEF", [1800000, 2050000, 2003620]):
        ws[f"{col}6"] = value
        ws[f"{col}6"].number_format = "#,##0.00"
    ws["A7"] = "绩效指标"
    ws.merge_cells("A7:C7")
    ws["D7"], ws["F7"] = "", ""
    ws["A8"], ws["B8"], ws["C8"], ws["E8"], ws["G8"], ws["H8"], ws["I8"], ws["J8"] = (
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因")
    ws.merge_cells("C8:D8")
    ws.merge_cells("E8:F8")
    inds = [
        ["产出指标", "数量指标", "临时救助人次", "≥2800人次", "2915人次", 20, 20, None],
        ["^", "质量指标", "救助对象认定准确率", "100%", "100%", 20, 20, None],
        ["^", "时效指标", "急难型救助审批时限", "≤3个工作日", "2个工作日", 10, 10, None],
        ["效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "有效保障", 20, 20, None],
        ["^", "可持续影响指标", "救助工作机制", "持续完善", "持续完善", 10, 9, "乡镇备用金制度待全覆盖"],
        ["满意度指标", "服务对象满意度指标", "受助群众满意度", "≥90%", "96%", 10, 10, None],
    ]
    rows = [[a, b, c, None, d, None, e, f, g, h] for a, b, c, d, e, f, g, h in inds]
    _xlsx_levels(ws, 9, rows)
    for r in range(9, 9 + len(inds)):
        ws.merge_cells(f"C{r}:D{r}")
        ws.merge_cells(f"E{r}:F{r}")
    ws["A15"] = "总分"
    ws.merge_cells("A15:G15")
    ws["H15"], ws["I15"] = 100, 98.8
    ws["A16"] = "自评等级"
    ws.merge_cells("A16:B16")
    ws["C16"] = "优"
    ws.merge_cells("C16:J16")
    wb.template = True
    wb.save(HERE / "origh08.xltx")


def main() -> None:
    for make in (make_origh01, make_origh02, make_origh03, make_origh04, make_origh05, make_origh06, make_origh07,
                 make_origh08):
        make()


if __name__ == "__main__":
    main()
