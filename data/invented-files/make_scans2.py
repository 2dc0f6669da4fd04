"""Write the origf* files: scans as bureaus' photocopiers and phones make them (the second scans round).

The pages are drawn and degraded with make_scans' helpers (reportlab layout, pypdfium2 raster, paper, seal,
skew, JPEG); what this round adds are the copies the first one left out: a sheet laid on the glass well askew
(6-12 degrees), a red seal copied in black and white (a grey or near-black ring over the funds rows), rules printed
so light they almost vanish, an underexposed copy (dark paper, grey ink), the dark band a book's binding throws
along one edge, and a landscape table scanned sideways in a two-page PDF. A fixed seed makes each run give the
same pixels. Every name, place and figure is invented; the gold beside each file was labeled by hand.

    python data/invented-files/make_scans2.py
"""

from __future__ import annotations

import math
import random

from make_files import HERE, _pdf_grid, _pdf_styles
from make_scans import (_centre, _faint_grid, _pdf_bytes, _raster, _scan, _self_eval_story, paper, save_pdf, seal,
                        skew)
from PIL import Image

GREY_SEAL = (118, 118, 118)   # a red seal on a black-and-white copier: mid grey, darker than the paper, not black
BLACK_SEAL = (62, 62, 62)     # a seal copied at high contrast: nearly as dark as the text it covers


# --- degradations this round adds ----------------------------------------------------------------------------------

def tilt(page: Image.Image, degrees: float, fill: int) -> Image.Image:
    """A sheet laid well askew: the glass is larger than the sheet, so nothing turns out of the frame."""
    margin = int(max(page.size) * math.sin(math.radians(abs(degrees))) * 0.6) + 20
    colour = (fill, fill, fill) if page.mode == "RGB" else fill
    framed = Image.new(page.mode, (page.width + 2 * margin, page.height + 2 * margin), colour)
    framed.paste(page, (margin, margin))
    return skew(framed, degrees, fill)


def underexpose(page: Image.Image, floor: int, ceiling: int) -> Image.Image:
    """A copy run too dark: white paper comes out at `ceiling`, black ink at `floor`, everything between squeezed."""
    return page.point(lambda v: int(floor + v * (ceiling - floor) / 255))


def binding_shadow(page: Image.Image, side: str, width: float, darkest: float) -> Image.Image:
    """The dark band a book's spine throws on the glass: `darkest` times the light at the edge, fading over `width`."""
    span = int(page.width * width)
    column = [darkest + (1 - darkest) * min(1.0, x / span) ** 0.7 for x in range(page.width)]
    if side == "right":
        column.reverse()
    grey = page.convert("L")
    pixels = grey.load()
    for x in range(page.width):
        k = column[x]
        if k < 1.0:
            for y in range(page.height):
                pixels[x, y] = int(pixels[x, y] * k)
    return grey


# --- the documents -----------------------------------------------------------------------------------------------

F01 = ({"name": "2023年农村饮水安全巩固提升工程", "dept": "汀兰县水务局", "impl": "汀兰县农村供水管理站",
        "funds": ["860", "915.2", "903.46", "10", "98.72%", "9.9"], "score": "97.9", "grade": "优"}, [
    ["产出指标", "数量指标", "新建集中供水工程处数", "≥14处", "15处", "15", "15", ""],
    ["^", "^", "改造供水管网长度", "≥120公里", "126.5公里", "10", "10", ""],
    ["^", "质量指标", "水质检测合格率", "≥95%", "97.2%", "10", "10", ""],
    ["^", "时效指标", "工程完工时间", "2023年10月底前", "2023年11月", "10", "8", "部分管网穿越国道审批延误"],
    ["效益指标", "社会效益指标", "新增受益人口", "≥3.2万人", "3.38万人", "20", "20", ""],
    ["^", "可持续影响指标", "工程运行管护机制", "健全", "健全", "15", "15", ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "92.4%", "10", "10", ""]])

