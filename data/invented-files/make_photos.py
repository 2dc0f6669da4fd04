"""Write the origi* files: phone photos of a printed 自评表, as bulk ingestion receives them.

Each page is drawn with make_scans' helpers (reportlab layout, pypdfium2 raster at print resolution), printed on
white paper, then photographed: the sheet lies on a darker textured desk, so it is a quadrilateral in the frame
(each corner moved 3-12% of the page's size in or out, differently, as a phone held a little off-axis and turned
sees it); light falls off across the frame (a gradient and a vignette); the lens blurs a little and the camera
saves a JPEG. One sheet curls (a smooth vertical displacement across its width), one has the edge of the next
sheet in view, one a finger at its margin, one is saved as a PDF holding the photo. A fixed seed makes each run
give the same pixels. Every name, place and figure is invented; the gold beside each file was labeled by hand.

    python data/invented-files/make_photos.py
"""

from __future__ import annotations

import random

import numpy as np
from make_files import HERE
from make_scans import _pdf_bytes, _raster, _self_eval_story, paper
from PIL import Image

# --- the photograph ------------------------------------------------------------------------------------------------


def desk(size: tuple[int, int], base: tuple[int, int, int], rng: random.Random) -> np.ndarray:
    """A darker textured surface: a base colour with wood-like streaks along x and fine grain."""
    import cv2

    width, height = size
    gen = np.random.default_rng(rng.randrange(1 << 30))
    streaks = cv2.resize(gen.normal(0, 1, (height // 8, 6)).astype(np.float32), (width, height),
                         interpolation=cv2.INTER_CUBIC)
    grain = cv2.GaussianBlur(gen.normal(0, 1, (height, width)).astype(np.float32), (0, 0), 1.5)
    shade = 1.0 + 0.10 * streaks + 0.05 * grain
    out = np.stack([np.full((height, width), c, np.float32) for c in base], axis=-1) * shade[..., None]
    return np.clip(out, 0, 255)


def curl(page: np.ndarray, amplitude: float) -> np.ndarray:
    """A sheet that does not lie flat: each column moved down by a smooth bow (most in the middle of the width)
    and a little more towards the bottom, as a page bent over a spine or a fold."""
    import cv2

    height, width = page.shape[:2]
    xs, ys = np.meshgrid(np.arange(width, dtype=np.float32), np.arange(height, dtype=np.float32))
    bow = amplitude * np.sin(np.pi * xs / width) * (0.6 + 0.4 * ys / height)
    return cv2.remap(page, xs, ys - bow, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))


def photograph(page: Image.Image, rng: random.Random, *, base=(96, 78, 60), frame=1.3, moves=(0.03, 0.12),
               turn=0.0, bend=0.0, light=(0.72, 1.0), vignette=0.25, blur=1.0, quality=80, extra=None) -> Image.Image:
    """The printed page photographed on a desk: perspective, background, light, blur (JPEG at save time)."""
    import cv2

    sheet = np.asarray(page.convert("RGB")).astype(np.float32)
    h, w = sheet.shape[:2]
    if bend:
        sheet = curl(sheet, bend * h)
    width, height = int(w * frame), int(h * frame * 0.95)
    out = desk((width, height), base, rng)
    cx, cy = width / 2, height / 2
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    angle = np.radians(turn)
    target = []
    for (x, y), (sx, sy) in zip(corners, ((-1, -1), (1, -1), (1, 1), (-1, 1))):
        # each corner moved in or out by 3-12% of the page's size along both axes, its own way
        dx = sx * rng.choice((-1, 1)) * rng.uniform(*moves) * w
        dy = sy * rng.choice((-1, 1)) * rng.uniform(*moves) * h
        px, py = x - w / 2 + dx * 0.5, y - h / 2 + dy * 0.5
        target.append([cx + px * np.cos(angle) - py * np.sin(angle), cy + px * np.sin(angle) + py * np.cos(angle)])
    matrix = cv2.getPerspectiveTransform(corners, np.float32(target))
    warped = cv2.warpPerspective(sheet, matrix, (width, height), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (width, height), flags=cv2.INTER_LINEAR)
    if bend:  # the curled sheet's own edge (black where the bow pulled it away) is desk
        mask = mask * (warped.sum(axis=-1) > 30)
    # a soft shadow the sheet throws on the desk, then the sheet over it
    shadow = cv2.GaussianBlur(mask, (0, 0), w * 0.01)
    out *= (1 - 0.35 * np.roll(shadow, (int(h * 0.006), int(w * 0.006)), axis=(0, 1)))[..., None]
    out = out * (1 - mask[..., None]) + warped * mask[..., None]
    if extra is not None:
        out = extra(out, target, rng)
    # light: a linear falloff in a random direction and a vignette
    xs, ys = np.meshgrid(np.linspace(-1, 1, width), np.linspace(-1, 1, height))
    theta = rng.uniform(0, 2 * np.pi)
    ramp = (xs * np.cos(theta) + ys * np.sin(theta) + 1.5) / 3.0
    gain = light[0] + (light[1] - light[0]) * ramp
    gain *= 1 - vignette * (xs ** 2 + ys ** 2) / 2
    out = out * gain[..., None]
    warm = np.float32([1.0, 0.97, 0.9])  # indoor light is warm
    out = cv2.GaussianBlur(out * warm, (0, 0), blur)
    out += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 3.0, out.shape)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def neighbour_sheet(out: np.ndarray, target, rng: random.Random) -> np.ndarray:
    """The next sheet of the report lying under this one, its strip showing along the left of the frame."""
    import cv2

    height, width = out.shape[:2]
    left = min(target[0][0], target[3][0])
    strip = np.int32([[0, int(height * 0.05)], [int(left * 0.9), int(height * 0.02)], [int(left * 0.95), int(height * 0.97)],
                      [0, int(height * 0.99)]])
    mask = np.zeros((height, width), np.uint8)
    cv2.fillPoly(mask, [strip], 1)
    paper_tone = np.float32([226, 224, 218])
    lines = np.ones((height, width), np.float32)
    for y in range(int(height * 0.1), int(height * 0.9), 38):  # a few printed lines of the next page
        lines[y:y + 5, int(left * 0.3):int(left * 0.85)] = 0.45
    sheet = paper_tone[None, None, :] * lines[..., None]
    return np.where(mask[..., None] > 0, sheet, out)


