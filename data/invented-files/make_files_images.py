"""Write the origj* files: the image files scanners and phones write, each holding one 自评表 page.

A multi-page bilevel CCITT Group 4 TIFF (an office scanner; the table runs on to page 2), a phone's JPEG stored
sideways with an EXIF Orientation tag, an iPhone HEIC, a WebP, a PNG with a transparent background (an export whose
transparent pixels hold black), a BMP, a CMYK JPEG and a GIF with a second frame. The pages are laid out and
rasterized with ``make_scans``' helpers (reportlab, pypdfium2 with Debian's ``fonts-noto-cjk``); the HEIC needs
``pillow-heif``. A fixed seed makes each run give the same pixels. Every name, place and figure is invented; the
gold beside each file was labeled by hand.

    python data/invented-files/make_files_images.py
"""

from __future__ import annotations

import io
import random

from make_files import HERE, _pdf_grid, _pdf_project, _pdf_styles
from make_scans import _pdf_bytes, _raster, _scan, _self_eval_story
from PIL import Image

DPI = 150

J01 = ({"name": "2023年城区排水管网改造工程", "dept": "澄溪县住房和城乡建设局", "impl": "澄溪县市政设施管理所",
        "funds": ["1,860", "1,920", "1,874.4", "10", "97.63%", "9.8"], "score": "96.8", "grade": "优"}, [
    ["产出指标", "数量指标", "改造雨污管网长度", "≥38公里", "39.2公里", "10", "10", ""],
    ["^", "^", "新建检查井数量", "≥640座", "652座", "10", "10", ""],
    ["^", "质量指标", "管网闭水试验合格率", "100%", "100%", "10", "10", ""],
    ["^", "时效指标", "主体工程完工时间", "2023年11月底前", "2023年12月", "10", "8", "汛期停工两周，完工延后"],
    ["^", "成本指标", "每公里改造成本", "≤49万元", "47.8万元", "10", "10", ""],
    ["效益指标", "社会效益指标", "城区易涝点消除数量", "≥12处", "12处", "15", "15", ""],
    ["^", "生态效益指标", "污水收集率", "≥85%", "86.4%", "15", "15", ""],
    ["满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "91.2%", "10", "10", ""]])

J02 = ({"name": "2023年农村饮水安全巩固提升工程", "dept": "桦岭县水务局", "impl": "桦岭县农村供水管理站",
        "funds": ["2,450,000.00", "2,630,000.00", "2,571,300.00", "10", "97.77%", "9.8"], "score": "97.8", "grade": "优"}, [
    ["产出指标", "数量指标", "新建改造供水工程处数", "≥14处", "15处", "20", "20", ""],
    ["^", "质量指标", "水质检测合格率", "≥95%", "96.5%", "20", "20", ""],
    ["效益指标", "社会效益指标", "受益农村人口", "≥2.1万人", "2.18万人", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "88%", "20", "18", "个别村组水压不稳"]])

J03 = ({"name": "2023年老旧小区加装电梯补助", "dept": "枫屿区住房保障中心", "impl": "枫屿区住房保障中心",
        "funds": ["360", "420", "396", "10", "94.29%", "9.4"], "score": "95.4", "grade": "优"}, [
    ["产出指标", "数量指标", "加装电梯台数", "≥60台", "66台", "20", "20", ""],
    ["^", "时效指标", "补助资金兑付及时率", "≥95%", "92%", "20", "16", "部分项目验收资料不全"],
    ["效益指标", "社会效益指标", "受益住户数", "≥1200户", "1318户", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "住户满意度", "≥90%", "95%", "20", "20", ""]])

J04 = ({"name": "2023年基层医疗卫生机构设备购置", "dept": "蓼川县卫生健康局", "impl": "蓼川县卫生健康局",
        "funds": ["1,180,000.00", "1,180,000.00", "1,152,460.00", "10", "97.67%", "9.8"], "score": "98.8", "grade": "优"}, [
    ["产出指标", "数量指标", "购置医疗设备台套数", "≥45台套", "47台套", "30", "30", ""],
    ["^", "质量指标", "设备验收合格率", "100%", "100%", "20", "20", ""],
    ["效益指标", "社会效益指标", "乡镇卫生院门诊量增长率", "≥5%", "6.2%", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "就诊群众满意度", "≥90%", "90%", "10", "9", ""]])

J05 = ({"name": "2023年图书馆数字资源建设", "dept": "鹭汀市文化和旅游局", "impl": "鹭汀市图书馆",
        "funds": ["85", "85", "83.3", "10", "98%", "9.8"], "score": "99.8", "grade": "优"}, [
    ["产出指标", "数量指标", "新增数字资源容量", "≥12TB", "12.6TB", "30", "30", ""],
    ["^", "时效指标", "资源上线时间", "2023年10月底前", "2023年10月", "20", "20", ""],
    ["效益指标", "社会效益指标", "数字资源年访问量", "≥80万次", "86万次", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "93%", "20", "20", ""]])

J06 = ({"name": "2023年森林防火能力提升项目", "dept": "崖枣县林业局", "impl": "崖枣县森林消防大队",
        "funds": ["312", "335", "328.3", "10", "98%", "9.8"], "score": "97.8", "grade": "优"}, [
    ["产出指标", "数量指标", "新建防火隔离带长度", "≥45公里", "46公里", "20", "20", ""],
    ["^", "质量指标", "瞭望监测覆盖率", "≥90%", "88%", "20", "18", "两处塔台信号受山体遮挡"],
    ["效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.3‰", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%", "94%", "20", "20", ""]])

J07 = ({"name": "2023年就业见习补贴", "dept": "汀岚县人力资源和社会保障局", "impl": "汀岚县就业服务中心",
        "funds": ["640,000.00", "720,000.00", "705,600.00", "10", "98%", "9.8"], "score": "98.8", "grade": "优"}, [
    ["产出指标", "数量指标", "见习人员数量", "≥300人", "312人", "30", "30", ""],
    ["^", "时效指标", "补贴发放及时率", "100%", "100%", "20", "20", ""],
    ["效益指标", "社会效益指标", "见习期满留用率", "≥40%", "38%", "20", "19", "部分见习单位岗位缩减"],
    ["满意度指标", "服务对象满意度指标", "见习人员满意度", "≥90%", "93%", "20", "20", ""]])

J08 = ({"name": "2023年中药材种植示范基地建设", "dept": "苁山县农业农村局", "impl": "苁山县经济作物站",
        "funds": ["150", "150", "147.6", "10", "98.4%", "9.8"], "score": "98.8", "grade": "优"}, [
    ["产出指标", "数量指标", "示范基地种植面积", "≥3000亩", "3120亩", "30", "30", ""],
    ["^", "质量指标", "种苗成活率", "≥85%", "87%", "20", "20", ""],
    ["效益指标", "经济效益指标", "带动农户增收", "≥1500元/户", "1620元/户", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "种植户满意度", "≥90%", "85%", "20", "19", ""]])


def _page(project, unit: str, rng_seed: int, **scan) -> Image.Image:
    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(*project, unit)), DPI)
    return _scan([page], DPI, random.Random(rng_seed), **scan)[0]


def make_origj01() -> None:
    """Two pages of a bilevel CCITT Group 4 TIFF at 200 dpi: head, funds and the output indicators on page 1, the
    indicator header repeated and the rest of the table on page 2."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    dpi = 200
    cell, title, plain = _pdf_styles()
    rows, widths, spans = _pdf_project(*J01, cell, "万元")
    cut = 7 + 5  # head (6 rows) + indicator header + the five 产出指标 rows
    first = [s for s in spans if s[1][1] < cut]
    second = [((a[0], a[1] - cut + 1), (b[0], b[1] - cut + 1)) for a, b in spans if a[1] >= cut]
    story = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", plain), Spacer(1, 6),
             _pdf_grid(rows[:cut], widths, first, cell), PageBreak(),
             _pdf_grid([rows[6]] + rows[cut:], widths, second, cell)]
    pages = [p for p, _ in _raster(_pdf_bytes(story), dpi)]
    pages = _scan(pages, dpi, random.Random(11), angles=(0.6, -0.4), speckle=4000, blur=0.4)
    bilevel = [p.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages]
    bilevel[0].save(HERE / "origj01.tif", "TIFF", compression="group4", save_all=True, append_images=bilevel[1:],
                    dpi=(dpi, dpi))


def make_origj02() -> None:
    """A phone's JPEG: the pixels stored a quarter turn counter-clockwise, EXIF Orientation 6 (turn clockwise to show)."""
    page = _page(J02, "元", 12, grey=False, tone=236, angles=(0.8,))
    stored = page.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(HERE / "origj02.jpg", "JPEG", quality=85, exif=exif.tobytes())


def make_origj03() -> None:
    """An iPhone HEIC (colour, warm paper)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    page = _page(J03, "万元", 13, grey=False, tone=240, angles=(-0.6,))
    page.save(HERE / "origj03.heic", "HEIF", quality=80)


def make_origj04() -> None:
    """A lossy WebP (quality 75), grey."""
    _page(J04, "元", 14, angles=(0.4,)).save(HERE / "origj04.webp", "WEBP", quality=75)


def make_origj05() -> None:
    """A PNG with an alpha channel: the ink opaque, the background transparent, its pixels' colour black (as
    many exporters write a transparent background)."""
    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(*J05, "万元")), DPI)
    alpha = page.convert("L").point(lambda v: 255 - v)
    rgba = Image.new("RGBA", page.size, (0, 0, 0, 0))
    rgba.putalpha(alpha)
    rgba.save(HERE / "origj05.png", optimize=True)


def make_origj06() -> None:
    """An 8-bit grey BMP (uncompressed), grey paper, cropped below the table as a scanner's preview area crops it."""
    page = _page(J06, "万元", 16, tone=230, angles=(-1.0,)).convert("L")
    page.crop((0, 0, page.width, page.height * 11 // 20)).save(HERE / "origj06.bmp", "BMP")


def make_origj07() -> None:
    """A CMYK JPEG (a print shop's or a scanner's colour profile)."""
    page = _page(J07, "元", 17, grey=False, tone=244, angles=(0.5,))
    page.convert("CMYK").save(HERE / "origj07.jpg", "JPEG", quality=85)


def make_origj08() -> None:
    """A palette GIF of two frames: the page, then a blank frame (only the first is read)."""
    page = _page(J08, "万元", 18, angles=(0.3,)).convert("P", palette=Image.Palette.ADAPTIVE, colors=32)
    blank = Image.new("P", page.size, 0)
    blank.putpalette(page.getpalette())
    buffer = io.BytesIO()
    page.save(buffer, "GIF", save_all=True, append_images=[blank], duration=500)
    (HERE / "origj08.gif").write_bytes(buffer.getvalue())


def main() -> None:
    for make in (make_origj01, make_origj02, make_origj03, make_origj04, make_origj05, make_origj06, make_origj07,
                 make_origj08):
        make()


if __name__ == "__main__":
    main()
