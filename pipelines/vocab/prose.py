"""The words a prose report states its fields and indicators with (prose.py, prose_indicators.py, prose_names.py)."""

from __future__ import annotations

# ---- prose reports (prose.py): the words a sentence names a field with, before its value
# (field, the words and their particles up to the amount); 全年预算执行数 is the budget figure in these reports
PROSE_AMOUNT_LABELS: tuple[tuple[str, str], ...] = (
    ("annual", r"全年预算(?:执行)?数(?:为|是)?"),
    # (调整后预算4020万元 as much as 调整后预算数: before a bare 预算 earlier in the text, 年初安排…预算3600万元)
    ("annual", r"(?:调整后预算数?|全年预算金额|全年预算资金)(?:为|是)?"),
    ("executed", r"(?:实际)?完成(?:项目)?支出(?:资金)?"),  # (完成支出1,392万元)
    ("executed", r"(?:全年执行数|(?<!全年)预算执行数|实际支出数?|(?<!预算)执行数)(?:为|是)?"),
    ("initial", r"年初预算(?:安排)?(?:专项资金|资金|数)?(?:为|是)?"),
    # (年初预算安排该项目资金450万元; 全年预算调整为86万元 / 全年预算调整后为420万元 / 年中调整为…元: the adjusted budget)
    ("initial", r"年初预算安排(?:该|本)项目(?:专项资金|资金|经费)?(?:为|是)?"),
    ("annual", r"(?:全年预算(?:数)?|年中)调整(?:后)?(?:为|至)"),
    # (年中追加后调整预算为1356.4万元; 全年预算数合计73452万元: the adjusted budget, the budget's total)
    ("annual", r"(?:(?:追加后)?调整预算(?:数)?(?:为|是|至)|全年预算数合计(?:为|是)?)"),
    # transfer-payment and county reports state the totals in other words
    ("annual", r"(?:预算资金合计|指标金额(?:是|为)?|收到财政资金共|调整后全年预算资金)"),
    ("executed", r"(?:预算执行数合计|实际拨付金额(?:是|为)?|(?<=年)支出|已拨付(?:[\u4e00-\u9fff]{0,20}?资金)?)"),
    ("initial", r"年初预算合计"),
    ("initial", r"年初(?:财政)?安排[\u4e00-\u9fff]{0,24}?预算(?=\d)"),  # (年初安排某专项资金预算3600万元)
    # plainer words for the same totals (预算资金80万元, 调整后预算85万元, 实际执行76万元, 执行金额76万元)
    # (项目预算共计4500万元: the sum of the sources pooled for it)
    # (…补助资金预算12,460万元，已执行11,837万元: a fund's name before the bare 预算 and its figure)
    ("annual", r"(?:(?<!初)预算资金|调整后预算|全年预算|总预算|(?<!初)预算金额|(?<!初)预算总额|(?<!初)预算(?=共计|总计)"
               r"|(?:(?<=资金|经费)|(?<=[)）]))预算(?=\d))(?:为|是|共计|总计)?"),  # (某资金（某项）预算16000万元)
    ("executed", r"(?:实际执行(?:数|金额)?|(?<!预算)执行金额)(?:为|是)?"),
    ("annual", r"项目资金(?:总额)?(?:为|是|共)?"),  # (项目资金35.6万元，已全部支付: a lone figure is the budget)
    ("executed", r"已支付(?:资金)?"),
    # (已执行427.5万元: 已 before the bare 执行)
# the year's funds received or in place (共收到…补助资金1236.8万元, 资金到位68万元), spent (已支出…元)
    # (共到位资金1.575亿元: the words the other way round)
    ("annual", r"(?:(?:共|(?<![\u4e00-\u9fff])|(?<=[)）]))收到[\u4e00-\u9fff]{0,20}?(?:资金|经费)|(?:资金|经费)到位|(?<![未不])(?:共|累计)?到位(?:资金|经费))(?:共|合计)?"),
    ("executed", r"(?:已支出(?:资金)?|已执行(?=\d)|全年执行(?:资金|经费)?(?:为|是|共)?(?=\d)|(?<![\u4e00-\u9fff])执行(?=\d)|(?:(?<=[该本])|(?<=[，,。；;\n]))项目(?:实际)?支出(?:资金)?|(?<=年[底末])支出)"),
    ("annual", r"(?:(?<!初)预算安排(?:资金|经费)?|资金共计|(?<![初年后])预算数(?:为|是)?)"),
    # (省财政安排某专项资金3000万元，已执行2850万元: the year's money put to the fund is its budget; money put onward
    # to other units is an allocation (PROSE_ALLOCATION), not the fund's)
    ("annual", r"(?:财政|共|累计)?(?<!预算)安排[\u4e00-\u9fff]{0,24}?(?:资金|经费)(?:共|合计)?(?:为|是)?(?=\d)"),
    # (a transfer payment's year in other words: 全年实际执行资金 / 累计支出资金 / 全年共支出 / 实际使用资金…万元)
    ("executed", r"(?:(?:全年|累计)(?:实际)?(?:执行|支出|使用)|全年共支出|实际使用)(?:资金|经费)?(?:共|合计)?(?:为|是|达)?(?=\d)"),
)
# the same fields printed after their amount (1,260万元的年初预算于2月批复下达; 1,352.4万元已实际支付)
PROSE_AMOUNT_AFTER: tuple[tuple[str, str], ...] = (
    ("initial", r"的?年初预算(?:数|资金)?"),
    ("annual", r"的?(?:全年预算|调整后预算)(?:数|资金)?"),
    ("executed", r"(?:已|已经)(?:全部)?(?:实际)?(?:支付|支出|拨付)(?!至|到|给)"),
)
# an amount before its label, searched with no label to anchor it: from a number's first digit only (not from each
# digit of a run after the first, nor after a digit and its group comma), its digits taken whole (a long run of
# digits was read to its end from each of its digits: quadratic)
PROSE_LEAD_AMOUNT = r"(?<!\d)(?<!\d,)(\d++(?:,\d++)*+(?:\.\d+)?)\s*(亿元|万元|元|万(?![\u4e00-\u9fff]))"
# a sentence allocating money onward to other units (its amounts are theirs, not the project's funds)
PROSE_ALLOCATION = r"下达(?:至|到)?各|下拨(?:至|到)?各|分配(?:至|到|给)|拨付(?:至|到|给)?各|切块下达|(?:分解|分配)下达"
# money put to the project (市财政下达某项目资金85万元, 市级财政安排…资金) with no spending or rate stated: an allocation notice,
# not the project's funds (records.md: funds only where the report states its 预算, 执行 and 执行率)
PROSE_HANDED_DOWN = r"安排|下达|下拨"
PROSE_SPENDING_WORDS = r"执行|支出|支付|使用|拨付"
# the same words as the generator prints them in its prose reports (models/synth_prose.py), by field
PROSE_PRINTED: dict[str, tuple[str, ...]] = {
    "initial": ("年初预算", "年初预算数为", "年初预算合计", "年初预算安排资金"),
    "annual": ("全年预算数为", "调整后预算数为", "预算资金合计", "全年预算金额为", "调整后全年预算资金", "全年预算数"),
    "executed": ("全年执行数为", "实际支出", "全年预算执行数合计", "执行数为", "实际拨付金额为", "预算执行数"),
    "rate": ("执行率为", "预算执行率为", "执行率", "完成预算的"),
    "dept": ("项目主管部门:", "主管部门:", "主管部门：", "主管单位:"),
    "impl": ("项目实施单位:", "实施单位:", "实施单位：", "预算单位:"),
    "name": ("项目名称:", "项目名称：", "转移支付(项目)名称:"),
    "target": ("年初目标值", "目标值", "指标值为", "年度指标值", "计划"),
    "actual": ("实际完成值", "实际完成值为", "完成值", "实际完成"),
    "score": ("自评得分", "得分", "得"),
    "weight": ("分值", "权重"),
    "total": ("项目自评分:{t}分", "自评得分{t}分", "综合评分为{t}分", "因此评价分{t}分", "自评得分:{t}分", "总得分{t}分"),
    "grade": ("自评等级为{g}", "评价等级为{g}", "等级为{g}"),
    "title": ("{name}项目支出绩效自评报告", "{name}绩效自评报告", "关于{name}的绩效自评报告", "{name}绩效自评报告",
              "{name}项目绩效自评情况"),
    "heading": ("一、项目基本情况", "(一)项目概况", "二、绩效目标完成情况", "(四)绩效指标完成情况分析", "三、自评结论",
                "一、自评结论", "(二)绩效目标完成情况", "四、存在的问题", "五、下一步改进措施", "(三)资金使用情况"),
}
# (a transfer payment's 中央主管部门 is the ministry above: the department is the 地方主管部门, records.md)
# (主管部门和实施单位均为某局: one unit for both, said in one sentence)
PROSE_DEPT_LABEL = r"(?<!中央)(?:主管部门|主管单位)(?:及代码|[和及与]实施单位(?:均|都))?"
# an indicator stated in a sentence: 年初目标值X，实际完成值Y，自评得分Z分 (初目标值: a slip seen in print)
# (计划≥95%: a bare 计划 before a value; 实际为0.3‰ / 实际达到96%: the actual without 完成)
# (名称：计划长效运行，实际完成长效运行: a bare 计划 right after the name's colon, before words; 预期较上年提高50公斤: a
# comparison after 计划 / 预期 too)
# (2023年度目标值为≥800: the year before the cue's own year word; 计划于2023年10月底前完成: a date planned)
PROSE_TARGET_CUE = (r"(?:(?:20\d{2}(?=年度|全年))?(?:年初|初|年度|全年|计划|预期)?(?:目标值|指标值|目标)|计划(?:完成|值|数|达到)"
                    r"|(?:计划|预期)于?(?=[≥≤><=＞＜\d]|较上年|较去年|同比)|(?<=[:：])(?:计划|预期))")