def finger(out: np.ndarray, target, rng: random.Random) -> np.ndarray:
    """A thumb holding the sheet down at its bottom margin: a skin-coloured rounded blob, shaded at its edge."""
    import cv2

    height, width = out.shape[:2]
    bx = int((target[2][0] + target[3][0]) / 2 + width * 0.18)
    by = int(max(target[2][1], target[3][1]))
    mask = np.zeros((height, width), np.float32)
    cv2.ellipse(mask, (bx, by), (int(width * 0.045), int(height * 0.075)), -15, 0, 360, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 4)
    shade = cv2.GaussianBlur(mask, (0, 0), 25)
    skin = np.float32([214, 160, 132])[None, None, :] * (0.75 + 0.25 * shade[..., None])
    return out * (1 - mask[..., None]) + skin * mask[..., None]


def _page(project, inds, unit: str, dpi: int = 150, tone: int = 248, seed: int = 0) -> Image.Image:
    [(page, _)] = _raster(_pdf_bytes(_self_eval_story(project, inds, unit)), dpi)
    return paper(page, tone, random.Random(seed), 10 ** 9)  # a clean print: no speckle


# --- the documents -------------------------------------------------------------------------------------------------

I01 = ({"name": "2023年农村生活污水治理项目", "dept": "松亭县生态环境局", "impl": "松亭县环境监测站",
        "funds": ["780", "826.5", "801.72", "10", "97%", "9.7"], "score": "96.7", "grade": "优"}, [
    ["产出指标", "数量指标", "新建污水处理设施数量", "≥24座", "25座", "15", "15", ""],
    ["^", "^", "铺设污水收集管网长度", "≥38公里", "39.6公里", "10", "10", ""],
    ["^", "质量指标", "出水水质达标率", "≥90%", "93.5%", "15", "15", ""],
    ["^", "时效指标", "项目完工时间", "2023年11月底前", "2023年12月", "10", "8", "雨季施工受阻"],
    ["效益指标", "生态效益指标", "农村生活污水治理率", "≥60%", "62.4%", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "受益村民满意度", "≥90%", "91%", "20", "19", ""]])

