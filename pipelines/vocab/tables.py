"""The printed words of the self-evaluation tables: categories, field labels, column headers and their tolerant
recognition. The lists the readers, the segmenter and the collapsed-text reader derive from them are in
``stage_lists``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from jixiao.pipelines.normalize import squeeze


if TYPE_CHECKING:
    from jixiao.pipelines.map import Mapper


LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")
# the characters of a level-1 heading (and of the 绩效指标 caption): a merged cell printed vertically leaves them one a
# line, or one at the start of each row, when a scan is read by OCR (产 / 出 / 指 / 标)
VERTICAL_HEADING_CHARS = frozenset("".join(LEVEL1) + "绩效指标")
# level-1 headings that are no indicator categories (no rows kept under them; nor under 预算执行率(10分), the 50-point form's)
OTHER_LEVEL1 = ("项目决策", "项目过程", "项目管理", "履职效能")
LEVEL2_PARENT = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "产出指标",
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
    "社会公众满意度指标": "满意度指标",
}

# "(50分)", "(30 分)" allotments printed inside category cells (a third-party 评分表's "产出（40）" drops the 分)
_ALLOT = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]")
_L1_FORMS = {
    "产出指标": "产出指标", "产出": "产出指标", "项目产出": "产出指标", "产出类指标": "产出指标",
    "效益指标": "效益指标", "效益": "效益指标", "项目效益": "效益指标", "效益类指标": "效益指标",
    "满意度指标": "满意度指标", "满意度": "满意度指标", "满意度类指标": "满意度指标",
    "成本指标": "成本指标", "项目成本": "成本指标", "成本类指标": "成本指标",
    "效果指标": "效益指标",  # (records.md: headings map by meaning, 效果指标 -> 效益指标)
}
_L2_FORMS = {
    "数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标", "进度": "时效指标",
    "经济成本": "经济成本指标", "社会成本": "社会成本指标", "生态环境成本": "生态环境成本指标",
    "经济效益": "经济效益指标", "社会效益": "社会效益指标", "生态效益": "生态效益指标",
    "环境效益": "生态效益指标",  # (records.md: headings map by meaning, 环境效益 -> 生态效益指标)
    "可持续影响": "可持续影响指标", "服务对象满意度": "服务对象满意度指标",
    "社会公众满意度": "社会公众满意度指标", "社会公众或服务对象满意度": "服务对象满意度指标",
    "服务对象": "服务对象满意度指标", "社会公众": "社会公众满意度指标",  # a wrapped cell's first line (服务对象 / 满意度指标)
}


def _key(text: str) -> str:
    t = _ALLOT.sub("", squeeze(text))
    return t.rstrip(":：")


def fallback_level1(text: str) -> str | None:
    return _L1_FORMS.get(_key(text))


def fallback_level2(text: str) -> str | None:
    k = _key(text)
    if k in LEVEL2_PARENT:
        return k
    if k.endswith("指标"):
        k = k[:-2]
    return _L2_FORMS.get(k)


# Answers kept per level by each Categories. The service's extractor lives for the whole process and sees every cell
# of every document, so an unbounded cache grows without end (18,000 entries per level over the 37 seed and real-layout
# documents); a long 部门决算 brings ~8,000 distinct cells, and 4,096 keeps a document's repeats at under 2 MB.
CATEGORY_CACHE_SIZE = 4096
LABEL_CACHE_SIZE = 4096  # the label tests every reader asks of each cell (a 200 KB document: 200-2,400 distinct words)


class Categories:
    """Canonical level-1/level-2 names for printed category cells: the table here first, then the
    Mapper's exact and alias matches; answers are cached per instance, at most ``CATEGORY_CACHE_SIZE`` per level."""

    def __init__(self, mapper: Mapper | None = None):
        self._mapper = mapper
        self.level1 = lru_cache(maxsize=CATEGORY_CACHE_SIZE)(self._level1)
        self.level2 = lru_cache(maxsize=CATEGORY_CACHE_SIZE)(self._level2)

    def _mapped(self, text: str, level: str) -> str | None:
        """The mapper's answer when it is an exact or alias match: fuzzy heading matches would turn
        indicator names (工作满意度, 及时) into categories and break the row reading."""
        if self._mapper is None:
            return None
        match = self._mapper.match_level1 if level == "1" else self._mapper.match_level2
        found = match(_key(text))
        return found.name if found.method in ("exact", "alias") else None

    def _level1(self, text: str) -> str | None:
        if not text:
            return None
        return fallback_level1(text) or self._mapped(text, "1")

    def _level2(self, text: str) -> str | None:
        if not text:
            return None
        return fallback_level2(text) or self._mapped(text, "2")

    def tolerant(self, text: str) -> tuple[str | None, str | None]:
        """(level1, level2) of a cell known to hold a category, read with one OCR slip (社会效盆,
        满意虔指标); a slip as near two categories (贡量: 数量 or 质量?) or a non-category heading
        (项目决策, 绩效指标) gives nothing. Callers use it only where position says "category"."""
        core = _key(text)
        if len(core) < 3 or core in _CATEGORY_ANCHORS:
            return None, None
        word = nearest_word(core, _CATEGORY_VOCAB)
        if word is None or word in _CATEGORY_ANCHORS:
            return None, None
        return self.level1(word), self.level2(word)

    @staticmethod
    def parent(level2: str | None) -> str | None:
        return LEVEL2_PARENT.get(level2 or "")


