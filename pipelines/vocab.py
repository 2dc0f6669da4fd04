"""The printed words the table parser keys on: field labels, column headers, indicator categories.

Category cells are read with the small table of printed forms here, then with the
taxonomy's ``Mapper`` (``jixiao.pipelines.map``) when one is given, exact and alias
matches only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from jixiao.pipelines.normalize import squeeze
from jixiao.record import YUAN_PER_QIAN, YUAN_PER_WAN, YUAN_PER_YI

if TYPE_CHECKING:
    from jixiao.pipelines.map import Mapper

LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")
# level-1 headings of a self-evaluation that are not indicator categories (no rows are kept under them)
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

# "(50分)", "(30 分)" allotments printed inside category cells
_ALLOT = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_L1_FORMS = {
    "产出指标": "产出指标", "产出": "产出指标", "项目产出": "产出指标", "产出类指标": "产出指标",
    "效益指标": "效益指标", "效益": "效益指标", "项目效益": "效益指标", "效益类指标": "效益指标",
    "满意度指标": "满意度指标", "满意度": "满意度指标", "满意度类指标": "满意度指标",
    "成本指标": "成本指标", "项目成本": "成本指标", "成本类指标": "成本指标",
}
_L2_FORMS = {
    "数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标", "进度": "时效指标",
    "经济成本": "经济成本指标", "社会成本": "社会成本指标", "生态环境成本": "生态环境成本指标",
    "经济效益": "经济效益指标", "社会效益": "社会效益指标", "生态效益": "生态效益指标",
    "可持续影响": "可持续影响指标", "服务对象满意度": "服务对象满意度指标",
    "社会公众满意度": "社会公众满意度指标", "社会公众或服务对象满意度": "服务对象满意度指标",
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


# Answers kept per level by each Categories. The service's extractor lives for the whole process and
# sees every cell of every document, so an unbounded cache grows without end (18,000 entries per level
# over the 37 seed and real-layout documents); a long 部门决算 brings about 8,000 distinct cells, and
# 4,096 keeps the repeats within a document (the same category words row after row) at under 2 MB.
CATEGORY_CACHE_SIZE = 4096


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
DEPT_LABEL = _rx(r"^(地方|项目|业务)?(主管部门|主管部门及代码|主管单位|主管部门\(单位\)|主管部门名称|预算部门)(\(盖章\))?[:]?$"
                 r"|^(归口管理部门|部门名称)[:]?$")
IMPL_LABEL = _rx(r"^(实施单位|预算单位|项目实施单位|执行单位|实施单位名称|项目单位|资金使用单位|(项目)?承担单位|(项目)?实施主体"
                 r"|单位名称)(\(盖章\))?[:]?$")


# a header's annotation after its word: 预算数(A), 执行率(B/A), 得分(20分*执行率), 实际完成值(B)
HEADER_NOTE = _rx(r"[(（][^()（）]{1,12}[)）]$")


def header_core(text: str) -> str:
    """A header cell without its trailing annotation; the cell itself when nothing is left."""
    return HEADER_NOTE.sub("", text) or text


def field_label(word: str) -> bool:
    """A label of the project's field rows: 项目名称, 主管部门, 实施单位 and their variants."""
    return any(rx.match(word) for rx in (NAME_LABEL, DEPT_LABEL, IMPL_LABEL))


# labels printed on a project's field rows that are not fields of the record: they end the value before them
# (a transfer payment's 中央主管部门 is printed beside the 地方主管部门 the record takes)
OTHER_LABEL = _rx(r"^(项目负责人(及(联系)?电话)?|负责人|联系人|联系电话|填报人|填表人|审核人|项目类别|项目属性|项目类型"
                  r"|中央主管部门)[:]?$")
# a caption naming the unit of the amounts beside it (项目资金(万元), 资金情况（元）): no field's value
UNIT_CAPTION = _rx(r"\((万元|元|千元)\)$")


def any_label(word: str) -> bool:
    """A field row's label: one of the record's fields or another label printed beside them."""
    return field_label(word) or bool(OTHER_LABEL.match(word))


CODE_LABEL = _rx(r"^(项目编码|项目代码|项目编号)[:]?$")
TOTAL_SCORE_LABEL = _rx(r"^(总分|合计|总计|绩效自评总得分|自评总得分|自评总分|自评得分|项目自评得分|总得分|综合得分|评价得分)[:]?$")
GRADE_LABEL = _rx(r"^(绩效)?(自评|评价|综合评价)?等级[:]?$")  # 评价等级, 自评等级, 绩效自评等级, 等级
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