# a target printed with its bound and no cue before it (名称：控制在1500元/人次以内，实际…)
PROSE_TARGET_BOUND = r"控制在|不超过|不高于|不低于|不少于"
# a target printed as a change on the year before, with no cue (名称，较上年下降，实际下降3.2%)
PROSE_TARGET_COMPARED = r"较上年|较去年|同比"
# (年度完成值 / 年末实际值 / 实际完成数: other bureaus' words for the same value)
# (全省实际完成3386处: a transfer payment's report speaks for its whole region; 实际完成时间为2023年11月25日)
PROSE_ACTUAL_CUE = r"(?:(?:全年|年度|年末|年底|全[省市县区州盟旗])?(?:实际)?(?:完成值|完成情况|完成时间|实际值|完成数|实际数|完成(?!率|程度|比例|值))|实际达到|实际(?=为|是))"
# a bare 实际 before the actual, its verb or none (实际管护218.6万亩, 实际0.12‰, 实际较上年提高0.3个百分点), read only
# after a cued target (名称目标X，实际…); never money moving (实际支出, PROSE_FUNDS_ACTUAL)
# (a comparison or an approximation is part of the value: 实际提高1.3个百分点, 实际约920万元)
# (实际覆盖约3.6万人次: the approximation after the verb is the value's, as right after 实际)
PROSE_BARE_ACTUAL_CUE = (r"实际(?!\s*(?:支出|到位|拨付|执行|使用资金|完|达))"
                         r"(?:(?!提高|增长|增加|下降|降低|减少|上升|缩短|提升|约|近|超)(?:(?!约|近)[\u4e00-\u9fff]){1,4}?"
                         r"(?=(?:约|近)?[≥≤><=＞＜]?\d))?")
