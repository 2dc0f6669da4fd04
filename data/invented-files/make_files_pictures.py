"""Write the orige* files: text documents whose 自评表 is a scanned picture pasted in.

A bureau writes its 自评报告 in Word (or prints it to PDF), and the signed, stamped 自评表 goes in as a scan: the
report's text is real text, the table a picture. Each table is laid out with reportlab (the orig* helpers),
rasterized with pypdfium2 (Debian's ``fonts-noto-cjk`` draws the CJK glyphs), cropped to its ink and degraded like
a photocopy (``make_scans``: grey paper, speckle, skew, blur, JPEG, a seal); the picture is then placed in a PDF
drawn with reportlab (STSong-Light text) or in a DOCX written with python-docx. Some files also carry pictures
that hold no table (a logo, a seal stamped as a picture). orige07 is a workbook: a sheet with a title cell and the
scan pasted onto it (openpyxl: a two-cell anchor for the table, a one-cell anchor for a logo). A fixed seed makes each run give the same pixels. Every
name, place and figure is invented; the gold beside each file was labeled by hand.

    python data/invented-files/make_files_pictures.py
"""

from __future__ import annotations

import io
import random

from make_files import HERE
from make_scans import SEAL_RED, _pdf_bytes, _raster, _scan, _self_eval_story, seal
from PIL import Image, ImageDraw, ImageFont

TEXT_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