F02 = ({"name": "2023年社区居家养老服务补助", "dept": "芷江湾区民政局", "impl": "芷江湾区养老服务指导中心",
        "funds": ["1,850,000.00", "1,920,000.00", "1,873,920.00", "10", "97.6%", "9.8"], "score": "96.8",
        "grade": "优"}, [
    ["产出指标", "数量指标", "社区养老服务站点运营数量", "≥18个", "18个", "20", "20", ""],
    ["^", "质量指标", "服务站点星级评定达标率", "≥80%", "83.3%", "15", "15", ""],
    ["^", "时效指标", "补助资金拨付及时率", "100%", "100%", "10", "10", ""],
    ["效益指标", "社会效益指标", "居家老年人助餐助洁服务人次", "≥5万人次", "4.6万人次", "20", "17", "两个站点改造期间暂停服务"],
    ["^", "可持续影响指标", "养老服务站点持续运营率", "≥90%", "94%", "15", "15", ""],
    ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "95%", "10", "10", ""]])

F03 = ({"name": "2023年基层公共法律服务体系建设经费", "dept": "濂溪口县司法局", "impl": "濂溪口县公共法律服务中心",
        "funds": ["48", "52.5", "50.36", "10", "95.92%", "9.6"], "score": "97.6", "grade": "优"}, [
    ["产出指标", "数量指标", "村（社区）法律顾问覆盖率", "100%", "100%", "15", "15", ""],
    ["^", "^", "开展法治宣传活动场次", "≥80场", "86场", "10", "10", ""],
    ["^", "质量指标", "法律援助案件办结合格率", "≥98%", "99%", "15", "15", ""],
    ["^", "时效指标", "法律援助申请受理时限", "≤7个工作日", "5个工作日", "10", "10", ""],
    ["效益指标", "社会效益指标", "群众法律咨询解答人次", "≥6000人次", "6380人次", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "受援群众满意度", "≥90%", "88%", "20", "18", "偏远乡镇律师驻点频次不足"]])

F04 = ({"name": "2023年动物疫病强制免疫补助", "dept": "岑岭县农业农村局", "impl": "岑岭县动物疫病预防控制中心",
        "funds": ["126", "131.8", "127.45", "10", "96.7%", "9.7"], "score": "96.7", "grade": "优"}, [
    ["产出指标", "数量指标", "猪牛羊口蹄疫免疫数量", "≥18万头", "18.6万头", "15", "15", ""],
    ["^", "^", "家禽高致病性禽流感免疫数量", "≥260万羽", "271万羽", "10", "10", ""],
    ["^", "质量指标", "免疫抗体合格率", "≥70%", "82%", "15", "15", ""],
    ["^", "时效指标", "春秋两季集中免疫完成时间", "6月、11月底前", "按期完成", "10", "10", ""],
    ["效益指标", "社会效益指标", "重大动物疫病发生情况", "不发生区域性疫情", "未发生", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "养殖场户满意度", "≥90%", "87%", "20", "17", "部分散养户对免疫时间安排有意见"]])

F05 = ({"name": "2023年城市社区公园提升改造", "dept": "澧阳市住房和城乡建设局", "impl": "澧阳市园林绿化服务中心",
        "funds": ["2,400", "2,615", "2,528.7", "10", "96.7%", "9.7"], "score": "96.7", "grade": "优"}, [
    ["产出指标", "数量指标", "提升改造社区公园数量", "≥9个", "9个", "15", "15", ""],
    ["^", "^", "新增绿化面积", "≥6.5万平方米", "6.82万平方米", "10", "10", ""],
    ["^", "质量指标", "工程竣工验收合格率", "100%", "100%", "10", "10", ""],
    ["^", "时效指标", "项目完工率", "≥95%", "88.9%", "10", "8", "一处公园因地下管线迁改延期"],
    ["^", "成本指标", "单位面积改造成本", "≤380元/平方米", "371元/平方米", "5", "5", ""],
    ["效益指标", "生态效益指标", "城市人均公园绿地面积增加", "≥0.15平方米", "0.16平方米", "15", "15", ""],
    ["^", "社会效益指标", "公园日均游园人次", "≥1.2万人次", "1.35万人次", "15", "14", ""],
    ["满意度指标", "社会公众满意度指标", "周边居民满意度", "≥90%", "93%", "10", "10", ""]])