# a survey's result standing for the actual of a satisfaction or rate indicator (满意度≥90%，问卷调查满意度为94.6%;
# 目标≥92%，问卷调查结果为96.1%): the survey's words, before its 为 / colon / figure
PROSE_SURVEY_ACTUAL_CUE = (r"(?:经)?(?:问卷|抽样|入户|第三方)?(?:调查|测评)(?:结果|满意度|满意率)?(?:达到)?"
                           r"(?=为|[:：]|[≥≤]?\d)")
# the same run together without punctuation: …发放指标为100%实际完成值为96%
PROSE_RUN_TARGET_CUE = r"(?:指标值?|目标值?)(?:为|是|[:：])"
PROSE_RUN_ACTUAL_CUE = r"[,，]?实际完成值?(?:为|是|[:：])?"
# (得10分: the shorter form; 实际得分 / 指标得分 / 评分 / 实得15分: other bureaus' words)
# (得满分15分: the full mark scored, the weight as well: prose_indicators)
PROSE_SCORE_CUE = r"(?:(?:自评|实际|指标|评价)?得分|(?<![\u4e00-\u9fff])评分|实得分?|得满分(?=\s*\d)|得(?=\s*\d))"
# (该指标分值15分: the sentence refers back to its indicator)
# (权重分 / 标准分 / 满分15分 where a sentence prints the full mark in the weight's place)
# (该指标10分，得10分: the full mark said of the indicator, with no word for it)
# (该项指标分值20分: both words of reference before it)
PROSE_WEIGHT_CUE = r"(?:(?:(?:该项?)?指标|该项)?(?:分值|权重(?:分值?)?)|标准分值?|满分值?|该(?:项指标|指标|项)(?=\s*\d+(?:\.\d+)?\s*分))"
# the full mark printed after a score (得分20分（满分20分）): the indicator's 分值
PROSE_FULL_MARK_CUE = r"满分"
# a completion rate some reports print between the actual and the marks (指标完成率100%)
# (达到目标值的95%: the same ratio in words)
PROSE_COMPLETION_CUE = r"(?:(?:指标)?完成(?:率|程度|比例)|达到(?:年度)?目标值?的)"
# an indicator stated as labeled fields: 指标名称：…；年度目标值：…；实际完成值：…；分值：…；得分：…
PROSE_FIELD_NAME_CUE = r"(?:(?:三级)?指标名称|(?<![\u4e00-\u9fff])指标)"  # (（1）指标：…；目标：…；完成：…)
# an enumerator opening an item of a sentence (一是…；二是…), not part of the indicator's name
PROSE_ENUMERATOR = r"[一二三四五六七八九十]是"
# what joins an indicator's levels before its name on one line (产出指标—数量指标—名称：…): dashes of any length or
# spaced (— —, ——, －－ NFKC -> --), a hyphen, a slash, an arrow or a greater-than sign (＞ NFKC -> >), an ideographic
# comma, a middle dot
PROSE_LEVEL_SEPARATOR = r"(?:[ \t]*(?:[—―─–]{1,2}(?:[ \t]*[—―─–]{1,2})?|-{1,2}|/|>|→|、|·)[ \t]*)"
# what a funds sentence says between 实际 and its figure (实际支出3046.4万元, 实际到位资金…): no indicator's actual
PROSE_FUNDS_ACTUAL = r"支出|到位|拨付|执行|使用资金"
# a sentence's words before a score, grade or rate that make it the whole department's, no project's
# (部门整体支出绩效自评得分91.5分，等级为优; 部门预算执行率98.6%): searched in the sentence up to the figure's label
PROSE_WHOLE_UNIT = r"(?:部门|单位)整体|整体支出|部门(?:预算)?$"
# a phrase opening a funds sentence's date, never an indicator's name (截至2023年12月31日，实际支出…)
PROSE_DATE_LEAD = r"截至|截止"
# (项目单位：…, 项目单位（盖章）：… on a Word report's cover: the unit carrying the project out)
# (资金使用单位：…: a transfer payment's implementer, records.md)
PROSE_IMPL_LABEL = (r"(?:实施单位|预算单位|资金使用单位|(?<![\u4e00-\u9fff])项目单位)"
                    r"(?:[(（]盖章[)）]|(?<=主管部门[和及与]实施单位)(?:均|都))?")
