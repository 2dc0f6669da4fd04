"""Regenerate tests/data/mapping_variants.csv: printed variants -> canonical entries, hand labelled.

Run from the repo root: ``python tests/data/make_mapping_variants.py [SEEDS_DIR]``.

Parts (column ``origin``):
- ``seed NNN``: level-1/level-2 headings, level-3 names and budget lines as printed in the seeds;
  the labels below were written by hand (budget lines take the label of their printed code,
  or for the OCR-truncated codes of seed 004 the code of the official name printed beside them).
- ``noise:<type>``: canonical names and aliases put through printing/OCR noise with a fixed seed;
  the label is the entry the string came from.

Labelling rule for level-3 names: a name is labelled with a library entry when it names the same
indicator up to printing noise, the suffix 指标, or a qualifier of at most two characters
(经费足额发放率 -> 足额发放率); otherwise, e.g. a project-specific indicator, it is labelled unmatched
(empty ``expected``). Rows from seed 004 (the extraction TEST split) are always held out.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from jixiao.config import Settings  # noqa: E402  (after the path insert, like the imports below)
OUT = Path(__file__).resolve().parent / "mapping_variants.csv"
SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else Settings().seeds_root  # JIXIAO_SEEDS_DIR, else ../shared/seeds

# ---- hand labels: level-1 / level-2 headings as printed (kind|printed|expected or empty|seed) ----
HEADINGS = r"""
level1|产出指标|产出指标|002
level1|效益指标|效益指标|002
level1|满意度指标|满意度指标|002
level1|产\n出\n指\n标\n(50分)|产出指标|000
level1|效\n益\n指\n标\n(30分)|效益指标|000
level1|满意度指标\n(10分)|满意度指标|000
level1|绩效指标|  |002
level1|一级指标|  |002
level1|指标|  |000
level1|绩效指标（90分）|  |003
level1|总体绩效|  |003
level1|项目绩效|  |003
level1|1.产出指标完成情况分析。|  |001
level1|满意度指标完成情况分析。|  |001
level1|履职效能|  |004
level1|预算执 行|  |004
level1|管理效 率|  |004
level1|运行成本|  |004
level1|可持续性|  |004
level1|可持续 性|  |004
level1|社会效益|  |004
level1|产出指标|产出指标|004
level1|效益指标|效益指标|004
level1|满意度指标|满意度指标|004
level2|数量指标|数量指标|002
level2|质量指标|质量指标|002
level2|时效指标|时效指标|002
level2|成本指标|成本指标|002
level2|社会效益|社会效益指标|002
level2|经济效益|经济效益指标|002
level2|生态效益|生态效益指标|002
level2|可持续影响|可持续影响指标|002
level2|可持续发展|可持续影响指标|002
level2|服务对象满意度|服务对象满意度指标|002
level2|二级指标|  |002
level2|经济效益\n指标|经济效益指标|000
level2|社会效益\n指标|社会效益指标|000
level2|生态效益\n指标|生态效益指标|000
level2|可持续影\n响指标|可持续影响指标|000
level2|服务对象\n满意度指标|服务对象满意度指标|000
level2|社会效益指标|社会效益指标|003
level2|服务对象满意度指标|服务对象满意度指标|003
level2|履职效能|  |003
level2|预算管理|  |003
level2|资产管理|  |003
level2|采购管理|  |003
level2|项目决策|  |003
level2|项目执行|  |003
level2|目标实现|  |003
level2|社会效益指标|社会效益指标|004
level2|经济效益指标|经济效益指标|004
level2|生态效益指标|生态效益指标|004
level2|可持续影响指标|可持续影响指标|004
level2|服务对象满意度指标|服务对象满意度指标|004
level2|社会公众满意度指标|社会公众满意度指标|004
level2|社会公众 满意度指 标|社会公众满意度指标|004
level2|社会公众 满意度指标|社会公众满意度指标|004
level2|服务对象 满意度|服务对象满意度指标|004
level2|社会公众满意度|社会公众满意度指标|004
level2|可实现影响指标|可持续影响指标|004
level2|重点工作履行情况|  |004
level2|整体工作完成情况|  |004
level2|基础管 理|  |004
level2|预算执 行效率|  |004
level2|预算编 制管理|  |004
level2|预算监督|  |004
level2|成本控制成效|  |004
level2|体制机制改革|  |004
level2|主管部门 满意度|  |004
"""

# ---- hand labels: level-3 names as printed (printed|printed level-2|expected name or empty|seed) ----
LEVEL3 = r"""
村数|数量指标||002
补助率|质量指标|补助率|002
是否及时|时效指标|是否及时|002
代办员补助金额|成本指标||002
有效提高城乡居民的参保率|社会效益||002
代办员的满意度|服务对象满意度||002
参保人数1000人—2000人村|数量指标||002
参保人数1000人以下村|数量指标||002
代办员补贴金额到账率|质量指标||002
年底完成任务发放工资及时性|时效指标||002
代办员补贴金额|成本指标||002
城乡居民参保积极性|社会效益||002
工作满意度|服务对象满意度|工作满意度|002
A3打印机|数量指标||002
会议桌|数量指标||002
台式电脑|数量指标||002
经费支出合规性|质量指标|经费支出合规性|002
经费支出时效性|时效指标|经费支出时效性|002
采购项目总成本|成本指标|采购项目总成本|002
提高服务水平|社会效益||002
服务对象满意度|服务对象满意度|服务对象满意度|002
参保服务对象人数|数量指标||002
完成参保任务量|数量指标||002
对服务人员的服务态度|质量指标||002
所需经费金额|成本指标||002
参保人员的积极性|社会效益||002
维持中心工作正常开展次数|数量指标||002
维持中心工作使用率|质量指标||002
项目完成及时性|时效指标|项目完成及时性|002
维持中心工作正常开展费用|成本指标||002
有效保障中心工作正常开展|社会效益||002
在职人员满意度|服务对象满意度|在职人员满意度|002
新中国成立前老工人人数|数量指标||002
养老金水平提高率|质量指标||002
生活补助发放|时效指标||002
新中国成立前老工人生活困难补助|成本指标||002
新中国成立前老工人生活水平|经济效益||002
新中国成立前老工人满意度|服务对象满意度||002
取暖费标准|数量指标||002
上解比例|质量指标||002
上解时间|时效指标||002
上解取暖费金额|成本指标||002
退休人员生活水平|经济效益||002
退休职工满意度|服务对象满意度|退休职工满意度|002
维持中心正常运转次数|数量指标||002
维持中心正常运转覆盖率|质量指标||002
各项日常项目的完成的及时性|时效指标||002
工作经费|成本指标|工作经费|002
保障单位日常运行|社会效益|保障单位正常运行|002
中心工作正常运转影响力|可持续影响||002
中心工作人员工作满意度|服务对象满意度|中心工作人员满意度|002
申请丧葬费人数|数量指标||002
补贴标准|数量指标|补贴标准|002
补助到位率|质量指标|补助到位率|002
发放到位性|时效指标|发放到位率|002
补助金额|成本指标|补助金额|002
减轻参保人员去世后家庭丧葬费用负担|社会效益||002
享受城乡居民基本养老保险待遇的城乡居民人数|数量指标||002
城乡居民基本养老保险省级基础养老金足额发放率|质量指标||002
城乡居民基本养老保险省级基础养老金发放及时率|时效指标||002
城乡居民基本养老保险待遇发放时限|时效指标||002
第三批补贴金额|成本指标||002
增强人民群众的获得感、幸福感和安全感|社会效益||002
享受城乡居民基本养老保险待遇的城乡居民满意度|服务对象满意度||002
维持中心工作覆盖率|质量指标||002
维持中心工作及时性|时效指标||002
维持中心工作费用|成本指标||002
中心工作人员满意度|服务对象满意度|中心工作人员满意度|002
代缴人数|数量指标||002
对符合特殊困难人员代缴率|质量指标||002
政府对贫困人口代缴到位及时性|时效指标||002
代缴金额|成本指标||002
有效减轻贫困人口缴费负担|社会效益||002
政策和税率|服务对象满意度||002
代办人数|数量指标||002
代办率|质量指标||002
代办金额到位及时性|时效指标||002
代办金额|成本指标||002
2022年1月1日后退休人数|数量指标||002
取暖费发放率|质量指标||002
取暖费发放|时效指标||002
2024年取暖费|成本指标||002
退休人员取暖费|经济效益||002
企业养老退休人员|服务对象满意度||002
遗属补助人员|数量指标||002
按时发放率|质量指标|按时发放率|002
发放及时性|时效指标|发放及时性|002
遗属补助|成本指标||002
参保职工社会反响|社会效益||002
领取人员满意度|服务对象满意度|补助对象满意度|002
符合领取机关事业单位基本养老保险待遇条件人数|数量指标||002
机关事业单位退休人员基本养老保险足额发放率|质量指标||002
年度补助资金按时到账时间占规定时间比率|时效指标||002
调整补助金额|成本指标|补助金额|002
促进社会公平，维护社会稳定|社会效益||002
保障参保人员基本生活|社会效益||002
基本养老保险制度长期可持续|可持续影响|基本养老保险制度长期可持续|002
参保职工满意度|服务对象满意度|参保职工满意度|002
临时工人数|数量指标||002
临时工工资标准|质量指标||002
临时工工资发放时间|时效指标||002
2024年临时工工资总额|成本指标||002
临时工收入|经济效益||002
临时工人员满意度|服务对象满意度||002
运转保障率|数量指标||000
经费支出合规律|质量指标|经费支出合规性|000
经费支出及时率|时效指标|经费支出及时率|000
项目单项成本|成本指标|项目单项成本|000
保障机构正常运转|经济效益\n指标||000
政策宣传|社会效益\n指标||000
群众满意度|服务对象\n满意度指标|群众满意度|000
增加数量|数量指标||000
采购数量|数量指标|采购数量|003
质量合格率|质量指标|质量合格率|003
完成时效|时效指标|完成时效|003
督办效果|质量指标||003
迎接市级考核|数量指标||003
对全区工作促进作用|社会效益指标||003
对重大决策部署推动作用|社会效益指标||003
满意度|服务对象满意度指标|满意度|003
重点工作办结率|重点工作履行情况|重点工作办结率|004
工作 质量 达标 率|整体工作完成情况|工作质量达标率|004
总体工作完成率|整体工作完成情况|总体工作完成率|004
工作完成及时率|整体工作完成情况|工作完成及时率|004
综合 管理 水平|基础管 理|综合管理水平|004
依法 行政 能力|基础管 理|依法行政能力|004
预算 执行 率|预算执 行效率|预算执行率|004
预算 调整 率|预算执 行效率|预算调整率|004
结转 结余 变动 率|预算执 行效率|结转结余变动率|004
预算 绩效 目标 覆盖 率|预算编 制管理|预算绩效目标覆盖率|004
预算公开情况|预算监督|预决算公开情况|004
预算支出管理规范性|预算收支管理|预算支出管理规范性|004
内控制度有效性|财务管理|内控制度有效性|004
固定资产利用率|资产管理|固定资产利用率|004
政府采购管理 违法违规 行为发生 次数|业务管理|政府采购管理违法违规行为发生次数|004
在职 人员控制 率|成本控制成效|在职人员控制率|004
“三公”经费 变动率|成本控制成效|“三公”经费变动率|004
平台及网络设备运行故障发生率|社会效益||004
社保申领服务满意度|服务对象满意度||004
公众对整体社保服务满意度|社会公众满意度||004
规范养老保险制度改革|体制机制改革||004
建立内控管理长效机制|体制机制改革|建立内控管理长效机制|004
办公楼租金|数量指标||004
对机关事业单位养老保险制度可持续发展|可持续影响指标||004
财政对企业职工养老保险的补助|数量指标||004
企业养老保险发放人数|数量指标||004
企业养老保险覆盖率|质量指标||004
企业养老保险发放的准确率|质量指标||004
提高企业退休职工生活水平|经济效益指标||004
创新创业活动项目平台的开展数量|数量指标||004
创新创业课程开设数量|数量指标||004
奖金发放到位率|质量指标|发放到位率|004
促进高校毕业生高效、高质量就业创业|社会效益指标||004
促进就业创业和人力资源合理流动|可持续影响指标||004
创业人员满意度|服务对象满意度指标||004
受益对象数量|数量指标|受益对象数量|004
足额保障率|数量指标||004
社会保险发放准确率|质量指标||004
社会保险补贴到位率|质量指标||004
基本养老保险参保率|社会效益指标||004
享受公益性岗位补贴人员数量|数量指标||004
公益性岗位补贴发放率|质量指标||004
职业培训职业资格证书获得率|质量指标||004
职业培训补贴发放准确率|质量指标||004
资金在规定时间内下达率|时效指标|资金在规定时间内下达率|004
国家级大师工作室建设数量|数量指标||004
享受就业见习补贴人数|数量指标||004
零就业家庭帮扶率|社会效益指标||004
保障业务部门数量|数量指标||004
保证网络系统正常运行天数|数量指标||004
正常运转率|质量指标|正常运转率|004
保障单位正常运行|社会效益指标|保障单位正常运行|004
组织考试项目数|数量指标||004
经费支出规范性|质量指标|经费支出合规性|004
资金发放实名制率|质量指标||004
发挥资金使用效益|经济效益指标|资金使用效益|004
实现稳定就业|可持续影响指标||004
职业技能鉴定考核人数|数量指标||004
受理鉴定工作完成率|质量指标||004
规模以上企业劳动合同签订率|质量指标||004
有力维护劳动关系和谐稳定|社会效益指标||004
失业保险补助|数量指标||004
受益学生人数|数量指标||004
中职学生就业率|质量指标||004
成本节约率|成本指标|成本节约率|004
资金精准使用情况|经济效益指标||004
受益学生数|社会效益指标||004
节约用水率|生态效益指标|节约用水率|004
持续改善办学条件|可持续影响指标||004
学生满意度|服务对象满意度指标|学生满意度|004
拨付资金金额|数量指标||004
领取人才补助的人次|数量指标||004
发放到位率|质量指标|发放到位率|004
资金发放率|质量指标||004
补助对象满意度|服务对象满意度指标|补助对象满意度|004
经费支出规范率|质量指标|经费支出合规性|004
提高经费使用率|社会效益指标||004
培训学员计划完成率|数量指标||004
补助企业数量|数量指标||004
培训时间|数量指标||004
培训学员考试通过率|质量指标||004
政策执行到位率|质量指标||004
培训内容与服务人员 的实际工作需求适配率|质量指标||004
培训任务完成时间|时效指标||004
培训成本|成本指标||004
人员到位率|可持续影响指标||004
服务功能数量|数量指标||004
支付准确率|质量指标|发放准确率|004
保证教学时长|质量指标||004
设备购置及时率|时效指标||004
经费使用效益|经济效益指标||004
经费足额发放率|数量指标|足额发放率|004
足额发放率|数量指标|足额发放率|004
优抚人数|数量指标||004
经费足额拨付|质量指标||004
资金到位率|质量指标|资金到位率|004
优抚对象抚恤补助资金及时拨付率|时效指标||004
企业档案案卷数量|数量指标||004
保障及时率|时效指标||004
项目成本控制率|成本指标|项目成本控制率|004
档案管理制度健全性|可持续影响指标|管理制度健全性|004
项目完成及时率|时效指标|项目完成及时率|004
保障水平|可持续影响指标||004
资金使用合规率|质量指标|资金使用合规率|004
引进人才增长率|质量指标||004
申报工作完成及时率|时效指标|工作完成及时率|004
按标准发放率|成本指标||004
人才队伍建设|社会效益指标||004
“三支一扶”人员服务年限|数量指标||004
各类补贴标准达标率|质量指标||004
资金拨付及时率|时效指标|资金拨付及时率|004
“三支一扶”人员补助标准|成本指标||004
提升基层队伍年轻化水平|社会效益指标||004
基层政府满意度|社会公众满意度指标|基层政府满意度|004
招生考试举办合规性|质量指标||004
管理平稳|质量指标||004
享受职业培训补贴人次|数量指标||004
"""

# Visually similar characters that OCR confuses (generic CJK confusions, not taken from any seed).
OCR = {"率": "律", "账": "帐", "已": "己", "未": "末", "日": "曰", "人": "入", "土": "士", "量": "最",
       "效": "郊", "标": "柿", "度": "庋", "务": "各", "意": "竟", "持": "特", "续": "绩", "响": "晌",
       "数": "敦", "益": "盖", "质": "贡", "满": "瞒", "济": "挤", "社": "杜", "会": "仝", "时": "吋",
       "成": "戍", "本": "木", "出": "山", "产": "严", "费": "贽", "支": "攴", "工": "エ", "资": "赍",
       "管": "菅", "理": "埋", "设": "没", "备": "各", "保": "堡", "险": "脸", "补": "朴", "助": "肋"}


def _seed_rows() -> list[dict]:
    rows = []
    for line in HEADINGS.strip().splitlines():
        kind, printed, expected, seed = line.split("|")
        rows.append(dict(kind=kind, printed=printed.replace("\\n", "\n"), level2="", code="",
                         expected=expected.strip(), origin=f"seed {seed}"))
    for line in LEVEL3.strip().splitlines():
        printed, l2, expected, seed = line.split("|")
        rows.append(dict(kind="indicator", printed=printed.replace("\\n", "\n"), level2=l2.replace("\\n", "\n"),
                         code="", expected=expected, origin=f"seed {seed}"))
    return rows


def _budget_rows(tax) -> list[dict]:
    """Budget lines of the seeds' 决算 tables: the printed code + name, and the printed name alone."""
    econ_by_name = {e.name: e.code for e in tax.of_kind("economic") if e.level == "款"}
    names = {}
    for e in tax.of_kind("function") + tax.of_kind("economic"):
        names.setdefault((e.kind, e.name), []).append(e.code)
    classes = {k: {e.code for e in tax.of_kind(k) if e.level == "类"} for k in ("function", "economic")}
    lengths = {"function": (3, 5, 7), "economic": (3, 4, 5)}
    rows = []
    seen = set()
    for f in sorted(SEEDS.glob("00[24]_*.txt")):
        seed = f.name[:3]
        for line in f.read_text(encoding="utf-8").splitlines():
            for m in re.finditer(r"(?:^|\t)\s*(\d{3,7})\s*\t([^\t\d][^\t]*)", line):
                code, name = m.group(1), m.group(2).strip()
                if not re.search(r"[\u4e00-\u9fff]", name) or len(name) < 2:
                    continue
                kind = "economic" if code.startswith("3") else "function"
                # only codes of a real 类 and a classification length (drops amounts and counts)
                if code[:3] not in classes[kind] or len(code) not in lengths[kind]:
                    continue
                if kind == "economic" and len(code) == 4:
                    # seed 004 prints 30101 as 3010 (OCR-truncated); the label is the official name's code
                    expected = econ_by_name.get(re.sub(r"\s+", "", name))
                    if expected is None:
                        continue
                else:
                    expected = code
                if (kind, code, name) in seen:
                    continue
                seen.add((kind, code, name))
                rows.append(dict(kind=kind, printed=name, level2="", code=code, expected=expected, origin=f"seed {seed}"))
                flat = re.sub(r"\s+", "", name)
                if len(names.get((kind, flat), [])) == 1 and (kind, "", name) not in seen:
                    seen.add((kind, "", name))
                    rows.append(dict(kind=kind, printed=name, level2="", code="", expected=expected, origin=f"seed {seed}"))
    return rows


