"""The printed words the table parser keys on: field labels, column headers, indicator categories.

Category names go through the taxonomy's ``Mapper`` when it is installed
(``jixiao.pipelines.map``); the small table here is the fallback that keeps
the parser working without it.
"""

from __future__ import annotations

import re

from jixiao.pipelines.normalize import squeeze

LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")
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
    "数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标",
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


class Categories:
    """Canonical level-1/level-2 names for printed category cells (Mapper first, fallback table second)."""

    def __init__(self, mapper: object | None = None):
        self._mapper = mapper
        self._l1: dict[str, str | None] = {}
        self._l2: dict[str, str | None] = {}

    def level1(self, text: str) -> str | None:
        if text not in self._l1:
            self._l1[text] = self._level1(text)
        return self._l1[text]

    def level2(self, text: str) -> str | None:
        if text not in self._l2:
            self._l2[text] = self._level2(text)
        return self._l2[text]

    def _mapped(self, text: str, level: str) -> str | None:
        """The mapper's answer when it is an exact or alias match: fuzzy heading matches would turn
        indicator names (工作满意度, 及时) into categories and break the row reading."""
        if self._mapper is None:
            return None
        lookup = getattr(self._mapper, f"_l{level}_cached", None)
        try:
            if lookup is not None:
                entry, _score, method = lookup(_key(text))
                return entry.name if entry is not None and method in ("exact", "alias") else None
            return None
        except Exception:  # a mapper bug must not cost the parse
            return None

    def _level1(self, text: str) -> str | None:
        if not text:
            return None
        return fallback_level1(text) or self._mapped(text, "1")

    def _level2(self, text: str) -> str | None:
        if not text:
            return None
        return fallback_level2(text) or self._mapped(text, "2")

    @staticmethod
    def parent(level2: str | None) -> str | None:
        return LEVEL2_PARENT.get(level2 or "")


# ---- field labels -----------------------------------------------------------------

def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


NAME_LABEL = _rx(r"^项目(\(政策\))?名称[:]?$|^项目\(政策\)名称[:]?$|^政策名称[:]?$")
DEPT_LABEL = _rx(r"^(主管部门|主管部门及代码|主管单位|主管部门\(单位\))[:]?$")
IMPL_LABEL = _rx(r"^(实施单位|预算单位|实施单位\(盖章\)|项目实施单位|执行单位)[:]?$")
CODE_LABEL = _rx(r"^(项目编码|项目代码|项目编号)[:]?$")
TOTAL_SCORE_LABEL = _rx(r"^(总分|合计|总计|绩效自评总得分|自评总得分|自评得分|项目自评得分)[:]?$")
GRADE_LABEL = _rx(r"^(评价等级|自评等级|等级|绩效等级)[:]?$")
RATE_LABEL = _rx(r"^(执行率|预算执行率)(\(B/A\))?[:]?$")
SCORE_LABEL = _rx(r"^得分[:]?$")
FUNDS_TOTAL_LABEL = _rx(r"^(年度资金总额|资金总额|总额|合计|项目资金总额)[:]?")
LONE_BUDGET_LABEL = _rx(r"^(项目预算金额|年度预算数|年度预算金额|预算金额)(\((万元|元)\))?[:]?$")
EXECUTED_LABEL = _rx(r"^(全年执行数|预算执行数|全年执行金额|执行数)(\((万元|元)\))?[:]?$")

GRADES = ("优", "良", "中", "差")

# column headers of the funds table, by field
FUNDS_HEADERS: list[tuple[str, re.Pattern[str]]] = [
    ("declared", _rx(r"^目标申报数")),
    ("compiled", _rx(r"^预算编制数")),
    ("initial", _rx(r"^年初预算(数|金额)?")),
    ("annual", _rx(r"^(全年预算(数)?|调整后预算(数)?|全年预算金额)")),
    ("executed", _rx(r"^(全年执行(数|金额)|预算执行数|当年执行数|执行数)")),
    ("balance", _rx(r"^资金结")),
    ("rate", _rx(r"^(执行率|预算执行率|预算完成率)")),
    ("weight", _rx(r"^(分值|权重)$")),
    ("score", _rx(r"^得分$")),
    ("reason", _rx(r"^(偏差原因|原因|备注)")),
]

# column headers of the indicator table, by slot
INDICATOR_HEADERS: list[tuple[str, re.Pattern[str]]] = [
    ("l1", _rx(r"^一级(指标)?$")),
    ("l2", _rx(r"^二级(指标)?$")),
    ("name", _rx(r"^三级(指标)?$|^指标名称$")),
    ("init_target", _rx(r"^年初(指标值|目标值)")),
    ("adj_target", _rx(r"^调整后(指标值|目标值)")),
    ("op", _rx(r"^运算符号$|^运算符$")),
    ("nature", _rx(r"^指标性质$")),
    ("unit", _rx(r"^(度量|计量)单位$")),
    ("target", _rx(r"^(年度)?(指标值|目标值)$|^年度目标值$|^预期目标值$|^内容$")),
    ("actual", _rx(r"^(实际完成值|全年完成值|完成值|实际完成情况|全年实际完成值|实际值)$")),
    ("degree", _rx(r"^完成程度$")),
    ("weight", _rx(r"^(分值|权重|指标分值)$")),
    ("score", _rx(r"^(得分|自评得分)$")),
    ("note", _rx(r"^定性(指标|值)?情况说明$")),
    ("reason", _rx(r"(偏差原因|原因分析|改进措施|未完成原因)")),
]

# a row whose text starts with one of these closes the indicator table
INDICATOR_END = _rx(r"^(总分|合计|总计|指标自评得分小计|项目绩效分析|自评结果分析|评价结论|结果应用建议|负责人|经办人|填报日期|备注)")
# leading label cells that are section captions, not indicator content
SECTION_CAPTION = _rx(r"^(年度)?绩效指标(完成情况)?(\(\d+(\.\d+)?分\))?$|^年度绩效指标完成情况$")
PLACEHOLDER = _rx(r"^(指标\d*[:]?|…+|\.+|—+|-+|/|无)$|^[^\u4e00-\u9fffA-Za-z]*$")
# completion phrases printed in value columns; a "name" like this is a value whose name cell was blank
VALUE_PHRASE = _rx(r"^(全部或基本|部分)?(达成|未达成)预期指标")
OPERATORS = _rx(r"^(>=|<=|≥|≤|=|>|<|≧|≦|═|＞|＜)$")
DEPT_WIDE = _rx(r"整体(支出)?绩效自评表|部门整体|\(单位\)整体")
TABLE_TITLE = _rx(r"(绩效自评表|自评表)")
