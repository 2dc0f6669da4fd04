"""What a target or an actual says (targets.py): operators, units, ranges, qualitative phrases, deadlines."""

from __future__ import annotations

import re

from jixiao.record import YUAN_PER_WAN, YUAN_PER_YI


# ---- what a target or an actual says (targets.py): operators, units, qualitative phrases -------------
# Operator words and glyphs printed before a value, by the canonical operator; longest first when matched.
# 达到/控制在 name the direction only with the indicator (达到 95% is "at least", 控制在 5% "at most").
VALUE_OPERATOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "≥": (">=", "≥", "≧", "⩾", "大于等于", "大于或等于", "不少于", "不低于", "不小于", "不早于", "至少", "达到", "达", "超过或等于"),
    "≤": ("<=", "≤", "≦", "⩽", "小于等于", "小于或等于", "不超过", "不高于", "不大于", "不多于", "不晚于", "不迟于", "控制在", "至多", "低于或等于"),
    "≠": ("!=", "≠", "不等于"),
    ">": (">", "＞", "大于", "高于", "超过", "多于"),
    "<": ("<", "＜", "小于", "低于", "少于"),
    "=": ("==", "=", "═", "＝", "等于", "为"),
}
# words printed after a value: 95%以上, 5天以内
VALUE_OPERATOR_SUFFIXES: dict[str, tuple[str, ...]] = {
    "≥": ("及以上", "以上", "或以上", "之上"),
    "≤": ("及以下", "以下", "以内", "之内", "或以下", "内"),
}
# printed unit -> its normalized spelling (日 -> 天, 千米 -> 公里, 名 -> 人); scaled units stay scaled (万元, 万人)
VALUE_UNITS: dict[str, str] = {
    "%": "%", "％": "%", "‰": "‰", "个百分点": "个百分点", "百分点": "个百分点",
    "元": "元", "万元": "万元", "亿元": "亿元", "千元": "千元", "万": "万",
    "人": "人", "万人": "万人", "名": "人", "人次": "人次", "万人次": "万人次",
    "户": "户", "万户": "万户", "家": "家", "所": "所", "村": "村",
    "个": "个", "项": "项", "件": "件", "次": "次", "场": "场", "场次": "场次",
    "期": "期", "批": "批", "台": "台", "套": "套", "张": "张", "份": "份",
    "册": "册", "本": "本", "卷": "卷", "万卷": "万卷", "部": "部", "辆": "辆",
    "只": "只", "头": "头", "株": "株", "棵": "棵", "座": "座", "处": "处", "盏": "盏", "延米": "延米",
    "万头": "万头", "头(羽)": "头(羽)", "万头(羽)": "万头(羽)", "万只": "万只",
    "起": "起", "批次": "批次", "台次": "台次", "架次": "架次", "车次": "车次", "课时": "课时", "学时": "学时", "篇": "篇", "条": "条",
    "公里": "公里", "千米": "公里", "km": "公里", "米": "米", "m": "米",
    "亩": "亩", "万亩": "万亩", "公顷": "公顷", "平方米": "平方米", "㎡": "平方米", "平米": "平方米",
    "吨": "吨", "万吨": "万吨", "公斤": "公斤", "千克": "公斤",
    "天": "天", "日": "天", "个工作日": "工作日", "工作日": "工作日", "小时": "小时",
    "月": "月", "个月": "月", "年": "年", "周": "周", "分": "分",
}
# scaled units -> (base unit, factor): 万 and 亿 are the record's factors, whatever they count
_WAN, _YI = YUAN_PER_WAN, YUAN_PER_YI  # compared in the base unit (万元 with 元, 万人 with 人)
UNIT_SCALE: dict[str, tuple[str, float]] = {
    "万元": ("元", _WAN), "亿元": ("元", _YI), "千元": ("元", 1e3), "万人": ("人", _WAN), "万人次": ("人次", _WAN),
    "万户": ("户", _WAN), "万卷": ("卷", _WAN), "万头": ("头", _WAN), "万头(羽)": ("头(羽)", _WAN), "万只": ("只", _WAN), "万亩": ("亩", _WAN), "万吨": ("吨", _WAN), "万": ("", _WAN),
    "‰": ("%", 0.1),
}
# ranges: 90%-95%, 80%至100%
VALUE_RANGE_SEPARATORS = ("-", "—", "–", "~", "～", "至", "到")
# the completion bands of the national template, printed as values (全部或基本达成预期指标100%-80%(含)):
# phrase -> polarity; the longest phrase that a value opens with wins
QUALITATIVE_BANDS: dict[str, str] = {
    "全部或基本达成预期指标": "positive", "全部达成预期指标": "positive", "基本达成预期指标": "positive",
    "达成预期指标": "positive", "达成年度指标": "positive", "达到预期": "positive", "达成预期": "positive",
    "部分达成预期指标": "partial", "部分达成": "partial", "基本达成": "positive", "基本完成": "positive",
    "未达成预期指标": "negative", "未达成": "negative", "未达到预期": "negative",
}
# a whole cell that is only a completion verdict (达成预期指标, 部分达成, 未达成): a Hubei 2021 form without score
# columns prints it in its 完成情况 or remark column in place of a completion value
VERDICT_CELL = re.compile(r"^(全部或基本|基本|部分)?(达成|未达成)(预期指标|预期目标|预期|年度指标)?$")
# qualitative targets as forms print them, whole (a table run into one line has nothing else to cut a name
# from its target: 管护机制 | 建立健全)
QUALITATIVE_TARGETS: tuple[str, ...] = (
    "建立健全", "逐步提升", "持续提升", "有效提升", "明显提升", "显著提升", "稳步提升", "明显改善", "有效改善",
    "持续改善", "逐步完善", "不断完善", "长期有效", "持续发挥作用",
)
# stems of qualitative values that say the thing happened, was good or got better
QUALITATIVE_POSITIVE: tuple[str, ...] = (
    "达成", "达到", "完成", "实现", "有效", "提升", "提高", "改善", "增强", "增加", "增收", "减轻", "缓解", "降低",
    "满意", "及时", "按时", "按期", "按月", "按季", "按要求", "按照", "按规定", "正常", "稳定", "稳步", "平稳", "规范",
    "合规", "合格", "通过", "保障", "促进", "推动", "推进", "显著", "明显", "健全", "完善", "到位", "足额", "良好",
    "较高", "积极", "生效", "落地", "落实", "开展", "运行", "长效", "长期", "持续", "逐年", "逐步", "不断", "扩大",
    "优化", "加强", "强化", "覆盖", "节能", "节约", "安全", "准确", "便捷", "高效", "是", "好", "高", "优",
    "已", "无", "零", "符合", "执行", "支持", "发放", "交货", "验收", "建成", "作用", "效果", "影响", "受益",
    "稳固", "巩固", "维护", "服务", "指导", "统筹", "储备", "新建", "推广", "宣传", "满足", "支付", "拨付",
    "达标", "按预算", "有利于",
)
# a value ending in these names an upper bound by reference (以…公布批准水平为限)
REFERENCE_BOUND_SUFFIXES: tuple[str, ...] = ("为限", "为上限")
# markers that turn a qualitative value negative (未完成, 不满意, 效果较差) or partial (部分完成)
QUALITATIVE_NEGATIVE: tuple[str, ...] = ("未", "没有", "不满意", "不合格", "不达标", "较差", "很差", "否",
                                         "滞后", "延迟", "延期", "无效", "不及时", "不到位", "未能")