def _alt(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, each matched literally."""
    return "|".join(map(re.escape, words))


# the words of the weight (分值) and score (得分) columns, in the funds and the indicator table alike
WEIGHT_WORDS = ("分值", "权重", "指标分值", "权重分", "标准分值", "分值权重", "指标分值权重", "满分")
SCORE_WORDS = ("得分", "自评得分", "实际得分", "评分")

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
    ("weight", _rx(rf"^({_alt(WEIGHT_WORDS)})(\(分\))?$")),
    ("score", _rx(rf"^({_alt(SCORE_WORDS)})(\(分\))?$")),
    ("reason", _rx(r"^(偏差原因|原因|备注)")),
]

# column headers of the indicator table, by slot
INDICATOR_HEADERS: list[tuple[str, re.Pattern[str]]] = [
    ("serial", _rx(r"^序号$")),
    ("l1", _rx(r"^一级(指标)?$")),
    ("l2", _rx(r"^二级(指标)?$")),
    ("name", _rx(r"^三级(指标)?(名称)?$|^(绩效)?指标名称$|^具体指标$")),
    ("init_target", _rx(r"^年初(指标值|目标值)")),
    ("adj_target", _rx(r"^调整后(指标值|目标值)")),
    ("op", _rx(r"^运算符号$|^运算符$|^指标方向$")),  # 指标方向: 大于等于 / 小于等于 / 等于 in words
    ("nature", _rx(r"^指标性质$")),
    ("unit", _rx(r"^(度量|计量)单位$")),
    ("target", _rx(r"^(年度)?(指标值|目标值)$|^年度目标值$|^(预期|计划|绩效)(指标值|目标值)$|^(年度)?计划值$|^内容$|^年度预期目标$")),
    ("actual", _rx(r"^(全年|年度)?(实际完成|实际|完成)(值|情况|数)?$")),
    ("degree", _rx(r"^完成程度$|^(指标)?完成率$")),  # 指标完成率: the actual over the target, a column of its own
    ("weight", _rx(rf"^({_alt(WEIGHT_WORDS)})(\(分\))?$")),
    ("score", _rx(rf"^({_alt(SCORE_WORDS)})(\(分\))?$")),
    ("note", _rx(r"^定性(指标|值)?情况说明$")),
    ("reason", _rx(r"(偏差原因|原因分析|改进措施|未完成原因)")),
]

# a row whose text starts with one of these closes the indicator table
# a web page's chrome around a table: links and buttons, never a cell
_PAGE_CHROME = (r"附件(下载)?:|【?(打印|关闭)(本页|窗口)?】?$|打印本页|关闭窗口|上一篇|下一篇|分享到|返回顶部|扫一扫"
                r"|网站(导航|地图|首页)|首页$|联系我们")
PAGE_CHROME = _rx(rf"^({_PAGE_CHROME})")
# a document site's preview stops here (the rest of the file is behind its download button)
_PREVIEW_END = r"还剩\d+页未读|继续阅读|预览已结束|.{0,20}超出(免费)?预览范围|下载文档|点击查看更多|相关(文档|资源|搜索|阅读|推荐|链接|信息)(推荐)?:?$|猜你喜欢$|热门推荐$|VIP免费下载"
PREVIEW_END = _rx(rf"^({_PREVIEW_END})")
INDICATOR_END = _rx(r"^(总分|总得分|综合得分|评价得分|合计|总计|指标自评得分小计|项目绩效分析|自评结果分析|评价结论|结果应用建议|负责人|经办人|填报日期|备注|说明$|说明:|填表说明|注:"
                    r"|自评得分:?$|自评总分|项目自评得分|绩效自评总得分|自评总得分"
                    rf"|{_PAGE_CHROME}|{_PREVIEW_END})")
# a form's note and signature fields printed after its last row; where cells print one a line they close the
# indicator rows (in a tab table such a line may stand inside it, a row of data following)
FORM_FOOTER = _rx(r"^(说明:|填报单位|填表单位|填报人|填表人|联系电话|审核人)")
# the 2020 national template's indicator header (财预〔2020〕10号), in printed order: the columns assumed where a
# document site's preview jumps from the funds block into the indicator rows, the header between them lost
TEMPLATE_INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
# leading label cells that are section captions, not indicator content
# (a lone allotment, (50分), is what a merged level-1 cell leaves on the rows under its first: web text wraps it)
SECTION_CAPTION = _rx(r"^(年度)?绩效指标(完成情况)?(\(\d+(\.\d+)?分\))?$|^年度绩效指标完成情况$|^\(\d+(\.\d+)?分\)$")
# what a 偏差原因 (deviation reason) cell says when nothing deviated: left behind a row's scores in collapsed text
REMARK = _rx(r"^(/|／|—+|-+|无|无偏差|未发生偏差|无明显偏差|按计划(完成|执行|实施|推进)|已(按时|按期|全部)?完成)$")
# a 评分标准 / 得分计算方法 cell (完成得满分, 未达标按比例扣分, 酌情扣分): a rule for the score, never an indicator's name
SCORING_RULE = _rx(r"得满分|不得分|扣\S{0,6}分|酌情(扣|给|得)分|按(完成)?比例(扣|得|计)分")
# a value cell that prints nothing (-, —, /, ……): blank, not a value
BLANK_VALUE = re.compile(r"^(?:…+|\.+|—+|-+|/+|\\+)$")
# a template's numbered slot left without its indicator (指标2:): an empty name cell, never a value
NUMBERED_SLOT = _rx(r"^指标\d+:?$")
PLACEHOLDER = _rx(r"^(指标\d*[:]?|…+|\.+|—+|-+|/|无)$|^[^\u4e00-\u9fffA-Za-z]*$")
# completion phrases printed in value columns; a "name" like this is a value whose name cell was blank
VALUE_PHRASE = _rx(r"^(全部或基本|部分)?(达成|未达成)预期指标")
# what a 指标性质 column prints when it is no operator: the indicator's kind or direction
NATURE_WORDS = frozenset(("定性", "定量", "正向", "反向", "正向指标", "反向指标"))
# an operator cell: a glyph, or the words some bureaus print in the 运算符号/指标性质 column (大于等于)
OPERATOR_WORDS = ("大于等于", "小于等于", "大于", "小于", "等于", "不低于", "不少于", "不高于", "不超过", "不大于", "不小于")
OPERATORS = _rx(r"^(>=|<=|≥|≤|=|>|<|≧|≦|═|＞|＜|" + "|".join(OPERATOR_WORDS) + ")$")
# a target, actual, weight or score as printed opens with an operator glyph or a number (≥120公里, 96%, 20)
VALUE_START = _rx(r"^(?:[<>=≥≤≧≦＞＜＝═]|[-+]?\d)")
DEPT_WIDE = _rx(r"整体(支出)?绩效自评表|部门整体|\(单位\)整体")
# a table's title repeated at the top of its next page: the same table goes on (…自评表（续）, 续表)
CONTINUED_TITLE = _rx(r"\(续\)$|^续表|续表$")
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
    "note": ("定性指标情况说明", "定性值情况说明"),
}
_HEADER_TAIL = re.compile(r"(?:\([^()]{1,10}\)|:)+$")


def header_slot(text: str, words: dict[str, tuple[str, ...]], taken: set[str]) -> str | None:
    """A header cell the exact patterns missed (执行律, 分伹), read as the one column word within one
    edit among the columns the row has not printed yet: a header does not repeat a column, so the
    short words that are one edit apart (执行率/执行数) are told apart by the row itself."""
    core = _HEADER_TAIL.sub("", text)
    if not 2 <= len(core) <= 12 or _HAS_DIGIT.search(core):
        return None
    pool = [(w, slot) for slot, ws in words.items() if slot not in taken for w in ws]
    if not pool:
        return None
    word = nearest_word(core, [w for w, _ in pool])
    if word is None:
        return None
    return next(slot for w, slot in pool if w == word)


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


# ---- the lists the other stages derive ------------------------------------------------
# One home: the segmenter, the collapsed-text and table readers, the generator, the weak
# labeller and the tagger take their words from here (tests/test_vocabulary_home.py fails on
# a second list elsewhere). A new bureau's word goes into the lists above; the lists below
# that are derived pick it up.

# the two level columns' header words (一级指标, 二级指标)
LEVEL_HEADERS: tuple[str, str] = (INDICATOR_HEADER_WORDS["l1"][0], INDICATOR_HEADER_WORDS["l2"][0])
# the reason column's long header words, not matched by their slot's search pattern as whole words
REASON_HEADER_WORDS = ("偏差原因分析及改进措施", "未完成原因分析", "原因分析", "改进措施")
# a total row's label (总分 行)
TOTAL_WORDS = ("总分", "合计", "总计")
TOTAL_LABEL = _rx(rf"^({_alt(TOTAL_WORDS)})[:]?$")
# a total score's own label, the total row's words aside
TOTAL_SCORE_WORDS = ("绩效自评总得分", "自评总得分", "项目自评得分", "总得分", "综合得分", "评价得分", "自评得分", "自评总分")
TOTAL_SCORE_ONLY_LABEL = _rx(rf"^({_alt(TOTAL_SCORE_WORDS)})[:]?$")
# the funds total's label that carries the amount in label/value layouts (年度资金总额: 255,600)
FUNDS_TOTAL_AMOUNT_LABEL = _rx(r"^(年度资金总额|项目资金总额)[:]?")
# label cells of information rows, read as labels so that they are never a value
INFO_LABELS = ("项目属性", "项目期", "项目资金(元)", "项目资金(万元)")

# every whole header word of the funds and indicator tables (tolerant words and the reason column's)
HEADER_WORDS: frozenset[str] = frozenset([
    *(w for words in (FUNDS_HEADER_WORDS, INDICATOR_HEADER_WORDS) for ws in words.values() for w in ws),
    *REASON_HEADER_WORDS])

# the words jieba keeps whole (segment stage): labels, column headers and categories as printed
SEGMENT_WORDS: tuple[str, ...] = tuple(dict.fromkeys([*LABEL_WORDS, *sorted(HEADER_WORDS), *TOTAL_WORDS]))

# words that cut a row whose cells run together (run_together.py), beside SEGMENT_WORDS: the labels of
# transfer-payment tables and the captions around their blocks
RUN_TOGETHER_WORDS: tuple[str, ...] = tuple("""
转移支付(项目)名称 转移支付项目名称 转移支付名称 中央主管部门 地方主管部门 资金使用单位 项目负责人及电话 负责人及电话 项目负责人 联系电话
其中: 总体目标完成情况 总体目标 全年实际完成情况 年度总体目标
指标值 全年实际完成值 未完成原因和改进措施 预算执行率 绩效指标
资金来源 资金情况 预算数 其他资金 进度指标 自评总分
""".split())

# ---- the collapsed-text reader (flat.py): words that start, split or end its pseudo-rows
# a field label glued to its value (项目名称老字号)
GLUED_LABEL = _rx(r"^(项目(\(政策\))?名称|主管部门|实施单位|预算单位)(?![:(])")
# field labels that end a run of spaced-out characters (… 自 评 表 项 目 名 称 2 0 2 2 年 …)
LABEL_IN_RUN = _rx(r"项目名称|政策名称|主管部门|主管单位|实施单位|预算单位")
# words that open a pseudo-row: field labels and the funds total
ROW_START = _rx(
    r"^(项目(\(政策\))?名称|主管部门(及代码)?|实施单位|预算单位|项目资金|项目预算金额|年度预算数|全年执行数|执行率|"
    r"年度资金总额|资金总额|总额|其中|项目属性|项目年度绩效目标|年度总体目标|项目基本情况|预算执行情况|绩效指标|"
    r"总分|合计|指标自评得分小计|预算执行率得分|减分项|绩效自评总得分|项目绩效分析|评价结论|得分|"
    r"转移支付(\(项目\)|项目)?名称|中央主管部门|地方主管部门|资金使用单位|项目负责人(及电话)?|负责人及电话|"
    r"(专项)?资金名称|(政策|专项)\(项目\)名称|二级项目名称|业务主管部门|归口管理部门|(项目)?承担单位)"
)
OTHER_LEVEL1_HEADING = _rx(rf"^(?:{_alt(OTHER_LEVEL1)}|决策|过程)(?:\(\d+(?:\.\d+)?分\))?$")
# measure units: the generator draws these (repeats and blanks are draw weights) ...
UNITS_OF_MEASURE = ("人", "个", "次", "%", "万元", "元", "户", "天", "年", "月", "公里", "项", "人次", "元/人", "家", "台", "所")
# ... and the collapsed-text reader reads these, and more, as closing a spaced-out number (2 9 7 8 元)
MEASURE_UNITS = frozenset([*UNITS_OF_MEASURE, *"件份处条套辆", "万人", "亩", "平方米"])

# ---- raw text, before any layout: where a table is (tagger) and its header words (weak labels)
# table vocabulary, spaces allowed inside (得 分): text near one of these is tagged
TABLE_TRIGGERS = _rx(
    r"项目名称|主管部门|实施单位|资金总额|[一二三]级\s*指\s*标|[量效时本益意]\s*指\s*标|指标值|完成值|分\s*值|得\s*分|总\s*分|权\s*重|执行率"
)
# a prose report or a mirror page prints no table word; these words (in simplified characters) mark where it
# states its facts
REPORT_TRIGGERS = _rx(r"绩效|自评|预算|执行数")
# a report's or a table's title names the project before any table word: always a place to tag
TITLE_TRIGGERS = _rx(r"自评报告|自评表|绩效目标自评|评价报告")
# header words as printed in raw text (full- or half-width brackets), marked HEADER by the weak labeller
PRINTED_HEADER_WORDS = re.compile(
    "项目(?:\\(政策\\)|（政策）)?名称|主管部门(?:及代码)?|实施单位(?:（盖章）|\\(盖章\\))?|预算单位|项目资金|年初预算数?|目标申报数|预算编制数|"
    "全年预算数(?:（A）|\\(A\\))?|调整后预算数|全年执行数(?:（B）|\\(B\\))?|预算执行数|全年执行金额|预算执行率|执行率(?:（B/A\\)|\\(B/A\\))?|"
    "年度资金总额[：:]?|资金总额|一级\\s*指标|二级\\s*指标|三级\\s*指标|年度指标值|年初指标值|调整后指标值|指标值|度量单位|指标性质|"
    "实际完成值|全年完成值|完成值|分值|权重|得分|总分|偏差原因分析及改进措施|未完成原因分析|评价等级"
)

# ---- the generator's printed forms (models/synth.py), repeats are draw weights: the common national
# template's words, and (WIDE_HEADERS) the words of bureaus that depart from it. tests/test_vocabulary_home.py
# checks that the parser reads every one.
TEMPLATE_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "项目名称", "项目(政策)名称", "项目名称："),
    "dept": ("主管部门", "主管部门", "主管部门及代码", "主管单位"),
    "impl": ("实施单位", "实施单位", "实施单位（盖章）", "预算单位"),
    "funds": ("项目资金{unit}", "项目资金\n{unit}", "预算执行情况{unit}", "年度预算数{unit}"),
    "init": ("年初预算数", "年初预算"),
    "init_split": ("目标申报数", "预算编制数"),
    "annual": ("全年预算数（A）", "全年预算数", "调整后预算数", "年度预算数"),
    "exec": ("全年执行数（B）", "全年执行数", "预算执行数", "全年执行金额"),
    "weight": ("分值", "权重"),
    "rate": ("执行率（B/A)", "执行率", "预算执行率"),
    "score": ("得分", "得分"),
    "funds_total": ("年度资金总额：", "年度资金总额", "资金总额", "总额"),
    "l1": ("一级指标", "一级\n指标", "一级指标"),
    "target_split": ("指标性质", "指标值", "度量单位"),
    "target_two": ("年初指标值", "调整后指标值"),
    "target": ("年度指标值", "指标值", "年度目标值"),
    "actual": ("实际完成值", "全年完成值", "完成值"),
    "reason": ("偏差原因分析及改进措施", "未完成原因分析", "偏差原因"),
    "total": ("总分", "总分", "合计", "绩效自评总得分"),
}
WIDE_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "预算项目名称", "专项名称", "项目（政策）名称"),
    "dept": ("主管部门", "主管部门（单位）", "预算部门", "主管部门名称"),
    "impl": ("实施单位", "项目实施单位", "执行单位", "实施单位名称"),
    "init": ("年初预算数", "年初预算", "年初批复数", "年初安排数"),
    "annual": ("全年预算数", "预算数", "本年预算数", "调整后预算", "全年预算"),
    "exec": ("全年执行数", "执行数", "实际支出数", "全年实际支出", "实际执行数"),
    "rate": ("执行率", "资金执行率", "执行率(%)", "预算执行率"),
    "target": ("年度指标值", "目标值", "预期指标值", "计划指标值", "绩效目标值", "年度计划值"),
    "actual": ("实际完成值", "实际值", "完成情况", "实际完成情况", "全年实际完成值"),
    "weight": ("分值", "权重", "权重分", "标准分值", "指标分值", "分值（分）"),
    "score": ("得分", "自评得分", "评分", "实际得分", "得分（分）"),
    "total": ("总分", "自评总分", "综合得分", "总得分", "评价得分"),
}
# the words of the real layouts' other families (models/synth_families.py): transfer-payment tables, other
# bureaus' labels, the 其中 rows of the funds block, and the metadata a 信息公开 page prints above a table
FAMILY_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("转移支付(项目)名称", "转移支付（项目）名称", "项目(政策)名称", "项目名称", "专项名称", "政策名称"),
    "central_dept": ("中央主管部门",),
    "dept": ("地方主管部门", "主管部门及代码", "主管部门", "主管单位", "项目主管部门"),
    "impl": ("资金使用单位", "项目单位", "实施单位", "项目实施单位", "预算单位"),
    "funds": ("项目资金{unit}", "项目资金\n{unit}", "资金情况 {unit}", "资金情况{unit}", "项目资金 {unit}"),
    "init": ("年初预算数", "年初预算数(A)"),
    "annual": ("全年预算数(A)", "全年预算数", "计划安排资金", "计划投资额", "调整后预算数"),
    "received": ("实际到位资金",),
    "exec": ("全年执行数(B)", "全年执行数", "实际支出", "实际使用情况", "实际支出数"),
    "rate": ("预算执行率(B/A)", "执行率(B/A)", "执行率", "预算执行率"),
    "funds_total": ("年度资金总额:", "年度资金总额", "资金总额", "年度资金总额："),
    "funds_sub": ("其中:中央补助", "其中:本年财政拨款", "其中:当年财政拨款", "地方资金", "其他资金", "上年结转资金",
                  "中央财政", "省财政", "市县财政", "其中:中央补助地方资金"),
    "l1": ("一级指标", "一级 指标", "一级\n指标"),
    "target": ("年度指标值", "指标值", "年度目标值", "全年指标值", "年度 指标值"),
    "actual": ("实际完成值", "全年实际值", "全年实际完成值", "实际 完成值", "完成值"),
    "reason": ("未完成原因及拟采取的改进措施", "偏差原因分析及改进措施", "未完成原因和改进措施"),
    "total": ("总分", "合计", "自评总得分", "总得分"),
    "metadata": ("索引号", "索 引 号:", "发文字号:", "发文日期:", "发文单位:", "发布日期:", "主题分类:", "主题分类",
                 "发布机构", "成文日期", "效力状态:", "公开目录", "文号", "浏览量", "来源:"),
}
# level-2 categories under each level-1, in the framework's order
LEVEL1_CHILDREN: dict[str, tuple[str, ...]] = {
    l1: tuple(l2 for l2, parent in LEVEL2_PARENT.items() if parent == l1) for l1 in LEVEL1}
# every whole word the parser keys on: labels, column headers, categories
KNOWN_WORDS: frozenset[str] = HEADER_WORDS | frozenset(LABEL_WORDS)

# ---- prose reports (prose.py): the words a sentence names a field with, before its value
# (field, the words and their particles up to the amount); 全年预算执行数 is the budget figure in these reports
PROSE_AMOUNT_LABELS: tuple[tuple[str, str], ...] = (
    ("annual", r"全年预算(?:执行)?数(?:为|是)?"),
    ("annual", r"(?:调整后预算数|全年预算金额|全年预算资金)(?:为|是)?"),
    ("executed", r"实际完成(?:项目)?支出"),
    ("executed", r"(?:全年执行数|(?<!全年)预算执行数|实际支出|(?<!预算)执行数)(?:为|是)?"),
    ("initial", r"年初预算(?:安排)?(?:专项资金|资金|数)?(?:为|是)?"),
    # (年初预算安排该项目资金450万元; 全年预算调整为86万元 / 全年预算调整后为420万元: the adjusted budget)
    ("initial", r"年初预算安排(?:该|本)项目(?:专项资金|资金|经费)?(?:为|是)?"),
    ("annual", r"全年预算(?:数)?调整(?:后)?(?:为|至)"),
    # transfer-payment and county reports state the totals in other words
    ("annual", r"(?:预算资金合计|指标金额(?:是|为)?|收到财政资金共|调整后全年预算资金)"),
    ("executed", r"(?:预算执行数合计|实际拨付金额(?:是|为)?|(?<=年)支出|已拨付(?:[\u4e00-\u9fff]{0,20}?资金)?)"),
    ("initial", r"年初预算合计"),
    # plainer words for the same totals (预算资金80万元, 调整后预算85万元, 实际执行76万元, 执行金额76万元)
    ("annual", r"(?:(?<!初)预算资金|调整后预算|全年预算|总预算|(?<!初)预算金额|(?<!初)预算总额)(?:为|是)?"),
    ("executed", r"(?:实际执行(?:数|金额)?|(?<!预算)执行金额)(?:为|是)?"),
    ("annual", r"项目资金总额(?:为|是)?"),
    ("executed", r"已支付(?:资金)?"),
    # the year's funds received or in place (共收到…补助资金1236.8万元, 资金到位68万元), spent (已支出…元)
    ("annual", r"(?:共收到[\u4e00-\u9fff]{0,20}?(?:资金|经费)|(?:资金|经费)到位)(?:共|合计)?"),
    ("executed", r"(?:已支出(?:资金)?|全年执行(?=\d)|(?<![\u4e00-\u9fff])执行(?=\d)|(?<=[该本])项目(?:实际)?支出(?:资金)?|(?<=年[底末])支出)"),
    ("annual", r"(?:(?<!初)预算安排(?:资金|经费)?|资金共计|(?<![初年后])预算数(?:为|是)?)"),
)
# a sentence allocating money onward to other units (its amounts are theirs, not the project's funds)
PROSE_ALLOCATION = r"下达(?:至|到)?各|下拨(?:至|到)?各|分配(?:至|到|给)|拨付(?:至|到|给)?各|切块下达|(?:分解|分配)下达"
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
PROSE_DEPT_LABEL = r"(?:主管部门|主管单位)(?:及代码)?"
# an indicator stated in a sentence: 年初目标值X，实际完成值Y，自评得分Z分 (初目标值: a slip seen in print)
# (计划≥95%: a bare 计划 before a value; 实际为0.3‰ / 实际达到96%: the actual without 完成)
PROSE_TARGET_CUE = r"(?:(?:年初|初|年度|计划|预期)?(?:目标值|指标值|目标)|计划(?:完成|值|数)|计划(?=[≥≤><=＞＜\d]))"
PROSE_ACTUAL_CUE = r"(?:(?:全年)?(?:实际)?(?:完成值|完成情况|实际值|完成)|实际达到|实际(?=为|是))"
# the same run together without punctuation: …发放指标为100%实际完成值为96%
PROSE_RUN_TARGET_CUE = r"(?:指标值?|目标值?)(?:为|是|[:：])"
PROSE_RUN_ACTUAL_CUE = r"[,，]?实际完成值?(?:为|是|[:：])?"
PROSE_SCORE_CUE = r"(?:(?:自评)?得分|得(?=\s*\d))"  # (得10分: the shorter form)
# (该指标分值15分: the sentence refers back to its indicator)
PROSE_WEIGHT_CUE = r"(?:该?指标)?(?:分值|权重)"
# the full mark printed after a score (得分20分（满分20分）): the indicator's 分值
PROSE_FULL_MARK_CUE = r"满分"
# a completion rate some reports print between the actual and the marks (指标完成率100%)
PROSE_COMPLETION_CUE = r"(?:指标)?完成(?:率|程度|比例)"
# an indicator stated as labeled fields: 指标名称：…；年度目标值：…；实际完成值：…；分值：…；得分：…
PROSE_FIELD_NAME_CUE = r"(?:(?:三级)?指标名称|(?<![\u4e00-\u9fff])指标)"  # (（1）指标：…；目标：…；完成：…)
# an enumerator opening an item of a sentence (一是…；二是…), not part of the indicator's name
PROSE_ENUMERATOR = r"[一二三四五六七八九十]是"
# what a funds sentence says between 实际 and its figure (实际支出3046.4万元, 实际到位资金…): no indicator's actual
PROSE_FUNDS_ACTUAL = r"支出|到位|拨付|执行|使用资金"
# a phrase opening a funds sentence's date, never an indicator's name (截至2023年12月31日，实际支出…)
PROSE_DATE_LEAD = r"截至|截止"
# (项目单位：…, 项目单位（盖章）：… on a Word report's cover: the unit carrying the project out)
PROSE_IMPL_LABEL = r"(?:实施单位|预算单位|(?<![\u4e00-\u9fff])项目单位(?:[(（]盖章[)）])?)"
# a label that ends the 项目名称 value before it where line breaks were lost (项目名称：某项目 主管部门：…)
PROSE_NEXT_LABEL = r"(?:(?:项目)?(?:主管|实施|预算单位)|项目单位)"
# what a bracket after a report's title says about the document itself (公示稿, 终稿, 2023年度), never a project
PROSE_TITLE_NOTE = r"稿$|版$|^(?:公示|摘要|全文|简本|节选|附件)$|年度?$"

# ---- what a target or an actual says (targets.py): operators, units, qualitative phrases -------------
# Operator words and glyphs printed before a value, by the canonical operator; longest first when matched.
# 达到/控制在 name the direction only with the indicator (达到 95% is "at least", 控制在 5% "at most").
VALUE_OPERATOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "≥": (">=", "≥", "≧", "⩾", "大于等于", "大于或等于", "不少于", "不低于", "不小于", "至少", "达到", "达", "超过或等于"),
    "≤": ("<=", "≤", "≦", "⩽", "小于等于", "小于或等于", "不超过", "不高于", "不大于", "不多于", "控制在", "至多", "低于或等于"),
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
    "只": "只", "头": "头", "株": "株", "棵": "棵", "座": "座", "处": "处",
    "起": "起", "课时": "课时", "学时": "学时", "篇": "篇", "条": "条",
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
    "万户": ("户", _WAN), "万卷": ("卷", _WAN), "万亩": ("亩", _WAN), "万吨": ("吨", _WAN), "万": ("", _WAN),
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
PER_UNIT_MARKS: tuple[str, ...] = ("人均", "户均", "单位", "平均", "每人", "每户", "标准", "单价", "单项")
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
    ("补助对象满意度", ("受助", "补助", "补贴", "救助", "资助", "优抚", "抚恤", "领取", "低保", "特困", "供养"), None),
    ("群众满意度", ("群众", "居民", "市民", "公众", "村民", "老百姓"), 3),
)
# words of one meaning in the words before a head (运营服务费支付及时率 is a 资金拨付及时率, 污泥无害化处置率 a
# 无害化处理率): folded only to find an entry more specific than the bare head a name reaches, longest first
SPECIFIC_FOLDS: tuple[tuple[str, str], ...] = (
    ("经费", "资金"), ("费用", "资金"), ("费", "资金"), ("支付", "拨付"), ("处置", "处理"), ("补贴", "补助"),
    ("完工", "完成"), ("竣工", "完成"), ("工程", "项目"),
)
# nouns of a quality that the word printed before them makes (生活水平, 保障水平): a taxonomy name ending in one is not
# read spread over a name with other words put right before the noun
QUALITY_NOUNS: tuple[str, ...] = ("水平", "情况", "效果", "能力", "程度", "作用", "影响", "质量")
# a count of those paid (…补助人数, …补贴人次, 贴息户数) is 发放人数: a payment word and a count of people or households
RECIPIENT_COUNT_ENTRY = "发放人数"
PAYMENT_WORDS: tuple[str, ...] = ("补助", "补贴", "救助", "资助", "贴息", "抚恤", "优待金", "津贴", "生活费", "发放")
PERSON_COUNT_ENDINGS: tuple[str, ...] = ("人数", "人次", "户数", "户次", "人员数量", "人员")
# an adverse event that did not happen (全年未发生重特大森林火灾), a target of zero, is counted by 事故发生起数
INCIDENT_ENTRY = "事故发生起数"
INCIDENT_WORDS: tuple[str, ...] = ("事故", "事件", "火灾", "案件", "疫情", "险情", "灾情")
ZERO_INCIDENT_MARKS: tuple[str, ...] = ("未发生", "不发生", "无", "零", "杜绝")
INCIDENT_UNITS: tuple[str, ...] = ("起", "次", "件", "个")
# ---- readings of a name's role (issue 19, round 8; indicator_roles.py): what a name is for, read from its words
# where no taxonomy form is printed in it. Each names the entry it leads to and the words that say it.
# people a funded service serves (签约服务人数, 接待读者人次, 上门服务人次) are its beneficiaries (受益对象数量), as the
# precedents 参与人次, 惠及人数, 走访慰问…人次 say; those paid are 发放人数 (PAYMENT_WORDS, read before this)
SERVED_ENTRY = "受益对象数量"
SERVED_WORDS: tuple[str, ...] = ("服务", "接待", "受益", "惠及", "签约", "上门", "帮扶", "慰问", "走访", "就诊", "诊疗")
SERVED_COUNT_ENDINGS: tuple[str, ...] = ("人数", "人次", "户数", "户次")
# a count of people that other entries own (培训人次, 检测人数, 参保人数 …) or that counts staff (服务人员人数): not
# the served
SERVED_NOT: tuple[str, ...] = ("培训", "参训", "检测", "筛查", "就业", "参保", "退休", "申请", "代缴", "代办", "人员",
                               "员人", "医生人", "教师", "干部", "志愿", "新增", "累计")
# a time to respond (出动时间, 到场时间, 应答时长) is 响应时间; a time to process a case (受理时限, 审批时间) 办理时限
RESPONSE_TIME_ENTRY = "响应时间"
RESPONSE_WORDS: tuple[str, ...] = ("响应", "出动", "到场", "到达", "赶到", "抵达", "接警", "出警", "应答", "回应")
PROCESSING_TIME_ENTRY = "办理时限"
PROCESSING_WORDS: tuple[str, ...] = ("受理", "审批", "审核", "办理", "办结", "处理", "回复", "答复")
DURATION_NAME_ENDINGS: tuple[str, ...] = ("时间", "时限", "时长")
# a time of money or goods (资金到达时间, 发放时间) is not a service's response: those names are left to their entries
DURATION_NOT: tuple[str, ...] = ("资金", "发放", "拨付", "下达", "完成", "开放", "培训", "建设", "工期")
# a count of times an activity was held (训练次数, 公示次数, 宣讲场次) is 开展次数, as the precedents 维持…运转次数,
# 资助名单公示次数, 举办…讲座…次数 say; an event that happened (事故, 投诉, 故障) is not an activity held
ACTIVITY_COUNT_ENTRY = "开展次数"
ACTIVITY_COUNT_ENDINGS: tuple[str, ...] = ("次数", "场次")
ACTIVITY_NOT: tuple[str, ...] = ("发生", "事故", "事件", "投诉", "故障", "停电", "停水", "超标", "违", "差错", "失误",
                                 "引用", "会议", "人次", "新增", "累计", "未", "疫情", "灾害", "火灾")
# a purchase's cost (疫苗采购成本, 物资购置费) is 采购项目总成本 (precedent: 扑火物资购置费); a per-unit one is not
PURCHASE_COST_ENTRY = "采购项目总成本"
PURCHASE_WORDS: tuple[str, ...] = ("采购", "购置", "购买")
PURCHASE_COST_ENDINGS: tuple[str, ...] = ("成本", "费用", "经费", "金额", "资金", "支出", "费")
# a unit price (清运单价) is a per-unit cost by itself; a fee per person (人均经费) is one where no entry names its use
UNIT_PRICE_ENDINGS: tuple[str, ...] = ("单价",)
UNIT_FEE_ENDINGS: tuple[str, ...] = ("经费", "费用")
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
HEAD_SYNONYMS: tuple[tuple[str, str], ...] = (("结案", "办结"), ("查处", "处置"))

# qualifiers that change what a level-3 name counts (issue 19, round 3): a name and the taxonomy form it is answered
# with either both hold one of a group's marks or neither does (新增参保人数 is not 参保人数, 未办结率 is not 办结率).
# (marks, the measure types of the entry the group applies to (() = all), whether a mark anywhere before a head counts).
# Averaging changes a count (人均种植面积) wherever it is printed, not a rate or a satisfaction; amounts are compared by
# the wider PER_UNIT_MARKS (a 补贴人均标准 is a 补贴标准: 标准 is per person already). The others change the head only when printed next to it: further left they
# belong to the subject (失业保险金发放及时率 is a 发放及时率; 苗木未成活率 is not a 成活率).
MEANING_QUALIFIERS: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = (
    (("人均", "户均", "平均", "每人", "每户", "亩均"), ("count",), True),
    (("新增", "新建", "累计"), (), False),
    (("覆盖",), (), False),
    (("未", "不合格", "不达标", "不满意", "违", "逾期", "超期", "差错", "投诉", "失"), (), False),
)
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
NAME_FOLDS: tuple[tuple[str, str], ...] = (("比例", "率"), ("比率", "率"), ("帐", "账"), ("的", ""), ("复盖", "覆盖"))
# whose satisfaction a name measures when it also says with what: 群众对食品安全满意度 is the public's (群众满意度),
# 服务对象对服务的满意度 the served group's; 对象 (服务对象, 救助对象) is a word, not this 对 (issue 19, round 5)
SATISFACTION_WITH = re.compile(r"^(.+?)对(?!象)[^对]+?(满意度|满意率|满意程度)$")
# a count named by its measure word (采购台数, 建成个数) is the count of the things: …数量, folded at the end only
COUNT_WORD_ENDINGS: tuple[str, ...] = ("台数", "个数", "件数", "套数", "辆数", "册数", "处数", "座数", "栋数")

# ---- final-accounts tables (部门决算表, contract section 6: final_accounts.py, account_grid.py, account_checks.py)
# The standard tables, most specific first: (kind, words every one of which the title holds). A title is a
# short line ending in 表 that holds 决算 or 统计表 and one of these; the kind names the table in checks.
ACCOUNT_TABLE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("government_funds", ("政府性基金",)),
    ("state_capital", ("国有资本经营",)),
    ("three_public", ("三公",)),
    ("basic_expenditure", ("基本支出",)),
    ("general_budget_expenditure", ("一般公共预算", "支出决算")),
    ("fiscal_summary", ("财政拨款收入支出决算总表",)),
    ("summary", ("收入支出决算总表",)),
    ("income", ("收入决算表",)),
    ("expenditure", ("支出决算表",)),
    ("information", ("统计表",)),
)
# a title line: ends in 表 (决算表, 决算总表, 决算明细表, 统计表), a continuation mark allowed after it
ACCOUNT_TITLE = re.compile(r"^(?:\d{4}年度?)?[^\t]{0,40}?(?:决算(?:总|明细)?表|相关信息统计表)(?:[(（]?续(?:表)?[)）]?)?$")
ACCOUNT_CONTINUED = re.compile(r"[(（]?续(?:表)?[)）]?$")
# a leading ordinal (五、, (五), 5.) or 表1 before a title; a part heading (第二部分) is no title
ACCOUNT_TITLE_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|表\s*\d{1,2}[、.．:：]?)")
ACCOUNT_PART_HEADING = re.compile(r"^第[一二三四五六七八九十\d]+部分")
# 表号: 公开05表, 02表, 公开10-1表; printed beside the title or on the lines under it
ACCOUNT_NUMBER = re.compile(r"(?:公开|部门|单位)?\d{1,2}(?:-\d{1,2})?表")
ACCOUNT_ENTITY = re.compile(
    r"(?:部门名称|单位名称|编制部门|编制单位|填报单位|部门(?=[:：]))(?:[(（](?:公章|盖章|章)[)）])?[:：]?(.+?)(?=\d{4}年|(?:金额)?单位[:：]|(?:公开)?\d{1,2}表|$)")
ACCOUNT_YEAR = re.compile(r"(20\d{2}|19\d{2})年度?")
ACCOUNT_UNIT = re.compile(r"单位[:：]?(万元|千元|元)")
# the unit -> yuan
ACCOUNT_UNIT_FACTOR: dict[str, float] = {"万元": YUAN_PER_WAN, "千元": YUAN_PER_QIAN, "元": 1.0}
# a row whose label names a count unit keeps its number as printed: 车辆数合计(辆), 机构数(个)
ACCOUNT_COUNT_UNIT = re.compile(r"[(（](?:辆|个|人|台|套|处|次|户|家|项|座|名|平方米|㎡|人次)[)）]")
# (如本表为空，则… is a condition, not the statement; a table that prints numbers has data whatever its notes say)
ACCOUNT_NO_DATA = re.compile(r"(?<![如若])本表(?:无数据|为空表?)(?![,，]?则)")
# a note or a part heading ends a table
ACCOUNT_TABLE_END = re.compile(r"^(?:注|备注|说明|填报说明)\s*[:：\d]|^第[一二三四五六七八九十\d]+部分")
# column header cells: the code column (or its 类/款/项 parts), the label column, 行次, and the 栏次 row
ACCOUNT_CODE_HEADER = re.compile(r"^(?:(?:功能|经济)?分类)?(?:科目)?(?:代码|编码)(?:[(（].*[)）])?$")
ACCOUNT_CODE_PARTS: tuple[str, ...] = ("类", "款", "项")
ACCOUNT_LABEL_HEADER = re.compile(r"^(?:(?:功能|经济)?分类)?(?:科目|项目)(?:名称)?(?:[(（].*[)）])?$|^收入项目$|^支出项目$"
                                  r"|^(?:科目)?(?:代码|编码)[及和/]?科目名称$")  # code and name in one cell: a label
ACCOUNT_LINE_HEADER = "行次"
ACCOUNT_STUB_ROW = "栏次"
# total rows: 合计, 本年收入合计, 总计, 小计, 人员经费合计
ACCOUNT_TOTAL = re.compile(r"(?:合计|总计|小计)$")
# a table's rules as an OCR'd scan prints them beside the first or last cell of a row: never part of a cell
ACCOUNT_RULE_MARKS = "|丨│┃"
# a cell holding no amount: a dash of any length
ACCOUNT_BLANK = re.compile(r"^[-—－–_/\\]*$")
# a leading ordinal on a row label: 一、 (一) 1. and a bare numeral whose 、 was lost (kept apart: 一般 starts
# with one); the bare form is dropped only where the rows beside it print the full one
ACCOUNT_ROW_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))")
ACCOUNT_OF_WHICH = re.compile(r"^其中[:：]?")
ACCOUNT_BARE_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}")
# a label that carries its code: 208 社会保障和就业支出, [30101]基本工资
ACCOUNT_LABEL_CODE = re.compile(r"^[\[【]?(\d{3}(?:\d{2}){0,2})[\]】]?(?=[^\d.])")
# 基本支出 by economic class: 人员经费 is 工资福利支出 (301) and 对个人和家庭的补助 (303), 公用经费 the other classes
ACCOUNT_PERSONNEL_CLASSES: tuple[str, ...] = ("301", "303")
ACCOUNT_PERSONNEL_TOTAL = re.compile(r"^人员经费(?:合计)?$")
ACCOUNT_PUBLIC_TOTAL = re.compile(r"^公用经费(?:合计)?$")
# the rows of a 总表 the identities name: 本年收入合计 / 本年支出合计 and 总计
ACCOUNT_YEAR_INCOME_TOTAL = re.compile(r"^本年收入合计$")
ACCOUNT_YEAR_EXPENSE_TOTAL = re.compile(r"^本年支出合计$")
ACCOUNT_GRAND_TOTAL = re.compile(r"^总计$")
ACCOUNT_TABLE_TOTAL = re.compile(r"^(?:合计|总计)$")
# a 总表's carry lines between its 本年…合计 and its 总计: 使用非财政拨款结余, 年初结转和结余 (收入 side), 结余分配,
# 年末结转和结余 (支出 side); a breakdown line under one (一般公共预算财政拨款) names neither and is no addend
ACCOUNT_CARRY_LINE = re.compile(r"结转|结余")
# a 三公 table printed one item a row: its 合计 is the sum of the three items, the vehicle item the sum of its parts
ACCOUNT_THREE_PUBLIC_ITEMS: tuple[re.Pattern, ...] = (
    re.compile(r"^因公出国[(（]境[)）]费(?:用)?$"), re.compile(r"^公务用车购置及运行(?:维护)?费$"), re.compile(r"^公务接待费$"))
ACCOUNT_VEHICLE_ITEM = ACCOUNT_THREE_PUBLIC_ITEMS[1]
ACCOUNT_VEHICLE_PARTS = re.compile(r"^(?:其中[:：]?)?公务用车(?:购置费|运行(?:维护)?费)$")
# the standard tables in the order a 部门决算 prints them (公开01表 … 公开10表), with their standard titles
ACCOUNT_TABLE_KINDS_PRINTED: tuple[tuple[str, str], ...] = (
    ("summary", "收入支出决算总表"),
    ("income", "收入决算表"),
    ("expenditure", "支出决算表"),
    ("fiscal_summary", "财政拨款收入支出决算总表"),
    ("general_budget_expenditure", "一般公共预算财政拨款支出决算表"),
    ("basic_expenditure", "一般公共预算财政拨款基本支出决算表"),
    ("government_funds", "政府性基金预算财政拨款收入支出决算表"),
    ("state_capital", "国有资本经营预算财政拨款支出决算表"),
    ("three_public", "财政拨款“三公”经费支出决算表"),
    ("information", "部门决算公开相关信息统计表"),
)
# The standard header of each table (the national template), for a table whose first page, title and header
# are lost and whose rows survive after the table before it: kind -> header rows. The 基本支出 table's
# panel (科目代码 | 科目名称 | 决算数) repeats as often as the rows have room for.
_ACCOUNT_CODED = ("科目代码", "科目名称")
ACCOUNT_STANDARD_HEADERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "summary": (("收入", "", "", "支出", "", ""), ("项目", "行次", "金额", "项目", "行次", "金额")),
    "income": ((*_ACCOUNT_CODED, "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                "附属单位上缴收入", "其他收入"),),
    "expenditure": ((*_ACCOUNT_CODED, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),),
    "fiscal_summary": (("收入", "", "", "支出", "", "", "", "", ""),
                       ("项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
                        "国有资本经营预算财政拨款")),
    "general_budget_expenditure": (("项目", "", "本年支出", "", ""), (*_ACCOUNT_CODED, "小计", "基本支出", "项目支出")),
    "government_funds": (("项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"),
                         (*_ACCOUNT_CODED, "", "", "小计", "基本支出", "项目支出", "")),
    "state_capital": (("项目", "", "本年支出", "", ""), (*_ACCOUNT_CODED, "合计", "基本支出", "项目支出")),
    "basic_expenditure": (("人员经费", "", "", "公用经费"), (*_ACCOUNT_CODED, "决算数")),
}
# the unit a lost first page printed, as the notes under the rows say it: 本表金额转换成万元时…
ACCOUNT_NOTE_UNIT = re.compile(r"(?:转换成|单位[:：]?|单位为)(万元|千元)")
# text whose newlines and tabs became spaces (account_collapsed.py): a title is a whole token; the header
# begins at its first header word; the rows end at the note under them
ACCOUNT_TITLE_INLINE = re.compile(r"(?:(?<=\s)|^)((?:[一二三四五六七八九十]+、)?\S{0,40}?(?:决算(?:总|明细)?表|相关信息统计表))(?=\s|$)")
ACCOUNT_HEADER_START = re.compile(r"(?:^|\s)(?:项\s?目|科目代码|科目编码|功能分类|收入|人员经费|预算数|一、政府采购情况)(?=\s)")
ACCOUNT_NOTE_INLINE = re.compile(r"(?:^|\s)(?:注|备注)\s*[:：]")
# header words a collapsed row never joins to the words beside it
ACCOUNT_HEADER_CELLS: frozenset[str] = frozenset(("项目", "行次", "统计数", "金额", "栏次", "科目代码", "科目名称", "科目编码",
                                                  "决算数", "预算数"))
# a bare ordinal token (8. or (一)) belongs to the words after it
ACCOUNT_ORDINAL_TOKEN = re.compile(r"^(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)$")
ACCOUNT_PART_INLINE = re.compile(r"(?:^|\s)第[一二三四五六七八九十\d]+部分")
# header cells that head other header cells (本年支出 over 小计 / 基本支出 / 项目支出, 预算数 over the 三公 items, 收入 /
# 支出 over a 总表's sides): a header printed one cell per line puts its leaves under them (account_cells.py)
ACCOUNT_HEADER_GROUPS: frozenset[str] = frozenset(("收入", "支出", "本年支出", "本年收入", "预算数", "决算数", "人员经费",
                                                   "公用经费", "财政拨款", "结转和结余"))
# a 三公 table printed one item a row: 项目 | 预算数 | 决算数
ACCOUNT_THREE_PUBLIC_VERTICAL = ("项目", "预算数", "决算数")
# the table whose codes are economic classification codes (the others print function codes)
ACCOUNT_ECONOMIC_KIND = "basic_expenditure"
# a final-accounts header names at least one of these (chart data under a title heads with a year, not a column)
ACCOUNT_HEADER_WORD = re.compile(r"项目|科目|行次|金额|合计|小计|预算数|决算数|统计数|支出|收入|经费|结转|结余")


def indicator_column(text: str) -> str | None:
    """The indicator table column a header word names (``l1``, ``l2``, ``name``, ``target``, ``weight`` ...)."""
    for t in dict.fromkeys((text, header_core(text))):
        for slot, rx in INDICATOR_HEADERS:
            if rx.search(t) if slot == "reason" else rx.match(t):
                return slot
    return None


# the national template's indicator columns by slot (l1, l2, name, target, actual, weight, score, reason)
TEMPLATE_INDICATOR_SLOTS: tuple[str, ...] = tuple(s for w in TEMPLATE_INDICATOR_HEADER if (s := indicator_column(w)))
