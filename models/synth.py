"""Synthetic 项目支出绩效自评表 documents with exact character labels.

A record is drawn from realistic distributions (project names built from
the budget function classification, departments of many kinds of bureaus,
indicators from the taxonomy's family-A library plus composed ones, amounts
in 万元 or 元), laid out as a table of cells, then rendered in one of many
layouts (tab rows, one cell per line, pipes, spaces, a single flattened
line, wrapped rows) with noise (vertical labels, spaced characters,
full-width digits, OCR confusions, collapsed whitespace, junk lines).
Every character keeps the id of the entity it belongs to, so labels stay
exact through every transformation. Seeded: ``generate(n, seed)`` is
reproducible.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass, field
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
OCR_CONFUSIONS = {
    "0": "O", "1": "l", "5": "S", "8": "B", "：": ":", "。": ".", "人": "入", "已": "己", "己": "已", "日": "曰",
    "土": "士", "未": "末", "率": "宰", "千": "干", "大": "太", "拨": "拔", "治": "冶", "准": "淮", "析": "折",
    "厂": "广", "天": "夭", "由": "田", "项": "顶", "算": "箅", "务": "各", "力": "刀", "今": "令", "见": "贝",
}
JUNK = (
    "第{n}页", "- {n} -", "共{n}页", "单位：万元", "金额单位：元", "填报日期：{y}年{m}月{d}日", "公开{n:02d}表", "注：本表数据来源于财政一体化系统",
    "联系人：张{x}  联系电话：0{n}{n}{n}-{n}{n}{n}{n}{n}{n}{n}", "项目负责人：（签字）", "（盖章）", "★", "填表人：",
)
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


@dataclass
class Seg:
    text: str
    etype: str | None = None


@dataclass
class LabeledText:
    """Text with, per character, the index of its entity in ``types`` (-1 for none)."""

    chars: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    def add(self, text: str, etype: str | None = None) -> None:
        if etype is None or not text.strip():
            eid = -1
        else:
            self.types.append(etype)
            eid = len(self.types) - 1
        self.chars.extend(text)
        self.ids.extend([eid] * len(text))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def spans(self) -> list[tuple[int, int, str]]:
        """(start, end, type), trimmed of edge whitespace."""
        out: list[tuple[int, int, str]] = []
        i, n = 0, len(self.ids)
        while i < n:
            eid = self.ids[i]
            j = i
            while j < n and self.ids[j] == eid:
                j += 1
            if eid >= 0:
                s, e = i, j
                while s < e and self.chars[s].isspace():
                    s += 1
                while e > s and self.chars[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((s, e, self.types[eid]))
            i = j
        return out


# ---------------------------------------------------------------- records


def _amount(rng: random.Random, wan: bool) -> float:
    value = round(rng.lognormvariate(3.0, 1.6), 2) if wan else float(int(rng.lognormvariate(12.0, 1.5)))
    return max(value, 0.01 if wan else 100.0)


def _fmt_amount(rng: random.Random, value: float, wan: bool) -> str:
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


# ---------------------------------------------------------------- table of cells

Cell = list[Seg]

# Header words: the common national template's and (template variety below) other bureaus'.
TEMPLATE_HEADERS = V.TEMPLATE_HEADERS
WIDE_HEADERS = V.WIDE_HEADERS
LEVEL_JOINERS = ("-", "/", "—")  # between 一级 and 二级 when one cell holds both
INFO_ROWS = (
    ("项目负责人", "{person}"), ("联系电话", "0{n}-{tel}"), ("项目类型", "{kind}"), ("资金来源", "{source}"),
    ("项目属性", "{attr}"), ("项目期限", "{y}年1月-{y}年12月"),
)


@dataclass(frozen=True)
class TableStyle:
    """How far a table departs from the common national template (all off: that template, as before).

    Real bureaus print the same facts under other header words, in other column orders, with a serial
    column, labels and values in one cell, or extra information rows; these are the departures a tagger
    trained on one template misreads in another.
    """

    kv_header: bool = False  # "项目名称：X" in one cell
    info_rows: bool = False  # 项目负责人, 联系电话, ... rows with unlabeled values
    wide_headers: bool = False  # header words from WIDE_HEADERS
    weight_first: bool = False  # indicator columns: weight before the target
    serial: bool = False  # a leading 序号 column numbering the indicator rows
    joined_levels: bool = False  # "产出指标-数量指标" in one cell on every row
    unit_in_cells: bool = False  # amounts printed with their unit ("12.50万元")
    drop_blank_init: bool = False  # no 年初预算数 column when the project has none


def draw_style(rng: random.Random, share: float = 0.55) -> TableStyle:
    """A table style: a ``share`` of the tables depart from the common template in one or more ways, the rest keep it."""
    if rng.random() < 1.0 - share:
        return TableStyle()
    return TableStyle(
        kv_header=rng.random() < 0.3, info_rows=rng.random() < 0.3, wide_headers=rng.random() < 0.6,
        weight_first=rng.random() < 0.25, serial=rng.random() < 0.25, joined_levels=rng.random() < 0.15,
        unit_in_cells=rng.random() < 0.15, drop_blank_init=rng.random() < 0.7,
    )


def _short_l2(rng: random.Random, l2: str, p: float) -> str:
    """社会效益指标 printed as 社会效益 with probability ``p``."""
    return l2[:-2] if rng.random() < p and l2.endswith("指标") and len(l2) > 4 else l2


def _c(text: str, etype: str | None = None) -> Cell:
    return [Seg(text, etype)]


def build_table(rng: random.Random, p: ProjectRec, style: TableStyle | None = None) -> list[list[Cell]]:
    """The project's table as rows of cells; ``style`` None (or all off) is the common national template."""
    style = style or TableStyle()
    h = "HEADER"

    def word(key: str, usual: str) -> str:
        return rng.choice(WIDE_HEADERS[key]) if style.wide_headers else usual

    def field_row(label: str, value: Cell) -> list[Cell]:
        if style.kv_header:  # label and value in one cell
            return [[Seg(label.rstrip("：") + rng.choice(("：", ":", "： ")), h)] + value]
        return [_c(label, h), value]
    rows: list[list[Cell]] = []
    title = rng.choice(("项目支出绩效自评表", "部门预算项目支出绩效自评表", "项目支出绩效自评表", "预算项目(政策)绩效自评表"))
    if rng.random() < 0.4:
        title = p.name + title
    rows.append([_c(title)])
    if rng.random() < 0.5:
        rows.append([_c(rng.choice((f"（{p.year}年度）", f"({p.year}年度)")))])
    name_cell: Cell = []
    if p.code:
        name_cell.append(Seg(p.code, "CODE"))
        name_cell.append(Seg("-"))
    name_cell.append(Seg(p.name, "PROJECT"))
    rows.append(field_row(word("name", rng.choice(TEMPLATE_HEADERS["name"])), name_cell))
    dept_h = word("dept", rng.choice(TEMPLATE_HEADERS["dept"]))
    impl_h = word("impl", rng.choice(TEMPLATE_HEADERS["impl"]))
    if rng.random() < 0.8:
        rows.append(field_row(dept_h, _c(p.department, "DEPT")) + field_row(impl_h, _c(p.implementer, "IMPL")))
    else:
        rows.append(field_row(dept_h, _c(p.department, "DEPT")))
        rows.append(field_row(impl_h, _c(p.implementer, "IMPL")))
    if style.info_rows:
        for label, value in rng.sample(INFO_ROWS, rng.randint(1, 3)):
            filled = value.format(person=rng.choice("王李张刘陈杨赵黄周吴") + rng.choice(("某", "某某", "xx")),
                                  n=rng.randint(100, 999), tel=rng.randint(1000000, 9999999),
                                  kind=rng.choice(("常年性项目", "延续性项目", "新增项目", "一次性项目")),
                                  source=rng.choice(("财政拨款", "一般公共预算", "政府性基金", "上级补助")),
                                  attr=rng.choice(("经常性项目", "专项", "一次性项目")), y=p.year)
            rows.append([_c(label), _c(filled)])
    unit = "（万元）" if p.wan else "（元）"
    funds_h = rng.choice(TEMPLATE_HEADERS["funds"]).format(unit=unit)
    two_init = rng.random() < 0.15
    init_h = [_c(w, h) for w in TEMPLATE_HEADERS["init_split"]] if two_init else [_c(word("init", rng.choice(TEMPLATE_HEADERS["init"])), h)]
    cols = [
        ("init", init_h),
        ("annual", [_c(word("annual", rng.choice(TEMPLATE_HEADERS["annual"])), h)]),
        ("exec", [_c(word("exec", rng.choice(TEMPLATE_HEADERS["exec"])), h)]),
        ("weight", [_c(word("weight", rng.choice(TEMPLATE_HEADERS["weight"])), h)]),
        ("rate", [_c(word("rate", rng.choice(TEMPLATE_HEADERS["rate"])), h)]),
        ("score", [_c(word("score", rng.choice(TEMPLATE_HEADERS["score"])), h)]),
    ]
    if rng.random() < 0.4:  # 执行率 before 分值
        cols[3], cols[4] = cols[4], cols[3]
    if style.drop_blank_init and p.amounts[0] is None:
        cols = cols[1:]
    unit_suffix = ("万元" if p.wan else "元") if style.unit_in_cells else ""
    rows.append([_c(funds_h, h)] + [c for _, cs in cols for c in cs])
    fw = rng.choice(("10", "10", "10.00"))
    fs = fw if rng.random() < 0.8 else f"{rng.uniform(5, 10):.1f}"

    def funds_row(label: str, labelled: bool) -> list[Cell]:
        row = [_c(label, h if labelled else None)]
        for key, cs in cols:
            if key in ("init", "annual", "exec"):
                idx = ("init", "annual", "exec").index(key)
                val = p.amounts[idx]
                text = "" if val is None else _fmt_amount(rng, val, p.wan)
                etype = ("AMT_INIT", "AMT_ANNUAL", "AMT_EXEC")[idx] if labelled else None
                if key == "init" and len(cs) == 2:
                    row.append(_c(text))
                row.append([Seg(text, etype), Seg(unit_suffix if text else "")])
            elif key == "rate":
                row.append(_c(p.rate, "RATE" if labelled else None))
            elif key == "weight":
                row.append(_c(fw if labelled else rng.choice(("", "/", fw))))
            else:
                row.append(_c(fs if labelled else rng.choice(("", "/"))))
        return row

    rows.append(funds_row(rng.choice(TEMPLATE_HEADERS["funds_total"]), True))
    for label in rng.sample(("其中：本年财政拨款", "上年结转资金", "其他资金", "其中：财政资金", "单位资金"), rng.randint(0, 3)):
        if rng.random() < 0.5:
            rows.append([_c(label)] + [_c("") for _ in range(sum(len(cs) for _, cs in cols))])
        else:
            rows.append(funds_row(label, False))
    if rng.random() < 0.7:
        rows.append([_c("年度总体目标"), _c("预期目标"), _c("实际完成情况")])
        rows.append([_c(""), _c(rng.choice(PROSE).format(y=p.year, name=p.name, a="12.5", n=3)), _c(rng.choice(("达成预期指标", "已完成", "全部完成年度目标。")))])
    split_target = rng.random() < 0.2
    two_targets = not split_target and rng.random() < 0.1
    l1_head, l2_head = V.LEVEL_HEADERS
    level_head = [_c(rng.choice(TEMPLATE_HEADERS["l1"]), h), _c(l2_head, h)]
    if style.joined_levels:
        level_head = [[Seg(l1_head, h), Seg(rng.choice(LEVEL_JOINERS)), Seg(l2_head, h)]]
    head = ([_c("序号", h)] if style.serial else []) + level_head + [_c("三级指标", h)]
    if split_target:
        target_head = [_c(w, h) for w in TEMPLATE_HEADERS["target_split"]]
    elif two_targets:
        target_head = [_c(w, h) for w in TEMPLATE_HEADERS["target_two"]]
    else:
        target_head = [_c(word("target", rng.choice(TEMPLATE_HEADERS["target"])), h)]
    actual_head = _c(word("actual", rng.choice(TEMPLATE_HEADERS["actual"])), h)
    weight_head = _c(word("weight", rng.choice(TEMPLATE_HEADERS["weight"])), h)
    score_head = _c(word("score", "得分"), h)
    if style.weight_first:
        head += [weight_head] + target_head + [actual_head, score_head]
    else:
        head += target_head + [actual_head, weight_head, score_head]
    reason = rng.random() < 0.6
    if reason:
        head.append(_c(rng.choice(TEMPLATE_HEADERS["reason"]), h))
    lead = rng.choice(("年度绩效指标完成情况", "绩效指标", "绩效指标（90分）", ""))
    rows.append(([_c(lead)] if lead else []) + head)
    prev_l1 = prev_l2 = None
    repeat = rng.random() < 0.25
    vertical = rng.random() < 0.35
    for number, ind in enumerate(p.indicators, 1):
        row: list[Cell] = [_c("")] if lead else []
        if style.serial:
            row.append(_c(str(number)))
        if style.joined_levels:
            l2 = _short_l2(rng, ind.l2, 0.3)
            row.append([Seg(ind.l1, "L1"), Seg(rng.choice(LEVEL_JOINERS)), Seg(l2, "L2")])
        elif ind.l1 != prev_l1 or repeat:
            l1 = ind.l1 if rng.random() < 0.8 else ind.l1.replace("产出指标", "项目产出").replace("效益指标", "项目效益")
            l1 = "\n".join(l1) if vertical else l1
            if rng.random() < 0.4:  # the allotment is part of the printed heading, as the parser reads it
                l1 += f"\n({rng.choice((10, 20, 30, 40, 50))}分)" if vertical else f"({rng.choice((10, 20, 30, 50))}分)"
            row.append(_c(l1, "L1"))
        else:
            row.append(_c(""))
        if style.joined_levels:
            pass  # both levels are in the joined cell
        elif ind.l2 != prev_l2 or repeat:
            l2 = _short_l2(rng, ind.l2, 0.35)
            if len(l2) > 5 and rng.random() < 0.3:
                cut = rng.randint(2, len(l2) - 2)
                l2 = l2[:cut] + "\n" + l2[cut:]
            row.append(_c(l2, "L2"))
        else:
            row.append(_c(""))
        prev_l1, prev_l2 = ind.l1, ind.l2
        row.append(_c(ind.name, "IND"))
        op, val, unit = ind.target
        if split_target:
            target = [_c(op or rng.choice(("定性", "定量", "")), "TARGET" if op else None), _c(val, "TARGET"), _c(unit, "TARGET" if unit else None)]
        elif two_targets:
            target = [_c(op + val + unit), _c(op + val + unit, "TARGET")]
        else:
            target = [_c(op + val + unit, "TARGET")]
        weight = _c(ind.weight, "WEIGHT")
        if style.weight_first:
            row += [weight] + target + [_c(ind.actual, "ACTUAL"), _c(ind.score, "SCORE")]
        else:
            row += target + [_c(ind.actual, "ACTUAL"), weight, _c(ind.score, "SCORE")]
        if reason:
            row.append(_c(rng.choice(("", "", "无偏差", "/", "按计划完成"))))
        rows.append(row)
    total_row = [_c(word("total", rng.choice(TEMPLATE_HEADERS["total"])), h)]
    total_row += [_c("") for _ in range(rng.randint(0, 6))]
    total_row.append(_c("100" if rng.random() < 0.5 else ""))
    total_row.append(_c(p.total, "TOTAL"))
    if p.grade:
        if rng.random() < 0.3:
            total_row.append(_c("评价等级", h))
        total_row.append(_c(p.grade, "GRADE"))
    rows.append(total_row)
    return rows