# ---- field labels -----------------------------------------------------------------

def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# the words a project's name label prints (项目名称, 项目(政策)名称, 转移支付(项目)名称, 专项资金名称 …)
NAME_WORD = (r"((预算|二级)?项目(\(政策\))?|专项|政策|(专项)?资金|(政策|专项)\(项目\)|转移支付(区域)?(\(项目\)|项目)?)"
             r"名称")
NAME_LABEL = _rx(rf"^{NAME_WORD}[:]?$")
# a transfer payment's table prints 中央主管部门 and 地方主管部门: the department is the local one
# (a form's label may ask for a seal: 资金使用单位(盖章))
# one cell may label both (实施(主管)单位, a county that both runs and oversees a transfer): it fills both fields
JOINT_UNIT_WORDS = ("实施(主管)单位", "主管(实施)单位")
_JOINT_UNIT = r"|^(实施\(主管\)单位|主管\(实施\)单位)[:]?$"
DEPT_LABEL = _rx(r"^(地方|项目|业务)?(主管部门|主管部门及代码|主管单位|主管部门\(单位\)|主管部门名称|预算部门)(\(盖章\))?[:]?$"
                 r"|^(归口管理部门|部门名称)[:]?$" + _JOINT_UNIT)
IMPL_LABEL = _rx(r"^(实施单位|预算单位|项目实施单位|执行单位|实施单位名称|项目单位|资金使用单位|(项目)?承担单位|(项目)?实施主体"
                 r"|单位名称)(\(盖章\))?[:]?$" + _JOINT_UNIT)


# a header's annotation after its word: 预算数(A), 执行率(B/A), 得分(20分*执行率), 实际完成值(B)
HEADER_NOTE = _rx(r"[(（][^()（）]{1,12}[)）]$")


def header_core(text: str) -> str:
    """A header cell without its trailing annotation; the cell itself when nothing is left."""
    return HEADER_NOTE.sub("", text) or text


@lru_cache(maxsize=LABEL_CACHE_SIZE)
def field_label(word: str) -> bool:
    """A label of the project's field rows: 项目名称, 主管部门, 实施单位 and their variants."""
    return any(rx.match(word) for rx in (NAME_LABEL, DEPT_LABEL, IMPL_LABEL))


