"""What an indicator measures and the readings of its name (map.py, map_heads.py, indicator_readings.py,
indicator_roles.py)."""

from __future__ import annotations

import re


# ---- what an indicator measures (map.py, taxonomy entries): the end of its name says it -------------
# measure type -> name endings, tried in this order (满意率 is a satisfaction, not a rate; 补助标准 an amount)
MEASURE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("satisfaction", ("满意度", "满意率", "满意程度", "满意度调查", "满意")),
    ("rate", ("率", "比例", "比率", "占比", "比重", "百分比", "达标率", "增幅", "降幅")),
    ("duration", ("时间", "时限", "天数", "年限", "时长", "周期", "期限", "工期", "日期")),
    ("amount", ("金额", "成本", "费用", "经费", "资金", "补助", "补贴", "工资", "总额", "标准", "收入", "租金",
                "费", "价格", "单价", "支出", "投入", "资金额", "取暖费", "奖金", "造价", "投资")),
    ("count", ("人数", "人次", "次数", "数量", "个数", "户数", "面积", "长度", "里程", "件数", "台数", "期数",
               "村数", "项目数", "完成数", "办理数", "案卷数", "家数", "数", "人口")),
    ("qualitative", ("性", "情况", "水平", "效果", "作用", "影响", "机制", "程度", "能力", "质量", "效益", "成效",
                     "运行", "运转", "稳定", "提升", "提高", "改善", "增收", "建设", "保障", "负担")),
    # a volume (日均污水处理量, 供水量) is counted, not a rate; after 质量, 数量 (issue 19, round 6)
    ("count", ("量",)),
)
# a per-unit amount (人均培训成本, 单位购置成本, 补助标准) is not the total (培训成本): these mark it
PER_UNIT_MARKS: tuple[str, ...] = ("人均", "户均", "单位", "平均", "每人", "每户", "标准", "单价", "单项",
                                   # round 11: per pupil, mu, head of stock; one of a unit (单个5G基站建设补助)
                                   "生均", "亩均", "头均", "只均", "单个", "单处", "单件", "单台", "单套", "单座", "单批",
                                   "单次")
# 每 before any other unit (每万尾鱼苗采购成本, 每公里) is per unit as well; before a period (每年, 每月) it says how
# often, and the amount is a total (每月发放补贴金额 is a 补助金额; round 10)
PER_PERIOD: str = "年月季周天日"
# a per-unit cost (亩均投资标准, 每公里养护成本, 单处工程造价) is the taxonomy's per-unit cost whatever unit it is per:
# its name ends in a cost word and holds a per-unit mark before it (issue 19, fourth round; C2021 单位成本)
UNIT_COST_ENTRY = "单位成本"
UNIT_COST_ENDINGS: tuple[str, ...] = ("成本", "造价", "投资标准", "投资", "投入")
UNIT_COST_MARKS: tuple[str, ...] = ("每", "均", "单位", "单处", "单个", "单件", "单台", "单套", "单座", "单批", "单次")
# a cost led by the unit it is per (吨水处理成本, 亩产投入) is a per-unit cost as well (issue 19, round 6)
UNIT_COST_LEADING_UNITS: tuple[str, ...] = ("吨", "亩", "公里", "平方米", "立方米", "千瓦时")
# a fee (检验费用) is a per-unit cost only where its target's unit says what it is per (元/批次): 人均…费用 is often
# an entry of its own (人均培训成本)
UNIT_COST_FEE_ENDINGS: tuple[str, ...] = ("费用",)

