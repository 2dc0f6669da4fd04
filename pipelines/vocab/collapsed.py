"""Words of the collapsed-text reader (``flat.py``): the labels that start, split or end its pseudo-rows."""

from __future__ import annotations

import re

# ---- the collapsed-text reader (flat.py): words that start, split or end its pseudo-rows
# a field label glued to its value (项目名称老字号)
GLUED_LABEL = re.compile(r"^(项目(\(政策\))?名称|主管部门|实施单位|预算单位)(?![:(])")
# field labels that end a run of spaced-out characters (… 自 评 表 项 目 名 称 2 0 2 2 年 …)
LABEL_IN_RUN = re.compile(r"项目名称|政策名称|主管部门|主管单位|实施单位|预算单位")
# words that open a pseudo-row: field labels and the funds total
ROW_START = re.compile(
    r"^(项目(\(政策\))?名称|主管部门(及代码)?|实施单位|预算单位|项目资金|项目预算金额|年度预算数|全年执行数|执行率|"
    r"年度资金总额|资金总额|总额|其中|项目属性|项目年度绩效目标|年度总体目标|项目基本情况|预算执行情况|绩效指标|"
    r"总分|合计|指标自评得分小计|预算执行率得分|减分项|绩效自评总得分|项目绩效分析|评价结论|得分|"
    r"转移支付(\(项目\)|项目)?名称|中央主管部门|地方主管部门|资金使用单位|项目负责人(及电话)?|负责人及电话|"
    r"(专项)?资金名称|(政策|专项)\(项目\)名称|二级项目名称|业务主管部门|归口管理部门|(项目)?承担单位)"
)