F06 = ({"name": "2023年乡镇综合文化站免费开放", "dept": "岚沅县文化和旅游局", "impl": "岚沅县文化馆",
        "funds": ["96", "96", "94.18", "10", "98.1%", "9.8"], "score": "98.8", "grade": "优"}, [
    ["产出指标", "数量指标", "综合文化站免费开放站点数", "12个", "12个", "20", "20", ""],
    ["^", "^", "组织群众文化活动场次", "≥240场", "251场", "10", "10", ""],
    ["^", "质量指标", "文化站年开放天数", "≥300天", "308天", "10", "10", ""],
    ["^", "时效指标", "资金拨付及时率", "100%", "100%", "10", "10", ""],
    ["效益指标", "社会效益指标", "参与文化活动群众人次", "≥8万人次", "8.6万人次", "20", "20", ""],
    ["满意度指标", "社会公众满意度指标", "群众满意度", "≥90%", "89%", "20", "19", ""]])

ACCOUNTS_02 = [
    ["科目代码", "科目名称", "本年收入合计", "财政拨款收入", "事业收入", "其他收入"],
    ["", "合计", "1,286.40", "1,198.62", "65.30", "22.48"],
    ["207", "文化旅游体育与传媒支出", "1,104.75", "1,016.97", "65.30", "22.48"],
    ["20701", "文化和旅游", "1,104.75", "1,016.97", "65.30", "22.48"],
    ["2070101", "行政运行", "412.36", "412.36", "", ""],
    ["2070109", "群众文化", "692.39", "604.61", "65.30", "22.48"],
    ["208", "社会保障和就业支出", "118.42", "118.42", "", ""],
    ["20805", "行政事业单位养老支出", "118.42", "118.42", "", ""],
    ["2080505", "机关事业单位基本养老保险缴费支出", "118.42", "118.42", "", ""],
    ["210", "卫生健康支出", "63.23", "63.23", "", ""],
    ["21011", "行政事业单位医疗", "63.23", "63.23", "", ""],
    ["2101101", "行政单位医疗", "63.23", "63.23", "", ""],
]

ACCOUNTS_06 = [
    ["科目代码", "科目名称", "合计", "人员经费", "公用经费"],
    ["", "合计", "4,862,350.00", "4,105,820.00", "756,530.00"],
    ["301", "工资福利支出", "3,726,410.00", "3,726,410.00", ""],
    ["30101", "基本工资", "1,284,600.00", "1,284,600.00", ""],
    ["30102", "津贴补贴", "962,380.00", "962,380.00", ""],
    ["30107", "绩效工资", "874,250.00", "874,250.00", ""],
    ["30108", "机关事业单位基本养老保险缴费", "605,180.00", "605,180.00", ""],
    ["302", "商品和服务支出", "756,530.00", "", "756,530.00"],
    ["30201", "办公费", "186,420.00", "", "186,420.00"],
    ["30211", "差旅费", "94,310.00", "", "94,310.00"],
    ["30213", "维修（护）费", "120,000.00", "", "120,000.00"],
    ["30239", "其他交通费用", "355,800.00", "", "355,800.00"],
    ["303", "对个人和家庭的补助", "379,410.00", "379,410.00", ""],
    ["30305", "生活补助", "379,410.00", "379,410.00", ""],
]


def _accounts_story(number: str, title_text: str, unit_line: str, rows: list[list[str]], widths_mm: tuple) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    cell, title, plain = _pdf_styles()
    return [Paragraph(number, plain), Paragraph(title_text, title), Paragraph(unit_line, plain), Spacer(1, 4),
            _pdf_grid(rows, [w * mm for w in widths_mm], [], cell)]


def make_origf01() -> None:
    """Grey 200 dpi image-only PDF, the sheet laid 8 degrees askew on the glass; 万元."""
    dpi, rng = 200, random.Random(101)
    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(*F01, "万元")), dpi)
    page = tilt(page.convert("L"), 8.0, fill=236)
    save_pdf(_scan([page], dpi, rng, angles=(0.0,), blur=0.7), "origf01.pdf", dpi)


