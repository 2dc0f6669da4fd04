"""Write the origc* files: scanned originals, a bureau's photocopies rather than one clean drawn scan.

Each page is laid out with reportlab (the orig* helpers, STSong-Light), rasterized with pypdfium2 (which draws the
CJK text with a system font: Debian's ``fonts-noto-cjk`` must be installed) and then degraded the way a photocopy
or an office scanner degrades it: a small skew, grey paper and speckle, blur, JPEG artefacts, a red seal (公章)
stamped over the score or the department, a handwritten-looking signature, faint ruling lines, an edge cut off.
The result is saved as an image-only PDF (PIL) or as a PNG / JPG, with no text layer. A fixed seed makes each run
give the same pixels. Every name, place and figure is invented; the gold beside each file was labeled by hand.

    python data/invented-files/make_scans.py
"""

from __future__ import annotations

import io
import math
import random

from make_files import HERE, _pdf_grid, _pdf_project, _pdf_styles
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIGN_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SEAL_RED = (214, 38, 42)


# --- layout and raster -------------------------------------------------------------------------------------------

def _pdf_bytes(story: list, landscape: bool = False) -> bytes:
    from reportlab.lib import pagesizes
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    size = pagesizes.landscape(pagesizes.A4) if landscape else pagesizes.A4
    SimpleDocTemplate(buffer, pagesize=size, invariant=1).build(story)
    return buffer.getvalue()