# a label that ends the 项目名称 value before it where line breaks were lost (项目名称：某项目 主管部门：…)
PROSE_NEXT_LABEL = r"(?:(?:项目|中央|地方)?(?:主管|实施|预算单位)|项目单位|资金使用单位)"
# what a bracket after a report's title says about the document itself (公示稿, 终稿, 2023年度), never a project
PROSE_TITLE_NOTE = r"稿$|版$|^(?:公示|摘要|全文|简本|节选|附件)$|年度?$"
# a report's year as its title or its first sentence prints it: 2022年, 2022年度, or in Chinese numerals 二〇二二年度
PROSE_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年度?"
# a word after a report's title that says the page makes it public (…绩效自评报告公示, …自评结果的公示, …报告的公告)
PROSE_TITLE_NOTICE = r"(?:的)?(?:公示|公开|公告)"

# an indicator printed as a block of labeled lines, one field a line (a Word form pasted as text):
# 二级指标：数量指标 / 指标名称：受益学生人数 / 年度目标：≥28000人 / 实际完成：28416人 / 分值：10分　得分：10分
PROSE_BLOCK_LABELS: tuple[tuple[str, str], ...] = (
    # (（1）名称：禁牧面积: the bare word after an item's number; 三级指标：名称 as a form's label lines print it)
    # (指标: 名称 / 指标值: / 完成值: / 权重: / 自评分: a bureau's shorter labels)
    ("name", r"(?:(?:三级)?指标)?名称|三级指标|指标(?=[ \t\u3000]*[:：])"),
    ("level1", r"一级指标"),
    ("level2", r"二级指标"),
    ("target", r"(?:年度|全年|年初|计划)?(?:目标值?|指标值)"),
    ("actual", r"(?:全年|年度)?(?:实际完成值?|实际值|完成值|(?:实际)?完成情况)"),  # (【名称】 / 年度目标： / 完成情况：)
    ("weight", r"(?:指标)?(?:分值|权重)"),
    ("score", r"(?:自评|指标)?得分|自评分"),
)
# a bullet glyph opening an item or a heading as some sites print them (◆产出指标 / ■新建停车泊位：目标…)
PROSE_BULLET = r"[■□●○◆◇▲△►▶•★☆]"
# a key project's heading label, numbered in words or digits (项目二：某项目, 重点项目1：…, 子项目一：…): a name follows it
PROSE_PROJECT_KEY = r"(?:重点|子)?项目[一二三四五六七八九十\d]{1,2}"
# that label as a heading prints it, after a bullet and an ordinal (◆项目1, （一）子项目一, 二、重点项目三): a name follows
# its colon (prose_headings reads the heading, value_spaces the name's stray space)
PROSE_KEY_HEADING = (rf"(?:{PROSE_BULLET})?[ \t\u3000]*+(?:[(（][一二三四五六七八九十]{{1,3}}[)）]|[一二三四五六七八九十]{{1,3}}、)?"
                     rf"[ \t\u3000]*+{PROSE_PROJECT_KEY}")