# ---------------------------------------------------------------- rendering


def _noisy(rng: random.Random, text: str, spaced: float, breaks: float) -> str:
    if len(text) >= 2 and rng.random() < spaced:
        text = " ".join(text)
    if len(text) >= 6 and rng.random() < breaks:
        cut = rng.randint(2, len(text) - 2)
        text = text[:cut] + "\n" + text[cut:]
    return text


def render(rng: random.Random, tables: list[list[list[Cell]]], prose: list[str]) -> LabeledText:
    out = LabeledText()
    layout = rng.choice(("tabs", "tabs", "cells", "cells", "pipes", "spaces", "flat", "wrapped"))
    spaced = rng.choice((0.0, 0.0, 0.0, 0.05, 0.3))
    breaks = rng.choice((0.0, 0.0, 0.05, 0.15))
    junk = rng.choice((0.0, 0.03, 0.1))
    for line in prose:
        out.add(line + "\n")
    for table in tables:
        for row in table:
            if rng.random() < junk:
                out.add(rng.choice(JUNK).format(n=rng.randint(1, 9), y=2024, m=rng.randint(1, 12), d=rng.randint(1, 28), x="某") + "\n")
            pieces = [[Seg(_noisy(rng, s.text, spaced, breaks), s.etype) for s in cell] for cell in row]
            if layout == "cells":
                for cell in pieces:
                    out.add("\t")
                    for s in cell:
                        out.add(s.text, s.etype)
                    out.add("\n")
                out.add("\n")
                continue
            sep = {"tabs": "\t", "pipes": " | ", "spaces": None, "flat": " ", "wrapped": "\t"}[layout]
            if layout == "pipes":
                out.add("| ")
            if layout == "tabs" and rng.random() < 0.3:
                out.add("\t")
            width = 0
            for k, cell in enumerate(pieces):
                if k:
                    out.add(sep if sep is not None else " " * rng.randint(1, 4))
                for s in cell:
                    text = s.text
                    if layout == "wrapped" and width + len(text) > 40 and len(text) > 3 and rng.random() < 0.5:
                        cut = rng.randint(1, len(text) - 1)
                        text = text[:cut] + "\n" + text[cut:]
                        width = 0
                    width += len(text)
                    out.add(text, s.etype)
            if layout == "pipes":
                out.add(" |")
            out.add(" " if layout == "flat" else "\n")
        out.add("\n" if layout != "flat" else " ")
    return out