# labels printed on a project's field rows that are not fields of the record: they end the value before them
# (a transfer payment's 中央主管部门 is printed beside the 地方主管部门 the record takes)
OTHER_LABEL = _rx(r"^(项目负责人(及(联系)?电话)?|负责人|联系人|联系电话|填报人|填表人|审核人|项目类别|项目属性|项目类型"
                  r"|中央主管部门)[:]?$")
# a caption naming the unit of the amounts beside it (项目资金(万元), 资金情况（元）): no field's value
UNIT_CAPTION = _rx(r"\((万元|元|千元)\)$")


@lru_cache(maxsize=LABEL_CACHE_SIZE)
def any_label(word: str) -> bool:
    """A field row's label: one of the record's fields or another label printed beside them."""
    return field_label(word) or bool(OTHER_LABEL.match(word))


CODE_LABEL = _rx(r"^(项目编码|项目代码|项目编号)[:]?$")
TOTAL_SCORE_LABEL = _rx(r"^(总分|合计|总计|绩效自评总得分|自评总得分|自评总分|自评得分|项目自评得分|总得分|综合得分|评价得分)[:]?$")
GRADE_LABEL = _rx(r"^(绩效)?(自评|评价|综合评价|自评结论)?等级[:]?$|^(绩效)?(自评|评价)结论[:]?$")  # 自评等级, 自评结论, 等级 …
RATE_LABEL = _rx(r"^(执行率|预算执行率)(\(B/A\))?[:]?$")
SCORE_LABEL = _rx(r"^得分[:]?$")
FUNDS_TOTAL_LABEL = _rx(r"^((年度|项目|全年|本年)?(财政|预算)?资金总额|总额|合计|总计)[:]?")
# a funds label a table may merge over the rows below it (年度资金总额 over 小计 and its 其中 rows; a bare 其中:)
SPANNING_FUNDS_LABEL = _rx(r"^((年度|项目|全年|本年)?(财政|预算)?资金总额|其中)[:]?$")
LONE_BUDGET_LABEL = _rx(r"^(项目预算金额|年度预算数|年度预算金额|预算金额)(\((万元|元)\))?[:]?$")
EXECUTED_LABEL = _rx(r"^(全年执行数|预算执行数|全年执行金额|执行数)(\((万元|元)\))?[:]?$")

# 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号): 90 (inclusive) to 100 is 优, 80 to 90 良, 60 to 80 中,
# below 60 差. Local schemes may draw the bands differently, so a mismatch is reported, never corrected.
GRADE_BANDS = ((90.0, "优"), (80.0, "良"), (60.0, "中"), (float("-inf"), "差"))
GRADES = tuple(grade for _, grade in GRADE_BANDS)
# a grade as a table prints it -> the record's grade (contract: 优秀/良好/合格 give 优/良/中)
PRINTED_GRADES: dict[str, str] = {**{g: g for g in GRADES}, "优秀": "优", "良好": "良", "合格": "中"}
_GRADE_WORDS_LONGEST_FIRST = tuple(sorted(PRINTED_GRADES, key=len, reverse=True))