def _raster(pdf: bytes, dpi: int) -> list[tuple[Image.Image, dict]]:
    """Each page as an RGB image, with a finder mapping printed text to its pixel box (for seals and cuts)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    pages = []
    for page in doc:
        image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        height = page.get_height()
        text = page.get_textpage()

        def find(word: str, text=text, height=height) -> tuple[int, int, int, int]:
            search = text.search(word)
            index, count = search.get_next()
            boxes = [text.get_charbox(index + i) for i in range(count)]
            left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
            bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
            k = dpi / 72
            return int(left * k), int((height - top) * k), int(right * k), int((height - bottom) * k)

        pages.append((image, {"find": find}))
    return pages


# --- degradations ------------------------------------------------------------------------------------------------

def _multiply(page: Image.Image, layer: Image.Image) -> Image.Image:
    """Ink over ink: a stamp darkens what lies under it, it does not hide it."""
    from PIL import ImageChops
    return ImageChops.multiply(page, layer)


def seal(page: Image.Image, centre: tuple[int, int], radius: int, words: str, rng: random.Random,
         colour: tuple[int, int, int] = SEAL_RED) -> Image.Image:
    """A round 公章: a ring, the unit's name along the upper arc, a star, uneven ink."""
    layer = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    cx, cy = centre
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=colour, width=max(4, radius // 18))
    size = max(14, radius // 4)
    font = ImageFont.truetype(SIGN_FONT, size)
    span = math.radians(240)
    for i, ch in enumerate(words):
        angle = -math.pi / 2 - span / 2 + span * (i + 0.5) / len(words)
        x = cx + (radius - size * 0.95) * math.cos(angle)
        y = cy + (radius - size * 0.95) * math.sin(angle)
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size // 2, size // 3), ch, font=font, fill=255)
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        layer.paste(Image.new("RGB", glyph.size, colour), (int(x - size), int(y - size)), glyph)
    star = [(cx + radius * 0.28 * math.cos(math.radians(-90 + 36 * k)) * (1 if k % 2 == 0 else 0.42),
             cy + radius * 0.28 * math.sin(math.radians(-90 + 36 * k)) * (1 if k % 2 == 0 else 0.42)) for k in range(10)]
    draw.polygon(star, fill=colour)
    pixels = layer.load()
    for _ in range(radius * radius // 3):  # a stamp never inks evenly: lighten random spots
        x, y = cx + rng.randint(-radius, radius), cy + rng.randint(-radius, radius)
        if 0 <= x < page.width and 0 <= y < page.height and pixels[x, y] != (255, 255, 255):
            pixels[x, y] = tuple(min(255, c + 110) for c in pixels[x, y])
    return _multiply(page, layer.filter(ImageFilter.GaussianBlur(0.8)))


def signature(page: Image.Image, at: tuple[int, int], name: str, height: int, rng: random.Random,
              ink: tuple[int, int, int] = (30, 40, 90)) -> Image.Image:
    """A signed name: the characters drawn large, slanted and jittered, and a flourish stroke under them."""
    font = ImageFont.truetype(SIGN_FONT, height)
    width = int(font.getlength(name)) + height
    mask = Image.new("L", (width + height, height * 2), 0)
    draw = ImageDraw.Draw(mask)
    x = height // 4
    for ch in name:
        draw.text((x, rng.randint(0, height // 5)), ch, font=font, fill=255, stroke_width=1, stroke_fill=255)
        x += int(height * rng.uniform(0.7, 0.85))
    points = [(height // 4 + k * width / 8, height * 1.35 + 8 * math.sin(k * 1.3)) for k in range(9)]
    draw.line(points, fill=255, width=3)
    shear = 0.35  # a right-leaning hand
    mask = mask.transform(mask.size, Image.AFFINE, (1, shear, -shear * height, 0, 1, 0), resample=Image.BICUBIC)
    page = page.copy()
    page.paste(Image.new("RGB", mask.size, ink), at, mask)
    return page


def paper(page: Image.Image, tone: int, rng: random.Random, speckle: int) -> Image.Image:
    """A photocopy's grey paper: white lowered to `tone`, dark speckle and light dropouts scattered over it."""
    grey = page.convert("L").point(lambda v: int(v * tone / 255))
    colour = page.point(lambda v: int(v * tone / 255))
    out = colour if page.mode == "RGB" else grey
    pixels = out.load()
    for _ in range(page.width * page.height // max(speckle, 1)):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        v = rng.randrange(40, 180)
        pixels[x, y] = (v, v, v) if out.mode == "RGB" else v
    return out


def skew(page: Image.Image, degrees: float, fill: int) -> Image.Image:
    """A sheet fed slightly askew; what turns out of the frame is lost, the corners fill with the scanner's lid."""
    colour = (fill, fill, fill) if page.mode == "RGB" else fill
    return page.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=colour)


def jpeg(page: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert(page.mode)


def save_pdf(pages: list[Image.Image], name: str, dpi: int, quality: int = 75) -> None:
    """Image-only PDF: PIL writes each page as one JPEG (DCTDecode) image, no text layer."""
    first, *rest = pages
    first.save(HERE / name, "PDF", resolution=dpi, save_all=True, append_images=rest, quality=quality)


def _faint_grid(rows, widths, spans, cell, colour: str = "#b8b8b8", width: float = 0.3):
    """A table whose rules print faint and thin, as a worn toner cartridge or a light copy prints them."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(v, cell) if v else "" for v in row] for row in rows]
    table = Table(data, colWidths=widths)
    style = [("GRID", (0, 0), (-1, -1), width, colour), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    table.setStyle(TableStyle(style + [("SPAN", a, b) for a, b in spans]))
    return table


def _self_eval_story(project: dict, inds: list[list[str]], unit: str, grid=_pdf_grid, sign: bool = False) -> list:
    from reportlab.platypus import Paragraph, Spacer

    cell, title, plain = _pdf_styles()
    rows, widths, spans = _pdf_project(project, inds, cell, unit)
    story = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 6),
             grid(rows, widths, spans, cell)]
    if sign:
        story += [Spacer(1, 10), Paragraph("填表人：　　　　　　　　审核人：　　　　　　　　填报日期：2024年3月18日", plain)]
    return story


# --- the documents -----------------------------------------------------------------------------------------------

C01 = ({"name": "2023年高标准农田建设项目", "dept": "青溪县农业农村局", "impl": "青溪县农田建设服务中心",
        "funds": ["1,250", "1,386.4", "1,342.87", "10", "96.86%", "9.7"], "score": "96.7", "grade": "优"}, [
    ["产出指标", "数量指标", "新建高标准农田面积", "≥2.5万亩", "2.56万亩", "15", "15", ""],
    ["^", "^", "新建及改造灌排渠道长度", "≥42公里", "43.8公里", "10", "10", ""],
    ["^", "质量指标", "工程质量验收合格率", "100%", "100%", "10", "10", ""],
    ["^", "时效指标", "项目完工时间", "2023年12月底前", "2024年1月", "10", "7", "冬季冻土期停工，完工延后约一个月"],
    ["^", "成本指标", "亩均建设投资", "≤1500元", "1486元", "5", "5", ""],
    ["效益指标", "经济效益指标", "项目区粮食亩均增产", "≥50公斤", "58公斤", "15", "15", ""],
    ["^", "可持续影响指标", "工程设计使用年限", "≥15年", "15年", "15", "15", ""],
    ["满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%", "93.5%", "10", "10", ""]])

C02 = ({"name": "2023年小型水库除险加固项目", "dept": "柘岭县水利局", "impl": "柘岭县水库管理站",
        "funds": ["3,600,000.00", "3,980,000.00", "3,842,600.00", "10", "96.55%", "9.7"], "score": "95.7", "grade": "优"}, [
    ["产出指标", "数量指标", "除险加固小型水库数量", "6座", "6座", "20", "20", ""],
    ["^", "质量指标", "大坝安全鉴定达标率", "100%", "100%", "15", "15", ""],
    ["^", "时效指标", "主汛期前完成主体工程", "≥80%", "66.7%", "15", "12", "两座水库因征迁协调延误，已于8月完成"],
    ["效益指标", "社会效益指标", "下游受保护人口", "≥1.2万人", "1.26万人", "15", "15", ""],
    ["^", "生态效益指标", "恢复兴利库容", "≥86万立方米", "88.5万立方米", "15", "15", ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "91%", "10", "9", ""]])

C03 = ({"name": "2023年公共文化场馆免费开放补助", "dept": "栖霞湾区文化广电旅游局", "impl": "栖霞湾区文化馆",
        "funds": ["64", "64", "62.08", "10", "97%", "9.7"], "score": "98.7", "grade": "优"}, [
    ["产出指标", "数量指标", "举办公益性展览场次", "≥24场", "27场", "15", "15", ""],
    ["^", "^", "开展公益培训班次", "≥60班次", "64班次", "15", "15", ""],
    ["^", "质量指标", "场馆免费开放天数", "≥300天", "306天", "10", "10", ""],
    ["^", "时效指标", "补助资金拨付及时率", "100%", "100%", "10", "10", ""],
    ["效益指标", "社会效益指标", "年接待群众人次", "≥12万人次", "13.4万人次", "20", "20", ""],
    ["满意度指标", "社会公众满意度指标", "参与群众满意度", "≥95%", "94%", "20", "19", "部分场馆周末开放时段不足"]])

C04 = ({"name": "2023年城乡环卫一体化运营经费", "dept": "溱潼县城市管理局", "impl": "溱潼县环境卫生管理所",
        "funds": ["2,180", "2,260", "2,214.8", "10", "98%", "9.8"], "score": "97.3", "grade": "优"}, [
    ["产出指标", "数量指标", "日均清扫保洁面积", "≥420万平方米", "436万平方米", "6", "6", ""],
    ["^", "^", "生活垃圾日均清运量", "≥310吨", "322吨", "6", "6", ""],
    ["^", "^", "配置分类垃圾桶数量", "≥3600个", "3720个", "5", "5", ""],
    ["^", "^", "公厕保洁座数", "≥146座", "146座", "5", "5", ""],
    ["^", "质量指标", "道路保洁达标率", "≥95%", "96.2%", "6", "6", ""],
    ["^", "^", "生活垃圾无害化处理率", "100%", "100%", "6", "6", ""],
    ["^", "^", "环卫作业考核优良率", "≥90%", "88%", "6", "5", "两个乡镇作业片区人员流动大，考核扣分"],
    ["^", "时效指标", "垃圾日产日清率", "100%", "100%", "5", "5", ""],
    ["^", "成本指标", "吨垃圾清运处理成本", "≤185元", "181元", "5", "5", ""],
    ["效益指标", "社会效益指标", "城乡人居环境整治考核排名", "全市前五", "全市第四", "10", "10", ""],
    ["^", "生态效益指标", "农村生活垃圾收运处置体系覆盖率", "100%", "100%", "10", "10", ""],
    ["^", "可持续影响指标", "环卫设施设备完好率", "≥95%", "97%", "10", "10", ""],
    ["满意度指标", "社会公众满意度指标", "城乡居民满意度", "≥90%", "89.5%", "10", "9.3", "个别村组垃圾桶清洗不及时"]])

C05 = ({"name": "2023年困难残疾人生活补贴", "dept": "嵩阳县残疾人联合会", "impl": "嵩阳县残疾人联合会",
        "funds": ["2,916,000.00", "3,024,000.00", "3,024,000.00", "10", "100%", "10"], "score": "99", "grade": "优"}, [
    ["产出指标", "数量指标", "补贴发放人数", "≥3300人", "3360人", "20", "20", ""],
    ["^", "质量指标", "补贴对象认定准确率", "100%", "100%", "20", "20", ""],
    ["^", "时效指标", "补贴按月发放率", "100%", "100%", "10", "10", ""],
    ["^", "成本指标", "月人均补贴标准", "75元", "75元", "10", "10", ""],
    ["效益指标", "社会效益指标", "困难残疾人基本生活保障水平", "稳步提高", "稳步提高", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥95%", "94%", "10", "9", ""]])

C06 = ({"name": "2023年农村公路养护工程", "dept": "沣源县交通运输局", "impl": "沣源县公路事业发展中心",
        "funds": ["540", "612.5", "598.1", "10", "97.65%", "9.8"], "score": "97.8", "grade": "优"}, [
    ["产出指标", "数量指标", "养护农村公路里程", "≥860公里", "874公里", "20", "20", ""],
    ["^", "质量指标", "优良中等路率", "≥80%", "82.6%", "20", "20", ""],
    ["^", "时效指标", "路面病害处治及时率", "≥90%", "88%", "10", "8", "雨季集中出现病害，处治力量不足"],
    ["效益指标", "社会效益指标", "农村公路通畅率", "100%", "100%", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", "20", "20", ""]])

C07A = ({"name": "2023年中小学生营养改善计划", "dept": "岐川县教育局", "impl": "岐川县学生资助管理中心",
         "funds": ["1,028", "1,028", "1,011.55", "10", "98.4%", "9.8"], "score": "98.8", "grade": "优"}, [
    ["产出指标", "数量指标", "受益学生人数", "≥2.4万人", "2.43万人", "20", "20", ""],
    ["^", "质量指标", "学校食堂供餐率", "≥95%", "96.8%", "20", "20", ""],
    ["^", "时效指标", "膳食补助资金拨付时间", "开学后1个月内", "开学后20天", "10", "10", ""],
    ["效益指标", "社会效益指标", "学生营养健康状况", "持续改善", "持续改善", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%", "88%", "20", "19", ""]])

C07B = ({"name": "2023年学前教育幼儿资助", "dept": "岐川县教育局", "impl": "岐川县学生资助管理中心",
         "funds": ["86.4", "92.7", "92.7", "10", "100%", "10"], "score": "100", "grade": "优"}, [
    ["产出指标", "数量指标", "资助幼儿人数", "≥1000人", "1030人", "30", "30", ""],
    ["^", "质量指标", "资助对象识别准确率", "100%", "100%", "20", "20", ""],
    ["效益指标", "社会效益指标", "家庭经济困难幼儿入园率", "≥98%", "99.1%", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "受助家庭满意度", "≥90%", "96%", "20", "20", ""]])

ACCOUNTS_05 = [
    ["科目代码", "科目名称", "合计", "基本支出", "项目支出"],
    ["", "合计", "1,032.64", "434.54", "598.10"],
    ["208", "社会保障和就业支出", "52.18", "52.18", ""],
    ["20805", "行政事业单位养老支出", "52.18", "52.18", ""],
    ["2080505", "机关事业单位基本养老保险缴费支出", "52.18", "52.18", ""],
    ["214", "交通运输支出", "980.46", "382.36", "598.10"],
    ["21401", "公路水路运输", "980.46", "382.36", "598.10"],
    ["2140101", "行政运行", "382.36", "382.36", ""],
    ["2140106", "公路养护", "598.10", "", "598.10"],
]


def _scan(pages, dpi, rng, *, tone=246, speckle=900, angles=(0.0,), blur=0.6, quality=None, grey=True, cut=None):
    """Paper, skew, blur and JPEG applied to each rendered page (after any seal or signature was added)."""
    out = []
    for i, page in enumerate(pages):
        page = page.convert("L") if grey else page
        page = paper(page, tone, rng, speckle)
        page = skew(page, angles[i % len(angles)], fill=tone - 10)
        if cut and i in cut:
            page = page.crop((0, 0, page.width - int(page.width * cut[i]), page.height))
        page = page.filter(ImageFilter.GaussianBlur(blur))
        out.append(jpeg(page, quality) if quality else page)
    return out


def _centre(box: tuple[int, int, int, int], dx: int = 0, dy: int = 0) -> tuple[int, int]:
    return (box[0] + box[2]) // 2 + dx, (box[1] + box[3]) // 2 + dy


def make_origc01() -> None:
    """Grey 200 dpi office scan, 1.5 degrees of skew, speckle and a little blur; 万元 with thousands separators."""
    dpi, rng = 200, random.Random(1)
    pages = [p for p, _ in _raster(_pdf_bytes(_self_eval_story(*C01, "万元")), dpi)]
    save_pdf(_scan(pages, dpi, rng, angles=(1.5,), blur=0.7), "origc01.pdf", dpi)


def make_origc02() -> None:
    """Colour 150 dpi scan, -2 degrees: a red seal over the 总分 / 自评等级 rows and one over the department."""
    dpi, rng = 150, random.Random(2)
    [(page, where)] = _raster(_pdf_bytes(_self_eval_story(*C02, "元")), dpi)
    page = seal(page, _centre(where["find"]("自评等级"), dx=220, dy=-30), 120, "柘岭县水利局", rng)
    page = seal(page, _centre(where["find"]("柘岭县水利局"), dx=40), 110, "柘岭县水利局", rng)
    save_pdf(_scan([page], dpi, rng, grey=False, angles=(-2.0,), speckle=1500), "origc02.pdf", dpi, quality=70)


def make_origc03() -> None:
    """A photocopy saved as JPG: grey paper, dense speckle, faint thin rules, blur and strong JPEG artefacts."""
    dpi, rng = 170, random.Random(3)
    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(*C03, "万元", grid=_faint_grid)), dpi)
    [page] = _scan([page], dpi, rng, tone=222, speckle=260, angles=(1.0,), blur=0.9)
    page.save(HERE / "origc03.jpg", "JPEG", quality=38)


def make_origc04() -> None:
    """Head and funds on page 1, the indicator table on page 2; each sheet skewed its own way, page 2 cut at the right."""
    from reportlab.platypus import Paragraph, Spacer

    dpi, rng = 200, random.Random(4)
    cell, title, plain = _pdf_styles()
    project, inds = C04
    rows, widths, spans = _pdf_project(project, inds, cell, "万元")
    head, body = rows[:6], rows[6:]
    body_spans = [((a[0], a[1] - 6), (b[0], b[1] - 6)) for a, b in spans if a[1] >= 6]
    story = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 330),
             _pdf_grid(head, widths, spans[:4], cell), _pdf_grid(body, widths, body_spans, cell, repeat=1)]
    pages = [p for p, _ in _raster(_pdf_bytes(story), dpi)]
    save_pdf(_scan(pages, dpi, rng, angles=(2.5, -1.0), cut={1: 0.13}), "origc04.pdf", dpi)


def make_origc05() -> None:
    """Grey PNG at 150 dpi, -3 degrees: a washed-out seal over the department, signatures under the table."""
    dpi, rng = 150, random.Random(5)
    [(page, where)] = _raster(_pdf_bytes(_self_eval_story(*C05, "元", sign=True)), dpi)
    page = seal(page, _centre(where["find"]("嵩阳县残疾人联合会"), dx=30), 105, "嵩阳县残疾人联合会", rng,
                colour=(236, 120, 120))
    for label, name in (("填表人", "周文涛"), ("审核人", "林秀华")):
        x0, y0, x1, _ = where["find"](label)
        page = signature(page, (x1 + 20, y0 - 34), name, 34, rng)
    [page] = _scan([page], dpi, rng, angles=(-3.0,), speckle=700)
    page.save(HERE / "origc05.png", optimize=True)


def make_origc06() -> None:
    """Colour scan of a 部门决算 table page (公开05表, seal over the 编制单位 line) and the project's 自评表."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    dpi, rng = 150, random.Random(6)
    cell, title, plain = _pdf_styles()
    unit_line = "编制单位：沣源县交通运输局                2023年度                金额单位：万元"
    story = [Paragraph("公开05表", plain), Paragraph("一般公共预算财政拨款支出决算表", title),
             Paragraph(unit_line, plain), Spacer(1, 4),
             _pdf_grid(ACCOUNTS_05, [w * mm for w in (24, 64, 28, 28, 28)], [], cell), PageBreak(),
             *_self_eval_story(*C06, "万元")]
    (first, where), (second, _) = _raster(_pdf_bytes(story), dpi)
    first = seal(first, _centre(where["find"]("沣源县交通运输局"), dx=10), 115, "沣源县交通运输局", rng)
    save_pdf(_scan([first, second], dpi, rng, grey=False, angles=(1.2, -0.8), speckle=1200), "origc06.pdf", dpi,
             quality=72)


def make_origc07() -> None:
    """Two projects a page each, grey 180 dpi, heavy blur and JPEG, 0.7 and 2 degrees, a signature on each."""
    from reportlab.platypus import PageBreak

    dpi, rng = 180, random.Random(7)
    story = [*_self_eval_story(*C07A, "万元", sign=True), PageBreak(), *_self_eval_story(*C07B, "万元", sign=True)]
    pages = []
    for page, where in _raster(_pdf_bytes(story), dpi):
        x0, y0, x1, _ = where["find"]("填表人")
        pages.append(signature(page, (x1 + 20, y0 - 40), "郑海波", 40, rng, ink=(20, 20, 20)))
    save_pdf(_scan(pages, dpi, rng, angles=(0.7, 2.0), blur=1.2, quality=45), "origc07.pdf", dpi, quality=60)


def main() -> None:
    for make in (make_origc01, make_origc02, make_origc03, make_origc04, make_origc05, make_origc06, make_origc07):
        make()


if __name__ == "__main__":
    main()