# a site's navigation line (网站首页 | 机构概况 | …, 您现在的位置: 首页 >> …): a unit's line over it is the site's name
# (无障碍浏览 | 长者模式 | 登录: a portal's accessibility bar under its name)
PAGE_NAVIGATION = r"首页|当前位置|现在的位置|网站地图|无障碍|长者模式|适老化"
# a long dash opening an indicator's line as a bullet (——城乡低保对象保障人数：年度指标值≥5200人，…), before its words only
PROSE_DASH_BULLET = r"(?:[—―─]{1,2}|-{2})(?=[\u4e00-\u9fff“\"])"
# what a sentence says after a target when it compares (完成目标: the target met, no actual)
PROSE_TARGET_MET = r"(?:年度)?目标(?:任务)?"
# an adjusted target printed after the year's first one (年初目标值600台，调整后目标值650台)
PROSE_ADJUSTED_TARGET_CUE = r"调整后(?:的)?(?:年度|全年)?(?:目标值|指标值|目标)"
# an interim figure between the target and the year's actual (1-6月监测值83.2%，7-12月监测值87.6%，全年实际完成值…):
# a monitoring reading of part of the year, no value of the indicator
PROSE_INTERIM_CLAUSE = r"[^,，;；。:：\n]{0,10}?(?:监测值|抽查值|月均值)[^,，;；。:：\n]{1,12}?[,，;；]\s*"
# a project's budget code printed as a labeled line of the report (项目编码：532524231100000004817)
PROSE_CODE_LABEL = r"项目(?:编码|代码|编号)"