# ---- readings that beat a name's bare head (issue 19, round 6; indicator_readings.py) --------------------
# whose satisfaction: a name that reaches only the bare 满意度 (the generic 服务对象满意度) and names its group is that
# group's entry. (entry, group words, the most characters printed before the word; None: anywhere). The first group
# that fits decides: 受益群众 are beneficiaries, 受助幼儿家长 recipients; the public only as the subject itself or with a
# short place before it (周边居民, 沿线群众, 参保群众), not a group a programme defines at length (享受…待遇的城乡居民)
SATISFACTION_GROUPS: tuple[tuple[str, tuple[str, ...], int | None], ...] = (
    ("受益群体满意度", ("受益",), None),
    # 保障对象: those a guarantee scheme pays (低保, 住房保障), the scheme's recipients (round 10)
    ("补助对象满意度", ("受助", "补助", "补贴", "救助", "资助", "优抚", "抚恤", "领取", "低保", "特困", "供养", "保障对象"),
     None),
    # round 12: a people named in four characters with the group word ending it (少数民族群众) is still the public
    ("群众满意度", ("群众", "居民", "市民", "公众", "村民", "老百姓"), 3),
    # those who use a service or its records (用户, the taxonomy's alias of 使用人员; 档案利用者; round 9)
    ("使用人员满意度", ("用户", "使用者", "利用者", "使用人员"), None),
    # those trained (参训教师, 受训学员), whatever their trade (round 12)
    ("受训学员满意度", ("参训", "受训", "学员"), None),
)
# words of one meaning in the words before a head (运营服务费支付及时率 is a 资金拨付及时率, 污泥无害化处置率 a
# 无害化处理率): folded only to find an entry more specific than the bare head a name reaches, longest first
SPECIFIC_FOLDS: tuple[tuple[str, str], ...] = (
    ("经费", "资金"), ("费用", "资金"), ("费", "资金"), ("支付", "拨付"), ("处置", "处理"), ("补贴", "补助"),
    ("完工", "完成"), ("竣工", "完成"), ("工程", "项目"),
    # funds settled (救助资金按时结算率) are funds paid out (资金拨付及时率; round 10)
    ("结算", "拨付"),
    # round 12: money owed made good (兑现) is money paid out (兑付: 兑付及时率 is 发放及时率)
    ("兑现", "兑付"),
)
# nouns of a quality that the word printed before them makes (生活水平, 保障水平): a taxonomy name ending in one is not
# read spread over a name with other words put right before the noun
QUALITY_NOUNS: tuple[str, ...] = ("水平", "情况", "效果", "能力", "程度", "作用", "影响", "质量")
# round 12: a rate of payment (标准) or an area (面积) is of the word printed right before it, as a quality noun is: a
# form spread over other words before its ending is refused (工资补贴标准 is no 工资标准, 种植保险承保面积 no 种植面积)
MADE_NOUNS: tuple[str, ...] = (*QUALITY_NOUNS, "标准", "面积")
# a count of those paid (…补助人数, …补贴人次, 贴息户数) is 发放人数: a payment word and a count of people or households
RECIPIENT_COUNT_ENTRY = "发放人数"
PAYMENT_WORDS: tuple[str, ...] = ("补助", "补贴", "救助", "资助", "贴息", "抚恤", "优待金", "津贴", "生活费", "发放")
PERSON_COUNT_ENDINGS: tuple[str, ...] = ("人数", "人次", "户数", "户次", "人员数量", "人员")
# an adverse event that did not happen (全年未发生重特大森林火灾), a target of zero, is counted by 事故发生起数
INCIDENT_ENTRY = "事故发生起数"
INCIDENT_WORDS: tuple[str, ...] = ("事故", "事件", "火灾", "案件", "疫情", "险情", "灾情")
# round 12: the count endings after which the word printed right before is what is counted (纠纷案件数: cases)
CASE_COUNT_ENDINGS: tuple[str, ...] = ("数量", "起数", "件数", "数")
# round 12: a count that opens with a support verb (扶持…村寨建设数量) counts the units supported, not things made or
# kept; only a count of projects (支持产业项目个数: 项目数量) is the same count
SUPPORT_VERBS: tuple[str, ...] = ("扶持", "支持")
SUPPORTED_COUNT_NOUNS: tuple[str, ...] = ("项目",)
ZERO_INCIDENT_MARKS: tuple[str, ...] = ("未发生", "不发生", "无", "零", "杜绝")
INCIDENT_UNITS: tuple[str, ...] = ("起", "次", "件", "个")
# units that count incidents by themselves: a name ending in an incident word counted so (发生重大食品安全事故, 起) is
# the incident count whether its target says zero or not (round 9)
INCIDENT_COUNT_UNITS: tuple[str, ...] = ("起", "次", "件")
# a case (案件) counted is work done (受理案件, 赔偿案件) as often as an incident: read as one only with a zero mark (round 10)
INCIDENT_COUNT_NOT: tuple[str, ...] = ("案件",)
# ---- readings of a name's role (issue 19, round 8; indicator_roles.py): what a name is for, read from its words
# where no taxonomy form is printed in it. Each names the entry it leads to and the words that say it.
# people a funded service serves (签约服务人数, 接待读者人次, 上门服务人次) are its beneficiaries (受益对象数量), as the
# precedents 参与人次, 惠及人数, 走访慰问…人次 say; those paid are 发放人数 (PAYMENT_WORDS, read before this)
SERVED_ENTRY = "受益对象数量"
SERVED_WORDS: tuple[str, ...] = ("服务", "接待", "受益", "惠及", "签约", "上门", "帮扶", "慰问", "走访", "就诊", "诊疗",
                                  "查阅", "借阅")