_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.%"}


def perturb(rng: random.Random, lt: LabeledText) -> LabeledText:
    """Character-level noise that keeps each character's entity id."""
    fw = rng.random() < 0.15
    ocr = rng.choice((0.0, 0.0, 0.005, 0.02))
    chars = []
    for c in lt.chars:
        if fw and c in _FULLWIDTH:
            c = _FULLWIDTH[c]
        if ocr and c in OCR_CONFUSIONS and rng.random() < ocr:
            c = OCR_CONFUSIONS[c]
        chars.append(c)
    ids = list(lt.ids)
    if rng.random() < 0.3:  # stray spaces and line breaks between characters, as from a damaged text layer
        space_p, break_p = rng.choice((0.01, 0.03, 0.06)), rng.choice((0.0, 0.005, 0.01))
        new_chars: list[str] = []
        new_ids: list[int] = []
        for i, c in enumerate(chars):
            r = rng.random()
            if i and r < space_p + break_p:
                # an inserted character belongs to an entity only when both neighbours do
                new_chars.append(" " if r < space_p else "\n")
                new_ids.append(ids[i] if ids[i] == ids[i - 1] else -1)
            new_chars.append(c)
            new_ids.append(ids[i])
        chars, ids = new_chars, new_ids
    out = LabeledText(chars, ids, list(lt.types))
    mode = rng.choice((None, None, None, "run", "each"))
    if mode:
        out = collapse(out, per_char=(mode == "each"))
    return out


