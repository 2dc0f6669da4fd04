"""Synthetic project records for the generator: a 项目支出绩效自评表's facts drawn from realistic distributions.

Project names are built from the budget function classification and common topics, departments from many
kinds of bureaus, indicators from the taxonomy's family-A library plus composed ones, amounts in 万元 or 元.
``synth_table`` lays a record out as a table of cells; ``synth`` renders and perturbs it.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from functools import lru_cache

from jixiao.config import PACKAGE_ROOT
from jixiao.pipelines import vocab as V

TAXONOMY_DIR = PACKAGE_ROOT / "data" / "taxonomy"

REGIONS = (
    "汾阳市 烈山区 渌口区 安居区 遂宁市 株洲市 淮北市 吕梁市 大同市 平遥县 孝义市 介休市 灵石县 船山区 射洪市 蓬溪县 大英县 "
    "攸县 茶陵县 炎陵县 醴陵市 荷塘区 芦淞区 石峰区 天元区 杜集区 相山区 濉溪县 朔州市 忻州市 长治市 晋城市 临汾市 运城市 "
    "绵阳市 德阳市 南充市 宜宾市 泸州市 乐山市 眉山市 资阳市 内江市 自贡市 广安市 达州市 巴中市 雅安市 武侯区 青羊区 金牛区 "
    "成华区 锦江区 龙泉驿区 双流区 郫都区 新都区 温江区 岳麓区 芙蓉区 天心区 开福区 雨花区 望城区 宁乡市 浏阳市 长沙县 "
    "黄浦区 徐汇区 海淀区 朝阳区 丰台区 西城区 东城区 江岸区 洪山区 鼓楼区 玄武区 秦淮区 建邺区 余杭区 萧山区 富阳区 临安区"
).split()

BUREAUS = (
    "人力资源和社会保障局 财政局 教育局 卫生健康局 卫生健康委员会 农业农村局 水利局 自然资源局 住房和城乡建设局 交通运输局 "
    "民政局 司法局 公安局 文化和旅游局 文化广电旅游体育局 市场监督管理局 生态环境局 应急管理局 退役军人事务局 医疗保障局 "
    "林业局 统计局 审计局 发展和改革局 发展和改革委员会 科学技术局 商务局 体育局 档案馆 机关事务服务中心 城市管理局 "
    "乡村振兴局 粮食和物资储备局 人民政府办公室 人民法院 人民检察院 总工会 妇女联合会 共青团委员会 残疾人联合会 "
    "科学技术协会 红十字会 供销合作社联合社 行政审批局 信访局 自然资源和规划局 经济和信息化局 数据局 融媒体中心 "
    "委目标绩效管理办公室 委组织部 委宣传部 委统战部 委政法委员会 人社局 住建局 农业农村和水利局"
).split()

UNITS = (
    "社会保险中心 就业服务中心 社会保险事业管理局 劳动保障监察大队 人才交流服务中心 疾病预防控制中心 人民医院 中医医院 妇幼保健院 "
    "第一中学 第二中学 实验小学 职业技术学校 幼儿园 教师发展中心 农业技术推广中心 水利工程管理站 林业工作站 国有林场 "
    "公路养护中心 城市管理执法大队 环境监测站 不动产登记中心 公共资源交易中心 文化馆 图书馆 博物馆 综合行政执法大队 "
    "政务服务中心 医疗保障服务中心 退役军人服务中心 养老服务中心 儿童福利院 救助管理站 殡仪馆 机关事务服务中心 "
    "财政国库支付中心 统计调查队 融媒体中心 劳动人事争议仲裁院 技工学校 乡村振兴服务中心"
).split()

TOPICS = (
    "城乡居民基本养老保险代办员补助 城乡居民养老保险工作经费 工伤保险业务工作经费 企业新中国成立前老工人生活补助 "
    "企业退休职工取暖费 企业养老工作经费 丧葬费补贴 失业保险业务经费 就业补助资金 老字号 数据系统维护费 "
    "目标绩效督查营商管理经费 公益性岗位补贴 职业技能培训补贴 创业担保贷款贴息 高校毕业生就业见习补贴 农民工工资保障 "
    "劳动保障监察经费 人事考试经费 人才引进专项资金 社会保障卡发行 信息化建设运维 办公楼维修改造 公务用车运行维护 "
    "乡村教师生活补助 学生资助资金 义务教育公用经费 校舍安全保障 营养改善计划 基本公共卫生服务 重大传染病防控 "
    "家庭医生签约服务 计划生育奖励扶助 农村道路建设 高标准农田建设 耕地地力保护补贴 动物防疫补助 森林防火经费 "
    "河道治理 农村饮水安全 污水处理设施运行 垃圾清运 城市绿化养护 路灯维护 公共文化服务体系建设 全民健身活动 "
    "退役军人优抚 残疾人两项补贴 困难群众救助 临时救助 特困人员供养 养老服务体系建设 法律援助 社区矫正 "
    "安全生产监管 防汛抗旱 应急物资储备 市场监管执法 食品安全抽检 不动产登记 国土空间规划编制 档案数字化 "
    "统计调查 审计项目经费 政务服务运行 12345热线运行 招商引资工作经费 乡村振兴衔接资金 党建工作经费 宣传工作经费"
).split()

SUFFIXES = ("", "", "", "项目", "经费", "专项资金", "补助", "(采购)", "资金", "工作经费")

L1_L2 = V.LEVEL1_CHILDREN
NONCANON_L1 = {"项目决策": ("项目立项", "绩效目标"), "项目管理": ("资金管理", "组织实施"), "履职效能": ("重点工作履行情况",)}

SUBJECTS = (
    "参保人员 代办员 补助对象 培训人员 受益群众 退休人员 困难群众 系统 设备 项目 会议 检查 宣传材料 道路 "
    "农田 学生 教师 病例 村 社区 企业 窗口 档案 车辆 网点 工程 资金 案件 活动 样品 站点 岗位 老人 儿童 残疾人"
).split()
METRICS = {
    "数量指标": ("数量", "人数", "户数", "次数", "个数", "覆盖人数", "发放人数", "完成数"),
    "质量指标": ("合格率", "达标率", "准确率", "覆盖率", "合规率", "验收合格率", "正常运转率"),
    "时效指标": ("发放及时率", "完成及时率", "按时完成率", "拨付及时率", "完成时间"),
    "成本指标": ("成本", "补助标准", "单位成本", "成本控制率", "人均成本"),
    "经济成本指标": ("经济成本", "成本节约额"),
    "社会成本指标": ("社会成本",),
    "生态环境成本指标": ("生态环境成本",),
    "经济效益指标": ("带动增收", "经济效益", "节约资金"),
    "社会效益指标": ("保障水平", "服务质量提升", "权益保障", "社会稳定", "知晓率"),
    "生态效益指标": ("环境改善", "生态保护"),
    "可持续影响指标": ("长效机制", "持续发挥作用", "可持续运行"),
    "服务对象满意度指标": ("满意度", "满意率", "服务对象满意度"),
    "社会公众满意度指标": ("社会公众满意度", "群众满意度"),
}
QUALITATIVE = ("较高", "明显提升", "有效保障", "达成预期指标", "达到预期", "持续发挥", "长期", "良好", "是", "提高", "有效改善", "优", "逐步提高")
UNITS_OF_MEASURE = V.UNITS_OF_MEASURE
OPERATORS = ("≥", "≤", "=", ">", "<", "", "", "≧", ">=", "＝")
PROSE = (
    "根据预算绩效管理要求，本单位组织对{y}年度纳入部门预算的项目支出全面开展了绩效自评。",
    "从评价情况看，项目均达到了预期绩效目标，提高了资金使用效益。",
    "发现的主要问题：绩效目标设置不够细化，下一步将加强绩效监控结果应用。",
    "{name}项目全年预算数为{a}万元，执行数为{a}万元，完成预算的100%。",
    "本部门共对{n}个项目开展绩效自评，涉及资金{a}万元。",
    "项目实施内容及过程概述：严格按照预算执行，按月申报用款计划，及时调整偏差，确保项目顺利实施。",
)


@lru_cache(maxsize=1)
def _library() -> tuple[dict[str, list[str]], list[str]]:
    """Level-3 names by canonical level-2 from the packaged taxonomy, plus function-classification names."""
    by_l2: dict[str, list[str]] = {}
    path = TAXONOMY_DIR / "indicators.csv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        names = {r["id"]: r["name"] for r in rows}
        for r in rows:
            if r["level"] == "3" and r.get("family") == "A":
                l2 = names.get(r["parent"], "")
                for name in r["name"].split("/"):
                    by_l2.setdefault(l2, []).append(name.strip())
    topics: list[str] = []
    fpath = TAXONOMY_DIR / "function_classification.csv"
    if fpath.exists():
        with fpath.open(encoding="utf-8") as fh:
            topics = [r["name"] for r in csv.DictReader(fh) if r.get("level") == "项" and len(r["name"]) <= 14]
    return by_l2, topics


def _amount(rng: random.Random, wan: bool) -> float:
    value = round(rng.lognormvariate(3.0, 1.6), 2) if wan else float(int(rng.lognormvariate(12.0, 1.5)))
    return max(value, 0.01 if wan else 100.0)


def format_amount(rng: random.Random, value: float, wan: bool) -> str:
    if wan:
        return rng.choice((f"{value:.2f}", f"{value:,.2f}", f"{value:g}", f"{value:.2f}"))
    return rng.choice((f"{value:.0f}", f"{value:,.0f}", f"{value:.2f}", f"{value:,.2f}"))


def _project_name(rng: random.Random, year: int, region: str) -> str:
    _, ftopics = _library()
    topic = rng.choice(TOPICS) if (not ftopics or rng.random() < 0.7) else rng.choice(ftopics)
    prefix = rng.choice(("", "", f"{year}年", f"{year}年度", region, f"{year}年{region}"))
    return prefix + topic + rng.choice(SUFFIXES)


def _indicator_name(rng: random.Random, l2: str) -> str:
    by_l2, _ = _library()
    lib = by_l2.get(l2, [])
    if lib and rng.random() < 0.45:
        return rng.choice(lib)
    metric = rng.choice(METRICS.get(l2, ("完成率",)))
    subj = rng.choice(SUBJECTS)
    if rng.random() < 0.15:
        return f"{subj}{rng.randint(1, 5) * 1000}{rng.choice(('人', '户'))}—{rng.randint(2, 6) * 1000}人{metric}"
    return rng.choice((subj + metric, metric, subj + metric, f"{subj}{metric}"))


def _value(rng: random.Random, l2: str, year: int) -> tuple[str, str, str]:
    """(operator, number-or-text, unit) of a target; actuals are derived from it."""
    if l2 in L1_L2["满意度指标"] or "率" in l2:
        return rng.choice(("≥", "≥", "=", "≧", "")), str(rng.choice((80, 85, 90, 95, 98, 100))), "%"
    if rng.random() < 0.3:
        return "", rng.choice(QUALITATIVE), ""
    if l2 == "时效指标" and rng.random() < 0.4:
        return rng.choice(("", "≤")), f"{year}年{rng.randint(1, 12)}月", rng.choice(("", "前", "底前"))
    num = rng.choice((str(rng.randint(1, 5000)), str(rng.randint(1, 100)), f"{rng.uniform(1, 500):.2f}", "100"))
    return rng.choice(OPERATORS), num, rng.choice(UNITS_OF_MEASURE)


@dataclass
class IndicatorRec:
    l1: str
    l2: str
    name: str
    target: tuple[str, str, str]
    actual: str
    weight: str
    score: str


@dataclass
class ProjectRec:
    year: int
    name: str
    code: str | None
    department: str
    implementer: str
    wan: bool
    amounts: tuple[float | None, float | None, float | None]
    rate: str
    total: str
    grade: str | None
    indicators: list[IndicatorRec]


def draw_project(rng: random.Random) -> ProjectRec:
    year = rng.randint(2019, 2025)
    region = rng.choice(REGIONS)
    dept = region + rng.choice(BUREAUS)
    if rng.random() < 0.25:
        dept = rng.choice((f"{rng.randint(100, 999)}-", f"[{rng.randint(100, 999)}]", f"{rng.randint(100, 999)}")) + dept
    impl = dept if rng.random() < 0.35 else region + rng.choice(UNITS)
    wan = rng.random() < 0.65
    annual = _amount(rng, wan)
    init = annual if rng.random() < 0.6 else _amount(rng, wan)
    executed = annual if rng.random() < 0.6 else round(annual * rng.uniform(0.5, 1.0), 2 if wan else 0)
    amounts: list[float | None] = [init, annual, executed]
    if rng.random() < 0.1:
        amounts[0] = None
    pct = 100.0 * executed / annual if annual else 0.0
    rate = rng.choice((f"{pct:.0f}%", f"{pct:.2f}%", f"{pct:.2f}", f"{pct:.1f}%"))
    indicators: list[IndicatorRec] = []
    l1s = list(L1_L2) if rng.random() < 0.4 else [l1 for l1 in L1_L2 if l1 != "成本指标"]
    if rng.random() < 0.12:
        l1s.insert(rng.randint(0, len(l1s)), rng.choice(list(NONCANON_L1)))
    for l1 in l1s:
        l2s = L1_L2.get(l1) or NONCANON_L1[l1]
        chosen = [l2 for l2 in l2s if rng.random() < 0.7] or [l2s[0]]
        for l2 in chosen:
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
                op, val, unit = _value(rng, l2, year)
                if rng.random() < 0.7:
                    actual = (op if rng.random() < 0.5 else "") + val + unit
                else:
                    actual = rng.choice(QUALITATIVE) if rng.random() < 0.5 else f"{rng.randint(1, 3000)}{unit}"
                weight = rng.choice((2, 3, 4, 5, 5, 10, 10, 10, 15, 20))
                score = weight if rng.random() < 0.75 else round(weight * rng.uniform(0.3, 0.99), rng.choice((0, 1, 2)))
                indicators.append(
                    IndicatorRec(l1, l2, _indicator_name(rng, l2), (op, val, unit), actual, f"{weight:g}", f"{score:g}")
                )
    total = rng.choice((f"{rng.randint(70, 100)}", f"{rng.uniform(70, 100):.1f}", f"{rng.uniform(70, 100):.2f}"))
    t = float(total)
    grade = next(g for floor, g in V.GRADE_BANDS if t >= floor) if rng.random() < 0.6 else None
    code = f"5109{rng.randint(10**15, 10**16 - 1)}"[:21] if rng.random() < 0.12 else None
    return ProjectRec(year, _project_name(rng, year, region), code, dept, impl, wan, tuple(amounts), rate, total, grade, indicators)