E01 = ({"name": "2023年森林防火能力提升项目", "dept": "岚溪县林业局", "impl": "岚溪县森林消防大队",
        "funds": ["380", "412.6", "398.35", "10", "96.55%", "9.7"], "score": "96.2", "grade": "优"}, [
    ["产出指标", "数量指标", "新建防火隔离带长度", "≥35公里", "36.4公里", "15", "15", ""],
    ["^", "^", "购置扑火机具套数", "≥120套", "120套", "10", "10", ""],
    ["^", "质量指标", "防火设施验收合格率", "100%", "100%", "15", "15", ""],
    ["^", "时效指标", "防火期前完成设施建设", "2023年10月底前", "2023年11月", "10", "7", "隔离带施工遇连续降雨，完工推迟"],
    ["效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.2‰", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%", "94%", "20", "19.5", ""]])

E02 = ({"name": "2023年农村饮水安全巩固提升工程", "dept": "涞渠县水务局", "impl": "涞渠县农村供水管理站",
        "funds": ["1,860,000.00", "2,040,000.00", "1,996,300.00", "10", "97.86%", "9.8"], "score": "97.8", "grade": "优"}, [
    ["产出指标", "数量指标", "改造供水管网长度", "≥48公里", "49.2公里", "20", "20", ""],
    ["^", "质量指标", "农村集中供水水质达标率", "≥95%", "96.5%", "20", "20", ""],
    ["效益指标", "社会效益指标", "受益农村人口", "≥2.1万人", "2.16万人", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "88%", "20", "18", "部分山区村组水压偏低"]])

E03 = ({"name": "2023年城区公共停车设施建设项目", "dept": "榆浦县住房和城乡建设局", "impl": "榆浦县市政工程服务中心",
        "funds": ["726", "726", "701.4", "10", "96.61%", "9.7"], "score": "95.7", "grade": "优"}, [
    ["产出指标", "数量指标", "新增公共停车泊位", "≥1200个", "1236个", "20", "20", ""],
    ["^", "质量指标", "工程竣工验收合格率", "100%", "100%", "15", "15", ""],
    ["^", "时效指标", "停车场投入使用时间", "2023年9月底前", "2023年10月", "10", "8", "电力接入审批滞后"],
    ["效益指标", "社会效益指标", "城区主要路段违停率下降", "≥20%", "23%", "25", "25", ""],
    ["满意度指标", "社会公众满意度指标", "市民满意度", "≥85%", "86%", "20", "18", ""]])

E04 = ({"name": "2023年基层公共法律服务补助", "dept": "桐岙县司法局", "impl": "桐岙县公共法律服务中心",
        "funds": ["52", "55.8", "55.8", "10", "100%", "10"], "score": "99", "grade": "优"}, [
    ["产出指标", "数量指标", "村（社区）法律顾问覆盖率", "100%", "100%", "20", "20", ""],
    ["^", "^", "开展法治宣传活动场次", "≥150场", "163场", "15", "15", ""],
    ["^", "时效指标", "法律援助案件办结率", "≥95%", "97.3%", "15", "15", ""],
    ["效益指标", "社会效益指标", "矛盾纠纷调解成功率", "≥95%", "96.1%", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥95%", "94%", "20", "19", ""]])

E05 = ({"name": "2023年老年人助餐服务补贴", "dept": "芩川县民政局", "impl": "芩川县养老服务指导中心",
        "funds": ["1,320,000.00", "1,320,000.00", "1,287,500.00", "10", "97.54%", "9.8"], "score": "98.8", "grade": "优"}, [
    ["产出指标", "数量指标", "建成老年助餐点数量", "≥28个", "30个", "20", "20", ""],
    ["^", "质量指标", "助餐点食品安全检查合格率", "100%", "100%", "20", "20", ""],
    ["效益指标", "社会效益指标", "日均助餐服务人次", "≥1500人次", "1620人次", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥90%", "93%", "20", "19", ""]])

E06 = ({"name": "2023年中药材种植技术推广项目", "dept": "莪山县农业农村局", "impl": "莪山县农业技术推广中心",
        "funds": ["96", "96", "93.12", "10", "97%", "9.7"], "score": "97.7", "grade": "优"}, [
    ["产出指标", "数量指标", "推广中药材种植面积", "≥5000亩", "5260亩", "20", "20", ""],
    ["^", "^", "举办技术培训班期数", "≥12期", "12期", "10", "10", ""],
    ["^", "质量指标", "示范基地良种覆盖率", "≥90%", "92%", "10", "10", ""],
    ["效益指标", "经济效益指标", "种植户亩均增收", "≥800元", "860元", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "种植户满意度", "≥90%", "91%", "20", "18", ""]])

E07 = ({"name": "2023年农村公路安全生命防护工程", "dept": "葛垣县交通运输局", "impl": "葛垣县农村公路管理所",
        "funds": ["640", "685", "662.8", "10", "96.76%", "9.7"], "score": "96.7", "grade": "优"}, [
    ["产出指标", "数量指标", "安装波形护栏长度", "≥85公里", "87.3公里", "20", "20", ""],
    ["^", "^", "增设交通标志标牌", "≥600块", "612块", "10", "10", ""],
    ["^", "质量指标", "工程交工验收合格率", "100%", "100%", "10", "10", ""],
    ["效益指标", "社会效益指标", "农村公路交通事故起数下降", "≥10%", "12%", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "89%", "20", "17", "个别路段施工影响群众出行"]])


# --- the table picture -------------------------------------------------------------------------------------------

def table_picture(project, unit: str, dpi: int, rng: random.Random, *, angle: float, stamp: str | None = None,
                  tone: int = 244, quality: int = 70) -> Image.Image:
    """The 自评表 drawn, rasterized, cropped to its ink with a paper margin, then scanned (grey, skew, blur, JPEG);
    ``stamp``: a red seal over the 自评等级 row before the scan (the picture stays in colour then)."""
    [(page, where)] = _raster(_pdf_bytes(_self_eval_story(*project, unit, sign=True)), dpi)
    if stamp:
        x0, y0, x1, y1 = where["find"]("自评等级")
        page = seal(page, (x1 + dpi, (y0 + y1) // 2 - dpi // 6), dpi * 2 // 3, stamp, rng)
    gray = page.convert("L").point(lambda v: 255 if v > 235 else 0)
    left, top, right, bottom = Image.eval(gray, lambda v: 255 - v).getbbox()
    pad = dpi // 5
    page = page.crop((max(0, left - pad), max(0, top - pad), min(page.width, right + pad), min(page.height, bottom + pad)))
    [page] = _scan([page], dpi, rng, tone=tone, speckle=1100, angles=(angle,), blur=0.6, quality=quality,
                   grey=stamp is None)
    return page.convert("RGB")


def logo(size: int = 240) -> Image.Image:
    """A department emblem: a coloured disc, a ring and two characters; a picture with no table in it."""
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse([8, 8, size - 8, size - 8], fill=(24, 92, 160))
    draw.ellipse([30, 30, size - 30, size - 30], outline=(255, 255, 255), width=6)
    font = ImageFont.truetype(TEXT_FONT, size // 4)
    draw.text((size // 2, size // 2), "榆浦", font=font, fill=(255, 255, 255), anchor="mm")
    return image


def seal_picture(words: str, rng: random.Random, size: int = 360) -> Image.Image:
    """A unit's seal scanned on its own and pasted over the signature line, as offices do for e-copies."""
    return seal(Image.new("RGB", (size, size), (255, 255, 255)), (size // 2, size // 2), size // 2 - 12, words, rng,
                colour=SEAL_RED)


def _png(image: Image.Image, fmt: str = "PNG") -> io.BytesIO:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"quality": 82} if fmt == "JPEG" else {}))
    buffer.seek(0)
    return buffer


# --- PDF ---------------------------------------------------------------------------------------------------------

def _pdf(story: list, name: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(str(HERE / name), pagesize=A4, invariant=1, leftMargin=50, rightMargin=50, topMargin=56,
                      bottomMargin=56).build(story)


def _styles():
    from make_files import _pdf_styles
    from reportlab.lib.styles import ParagraphStyle

    _, title, plain = _pdf_styles()
    body = ParagraphStyle("body", parent=plain, fontSize=11, leading=18, firstLineIndent=22)
    head = ParagraphStyle("head", parent=plain, fontSize=12, leading=20)
    return title, body, head


def _flowable(image: Image.Image, dpi: int, width: float | None = None, fmt: str = "JPEG"):
    """The picture as a reportlab Image at its printed size (``dpi``), or scaled to ``width`` points."""
    from reportlab.platypus import Image as PdfImage

    w, h = image.width * 72 / dpi, image.height * 72 / dpi
    if width is not None:
        w, h = width, h * width / w
    return PdfImage(_png(image, fmt), width=w, height=h)


def make_orige01() -> None:
    """A two-page report: text on page 1, on page 2 a heading line and the 自评表 as a scan filling the page."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    title, body, head = _styles()
    dpi, rng = 200, random.Random(101)
    picture = table_picture(E01, "万元", dpi, rng, angle=0.8)
    story = [Paragraph("岚溪县林业局2023年度项目支出绩效自评报告", title), Spacer(1, 12),
             Paragraph("一、项目概况", head),
             Paragraph("为提升林区火灾预防和早期处置能力，我局组织实施了森林防火能力提升项目，资金用于防火隔离带建设、"
                       "扑火机具购置和防火设施维护。项目由县森林消防大队具体实施。", body),
             Paragraph("二、绩效自评工作开展情况", head),
             Paragraph("按照县财政局的统一部署，我局成立绩效自评工作小组，对照年初设定的绩效目标，逐项核实产出和效益"
                       "指标完成情况，查阅了合同、验收资料和资金支付凭证，并通过问卷了解林区群众的意见。", body),
             Paragraph("三、存在的问题及改进措施", head),
             Paragraph("个别工程受天气影响进度滞后。下一步将提前谋划施工计划，合理安排工期，加强项目全过程管理。", body),
             PageBreak(), Paragraph("附件：项目支出绩效自评表", head), Spacer(1, 6), _flowable(picture, dpi, width=495)]
    _pdf(story, "orige01.pdf")


def make_orige02() -> None:
    """One page: paragraphs, the 自评表 picture in the middle (half a page), paragraphs under it."""
    from reportlab.platypus import Paragraph, Spacer

    title, body, head = _styles()
    dpi, rng = 180, random.Random(102)
    picture = table_picture(E02, "元", dpi, rng, angle=-1.0, quality=62)
    story = [Paragraph("涞渠县水务局项目绩效自评情况说明", title), Spacer(1, 8),
             Paragraph("我局对2023年度农村饮水安全巩固提升工程开展了绩效自评，自评结果见下表。", body),
             Spacer(1, 4), _flowable(picture, dpi, width=480), Spacer(1, 6),
             Paragraph("从自评情况看，项目总体达到预期目标。部分山区村组受地形影响水压偏低，我局将结合下年度管网"
                       "延伸工程增设加压设施，并加强运行维护人员培训。", body),
             Paragraph("涞渠县水务局", head), Paragraph("2024年3月20日", head)]
    _pdf(story, "orige02.pdf")


def make_orige03() -> None:
    """A letterhead logo at the top, text, the 自评表 picture, and the unit's seal pasted as a picture at the end."""
    from reportlab.platypus import Paragraph, Spacer, Table

    title, body, head = _styles()
    dpi, rng = 170, random.Random(103)
    picture = table_picture(E03, "万元", dpi, rng, angle=1.2, stamp="榆浦县住房和城乡建设局")
    emblem = _flowable(logo(), 150, width=46, fmt="PNG")
    banner = Table([[emblem, Paragraph("榆浦县住房和城乡建设局", title)]], colWidths=[60, 380])
    stamp = _flowable(seal_picture("榆浦县住房和城乡建设局", random.Random(203)), 150, width=96, fmt="PNG")
    signed = Table([["", Paragraph("榆浦县住房和城乡建设局", head)], ["", stamp]], colWidths=[300, 150])
    story = [banner, Spacer(1, 10),
             Paragraph("关于2023年城区公共停车设施建设项目绩效自评结果的报告", head),
             Paragraph("根据预算绩效管理工作要求，我局对城区公共停车设施建设项目开展了绩效自评。项目新增公共停车泊位"
                       "已全部投入使用，缓解了城区停车难问题，自评表如下。", body),
             Spacer(1, 4), _flowable(picture, dpi, width=470), Spacer(1, 6), signed]
    _pdf(story, "orige03.pdf")


# --- DOCX --------------------------------------------------------------------------------------------------------

def make_orige04() -> None:
    """A Word report: heading, paragraphs, the 自评表 as an inline picture, paragraphs after it."""
    import docx
    from docx.shared import Cm

    dpi, rng = 180, random.Random(104)
    picture = table_picture(E04, "万元", dpi, rng, angle=-0.6)
    doc = docx.Document()
    doc.add_heading("桐岙县司法局2023年度项目绩效自评报告", level=1)
    doc.add_paragraph("一、自评工作开展情况")
    doc.add_paragraph("我局对基层公共法律服务补助资金的使用和绩效目标完成情况进行了全面自评，形成自评表如下。")
    doc.add_paragraph().add_run().add_picture(_png(picture, "JPEG"), width=Cm(16))
    doc.add_paragraph("二、下一步工作")
    doc.add_paragraph("针对群众满意度略低于目标的情况，我局将优化服务流程，提高法律援助案件办理效率。")
    doc.save(HERE / "orige04.docx")


def make_orige05() -> None:
    """A Word report whose 自评表 picture sits in a one-cell frame table under a caption; a small logo above."""
    import docx
    from docx.shared import Cm

    dpi, rng = 170, random.Random(105)
    picture = table_picture(E05, "元", dpi, rng, angle=0.9, stamp="芩川县民政局")
    doc = docx.Document()
    doc.add_paragraph().add_run().add_picture(_png(logo(200)), width=Cm(1.6))
    doc.add_heading("芩川县民政局项目支出绩效自评报告", level=1)
    doc.add_paragraph("现将2023年度老年人助餐服务补贴项目的绩效自评情况报告如下。")
    frame = doc.add_table(rows=1, cols=1)
    frame.style = "Table Grid"
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "附表：项目支出绩效自评表（盖章扫描件）"
    cell.add_paragraph().add_run().add_picture(_png(picture, "JPEG"), width=Cm(15.5))
    doc.add_paragraph("芩川县民政局  2024年3月")
    doc.save(HERE / "orige05.docx")


def _anchor(inline, x_cm: float, y_cm: float) -> None:
    """Turn an inline picture (``wp:inline``) into one anchored to its paragraph (``wp:anchor``), as a picture
    dragged into place in Word is stored: positioned from the column and paragraph, text wrapped top and bottom."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    emu = 360000
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x_cm * emu)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(y_cm * emu)}</wp:posOffset></wp:positionV>'
        '</wp:anchor>')
    extent, docpr, graphic = inline.find(f"{{{anchor.nsmap['wp']}}}extent"), None, None
    for child in inline:
        if child.tag.endswith("}docPr"):
            docpr = child
        elif child.tag.endswith("}graphic"):
            graphic = child
    anchor.append(extent)
    anchor.append(parse_xml(f'<wp:wrapTopAndBottom {nsdecls("wp")}/>'))
    anchor.append(docpr)
    anchor.append(parse_xml(f'<wp:cNvGraphicFramePr {nsdecls("wp")}/>'))
    anchor.append(graphic)
    inline.getparent().replace(inline, anchor)


def make_orige06() -> None:
    """A Word report whose 自评表 picture is anchored (floating, wrapped top and bottom) to a paragraph."""
    import docx
    from docx.shared import Cm

    dpi, rng = 180, random.Random(106)
    picture = table_picture(E06, "万元", dpi, rng, angle=-1.4)
    doc = docx.Document()
    doc.add_heading("莪山县农业农村局绩效自评报告", level=1)
    doc.add_paragraph("我局2023年度实施中药材种植技术推广项目，经自评，项目绩效目标基本完成。")
    run = doc.add_paragraph().add_run()
    run.add_picture(_png(picture, "JPEG"), width=Cm(16))
    _anchor(run._r.xpath(".//wp:inline")[0], 0.0, 0.2)
    doc.add_paragraph("下一步，我局将扩大良种示范基地规模，提高种植户的技术水平和收益。")
    doc.save(HERE / "orige06.docx")


# --- XLSX --------------------------------------------------------------------------------------------------------

def make_orige07() -> None:
    """A workbook whose one sheet holds a title cell (merged across), the 自评表 scan pasted under it (a two-cell
    anchor over the default grid, as Excel stores a pasted picture), a small logo beside the title (one-cell
    anchor) and a note row under the picture."""
    import openpyxl
    from openpyxl.drawing.image import Image as XlImage
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor, TwoCellAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D
    from openpyxl.utils.units import pixels_to_EMU

    dpi, rng = 180, random.Random(107)
    picture = table_picture(E07, "万元", dpi, rng, angle=0.7)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "附件2：2023年度项目支出绩效自评表（盖章扫描件）"
    ws.merge_cells("A1:H1")
    # the default grid: 64 px columns, 20 px rows; the picture spans columns A-I (576 px, ~15 cm)
    cols, width = 9, 576
    rows = round(picture.height * width / picture.width / 20)
    table = XlImage(_png(picture, "JPEG"))
    table.anchor = TwoCellAnchor(editAs="oneCell", _from=AnchorMarker(col=0, colOff=0, row=2, rowOff=0),
                                 to=AnchorMarker(col=cols, colOff=0, row=2 + rows, rowOff=0))
    ws.add_image(table)
    emblem = XlImage(_png(logo(200)))
    emblem.anchor = OneCellAnchor(_from=AnchorMarker(col=8, colOff=pixels_to_EMU(10), row=0, rowOff=0),
                                  ext=XDRPositiveSize2D(pixels_to_EMU(48), pixels_to_EMU(48)))
    ws.add_image(emblem)
    ws.cell(row=2 + rows + 2, column=1, value="注：纸质原件经单位盖章后存档备查。")
    wb.save(HERE / "orige07.xlsx")


def main() -> None:
    for make in (make_orige01, make_orige02, make_orige03, make_orige04, make_orige05, make_orige06, make_orige07):
        make()


if __name__ == "__main__":
    main()