SERVED_COUNT_ENDINGS: tuple[str, ...] = ("人数", "人次", "户数", "户次")
# a count of people that other entries own (培训人次, 检测人数, 参保人数 …) or that counts staff (服务人员人数): not
# the served
SERVED_NOT: tuple[str, ...] = ("培训", "参训", "检测", "筛查", "就业", "参保", "退休", "申请", "代缴", "代办", "人员",
                               "员人", "医生人", "教师", "干部", "志愿", "新增", "累计")
# a time to respond (出动时间, 到场时间, 应答时长) is 响应时间; a time to process a case (受理时限, 审批时间) 办理时限
RESPONSE_TIME_ENTRY = "响应时间"
RESPONSE_WORDS: tuple[str, ...] = ("响应", "出动", "到场", "到达", "赶到", "抵达", "接警", "出警", "应答", "回应",
                                  # round 11: a repair after a failure (管网爆管抢修时限, 故障修复时限) answers it
                                  "抢修", "修复")
PROCESSING_TIME_ENTRY = "办理时限"
# round 11: a document issued (检测报告出具时限) is a case processed
PROCESSING_WORDS: tuple[str, ...] = ("受理", "审批", "审核", "办理", "办结", "处理", "回复", "答复", "出具")
DURATION_NAME_ENDINGS: tuple[str, ...] = ("时间", "时限", "时长")
# a time of money or goods (资金到达时间, 发放时间) is not a service's response: those names are left to their entries
DURATION_NOT: tuple[str, ...] = ("资金", "发放", "拨付", "下达", "完成", "开放", "培训", "建设", "工期")
# a count of times an activity was held (训练次数, 公示次数, 宣讲场次) is 开展次数, as the precedents 维持…运转次数,
# 资助名单公示次数, 举办…讲座…次数 say; an event that happened (事故, 投诉, 故障) is not an activity held
ACTIVITY_COUNT_ENTRY = "开展次数"
ACTIVITY_COUNT_ENDINGS: tuple[str, ...] = ("次数", "场次")
ACTIVITY_NOT: tuple[str, ...] = ("发生", "事故", "事件", "投诉", "故障", "停电", "停水", "超标", "违", "差错", "失误",
                                 "引用", "会议", "人次", "新增", "累计", "未", "疫情", "灾害", "火灾")
# batches of products tested (农贸市场快检批次, 农产品定量检测样品数 counted in 批次) are 抽检批次 (round 11): a test word,
# and batches as the name's ending or as the target's unit with a count ending (环境监测样品数, 个, is none)
TESTED_BATCH_ENTRY = "抽检批次"
TEST_WORDS: tuple[str, ...] = ("检测", "快检", "抽检", "检验", "抽样")
BATCH_UNIT = "批次"
BATCH_COUNT_ENDINGS: tuple[str, ...] = ("样品数量", "样品数", "数量", "批数")
# a thing built or bought, named with its verb and counted in a unit of things (购置安保防护器械, 套; 新建病死猪无害化
# 收集点, 个) is read as the count of it (…数量), so that 购置数量 and 建设数量 can answer it (round 11). Verb as
# printed -> as the taxonomy's forms say it (建成 is built: 建成…数量 is a 建设数量)
OBJECT_COUNT_VERBS: tuple[tuple[str, str], ...] = (("建设", "建设"), ("新建", "新建"), ("建成", "建设"), ("购置", "购置"),
                                                   ("采购", "采购"), ("购买", "购置"))
