"""The lists the other stages take from the table words (``tables``): the segmenter, the collapsed-text and table
readers, the generator, the weak labeller and the tagger take their words from here (tests/test_vocabulary_home.py
fails on a second list elsewhere). A new bureau's word goes into the lists of ``tables``; the lists here that are
derived pick it up."""

from __future__ import annotations

import re

from jixiao.pipelines.vocab.tables import (
    FUNDS_HEADER_WORDS, INDICATOR_HEADER_WORDS, JOINT_UNIT_WORDS, LABEL_WORDS, LEVEL1, LEVEL2_PARENT, OTHER_LEVEL1,
    alternation,
)

# the two level columns' header words (一级指标, 二级指标)
LEVEL_HEADERS: tuple[str, str] = (INDICATOR_HEADER_WORDS["l1"][0], INDICATOR_HEADER_WORDS["l2"][0])
# the reason column's long header words, not matched by their slot's search pattern as whole words
REASON_HEADER_WORDS = ("偏差原因分析及改进措施", "未完成原因分析", "原因分析", "改进措施")
# a total row's label (总分 行)
TOTAL_WORDS = ("总分", "合计", "总计")
TOTAL_LABEL = re.compile(rf"^({alternation(TOTAL_WORDS)})[:]?$")
# a total score's own label, the total row's words aside
TOTAL_SCORE_WORDS = ("绩效自评总得分", "自评总得分", "项目自评得分", "总得分", "综合得分", "评价得分", "自评得分", "自评总分")
TOTAL_SCORE_ONLY_LABEL = re.compile(rf"^({alternation(TOTAL_SCORE_WORDS)})[:]?$")
# the funds total's label that carries the amount in label/value layouts (年度资金总额: 255,600)
FUNDS_TOTAL_AMOUNT_LABEL = re.compile(r"^(年度资金总额|项目资金总额)[:]?")
# label cells of information rows, read as labels so that they are never a value
INFO_LABELS = ("项目属性", "项目期", "项目资金(元)", "项目资金(万元)")

# every whole header word of the funds and indicator tables (tolerant words and the reason column's)
HEADER_WORDS: frozenset[str] = frozenset([
    *(w for words in (FUNDS_HEADER_WORDS, INDICATOR_HEADER_WORDS) for ws in words.values() for w in ws),
    *REASON_HEADER_WORDS])

# the words jieba keeps whole (segment stage): labels, column headers and categories as printed
SEGMENT_WORDS: tuple[str, ...] = tuple(dict.fromkeys([*LABEL_WORDS, *sorted(HEADER_WORDS), *TOTAL_WORDS]))

# words that cut a row whose cells run together (run_together.py), beside SEGMENT_WORDS: the labels of
# transfer-payment tables and the captions around their blocks, and the form's footer labels (填表人…: a grade
# cell runs into them, 自评等级优填表人:)
RUN_TOGETHER_WORDS: tuple[str, ...] = JOINT_UNIT_WORDS + tuple("""
转移支付(项目)名称 项目单位 转移支付项目名称 转移支付名称 中央主管部门 地方主管部门 资金使用单位 项目负责人及电话 负责人及电话 项目负责人 联系电话
其中: 总体目标完成情况 总体目标 全年实际完成情况 年度总体目标
指标值 全年实际完成值 未完成原因和改进措施 预算执行率 绩效指标
资金来源 资金情况 预算数 其他资金 进度指标 环境效益 自评总分 项目类别 项目类型 预算执行情况 年度绩效目标 填表人 填报人 填表日期 填报日期 审核人
""".split())
NUMBERED_CAPTION_WORDS = ("年度绩效目标",)  # numbered one a block (年度绩效目标2(40分)): the number stays

OTHER_LEVEL1_HEADING = re.compile(rf"^(?:{alternation(OTHER_LEVEL1)}|决策|过程)(?:\(\d+(?:\.\d+)?分?\))?$|^预算执行(?:率|情况)?\(\d+分\)$")
# measure units: the generator draws these (repeats and blanks are draw weights) ...
UNITS_OF_MEASURE = ("人", "个", "次", "%", "万元", "元", "户", "天", "年", "月", "公里", "项", "人次", "元/人", "家", "台", "所")
# ... and the collapsed-text reader reads these, and more, as closing a spaced-out number (2 9 7 8 元)
MEASURE_UNITS = frozenset([*UNITS_OF_MEASURE, *"件份处条套辆", "万人", "亩", "平方米"])


# level-2 categories under each level-1, in the framework's order
LEVEL1_CHILDREN: dict[str, tuple[str, ...]] = {
    l1: tuple(l2 for l2, parent in LEVEL2_PARENT.items() if parent == l1) for l1 in LEVEL1}
# every whole word the parser keys on: labels, column headers, categories
KNOWN_WORDS: frozenset[str] = HEADER_WORDS | frozenset(LABEL_WORDS)