def _noise(rng: random.Random, text: str, how: str) -> str:
    chars = list(text)
    if how == "ocr":
        idx = [i for i, c in enumerate(chars) if c in OCR]
        if not idx:
            return ""
        i = rng.choice(idx)
        chars[i] = OCR[chars[i]]
        return "".join(chars)
    if how == "drop":
        if len(chars) < 5:
            return ""
        del chars[rng.randrange(1, len(chars) - 1)]
        return "".join(chars)
    if how == "spaced":
        return " ".join(chars)
    if how == "linebreak":
        if len(chars) < 3:
            return ""
        i = rng.randrange(1, len(chars) - 1)
        return "".join(chars[:i]) + "\n" + "".join(chars[i:])
    if how == "vertical":
        return "\n".join(chars)
    if how == "suffix":
        return text[:-2] if text.endswith("指标") else text + "指标"
    if how == "score_note":
        return text + rng.choice(["(50分)", "（30分）", "(10分)", "\n(20分)"])
    if how == "halfwidth":
        return text.replace("（", "(").replace("）", ")") if "（" in text else ""
    if how == "ocr+linebreak":
        t = _noise(rng, text, "ocr")
        return _noise(rng, t, "linebreak") if t else ""
    raise ValueError(how)


def _noised_rows(tax) -> list[dict]:
    from rapidfuzz.distance import Levenshtein

    from jixiao.pipelines.map import heading_core

    rng = random.Random(20240903)
    rows = []
    exact_forms = {}
    for e in tax.entries:
        exact_forms.setdefault((e.kind, e.name), set()).add(e.id)

    def add(kind, src, expected, level2, code, hows, label_ok=lambda s: True):
        for how in hows:
            s = _noise(rng, src, how)
            if s and s != src and label_ok(s):
                rows.append(dict(kind=kind, printed=s, level2=level2, code=code, expected=expected, origin=f"noise:{how}"))

    heading_hows = ["ocr", "spaced", "linebreak", "vertical", "suffix", "ocr+linebreak"]
    for level, kind in (("1", "level1"), ("2", "level2")):
        canon = [e for e in tax.of_kind("indicator", level) if e.family == "A"]
        forms = [(heading_core(e.name), e.name) for e in canon]
        forms += [(heading_core(a.printed), tax.by_id[a.target].name) for a in tax.aliases_of(kind)]

        def identifiable(s, target, forms=forms):
            # a variant exactly as far (in edits) from another heading as from its own cannot be
            # labelled without visual knowledge of the glyphs (贡量: 数量 or 质量?): dropped
            core = heading_core(s)
            d = {}
            for f, name in forms:
                d[name] = min(d.get(name, 99), Levenshtein.distance(core, f))
            best = min(d.values())
            return d[target] == best and sum(1 for v in d.values() if v == best) == 1

        for e in canon:
            add(kind, e.name, e.name, "", "", heading_hows + (["score_note"] if level == "1" else []),
                label_ok=lambda s, t=e.name: identifiable(s, t))
        for a in tax.aliases_of(kind):
            t = tax.by_id[a.target].name
            add(kind, a.printed, t, "", "", ["spaced", "linebreak"], label_ok=lambda s, t=t: identifiable(s, t))
    # reject anchors printed with layout noise stay rejected
    for h in ["项目决策", "项目管理", "过程", "履职效能", "决策", "管理效率", "预算执行", "项目绩效分析", "一级指标"]:
        for kind in ("level1", "level2"):
            add(kind, h, "", "", "", ["spaced", "linebreak"])
    # level-3 library names and aliases, with and without their parent
    l3 = [e for e in tax.of_kind("indicator", "3") if e.family == "A"]
    names3 = {e.name for e in tax.of_kind("indicator", "3")} | {a.printed for a in tax.aliases_of("indicator")}
    for e in l3:
        parent = tax.by_id[e.parent].name
        hows = rng.sample(["ocr", "drop", "spaced", "linebreak", "suffix", "ocr+linebreak"], 3)
        add("indicator", e.name, e.name, parent if rng.random() < 0.5 else "", "", hows,
            label_ok=lambda s: re.sub(r"\s+", "", s) not in names3)
    for a in tax.aliases_of("indicator"):
        e = tax.by_id[a.target]
        add("indicator", a.printed, e.name, "", "", [rng.choice(["ocr", "drop", "linebreak"])],
            label_ok=lambda s: re.sub(r"\s+", "", s) not in names3)
    # budget lines: every economic 款, the seed-verified function codes and a sample of the others
    econ = [e for e in tax.of_kind("economic") if e.level == "款"]
    func = [e for e in tax.of_kind("function")]
    verified = [e for e in func if e.confidence == "seed_verified"]
    others = rng.sample([e for e in func if e.confidence != "seed_verified" and e.level != "类"], 60)
    for e in econ + verified + others:
        unique = len(exact_forms[(e.kind, e.name)]) == 1
        hows = rng.sample(["ocr", "drop", "spaced", "linebreak", "halfwidth"], 2)
        # name alone only where the name is unique in its classification; else with the printed code
        add(e.kind, e.name, e.code, "", "" if unique else e.code, hows)
    return rows


def _split(row: dict) -> str:
    if row["origin"] == "seed 004":
        return "heldout"
    h = hashlib.md5(f"{row['kind']}|{row['printed']}|{row['level2']}|{row['code']}".encode()).hexdigest()
    return "calibration" if int(h, 16) % 2 == 0 else "heldout"


def main() -> None:
    from jixiao.pipelines.taxonomy import load_taxonomy

    tax = load_taxonomy()
    rows = _seed_rows() + _budget_rows(tax) + _noised_rows(tax)
    uniq, seen = [], set()
    for r in rows:
        key = (r["kind"], r["printed"], r["level2"], r["code"])
        if key not in seen:
            seen.add(key)
            uniq.append(r)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["kind", "printed", "level2", "code", "expected", "origin", "split"],
                           lineterminator="\n")
        w.writeheader()
        for r in uniq:
            w.writerow({**r, "split": _split(r)})
    print(f"wrote {len(uniq)} rows to {OUT}")


if __name__ == "__main__":
    main()