OBJECT_COUNT_UNITS: tuple[str, ...] = ("个", "座", "台", "套", "处", "辆", "条", "所", "栋", "间", "台(套)", "台套",
                                       "艘", "架", "件")
OBJECT_COUNT_WORD = "数量"
# a line built (新建红色旅游步道长度; 新建防火隔离带, 公里) is read as 建设…里程, the taxonomy's length built (round 11)
BUILT_VERBS: tuple[str, ...] = ("建设", "新建", "建成")
LENGTH_ENDING = "长度"
LENGTH_UNITS: tuple[str, ...] = ("公里", "千米", "米", "延米")
BUILT_LENGTH = ("建设", "里程")
# a purchase's cost (疫苗采购成本, 物资购置费) is 采购项目总成本 (precedent: 扑火物资购置费); a per-unit one is not
PURCHASE_COST_ENTRY = "采购项目总成本"
PURCHASE_WORDS: tuple[str, ...] = ("采购", "购置", "购买")
PURCHASE_COST_ENDINGS: tuple[str, ...] = ("成本", "费用", "经费", "金额", "资金", "支出", "费")
# a unit price (清运单价) is a per-unit cost by itself; a fee per person (人均经费) is one where no entry names its use
UNIT_PRICE_ENDINGS: tuple[str, ...] = ("单价",)
UNIT_FEE_ENDINGS: tuple[str, ...] = ("经费", "费用")
# the cost a fee is, where a form names its use (人均…培训经费 is 人均培训成本: ``map_heads._pieces_head``; round 11)
UNIT_COST_WORD = "成本"
UNIT_FEE_MARKS: tuple[str, ...] = ("人均", "户均", "每人", "每户", "单位", "每")
# a benefit said as a change (服务能力持续提升, 生活质量改善, 人均月收入增长, 长效机制建立): (entry, subjects, change
# words). Only subjects an entry names: 居住条件改善 and 办学条件改善 are labelled none, 生活质量改善 生活水平
BENEFIT_PHRASES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("公共服务水平提升情况", ("服务能力", "服务水平", "服务质量", "服务效能", "服务质效"), ("提升", "提高", "增强", "改善")),
    ("生活水平", ("生活质量", "生活水平", "生活条件", "生活品质"), ("改善", "提高", "提升")),
    ("带动增收", ("收入",), ("增长", "增加", "提高", "提升")),
    ("长效管理机制健全性", ("长效机制", "长效管理机制", "管护机制", "运行机制", "运维机制"), ("建立", "健全", "完善", "形成", "建成")),
    ("保障单位正常运行", ("正常运转", "正常运行"), ("保障", "确保", "维持")),
)
# a change word is the benefit only where the name ends with it, its subject, or a word of state (情况)
BENEFIT_ENDS: tuple[str, ...] = ("情况", "效果")
# words that give a benefit phrase another owner (村集体经济收入 is an entry of its own; a rate is measured)
BENEFIT_NOT: tuple[str, ...] = ("集体", "率", "幅")
# work finished on time (按时完成…交办任务) is 完成及时性
ON_TIME_ENTRY = "完成及时性"
ON_TIME_MARKS: tuple[str, ...] = ("按时完成", "按期完成", "及时完成", "如期完成")
# words of one meaning in a measure head (结案率 = 办结率, 查处率 = 处置率): folded to find a head the name prints in
# other words; only whole words a label or an alias of the taxonomy says are one
HEAD_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("结案", "办结"), ("查处", "处置"),
    # round 10: on time (准时) is 及时; an event that happened (事件发生) is counted as an incident (事故发生次数); people
    # examined (宫颈癌检查人数) or tested by a urine test (尿检人次) are those tested (检测人数: 检测/筛查)
    ("准时率", "及时率"), ("事件发生", "事故发生"), ("检查人数", "检测人数"), ("检查人次", "检测人次"),
    ("尿检人数", "检测人数"), ("尿检人次", "检测人次"),
)
# a rate of work done on time (地名标志按期安装率, 监测报告按时提交率) is that work's 及时率: the mark and a two-character
# verb before 率 are read as <verb>及时率 (round 10). Verbs whose rate the taxonomy names already (按时发放率, 按时办结率,
# 按期完工率 and 按期完成率 the project's or another's) are left to those forms.
ON_TIME_RATE_MARKS: tuple[str, ...] = ("按时", "按期", "按计划", "如期", "准时")
ON_TIME_RATE_NOT: tuple[str, ...] = ("完成", "完工", "发放", "办结", "足额")
# a bare time of completion (培训任务完成时间) is the planned one (计划完成时间), as 项目完成时间 is (round 10)
PLANNED_END_ENTRY = "计划完成时间"
PLANNED_END_ENDINGS: tuple[str, ...] = ("完成时间", "完工时间")
# a payment per head (河道保洁员人均补助, 补贴人均金额) is a 补助标准, as 补贴人均标准 is (round 10)
ALLOWANCE_ENTRY = "补助标准"
# round 11: a reward paid per head of stock (调出生猪头均奖励) is a payment too
ALLOWANCE_WORDS: tuple[str, ...] = ("补助", "补贴", "资助", "奖励", "奖补")
ALLOWANCE_PER_HEAD: tuple[str, ...] = ("人均", "户均", "生均", "每人", "每户", "头均", "只均")
# a purchase's cost per unit (每万尾鱼苗采购成本, 单台购置费用) is 单位购置成本, its total 采购项目总成本 (round 10)
UNIT_PURCHASE_COST_ENTRY = "单位购置成本"
# a per-head fee for work that names no use (禁毒专干人均工作经费) is a per-unit cost, wherever the mark is (round 10)
WORK_FEE_ENDINGS: tuple[str, ...] = ("工作经费",)