def record_grade(printed: str) -> str | None:
    """The record's grade for a printed one (优秀 -> 优, 合格 -> 中), also with text after it (优秀(95分));
    both the table readers and the tagger's spans go through it."""
    word = next((w for w in _GRADE_WORDS_LONGEST_FIRST if printed.startswith(w)), None)
    return PRINTED_GRADES[word] if word else None


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, each matched literally."""
    return "|".join(map(re.escape, words))


# the words of the weight (分值) and score (得分) columns, in the funds and the indicator table alike
# (records.md: under several score columns 单项得分 / 权重占比 / 折算得分, the weight is the 权重 column and the
# score the 单项得分 one; a 折算得分 is the score scaled by the weight, an OTHER column)
WEIGHT_WORDS = ("分值", "权重", "指标权重", "指标分值", "权重分", "标准分值", "分值权重", "指标分值权重", "满分", "权重占比")
SCORE_WORDS = ("得分", "指标得分", "自评得分", "实际得分", "评分", "单项得分")
# columns some provinces print beside the template's (the target's basis, last year's value, the scoring rule, the
# evidence, the indicator's explanation): a cell in each row, never the row's target, actual, weight or score
OTHER_COLUMN_WORDS = ("指标值设置依据", "上年完成值", "赋分规则", "评分规则", "评分标准", "佐证资料", "佐证材料", "指标解释",
                      "是否核心指标", "数据来源", "折算得分")

# column headers of the funds table, by field
FUNDS_HEADERS: list[tuple[str, re.Pattern[str]]] = [
    ("declared", _rx(r"^目标申报数")),
    ("compiled", _rx(r"^预算编制数")),
    ("initial", _rx(r"^年初(预算(数|金额)?|批复数|安排数)")),
    # (not 年度预算数: the seeds print it as the caption over 年初预算 and 调整后预算数)
    ("annual", _rx(r"^(全年预算(数)?|调整后?预算(数)?|全年预算金额|本年预算数|计划安排(资金|数)?|预算安排数|批复预算(数)?"
                   r"|本年度预算(数)?)|^预算数(\(A\))?$")),
    ("received", _rx(r"^实际到位(资金|数)?")),  # money received: printed between budget and spending, not a field
    ("executed", _rx(r"^(全年执行(数|金额)|预算执行数|当年执行数|执行数|实际支出(数|资金)?|全年实际支出|实际执行(数|金额)?"
                     r"|本年度执行(数)?|支出数)")),
    ("balance", _rx(r"^资金结")),
    ("rate", _rx(r"^(执行率|预算执行率|预算完成率|资金执行率)")),
    ("weight", _rx(rf"^({alternation(WEIGHT_WORDS)})(\(分\))?$")),
    ("score", _rx(rf"^({alternation(SCORE_WORDS)})(\(分\))?$")),
    ("reason", _rx(r"^(偏差原因|原因|备注)")),
]

# column headers of the indicator table, by slot
INDICATOR_HEADERS: list[tuple[str, re.Pattern[str]]] = [
    ("serial", _rx(r"^序号$")),
    ("l1", _rx(r"^一级(指标)?$")),
    ("l2", _rx(r"^二级(指标)?$|^指标类[别型]$")),  # (指标类别: one column of 产出数量 / 社会效益 / 满意度 words)
    ("name", _rx(r"^三级(指标)?(名称)?$|^(绩效)?指标名称$|^具体指标$|^(三级)?评价指标$")),  # (评价指标: a 评分表's)
    ("init_target", _rx(r"^年初(指标值|目标值)")),
    ("adj_target", _rx(r"^调整后(指标值|目标值)")),
    ("op", _rx(r"^运算符号$|^运算符$|^指标方向$")),  # 指标方向: 大于等于 / 小于等于 / 等于 in words
    ("nature", _rx(r"^指标性质$")),
    ("unit", _rx(r"^(度量|计量)单位$")),
    ("target", _rx(r"^(年度)?(指标值|目标值)$|^年度目标值$|^(预期|计划|绩效)(指标值|目标值)$|^(年度)?计划值$|^内容$|^年度(预期)?目标$")),
    ("actual", _rx(r"^(指标)?(全年|年度)?(实际完成|实际|完成)(值|情况|数)?$")),
    ("degree", _rx(r"^完成程度$|^(指标)?完成率$")),  # 指标完成率: the actual over the target, a column of its own
    ("weight", _rx(rf"^({alternation(WEIGHT_WORDS)})(\(分\))?$")),
    ("score", _rx(rf"^({alternation(SCORE_WORDS)})(\(分\))?$")),
    ("note", _rx(r"^定性(指标|值)?情况说明$")),
    # a column a province adds whose cells are no target, actual, weight or score (OTHER_COLUMN_WORDS)
    ("other", _rx(r"^(指标值?|目标值?)?(设置|设定|确定)依据$|^上年度?(实际)?(指标|完成|实际)(值|数|情况)$"
                  r"|^(指标)?(赋分|评分|计分|打分|得分计算)(规则|标准|方法|细则|办法)$|^(指标)?(佐证|证明)(资料|材料)|^指标(解释|说明)$"
                  r"|^是否(为)?核心(指标)?$|^(数据|指标)(来源|出处)$|^折算(得分|分值)$")),
    ("reason", _rx(r"(偏差原因|原因分析|改进措施|未完成原因)|^备注$")),
]

# a row whose text starts with one of these closes the indicator table
# a web page's chrome around a table: links and buttons, never a cell
_PAGE_CHROME = (r"附件(下载)?:|【?(打印|关闭)(本页|窗口)?】?$|打印本页|关闭窗口|上一篇|下一篇|分享到|返回顶部|扫一扫"
                r"|网站(导航|地图|首页)|首页$|联系我们")
PAGE_CHROME = _rx(rf"^({_PAGE_CHROME})")
# a document site's preview stops here (the rest of the file is behind its download button)
_PREVIEW_END = r"(?:还剩|剩余)\d+页未读|继续阅读|预览已结束|剩余(内容|部分)?已?隐藏|[.…]*此处(已)?隐藏|.{0,20}超出(免费)?预览范围|下载[此本]?文档|点击查看更多|相关(文档|资源|搜索|阅读|推荐|链接|信息|文章|新闻)(推荐)?:?$|猜你喜欢$|热门推荐$|VIP免费下载"
PREVIEW_END = _rx(rf"^({_PREVIEW_END})")
INDICATOR_END = _rx(r"^(总分|总得分|综合得分|评价得分|合计|总计|指标自评得分小计|项目绩效分析|自评结果分析|评价结论|自评结论|结果应用建议|负责人(?![员数次])|经办人(?![员数次])|填报日期|备注|说明$|说明:|填表说明|\(?注:"
                    r"|自评得分:?$|自评总分|项目自评得分|绩效自评总得分|自评总得分|(绩效)?自评等级|评价等级|绩效等级"
                    # (负责人 / 经办人 sign the form, 经办人员… / 负责人数 are indicators; 转移支付区域(项目)绩效目标自评表:
                    # the next table's title, a cell of its own; not a running header's 附件1, printed inside a scan)
                    r"|[^\t]{2,40}自评表$"
                    rf"|{_PAGE_CHROME}|{_PREVIEW_END})")
# a form's note and signature fields printed after its last row; where cells print one a line they close the
# indicator rows (in a tab table such a line may stand inside it, a row of data following)
FORM_FOOTER = _rx(r"^(说明:|填报单位|填表单位|填报人|填表人|联系电话|审核人(?![员数次]))")
# a report's numbered section heading (三、自评结论) after the table: the page's prose goes on, no row of the table
REPORT_SECTION = _rx(r"^[一二三四五六七八九十]{1,3}、[^\d\t]{2,16}$")
# the 2020 national template's indicator header (财预〔2020〕10号), in printed order: the columns assumed where a
# document site's preview jumps from the funds block into the indicator rows, the header between them lost
TEMPLATE_INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
# leading label cells that are section captions, not indicator content
# (a lone allotment, (50分), is what a merged level-1 cell leaves on the rows under its first: web text wraps it)
SECTION_CAPTION = _rx(r"^(年度)?绩效指标(完成情况)?(\(\d+(\.\d+)?分\))?$|^年度绩效指标完成情况$|^\(\d+(\.\d+)?分\)$")
# completion phrases printed in value columns; a "name" like this is a value whose name cell was blank
VALUE_PHRASE = _rx(r"^(全部或基本|部分)?(达成|未达成)预期指标")
# what a 指标性质 column prints when it is no operator: the indicator's kind or direction
NATURE_WORDS = frozenset(("定性", "定量", "正向", "反向", "正向指标", "反向指标", "共性", "个性", "共性指标", "个性指标"))
# an operator cell: a glyph, or the words some bureaus print in the 运算符号/指标性质 column (大于等于)
OPERATOR_WORDS = ("大于等于", "小于等于", "大于", "小于", "等于", "不低于", "不少于", "不高于", "不超过", "不大于", "不小于",
                  "不晚于", "不迟于", "不早于")  # (a deadline's: not later / not earlier than)
# (〉= and 〈=: the angle brackets an OCR engine reads for ≥ and ≤ on a scan)
OPERATORS = _rx(r"^(>=|<=|≥|≤|=|>|<|≧|≦|═|＞|＜|〉=|〈=|" + "|".join(OPERATOR_WORDS) + ")$")
# a target, actual, weight or score as printed opens with an operator glyph or a number (≥120公里, 96%, 20)
VALUE_START = _rx(r"^(?:[<>=≥≤≧≦＞＜＝═]|[-+]?\d)")
DEPT_WIDE = _rx(r"整体(支出)?绩效自评表|部门整体|\(单位\)整体")
# a table's title repeated at the top of its next page: the same table goes on (…自评表（续）, 续表)
CONTINUED_TITLE = _rx(r"\(续\)$|^续表|续表$")
# a scanned report's running page header, printed again at the top of each page (…项目支出绩效自评报告  附件1): no
# table row, and no end of the table it cuts
RUNNING_HEADER = _rx(r"(自评报告|自评表|评价报告)$")
RUNNING_HEADER_MARK = _rx(r"^(附件|附表)\d*$")
TABLE_TITLE = _rx(r"(绩效自评表|自评表)")
# a title naming its project: [year]NAME项目[支出][绩效]自评表 (外贸发展项目绩效自评表 -> 外贸发展项目)
TITLE_PROJECT_NAME = _rx(r"^(?:\d{4}年度?)?(?P<name>.{2,40}?项目)(?:支出)?(?:绩效)?自评表$")
# marks a page prints beside a table's values, never part of one: a page or table number, a stamp or signature, a
# year line; the readers add what else ends a value where they look (another field, a unit note)
MARGIN_MARK = r"^第\d+页|^共\d+页|^-\d+-$|^[★*]|盖章|签字|^附表|^公开\d+表$|^(?:公开|附)?表\d+$|^\(\d{4}年度?\)$"


# ---- tolerant recognition of printed label words ------------------------------------

# Every label, column header and full category word the parser keys on, as printed in the
# templates. A cell one OCR slip away from one of these (项目名祢, 三级指摽, 实际完戍值) is read
# as that word. Short category forms (社会效益, 服务对象满意度) are left out on purpose: indicator
# names sit one character away from them (社会效果, 服务对象满意率).
LABEL_WORDS: tuple[str, ...] = tuple(dict.fromkeys("""
项目名称 项目(政策)名称 政策名称 主管部门 主管部门及代码 主管单位 实施单位 预算单位 项目实施单位 执行单位 项目编码 项目代码
资金名称 专项资金名称 政策(项目)名称 专项(项目)名称 二级项目名称 业务主管部门 归口管理部门 承担单位 项目承担单位
项目编号 项目属性 项目资金 年初预算数 全年预算数 全年执行数 预算执行数 全年执行金额 调整后预算数 全年预算金额 年度预算数
项目预算金额 预算金额 年度预算金额 目标申报数 预算编制数 资金总额 年度资金总额 项目资金总额 预算执行率 预算完成率 资金结余
一级指标 二级指标 三级指标 指标名称 年初指标值 调整后指标值 年初目标值 调整后目标值 年度指标值 年度目标值 预期目标值 运算符号
度量单位 计量单位 指标性质 实际完成值 全年完成值 实际完成情况 全年实际完成值 完成程度 指标分值 自评得分 定性指标情况说明
定性值情况说明 偏差原因分析及改进措施 未完成原因分析 绩效自评总得分 自评总得分 项目自评得分 指标自评得分小计 评价等级 自评等级
绩效等级 项目产出 项目效益 项目成本
""".split() + [*LEVEL1, *LEVEL2_PARENT]))
_LABEL_SET = frozenset(LABEL_WORDS)
# Printed words that are near a label word but are not one (绩效指标 is one edit from 时效指标): when
# one of these is the nearest word, the cell is left as printed.
ANCHOR_WORDS: tuple[str, ...] = tuple(w for w in dict.fromkeys("""
绩效指标 年度绩效指标 绩效目标 年度绩效目标 项目年度绩效目标 年度目标 总体目标 实施期目标 年度总体目标 项目决策 项目过程
项目管理 项目概况 立项依据 资金管理 组织实施 产出情况 效益情况 项目期 项目资金来源 资金来源 偏差原因 原因分析 其他资金
单位自筹 财政拨款 项目支出 部门整体 绩效自评 自评结果 科目名称 科目代码 科目编码 单位名称 单位代码 部门名称 部门代码
账户名称 项目类别 项目类型 资金性质 预期目标 实际完成
""".split()) if w not in _LABEL_SET)
_VOCAB = LABEL_WORDS + ANCHOR_WORDS
# A label word must be this long to be matched with one slip: shorter words (执行率/执行数,
# 分值/得分) are one character apart from each other.
TOLERANT_MIN_LENGTH = 4
_LABEL_TAIL = re.compile(r"(?:[:]|\([^()]{1,10}\))+$")
_HAS_DIGIT = re.compile(r"\d")


def nearest_word(text: str, words: tuple[str, ...] | list[str], max_distance: int = 1) -> str | None:
    """The one word within ``max_distance`` edits of ``text`` (rapidfuzz Levenshtein); None when
    there is none or when two words are equally near (a slip that could be either is not guessed)."""
    found = process.extract(text, words, scorer=Levenshtein.distance, score_cutoff=max_distance, limit=2)
    if not found or (len(found) > 1 and found[1][1] == found[0][1]):
        return None
    return found[0][0]


@lru_cache(maxsize=65536)
def repair_label(clean: str) -> str:
    """A cell's whitespace-free text with an OCR-slipped label word put right; anything else unchanged.

    ``项目名祢`` -> ``项目名称``, ``三级指摽`` -> ``三级指标``, ``产岀指标(50分)`` -> ``产出指标(50分)``,
    ``项目名祢:老字号`` -> ``项目名称:老字号``. Values (numbers, names, long text) are never touched:
    a cell is repaired only when its label part is one substituted character away from exactly one
    label word.
    """
    if not clean or len(clean) > 40:
        return clean
    head, sep, rest = clean.partition(":")
    tail_m = _LABEL_TAIL.search(head)
    core, tail = (head[: tail_m.start()], head[tail_m.start():]) if tail_m else (head, "")
    if (core in _LABEL_SET or len(core) < TOLERANT_MIN_LENGTH or len(core) > 12
            or _HAS_DIGIT.search(core)):
        return clean
    word = nearest_word(core, _VOCAB)
    # an OCR slip replaces a character; one more or one fewer makes another word (项目总成本 is no 项目成本)
    if word is None or word not in _LABEL_SET or len(word) != len(core):
        return clean
    return word + tail + sep + rest


# the column words of the funds and indicator headers, by field (for the tolerant second pass)
FUNDS_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "declared": ("目标申报数",), "compiled": ("预算编制数",), "initial": ("年初预算数", "年初预算", "年初预算金额"),
    "annual": ("全年预算数", "调整后预算数", "全年预算金额", "全年预算", "调整预算数"),
    "executed": ("全年执行数", "预算执行数", "全年执行金额", "当年执行数", "执行数", "支出数"),
    "balance": ("资金结余", "资金结转结余"), "rate": ("执行率", "预算执行率", "预算完成率"),
    "weight": WEIGHT_WORDS, "score": SCORE_WORDS, "reason": ("偏差原因", "原因", "备注"),
}
INDICATOR_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "l1": ("一级指标",), "l2": ("二级指标",), "name": ("三级指标", "指标名称", "三级指标名称", "绩效指标名称", "具体指标"),
    "init_target": ("年初指标值", "年初目标值"), "adj_target": ("调整后指标值", "调整后目标值"),
    "op": ("运算符号", "运算符", "指标方向"), "nature": ("指标性质",), "unit": ("度量单位", "计量单位"),
    "target": ("年度指标值", "指标值", "目标值", "年度目标值", "预期目标值", "计划值", "年度预期目标"),
    "actual": ("实际完成值", "全年完成值", "完成值", "实际完成情况", "全年实际完成值", "实际值"),
    "degree": ("完成程度",), "weight": WEIGHT_WORDS, "score": SCORE_WORDS,
    "note": ("定性指标情况说明", "定性值情况说明"), "other": OTHER_COLUMN_WORDS,
}
# its unit notes and colons, matched on the reversed cell: anchored at its start, linear in a run of colons
_HEADER_TAIL_REVERSED = re.compile(r"^(?:\)[^()]{1,10}\(|:)+")


def header_slot(text: str, words: dict[str, tuple[str, ...]], taken: set[str]) -> str | None:
    """A header cell the exact patterns missed (执行律, 分伹), read as the one column word within one
    edit among the columns the row has not printed yet: a header does not repeat a column, so the
    short words that are one edit apart (执行率/执行数) are told apart by the row itself."""
    tail = _HEADER_TAIL_REVERSED.match(text[::-1])
    core = text[: len(text) - tail.end()] if tail else text
    if not 2 <= len(core) <= 12 or _HAS_DIGIT.search(core):
        return None
    pool = [(w, slot) for slot, ws in words.items() if slot not in taken for w in ws]
    if not pool:
        return None
    word = nearest_word(core, [w for w, _ in pool])
    if word is None:
        return None
    return next(slot for w, slot in pool if w == word)


def slipped_column(text: str, funds: bool, printed: list[str]) -> str | None:
    """The funds (``funds``) or indicator column a header cell one OCR slip off its word names (执行牢, 得份), among
    the columns the header run has not ``printed`` yet: short column words sit one edit apart (执行率 / 执行数), so the
    run's own columns tell them apart."""
    headers, words = (FUNDS_HEADERS, FUNDS_HEADER_WORDS) if funds else (INDICATOR_HEADERS, INDICATOR_HEADER_WORDS)
    taken = {slot for t in printed for slot, rx in headers if rx.match(header_core(t))}
    return header_slot(text, words, taken)