def make_origf02() -> None:
    """Grey PNG at 150 dpi, -1.5 degrees: the unit's seal copied in grey over the funds rows' amounts; 元."""
    dpi, rng = 150, random.Random(102)
    [(page, where)] = _raster(_pdf_bytes(_self_eval_story(*F02, "元")), dpi)
    page = seal(page, _centre(where["find"]("年度资金总额"), dx=260, dy=20), 110, "芷江湾区民政局", rng, colour=GREY_SEAL)
    [page] = _scan([page], dpi, rng, angles=(-1.5,), speckle=900)
    page.save(HERE / "origf02.png", optimize=True)


def make_origf03() -> None:
    """A JPG whose rules print very light and thin (#d6d6d6, 0.25 pt): grey paper, speckle, blur, JPEG 50; 万元."""
    dpi, rng = 170, random.Random(103)

    def light_grid(rows, widths, spans, cell):
        return _faint_grid(rows, widths, spans, cell, colour="#d6d6d6", width=0.25)

    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(*F03, "万元", grid=light_grid)), dpi)
    [page] = _scan([page], dpi, rng, tone=236, speckle=500, angles=(0.6,), blur=0.8)
    page.save(HERE / "origf03.jpg", "JPEG", quality=50)


def make_origf04() -> None:
    """An underexposed copy: paper at 142, ink near 60 (contrast a third of a clean page's), 150 dpi, 2 degrees."""
    dpi, rng = 150, random.Random(104)
    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(*F04, "万元")), dpi)
    [page] = _scan([page], dpi, rng, angles=(2.0,), speckle=1200, blur=0.8)
    save_pdf([underexpose(page, 58, 142)], "origf04.pdf", dpi, quality=70)


def make_origf05() -> None:
    """A copy of a bound report: a dark band along the left (binding) edge, 160 dpi, -1 degree, saved as JPG; 万元."""
    dpi, rng = 160, random.Random(105)
    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(*F05, "万元", sign=True)), dpi)
    [page] = _scan([page], dpi, rng, tone=240, angles=(-1.0,), speckle=900, blur=0.7)
    page = binding_shadow(page, "left", width=0.22, darkest=0.18)
    page.save(HERE / "origf05.jpg", "JPEG", quality=65)


def make_origf06() -> None:
    """Two pages: the 自评表 upright, then a landscape 公开02表 收入决算表 scanned sideways (turned 90 degrees)."""
    dpi, rng = 170, random.Random(106)
    [(first, _)] = _raster(_pdf_bytes(_self_eval_story(*F06, "万元")), dpi)
    unit_line = "编制单位：岚沅县文化和旅游局                        2023年度                        金额单位：万元"
    story = _accounts_story("公开02表", "收入决算表", unit_line, ACCOUNTS_02, (26, 78, 36, 36, 30, 30))
    [(second, _)] = _raster(_pdf_bytes(story, landscape=True), dpi)
    first, second = _scan([first, second], dpi, rng, angles=(0.5, -0.7), speckle=1000)
    save_pdf([first, second.rotate(90, expand=True)], "origf06.pdf", dpi)


def make_origf07() -> None:
    """公开06表 laid 10 degrees askew (the other way), a near-black seal over its rows, grey 200 dpi; 元."""
    dpi, rng = 200, random.Random(107)
    unit_line = "编制单位：洮川县卫生健康局                2023年度                金额单位：元"
    story = _accounts_story("公开06表", "一般公共预算财政拨款基本支出决算表", unit_line, ACCOUNTS_06, (24, 62, 32, 32, 32))
    [(page, where)] = _raster(_pdf_bytes(story), dpi)
    page = seal(page, _centre(where["find"]("绩效工资"), dx=160, dy=40), 140, "洮川县卫生健康局", rng, colour=BLACK_SEAL)
    page = paper(tilt(page.convert("L"), -10.0, fill=240), 244, rng, 1000)
    save_pdf(_scan([page], dpi, rng, tone=255, speckle=10 ** 9, angles=(0.0,), blur=0.6), "origf07.pdf", dpi)


def main() -> None:
    for make in (make_origf01, make_origf02, make_origf03, make_origf04, make_origf05, make_origf06, make_origf07):
        make()


if __name__ == "__main__":
    main()