# qualifiers that change what a level-3 name counts (issue 19, round 3): a name and the taxonomy form it is answered
# with either both hold one of a group's marks or neither does (新增参保人数 is not 参保人数, 未办结率 is not 办结率).
# (marks, the measure types of the entry the group applies to (() = all), whether a mark anywhere before a head counts).
# Averaging changes a count (人均种植面积) wherever it is printed, not a rate or a satisfaction; amounts are compared by
# the wider PER_UNIT_MARKS (a 补贴人均标准 is a 补贴标准: 标准 is per person already). The others change the head only when printed next to it: further left they
# belong to the subject (失业保险金发放及时率 is a 发放及时率; 苗木未成活率 is not a 成活率).
NEGATION_MARKS: tuple[str, ...] = ("未", "不合格", "不达标", "不满意", "违", "逾期", "超期", "差错", "投诉", "失")
MEANING_QUALIFIERS: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = (
    (("人均", "户均", "平均", "每人", "每户", "亩均"), ("count",), True),
    (("新增", "新建", "累计"), (), False),
    (("覆盖",), (), False),
    (NEGATION_MARKS, (), False),
    # round 12: how a payment is made (社会化发放: through bank accounts; 实名制; 按标准) is not whether it was made
    (("社会化", "实名", "按标准"), ("rate",), False),
    # what an insurer underwrites (承保面积, 投保头数) is no count of what is planted or kept
    (("承保", "投保"), (), True),
)
# a remedy (治理, 整治 …) at the start of the form takes a harm as its object: a negation printed right before it is
# what is remedied (水土流失治理面积 is a 治理面积), not the form's opposite (round 10)
REMEDY_HEADS: tuple[str, ...] = ("治理", "整治", "防治", "整改")
# measure type -> the units of a target that say it, when the name does not
MEASURE_TYPE_UNITS: dict[str, tuple[str, ...]] = {
    "rate": ("%", "‰", "个百分点"),
    "amount": ("元", "万元", "亿元", "千元"),
    "duration": ("天", "工作日", "个工作日", "月", "个月", "年", "小时", "周", "分钟", "秒"),
}
# a multiplier printed as the whole unit (万, 亿) says a size, not what is counted (万元 or 万人?)
BARE_MULTIPLIER_UNITS: tuple[str, ...] = ("万", "亿", "千", "百")
# the level-3 category (数量 / 质量 / 时效 / 成本 / 效益 / 满意度) of each canonical level-2
LEVEL2_CATEGORY: dict[str, str] = {
    "数量指标": "数量", "质量指标": "质量", "时效指标": "时效", "成本指标": "成本", "经济成本指标": "成本",
    "社会成本指标": "成本", "生态环境成本指标": "成本", "经济效益指标": "效益", "社会效益指标": "效益",
    "生态效益指标": "效益", "可持续影响指标": "效益", "服务对象满意度指标": "满意度", "社会公众满意度指标": "满意度",
}
# the last characters of level-3 names that end a name in collapsed rows (flat.py): those shared by two or more
# level-3 names of taxonomy 2024.1, before issue 19 grew it (a longer list cuts rows in other places)
NAME_ENDINGS: frozenset[str] = frozenset("况准力度性数本率益续量间")
# spellings of one word in level-3 names, folded before names are compared (取暖费发放比例 = 取暖费发放率,
# 到帐率 = 到账率, 代办员的满意度 = 代办员满意度, 复盖率 = 覆盖率: 复盖 is the old and the slipped spelling of 覆盖)
NAME_FOLDS: tuple[tuple[str, str], ...] = (("比例", "率"), ("比率", "率"), ("帐", "账"), ("的", ""), ("复盖", "覆盖"),
                                          # round 12: within the set time limit is on time (投诉举报在规定时限内办结的比例
                                          # is labelled as 投诉举报按时办结率); 规定时间内 names an entry of its own
                                          ("在规定时限内", "按时"), ("规定时限内", "按时"))