@lru_cache(maxsize=LABEL_CACHE_SIZE)  # asked of a row's first cell by the table finders; a document repeats them
def near_word(text: str, words: tuple[str, ...], max_distance: int = 1) -> bool:
    """Whether ``text`` is within ``max_distance`` edits of one of ``words`` (ties allowed)."""
    return bool(text) and process.extractOne(text, words, scorer=Levenshtein.distance, score_cutoff=max_distance) is not None


NAME_LABEL_WORDS = ("项目名称", "项目(政策)名称", "政策名称", "转移支付名称", "转移支付(项目)名称", "转移支付项目名称")
# the same labels in a prose report, and the fund's name a 专项资金 report prints in their place
PROSE_NAME_LABELS = (*NAME_LABEL_WORDS, "资金名称", "专项资金名称")


# every printed category form, and headings in category columns that are not categories
_CATEGORY_ANCHORS: frozenset[str] = frozenset([*OTHER_LEVEL1, *"""
决策 过程 管理 绩效指标 年度绩效指标 一级指标 二级指标 三级指标 产出 效益 成本
""".split()])
_CATEGORY_VOCAB: tuple[str, ...] = tuple(dict.fromkeys(
    [*LEVEL1, *LEVEL2_PARENT, *_L1_FORMS, *_L2_FORMS, *sorted(_CATEGORY_ANCHORS)]))