# indicators listed in one sentence, their values in parallel (分别是“A”和“B”，目标值分别为≥3200人和≥480人，实际完成值分别为
# 3356人和502人，分值各10分，各得10分): the words joining a list's items, and those saying each item has its own value
# (分别) or all the same one (各)
PROSE_LIST_JOIN = r"(?:以及|和|及|与|、)"
PROSE_EACH = r"(?:分别|各|均)"
# the words introducing a list's items (分别为A（…）和B（…） / 为A（…）): no part of the first name
PROSE_LIST_LEAD = r"(?:分别|均)?(?:为|是|包括)"  # (均为100%: all the same value, as 各)
# the words ending a name that states a sum of money (全年预算数, 实际支出, 到位资金): a funds clause, no indicator
PROSE_MONEY_NAME_END = r"(?:预算数?|资金|经费|支出数?|金额|总投资|执行数|拨付数?)$"  # (带动…投资 is an effect)
# where an indicator's name ends and its value begins when a report states them run together (不少于150家, 较上年增长5%,
# ≥90%): a bound or comparison word, an operator or a figure
PROSE_VALUE_START = r"较上年|较去年|同比|不少于|不低于|不超过|不高于|控制在|达到|[≥≤><=＞＜\d]"
# the name column's label before an indicator's name, where a CMS writes a form's fields out (三级指标为名称，…)
PROSE_NAME_COLUMN_SAID = r"(?:(?:三级)?指标名称|三级指标)(?:为|[:：])"
# what a fund's name ends with (某专项资金, 某工作经费): before 项目支出绩效自评报告 the 项目 is the report's word, not
# the fund's (a fund is not called 某资金项目)
PROSE_FUND_END = r"(?:资金|经费|专项)$"
# a web page's links to other pages around a report: a line opening with one of these (上一篇：某局…绩效自评报告), a
# bulleted line (· 某局2024年部门预算), and the lines listed under a heading line of these words (相关文章 / 相关阅读)
PROSE_LINK_LEAD = r"上一篇|下一篇|上一条|下一条|上篇|下篇|[·•▪►]"
# a numbered line holding only a report's or table's title, a file's name at most (2.某县2022年度某资金绩效自评报告,
# （2）…, ①…, 1.某项目绩效自评表.xls): where two or more stand in a row they list the page's reports or attachments (links)
PROSE_LISTED_TITLE = (r"^[ \t\u3000]*(?:附件)?(?:\d{1,2}[.．、]?|[(（]\d{1,2}[)）]|[①-⑳])[ \t\u3000]*[^\s。；;，,][^\n。；;，,]{3,80}?"
                      r"(?:报告|自评表|评价表|说明|结果)(?:\.(?:pdf|docx?|xlsx?|wps))?[ \t\u3000]*$")
# a generic report title naming both reports a page holds (部门整体支出及项目支出绩效自评报告): no project's words
PROSE_BOTH_REPORTS = r"(?:(?:部门整体|整体|项目)支出[及和与、]?){2,3}绩效(?:自评|评价)"
# a project's part score: the sentence gives a part of the marks its weight first (预算执行率指标权重10分，自评分9.69分)
PROSE_PART_WEIGHT = r"指标(?:权重|分值)(?:合计)?\d+(?:\.\d+)?分[,，]"
# a unit referring to itself where a name is due (实施单位：本院): it names nobody (data/dev/LABELING.md R2.4)
PROSE_SELF_UNIT = r"(?:本|我)(?:单位|院|局|中心|所|站|部门|厅|委|馆|校|办|队|镇|乡|街道)"
# a line naming an attachment of the report (附件1：某局2023年度部门整体支出绩效自评表): a file's name, none of its text
PROSE_ATTACHMENT_LEAD = r"附件\d{0,2}[:：]|附表\d{0,2}[:：]"
# the heading of a project report's part on a page holding a 部门整体 report before it (第二部分　项目支出绩效自评报告)
PROSE_PROJECT_PART = r"^[ \t\u3000]*(?:第[一二三四五六七八九十]部分[ \t\u3000]*)?[^\n]{0,30}?项目(?:支出)?绩效自评报告[ \t\u3000]*$"
PROSE_LINK_LIST_HEADING = (r"相关(?:文章|阅读|链接|信息|新闻|文档|推荐|报道|内容)|推荐阅读|延伸阅读|热点(?:文章|推荐)|热门(?:文章|推荐)"
                           r"|最新(?:文章|发布)")