# characters OCR reads for others of nearly the same shape (printed, meant): a name that reaches no entry is read again
# with one of them put back (养老服务设施验收台格率 -> 验收合格率, 补贴对象认定淮确率 -> 准确率), and a two-character qualifier
# changed by one of them is a slip, not another word (验牧 is 验收; 按月 is no 按时). Glyph shapes, not names (round 10)
OCR_GLYPH_SLIPS: tuple[tuple[str, str], ...] = (
    ("台", "合"), ("淮", "准"), ("戍", "成"), ("吋", "时"), ("牧", "收"), ("朴", "补"), ("入", "人"), ("值", "植"),
    ("木", "本"), ("宰", "率"), ("卒", "率"), ("虔", "度"), ("拔", "拨"), ("全", "金"), ("堡", "保"),
    # a scanned form's label words (实旌单位, 年度资金总頟, 项目名祢, 实际支岀数: the invam set)
    ("旌", "施"), ("頟", "额"), ("祢", "称"), ("岀", "出"),
    # (主管部们, 全年执行敉数: the invbb set)
    ("们", "门"), ("敉", "数"),
)
# look-alikes seen only in the short score-column header words (分直 for 分值, 得兮 for 得分: the invbo set); read as the
# word only where the slipped form stands as a whole cell (label_slips), since 直 is a common character of names
HEADER_GLYPH_SLIPS: tuple[tuple[str, str], ...] = (("直", "值"), ("兮", "分"))
# whose satisfaction a name measures when it also says with what: 群众对食品安全满意度 is the public's (群众满意度),
# 服务对象对服务的满意度 the served group's; 对象 (服务对象, 救助对象) is a word, not this 对 (issue 19, round 5)
SATISFACTION_WITH = re.compile(r"^(.+?)对(?!象)[^对]+?(满意度|满意率|满意程度)$")
# a count named by its measure word (采购台数, 建成个数) is the count of the things: …数量, folded at the end only
COUNT_WORD_ENDINGS: tuple[str, ...] = ("台数", "个数", "件数", "套数", "辆数", "册数", "处数", "座数", "栋数")


# a 度量单位 cell as printed beside its value: a unit, a multiple of one (万亩), or a rate of two (万元/套, 元/户·年)
_UNIT_WORD = r"(?:万|亿|千|百)?(?:人次|人|个|次|户|天|日|年|月|小时|分钟|公里|千米|米|平方米|立方米|亩|吨|公斤|千克|件|份|处|条|套|辆|家|台|所|项|起|座|盏|株|棵|场|期|册|本|批|张|篇|名|间|床|头|只|元|千瓦|kW|m²|㎡)"
UNIT_CELL = re.compile(rf"^(?:{_UNIT_WORD}(?:[/·]{_UNIT_WORD})*|%|‰)$")