I02 = ({"name": "2023年城乡居民基本医疗保险补助", "dept": "平川县医疗保障局", "impl": "平川县医疗保险服务中心",
        "funds": ["4,260,000.00", "4,380,000.00", "4,315,200.00", "10", "98.52%", "9.9"], "score": "98.4",
        "grade": "优"}, [
    ["产出指标", "数量指标", "参保人数", "≥12万人", "12.3万人", "20", "20", ""],
    ["^", "质量指标", "参保率", "≥95%", "96.1%", "15", "15", ""],
    ["^", "时效指标", "补助资金拨付及时率", "100%", "100%", "15", "15", ""],
    ["效益指标", "社会效益指标", "政策范围内住院费用报销比例", "≥60%", "61.2%", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥85%", "87%", "20", "18.5", ""]])

I03 = ({"name": "2023年中小学教师培训经费", "dept": "青原区教育局", "impl": "青原区教师发展中心",
        "funds": ["145", "152", "148.6", "10", "97.76%", "9.8"], "score": "97.3", "grade": "优"}, [
    ["产出指标", "数量指标", "培训教师人次", "≥3200人次", "3310人次", "15", "15", ""],
    ["^", "^", "组织培训班次", "≥40期", "42期", "10", "10", ""],
    ["^", "质量指标", "培训考核合格率", "≥95%", "97%", "15", "15", ""],
    ["^", "成本指标", "人均培训成本", "≤480元", "452元", "10", "10", ""],
    ["效益指标", "社会效益指标", "教师教学能力提升", "明显提升", "有所提升", "20", "18", "部分学科培训内容针对性不强"],
    ["满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%", "94%", "20", "20", ""]])

I04 = ({"name": "2023年公共就业服务专项资金", "dept": "东湖县人力资源和社会保障局", "impl": "东湖县就业服务中心",
        "funds": ["2,150,000.00", "2,150,000.00", "2,086,400.00", "10", "97.04%", "9.7"], "score": "95.7",
        "grade": "优"}, [
    ["产出指标", "数量指标", "城镇新增就业人数", "≥4500人", "4680人", "20", "20", ""],
    ["^", "^", "举办招聘会场次", "≥30场", "34场", "10", "10", ""],
    ["^", "质量指标", "职业技能培训合格率", "≥85%", "83%", "10", "8", "部分学员中途退训"],
    ["效益指标", "社会效益指标", "城镇登记失业率", "≤4%", "3.6%", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "求职者满意度", "≥90%", "92%", "20", "18", ""]])

I05 = ({"name": "2023年森林防火能力建设", "dept": "云峰县林业局", "impl": "云峰县森林防火指挥中心",
        "funds": ["320", "345", "339.8", "10", "98.49%", "9.8"], "score": "98.8", "grade": "优"}, [
    ["产出指标", "数量指标", "新建防火隔离带长度", "≥45公里", "47公里", "15", "15", ""],
    ["^", "^", "购置扑火装备数量", "≥600套", "620套", "10", "10", ""],
    ["^", "质量指标", "装备验收合格率", "100%", "100%", "15", "15", ""],
    ["^", "时效指标", "防火期前完成建设", "2023年10月前", "2023年9月", "10", "10", ""],
    ["效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.3‰", "20", "20", ""],
    ["满意度指标", "社会公众满意度指标", "林区群众满意度", "≥90%", "90%", "20", "19", ""]])

I06 = ({"name": "2023年农产品质量安全监管", "dept": "白沙县农业农村局", "impl": "白沙县农产品质量安全检测站",
        "funds": ["58", "60.5", "57.9", "10", "95.7%", "9.6"], "score": "96.6", "grade": "优"}, [
    ["产出指标", "数量指标", "农产品抽检批次", "≥1800批次", "1856批次", "20", "20", ""],
    ["^", "质量指标", "抽检合格率", "≥98%", "99.2%", "20", "20", ""],
    ["^", "时效指标", "检测结果报送时限", "≤5个工作日", "4个工作日", "10", "10", ""],
    ["效益指标", "社会效益指标", "农产品质量安全事件", "不发生", "未发生", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "生产经营主体满意度", "≥90%", "88%", "20", "17", "检测网点覆盖不足"]])

I07 = ({"name": "2023年老旧小区改造配套设施", "dept": "长宁区住房和城乡建设局", "impl": "长宁区城市更新服务中心",
        "funds": ["1,680", "1,742.6", "1,701.3", "10", "97.63%", "9.8"], "score": "97.8", "grade": "优"}, [
    ["产出指标", "数量指标", "改造老旧小区数量", "≥16个", "16个", "15", "15", ""],
    ["^", "^", "加装电梯数量", "≥40部", "43部", "10", "10", ""],
    ["^", "质量指标", "工程验收合格率", "100%", "100%", "15", "15", ""],
    ["^", "时效指标", "改造完工率", "≥95%", "93.8%", "10", "9", "一个小区管线迁改延期"],
    ["效益指标", "社会效益指标", "受益居民户数", "≥5200户", "5360户", "20", "20", ""],
    ["满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%", "92.6%", "20", "19", ""]])


def make_origi01() -> None:
    """Moderate perspective on a wood desk, even light; 万元."""
    rng = random.Random(901)
    photograph(_page(*I01, "万元"), rng).save(HERE / "origi01.jpg", "JPEG", quality=82)


def make_origi02() -> None:
    """Strong perspective (corners up to 12% off) on a grey desk, turned 4 degrees; 元."""
    rng = random.Random(902)
    photo = photograph(_page(*I02, "元"), rng, base=(70, 72, 76), moves=(0.07, 0.12), turn=4.0, quality=75)
    photo.save(HERE / "origi02.jpg", "JPEG", quality=75)


def make_origi03() -> None:
    """A sheet that curls: its middle bowed down by 1.2% of its height; 万元."""
    rng = random.Random(903)
    photo = photograph(_page(*I03, "万元"), rng, bend=0.012, light=(0.78, 1.0))
    photo.save(HERE / "origi03.jpg", "JPEG", quality=80)


def make_origi04() -> None:
    """The next sheet's strip along the left, light falling off to one side; 元."""
    rng = random.Random(904)
    photo = photograph(_page(*I04, "元"), rng, base=(88, 70, 58), light=(0.62, 1.0), extra=neighbour_sheet)
    photo.save(HERE / "origi04.jpg", "JPEG", quality=78)


def make_origi05() -> None:
    """A finger on the bottom margin, a strong vignette, turned -3 degrees; 万元."""
    rng = random.Random(905)
    photo = photograph(_page(*I05, "万元"), rng, base=(60, 58, 62), turn=-3.0, vignette=0.4, extra=finger)
    photo.save(HERE / "origi05.jpg", "JPEG", quality=80)


def make_origi06() -> None:
    """The photo saved in a PDF (one JPEG page, no text layer); 万元."""
    rng = random.Random(906)
    photo = photograph(_page(*I06, "万元"), rng, base=(110, 92, 70), moves=(0.04, 0.10), blur=1.2)
    photo.save(HERE / "origi06.pdf", "PDF", resolution=150, quality=80)


def make_origi07() -> None:
    """Light very uneven (one side at half the other), more blur, JPEG 68; 万元."""
    rng = random.Random(907)
    photo = photograph(_page(*I07, "万元"), rng, base=(82, 66, 52), light=(0.5, 1.0), blur=1.3, turn=2.0)
    photo.save(HERE / "origi07.jpg", "JPEG", quality=68)


def main() -> None:
    for make in (make_origi01, make_origi02, make_origi03, make_origi04, make_origi05, make_origi06, make_origi07):
        make()


if __name__ == "__main__":
    main()