def collapse(lt: LabeledText, per_char: bool = False) -> LabeledText:
    """Newlines and tabs to spaces (each one, or each run), as when a layout is lost."""
    pattern = re.compile(r"[\t\n\r]" if per_char else r"[ \t\n\r]*[\t\n\r][ \t\n\r]*")
    text = lt.text
    chars: list[str] = []
    ids: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        chars.extend(lt.chars[pos : m.start()])
        ids.extend(lt.ids[pos : m.start()])
        before = lt.ids[m.start() - 1] if m.start() > 0 else -1
        after = lt.ids[m.end()] if m.end() < len(lt.ids) else -1
        chars.append(" ")
        ids.append(before if before == after else -1)
        pos = m.end()
    chars.extend(lt.chars[pos:])
    ids.extend(lt.ids[pos:])
    return LabeledText(chars, ids, list(lt.types))


def generate_document(rng: random.Random, prose_pool: list[str] | None = None, variety: float = 0.0) -> LabeledText:
    """One document; with ``variety`` > 0 that share of its tables depart from the common template (``draw_style``)."""
    projects = [draw_project(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
    tables = [build_table(rng, p, draw_style(rng, variety) if variety else None) for p in projects]
    pool = prose_pool or []
    prose = []
    for _ in range(rng.randint(0, 4)):
        if pool and rng.random() < 0.6:
            prose.append(rng.choice(pool))
        else:
            p = rng.choice(projects)
            prose.append(rng.choice(PROSE).format(y=p.year, name=p.name, a=f"{rng.uniform(1, 900):.2f}", n=rng.randint(1, 9)))
    return perturb(rng, render(rng, tables, prose))


def generate(n: int, seed: int, prose_pool: list[str] | None = None, variety: float = 0.0) -> list[LabeledText]:
    rng = random.Random(seed)
    return [generate_document(rng, prose_pool, variety) for _ in range(n)]
