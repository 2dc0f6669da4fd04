"""Words in raw text, before any layout: where a table or a report is (the tagger's regions) and header words
as printed (the weak labeller's HEADER spans)."""

from __future__ import annotations

import re



# ---- raw text, before any layout: where a table is (tagger) and its header words (weak labels)
# table vocabulary, spaces allowed inside (得 分): text near one of these is tagged
TABLE_TRIGGERS = re.compile(
    r"项目名称|主管部门|实施单位|资金总额|[一二三]级\s*指\s*标|[量效时本益意]\s*指\s*标|指标值|完成值|分\s*值|得\s*分|总\s*分|权\s*重|执行率"
)
# a prose report or a mirror page prints no table word; these words (in simplified characters) mark where it
# states its facts
REPORT_TRIGGERS = re.compile(r"绩效|自评|预算|执行数")
# a report's or a table's title names the project before any table word: always a place to tag
TITLE_TRIGGERS = re.compile(r"自评报告|自评表|绩效目标自评|评价报告")
# header words as printed in raw text (full- or half-width brackets), marked HEADER by the weak labeller
PRINTED_HEADER_WORDS = re.compile(
    "项目(?:\\(政策\\)|（政策）)?名称|主管部门(?:及代码)?|实施单位(?:（盖章）|\\(盖章\\))?|预算单位|项目资金|年初预算数?|目标申报数|预算编制数|"
    "全年预算数(?:（A）|\\(A\\))?|调整后预算数|全年执行数(?:（B）|\\(B\\))?|预算执行数|全年执行金额|预算执行率|执行率(?:（B/A\\)|\\(B/A\\))?|"
    "年度资金总额[：:]?|资金总额|一级\\s*指标|二级\\s*指标|三级\\s*指标|年度指标值|年初指标值|调整后指标值|指标值|度量单位|指标性质|"
    "实际完成值|全年完成值|完成值|分值|权重|得分|总分|偏差原因分析及改进措施|未完成原因分析|评价等级"
)


# ---- what a scan prints over the words (scan_overprint): a seal's own words (财务专用章, 业务专用章), and the
# bureau a seal names: a place word, then the unit's ending (丰水县林业局, 云崖县财政局, 枫林镇人民政府)
SEAL_WORD_END = "专用章"
SEAL_WORDS = r"[\u4e00-\u9fff]{0,4}" + SEAL_WORD_END
# the bureau a seal names without its place (财政局, 卫生健康委员会), read where 专用章 is read just below it
SEAL_BUREAU_WORD = r"[\u4e00-\u9fff]{1,6}?(?:局|委员会|中心)"
SEAL_BUREAU = r"[\u4e00-\u9fff]{1,6}?[省市县区旗镇乡][\u4e00-\u9fff]{1,12}?(?:局|委员会|人民政府|中心)"

# a site's download sentence glued after a run's last cell (…未达成预期指标免费下载此文档全文,请点击下载按钮): the
# preview stops there, the rest of the line is the site's, never a cell
PREVIEW_GLUED = re.compile(r"(VIP)?免费下载|下载[此本]?文档|(还剩|剩余)\d+页未读|预览已结束|点击查看更多")