# what follows a report's own title on its page and never a link: the publication's date, source or hit count, a
# font-size switch (发布时间：… 来源：… 浏览次数：, 【字体：大 中 小】)
PROSE_TITLE_METADATA = r"发布(?:时间|日期|机构)|(?:信息)?来源[:：]|浏览(?:次数|量)|阅读(?:次数|量)?[:：]|点击(?:数|量)|日期[:：]|时间[:：]|【?字体|【?字号"
# a measure word in brackets after a figure's unit (2600件(套), 1356人(次)): part of the figure
PROSE_UNIT_BRACKET = r"[(（][套次台件个人户座辆株头只册间][)）]"
# a report published as questions and answers names an indicator by the words of its question before the asking ones
# (补贴性职业技能培训人次完成了多少？ / 取证人数是否达到目标？ / 审核准确率怎样？): a verb of result before 多少 / 几 / 怎样 is
# the question's too
PROSE_QUESTION = (r"(?:(?:完成|达到|实现|取得|提升|提高)了?)?"
                  r"(?:是否|有没有|有无|能否|是多少|多少|怎样|怎么样|如何|几[个项次人])")
# a footnote mark after a value (实际87.5%（注1）): no part of it
PROSE_FOOTNOTE = r"[ \t]*[(（]注[\d一二三四五六七八九十]{0,2}[)）]?$"
# a report explaining its marks by deduction (分值10分，扣2分 / 分值10分，未扣分): the words of a deduction and of none
# (no score: the score is not printed, invr04)
PROSE_DEDUCTION = r"(?:扣|扣减)\d+(?:\.\d+)?[ \t]*分|未扣分|不扣分|无扣分"
# the total row of a summary table of marks in a report's text (合计　100　94.5 / 合计 | 100 | 97.5): the full marks
# printed before the score
PROSE_TOTAL_ROW = r"(?:合计|总计|(?:自评|综合)?总得?分)"  # (自评总分　100　95.6: the row named for the score)
# the header words of a summary table of projects printed as text (序号 项目名称 主管部门 预算数 执行数 执行率 自评得分
# 自评等级), by field, tried in this order (执行率 before 执行数, 年初预算 before 预算数)
PROSE_ROSTER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("index", r"^(?:序号|编号)$"),
    ("name", r"项目名称|^项目$"),
    ("rate", r"执行率"),
    ("initial", r"年初预算"),
    ("annual", r"全年预算|调整后预算|预算数|预算金额|预算资金|^预算$"),
    ("executed", r"执行数|全年执行|执行金额|实际支出|支出数|决算数"),
    ("score", r"得分|分数"),
    ("grade", r"等级|等次"),
    ("department", r"主管部门|主管单位|部门名称"),
    ("implementer", r"实施单位|预算单位|单位名称"),
)

# a header row of a small funds table that a label reader may take for a 项目名称 and its value (项目名称　预算数　执行数
# 执行率): the column words only, no name
FUNDS_HEADER_RUN = (r"(?:(?:年初|全年|调整后)?预算(?:数|金额|资金)?|(?:全年)?执行(?:数|率|金额)|实际支出(?:数)?|支出数|决算数"
                    r"|(?:自评)?得分|分值|(?:自评)?等级|主管部门|实施单位|[(（](?:万元|元)[)）])+")

# a small unit's plan and result in one clause (名称确保不少于12km，已完成12.6km; 名称力争达到800人，截至12月底已完成5.2km;
# 名称6家，已运营6家): the words pledging the target, none of its value (确保/力争/争取 and the verb after them)
PROSE_PLEDGE = r"(?:确保|力争|争取)(?:达到|完成|实现)?"
# the words opening the result after the target: a date, a check (经问卷调查), then 已 / 累计 / 共计 / 实际 and a verb
PROSE_RESULT_LEAD = (r"(?:截至[^,，;；。\n]{1,10}?[,，]?)?(?:经[^,，;；。\n]{1,12}?)?(?:已|累计|共计|实际)(?:累计|共计)?"
                     r"(?!支出|到位|拨付|执行|使用资金)(?P<verb>[\u4e00-\u9fff]{0,4}?)(?:为|达到|是)?")

# a conclusion line right after a table's last row states that table's score and grade (自评结论：该项目2023年度绩效
# 自评得分92.5分，自评等级为"优"。): the label that opens it
CLOSING_STATEMENT = r"(?:绩效)?(?:自评|评价)(?:结论|结果)[:：]"