QUALITATIVE_PARTIAL: tuple[str, ...] = ("部分", "一般", "尚可", "有待", "初步")
# a deadline: 2024年12月底前, 6月25日前, 每月15日前, 12月份完成
DEADLINE_WORDS: tuple[str, ...] = ("之前", "以前", "前", "内", "止", "为止", "完成")
# indicator names whose value should stay low: a printed "=" or bare target on these is an upper bound
LOWER_IS_BETTER: tuple[str, ...] = ("成本", "费用", "投诉", "事故", "差错", "失误", "违规", "违纪", "超支", "超标",
                                    "误差", "偏差", "损失", "发生率", "死亡", "逾期", "周期", "时长", "用时",
                                    "时间", "控制", "单价")

# a value printed as a change on the year before (较上年提高5个百分点, 较上年下降), and an actual as the change alone
# (提高5.4个百分点, 下降12%): a table run into one line has nothing else to cut the name before it
VALUE_COMPARED_BASES: tuple[str, ...] = ("较上年同期", "较上年", "较去年", "比上年", "同比")
VALUE_CHANGE_WORDS: tuple[str, ...] = ("提高", "提升", "增长", "增加", "下降", "降低", "减少")
# a value that says the thing was done or not, printed as the actual (2021年12月底前 | 已完成) or in a status column
# after 得分 (完成情况: 已完成 / 未完成)
VALUE_DONE_WORDS: tuple[str, ...] = ("已全部完成", "已完成", "未完成", "已建立", "已建成", "已落实", "已实现", "已达标",
                                     "已拨付", "已发放", "已到位")
# a year named by its relation to the budget year before a month (次年3月底前, 当年12月20日)
DATE_RELATIVE_YEARS: tuple[str, ...] = ("次年", "当年", "本年")
# a frequency as a whole cell: what it counts per, then the count (每月1次, 每季度2次, 每周至少1次): a value, though
# it opens with a word
FREQUENCY_VALUE = re.compile(r"^每[\u4e00-\u9fff]{1,2}(?:每[\u4e00-\u9fff]{1,2})?(?:不少于|至少|≥)?\d+(?:\.\d+)?[\u4e00-\u9fff]{0,2}(?:以上)?$")
